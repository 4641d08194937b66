// Package storetest is the test suite of sitrep.EventStore, which every
// store implementation runs against itself: the same articles, merges,
// overrides, filters and policies give the same answers on every engine.
//
// A store's tests call Run with an Engine that opens empty stores:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, storetest.Engine{Open: func(t *testing.T) sitrep.EventStore { ... }})
//	}
package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// Engine opens the stores the suite runs against.
type Engine struct {
	// Open returns a new, empty store, closed when the test ends.
	Open func(t *testing.T) sitrep.EventStore
	// Reopen returns a second handle on the store s, as another process
	// would open it, closed when the test ends. Nil when the engine has
	// one writer per store: the race is then run within one handle.
	Reopen func(t *testing.T, s sitrep.EventStore) sitrep.EventStore
}

// Checker is a store that can check its own consistency; the suite calls
// it after the tests that move reports around.
type Checker interface {
	// IntegrityCheck returns what is wrong with the store, nil when
	// nothing is.
	IntegrityCheck(ctx context.Context) ([]string, error)
}

// Run runs the whole suite, each test as a subtest on a store of its own.
func Run(t *testing.T, e Engine) {
	tests := []struct {
		name string
		f    func(t *testing.T, e Engine)
	}{
		{"IngestIsIdempotent", testIngestIsIdempotent},
		{"ReportsMergeAcrossArticles", testReportsMergeAcrossArticles},
		{"OverridesSurviveReingest", testOverridesSurviveReingest},
		{"Filters", testFilters},
		{"SetPolicy", testSetPolicy},
		{"ConcurrentIngest", testConcurrentIngest},
		{"Browse", testBrowse},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.f(t, e) })
	}
}

func sp(s string) *string   { return &s }
func ip(n int) *int         { return &n }
func fp(f float64) *float64 { return &f }
func yes() *bool            { t := true; return &t }
func ctx() context.Context  { return context.Background() }

// Places and actors of the stories below.
var (
	Ganja  = &sitrep.Place{Text: "Ganja", Name: "Ganja", Country: "AZE", Admin1: "Ganja", Kind: sitrep.PlaceCity, GeonameID: ip(587084), Lat: fp(40.68), Lon: fp(46.36)}
	Tartar = &sitrep.Place{Text: "Tartar", Name: "Tartar", Country: "AZE", Admin1: "Tartar", Kind: sitrep.PlaceCity, GeonameID: ip(585170), Lat: fp(40.34), Lon: fp(46.93)}
	Gao    = &sitrep.Place{Text: "Gao", Name: "Gao", Country: "MLI", Admin1: "Gao", Kind: sitrep.PlaceCity, GeonameID: ip(2457163), Lat: fp(16.27), Lon: fp(-0.04)}
	armed  = &sitrep.Actor{Text: "Armenian forces", ACLEDName: "Military Forces of Armenia", Country: "ARM", Inter: 1, Sector: "MIL", Cameo: "ARMMIL"}
	rebels = &sitrep.Actor{Text: "JNIM", ACLEDName: "JNIM: Group for Support of Islam and Muslims", Country: "MLI", Inter: 2, Cameo: "MLIREB"}
)

// Shelling is an event report written for these tests: Armenian shelling
// of place on day, killing killed.
func Shelling(id, text string, place *sitrep.Place, day string, killed int) sitrep.Event {
	e := sitrep.Event{
		ID: id, Text: text, Cameo: "194", Plover: "ASSAULT",
		ACLEDEventType: sp("Explosions/Remote violence"), ACLEDSubEventType: sp("Shelling/artillery/missile attack"),
		Actor1: armed, Location: place, GeoPrecision: ip(1),
		Date:  sitrep.EventDate{Start: sp(day), End: sp(day), Precision: sitrep.PrecisionDay},
		Scope: sitrep.ScopeIncident, Confidence: 0.7,
		Claims: []sitrep.Claim{{Stance: sitrep.Asserts, Cue: "reported", Killed: sitrep.NewCount(killed, killed, killed)}},
	}
	e.Killed = sitrep.NewCount(killed, killed, killed)
	return e
}

// Article is an extracted article published on 2020-10-17 with the given
// events.
func Article(id, outlet, url, text string, evs ...sitrep.Event) sitrep.Extracted {
	pub := "2020-10-17"
	doc := sitrep.Document{ID: id, Published: &pub, Places: []sitrep.Place{}, Events: evs, Warnings: []string{}}
	if outlet != "" {
		doc.Outlet = &outlet
	}
	if url != "" {
		doc.URL = &url
	}
	return sitrep.Extracted{Article: sitrep.Article{ID: id, Text: text, URL: url, Outlet: outlet, Published: pub}, Doc: doc}
}

func ingest(t *testing.T, s sitrep.EventStore, opts sitrep.IngestOptions, batch ...sitrep.Extracted) sitrep.IngestResult {
	t.Helper()
	res, err := s.Ingest(ctx(), batch, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func all(t *testing.T, s sitrep.EventStore, f sitrep.EventFilter) []*sitrep.MergedEvent {
	t.Helper()
	evs, err := s.Events(ctx(), f)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func check(t *testing.T, s sitrep.EventStore) {
	t.Helper()
	c, ok := s.(Checker)
	if !ok {
		return
	}
	if bad, err := c.IntegrityCheck(ctx()); err != nil || len(bad) > 0 {
		t.Errorf("integrity: %v %v", bad, err)
	}
}

func testIngestIsIdempotent(t *testing.T, e Engine) {
	s := e.Open(t)
	a := Article("a", "Wire", "https://wire.example/a", "Shells hit Ganja.", Shelling("e1", "Shells hit Ganja.", Ganja, "2020-10-16", 12))
	if res := ingest(t, s, sitrep.IngestOptions{}, a, a); res.Articles != 1 || res.Duplicates != 1 || res.NewEvents != 1 {
		t.Errorf("same article twice in a batch: %+v", res)
	}
	if res := ingest(t, s, sitrep.IngestOptions{}, a); res.Articles != 0 || res.Duplicates != 1 {
		t.Errorf("same article again: %+v", res)
	}
	sameURL := Article("a2", "Wire", "https://wire.example/a", "Shells hit Ganja, updated.")
	if res := ingest(t, s, sitrep.IngestOptions{}, sameURL); res.Duplicates != 1 {
		t.Errorf("same URL, new text: %+v", res)
	}
	sameText := Article("other-id", "", "", "Shells hit Ganja.")
	if res := ingest(t, s, sitrep.IngestOptions{}, sameText); res.Duplicates != 1 {
		t.Errorf("same text, new id: %+v", res)
	}
	if known, err := s.Known(ctx(), sitrep.TextHash("Shells hit Ganja."), ""); err != nil || !known {
		t.Errorf("Known = %v, %v", known, err)
	}
	if known, err := s.Known(ctx(), sitrep.TextHash("Never stored."), "https://wire.example/a"); err != nil || !known {
		t.Errorf("Known by URL = %v, %v", known, err)
	}
	if known, err := s.Known(ctx(), sitrep.TextHash("Never stored."), ""); err != nil || known {
		t.Errorf("Known of a new article = %v, %v", known, err)
	}
	// A different article under a taken id keeps both.
	clash := Article("a", "", "", "Another story entirely.")
	if res := ingest(t, s, sitrep.IngestOptions{}, clash); res.Articles != 1 {
		t.Errorf("taken id: %+v", res)
	}
	st, _ := s.Stats(ctx())
	if st.Articles != 2 || st.Events != 1 || st.Mentions != 1 {
		t.Errorf("stats %+v", st)
	}
	check(t, s)
}

func testReportsMergeAcrossArticles(t *testing.T, e Engine) {
	s := e.Open(t)
	ingest(t, s, sitrep.IngestOptions{},
		Article("a", "Al Jazeera", "", "Twelve killed in Ganja.", Shelling("e1", "Armenian shelling killed 12 civilians in Ganja.", Ganja, "2020-10-16", 12)),
		Article("b", "Reuters", "", "Ganja shelled.", Shelling("e1", "Shells fell on the city of Ganja overnight, killing 13.", Ganja, "2020-10-16", 13),
			Shelling("e2", "Tartar was shelled too.", Tartar, "2020-10-16", 0)),
	)
	res := ingest(t, s, sitrep.IngestOptions{}, Article("c", "AFP", "", "Mali.", Shelling("e1", "Shelling near Gao.", Gao, "2020-10-16", 2)))
	if res.NewEvents != 1 || res.Merged != 0 {
		t.Errorf("another country: %+v", res)
	}
	evs := all(t, s, sitrep.EventFilter{Country: "AZE"})
	if len(evs) != 2 {
		t.Fatalf("%d events in AZE, want 2 (Ganja, Tartar)", len(evs))
	}
	g := evs[0]
	if g.Location.Name != "Ganja" {
		g = evs[1]
	}
	if len(g.Sources) != 2 || len(g.Merge) != 2 || len(g.Claims) != 2 {
		t.Fatalf("Ganja: %d sources, %d merge notes, %d claims", len(g.Sources), len(g.Merge), len(g.Claims))
	}
	if g.Merge[0].Reason != "first report" || g.Merge[1].Mention != "b/e1" || !strings.Contains(g.Merge[1].Reason, "same place (Ganja") || g.Merge[1].Score < 0.7 {
		t.Errorf("merge notes %+v", g.Merge)
	}
	if *g.Killed.Low != 12 || *g.Killed.High != 13 || g.Claims[1].ArticleID != "b" || *g.Claims[1].Outlet != "Reuters" {
		t.Errorf("killed %+v, claims %+v", g.Killed, g.Claims)
	}
	ms, err := s.Mentions(ctx(), g.ID)
	if err != nil || len(ms) != 2 || ms[1].Source.ArticleID != "b" || ms[1].Event.Text != "Shells fell on the city of Ganja overnight, killing 13." {
		t.Errorf("mentions %+v %v", ms, err)
	}
	one, err := s.Event(ctx(), g.ID)
	if err != nil || one.ID != g.ID || len(one.Sources) != 2 {
		t.Errorf("Event(%s) = %+v, %v", g.ID, one, err)
	}
	for _, id := range []string{"999", "x", "-1"} {
		if _, err := s.Event(ctx(), id); sitrep.ErrorCode(err) != sitrep.ENotFound {
			t.Errorf("Event(%q): %v", id, err)
		}
		if _, err := s.Mentions(ctx(), id); sitrep.ErrorCode(err) != sitrep.ENotFound {
			t.Errorf("Mentions(%q): %v", id, err)
		}
	}
	st, _ := s.Stats(ctx())
	if st.Articles != 3 || st.Mentions != 4 || st.Events != 3 || st.Overrides != 0 || st.Policy != "conservative" {
		t.Errorf("stats %+v", st)
	}
}

func testOverridesSurviveReingest(t *testing.T, e Engine) {
	s := e.Open(t)
	a := Article("a", "A", "", "Ganja story.", Shelling("e1", "Armenian shelling killed 12 civilians in Ganja.", Ganja, "2020-10-16", 12))
	b := Article("b", "B", "", "Ganja again.", Shelling("e1", "Shells fell on the city of Ganja overnight.", Ganja, "2020-10-16", 12))
	c := Article("c", "C", "", "Tartar story.", Shelling("e1", "Tartar came under fire.", Tartar, "2020-10-16", 3))
	ingest(t, s, sitrep.IngestOptions{}, a, b, c)
	evs := all(t, s, sitrep.EventFilter{})
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2", len(evs))
	}
	ganjaID, tartarID := evs[0].ID, evs[1].ID

	// The analyst says the Tartar report is the Ganja event, and that b is
	// not.
	merged, err := s.Merge(ctx(), ganjaID, tartarID)
	if err != nil || len(merged.Sources) != 3 {
		t.Fatalf("merge: %v %+v", err, merged)
	}
	if _, err := s.Event(ctx(), tartarID); sitrep.ErrorCode(err) != sitrep.ENotFound {
		t.Errorf("the merged-away event %s: %v", tartarID, err)
	}
	split, err := s.Split(ctx(), ganjaID, "b/e1")
	if err != nil || len(split.Sources) != 1 || split.Merge[0].Reason != "split from event "+ganjaID+" by an analyst" {
		t.Fatalf("split: %v %+v", err, split)
	}
	groupsOK := func(when string) {
		t.Helper()
		evs := all(t, s, sitrep.EventFilter{})
		groups := map[string]string{}
		for _, ev := range evs {
			var ids []string
			for _, m := range ev.Merge {
				ids = append(ids, m.Mention)
			}
			for _, id := range ids {
				groups[id] = strings.Join(ids, ",")
			}
		}
		if len(evs) != 2 || groups["a/e1"] != groups["c/e1"] || groups["a/e1"] == groups["b/e1"] {
			t.Errorf("%s: %d events, groups %v: want a with c, b alone", when, len(evs), groups)
		}
	}
	groupsOK("after the overrides")
	for _, art := range []sitrep.Extracted{a, b, c} {
		ingest(t, s, sitrep.IngestOptions{Replace: true}, art)
	}
	groupsOK("after ingesting every article again")
	// b's event was emptied and made again: its id may have changed.
	var alone string
	for _, ev := range all(t, s, sitrep.EventFilter{}) {
		if len(ev.Merge) == 1 && ev.Merge[0].Mention == "b/e1" {
			alone = ev.ID
		}
	}
	if _, err := s.Split(ctx(), alone, "b/e1"); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("splitting every report out: %v", err)
	}
	if _, err := s.Split(ctx(), alone, "nobody/e9"); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("splitting a report of another event: %v", err)
	}
	if _, err := s.Merge(ctx(), alone, alone); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("merging an event into itself: %v", err)
	}
	if _, err := s.Merge(ctx(), alone, "999999"); sitrep.ErrorCode(err) != sitrep.ENotFound {
		t.Errorf("merging a missing event: %v", err)
	}
	if st, _ := s.Stats(ctx()); st.Overrides == 0 || st.Articles != 3 || st.Mentions != 3 {
		t.Errorf("stats %+v", st)
	}
	check(t, s)
}

func testFilters(t *testing.T, e Engine) {
	s := e.Open(t)
	clash := Shelling("e1", "JNIM fighters clashed with soldiers near Gao.", Gao, "2021-03-08", 5)
	clash.ACLEDEventType, clash.ACLEDSubEventType, clash.Cameo, clash.Actor1 = sp("Battles"), sp("Armed clash"), "190", rebels
	disputed := Shelling("e1", "Shelling killed 12 in Ganja.", Ganja, "2020-10-16", 12)
	disputed.Disputed = true
	ingest(t, s, sitrep.IngestOptions{},
		Article("g", "A", "", "The city of Ganja was shelled at night.", disputed),
		Article("t", "B", "", "Tartar came under fire.", Shelling("e1", "Tartar came under fire.", Tartar, "2020-10-18", 1)),
		Article("m", "C", "", "Fighting near Gao in Mali.", clash),
	)
	cases := []struct {
		name string
		f    sitrep.EventFilter
		want string // locations, in order
	}{
		{"all", sitrep.EventFilter{}, "Ganja,Tartar,Gao"},
		{"country", sitrep.EventFilter{Country: "mli"}, "Gao"},
		{"admin1", sitrep.EventFilter{Admin1: "tartar"}, "Tartar"},
		{"from", sitrep.EventFilter{From: "2020-10-17"}, "Tartar,Gao"},
		{"to", sitrep.EventFilter{To: "2020-10-17"}, "Ganja"},
		{"acled type", sitrep.EventFilter{Type: "battles"}, "Gao"},
		{"sub-type", sitrep.EventFilter{Type: "Shelling/artillery/missile attack"}, "Ganja,Tartar"},
		{"cameo prefix", sitrep.EventFilter{Type: "19"}, "Ganja,Tartar,Gao"},
		{"plover", sitrep.EventFilter{Type: "assault"}, "Ganja,Tartar,Gao"},
		{"actor", sitrep.EventFilter{Actor: "jnim"}, "Gao"},
		{"actor code", sitrep.EventFilter{Actor: "ARMMIL"}, "Ganja,Tartar"},
		{"actor with a wildcard", sitrep.EventFilter{Actor: "ARM%"}, ""},
		{"disputed", sitrep.EventFilter{Disputed: yes()}, "Ganja"},
		{"min killed", sitrep.EventFilter{MinKilled: 5}, "Ganja,Gao"},
		{"text", sitrep.EventFilter{Text: "night"}, "Ganja"},
		{"text phrase", sitrep.EventFilter{Text: `"came under fire"`}, "Tartar"},
		{"text, no match", sitrep.EventFilter{Text: "earthquake"}, ""},
		{"bbox", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 46, MinLat: 40.5, MaxLon: 47, MaxLat: 41}}, "Ganja"},
		{"bbox over two", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 46, MinLat: 40, MaxLon: 47, MaxLat: 41}}, "Ganja,Tartar"},
		{"ids", sitrep.EventFilter{IDs: []string{"999999"}}, ""},
		{"limit", sitrep.EventFilter{Limit: 1}, "Ganja"},
		{"scope", sitrep.EventFilter{Scope: sitrep.ScopeAggregate}, ""},
		{"policy", sitrep.EventFilter{Policy: "ucdp", MinKilled: 5}, "Ganja,Gao"},
		{"several", sitrep.EventFilter{Country: "AZE", From: "2020-10-17", Type: "19", Actor: "armenia"}, "Tartar"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, ev := range all(t, s, c.f) {
				got = append(got, ev.Location.Name)
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("got %v, want %s", got, c.want)
			}
		})
	}
	evs := all(t, s, sitrep.EventFilter{})
	byIDs := all(t, s, sitrep.EventFilter{IDs: []string{evs[2].ID, evs[0].ID}})
	if len(byIDs) != 2 || byIDs[0].ID != evs[0].ID || byIDs[1].ID != evs[2].ID {
		t.Errorf("by ids: %d events", len(byIDs))
	}
	if _, err := s.Events(ctx(), sitrep.EventFilter{Text: `"unclosed`}); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("a bad text query: %v", err)
	}
	if _, err := s.Events(ctx(), sitrep.EventFilter{Policy: "kind"}); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("a bad policy: %v", err)
	}
}

func testSetPolicy(t *testing.T, e Engine) {
	s := e.Open(t)
	a := Shelling("e1", "Armenian shelling killed 12 civilians in Ganja.", Ganja, "2020-10-16", 12)
	b := Shelling("e1", "Shells fell on the city of Ganja overnight, killing 20.", Ganja, "2020-10-16", 20)
	c := Shelling("e1", "Ganja was hit; 14 were killed.", Ganja, "2020-10-16", 14)
	ingest(t, s, sitrep.IngestOptions{}, Article("a", "A", "", "a", a), Article("b", "B", "", "b", b), Article("c", "C", "", "c", c))
	if ev := all(t, s, sitrep.EventFilter{})[0]; *ev.Killed.Best != 12 || ev.Policy != "conservative" {
		t.Errorf("conservative: %+v %s", ev.Killed, ev.Policy)
	}
	if err := s.SetPolicy(ctx(), "ucdp"); err != nil {
		t.Fatal(err)
	}
	if ev := all(t, s, sitrep.EventFilter{})[0]; *ev.Killed.Best != 14 || *ev.Killed.High != 20 || ev.Policy != "ucdp" {
		t.Errorf("ucdp: %+v %s", ev.Killed, ev.Policy)
	}
	st, _ := s.Stats(ctx())
	if st.Policy != "ucdp" {
		t.Errorf("stats policy %s", st.Policy)
	}
	if err := s.SetPolicy(ctx(), "kind"); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("a bad policy: %v", err)
	}
	if e.Reopen != nil {
		// A store opened afterwards, or by another process, merges under
		// the policy set.
		other := e.Reopen(t, s)
		d := Shelling("e1", "Ganja again: 16 dead.", Ganja, "2020-10-16", 16)
		ingest(t, other, sitrep.IngestOptions{}, Article("d", "D", "", "d", d))
		if ev := all(t, other, sitrep.EventFilter{})[0]; ev.Policy != "ucdp" || len(ev.Sources) != 4 {
			t.Errorf("another handle: policy %s, %d sources", ev.Policy, len(ev.Sources))
		}
	}
}

// testConcurrentIngest races writers that store reports of the same few
// events at once: whatever the interleaving, each event is stored once,
// with every report, and no article twice.
func testConcurrentIngest(t *testing.T, e Engine) {
	s := e.Open(t)
	const writers, articles = 4, 12
	handles := make([]sitrep.EventStore, writers)
	for i := range handles {
		handles[i] = s
		if e.Reopen != nil && i > 0 {
			handles[i] = e.Reopen(t, s)
		}
	}
	places := []*sitrep.Place{Ganja, Tartar, Gao}
	var wg sync.WaitGroup
	errs := make(chan error, writers*articles)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range articles {
				p := places[i%len(places)]
				id := fmt.Sprintf("w%d-%d", w, i)
				text := fmt.Sprintf("Shelling hit %s, report %s.", p.Name, id)
				// Every writer also stores one article all the others store.
				if i == articles-1 {
					id, text = "shared", "One story every writer stores."
				}
				art := Article(id, "Wire", "", text, Shelling("e1", fmt.Sprintf("Armenian shelling hit %s overnight.", p.Name), p, "2020-10-16", 3))
				if _, err := handles[w].Ingest(ctx(), []sitrep.Extracted{art}, sitrep.IngestOptions{}); err != nil {
					errs <- fmt.Errorf("writer %d, %s: %w", w, id, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx())
	if err != nil {
		t.Fatal(err)
	}
	wantArticles := writers*(articles-1) + 1
	if st.Articles != wantArticles || st.Mentions != wantArticles || st.Events != len(places) {
		t.Errorf("stats %+v: want %d articles and reports in %d events", st, wantArticles, len(places))
	}
	var names []string
	for _, ev := range all(t, s, sitrep.EventFilter{}) {
		names = append(names, ev.Location.Name)
	}
	slices.Sort(names)
	if strings.Join(names, ",") != "Ganja,Gao,Tartar" {
		t.Errorf("events at %v: want one at each of Ganja, Gao, Tartar", names)
	}
	check(t, s)
}

// testBrowse pages through events and articles, and counts them over time,
// for the stores that are also EventBrowsers.
func testBrowse(t *testing.T, e Engine) {
	s := e.Open(t)
	b, ok := s.(sitrep.EventBrowser)
	if !ok {
		t.Skip("not an EventBrowser")
	}
	clash := Shelling("e1", "JNIM fighters clashed with soldiers near Gao.", Gao, "2021-03-08", 5)
	clash.ACLEDEventType, clash.ACLEDSubEventType, clash.Cameo, clash.Actor1 = sp("Battles"), sp("Armed clash"), "190", rebels
	g := Article("g", "A", "", "The city of Ganja was shelled at night.", Shelling("e1", "Shelling killed 12 in Ganja.", Ganja, "2020-10-16", 12))
	ganja := *Ganja
	ganja.Start, ganja.End = 12, 17
	places := []sitrep.Place{{Text: "The city", End: 8}, ganja}
	g.Doc.Places = []sitrep.Place{ganja, places[0]}
	ingest(t, s, sitrep.IngestOptions{},
		g,
		Article("t", "B", "", "Tartar came under fire.", Shelling("e1", "Tartar came under fire.", Tartar, "2020-10-18", 1)),
		Article("m", "C", "", "Fighting near Gao in Mali.", clash),
	)
	var want []string
	for _, ev := range all(t, s, sitrep.EventFilter{}) {
		want = append(want, ev.ID)
	}
	for _, newest := range []bool{false, true} {
		var got []string
		cursor := ""
		for range 10 {
			page, err := b.EventPage(ctx(), sitrep.EventFilter{Limit: 1}, cursor, newest)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range page.Events {
				got = append(got, ev.ID)
			}
			if cursor = page.Next; cursor == "" {
				break
			}
		}
		w := slices.Clone(want)
		if newest {
			slices.Reverse(w)
		}
		if !slices.Equal(got, w) {
			t.Errorf("pages (newest first %v): %v, want %v", newest, got, w)
		}
	}
	page, err := b.EventPage(ctx(), sitrep.EventFilter{Policy: "ucdp", MinKilled: 5, Limit: 1}, "", false)
	if err != nil || len(page.Events) != 1 || page.Events[0].Location.Name != "Ganja" || page.Events[0].Policy != "ucdp" || page.Next == "" {
		t.Errorf("a page under another policy: %+v, %v", page, err)
	}
	if _, err := b.EventPage(ctx(), sitrep.EventFilter{}, "not a cursor", false); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("a bad cursor: %v", err)
	}
	points, err := b.EventPoints(ctx(), sitrep.EventFilter{Limit: 2})
	if err != nil || len(points) != 2 || points[0].Place != "Gao" || points[0].Date != "2021-03-08" || *points[0].Killed != 5 || points[1].Place != "Tartar" {
		t.Errorf("points %+v, %v", points, err)
	}
	weeks, err := b.Series(ctx(), sitrep.EventFilter{}, sitrep.ByNone, sitrep.IntervalWeek)
	if err != nil || fmt.Sprint(weeks) != "[{ 2020-10-12 2 13} { 2021-03-08 1 5}]" {
		t.Errorf("weeks %v, %v", weeks, err)
	}
	days, err := b.Series(ctx(), sitrep.EventFilter{Country: "AZE"}, sitrep.ByType, sitrep.IntervalDay)
	if err != nil || fmt.Sprint(days) != "[{Explosions/Remote violence 2020-10-16 1 12} {Explosions/Remote violence 2020-10-18 1 1}]" {
		t.Errorf("days %v, %v", days, err)
	}
	totals, err := b.Series(ctx(), sitrep.EventFilter{}, sitrep.ByCountry, sitrep.IntervalAll)
	if err != nil || fmt.Sprint(totals) != "[{AZE  2 13} {MLI  1 5}]" {
		t.Errorf("totals by country %v, %v", totals, err)
	}
	if _, err := b.Series(ctx(), sitrep.EventFilter{}, "actor", sitrep.IntervalDay); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("series by actor: %v", err)
	}
	arts, next, err := b.Articles(ctx(), "", 2)
	if err != nil || len(arts) != 2 || arts[0].ID != "m" || arts[1].ID != "t" || next == "" || arts[0].Mentions != 1 || arts[0].IngestedAt == "" {
		t.Errorf("articles %+v %q %v", arts, next, err)
	}
	arts, next, err = b.Articles(ctx(), next, 2)
	if err != nil || len(arts) != 1 || arts[0].ID != "g" || next != "" {
		t.Errorf("second page of articles %+v %q %v", arts, next, err)
	}
	a, err := b.Article(ctx(), "g")
	if err != nil || a.Text != "The city of Ganja was shelled at night." || len(a.Events) != 1 || a.Events[0].ID != "g/e1" || a.Events[0].EventID != want[0] || a.Warnings == nil {
		t.Errorf("article %+v, %v", a, err)
	}
	if a != nil && !reflect.DeepEqual(a.Places, places) {
		t.Errorf("article places %+v, want %+v", a.Places, places)
	}
	if _, err := b.Article(ctx(), "nope"); sitrep.ErrorCode(err) != sitrep.ENotFound {
		t.Errorf("a missing article: %v", err)
	}
}
