package merge

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func sp(s string) *string { return &s }
func ip(n int) *int       { return &n }
func fp(f float64) *float64 {
	return &f
}

// town is a resolved town-level place.
func town(name, country string, id int, lat, lon float64) *sitrep.Place {
	return &sitrep.Place{Text: name, Name: name, Country: country, Kind: sitrep.PlaceCity, GeonameID: &id, Lat: fp(lat), Lon: fp(lon)}
}

var (
	armenianForces = &sitrep.Actor{Name: "Armenia", ACLEDName: "Military Forces of Armenia", Country: "ARM", Sector: "MIL", Inter: 1, Kind: sitrep.KindState}
	azeriCivilians = &sitrep.Actor{Name: "civilians", ACLEDName: "Civilians (Azerbaijan)", Country: "AZE", Inter: 7, Kind: sitrep.KindCivilians}
)

// shelling is a report of the shelling of a town on a day, written for these
// tests.
func shelling(text string, place *sitrep.Place, day string) sitrep.Event {
	return sitrep.Event{
		ID: "e1", Text: text, Cameo: "194", Plover: "ASSAULT",
		ACLEDEventType: sp("Explosions/Remote violence"), ACLEDSubEventType: sp("Shelling/artillery/missile attack"),
		Actor1: armenianForces, Actor2: azeriCivilians, Location: place, GeoPrecision: ip(1),
		Date:  sitrep.EventDate{Start: sp(day), End: sp(day), Precision: sitrep.PrecisionDay},
		Scope: sitrep.ScopeIncident, Confidence: 0.8,
	}
}

func TestMatch(t *testing.T) {
	ganja := town("Ganja", "AZE", 587084, 40.68, 46.36)
	nearGanja := town("Goygol", "AZE", 147982, 40.62, 46.33) // about 7 km
	tartar := town("Tartar", "AZE", 585170, 40.34, 46.93)
	base := shelling("Armenian forces shelled Ganja overnight, killing twelve civilians.", ganja, "2020-10-16")

	cases := []struct {
		name   string
		report func(e *sitrep.Event)
		merge  bool
		reason string
	}{
		{"another outlet, same facts", func(e *sitrep.Event) { e.Text = "Twelve people died when shells hit the city of Ganja." }, true, "same place (Ganja"},
		{"an edited copy", func(e *sitrep.Event) { e.Text = "Armenian forces shelled Ganja overnight, killing 12 civilians." }, true, "evidence sentences share"},
		{"another town", func(e *sitrep.Event) { e.Location = tartar }, false, "places"},
		{"a town within the precision", func(e *sitrep.Event) { e.Location = nearGanja }, true, "km apart"},
		{"another day", func(e *sitrep.Event) { e.Date.Start, e.Date.End = sp("2020-10-12"), sp("2020-10-12") }, false, "dates do not overlap"},
		{"another perpetrator", func(e *sitrep.Event) {
			e.Actor1 = &sitrep.Actor{ACLEDName: "Military Forces of Azerbaijan", Country: "AZE", Inter: 1}
		}, false, "actors differ"},
		{"a total", func(e *sitrep.Event) { e.Scope = sitrep.ScopeAggregate }, false, "never merged"},
		{"a protest", func(e *sitrep.Event) { e.ACLEDEventType, e.ACLEDSubEventType = sp("Protests"), sp("Peaceful protest") }, false, "types differ"},
		{"same town, an attack by the same forces", func(e *sitrep.Event) {
			e.ACLEDEventType, e.ACLEDSubEventType = sp("Violence against civilians"), sp("Attack")
		}, true, "compatible types"},
		{"no place in the report", func(e *sitrep.Event) { e.Location, e.GeoPrecision, e.Text = nil, nil, "Shells fell overnight." }, false, "too little evidence"},
		{"no place, but the same sentence", func(e *sitrep.Event) { e.Location, e.GeoPrecision = nil, nil }, true, "share 100%"},
		{"the country only", func(e *sitrep.Event) {
			id := 587116
			e.Location = &sitrep.Place{Name: "Azerbaijan", Country: "AZE", Kind: sitrep.PlaceCountry, GeonameID: &id, Lat: fp(40.5), Lon: fp(47.5)}
			e.GeoPrecision = ip(3)
			e.Actor2 = nil
			e.Text = "Armenia shelled Azerbaijan on Friday."
		}, false, "too little evidence"},
	}
	evKey := KeyOf(&base, "2020-10-17")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := shelling(base.Text, ganja, "2020-10-16")
			c.report(&r)
			d := Match(evKey, KeyOf(&r, "2020-10-17"))
			if d.Merge() != c.merge || !strings.Contains(d.Reason(), c.reason) {
				t.Errorf("merge = %v (score %.2f), want %v; reason %q, want it to mention %q", d.Merge(), d.Score, c.merge, d.Reason(), c.reason)
			}
			score, ok := Score(evKey, KeyOf(&r, "2020-10-17"))
			if score != d.Score || ok != d.Compatible {
				t.Errorf("Score = %v, %v; Match says %v, %v", score, ok, d.Score, d.Compatible)
			}
		})
	}
}

func TestMatchBattleToldFromEitherSide(t *testing.T) {
	army := &sitrep.Actor{ACLEDName: "Military Forces of Mali", Country: "MLI", Inter: 1}
	rebels := &sitrep.Actor{ACLEDName: "JNIM", Country: "MLI", Inter: 2}
	gao := town("Gao", "MLI", 2457163, 16.27, -0.04)
	a := shelling("Soldiers clashed with JNIM near Gao.", gao, "2021-03-08")
	a.ACLEDEventType, a.ACLEDSubEventType, a.Actor1, a.Actor2 = sp("Battles"), sp("Armed clash"), army, rebels
	b := a
	b.Actor1, b.Actor2 = rebels, army
	if d := Match(KeyOf(&a, ""), KeyOf(&b, "")); !d.Merge() || !strings.Contains(d.Reason(), "other way round") {
		t.Errorf("swapped sides: %v %.2f %s", d.Merge(), d.Score, d.Reason())
	}
}

func TestAggregatesMergeOnlyWithTheSameTotal(t *testing.T) {
	total := func(n int) sitrep.Event {
		e := shelling("47 civilians have been killed since the fighting began.", nil, "")
		e.Date = sitrep.EventDate{End: sp("2020-10-17"), Precision: sitrep.PrecisionUnknown}
		e.Scope, e.Killed = sitrep.ScopeAggregate, sitrep.NewCount(n, n, n)
		e.GeoPrecision = nil
		return e
	}
	a, b, c := total(47), total(47), total(51)
	if d := Match(KeyOf(&a, "2020-10-17"), KeyOf(&b, "2020-10-17")); !d.Merge() {
		t.Errorf("same total: %v %s", d.Score, d.Reason())
	}
	if d := Match(KeyOf(&a, "2020-10-17"), KeyOf(&c, "2020-10-17")); d.Merge() || !strings.Contains(d.Reason(), "totals differ") {
		t.Errorf("other total: %v %s", d.Score, d.Reason())
	}
}

func mention(article, outlet string, e sitrep.Event) sitrep.Mention {
	return sitrep.Mention{ID: sitrep.MentionID(article, e.ID), Source: sitrep.Source{ArticleID: article, Outlet: &outlet}, Event: e}
}

func TestReconcilePolicies(t *testing.T) {
	ganja := town("Ganja", "AZE", 587084, 40.68, 46.36)
	prosecutor := &sitrep.Actor{Text: "the Prosecutor's Office", Name: "Prosecutor's Office", Country: "AZE", Sector: "JUD", Kind: sitrep.KindOrganization}
	armyPress := &sitrep.Actor{Text: "the Armenian army", Name: "Armenian army", Country: "ARM", Sector: "MIL", Kind: sitrep.KindOrganization}
	denial := sitrep.Claim{Claimant: &sitrep.Actor{Text: "Armenia", Country: "ARM", Kind: sitrep.KindState}, Stance: sitrep.Denies, Cue: "denied"}

	a := shelling("Shelling killed 12 in Ganja.", ganja, "2020-10-16")
	a.Killed = sitrep.NewCount(12, 12, 12)
	a.Claims = []sitrep.Claim{{Claimant: prosecutor, Stance: sitrep.Asserts, Cue: "reported", Killed: sitrep.NewCount(12, 12, 12)}}
	b := shelling("At least 14 died in Ganja.", ganja, "2020-10-16")
	b.Killed = sitrep.NewCount(14, 14, -1)
	b.Claims = []sitrep.Claim{{Stance: sitrep.Asserts, Cue: "said", Killed: sitrep.NewCount(14, 14, -1)}, denial}
	c := shelling("The Armenian army said its strike on Ganja killed 30.", ganja, "2020-10-16")
	c.Killed = sitrep.NewCount(30, 30, 30)
	c.Claims = []sitrep.Claim{{Claimant: armyPress, Stance: sitrep.Asserts, Cue: "said", Killed: sitrep.NewCount(30, 30, 30)}}
	ms := []sitrep.Mention{mention("a", "Outlet A", a), mention("b", "Outlet B", b), mention("c", "Outlet C", c)}

	cases := []struct {
		policy          Policy
		low, best, high string
	}{
		// Exact figures (12, 30) win over the vague "at least 14".
		{Conservative, "12", "12", "30"},
		// Lowest, median best, highest.
		{UCDP, "12", "14", "30"},
		// The Armenian army's figure about Azerbaijani victims is left out.
		{Nonpartisan, "12", "12", "12"},
	}
	for _, c := range cases {
		t.Run(string(c.policy), func(t *testing.T) {
			ev := Reconcile("7", ms, nil, c.policy)
			k := ev.Killed
			got := []string{show(k.Low), show(k.Best), show(k.High)}
			if strings.Join(got, ",") != c.low+","+c.best+","+c.high {
				t.Errorf("killed = %v, want %s,%s,%s", got, c.low, c.best, c.high)
			}
			if !ev.Disputed || ev.ID != "7" || len(ev.Sources) != 3 || len(ev.Claims) != 4 || ev.Policy != string(c.policy) {
				t.Errorf("disputed %v, id %s, %d sources, %d claims, policy %s", ev.Disputed, ev.ID, len(ev.Sources), len(ev.Claims), ev.Policy)
			}
			if ev.Claims[1].ArticleID != "b" || *ev.Claims[1].Outlet != "Outlet B" || ev.Claims[0].Killed == nil || *ev.Claims[0].Killed.Low != 12 {
				t.Errorf("claims do not keep their article and figures: %+v", ev.Claims[:2])
			}
			if ev.Event.Claims != nil {
				t.Errorf("Event.Claims should stay empty")
			}
		})
	}
}

func show(n *int) string {
	if n == nil {
		return "nil"
	}
	return strconv.Itoa(*n)
}

func TestReconcileTakesTheMostPreciseFacts(t *testing.T) {
	ganja := town("Ganja", "AZE", 587084, 40.68, 46.36)
	vague := shelling("Shelling hit Azerbaijan.", &sitrep.Place{Name: "Azerbaijan", Country: "AZE", Kind: sitrep.PlaceCountry}, "2020-10-16")
	vague.GeoPrecision = ip(3)
	vague.Date = sitrep.EventDate{Start: sp("2020-10-12"), End: sp("2020-10-18"), Precision: sitrep.PrecisionWeek}
	vague.Confidence = 0.9
	vague.Actor1 = nil
	precise := shelling("Shelling hit Ganja on Friday.", ganja, "2020-10-16")
	precise.Confidence = 0.5
	ev := Reconcile("1", []sitrep.Mention{mention("v", "V", vague), mention("p", "P", precise)}, nil, Conservative)
	if ev.Location.Name != "Ganja" || *ev.GeoPrecision != 1 || *ev.Date.Start != "2020-10-16" || ev.Actor1 == nil || ev.Text != vague.Text {
		t.Errorf("got place %s, date %s, actor1 %v, text %q", ev.Location.Name, *ev.Date.Start, ev.Actor1, ev.Text)
	}
	if ev.Confidence <= 0.9 {
		t.Errorf("confidence %.2f should grow with a second source", ev.Confidence)
	}
}

func TestParsePolicy(t *testing.T) {
	for _, s := range []string{"", "conservative", "ucdp", "nonpartisan"} {
		if _, err := ParsePolicy(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := ParsePolicy("generous"); err == nil {
		t.Error("want an error for an unknown policy")
	}
}

func TestReachWidensTheWindowByADay(t *testing.T) {
	from, to := Key{From: "2020-10-16", To: "2020-10-31"}.Reach()
	if from != "2020-10-15" || to != "2020-11-01" {
		t.Errorf("Reach = %s..%s, want 2020-10-15..2020-11-01", from, to)
	}
	if from, to := (Key{}).Reach(); from != "" || to != "" {
		t.Errorf("an undated key reaches %q..%q, want nothing", from, to)
	}
}
