package extract_test

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
)

// TestSeedArticle checks each item of shared/seed/EXPECTED.md against what
// extract gives for the seed article.
func TestSeedArticle(t *testing.T) {
	path := filepath.Join(eval.SharedDir(), "seed", "ganja-2020-10-17.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not found (%v): set SITREP_SHARED to the shared data directory", err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Article(sitrep.Article{ID: "seed", Text: string(raw), Published: "2020-10-17", Outlet: "Al Jazeera"})
	if err != nil {
		t.Fatal(err)
	}

	ganja := eventsNear(doc, 40.68, 46.36, func(e *sitrep.Event) bool {
		return e.Scope == sitrep.ScopeIncident && str(e.ACLEDSubEventType) == "Shelling/artillery/missile attack"
	})
	if len(ganja) != 1 {
		t.Fatalf("want one Ganja shelling incident, got %d", len(ganja))
	}
	g := ganja[0]
	t.Run("ganja", func(t *testing.T) {
		if str(g.ACLEDEventType) != "Explosions/Remote violence" || !strings.HasPrefix(g.Cameo, "19") || g.Plover != "ASSAULT" {
			t.Errorf("codes = %s / %s / %s", str(g.ACLEDEventType), g.Cameo, g.Plover)
		}
		if !has(g.Killed, 12) {
			t.Errorf("killed = %s, want 12", count(g.Killed))
		}
		if lo, ok := g.Injured.Value(); !ok || lo < 40 {
			t.Errorf("injured = %s, want more than 40", count(g.Injured))
		}
		if g.Actor1 == nil || g.Actor1.Country != "ARM" || g.Actor1.Inter != 1 {
			t.Errorf("actor1 = %+v, want Armenian state forces", g.Actor1)
		}
		if str(g.Victims) != sitrep.VictimsCivilians || g.Actor2 == nil || g.Actor2.Inter != 7 || g.Actor2.Country != "AZE" {
			t.Errorf("victims %s, actor2 %+v: want civilians of Azerbaijan", str(g.Victims), g.Actor2)
		}
		if d := str(g.Date.Start); d != "2020-10-16" {
			t.Errorf("date = %s, want 2020-10-16", d)
		}
		if g.GeoPrecision == nil || *g.GeoPrecision != 1 {
			t.Errorf("geo precision = %v, want 1", g.GeoPrecision)
		}
		if !claimBy(g, sitrep.Asserts, "AZE", "Prosecutor") || !claimBy(g, sitrep.Asserts, "", "correspondent") || !claimBy(g, sitrep.Asserts, "AZE", "Hajiyev") {
			t.Errorf("missing an asserting claim: %s", claimList(g))
		}
		if !claimBy(g, sitrep.Denies, "ARM", "") || !g.Disputed {
			t.Errorf("the Armenian denial is not attached (disputed=%v): %s", g.Disputed, claimList(g))
		}
	})
	t.Run("fuzuli", func(t *testing.T) {
		fz := eventsNear(doc, 39.60, 47.14, func(e *sitrep.Event) bool {
			return str(e.ACLEDSubEventType) == "Government regains territory" && e.Actor1 != nil && e.Actor1.Country == "AZE"
		})
		if len(fz) == 0 || !claimBy(fz[0], sitrep.Asserts, "AZE", "Aliyev") {
			t.Errorf("no Fuzuli capture by Azerbaijan claimed by Aliyev")
		}
	})
	t.Run("iran shelling", func(t *testing.T) {
		ok := false
		for i := range doc.Events {
			e := &doc.Events[i]
			if e.Location != nil && e.Location.Country == "IRN" && str(e.ACLEDEventType) == "Explosions/Remote violence" && has(e.Injured, 1) {
				ok = e.Actor1 == nil || e.Actor1.Country != "IRN"
			}
		}
		if !ok {
			t.Errorf("no shelling in Iran with one injured and no Iranian perpetrator")
		}
	})
	t.Run("aggregates", func(t *testing.T) {
		for _, n := range []int{47, 600} {
			found := false
			for i := range doc.Events {
				e := &doc.Events[i]
				if has(e.Killed, n) {
					found = true
					if e.Scope != sitrep.ScopeAggregate {
						t.Errorf("%d killed coded as %s", n, e.Scope)
					}
					if n == 47 && !has(e.Injured, 222) {
						t.Errorf("47 killed without 222 injured")
					}
					if n == 600 && (!e.Disputed || !claimBy(e, sitrep.Hedges, "AZE", "")) {
						t.Errorf("600 soldiers not hedged by Azerbaijan: %s", claimList(e))
					}
				}
			}
			if !found {
				t.Errorf("no event with %d killed", n)
			}
		}
	})
	t.Run("diplomacy", func(t *testing.T) {
		checks := []struct {
			name string
			ok   func(e *sitrep.Event) bool
		}{
			{"truce of 2020-10-10", func(e *sitrep.Event) bool {
				return str(e.Date.Start) == "2020-10-10" && str(e.ACLEDSubEventType) == "Agreement"
			}},
			{"UN condemns", func(e *sitrep.Event) bool { return sector(e.Actor1) == "IGO" && strings.HasPrefix(e.Cameo, "11") }},
			{"Guterres phones", func(e *sitrep.Event) bool {
				return sector(e.Actor1) == "IGO" && e.Plover == "CONSULT" && strings.Contains(e.Actor1.Name, "Guterres")
			}},
			{"Guterres urges", func(e *sitrep.Event) bool { return sector(e.Actor1) == "IGO" && e.Plover == "REQUEST" }},
			{"Iran warns", func(e *sitrep.Event) bool { return country(e.Actor1) == "IRN" && e.Plover == "THREATEN" }},
			{"Iran deploys", func(e *sitrep.Event) bool { return country(e.Actor1) == "IRN" && e.Plover == "MOBILIZE" }},
			{"Pashinyan ready", func(e *sitrep.Event) bool { return country(e.Actor1) == "ARM" && e.Plover == "AGREE" }},
		}
		for _, c := range checks {
			found := false
			for i := range doc.Events {
				found = found || c.ok(&doc.Events[i])
			}
			if !found {
				t.Errorf("no event: %s", c.name)
			}
		}
	})
	t.Run("actors", func(t *testing.T) {
		want := []struct{ mention, country, sector string }{
			{"Hajiyev", "AZE", "GOV"}, {"Mnatsakanyan", "ARM", "GOV"}, {"Piramov", "AZE", "GOV"},
			{"Pashinyan", "ARM", "GOV"}, {"Prosecutor", "AZE", "JUD"}, {"Ilham Aliyev", "AZE", "GOV"},
			{"Azerbaijani president", "AZE", "GOV"}, {"Armenian forces", "ARM", "MIL"}, {"Foreign Ministry", "ARM", "GOV"},
			{"Guterres", "", "IGO"}, {"Dujarric", "", "IGO"}, {"Haq", "", "IGO"}, {"Tehran", "IRN", "GOV"},
			{"correspondent", "", "MED"},
		}
		for _, w := range want {
			found := false
			for _, a := range doc.Actors {
				if strings.Contains(a.Text+" "+a.Name, w.mention) && a.Country == w.country && a.Sector == w.sector {
					found = true
				}
			}
			if !found {
				t.Errorf("actor %s not resolved to %s %s", w.mention, w.country, w.sector)
			}
		}
	})
	t.Run("offsets", func(t *testing.T) {
		text := string(raw)
		for _, a := range doc.Actors {
			if text[a.Start:a.End] != a.Text {
				t.Errorf("actor %q at %d:%d reads %q", a.Text, a.Start, a.End, text[a.Start:a.End])
			}
		}
		for _, p := range doc.Places {
			if text[p.Start:p.End] != p.Text {
				t.Errorf("place %q at %d:%d reads %q", p.Text, p.Start, p.End, text[p.Start:p.End])
			}
		}
		for _, e := range doc.Events {
			for _, c := range e.Claims {
				if text[c.Start:c.End] != c.Text {
					t.Errorf("claim %q at %d:%d", c.Text, c.Start, c.End)
				}
			}
		}
	})
}

func eventsNear(doc sitrep.Document, lat, lon float64, ok func(*sitrep.Event) bool) []*sitrep.Event {
	var out []*sitrep.Event
	for i := range doc.Events {
		e := &doc.Events[i]
		if e.Location != nil && e.Location.Resolved() && km(*e.Location.Lat, *e.Location.Lon, lat, lon) <= 25 && ok(e) {
			out = append(out, e)
		}
	}
	return out
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p := math.Pi / 180
	dlat, dlon := (lat2-lat1)*p, (lon2-lon1)*p
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*p)*math.Cos(lat2*p)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, h)))
}

func has(c *sitrep.Count, n int) bool {
	if c == nil {
		return false
	}
	for _, v := range []*int{c.Low, c.Best, c.High} {
		if v != nil && *v == n {
			return true
		}
	}
	return false
}

func count(c *sitrep.Count) string {
	if c == nil {
		return "null"
	}
	f := func(v *int) string {
		if v == nil {
			return "?"
		}
		return strconv.Itoa(*v)
	}
	return f(c.Low) + "/" + f(c.Best) + "/" + f(c.High)
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func sector(a *sitrep.Actor) string {
	if a == nil {
		return ""
	}
	return a.Sector
}

func country(a *sitrep.Actor) string {
	if a == nil {
		return ""
	}
	return a.Country
}

// claimBy reports whether e has a claim of the stance whose claimant is of
// the country (any when "") and whose text or name holds sub (any when "").
func claimBy(e *sitrep.Event, stance, country, sub string) bool {
	for _, c := range e.Claims {
		if c.Stance != stance || c.Claimant == nil {
			continue
		}
		if country != "" && c.Claimant.Country != country {
			continue
		}
		if sub != "" && !strings.Contains(c.Claimant.Text+" "+c.Claimant.Name, sub) {
			continue
		}
		return true
	}
	return false
}

func claimList(e *sitrep.Event) string {
	var parts []string
	for _, c := range e.Claims {
		who := "outlet"
		if c.Claimant != nil {
			who = c.Claimant.Text + "[" + c.Claimant.Country + "]"
		}
		parts = append(parts, c.Stance+":"+who)
	}
	return strings.Join(parts, ", ")
}
