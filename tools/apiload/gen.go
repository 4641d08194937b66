package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// anchor is a country the generated events happen in, around a point.
type anchor struct {
	iso3, name, demonym string
	lat, lon            float64
}

var anchors = []anchor{
	{"SYR", "Syria", "Syrian", 35.0, 38.5}, {"YEM", "Yemen", "Yemeni", 15.5, 47.5}, {"AFG", "Afghanistan", "Afghan", 34.0, 66.0},
	{"IRQ", "Iraq", "Iraqi", 33.0, 44.0}, {"NGA", "Nigeria", "Nigerian", 10.0, 8.0}, {"MLI", "Mali", "Malian", 16.0, -2.0},
	{"SOM", "Somalia", "Somali", 5.0, 46.0}, {"COD", "DR Congo", "Congolese", -2.0, 25.0}, {"UKR", "Ukraine", "Ukrainian", 49.0, 32.0},
	{"AZE", "Azerbaijan", "Azerbaijani", 40.4, 47.7}, {"ARM", "Armenia", "Armenian", 40.2, 45.0}, {"MMR", "Myanmar", "Myanmar", 21.0, 96.0},
	{"SDN", "Sudan", "Sudanese", 15.0, 30.0}, {"ETH", "Ethiopia", "Ethiopian", 9.0, 39.5}, {"LBY", "Libya", "Libyan", 27.0, 17.0},
	{"BFA", "Burkina Faso", "Burkinabe", 12.3, -1.5}, {"NER", "Niger", "Nigerien", 16.0, 8.0}, {"CMR", "Cameroon", "Cameroonian", 6.0, 12.0},
	{"MOZ", "Mozambique", "Mozambican", -18.0, 35.0}, {"PAK", "Pakistan", "Pakistani", 30.0, 70.0}, {"IND", "India", "Indian", 22.0, 79.0},
	{"COL", "Colombia", "Colombian", 4.0, -73.0}, {"MEX", "Mexico", "Mexican", 23.0, -102.0}, {"BRA", "Brazil", "Brazilian", -10.0, -52.0},
	{"PHL", "Philippines", "Filipino", 12.0, 122.0}, {"ISR", "Israel", "Israeli", 31.5, 34.9}, {"PSE", "Palestine", "Palestinian", 31.9, 35.2},
	{"LBN", "Lebanon", "Lebanese", 33.9, 35.8}, {"TUR", "Turkey", "Turkish", 39.0, 35.0}, {"CAF", "Central African Republic", "Central African", 7.0, 21.0},
}

// kind is an event type the generator draws.
type kind struct {
	typ, sub, cameo, plover, verb string
	killing                       bool
}

var kinds = []kind{
	{"Battles", "Armed clash", "190", "FIGHT", "clashed with", true},
	{"Battles", "Government regains territory", "190", "FIGHT", "retook positions from", true},
	{"Explosions/Remote violence", "Shelling/artillery/missile attack", "194", "ASSAULT", "shelled", true},
	{"Explosions/Remote violence", "Air/drone strike", "195", "ASSAULT", "bombed", true},
	{"Explosions/Remote violence", "Remote explosive/landmine/IED", "183", "ASSAULT", "detonated a roadside bomb against", true},
	{"Violence against civilians", "Attack", "180", "ASSAULT", "attacked", true},
	{"Violence against civilians", "Abduction/forced disappearance", "181", "ASSAULT", "abducted", false},
	{"Protests", "Peaceful protest", "141", "PROTEST", "protested against", false},
	{"Riots", "Violent demonstration", "145", "PROTEST", "rioted against", false},
	{"Strategic developments", "Arrests", "173", "COERCE", "arrested", false},
}

var words = strings.Fields(`convoy checkpoint market village district border road bridge camp hospital school mosque church
	airport base outpost highway river valley mountain farm oil pipeline port prison barracks ministry`)

// generator makes synthetic extracted articles, each reporting one event,
// spread over the anchors, five years and the kinds: realistic rows for the
// store without running extraction.
type generator struct {
	rng *rand.Rand
	n   int
}

func newGenerator(seed uint64) *generator {
	return &generator{rng: rand.New(rand.NewPCG(seed, seed^0x5eed))}
}

var genStart = time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)

const genDays = 5 * 365

func (g *generator) next() sitrep.Extracted {
	g.n++
	r := g.rng
	a := anchors[r.IntN(len(anchors))]
	k := kinds[r.IntN(len(kinds))]
	day := genStart.AddDate(0, 0, r.IntN(genDays)).Format(time.DateOnly)
	published := day
	town := r.IntN(400)
	lat, lon := a.lat+float64(town%20)/4-2.5, a.lon+float64(town/20)/4-2.5
	gid := 10_000_000 + town*1000 + int(a.iso3[0])*7 + int(a.iso3[1])
	place := &sitrep.Place{Text: fmt.Sprintf("%s-%d", a.name, town), Name: fmt.Sprintf("%s-%d", a.name, town), Country: a.iso3,
		Admin1: fmt.Sprintf("%s Province %d", a.name, town%12), Kind: sitrep.PlaceCity, Lat: &lat, Lon: &lon, GeonameID: &gid, Cue: "gazetteer"}
	forces := &sitrep.Actor{Text: a.demonym + " forces", Name: "Military Forces of " + a.name, ACLEDName: "Military Forces of " + a.name,
		Kind: sitrep.KindState, Country: a.iso3, Sector: "MIL", Inter: 1, Cameo: a.iso3 + "MIL", Ref: -1}
	rebels := &sitrep.Actor{Text: fmt.Sprintf("the %s Front", words[r.IntN(len(words))]), Name: fmt.Sprintf("%s Front %d", a.name, r.IntN(5)),
		Kind: sitrep.KindArmedGroup, Country: a.iso3, Sector: "REB", Inter: 2, Cameo: a.iso3 + "REB", Ref: -1}
	civilians := &sitrep.Actor{Text: "civilians", Name: "civilians", ACLEDName: "Civilians (" + a.name + ")", Kind: sitrep.KindCivilians, Country: a.iso3, Sector: "CVL", Inter: 7, Cameo: "CVL", Ref: -1}
	actor1, actor2 := forces, rebels
	if r.IntN(2) == 0 {
		actor1, actor2 = rebels, forces
	}
	if k.typ == "Violence against civilians" {
		actor2 = civilians
	}
	what := words[r.IntN(len(words))]
	var killed *sitrep.Count
	text := fmt.Sprintf("On %s, %s %s %s near the %s of %s.", day, actor1.Text, k.verb, actor2.Text, what, place.Name)
	if k.killing && r.IntN(4) > 0 {
		n := r.IntN(30)
		if r.IntN(20) == 0 {
			n += r.IntN(300)
		}
		killed = sitrep.NewCount(n, n, n)
		text = fmt.Sprintf("On %s, %s %s %s near the %s of %s, killing %d people.", day, actor1.Text, k.verb, actor2.Text, what, place.Name, n)
	}
	claimant := &sitrep.Actor{Text: "the " + a.demonym + " ministry", Name: "Government of " + a.name, Kind: sitrep.KindState, Country: a.iso3, Sector: "GOV", Inter: 1, Cameo: a.iso3 + "GOV", Ref: -1}
	claims := []sitrep.Claim{{Claimant: claimant, Stance: sitrep.Asserts, Cue: "said", Start: 0, End: len(text), Killed: killed, Text: text}}
	disputed := r.IntN(10) == 0
	body := text + " " + claimant.Text + " said."
	if disputed {
		denial := fmt.Sprintf(" %s denied the report.", rebels.Text)
		claims = append(claims, sitrep.Claim{Claimant: rebels, Stance: sitrep.Denies, Cue: "denied", Start: len(body) + 1, End: len(body) + len(denial), Text: strings.TrimSpace(denial)})
		body += denial
	}
	body += fmt.Sprintf(" Residents of the %s described heavy %s. (generated article %d)", words[r.IntN(len(words))], words[r.IntN(len(words))], g.n)
	typ, sub := k.typ, k.sub
	ev := sitrep.Event{
		ID: "e1", Start: 0, End: len(text), Text: text, Trigger: k.verb, Cameo: k.cameo, Plover: k.plover,
		ACLEDEventType: &typ, ACLEDSubEventType: &sub, Actor1: actor1, Actor2: actor2, Location: place, GeoPrecision: ptr(1),
		Date:  sitrep.EventDate{Start: &day, End: &day, Precision: sitrep.PrecisionDay},
		Scope: sitrep.ScopeIncident, Killed: killed, Claims: claims, Disputed: disputed, Confidence: 0.8,
	}
	id := fmt.Sprintf("gen-%06d", g.n)
	outlet := []string{"Wire A", "Wire B", "Daily C", "Radio D"}[r.IntN(4)]
	doc := sitrep.Document{ID: id, Published: &published, Outlet: &outlet, Places: []sitrep.Place{*place}, Times: []sitrep.Time{},
		Actors: []sitrep.Actor{}, Events: []sitrep.Event{ev}, Warnings: []string{}}
	return sitrep.Extracted{Article: sitrep.Article{ID: id, Text: body, Published: published, Outlet: outlet}, Doc: doc}
}

func ptr[T any](v T) *T { return &v }
