package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// spanningStore is browseStore(t, 60) with events whose days span months,
// or that have only a first or a last day, all in Gao.
func spanningStore(t *testing.T) *Store {
	t.Helper()
	s := browseStore(t, 60)
	days := []struct{ start, end string }{
		{"2019-12-20", "2020-01-15"}, // starts before from's month, ends after from
		{"2019-11-02", "2020-01-03"}, // ends before from
		{"", "2020-01-20"},           // a last day only
		{"2020-01-10", "2020-02-14"},
		{"2018-05-01", "2020-03-01"},
		{"2020-01-31", ""}, // a first day only
		{"2019-12-31", "2020-01-05"},
	}
	var batch []sitrep.Extracted
	for i, d := range days {
		place := sitrep.Place{Text: "Gao", Name: "Gao", Country: "MLI", Kind: sitrep.PlaceCity, Lat: ptrTo(16.5), Lon: ptrTo(-0.04), GeonameID: ptrTo(3000000 + i)}
		text := fmt.Sprintf("Spanning %d: fighting near Gao killed %d.", i, 10+i)
		typ, sub := "Violence against civilians", "Attack"
		ev := sitrep.Event{
			ID: "e1", End: len(text), Text: text, Cameo: "180", Plover: "ASSAULT", ACLEDEventType: &typ, ACLEDSubEventType: &sub,
			Actor1:   &sitrep.Actor{Text: "the brigade", Name: fmt.Sprintf("Rebel Brigade %d", i%4), Country: "MLI", Inter: 2, Ref: -1},
			Location: &place, Date: sitrep.EventDate{Precision: sitrep.PrecisionDay},
			Scope: sitrep.ScopeAggregate, Killed: sitrep.NewCount(10+i, 10+i, 10+i),
			Claims: []sitrep.Claim{{Stance: sitrep.Asserts, Cue: "said", End: len(text), Killed: sitrep.NewCount(10+i, 10+i, 10+i)}},
		}
		if d.start != "" {
			ev.Date.Start = ptrTo(d.start)
		}
		if d.end != "" {
			ev.Date.End = ptrTo(d.end)
		}
		id := fmt.Sprintf("s%d", i)
		pub := "2020-03-02"
		batch = append(batch, sitrep.Extracted{
			Article: sitrep.Article{ID: id, Text: text, Published: pub},
			Doc:     sitrep.Document{ID: id, Published: &pub, Places: []sitrep.Place{place}, Events: []sitrep.Event{ev}, Warnings: []string{}},
		})
	}
	if _, err := s.Ingest(context.Background(), batch, sitrep.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// testPlans are the ways a page can read f's actor, text and box filters:
// all as sets, or checked event by event with budgets from one event on.
func testPlans(f sitrep.EventFilter) map[string]pagePlan {
	var sets, articles, checks, checkSets, fewChecks, fewSets []cond
	if f.BBox != nil {
		sets = append(sets, bboxSet(f.BBox))
		articles = append(articles, bboxSet(f.BBox))
		checks, checkSets = append(checks, bboxCheck(f.BBox)), append(checkSets, bboxSet(f.BBox))
		fewChecks, fewSets = append(fewChecks, bboxCheck(f.BBox)), append(fewSets, bboxSet(f.BBox))
	}
	if f.Actor != "" {
		sets = append(sets, actorSet(f.Actor))
		articles = append(articles, actorSet(f.Actor))
		checks, checkSets = append(checks, actorCheck(f.Actor)), append(checkSets, actorSet(f.Actor))
		fewChecks, fewSets = append(fewChecks, actorCheck(f.Actor)), append(fewSets, actorSet(f.Actor))
	}
	var few []cond
	if f.Text != "" {
		sets = append(sets, textEvents(f.Text))
		articles = append(articles, textArticles(f.Text))
		checks, checkSets = append(checks, textCheck(f.Text)), append(checkSets, textArticles(f.Text))
		few = append(few, textEvents(f.Text))
	}
	plans := map[string]pagePlan{
		"sets":          {fixed: sets},
		"text articles": {fixed: articles},
	}
	if len(checks) > 0 {
		for _, b := range []int{1, 2, 5, 1000} {
			plans[fmt.Sprintf("checks, budget %d", b)] = pagePlan{checks: checks, sets: checkSets, budget: b}
		}
	}
	if len(fewChecks) > 0 && len(few) > 0 {
		plans["few words, checks, budget 2"] = pagePlan{fixed: few, checks: fewChecks, sets: fewSets, budget: 2}
	}
	return plans
}

// TestPagePlansReadWhatEventsReturns pages through filters under every
// plan, in both orders, and checks that the pages add up to what Events
// returns.
func TestPagePlansReadWhatEventsReturns(t *testing.T) {
	s := spanningStore(t)
	box := &sitrep.BBox{MinLon: -1, MinLat: 16, MaxLon: 1, MaxLat: 17}
	filters := map[string]sitrep.EventFilter{
		"all":                      {},
		"from":                     {From: "2020-01-05"},
		"from, to":                 {From: "2020-01-05", To: "2020-01-09"},
		"to":                       {To: "2020-01-02"},
		"from, country":            {From: "2020-01-16", Country: "mli"},
		"words in all":             {Text: "fighting"},
		"words in some":            {Text: "Ganja"},
		"words, country":           {Text: "fighting", Country: "MLI"},
		"words, from":              {Text: "fighting", From: "2020-01-05"},
		"actor":                    {Actor: "brigade 3"},
		"actor, country":           {Actor: "brigade", Country: "MLI"},
		"actor, from":              {Actor: "brigade 1", From: "2020-01-05"},
		"box":                      {BBox: box},
		"box, from":                {BBox: box, From: "2020-01-05"},
		"box, actor, words":        {BBox: box, Actor: "brigade 2", Text: "fighting"},
		"box, actor, words, dates": {BBox: box, Actor: "brigade", Text: "killed", From: "2020-01-05", To: "2020-01-20"},
		"none":                     {Text: "fighting", Country: "XXX"},
	}
	for name, f := range filters {
		want, err := s.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if name != "none" && len(want) == 0 {
			t.Fatalf("%s: the filter selects nothing: a useless case", name)
		}
		for plan, p := range testPlans(f) {
			for _, newest := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/newest first %v", name, plan, newest), func(t *testing.T) {
					var got []string
					var at *cursor
					for pages := 0; pages < 30; pages++ {
						rows, err := s.readPlanned(context.Background(), f, false, p, at, newest, 8)
						if err != nil {
							t.Fatal(err)
						}
						for _, r := range rows[:min(7, len(rows))] {
							got = append(got, strconv.FormatInt(r.ID, 10))
							at = &r.cursor
						}
						if len(rows) < 8 {
							break
						}
					}
					w := eventIDs(want)
					if newest {
						slices.Reverse(w)
					}
					if !slices.Equal(got, w) {
						t.Errorf("pages give %v, want %v", got, w)
					}
				})
			}
		}
	}
}

// TestFromFindsEventsSpanningMonths checks the events a from filter finds
// before from's month: those that span months and end on or after from.
func TestFromFindsEventsSpanningMonths(t *testing.T) {
	s := spanningStore(t)
	page, err := s.EventPage(context.Background(), sitrep.EventFilter{From: "2020-01-05", Limit: 4}, "", false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range page.Events {
		got = append(got, *ev.Date.Start+".."+*ev.Date.End)
	}
	want := []string{"2018-05-01..2020-03-01", "2019-12-20..2020-01-15", "2019-12-31..2020-01-05", "2020-01-05..2020-01-05"}
	if !slices.Equal(got, want) {
		t.Errorf("the first events from 2020-01-05: %v, want %v", got, want)
	}
}

// TestPageIndexesOfAnOlderDatabase takes a database back to the second
// schema, opens it (migration 0003 runs) and checks that the indexes are
// there and that the queries of a page use them.
func TestPageIndexesOfAnOlderDatabase(t *testing.T) {
	s := reopenOlder(t, spanningStore(t),
		`DROP INDEX mentions_event_article`, `DROP INDEX events_browse_spanning`, `CREATE INDEX mentions_event ON mentions(event)`,
		`PRAGMA user_version = 2`,
	)
	if v, _ := s.SchemaVersion(context.Background()); v != 3 {
		t.Fatalf("schema version %d after opening, want 3", v)
	}
	var indexes []string
	rows, err := s.r.Query(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('mentions_event', 'mentions_event_article', 'events_browse_spanning') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		indexes = append(indexes, name)
	}
	rows.Close()
	if want := []string{"events_browse_spanning", "mentions_event_article"}; !slices.Equal(indexes, want) {
		t.Errorf("indexes %v, want %v", indexes, want)
	}
	f := sitrep.EventFilter{From: "2020-01-05", Text: "fighting", Actor: "brigade", Limit: 100}
	page, err := s.EventPage(context.Background(), f, "", false)
	if err != nil {
		t.Fatal(err)
	}
	// Events 0-3, 28-31 and 56-59 end before 2020-01-05, as does one
	// spanning months.
	if len(page.Events) != 60-12+6 {
		t.Errorf("%d events from 2020-01-05, want %d", len(page.Events), 60-12+6)
	}
	// The part of the list before from's month is read in its own index.
	cols, _ := columnConds(f, false)
	w, args := whereSQL(cols, listParts(f.From, false)[0])
	plan := queryPlan(t, s, `SELECT e.id FROM events e`+w+listOrder(false), args...)
	if !strings.Contains(plan, "events_browse_spanning") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("events before from's month: plan %q, want a search of events_browse_spanning in list order", plan)
	}
	// The events' reports are read with their articles.
	plan = queryPlan(t, s, `SELECT e.id FROM events e WHERE `+textArticles("fighting").sql+` AND e.country = 'MLI'`, "fighting")
	if !strings.Contains(plan, "COVERING INDEX mentions_event_article") {
		t.Errorf("words by articles: plan %q, want the covering index mentions_event_article", plan)
	}
}

// queryPlan returns SQLite's plan of a query, one step a line.
func queryPlan(t *testing.T, s *Store, q string, args ...any) string {
	t.Helper()
	rows, err := s.r.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return strings.Join(steps, "\n")
}
