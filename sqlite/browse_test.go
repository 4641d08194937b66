package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// browseStore holds n one-event articles, event i on day 2020-01-(1+i%28)
// in Gao or Ganja (alternately), killing i, disputed every third, with the
// perpetrator "Rebel Brigade i%4".
func browseStore(t *testing.T, n int) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "browse.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var batch []sitrep.Extracted
	for i := range n {
		day := fmt.Sprintf("2020-01-%02d", 1+i%28)
		place := sitrep.Place{Text: "Gao", Name: "Gao", Country: "MLI", Kind: sitrep.PlaceCity, Lat: ptrTo(16.27 + float64(i)/100), Lon: ptrTo(-0.04), GeonameID: ptrTo(2457163 + i)}
		if i%2 == 1 {
			place = sitrep.Place{Text: "Ganja", Name: "Ganja", Country: "AZE", Kind: sitrep.PlaceCity, Lat: ptrTo(40.68 + float64(i)/100), Lon: ptrTo(46.36), GeonameID: ptrTo(587084 + i)}
		}
		typ, sub := "Battles", "Armed clash"
		if i%5 == 0 {
			typ, sub = "Explosions/Remote violence", "Shelling/artillery/missile attack"
		}
		text := fmt.Sprintf("Report %d: fighting near %s killed %d.", i, place.Name, i)
		claims := []sitrep.Claim{{Stance: sitrep.Asserts, Cue: "said", End: len(text), Killed: sitrep.NewCount(i, i, i)}}
		if i%3 == 0 {
			claims = append(claims, sitrep.Claim{Claimant: &sitrep.Actor{Text: "the ministry", Name: "Ministry"}, Stance: sitrep.Denies, Cue: "denied"})
		}
		ev := sitrep.Event{
			ID: "e1", End: len(text), Text: text, Cameo: "190", Plover: "FIGHT", ACLEDEventType: &typ, ACLEDSubEventType: &sub,
			Actor1:   &sitrep.Actor{Text: "the brigade", Name: fmt.Sprintf("Rebel Brigade %d", i%4), Country: place.Country, Inter: 2, Ref: -1},
			Location: &place, Date: sitrep.EventDate{Start: &day, End: &day, Precision: sitrep.PrecisionDay},
			Scope: sitrep.ScopeIncident, Killed: sitrep.NewCount(i, i, i), Claims: claims, Disputed: i%3 == 0,
		}
		id := fmt.Sprintf("a%03d", i)
		pub := day
		batch = append(batch, sitrep.Extracted{
			Article: sitrep.Article{ID: id, Text: text, Published: pub},
			Doc:     sitrep.Document{ID: id, Published: &pub, Places: []sitrep.Place{place}, Events: []sitrep.Event{ev}, Warnings: []string{"a warning"}},
		})
	}
	if _, err := s.Ingest(context.Background(), batch, sitrep.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

func ptrTo[T any](v T) *T { return &v }

func eventIDs(evs []*sitrep.MergedEvent) []string {
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	return ids
}

// TestEventPageWalksWhatEventsReturns pages through each filter in both
// orders and checks that the pages add up to what Events returns.
func TestEventPageWalksWhatEventsReturns(t *testing.T) {
	s := browseStore(t, 60)
	yes := true
	filters := map[string]sitrep.EventFilter{
		"all":          {},
		"country":      {Country: "aze"},
		"dates":        {From: "2020-01-05", To: "2020-01-09"},
		"disputed":     {Disputed: &yes},
		"killed":       {MinKilled: 30},
		"type":         {Type: "Shelling/artillery/missile attack"},
		"actor":        {Actor: "brigade 3"},
		"text":         {Text: "Ganja"},
		"bbox":         {BBox: &sitrep.BBox{MinLon: -1, MinLat: 16, MaxLon: 1, MaxLat: 17}},
		"other policy": {Policy: "ucdp", MinKilled: 20},
		"none":         {Country: "XXX"},
	}
	for name, f := range filters {
		t.Run(name, func(t *testing.T) {
			want, err := s.Events(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			if name != "none" && len(want) == 0 {
				t.Fatal("the filter selects nothing: a useless case")
			}
			for _, newest := range []bool{false, true} {
				var got []*sitrep.MergedEvent
				cursor, pages := "", 0
				for {
					pf := f
					pf.Limit = 7
					page, err := s.EventPage(context.Background(), pf, cursor, newest)
					if err != nil {
						t.Fatal(err)
					}
					if len(page.Events) > 7 {
						t.Fatalf("%d events in a page of 7", len(page.Events))
					}
					got = append(got, page.Events...)
					pages++
					if page.Next == "" || pages > 20 {
						break
					}
					cursor = page.Next
				}
				w := eventIDs(want)
				if newest {
					slices.Reverse(w)
				}
				if g := eventIDs(got); !slices.Equal(g, w) {
					t.Errorf("newest first %v: pages give %v, want %v", newest, g, w)
				}
				// The same pages as JSON.
				var raw []*sitrep.MergedEvent
				for cursor, pages := "", 0; pages == 0 || cursor != "" && pages < 20; pages++ {
					pf := f
					pf.Limit = 7
					evs, next, err := s.EventPageJSON(context.Background(), pf, cursor, newest)
					if err != nil {
						t.Fatal(err)
					}
					for _, data := range evs {
						ev := &sitrep.MergedEvent{}
						if err := json.Unmarshal(data, ev); err != nil {
							t.Fatal(err)
						}
						raw = append(raw, ev)
					}
					cursor = next
				}
				if g := eventIDs(raw); !slices.Equal(g, w) {
					t.Errorf("newest first %v: JSON pages give %v, want %v", newest, g, w)
				}
				for i := range min(len(raw), len(got)) {
					if !reflect.DeepEqual(raw[i], got[i]) {
						t.Errorf("event %s as JSON differs from the decoded one", got[i].ID)
						break
					}
				}
			}
		})
	}
}

func TestEventPageRejectsBadCursors(t *testing.T) {
	s := browseStore(t, 3)
	for _, c := range []string{"x", "!!!", "YWJj", "MjAyMC0wMS0wMTAwMDAwMDB8MQ"} {
		if _, err := s.EventPage(context.Background(), sitrep.EventFilter{}, c, false); sitrep.ErrorCode(err) != sitrep.EInvalid {
			t.Errorf("cursor %q: %v, want an EInvalid error", c, err)
		}
	}
}

func TestEventPoints(t *testing.T) {
	s := browseStore(t, 20)
	pts, err := s.EventPoints(context.Background(), sitrep.EventFilter{Country: "AZE", Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 4 {
		t.Fatalf("%d points, want 4", len(pts))
	}
	for i, p := range pts {
		if p.Country != "AZE" || p.Place != "Ganja" || p.Type != "Battles" && p.Type != "Explosions/Remote violence" || p.Killed == nil {
			t.Errorf("point %+v", p)
		}
		if i > 0 && p.Date > pts[i-1].Date {
			t.Errorf("points not newest first: %s after %s", p.Date, pts[i-1].Date)
		}
	}
}

func TestSeries(t *testing.T) {
	s := browseStore(t, 28)
	days, err := s.Series(context.Background(), sitrep.EventFilter{}, sitrep.ByNone, sitrep.IntervalDay)
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 28 || days[3] != (sitrep.SeriesPoint{Date: "2020-01-04", Events: 1, Killed: 3}) {
		t.Errorf("daily series: %d points, the fourth %+v", len(days), days[min(3, len(days)-1)])
	}
	weeks, err := s.Series(context.Background(), sitrep.EventFilter{}, sitrep.ByCountry, sitrep.IntervalWeek)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, p := range weeks {
		total += p.Events
		if p.Group != "AZE" && p.Group != "MLI" {
			t.Errorf("group %q", p.Group)
		}
	}
	// 2020-01-01 is a Wednesday: its week starts on 2019-12-30.
	if total != 28 || weeks[0].Date != "2019-12-30" {
		t.Errorf("weekly series by country: %+v", weeks)
	}
	totals, err := s.Series(context.Background(), sitrep.EventFilter{}, sitrep.ByType, sitrep.IntervalAll)
	if err != nil {
		t.Fatal(err)
	}
	// Events 0, 5, ..., 25 are shellings: 6 of them, killing 0+5+...+25.
	want := []sitrep.SeriesPoint{{Group: "Battles", Events: 22, Killed: 378 - 75}, {Group: "Explosions/Remote violence", Events: 6, Killed: 75}}
	if !slices.Equal(totals, want) {
		t.Errorf("totals by type: %+v, want %+v", totals, want)
	}
	if _, err := s.Series(context.Background(), sitrep.EventFilter{}, "colour", sitrep.IntervalDay); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("series by colour: %v", err)
	}
}

func TestArticles(t *testing.T) {
	s := browseStore(t, 5)
	var ids []string
	cursor := ""
	for range 5 {
		list, next, err := s.Articles(context.Background(), cursor, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			ids = append(ids, a.ID)
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if strings.Join(ids, ",") != "a004,a003,a002,a001,a000" {
		t.Errorf("articles newest first: %v", ids)
	}
	a, err := s.Article(context.Background(), "a003")
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Report 3: fighting near Ganja killed 3." || len(a.Events) != 1 || a.Events[0].ID != "a003/e1" || a.Events[0].EventID == "" ||
		len(a.Places) != 1 || a.Places[0].Name != "Ganja" || a.Mentions != 1 || len(a.Warnings) != 1 {
		t.Errorf("article: %+v", a)
	}
	if _, err := s.Article(context.Background(), "nope"); sitrep.ErrorCode(err) != sitrep.ENotFound {
		t.Errorf("missing article: %v", err)
	}
}

// reopenOlder closes s, takes its database back to an older schema with
// the statements given, and opens it again, which migrates it.
func reopenOlder(t *testing.T, s *Store, stmts ...string) *Store {
	t.Helper()
	path := s.Path()
	s.Close()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestActorNamesOfAnOlderDatabase takes a database back to the first
// schema, opens it (migration 0002 runs) and checks that the actor filter
// finds the actors stored before, and those stored after.
func TestActorNamesOfAnOlderDatabase(t *testing.T) {
	s := reopenOlder(t, browseStore(t, 8),
		`DROP TRIGGER actors_add_names`, `DROP TABLE actor_names`,
		`DROP INDEX events_browse`, `DROP INDEX events_browse_country`, `DROP INDEX mentions_article_event`,
		`DROP INDEX actors_name`, `DROP INDEX actors_acled_name`, `DROP INDEX actors_text`, `DROP INDEX actors_cameo`,
		`DROP INDEX mentions_event_article`, `DROP INDEX events_browse_spanning`, `CREATE INDEX mentions_event ON mentions(event)`,
		`PRAGMA user_version = 1`,
	)
	if v, _ := s.SchemaVersion(context.Background()); v < 2 {
		t.Fatalf("schema version %d after opening", v)
	}
	evs, err := s.Events(context.Background(), sitrep.EventFilter{Actor: "rebel BRIGADE 1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 { // events 1 and 5
		t.Errorf("actor filter on the older rows: %v", eventIDs(evs))
	}
	day := "2020-02-01"
	text := "Militia of the North attacked Gao."
	ev := sitrep.Event{ID: "e1", End: len(text), Text: text, Cameo: "190", Scope: sitrep.ScopeIncident,
		Actor1: &sitrep.Actor{Text: "Militia of the North", Name: "Northern Militia", Cameo: "MLIREB", Ref: -1},
		Date:   sitrep.EventDate{Start: &day, End: &day, Precision: sitrep.PrecisionDay}}
	_, err = s.Ingest(context.Background(), []sitrep.Extracted{{Article: sitrep.Article{ID: "new", Text: text},
		Doc: sitrep.Document{ID: "new", Events: []sitrep.Event{ev}}}}, sitrep.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, actor := range []string{"northern", "of the north", "mlireb"} {
		evs, err := s.Events(context.Background(), sitrep.EventFilter{Actor: actor})
		if err != nil || len(evs) != 1 {
			t.Errorf("actor %q after ingesting: %v %v", actor, eventIDs(evs), err)
		}
	}
}
