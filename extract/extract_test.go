package extract_test

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
)

var extractor = func() func(t *testing.T) *extract.Extractor {
	var x *extract.Extractor
	return func(t *testing.T) *extract.Extractor {
		t.Helper()
		if x == nil {
			var err error
			if x, err = extract.New(); err != nil {
				t.Fatal(err)
			}
		}
		return x
	}
}()

func run(t *testing.T, text string) sitrep.Document {
	t.Helper()
	doc, err := extractor(t).Article(sitrep.Article{ID: "t", Text: text, Published: "2021-03-10", Outlet: "Daily Courier"})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestEvents(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		check func(t *testing.T, doc sitrep.Document)
	}{
		{"police said: a claim, not the perpetrator", "Police said two people were killed in Kano on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := only(t, doc)
			if !has(e.Killed, 2) || e.Actor1 == nil || e.Actor1.Text != "" || !strings.HasPrefix(e.Actor1.Name, "Unidentified Armed Group") {
				t.Errorf("killed %s, actor1 %+v: want 2 killed by an unidentified armed group, named in no text", count(e.Killed), e.Actor1)
			}
			if len(e.Claims) != 1 || e.Claims[0].Claimant == nil || e.Claims[0].Claimant.Sector != "POL" || e.Claims[0].Cue != "said" {
				t.Errorf("claims = %s, want police asserting", claimList(e))
			}
		}},
		{"police killed: the perpetrator, the outlet asserts", "Police killed two protesters in Kano on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := only(t, doc)
			if !has(e.Killed, 2) || e.Actor1 == nil || e.Actor1.Sector != "POL" {
				t.Errorf("killed %s, actor1 %+v: want 2 killed by police", count(e.Killed), e.Actor1)
			}
			if len(e.Claims) != 1 || e.Claims[0].Claimant != nil {
				t.Errorf("claims = %s, want the outlet's own", claimList(e))
			}
			if str(e.Date.Start) != "2021-03-08" {
				t.Errorf("date = %s, want Monday 2021-03-08", str(e.Date.Start))
			}
		}},
		{"the fallen side is the target", "Two gang members were killed in Recife on Monday after exchanging fire with police officers.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || e.Actor1.Sector != "POL" || e.Actor2 == nil || e.Actor2.Sector != "MIL_NONSTATE" {
				t.Errorf("actor1 %+v, actor2 %+v: want the police against the gang members", e.Actor1, e.Actor2)
			}
		}},
		{"the side that kills acts", "Police officers killed two gang members in Recife on Monday after exchanging fire.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || e.Actor1.Sector != "POL" {
				t.Errorf("actor1 %+v: want the police", e.Actor1)
			}
		}},
		{"a force that claims a deed of its own did it", "Government forces claimed to have shot down a rebel drone near Marib on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || e.Actor1.Sector != "MIL" {
				t.Errorf("actor1 %+v: want the government forces", e.Actor1)
			}
		}},
		{"a premature blast is its makers' event", "Two rebel fighters were killed when the mines they were planting exploded prematurely near Kandahar on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || !armedSector(e.Actor1.Sector) || e.Actor2 != nil {
				t.Errorf("actor1 %+v, actor2 %+v: want the rebel fighters alone", e.Actor1, e.Actor2)
			}
		}},
		{"a demonym before coordinated weapons", "Saudi rocket and artillery shelling was reported on villages in Sadah on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || e.Actor1.Country != "SAU" {
				t.Errorf("actor1 %+v: want Saudi forces", e.Actor1)
			}
		}},
		{"whose attack was repulsed attacked", "Nine rebel fighters were killed when army troops repulsed their attacks near Kandahar on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || e.Actor1.Sector == "MIL" || e.Actor2 == nil || e.Actor2.Sector != "MIL" {
				t.Errorf("actor1 %+v, actor2 %+v: want the rebel fighters against the troops", e.Actor1, e.Actor2)
			}
		}},
		{"forces shot by nobody named are the target", "Two police officers were shot near the market in Kano on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || e.Actor1.Text != "" || !strings.HasPrefix(e.Actor1.Name, "Unidentified Armed Group") || e.Actor2 == nil || e.Actor2.Sector != "POL" {
				t.Errorf("actor1 %+v, actor2 %+v: want an unidentified armed group against the police", e.Actor1, e.Actor2)
			}
		}},
		{"a soldier found dead is the target", "A soldier was found dead near the market in Kano on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Actor1 == nil || e.Actor1.Text != "" || e.Actor2 == nil || e.Actor2.Sector != "MIL" {
				t.Errorf("actor1 %+v, actor2 %+v: want an unnamed perpetrator against the soldier", e.Actor1, e.Actor2)
			}
		}},
		{"rioting told after a demonstration makes it violent", "Inmates protested at the prison in Sapele on Monday over a ban on visits. The inmates burnt official documents.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if str(e.ACLEDSubEventType) != "Violent demonstration" || e.Actor1 == nil || e.Actor1.Inter != 5 {
				t.Errorf("sub-event %s, actor1 %+v: want a violent demonstration by rioters", str(e.ACLEDSubEventType), e.Actor1)
			}
		}},
		{"denial attaches to the event it denies", "Syrian forces shelled the town of Maarat al-Numan on Sunday, killing five civilians, activists said. Syria denied the report.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if !e.Disputed || !claimBy(e, sitrep.Denies, "SYR", "") || !claimBy(e, sitrep.Asserts, "", "activists") {
				t.Errorf("claims = %s (disputed %v)", claimList(e), e.Disputed)
			}
			if e.Actor1 == nil || e.Actor1.Country != "SYR" || !has(e.Killed, 5) {
				t.Errorf("actor1 %+v killed %s", e.Actor1, count(e.Killed))
			}
		}},
		{"the source is not the deed", "Militants attacked two villages near Maiduguri on Monday, killing four people, according to vigilantes.", func(t *testing.T, doc sitrep.Document) {
			if e := first(t, doc); str(e.ACLEDSubEventType) != "Attack" {
				t.Errorf("sub-event = %s, want Attack: the vigilantes only tell of it", str(e.ACLEDSubEventType))
			}
		}},
		{"more than 40 injured", "More than 40 others were injured in an air strike on Idlib on Friday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Injured == nil || e.Injured.Low == nil || *e.Injured.Low != 41 || e.Injured.High != nil {
				t.Errorf("injured = %s, want 41/41/?", count(e.Injured))
			}
			if str(e.ACLEDSubEventType) != "Air/drone strike" {
				t.Errorf("sub-event = %s", str(e.ACLEDSubEventType))
			}
		}},
		{"aggregate kept apart from the incident", "Rebels attacked an army post in Gao on Tuesday, killing three soldiers. The army said 120 soldiers have been killed since the start of the year.", func(t *testing.T, doc sitrep.Document) {
			var inc, agg *sitrep.Event
			for i := range doc.Events {
				switch e := &doc.Events[i]; {
				case has(e.Killed, 3):
					inc = e
				case has(e.Killed, 120):
					agg = e
				}
			}
			if inc == nil || inc.Scope != sitrep.ScopeIncident || str(inc.Victims) != sitrep.VictimsMilitary {
				t.Errorf("incident = %+v", inc)
			}
			if agg == nil || agg.Scope != sitrep.ScopeAggregate {
				t.Errorf("aggregate = %+v", agg)
			}
			if inc != nil && str(inc.ACLEDEventType) != "Battles" {
				t.Errorf("rebels attacking soldiers coded %s, want Battles", str(inc.ACLEDEventType))
			}
		}},
		{"numbers that are not casualties", "Troops destroyed 40 houses and shelled a village 600 km from the capital, causing $2 million in damage.", func(t *testing.T, doc sitrep.Document) {
			for _, e := range doc.Events {
				if e.Killed != nil || e.Injured != nil {
					t.Errorf("event %s has figures %s/%s", e.Trigger, count(e.Killed), count(e.Injured))
				}
			}
		}},
		{"capture by government forces", "The Malian army recaptured the town of Menaka from jihadists on Saturday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if str(e.ACLEDSubEventType) != "Government regains territory" || e.Actor1 == nil || e.Actor1.Country != "MLI" {
				t.Errorf("got %s by %+v", str(e.ACLEDSubEventType), e.Actor1)
			}
		}},
		{"protest", "Hundreds of students protested in Dhaka on Wednesday against fuel prices.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if str(e.ACLEDSubEventType) != "Peaceful protest" || e.Location == nil || e.Location.Country != "BGD" {
				t.Errorf("got %s at %+v", str(e.ACLEDSubEventType), e.Location)
			}
		}},
		{"a town, then its division", "In Campeche, Campeche, nurses of a hospital protested on Friday against a lack of masks.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Location == nil || e.Location.Kind != sitrep.PlaceCity || e.Location.Country != "MEX" {
				t.Errorf("protest at %+v, want the town", e.Location)
			}
		}},
		{"a district named like a person", "Two policemen were killed in attacks by Taliban militants in villages of Imam Sahib district, Kunduz.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Location == nil || e.Location.Kind != sitrep.PlaceAdmin2 || e.Location.Country != "AFG" {
				t.Errorf("attack at %+v, want the district", e.Location)
			}
		}},
		{"where the fighters come from", "Police clashed with militiamen, whose fighters are from Mosul, in the town of Kirkuk on Monday.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if e.Location == nil || e.Location.Name != "Kirkuk" {
				t.Errorf("clash at %+v, want Kirkuk", e.Location)
			}
		}},
		{"statements are not incidents", "The European Union condemned all attacks on civilians and urged both sides to respect the ceasefire.", func(t *testing.T, doc sitrep.Document) {
			for _, e := range doc.Events {
				if e.ACLEDEventType != nil {
					t.Errorf("coded an incident: %s %s", e.Trigger, str(e.ACLEDEventType))
				}
			}
			if !hasEvent(doc, func(e *sitrep.Event) bool { return e.Plover == "ACCUSE" && sector(e.Actor1) == "IGO" }) ||
				!hasEvent(doc, func(e *sitrep.Event) bool { return e.Plover == "REQUEST" && sector(e.Actor1) == "IGO" }) {
				t.Errorf("missing condemnation or appeal: %+v", doc.Events)
			}
		}},
		{"continuing speaker", "The governor said gunmen killed four villagers in Zamfara on Sunday. He also said that two more were missing.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if !has(e.Killed, 4) || !claimBy(e, sitrep.Asserts, "", "governor") {
				t.Errorf("claims %s killed %s", claimList(e), count(e.Killed))
			}
		}},
		{"a later toll updates the incident", "A car bomb exploded in a market in Mogadishu on Friday, killing seven people, police said. The death toll rose to 13 later in the day, a hospital official said.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if !has(e.Killed, 13) || has(e.Killed, 7) || e.Scope != sitrep.ScopeIncident {
				t.Errorf("killed %s scope %s, want the updated 13 on the incident", count(e.Killed), e.Scope)
			}
			updated := false
			for _, c := range e.Claims {
				updated = updated || c.Update && has(c.Killed, 13)
			}
			if len(e.Claims) < 2 || !updated {
				t.Errorf("claims = %s, want both reports, the second marked as an update", claimList(e))
			}
		}},
		{"a denial by negation", "Ukrainian forces shelled Donetsk on Monday, killing two civilians, local officials said. The Ukrainian army said it had not fired at the city.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if !e.Disputed || !claimBy(e, sitrep.Denies, "UKR", "") {
				t.Errorf("claims = %s (disputed %v), want a Ukrainian denial", claimList(e), e.Disputed)
			}
		}},
		{"reports called fabricated", "Rebels attacked a village near Goma on Sunday, killing 11 civilians, residents said. The rebel group called the reports fabricated.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if !e.Disputed || !claimBy(e, sitrep.Denies, "", "rebel") {
				t.Errorf("claims = %s (disputed %v), want the rebels' denial", claimList(e), e.Disputed)
			}
		}},
		{"hedged report", "Unconfirmed reports said an air strike hit a school in Idlib on Tuesday, killing four children.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			if len(e.Claims) == 0 || e.Claims[0].Stance != sitrep.Hedges {
				t.Errorf("claims = %s, want a hedge", claimList(e))
			}
		}},
		{"partisan figures", "Russian forces shelled Kharkiv on Monday, the Ukrainian Defence Ministry said, adding that 30 Russian soldiers were killed. A Reuters correspondent said five people were killed in Kharkiv.", func(t *testing.T, doc sitrep.Document) {
			e := first(t, doc)
			var ua, wire *sitrep.Claim
			for i := range e.Claims {
				c := &e.Claims[i]
				switch {
				case c.Claimant != nil && c.Claimant.Country == "UKR" && ua == nil:
					ua = c
				case c.Claimant != nil && c.Claimant.Kind == sitrep.KindMedia:
					wire = c
				}
			}
			if ua == nil || !ua.Partisan {
				t.Errorf("the Ukrainian ministry's claim is not partisan: %+v", ua)
			}
			if wire == nil || wire.Partisan {
				t.Errorf("the correspondent's claim is partisan or missing: %+v", wire)
			}
		}},
		{"threats and intentions are not incidents", "The army threatened to strike rebel positions if the attacks continue. The president said the government will not bomb civilian areas.", func(t *testing.T, doc sitrep.Document) {
			for _, e := range doc.Events {
				if e.ACLEDEventType != nil && *e.ACLEDEventType != "Strategic developments" {
					t.Errorf("coded an incident from a threat or intention: %s (%s)", e.Trigger, *e.ACLEDEventType)
				}
			}
			if !hasEvent(doc, func(e *sitrep.Event) bool { return e.Plover == "THREATEN" }) {
				t.Errorf("no threat coded")
			}
		}},
		{"history is background", "Gunmen killed three villagers near Kaduna on Sunday, police said. A similar attack in 2014 killed 40 people.", func(t *testing.T, doc sitrep.Document) {
			for _, e := range doc.Events {
				if has(e.Killed, 40) {
					t.Errorf("the 2014 attack was coded as news: %+v", e)
				}
			}
			if !hasEvent(doc, func(e *sitrep.Event) bool { return has(e.Killed, 3) }) {
				t.Errorf("the incident itself is missing")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, run(t, c.text)) })
	}
}

func TestNoPublicationDate(t *testing.T) {
	doc, err := extractor(t).Article(sitrep.Article{Text: "Two soldiers were killed yesterday in Kherson."})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) == 0 {
		t.Errorf("no warning without a publication date")
	}
	for _, tm := range doc.Times {
		if tm.Value != nil {
			t.Errorf("%q resolved to %s without a publication date", tm.Text, *tm.Value)
		}
	}
	if doc.ID == "" || doc.Published != nil {
		t.Errorf("id %q published %v", doc.ID, doc.Published)
	}
}

func TestTypographyKeepsOffsets(t *testing.T) {
	text := "\u201cWe were shelled,\u201d residents said \u2014 three people were killed in Kharkiv on Monday."
	doc := run(t, text)
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
	if !strings.Contains(text, doc.Events[0].Text) {
		t.Errorf("event text %q not in the article", doc.Events[0].Text)
	}
}

func only(t *testing.T, doc sitrep.Document) *sitrep.Event {
	t.Helper()
	if len(doc.Events) != 1 {
		t.Fatalf("want 1 event, got %d: %+v", len(doc.Events), doc.Events)
	}
	return &doc.Events[0]
}

func first(t *testing.T, doc sitrep.Document) *sitrep.Event {
	t.Helper()
	if len(doc.Events) == 0 {
		t.Fatalf("no events")
	}
	return &doc.Events[0]
}

func hasEvent(doc sitrep.Document, ok func(*sitrep.Event) bool) bool {
	for i := range doc.Events {
		if ok(&doc.Events[i]) {
			return true
		}
	}
	return false
}

func armedSector(s string) bool { return s == "MIL" || s == "POL" || s == "REB" || s == "MIL_NONSTATE" }
