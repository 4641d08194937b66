package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func sp(s string) *string   { return &s }
func ip(n int) *int         { return &n }
func fp(f float64) *float64 { return &f }
func yes() *bool            { t := true; return &t }
func ctx() context.Context  { return context.Background() }

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(ctx(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var (
	ganja  = &sitrep.Place{Text: "Ganja", Name: "Ganja", Country: "AZE", Admin1: "Ganja", Kind: sitrep.PlaceCity, GeonameID: ip(587084), Lat: fp(40.68), Lon: fp(46.36)}
	tartar = &sitrep.Place{Text: "Tartar", Name: "Tartar", Country: "AZE", Admin1: "Tartar", Kind: sitrep.PlaceCity, GeonameID: ip(585170), Lat: fp(40.34), Lon: fp(46.93)}
	gao    = &sitrep.Place{Text: "Gao", Name: "Gao", Country: "MLI", Admin1: "Gao", Kind: sitrep.PlaceCity, GeonameID: ip(2457163), Lat: fp(16.27), Lon: fp(-0.04)}
	armed  = &sitrep.Actor{Text: "Armenian forces", ACLEDName: "Military Forces of Armenia", Country: "ARM", Inter: 1, Sector: "MIL", Cameo: "ARMMIL"}
	rebels = &sitrep.Actor{Text: "JNIM", ACLEDName: "JNIM: Group for Support of Islam and Muslims", Country: "MLI", Inter: 2, Cameo: "MLIREB"}
)

// shelling is an event report written for these tests.
func shelling(id, text string, place *sitrep.Place, day string, killed int) sitrep.Event {
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

func article(id, outlet, url, text string, evs ...sitrep.Event) sitrep.Extracted {
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

func ingest(t *testing.T, s *Store, opts sitrep.IngestOptions, batch ...sitrep.Extracted) sitrep.IngestResult {
	t.Helper()
	res, err := s.Ingest(ctx(), batch, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func all(t *testing.T, s *Store, f sitrep.EventFilter) []*sitrep.MergedEvent {
	t.Helper()
	evs, err := s.Events(ctx(), f)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func TestOpenMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx(), path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SchemaVersion(ctx())
	if err != nil || v < 1 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	var mode string
	if err := s.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q, %v: want wal", mode, err)
	}
	s.Close()
	s, err = Open(ctx(), path) // opening again applies nothing
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v2, _ := s.SchemaVersion(ctx()); v2 != v {
		t.Errorf("schema version changed from %d to %d", v, v2)
	}
	if bad, err := s.IntegrityCheck(ctx()); err != nil || len(bad) > 0 {
		t.Errorf("integrity: %v %v", bad, err)
	}
	if _, err := s.w.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx(), path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("a newer schema: err = %v", err)
	}
}

func TestIngestIsIdempotent(t *testing.T) {
	s := open(t)
	a := article("a", "Wire", "https://wire.example/a", "Shells hit Ganja.", shelling("e1", "Shells hit Ganja.", ganja, "2020-10-16", 12))
	if res := ingest(t, s, sitrep.IngestOptions{}, a, a); res.Articles != 1 || res.Duplicates != 1 || res.NewEvents != 1 {
		t.Errorf("same article twice in a batch: %+v", res)
	}
	if res := ingest(t, s, sitrep.IngestOptions{}, a); res.Articles != 0 || res.Duplicates != 1 {
		t.Errorf("same article again: %+v", res)
	}
	sameURL := article("a2", "Wire", "https://wire.example/a", "Shells hit Ganja, updated.")
	if res := ingest(t, s, sitrep.IngestOptions{}, sameURL); res.Duplicates != 1 {
		t.Errorf("same URL, new text: %+v", res)
	}
	sameText := article("other-id", "", "", "Shells hit Ganja.")
	if res := ingest(t, s, sitrep.IngestOptions{}, sameText); res.Duplicates != 1 {
		t.Errorf("same text, new id: %+v", res)
	}
	if known, err := s.Known(ctx(), sitrep.TextHash("Shells hit Ganja."), ""); err != nil || !known {
		t.Errorf("Known = %v, %v", known, err)
	}
	// A different article under a taken id keeps both.
	clash := article("a", "", "", "Another story entirely.")
	if res := ingest(t, s, sitrep.IngestOptions{}, clash); res.Articles != 1 {
		t.Errorf("taken id: %+v", res)
	}
	st, _ := s.Stats(ctx())
	if st.Articles != 2 || st.Events != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestReportsMergeAcrossArticles(t *testing.T) {
	s := open(t)
	ingest(t, s, sitrep.IngestOptions{},
		article("a", "Al Jazeera", "", "Twelve killed in Ganja.", shelling("e1", "Armenian shelling killed 12 civilians in Ganja.", ganja, "2020-10-16", 12)),
		article("b", "Reuters", "", "Ganja shelled.", shelling("e1", "Shells fell on the city of Ganja overnight, killing 13.", ganja, "2020-10-16", 13),
			shelling("e2", "Tartar was shelled too.", tartar, "2020-10-16", 0)),
	)
	res := ingest(t, s, sitrep.IngestOptions{}, article("c", "AFP", "", "Mali.", shelling("e1", "Shelling near Gao.", gao, "2020-10-16", 2)))
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
	if err != nil || len(ms) != 2 || ms[1].Source.ArticleID != "b" {
		t.Errorf("mentions %+v %v", ms, err)
	}
	if _, err := s.Event(ctx(), "999"); sitrep.ErrorCode(err) != sitrep.ENotFound {
		t.Errorf("missing event: %v", err)
	}
}

func TestOverridesSurviveReingest(t *testing.T) {
	s := open(t)
	a := article("a", "A", "", "Ganja story.", shelling("e1", "Armenian shelling killed 12 civilians in Ganja.", ganja, "2020-10-16", 12))
	b := article("b", "B", "", "Ganja again.", shelling("e1", "Shells fell on the city of Ganja overnight.", ganja, "2020-10-16", 12))
	c := article("c", "C", "", "Tartar story.", shelling("e1", "Tartar came under fire.", tartar, "2020-10-16", 3))
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
	split, err := s.Split(ctx(), ganjaID, "b/e1")
	if err != nil || len(split.Sources) != 1 || split.Merge[0].Reason != "split from event "+ganjaID+" by an analyst" {
		t.Fatalf("split: %v %+v", err, split)
	}
	check := func(when string) {
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
	check("after the overrides")
	for _, art := range []sitrep.Extracted{a, b, c} {
		ingest(t, s, sitrep.IngestOptions{Replace: true}, art)
	}
	check("after ingesting every article again")
	if _, err := s.Split(ctx(), split.ID, "b/e1"); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("splitting every report out: %v", err)
	}
	if bad, err := s.IntegrityCheck(ctx()); err != nil || len(bad) > 0 {
		t.Errorf("integrity: %v %v", bad, err)
	}
}

func TestFilters(t *testing.T) {
	s := open(t)
	clash := shelling("e1", "JNIM fighters clashed with soldiers near Gao.", gao, "2021-03-08", 5)
	clash.ACLEDEventType, clash.ACLEDSubEventType, clash.Cameo, clash.Actor1 = sp("Battles"), sp("Armed clash"), "190", rebels
	disputed := shelling("e1", "Shelling killed 12 in Ganja.", ganja, "2020-10-16", 12)
	disputed.Disputed = true
	ingest(t, s, sitrep.IngestOptions{},
		article("g", "A", "", "The city of Ganja was shelled at night.", disputed),
		article("t", "B", "", "Tartar came under fire.", shelling("e1", "Tartar came under fire.", tartar, "2020-10-18", 1)),
		article("m", "C", "", "Fighting near Gao in Mali.", clash),
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
		{"disputed", sitrep.EventFilter{Disputed: yes()}, "Ganja"},
		{"min killed", sitrep.EventFilter{MinKilled: 5}, "Ganja,Gao"},
		{"text", sitrep.EventFilter{Text: "night"}, "Ganja"},
		{"text phrase", sitrep.EventFilter{Text: `"came under fire"`}, "Tartar"},
		{"bbox", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 46, MinLat: 40.5, MaxLon: 47, MaxLat: 41}}, "Ganja"},
		{"limit", sitrep.EventFilter{Limit: 1}, "Ganja"},
		{"scope", sitrep.EventFilter{Scope: sitrep.ScopeAggregate}, ""},
		{"policy", sitrep.EventFilter{Policy: "ucdp", MinKilled: 5}, "Ganja,Gao"},
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
	if _, err := s.Events(ctx(), sitrep.EventFilter{Text: `"unclosed`}); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("a bad text query: %v", err)
	}
	if _, err := s.Events(ctx(), sitrep.EventFilter{Policy: "kind"}); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("a bad policy: %v", err)
	}
}

func TestSetPolicy(t *testing.T) {
	s := open(t)
	a := shelling("e1", "Armenian shelling killed 12 civilians in Ganja.", ganja, "2020-10-16", 12)
	b := shelling("e1", "Shells fell on the city of Ganja overnight, killing 20.", ganja, "2020-10-16", 20)
	c := shelling("e1", "Ganja was hit; 14 were killed.", ganja, "2020-10-16", 14)
	ingest(t, s, sitrep.IngestOptions{}, article("a", "A", "", "a", a), article("b", "B", "", "b", b), article("c", "C", "", "c", c))
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
}
