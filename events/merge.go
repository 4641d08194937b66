package events

import (
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// event is one or more candidates found to report the same event.
type event struct {
	cands []*candidate
	// firstSentence is the index of the article's first sentence that is
	// not a headline
	firstSentence int
}

func (e *event) first() *candidate { return e.cands[0] }

// merge groups the candidates that report one event: of the same kind, at
// compatible places, by compatible actors, at compatible dates. A candidate
// joins the latest compatible event.
func (a *article) merge() []*event {
	var evs []*event
	for _, c := range a.cands {
		var into *event
		for i := len(evs) - 1; i >= 0; i-- {
			if a.compatible(evs[i], c) {
				into = evs[i]
				break
			}
		}
		if into == nil {
			evs = append(evs, &event{cands: []*candidate{c}, firstSentence: a.lede()})
			continue
		}
		into.cands = append(into.cands, c)
	}
	return evs
}

// lede returns the index of the first sentence that is not a headline.
func (a *article) lede() int {
	for i := range a.in.Sentences {
		if !a.in.Sentences[i].Headline {
			return i
		}
	}
	return 0
}

// family groups trigger classes whose reports can be one event.
func family(class string) string {
	switch class {
	case "air", "suicide", "shelling", "explosive", "grenade":
		return "remote"
	case "kill", "attack":
		return "violence"
	case "clash", "capture", "shoot":
		return "battle"
	case "protest", "riot", "mob", "stones":
		return "demo"
	}
	return class
}

func (a *article) compatible(e *event, c *candidate) bool {
	f := e.first()
	if f.scope != c.scope {
		return false
	}
	fe, fc := family(f.trig.class), family(c.trig.class)
	if f.trig.incident() != c.trig.incident() {
		return false
	}
	if f.trig.incident() {
		if fe == "demo" && fc != "demo" {
			// what follows a demonstration in its paragraph tells how it
			// went: "They clashed with the police."
			return a.sequel(e, c) && placesAgree(e.location(), c.location)
		}
		if fc != "demo" && c.trig.specificity <= e.trig0().specificity && a.sequel(e, c) && c.location == nil {
			// "One man died and another was arrested." right after a
			// clash tells how the clash ended
			return true
		}
		if fe == "violence" && fc == "remote" && a.sequel(e, c) && e.trig0().specificity < c.trig.specificity && countriesAgree(e.location(), c.location) {
			// "Two civilians were killed in separate attacks in Kashmir.
			// A civilian was killed in a grenade attack in Srinagar.": the
			// next sentences tell what the attack was
			return true
		}
		if fe != fc && fe != "violence" && fc != "violence" || (fe == "demo") != (fc == "demo") {
			return false
		}
		if c.scope == sitrep.ScopeAggregate {
			return sameFigures(e, c)
		}
	} else if f.trig.class != c.trig.class {
		return false
	}
	loc, a1, d := e.location(), e.actor1(), e.date()
	if !placesAgree(loc, c.location) || !actorsAgree(a1, c.actor1) || !datesAgree(d, c.date) {
		return false
	}
	if !f.trig.incident() {
		// statements merge only when the same actor says the same thing
		return a1 != nil && c.actor1 != nil && sameActor(a1, c.actor1)
	}
	return true
}

// trig0 returns the event's most specific trigger.
func (e *event) trig0() trigger {
	t, _, _ := e.trig()
	return t
}

// sequel reports whether candidate c comes in the two sentences after the
// event's last report, in the same paragraph.
func (a *article) sequel(e *event, c *candidate) bool {
	last := e.cands[len(e.cands)-1].sent
	if c.sent <= last || c.sent > last+2 {
		return false
	}
	return a.in.Sentences[c.sent].Paragraph == a.in.Sentences[last].Paragraph
}

func sameFigures(e *event, c *candidate) bool {
	for _, x := range e.cands {
		for _, f := range x.figures {
			for _, g := range c.figures {
				fb, ok1 := f.count.Value()
				gb, ok2 := g.count.Value()
				if f.killed == g.killed && ok1 && ok2 && fb == gb {
					return true
				}
			}
		}
	}
	return false
}

func placesAgree(p, q *sitrep.Place) bool {
	switch {
	case p == nil || q == nil:
		return true
	case p.GeonameID != nil && q.GeonameID != nil && *p.GeonameID == *q.GeonameID:
		return true
	case strings.EqualFold(p.Name, q.Name):
		return true
	case p.Kind == sitrep.PlaceCountry || q.Kind == sitrep.PlaceCountry:
		return p.Country == q.Country
	}
	return false
}

// countriesAgree reports whether two places, when both are known, lie in
// one country.
func countriesAgree(p, q *sitrep.Place) bool {
	return p == nil || q == nil || p.Country == q.Country
}

// sameActor reports whether two mentions name the same actor: the same
// name, or the same country and sector.
func sameActor(x, y *sitrep.Actor) bool {
	return x.Name != "" && x.Name == y.Name || x.Country != "" && x.Country == y.Country && x.Sector == y.Sector
}

func actorsAgree(x, y *sitrep.Actor) bool {
	return x == nil || y == nil || x.Country == "" || y.Country == "" || x.Country == y.Country
}

func datesAgree(x, y *sitrep.Time) bool {
	if x == nil || y == nil || x.Value == nil || y.Value == nil {
		return true
	}
	a, b := *x.Value, *y.Value
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// location returns the most precise place any report gives.
func (e *event) location() *sitrep.Place {
	var best *sitrep.Place
	for _, c := range e.cands {
		if c.location != nil && (best == nil || rank(c.location) > rank(best)) {
			best = c.location
		}
	}
	return best
}

func rank(p *sitrep.Place) int {
	switch p.Kind {
	case sitrep.PlaceCity, sitrep.PlaceOther, sitrep.PlaceAdmin2:
		return 3
	case sitrep.PlaceAdmin1, sitrep.PlaceRegion:
		return 2
	}
	return 1
}

func (e *event) actor1() *sitrep.Actor {
	for _, c := range e.cands {
		if c.actor1 != nil && c.claims[0].Stance == sitrep.Asserts {
			return c.actor1
		}
	}
	for _, c := range e.cands {
		if c.actor1 != nil {
			return c.actor1
		}
	}
	return nil
}

func (e *event) actor2() *sitrep.Actor {
	for _, c := range e.cands {
		if c.actor2 != nil {
			return c.actor2
		}
	}
	return nil
}

// date returns the most precise date any report gives.
func (e *event) date() *sitrep.Time {
	var best *sitrep.Time
	for _, c := range e.cands {
		if c.date != nil && (best == nil || len(*c.date.Value) > len(*best.Value)) {
			best = c.date
		}
	}
	return best
}

// trig returns the most specific trigger of the event's reports; a
// demonstration stays one whatever violence its reports add.
func (e *event) trig() (trigger, string, sitrep.Span) {
	best := e.first()
	for _, c := range e.cands[1:] {
		if c.trig.demo != best.trig.demo {
			if c.trig.demo {
				best = c
			}
			continue
		}
		if c.trig.class == "disrupt" && best.trig.class != "disrupt" && best.trig.incident() {
			// "militants attacked the camp ... and seized arms": the
			// Codebook's disrupted weapons use is arms taken or defused
			// without the fighting, not what fighters took after it
			continue
		}
		if c.trig.specificity > best.trig.specificity {
			best = c
		}
	}
	return best.trig, best.word, best.span
}

func (e *event) claims() []sitrep.Claim {
	var out []sitrep.Claim
	for _, c := range e.cands {
		out = append(out, c.claims...)
	}
	return out
}

// salience ranks events: violence with casualties and many sources first,
// then by how early the article tells it.
func (e *event) salience() float64 {
	s := float64(len(e.claims()))
	f := e.first()
	if f.trig.incident() {
		s += 2
	}
	for _, c := range e.cands {
		if len(c.figures) > 0 {
			s += 3
			break
		}
	}
	if f.scope == sitrep.ScopeAggregate {
		s -= 3
	}
	if e.background() {
		// "agreed a ceasefire after two days of fighting": the fighting
		// is the setting, the agreement the news
		s -= 6
	}
	if e.location() != nil {
		s += 0.5
	}
	if e.date() != nil {
		s += 0.5
	}
	// news puts the main event in its lede
	if f.sent == e.firstSentence {
		s += 1.5
	}
	return s - float64(f.sent)*0.01
}

// background reports whether every report of the event tells it as the
// setting of other news.
func (e *event) background() bool {
	for _, c := range e.cands {
		if !c.background {
			return false
		}
	}
	return true
}

// build turns a merged event into its output form.
func (e *event) build(a *article) sitrep.Event {
	tr, word, _ := e.trig()
	ev := sitrep.Event{
		Trigger:  word,
		Cameo:    tr.cameo,
		Plover:   tr.plover,
		Actor1:   e.actor1(),
		Actor2:   e.actor2(),
		Location: e.location(),
		Scope:    e.first().scope,
		Claims:   e.claims(),
	}
	// evidence: the sentence of the first report; each claim cites its own
	ev.Start, ev.End = e.first().evidence.Start, e.first().evidence.End
	ev.Text = a.in.Text[ev.Start:ev.End]
	if tr.mode != "" {
		m := tr.mode
		ev.PloverMode = &m
	}
	a.figures(&ev, e)
	ev.Date = a.eventDate(e.date(), ev.Scope)
	if ev.Location == nil && tr.incident() && ev.Scope == sitrep.ScopeIncident {
		// an incident its own sentence places nowhere happened where the
		// article's other sentences say, else in the country it is about
		ev.Location = a.articlePlace(sitrep.Span{Start: ev.Start, End: ev.End})
	}
	if ev.Location != nil {
		p := geoPrecision(ev.Location)
		ev.GeoPrecision = &p
	}
	for i := range ev.Claims {
		c := &ev.Claims[i]
		if c.Stance == sitrep.Denies {
			ev.Disputed = true
		}
		c.Partisan = partisan(c.Claimant, ev.Actor1, ev.Actor2)
	}
	if !ev.Disputed {
		ev.Disputed = contested(ev.Claims)
	}
	a.defaultActors(&ev, e)
	ev.Confidence = confidence(&ev, e)
	return ev
}

// defaultActors names, as ACLED does, the actors the text leaves unnamed:
// a demonstration's protesters or rioters, and the unidentified armed group
// behind violence nobody claims, each of the event's country.
func (a *article) defaultActors(ev *sitrep.Event, e *event) {
	if ev.ACLEDEventType == nil || ev.Scope != sitrep.ScopeIncident {
		return
	}
	country := ""
	if ev.Location != nil {
		country = ev.Location.Country
	}
	defer a.localActors(ev, country)
	generic := func(name string, kind, sector string, inter int) *sitrep.Actor {
		act := &sitrep.Actor{Text: "", Name: name, Kind: kind, Sector: sector, Inter: inter, Country: country, Ref: -1}
		act.Cameo = country + cameoSector(sector)
		act.ACLEDName = name
		if country != "" && a.in.CountryName != nil {
			act.ACLEDName = name + " (" + a.in.CountryName(country) + ")"
			act.Name = act.ACLEDName
		}
		return act
	}
	if t := *ev.ACLEDEventType; (t == "Protests" || t == "Riots") && ev.Actor2 != nil && !armed(ev.Actor2) && ev.Actor2.Inter != 6 {
		// people named around a demonstration are not its target;
		// forces that intervene are
		ev.Actor2 = nil
	}
	switch *ev.ACLEDEventType {
	case "Protests":
		force := *ev.ACLEDSubEventType == "Excessive force against protesters"
		switch {
		case force && ev.Actor1 != nil && armed(ev.Actor1):
			// the forces act on the protesters
			if ev.Actor2 == nil || ev.Actor2.Inter != 6 {
				ev.Actor2 = generic("Protesters", sitrep.KindOther, "OPP", 6)
			}
		case ev.Actor1 == nil || ev.Actor1.Inter != 6:
			if ev.Actor2 != nil && ev.Actor2.Inter == 6 {
				ev.Actor1, ev.Actor2 = ev.Actor2, ev.Actor1
			} else {
				ev.Actor1 = generic("Protesters", sitrep.KindOther, "OPP", 6)
			}
		}
		if *ev.ACLEDSubEventType == "Peaceful protest" {
			ev.Actor2 = nil
		}
		if *ev.ACLEDSubEventType != "Peaceful protest" && ev.Actor2 == nil {
			ev.Actor2 = a.intervener(e, ev, country)
		}
	case "Riots":
		switch {
		case ev.Actor1 != nil && ev.Actor1.Inter == 5:
		case ev.Actor2 != nil && ev.Actor2.Inter == 5:
			// "residents pelted stones at police": the rioters act on
			// whom the report first named
			ev.Actor1, ev.Actor2 = ev.Actor2, ev.Actor1
			if ev.Actor2 != nil && !armed(ev.Actor2) {
				ev.Actor2 = nil
			}
		default:
			ev.Actor1 = generic("Rioters", sitrep.KindOther, "OPP", 5)
		}
		if ev.Actor2 != nil && ev.Actor2.Name != "" && ev.Actor2.Name == ev.Actor1.Name {
			// the rioters are not their own target
			ev.Actor2 = nil
		}
		if ev.Actor2 == nil {
			ev.Actor2 = a.intervener(e, ev, country)
		}
		if ev.Actor2 == nil && (*ev.ACLEDSubEventType == "Mob violence" || e.damagesProperty()) {
			// a mob that meets no force turns on people, rioters who
			// wreck a bank or a house on its owners: ACLED's civilians
			// of the event's country
			ev.Actor2 = generic("Civilians", sitrep.KindCivilians, "CVL", 7)
		}
	case "Strategic developments":
		if ev.Actor1 == nil {
			ev.Actor1 = e.first().claimedOwn
		}
		if ev.Actor1 == nil {
			// "federal police forces dismantled a drug lab. A man was
			// arrested": the arrest, seizure or deployment is the deed of
			// the forces the report names before it
			ev.Actor1 = a.armedSubject(e, ev)
		}
		if ev.Actor1 == nil && ev.Actor2 != nil && armed(ev.Actor2) && strings.HasSuffix(e.first().word, "prematurely") {
			// "two militants were killed when the mine they were planting
			// exploded prematurely": their own weapon, their own event
			ev.Actor1, ev.Actor2 = ev.Actor2, nil
		}
		if ev.Actor1 == nil && *ev.ACLEDSubEventType == "Looting/property destruction" {
			// property burned or looted by nobody the text names: like
			// violence, an unidentified armed group's deed
			g := generic("Unidentified Armed Group", sitrep.KindArmedGroup, "MIL_NONSTATE", 3)
			g.Country, g.Cameo = "", "UAF"
			ev.Actor1 = g
		}
		if sub := *ev.ACLEDSubEventType; (ev.Actor2 == nil || ev.Actor2.Inter == 7) && (sub == "Looting/property destruction" || sub == "Arrests") && ev.Actor1 != nil && armed(ev.Actor1) && (hasCue(e.words(), "drugs") || hasCue(a.sentenceBefore(e), "drugs")) {
			// drugs or contraband that forces seize, and whoever they
			// arrest for them, are a criminal gang's: ACLED's
			// unidentified gang named after the event's country
			g := generic("Unidentified Gang", sitrep.KindArmedGroup, "MIL_NONSTATE", 3)
			g.Country, g.Cameo = "", "CRM"
			ev.Actor2 = g
		}
		if sub := *ev.ACLEDSubEventType; ev.Actor2 == nil && (sub == "Looting/property destruction" || sub == "Arrests") {
			// what is looted, burned or seized, and whoever is arrested,
			// when the text names no owner or group: civilians of the
			// event's country
			ev.Actor2 = generic("Civilians", sitrep.KindCivilians, "CVL", 7)
		}
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		if ev.Actor1 == nil {
			ev.Actor1 = e.first().claimedOwn
		}
		if ev.Actor1 == nil {
			ev.Actor1 = a.armedSubject(e, ev)
		}
		if ev.Actor1 == nil {
			ev.Actor1 = a.claimedBy(e, ev)
		}
		if ev.Actor1 == nil {
			// ACLED names it after the event's country; whose it is, the
			// text does not say
			g := generic("Unidentified Armed Group", sitrep.KindArmedGroup, "MIL_NONSTATE", 3)
			g.Country, g.Cameo = "", "UAF"
			ev.Actor1 = g
		}
		if ev.Actor2 == nil && *ev.ACLEDEventType == "Battles" {
			ev.Actor2 = a.opponent(e, ev)
		}
		if *ev.ACLEDEventType == "Battles" && ev.Actor1.Text == "" && ev.Actor2 != nil && ev.Actor2.Text != "" && armed(ev.Actor2) && !e.first().passiveArmed {
			// "a shoot-out took place during a police operation": of the
			// two sides of a battle, the one the report names comes
			// first, the one it leaves unnamed second
			ev.Actor1, ev.Actor2 = ev.Actor2, ev.Actor1
		}
		if ev.Actor2 == nil && *ev.ACLEDEventType != "Violence against civilians" {
			// "targeted GNA positions with artillery fire": whose
			// positions were hit
			ev.Actor2 = a.positionsOf(e, ev)
		}
		if ev.Actor2 == nil && *ev.ACLEDEventType != "Violence against civilians" && hasCue(e.first().target, "stateposts") {
			// "fired at the governmental positions": the place stands
			// for the forces that hold it, the event's country's
			if m := a.stateForces(country); !sameActor(m, ev.Actor1) {
				ev.Actor2 = m
			}
		}
		if ev.Actor2 == nil && *ev.ACLEDEventType == "Battles" {
			// a battle has two sides: against the state's forces, an
			// armed group the text leaves unnamed; against a group, the
			// forces of the event's country; a shoot-out nobody is named
			// for, between gunmen ACLED leaves unidentified on both sides
			if ev.Actor1.Inter == 1 || ev.Actor1.Text == "" && ev.Actor1.Inter == 3 && e.gunfight() {
				g := generic("Unidentified Armed Group", sitrep.KindArmedGroup, "MIL_NONSTATE", 3)
				g.Country, g.Cameo = "", "UAF"
				ev.Actor2 = g
			} else {
				ev.Actor2 = a.stateForces(country)
			}
		}
		if *ev.ACLEDEventType == "Violence against civilians" && (ev.Actor2 == nil || ev.Actor2.Inter != 7) {
			// violence against civilians is done to civilians, named by
			// the event's country when the text names nobody
			ev.Actor2 = generic("Civilians", sitrep.KindCivilians, "CVL", 7)
		}
	}
}

// sentenceBefore returns the lower-case, space-padded words of the
// sentence before the event's first report in its paragraph ("Police
// dismantled a drug lab. Two men were arrested."), or "".
func (a *article) sentenceBefore(e *event) string {
	k := e.first().sent
	if k == 0 || a.in.Sentences[k-1].Paragraph != a.in.Sentences[k].Paragraph {
		return ""
	}
	s := &a.in.Sentences[k-1]
	return deedWords(s, s.Span, nil)
}

// damagesProperty reports whether a report tells of damage done to
// property ("hurled Molotov cocktails at a bank", "damaged the facade of
// the building", "burned two cars"): a word of the damage cue set with a
// word for property within the next six, and no force of the state's
// between them ("set fire to the police station" is an attack on the
// police) nor a word of place ("burned tyres outside the bank").
func (e *event) damagesProperty() bool {
	for _, c := range e.cands {
		ws := strings.Fields(c.deeds)
		for i, w := range ws {
			if !damageWords[w] {
				continue
			}
			for k := i + 1; k < len(ws) && k <= i+6; k++ {
				if stateWords[ws[k]] || ws[k] == "outside" || ws[k] == "near" || ws[k] == "front" && ws[k-1] == "in" {
					// the state's, or where it was done: "burned tyres
					// in front of a bank"
					break
				}
				if propertyWords[ws[k]] {
					return true
				}
			}
		}
	}
	return false
}

var (
	// damageWords are deeds that wreck what they hit
	damageWords = wordSet(`damaged damaging burned burnt burning torched vandalized vandalised smashed looted
		ransacked hurled threw stoned pelted attacked`)
	// stateWords name the state's forces and offices: what they hold is
	// theirs, not civilians'
	stateWords = wordSet(`police policemen army military soldiers troops government ministry municipal municipality
		council prison jail gendarmerie`)
)

// gunfight reports whether the event's first report calls the fight a
// shoot-out or gunfight, the words for gunmen firing at each other, not
// for a front's shelling.
func (e *event) gunfight() bool {
	return gunfightWords[strings.ToLower(e.first().word)]
}

// gunfightWords are the phrases of the gunfight cue set, unpadded.
var gunfightWords = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range cueSets["gunfight"] {
		m[strings.TrimSpace(p)] = true
	}
	return m
}()

// intervener returns the state force that a demonstration's report, or
// the two sentences after it in its paragraph, names: "Police dispersed
// the group." ACLED makes the force that intervenes a demonstration's
// second actor. A force with no country of its own is the event's.
func (a *article) intervener(e *event, ev *sitrep.Event, country string) *sitrep.Actor {
	actor1 := ev.Actor1
	f := e.first()
	s := &a.in.Sentences[f.sent]
	end := s.End
	for k := f.sent + 1; k < len(a.in.Sentences) && k <= f.sent+2 && a.in.Sentences[k].Paragraph == s.Paragraph; k++ {
		end = a.in.Sentences[k].End
	}
	for i := range a.in.Actors {
		m := &a.in.Actors[i]
		if m.Start < s.Start || m.Start >= end {
			continue
		}
		if m.Inter != 1 || m.Sector != "POL" && m.Sector != "MIL" || actor1 != nil && sameActor(m, actor1) || claimant(ev, m) {
			continue
		}
		act := *m
		if act.Country == "" && country != "" {
			act.Country = country
			if act.Cameo != "" {
				act.Cameo = country + act.Cameo
			}
		}
		return &act
	}
	return nil
}

// armedSubject returns the first armed mention before the trigger in the
// paragraph of the event's first report, when the reading of the clause
// gave no perpetrator: "the Military Police carried out an operation
// against drug trafficking". A passive report's subject is its victim.
func (a *article) armedSubject(e *event, ev *sitrep.Event) *sitrep.Actor {
	f := e.first()
	if f.passiveArmed {
		return nil
	}
	// the paragraph's earlier sentences tell who set out: "the Military
	// Police carried out an operation ... A shoot-out took place."
	k := f.sent
	for k > 0 && a.in.Sentences[k-1].Paragraph == a.in.Sentences[f.sent].Paragraph {
		k--
	}
	from := a.in.Sentences[k].Start
	for i := range a.in.Actors {
		m := &a.in.Actors[i]
		if m.Start < from || m.Start >= f.span.Start {
			continue
		}
		if m.Inter < 1 || m.Inter > 4 && m.Inter != 8 || !armed(m) || ev.Actor2 != nil && sameActor(m, ev.Actor2) || claimant(ev, m) {
			continue
		}
		return m
	}
	return nil
}

// positionsOf returns the armed mention of the event's first report that
// names whose positions, posts or base were hit ("LNA forces targeted GNA
// positions with artillery fire"), other than actor1, or nil.
func (a *article) positionsOf(e *event, ev *sitrep.Event) *sitrep.Actor {
	s := &a.in.Sentences[e.first().sent]
	for i := range a.in.Actors {
		m := &a.in.Actors[i]
		if m.Start < s.Start || m.End > s.End || !armed(m) || ev.Actor1 != nil && (sameActor(m, ev.Actor1) || m.Name != "" && m.Name == ev.Actor1.Name) {
			continue
		}
		for k, t := range s.Tokens {
			if t.Start >= m.End {
				if k > 0 && s.Tokens[k-1].End <= m.End && positionWords[strings.ToLower(t.Text)] {
					return m
				}
				break
			}
		}
	}
	return nil
}

// positionWords are the places forces hold, which stand for them as the
// target of an attack
var positionWords = wordSet(`positions position posts post base bases checkpoint checkpoints barracks outpost outposts`)

// claimedBy returns the armed group that one of the two sentences after
// an event's first report, in its paragraph, names as its author when the
// report names none: "An IED went off in the market. Al Shabaab claimed
// responsibility." (`claimresp` in cues.tsv, the group before the words),
// "The device was planted by JNIM militants." (`doneby`, the group after
// them). A group's claim of a deed ("claimed to have killed two
// soldiers", `claimdeed`) names it only when it is no state's force,
// whose claims tell of deeds of their own.
func (a *article) claimedBy(e *event, ev *sitrep.Event) *sitrep.Actor {
	f := e.first()
	para := a.in.Sentences[f.sent].Paragraph
	for k := f.sent + 1; k < len(a.in.Sentences) && k <= f.sent+2 && a.in.Sentences[k].Paragraph == para; k++ {
		s := &a.in.Sentences[k]
		for _, set := range []string{"claimresp", "claimdeed", "doneby"} {
			from, to, ok := cueSpan(s, set)
			if !ok {
				continue
			}
			var found *sitrep.Actor
			for i := range a.in.Actors {
				m := &a.in.Actors[i]
				if m.Start < s.Start || m.End > s.End || !armed(m) || m.Inter < 1 || m.Inter > 4 && m.Inter != 8 || ev.Actor2 != nil && sameActor(m, ev.Actor2) {
					continue
				}
				if set == "doneby" {
					if m.Start >= to && found == nil {
						found = m
					}
				} else if m.End <= from && (set == "claimresp" || m.Inter != 1) {
					found = m // the last one before the words: their subject
				}
			}
			if found != nil {
				return found
			}
		}
	}
	return nil
}

// cueSpan returns the text offsets of the first phrase of a cue set in a
// sentence's words.
func cueSpan(s *sitrep.Sentence, set string) (from, to int, ok bool) {
	phrases := cuePhrases[set]
	for i := range s.Tokens {
		for _, p := range phrases {
			if i+len(p) > len(s.Tokens) {
				continue
			}
			match := true
			for k, w := range p {
				if !strings.EqualFold(s.Tokens[i+k].Text, w) {
					match = false
					break
				}
			}
			if match {
				return s.Tokens[i].Start, s.Tokens[i+len(p)-1].End, true
			}
		}
	}
	return 0, 0, false
}

// cuePhrases are the words of the phrases of the cue sets claimedBy reads.
var cuePhrases = func() map[string][][]string {
	m := map[string][][]string{}
	for _, set := range []string{"claimresp", "claimdeed", "doneby"} {
		for _, p := range cueSets[set] {
			m[set] = append(m[set], strings.Fields(p))
		}
	}
	return m
}()

// opponent returns the other armed side a battle's report names when the
// reading of its clause gave none: "GNA and LNA forces clashed", "Mayi
// Mayi militiamen and the police clashed". It is the first armed mention
// of the report's sentence that is not actor1 by name or place in the text.
func (a *article) opponent(e *event, ev *sitrep.Event) *sitrep.Actor {
	actor1 := ev.Actor1
	s := &a.in.Sentences[e.first().sent]
	for i := range a.in.Actors {
		m := &a.in.Actors[i]
		if m.Start < s.Start || m.Start >= s.End || !armed(m) || m.Inter < 1 || m.Inter > 4 && m.Inter != 8 {
			continue
		}
		if m.Start < actor1.End && actor1.Start < m.End || m.Name != "" && m.Name == actor1.Name || claimant(ev, m) {
			continue
		}
		return m
	}
	return nil
}

// claimant reports whether a mention is the source of one of the event's
// claims: "police said" tells who reports, not who acted.
func claimant(ev *sitrep.Event, m *sitrep.Actor) bool {
	for _, c := range ev.Claims {
		if c.Claimant != nil && c.Claimant.Start == m.Start && c.Claimant.End == m.End {
			return true
		}
	}
	return false
}

// stateForces is the generic actor for the military forces of a country,
// named as ACLED does.
func (a *article) stateForces(country string) *sitrep.Actor {
	m := &sitrep.Actor{Name: "Military Forces", Kind: sitrep.KindState, Sector: "MIL", Inter: 1, Country: country, Ref: -1}
	m.Cameo = country + cameoSector("MIL")
	m.ACLEDName = m.Name
	if country != "" && a.in.CountryName != nil {
		m.ACLEDName = "Military Forces of " + a.in.CountryName(country)
		m.Name = m.ACLEDName
	}
	return m
}

// localActors gives the event's actors that name no country the country
// the event happened in, its place's or else the article's focus country:
// forces named without a state ("police", "the army") serve where they act,
// rebels and militias fight in a country, and protesters, rioters and
// civilians are its people. A state's forces abroad name their state
// ("Turkish troops") and keep it; groups of no country (international
// organisations, media, persons) are left alone.
func (a *article) localActors(ev *sitrep.Event, country string) {
	for _, p := range []**sitrep.Actor{&ev.Actor1, &ev.Actor2} {
		act := *p
		if act == nil || !localKind(act) {
			continue
		}
		if act.Country != "" {
			continue
		}
		if country == "" {
			if f := a.focusCountry(); f != nil {
				country = f.Country
			} else {
				return
			}
		}
		cp := *act
		if act.Text != "" || act.Kind != sitrep.KindArmedGroup {
			// an armed group the text does not name is named after the
			// country, not said to be of it: who fired across a border,
			// the text does not tell
			cp.Country = country
		}
		if a.in.CountryName != nil && len(act.Cameo) <= 3 && !strings.HasSuffix(cp.ACLEDName, ")") {
			// ACLED names generic actors, whose code is their sector's
			// alone, after their country ("Protesters (Lebanon)"); a
			// named group keeps its name ("Taliban")
			if cp.ACLEDName == "" {
				cp.ACLEDName = cp.Name
			}
			if cp.ACLEDName != "" {
				cp.ACLEDName += " (" + a.in.CountryName(country) + ")"
			}
		}
		*p = &cp
	}
}

// localKind reports whether an actor belongs to the country it acts in
// when the text names none: state forces and officials, armed groups,
// protesters, rioters and civilians.
func localKind(act *sitrep.Actor) bool {
	switch act.Kind {
	case sitrep.KindState, sitrep.KindArmedGroup, sitrep.KindCivilians:
		return true
	case sitrep.KindOther:
		return act.Inter == 5 || act.Inter == 6
	}
	return false
}

// cameoSector is the CAMEO agent code of a sector.
func cameoSector(sector string) string {
	switch sector {
	case "OPP":
		return "OPP"
	case "MIL_NONSTATE":
		return "UAF"
	}
	return sector
}

// partisan reports whether a claimant belongs to a side of the event: the
// country of its perpetrator or of its victims, or the same armed group.
func partisan(claimant, actor1, actor2 *sitrep.Actor) bool {
	if claimant == nil {
		return false
	}
	for _, side := range []*sitrep.Actor{actor1, actor2} {
		switch {
		case side == nil:
		case claimant.Country != "" && side.Country == claimant.Country:
			return true
		case claimant.Country == "" && claimant.Name != "" && side.Name == claimant.Name && side.Kind == sitrep.KindArmedGroup:
			return true
		}
	}
	return false
}

// contested reports whether someone hedges a figure that another asserts.
func contested(cs []sitrep.Claim) bool {
	for _, h := range cs {
		if h.Stance != sitrep.Hedges {
			continue
		}
		for _, c := range cs {
			if c.Stance == sitrep.Asserts && c.Claimant != nil && h.Claimant != nil && c.Claimant.Country != h.Claimant.Country {
				return true
			}
		}
	}
	return false
}

// code sets the ACLED type and sub-type, which depend on who acted on whom
// and on what else the reports tell (events/cues.tsv).
func (a *article) code(ev *sitrep.Event, tr trigger, e *event) {
	typ, sub := tr.acledType, tr.acledSub
	words := e.words()
	if tr.class == "abduct" && ev.Killed != nil && ev.Killed.Low != nil && *ev.Killed.Low > 0 {
		// people abducted and killed: the Codebook codes the killing, an
		// attack, or a battle when the victims were armed
		tr = triggers.phrases["killed"][0]
		typ, sub = tr.acledType, tr.acledSub
	}
	military := ev.Victims != nil && (*ev.Victims == sitrep.VictimsMilitary || *ev.Victims == sitrep.VictimsMixed)
	civilians := ev.Actor2 != nil && ev.Actor2.Inter == 7 || ev.Victims != nil && *ev.Victims == sitrep.VictimsCivilians
	// people named by number alone ("killing five people") may be the
	// armed target's men: the target named after the trigger tells
	anyone := ev.Actor2 != nil && ev.Actor2.Inter == 7 && genericPeople[strings.ToLower(ev.Actor2.Text)]
	armedTarget := ev.Actor2 != nil && armedForce(ev.Actor2) || military || !civilians && e.aimedAtArmed() || anyone && e.first().aimedAtArmed()
	switch tr.class {
	case "attack", "kill":
		// raids with arrests and no one killed are arrests; a beating or
		// torture with the arrest is violence against the person held
		if ev.Killed == nil && tr.class == "attack" && e.first().has("arrest") {
			typ, sub = "Strategic developments", "Arrests"
			break
		}
		// an arson attack that hurts nobody destroys property; one on a
		// village attacks the people who live there
		if ev.Killed == nil && ev.Injured == nil && (e.hasAny("loot") || tr.class == "attack" && aimedAtProperty(e.first().target)) && (ev.Actor2 == nil || ev.Actor2.Inter != 7 || ev.Actor2.End <= e.first().span.Start) && (e.first().background || !hasCue(firstWords(e.first().target, 6), "settlement")) {
			typ, sub = "Strategic developments", "Looting/property destruction"
			break
		}
		fallthrough
	case "shoot":
		// fire at an armed target, or an exchange of small-arms fire with
		// no civilian hit, is a battle
		if (armedTarget || !civilians && hasCue(words, "smallarms")) && (ev.Actor1 == nil || ev.Actor1.Inter != 7) {
			typ, sub = "Battles", "Armed clash"
		}
	case "shelling", "blast":
		// heavy weapons with small arms, or fired both ways, are a
		// ground battle
		if hasCue(words, "smallarms") && !strings.Contains(words, " no armed clash ") {
			typ, sub = "Battles", "Armed clash"
		} else if tr.class == "blast" && hasCue(words, "selfkill") {
			// "blew up, killing themselves": a suicide bombing
			sub = "Suicide bomb"
		} else if tr.class == "blast" && hasCue(words, "explosives") {
			// "a container full of explosives blew up": a charge put in
			// place, not a shell fired
			sub = "Remote explosive/landmine/IED"
		}
	case "explosive":
		// "detonated explosives, killing themselves": a suicide bombing
		if hasCue(words, "selfkill") {
			sub = "Suicide bomb"
		}
	case "grenade":
		// a grenade its target answers with gunfire starts a battle; one
		// thrown amid clashes stays a grenade attack
		if hasCue(words, "answered") || e.nextHas(a, "answered") {
			typ, sub = "Battles", "Armed clash"
		}
	case "capture":
		// ground taken without a fight, or after the side holding it
		// withdrew with no fighting told, changes hands without violence
		if hasCue(words, "unopposed") || hasCue(words, "withdrawal") && !hasCue(words, "combat") && !hasCue(words, "smallarms") {
			typ, sub = "Strategic developments", "Non-violent transfer of territory"
			break
		}
		if ev.Actor1 != nil && ev.Actor1.Inter != 1 && ev.Actor1.Inter != 0 || ev.Actor1 == nil && hasCue(lastWords(e.first().subject, 6), "armedgroup") || hasCue(firstWords(e.first().target, 10), "fromstate") {
			// "Mai Mai rebels have taken over four localities", "retook
			// a town from government forces"
			sub = "Non-state actor overtakes territory"
		}
	case "stones":
		// stones thrown in a demonstration make it violent; thrown by
		// people gathered for no demonstration, it is mob violence
		if !e.hasAny("protest") {
			sub = "Mob violence"
		}
	case "protest":
		// what the demonstrators did decides a riot; what was done to
		// them, an intervention; neither by what they protested about
		// ("mourning protesters killed last month", "demanding the
		// release of those detained")
		deeds := e.deeds()
		var demo *demoReading // read once, when a cue makes it matter
		read := func() *demoReading {
			if demo == nil {
				r := e.readDemo(a)
				demo = &r
			}
			return demo
		}
		switch {
		case hasCue(deeds, "demoviolent") && !selfHarmOnly(deeds) && hasCue(read().acts, "demoviolent") || e.first().rioted || e.nextViolence(a) || hasCue(words, "demoviolent") && hasCue(words, "atorder"):
			typ, sub = "Riots", "Violent demonstration"
		case hasCue(e.first().words, "assault") && read().attacked:
			// "a group of men attacked a peaceful rally": the attackers
			// riot, the demonstrators are their victims
			typ, sub = "Riots", "Mob violence"
		case hasCue(deeds, "lethal") && ev.Killed != nil || hasCue(words, "intervene") && hasCue(deeds, "lethal") && ev.Injured != nil || hasCue(deeds, "excessive") || hasCue(deeds, "beating") && hasCue(read().forces, "beating"):
			sub = "Excessive force against protesters"
		case hasCue(words, "intervene") || hasCue(e.demoDeeds(), "arrest") || e.nextArrest(a) || hasCue(e.first().next, "intervene") || hasCue(deeds, "assault") && hasCue(read().forces, "assault") || hasCue(deeds, "halt") && hasCue(read().forces, "halt"):
			sub = "Protest with intervention"
		}
	}
	if typ != "Riots" && typ != "Protests" && tr.violent && e.byCrowd() && (ev.Actor1 == nil || ev.Actor1.Inter == 7 || ev.Actor1.Inter == 5 || ev.Actor1.Inter == 0) {
		// violence by villagers, youths, a crowd: mob violence
		switch tr.class {
		case "attack", "kill", "shoot", "clash", "loot":
			typ, sub = "Riots", "Mob violence"
		}
	}
	if typ != "Riots" && typ != "Protests" && e.crowdFight() {
		// a crowd that fights the police is no armed group: the Codebook
		// codes the fight as mob violence, not a battle
		typ, sub = "Riots", "Mob violence"
	}
	switch {
	case typ == "Violence against civilians" && e.armedVictim(a):
		// a victim the report calls a gang member or a wanted man is no
		// civilian: ACLED codes violence against him as an armed clash
		typ, sub = "Battles", "Armed clash"
	case tr.class == "aid" && ev.Actor1 != nil && nonStateArmed(ev.Actor1):
		// an armed group handing out aid takes on a new activity
		typ, sub = "Strategic developments", "Change to group/activity"
	case tr.class == "agreeverb" && (nonStateArmed(ev.Actor1) || nonStateArmed(ev.Actor2)):
		// an armed group agreeing with another party: the Codebook's
		// agreement
		typ, sub = "Strategic developments", "Agreement"
	}
	if typ != "" {
		ev.ACLEDEventType, ev.ACLEDSubEventType = &typ, &sub
	}
}

// aimedAtProperty reports whether an attack's target, right after it, is
// property: "attacks on properties of traders", "attacked two shops".
func aimedAtProperty(target string) bool {
	f := strings.Fields(target)
	if len(f) > 0 && (f[0] == "on" || f[0] == "against") {
		f = f[1:]
	}
	for k := 0; k < len(f) && k < 3; k++ {
		if propertyTargets[f[k]] {
			return true
		}
	}
	return false
}

// propertyTargets are things, not people or armed posts, that an attack
// may hit.
var propertyTargets = wordSet(`property properties shops shop stores store warehouse warehouses vehicles cars trucks
	buses factory factories offices`)

// genericPeople name people by number alone, neither armed nor civilian.
var genericPeople = wordSet(`people persons`)

// nonStateArmed reports whether an actor is a rebel, militia or other
// armed group outside the state's forces.
func nonStateArmed(a *sitrep.Actor) bool {
	return a != nil && (a.Inter == 2 || a.Inter == 3 || a.Inter == 4)
}

// crowdFight reports whether the first report tells of unorganised people
// fighting the forces of order: "villagers attacked a police team", "a
// clash between police and shopkeepers", "youths clashed with soldiers", "a
// policeman was beaten up by three persons". An armed group named on either
// side makes it a battle.
func (e *event) crowdFight() bool {
	f := e.first()
	switch f.trig.class {
	case "clash", "attack", "kill":
	default:
		return false
	}
	sub, obj := lastWords(f.subject, 10), firstWords(f.target, 14)
	if hasCue(sub+obj, "armedgroup") {
		return false
	}
	people := func(w string) bool { return hasCue(w, "crowd") || hasCue(w, "folk") }
	if f.trig.class == "clash" {
		// who fought whom may stand on either side: "police fought with
		// vendors", "a clash between police and shopkeepers"
		return people(sub+obj) && hasCue(sub+obj, "order")
	}
	if strings.HasSuffix(sub, " was ") || strings.HasSuffix(sub, " were ") {
		// "a policeman was attacked by ...": the agent follows
		i := strings.Index(f.target, " by ")
		if i < 0 || i > 40 {
			return false
		}
		agent := firstWords(f.target[i:], 6)
		for _, p := range []string{" at ", " in ", " near ", " on ", " while ", " after "} {
			// "by three persons at a checkpoint": where, not who
			if j := strings.Index(agent[1:], p); j >= 0 {
				agent = agent[:j+2]
			}
		}
		return hasCue(sub, "order") && !people(sub) && people(agent) && !hasCue(agent, "order") && !hasCue(agent, "armed")
	}
	return people(sub) && !hasCue(sub, "order") && hasCue(obj, "order")
}

// armedVictim reports whether the violence of an event hit someone the
// report or the two sentences after it call a criminal: "a gang member
// was killed by rival gang members", "The victim was involved in a gang."
func (e *event) armedVictim(a *article) bool {
	f := e.first()
	switch f.trig.class {
	case "kill", "shoot", "attack":
	default:
		return false
	}
	return hasCue(f.words, "armedvictim") || e.nextHas(a, "armedvictim")
}

// nextHas reports whether the two sentences after the first report's, in
// its paragraph, hold a phrase of the cue set: what a report goes on to
// tell of the incident ("Police responded with gunfire.").
func (e *event) nextHas(a *article, set string) bool {
	return e.anyNext(a, set, func(k int) bool {
		n := &a.in.Sentences[k]
		return hasCue(clauseWords(n, n.Span), set)
	})
}

// anyNext reports whether one of the two sentences after the first
// report's, in its paragraph, that could hold a phrase of the cue set
// passes test.
func (e *event) anyNext(a *article, set string, test func(k int) bool) bool {
	f := e.first()
	s := &a.in.Sentences[f.sent]
	for k := f.sent + 1; k < len(a.in.Sentences) && k <= f.sent+2 && a.in.Sentences[k].Paragraph == s.Paragraph; k++ {
		if lw, _ := a.sentenceWords(k); opensCue(lw, set) && test(k) {
			return true
		}
	}
	return false
}

// nextArrest reports whether the two sentences after a demonstration's,
// in its paragraph, tell of arrests of people it names by no singular
// pronoun, outside what the protest is about: "They were arrested",
// "Police detained 26 of them", not "He was arrested in connection with a
// corruption case" (the man the protest was about) or "They demanded the
// release of those detained".
func (e *event) nextArrest(a *article) bool {
	return e.anyNext(a, "arrest", func(k int) bool {
		n := &a.in.Sentences[k]
		lw, griev := a.sentenceWords(k)
		for _, w := range lw {
			if singularPronouns[w] {
				return false
			}
		}
		return hasCue(deedWords(n, n.Span, griev), "arrest")
	})
}

// nextViolence reports whether the two sentences after a demonstration's,
// in its paragraph, tell of violence by its demonstrators: "Some of them
// threw bottles at the police." What the forces of order did, what was
// done to the demonstrators, and what the protest was about do not count.
func (e *event) nextViolence(a *article) bool {
	return e.anyNext(a, "demoviolent", func(k int) bool {
		n := &a.in.Sentences[k]
		lw, griev := a.sentenceWords(k)
		deeds := deedWords(n, n.Span, skipActs(n.Tokens, lw, griev, forcesActs(n.Tokens, lw)))
		return hasCue(deeds, "demoviolent") && !selfHarmOnly(deeds)
	})
}

// singularPronouns name one person.
var singularPronouns = wordSet(`he she him his her himself herself`)

// cueFirst holds the first words of each cue set's phrases.
var cueFirst = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for set, ps := range cueSets {
		m[set] = map[string]bool{}
		for _, p := range ps {
			m[set][strings.Fields(p)[0]] = true
		}
	}
	return m
}()

// opensCue reports whether a word of a sentence (its lower-case words)
// could open a phrase of the cue set, so that a sentence without one need
// not be read further.
func opensCue(lw []string, set string) bool {
	first := cueFirst[set]
	for _, w := range lw {
		if first[w] {
			return true
		}
	}
	return false
}

// lastWords returns the last n words of padded words, padded.
func lastWords(words string, n int) string {
	f := strings.Fields(words)
	return " " + strings.Join(f[max(0, len(f)-n):], " ") + " "
}

// firstWords returns the first n words of padded words, padded.
func firstWords(words string, n int) string {
	f := strings.Fields(words)
	return " " + strings.Join(f[:min(len(f), n)], " ") + " "
}

// armedForce reports whether an actor is an armed force or group, which
// makes violence against it a battle; rioters are not.
func armedForce(a *sitrep.Actor) bool {
	return armed(a) && a.Inter != 5 && a.Inter != 6
}

// hasAny reports whether any report of the event was read from a trigger
// of the class.
func (e *event) hasAny(class string) bool {
	for _, c := range e.cands {
		if c.has(class) {
			return true
		}
	}
	return false
}

// has reports whether the report was read from a trigger of the class.
func (c *candidate) has(class string) bool {
	for _, h := range c.hits {
		if h.trig.class == class {
			return true
		}
	}
	return false
}

// byCrowd reports whether the first report's subject is unorganised people
// and not armed men.
func (e *event) byCrowd() bool {
	f := e.first()
	sub := f.subject
	if strings.HasPrefix(f.target, " between ") {
		// "a clash between two groups of the community"
		fs := strings.Fields(f.target)
		sub += " " + strings.Join(fs[:min(len(fs), 8)], " ") + " "
	}
	passive := strings.HasSuffix(sub, " were ") || strings.HasSuffix(sub, " was ") || strings.HasSuffix(sub, " been ")
	if passive {
		// "was beaten up by locals": the agent follows
		if i := strings.Index(f.target, " by "); i >= 0 && i < 12 {
			sub = f.target[i:]
			if fs := strings.Fields(sub); len(fs) > 6 {
				sub = " " + strings.Join(fs[:6], " ") + " "
			}
		} else {
			return false
		}
	}
	return hasCue(sub, "crowd") && !hasCue(sub, "armed") && !strings.Contains(sub, " armed ") && !strings.Contains(sub, " gunmen ")
}

// deeds returns the words of the event's reports that tell what was done,
// not what a demonstration was about.
func (e *event) deeds() string {
	var b strings.Builder
	for _, c := range e.cands {
		b.WriteString(c.deeds)
	}
	return b.String()
}

// demoReading is what the reports of a demonstration tell its people did
// and what the forces of order did to them.
type demoReading struct {
	// acts is the words that tell what the demonstrators did, not what was
	// done to them or what they protested about (skipActs)
	acts string
	// forces is the words that tell what the forces of order did to the
	// demonstration (forcesActs), not what it was about: "riot police
	// beat a protester"
	forces string
	// attacked is set when the first report tells of people other than
	// the forces of order attacking the demonstration
	attacked bool
}

// readDemo reads the event's reports as a demonstration's, each sentence
// once.
func (e *event) readDemo(a *article) demoReading {
	var r demoReading
	var acts, forces strings.Builder
	for i, c := range e.cands {
		s := &a.in.Sentences[c.sent]
		lw, griev := a.sentenceWords(c.sent)
		fa := forcesActs(s.Tokens, lw)
		if i == 0 {
			r.attacked = attacksOnDemo(lw, fa)
		}
		skip := skipActs(s.Tokens, lw, griev, fa)
		acts.WriteString(deedWords(s, c.clause, skip))
		if fa != nil {
			for k := range fa {
				// not what the protest was about ("after police
				// stopped them at the border")
				skip[k] = !fa[k] || griev[k]
			}
			forces.WriteString(deedWords(s, c.clause, skip))
		}
	}
	r.acts, r.forces = acts.String(), forces.String()
	return r
}

// demoDeeds returns deeds of the reports that tell of the demonstration
// itself.
func (e *event) demoDeeds() string {
	var b strings.Builder
	for _, c := range e.cands {
		if c.trig.demo {
			b.WriteString(c.deeds)
		}
	}
	return b.String()
}

// words returns the lower-case words of all the event's reports.
func (e *event) words() string {
	var b strings.Builder
	for _, c := range e.cands {
		b.WriteString(c.words)
	}
	return b.String()
}

// aimedAtArmed reports whether a report names an armed target right after
// its trigger ("shot at a police station", "attacked an army post", "an
// attack by militants on a checkpoint"), or before a passive one ("a
// policeman was shot", "two soldiers were killed by militants").
func (e *event) aimedAtArmed() bool {
	for _, c := range e.cands {
		if c.aimedAtArmed() {
			return true
		}
	}
	return false
}

// aimedAtArmed reports whether the report names an armed target (see
// event.aimedAtArmed).
func (c *candidate) aimedAtArmed() bool {
	if !c.trig.violent {
		return false
	}
	t := c.target
	if i := strings.Index(t, " by "); i >= 0 {
		// "beaten by prison guards": who beat, not whom; "an attack
		// by militants on a checkpoint": whom after the agent
		rest := t[i+3:]
		t = t[:i+1]
		for _, p := range []string{" on ", " against "} {
			if j := strings.Index(rest, p); j >= 0 && j < 40 {
				t += rest[j+1:]
				break
			}
		}
	}
	if f := strings.Fields(t); len(f) > 8 {
		t = " " + strings.Join(f[:8], " ") + " "
	}
	return armedCue(t) || c.passiveArmed && (c.trig.class == "kill" || c.trig.class == "attack" || c.trig.class == "shoot")
}

// unarmedBefore are words that take a person out of the armed ranks: ACLED
// codes violence against a former or off-duty soldier as violence against
// a civilian.
var unarmedBefore = wordSet(`former retired ex off-duty civilian unarmed`)

// armedCue reports whether words hold a phrase of the armed set that no
// word of unarmedBefore qualifies ("a former military officer").
func armedCue(words string) bool {
	for _, p := range cueSets["armed"] {
		for off := 0; ; {
			i := strings.Index(words[off:], p)
			if i < 0 {
				break
			}
			i += off
			off = i + 1
			before := strings.Fields(words[max(0, i-30) : i+1])
			qualified := false
			for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
				if unarmedBefore[before[k]] {
					qualified = true
				}
			}
			if !qualified && !strings.Contains(words[i:min(len(words), i+len(p)+12)], " off duty ") {
				return true
			}
		}
	}
	return false
}

// figures sets the event's killed and injured from the claims that assert
// them, and who the victims were.
func (a *article) figures(ev *sitrep.Event, e *event) {
	var figs []figure
	victims := map[string]bool{}
	for _, c := range e.cands {
		for _, f := range c.figures {
			victims[f.victims] = true
		}
		if c.partial || c.claims[0].Stance != sitrep.Asserts {
			continue
		}
		figs = append(figs, c.figures...)
	}
	if len(figs) == 0 {
		for _, c := range e.cands {
			figs = append(figs, c.figures...)
		}
	}
	ev.Killed, ev.Injured = reconcile(figs, true), reconcile(figs, false)
	if ev.Actor2 != nil && ev.Actor2.Inter == 7 {
		victims[sitrep.VictimsCivilians] = true
	}
	var v string
	switch {
	case victims[sitrep.VictimsCivilians] && victims[sitrep.VictimsMilitary]:
		v = sitrep.VictimsMixed
	case victims[sitrep.VictimsCivilians]:
		v = sitrep.VictimsCivilians
	case victims[sitrep.VictimsMilitary]:
		v = sitrep.VictimsMilitary
	case len(victims) > 0:
		v = sitrep.VictimsUnknown
	}
	if v != "" {
		ev.Victims = &v
	}
	if ev.Actor2 == nil && v == sitrep.VictimsCivilians {
		civ := &sitrep.Actor{Text: "civilians", Kind: sitrep.KindCivilians, Sector: "CVL", Inter: 7, Cameo: "CVL", Ref: -1}
		if ev.Location != nil && ev.Location.Country != "" {
			civ.Country = ev.Location.Country
			civ.Cameo = civ.Country + "CVL"
		}
		ev.Actor2 = civ
	}
	if ev.Actor2 != nil && ev.Actor2.Inter == 7 && ev.Location != nil && ev.Location.Country != "" && ev.Actor2.Country != ev.Location.Country {
		// civilians hit are of the place they were hit in, unless the
		// text names their nationality
		if !strings.Contains(strings.ToLower(ev.Actor2.Text), " ") || ev.Actor2.Country == "" {
			cp := *ev.Actor2
			cp.Country, cp.Cameo = ev.Location.Country, ev.Location.Country+"CVL"
			if a.in.CountryName != nil {
				cp.ACLEDName = "Civilians (" + a.in.CountryName(cp.Country) + ")"
			}
			ev.Actor2 = &cp
		}
	}
	if ev.Actor2 != nil && ev.Actor2.Country == "" && ev.Actor2.Inter == 7 && ev.Location != nil {
		cp := *ev.Actor2
		cp.Country, cp.Cameo = ev.Location.Country, ev.Location.Country+"CVL"
		ev.Actor2 = &cp
	}
	tr, _, _ := e.trig()
	a.code(ev, tr, e)
}

// eventDate turns the time an event's reports give into the event's date.
// Without one, an incident happened on or before publication, and that is
// all sitrep says.
func (a *article) eventDate(t *sitrep.Time, scope string) sitrep.EventDate {
	if t != nil && t.Value != nil {
		d := sitrep.EventDate{Start: t.Value, End: t.Value, Precision: t.Precision}
		if t.EndValue != nil {
			d.End = t.EndValue
		}
		txt := t.Text
		d.Text = &txt
		return d
	}
	d := sitrep.EventDate{Precision: sitrep.PrecisionUnknown}
	if a.in.Published != nil {
		p := a.in.Published.Format(time.DateOnly)
		d.End = &p
	}
	return d
}

// geoPrecision follows ACLED: 1 the named town, 2 part of a region, 3 only
// a larger region or the country.
func geoPrecision(p *sitrep.Place) int {
	switch p.Kind {
	case sitrep.PlaceCity, sitrep.PlaceOther:
		return 1
	case sitrep.PlaceAdmin2:
		return 2
	}
	return 3
}

// confidence scores how fully an event is attested: a trigger, a place, a
// date, actors, several sources.
func confidence(ev *sitrep.Event, e *event) float64 {
	c := 0.3
	if ev.Location != nil {
		c += 0.15
	}
	if ev.Date.Start != nil {
		c += 0.15
	}
	if ev.Actor1 != nil {
		c += 0.15
	}
	if len(ev.Claims) > 1 {
		c += 0.1
	}
	if ev.Killed != nil || ev.Injured != nil {
		c += 0.1
	}
	if ev.Disputed {
		c -= 0.05
	}
	return float64(int(min(c, 0.95)*100+0.5)) / 100
}

// focusCountry returns the country the article names most often, as a
// place of country precision, or nil when it names none or is split
// evenly between two. Nationality words, which name actors more often than
// where things happen ("Turkish forces closed Afrin's entrances"), then the
// actors of a country break a tie, or stand in for places the article does
// not name ("Al Shabaab militants kidnapped two civilians from Bar Ujeed
// village"): armed groups and state forces fight in their own country more
// often than abroad.
func (a *article) focusCountry() *sitrep.Place {
	n := map[string]int{}
	var first []string
	count := func(c string) {
		if c == "" {
			return
		}
		if n[c] == 0 {
			first = append(first, c)
		}
		n[c]++
	}
	for i := range a.in.Places {
		if p := &a.in.Places[i]; p.Cue != "demonym" {
			count(p.Country)
		}
	}
	best, ok := leader(n, first)
	if !ok {
		for i := range a.in.Places {
			if p := &a.in.Places[i]; p.Cue == "demonym" {
				count(p.Country)
			}
		}
		best, ok = leader(n, first)
	}
	if !ok {
		for i := range a.in.Actors {
			if act := &a.in.Actors[i]; act.Kind == sitrep.KindState || act.Kind == sitrep.KindArmedGroup {
				count(act.Country)
			}
		}
		if best, ok = leader(n, first); !ok {
			return nil
		}
	}
	for i := range a.in.Places {
		if p := a.in.Places[i]; p.Country == best && p.Kind == sitrep.PlaceCountry {
			p.Cue = "focus"
			return &p
		}
	}
	return &sitrep.Place{Name: best, Country: best, Kind: sitrep.PlaceCountry, Cue: "focus"}
}

// leader returns the key of counts with the highest count, first among
// equals in order, and whether it is alone at the top.
func leader(counts map[string]int, order []string) (string, bool) {
	best, second := "", 0
	for _, c := range order {
		switch {
		case best == "" || counts[c] > counts[best]:
			best, second = c, counts[best]
		case counts[c] > second:
			second = counts[c]
		}
	}
	return best, best != "" && counts[best] > second
}

// selfHarm are the words of a protester who sets himself on fire: harm
// done to oneself as protest, not violence against others.
var selfHarm = []string{" himself on fire ", " herself on fire ", " themselves on fire ", " himself ablaze ",
	" herself ablaze ", " themselves ablaze "}

// selfHarmOnly reports whether the violent deeds of a demonstration are
// all a protester's self-immolation ("one of the protesters set herself
// on fire").
func selfHarmOnly(deeds string) bool {
	rest, found := deeds, false
	for _, p := range selfHarm {
		if strings.Contains(rest, p) {
			rest, found = strings.ReplaceAll(rest, p, " "), true
		}
	}
	return found && !hasCue(rest, "demoviolent")
}
