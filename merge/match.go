// Package merge decides when reports of events in different articles tell of
// the same real-world event, and reconciles the reports of one event into a
// merged event under a policy (conservative, ucdp, nonpartisan).
//
// A report joins an event when the two are compatible on every count (type,
// date window, place, actors, scope) and the weighted agreement of those
// counts reaches Threshold. Every match says why, in words, with its score.
package merge

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Threshold is the score from which a compatible report is merged.
const Threshold = 0.7

// Weights of the counts of a match; they add up to 1.
const (
	weightType   = 0.25
	weightDate   = 0.25
	weightPlace  = 0.30
	weightActors = 0.20
	// bonusText is added when the evidence sentences share most words.
	bonusText = 0.10
)

// Party is an actor as matching compares it.
type Party struct {
	Name    string `json:"name,omitempty"`
	Country string `json:"country,omitempty"`
	Inter   int    `json:"inter,omitempty"`
}

// Key is what matching compares of a report or of a merged event. It is
// small and flat so that a store can keep it beside each event.
type Key struct {
	Scope   string `json:"scope"`
	Type    string `json:"type,omitempty"`     // ACLED event type
	SubType string `json:"sub_type,omitempty"` // ACLED sub-event type
	Cameo   string `json:"cameo,omitempty"`
	// From and To bound the date window (YYYY-MM-DD); empty when the
	// report gives no date and no publication date.
	From     string  `json:"from,omitempty"`
	To       string  `json:"to,omitempty"`
	Day      bool    `json:"day,omitempty"` // the window is one exactly known day
	Country  string  `json:"country,omitempty"`
	Admin1   string  `json:"admin1,omitempty"`
	Place    string  `json:"place,omitempty"`
	PlaceID  int     `json:"place_id,omitempty"` // GeoNames id
	Kind     string  `json:"kind,omitempty"`     // place kind
	Lat      float64 `json:"lat,omitempty"`
	Lon      float64 `json:"lon,omitempty"`
	HasPoint bool    `json:"has_point,omitempty"`
	// Precision is ACLED's geo precision, 1 the town to 3 a larger region;
	// 0 when there is no place.
	Precision int   `json:"precision,omitempty"`
	Actor1    Party `json:"actor1"`
	Actor2    Party `json:"actor2"`
	Killed    *int  `json:"killed,omitempty"` // best figure
	// Words are the distinct lower-case words of the evidence sentence.
	Words []string `json:"words,omitempty"`
}

// undatedWindow is how far back an undated report may reach before its
// publication date.
const undatedWindow = 7 * 24 * time.Hour

// KeyOf returns the key of event e, reported in an article published on
// published (YYYY-MM-DD, or "" when unknown).
func KeyOf(e *sitrep.Event, published string) Key {
	k := Key{Scope: e.Scope, Cameo: e.Cameo}
	if k.Scope == "" {
		k.Scope = sitrep.ScopeIncident
	}
	k.Type, k.SubType = deref(e.ACLEDEventType), deref(e.ACLEDSubEventType)
	k.From, k.To, k.Day = window(e.Date, published)
	if p := e.Location; p != nil {
		k.Country, k.Admin1, k.Place, k.Kind = p.Country, p.Admin1, p.Name, p.Kind
		if p.GeonameID != nil {
			k.PlaceID = *p.GeonameID
		}
		if p.Resolved() {
			k.Lat, k.Lon, k.HasPoint = *p.Lat, *p.Lon, true
		}
		k.Precision = 3
		if e.GeoPrecision != nil {
			k.Precision = *e.GeoPrecision
		}
	}
	k.Actor1, k.Actor2 = party(e.Actor1), party(e.Actor2)
	if v, ok := e.Killed.Value(); ok {
		k.Killed = &v
	}
	k.Words = words(e.Text)
	return k
}

func party(a *sitrep.Actor) Party {
	if a == nil {
		return Party{}
	}
	name := a.ACLEDName
	if name == "" {
		name = a.Name
	}
	return Party{Name: name, Country: a.Country, Inter: a.Inter}
}

func (p Party) empty() bool { return p == Party{} }

// window returns the date window of an event: its own range, or for an
// undated report the week up to the publication date.
func window(d sitrep.EventDate, published string) (from, to string, day bool) {
	from, to = deref(d.Start), deref(d.End)
	switch {
	case from == "" && to == "":
		if published == "" {
			return "", "", false
		}
		to = published
		from = shiftDay(published, -undatedWindow)
	case from == "":
		from = shiftDay(to, -undatedWindow)
	case to == "":
		to = from
	}
	return from, to, from == to && d.Precision == sitrep.PrecisionDay
}

// Reach returns the days an event must overlap to be a candidate for the
// report with key k: its date window widened by a day on either side. A
// store reads the candidates it scores with Match from it.
func (k Key) Reach() (from, to string) {
	return shiftDay(k.From, -24*time.Hour), shiftDay(k.To, 24*time.Hour)
}

func shiftDay(day string, by time.Duration) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.Add(by).Format(time.DateOnly)
}

// Decision is the outcome of matching a report against an event.
type Decision struct {
	// Compatible is false when some count rules the match out; Reasons
	// then says which.
	Compatible bool
	Score      float64
	Reasons    []string
}

// Merge reports whether the report should be merged: compatible, and
// scoring at least Threshold.
func (d Decision) Merge() bool { return d.Compatible && d.Score >= Threshold-1e-9 }

// Reason is the reasons as one line.
func (d Decision) Reason() string { return strings.Join(d.Reasons, "; ") }

// Branches of the counts of a match, which explain turns into words.
const (
	sameSubType = iota + 1
	sameType
	compatibleTypes
	sameCameo
	sameCameoRoot
	differentTypes
	differentCameo
	codedOnce

	noDate
	sameDay
	datesOverlap
	dayApart
	datesApart

	differentCountries
	noPlaces
	noPlaceInOne
	samePlace
	nearTown
	nearRegion
	tooFar
	differentRegions
	notComparable
	sameRegion
	sameCountry

	sameActors
	swappedSides
	samePerpetrator
	actorsUnknown
	actorsCompatible
	actorsDiffer

	scopesDiffer
	totalsDiffer
)

// scores are the counts of a match, in numbers: each in [0, 1], with the
// branch that gave it.
type scores struct {
	t, d, p, a, text float64
	tb, db, pb, ab   int
	km               float64
	weak             string
	score            float64
	why              int // what ruled the match out, 0 when compatible
}

// Score returns the score of merging the report m into the event ev, and
// false when they are not compatible. It is Match without the words, for
// comparing a report with many events.
func Score(ev, m Key) (float64, bool) {
	s := score(ev, m)
	return s.score, s.why == 0
}

// Match compares a report's key m with an event's key ev and says why.
func Match(ev, m Key) Decision {
	s := score(ev, m)
	if s.why != 0 {
		return Decision{Reasons: []string{explain(ev, m, &s, s.why)}}
	}
	d := Decision{Compatible: true, Score: s.score}
	d.Reasons = []string{explain(ev, m, &s, s.tb), explain(ev, m, &s, s.db), explain(ev, m, &s, s.pb), explain(ev, m, &s, s.ab)}
	if s.text >= 0.6 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("evidence sentences share %.0f%% of their words", 100*s.text))
	}
	if figuresDiffer(ev, m) {
		d.Reasons = append(d.Reasons, fmt.Sprintf("figures differ (%d and %d killed)", *m.Killed, *ev.Killed))
	}
	if s.weak != "" {
		d.Reasons = append(d.Reasons, "too little evidence: "+s.weak)
	}
	return d
}

func figuresDiffer(ev, m Key) bool {
	return ev.Killed != nil && m.Killed != nil && *ev.Killed != *m.Killed && m.Scope == sitrep.ScopeIncident
}

func score(ev, m Key) scores {
	var s scores
	if ev.Scope != m.Scope {
		s.why = scopesDiffer
		return s
	}
	var ok bool
	if s.t, s.tb, ok = typeScore(ev, m); !ok {
		s.why = s.tb
		return s
	}
	if s.d, s.db, ok = dateScore(ev, m); !ok {
		s.why = s.db
		return s
	}
	if s.p, s.pb, s.km, ok = placeScore(ev, m); !ok {
		s.why = s.pb
		return s
	}
	if s.a, s.ab, ok = actorScore(ev, m); !ok {
		s.why = s.ab
		return s
	}
	if m.Scope == sitrep.ScopeAggregate && !sameFigure(ev.Killed, m.Killed) {
		s.why = totalsDiffer
		return s
	}
	sc := weightType*s.t + weightDate*s.d + weightPlace*s.p + weightActors*s.a
	s.text = overlap(ev.Words, m.Words)
	if s.text >= 0.6 {
		sc += bonusText
	}
	if figuresDiffer(ev, m) {
		sc -= 0.05
	}
	// Weak evidence on one count needs strong evidence on the others:
	// reports of one town, day and type by the same actors are the same
	// event, but "a protest somewhere that day" is not. Nearly the same
	// evidence sentence (an edited or syndicated copy) is strong evidence
	// by itself.
	ts, ds, ps, as := s.t, s.d, s.p, s.a
	nearCopy := s.text >= 0.9 && ts >= 0.7 && ds >= 0.7 && (ps >= 0.5 || s.pb == samePlace || s.pb == noPlaces || s.pb == noPlaceInOne)
	switch {
	case nearCopy:
		sc = math.Max(sc, Threshold+0.1)
	case ds < 0.5:
		s.weak = "a report without a date"
	case ps < 0.5:
		s.weak = "places not both known, or no finer than a country"
	case ps < 0.7 && !(as >= 0.8 && ts == 1 && ds == 1):
		s.weak = "places no finer than a region"
	case ds < 0.7 && !(as >= 0.9 && ts == 1 && ps >= 0.8):
		s.weak = "dates a day apart"
	case as <= 0.5 && !(ps >= 0.8 && ts == 1 && ds >= 0.7):
		s.weak = "actors of one report unknown"
	case ts < 0.7 && !(ps >= 0.8 && as >= 0.9):
		s.weak = "types only compatible"
	}
	if s.weak != "" && sc >= Threshold {
		sc = Threshold - 0.05
	} else {
		s.weak = ""
	}
	s.score = math.Round(math.Min(1, math.Max(0, sc))*1000) / 1000
	return s
}

// explain says in words what a branch of a match means for these keys.
func explain(ev, m Key, s *scores, branch int) string {
	switch branch {
	case sameSubType:
		return "same type (" + m.SubType + ")"
	case sameType:
		return "same type (" + m.Type + ")"
	case compatibleTypes:
		return "compatible types (" + m.Type + ", " + ev.Type + ")"
	case differentTypes:
		return "types differ (" + m.Type + ", " + ev.Type + ")"
	case sameCameo:
		return "same CAMEO code (" + m.Cameo + ")"
	case sameCameoRoot:
		return "same CAMEO root (" + m.Cameo[:2] + ")"
	case differentCameo:
		return "CAMEO codes differ (" + m.Cameo + ", " + ev.Cameo + ")"
	case codedOnce:
		return "one is coded by ACLED, the other is not (CAMEO " + m.Cameo + ", " + ev.Cameo + ")"
	case noDate:
		return "no date on one report"
	case sameDay:
		return "same day (" + m.From + ")"
	case datesOverlap:
		return "dates overlap (" + span(m.From, m.To) + " and " + span(ev.From, ev.To) + ")"
	case dayApart:
		return "dates a day apart (" + span(m.From, m.To) + " and " + span(ev.From, ev.To) + ")"
	case datesApart:
		return "dates do not overlap (" + span(m.From, m.To) + " and " + span(ev.From, ev.To) + ")"
	case differentCountries:
		return "different countries (" + m.Country + ", " + ev.Country + ")"
	case noPlaces:
		return "no place in either report"
	case noPlaceInOne:
		return "no place in one report"
	case samePlace:
		if m.PlaceID == 0 {
			return "same place (" + m.Place + ")"
		}
		return fmt.Sprintf("same place (%s, GeoNames %d)", m.Place, m.PlaceID)
	case nearTown:
		return fmt.Sprintf("places %.1f km apart (%s, %s)", s.km, m.Place, ev.Place)
	case nearRegion:
		return fmt.Sprintf("places %.0f km apart, within the precision of %s", s.km, m.Place)
	case tooFar:
		return fmt.Sprintf("places %.0f km apart (%s, %s)", s.km, m.Place, ev.Place)
	case differentRegions:
		return "different regions (" + m.Admin1 + ", " + ev.Admin1 + ")"
	case notComparable:
		return "places not comparable (" + m.Place + ", " + ev.Place + ")"
	case sameRegion:
		return fmt.Sprintf("same region (%s): %s and %s", m.Admin1, m.Place, ev.Place)
	case sameCountry:
		return fmt.Sprintf("%s and %s lie in one country (%s)", m.Place, ev.Place, m.Country)
	case sameActors:
		return "same actors (" + describe(m.Actor1) + "; " + describe(m.Actor2) + ")"
	case swappedSides:
		return "same sides, told the other way round"
	case samePerpetrator:
		return "same perpetrator (" + describe(m.Actor1) + ")"
	case actorsUnknown:
		return "actors unknown in one report"
	case actorsCompatible:
		return "actors compatible"
	case actorsDiffer:
		bad, other := m.Actor1, ev.Actor1
		if s1, ok := partyScore(ev.Actor1, m.Actor1); ok && s1 > 0 {
			bad, other = m.Actor2, ev.Actor2
		}
		return "actors differ (" + describe(bad) + ", " + describe(other) + ")"
	case scopesDiffer:
		return "an " + m.Scope + " is never merged with an " + ev.Scope
	case totalsDiffer:
		return "totals differ: " + figure(m.Killed) + " against " + figure(ev.Killed) + " killed"
	}
	return ""
}

// Family groups the event types whose reports may be merged: a store need
// only compare a report with the events of its family.
func (k Key) Family() string {
	switch {
	case violent[k.Type]:
		return "violence"
	case demonstration[k.Type]:
		return "demonstration"
	case k.Type != "":
		return k.Type
	case len(k.Cameo) >= 2:
		return "cameo " + k.Cameo[:2]
	}
	return "cameo"
}

// violent are the ACLED event types of political violence, which different
// outlets often tell one event as.
var violent = map[string]bool{
	"Battles":                    true,
	"Explosions/Remote violence": true,
	"Violence against civilians": true,
}

// demonstration are the ACLED event types of demonstrations.
var demonstration = map[string]bool{"Protests": true, "Riots": true}

func typeScore(ev, m Key) (float64, int, bool) {
	switch {
	case m.Type != "" && ev.Type != "":
		switch {
		case m.SubType != "" && m.SubType == ev.SubType:
			return 1, sameSubType, true
		case m.Type == ev.Type:
			return 0.8, sameType, true
		case violent[m.Type] && violent[ev.Type], demonstration[m.Type] && demonstration[ev.Type]:
			return 0.4, compatibleTypes, true
		}
		return 0, differentTypes, false
	case m.Type == "" && ev.Type == "":
		switch {
		case m.Cameo == ev.Cameo:
			return 1, sameCameo, true
		case len(m.Cameo) >= 2 && len(ev.Cameo) >= 2 && m.Cameo[:2] == ev.Cameo[:2]:
			return 0.7, sameCameoRoot, true
		}
		return 0, differentCameo, false
	}
	return 0, codedOnce, false
}

func dateScore(ev, m Key) (float64, int, bool) {
	if ev.From == "" || m.From == "" {
		return 0.3, noDate, true
	}
	switch {
	case m.Day && ev.Day && m.From == ev.From:
		return 1, sameDay, true
	case m.From <= ev.To && ev.From <= m.To:
		return 0.7, datesOverlap, true
	case shiftDay(m.From, -24*time.Hour) <= ev.To && ev.From <= shiftDay(m.To, 24*time.Hour):
		return 0.5, dayApart, true
	}
	return 0, datesApart, false
}

func span(from, to string) string {
	if from == to {
		return from
	}
	return from + " to " + to
}

// tolerance is how far apart, in km, two points of the given ACLED geo
// precision may lie and still be one place.
func tolerance(precision int) float64 {
	switch precision {
	case 1:
		return 10
	case 2:
		return 50
	}
	return 0 // a larger region: compared by country and admin1
}

func placeScore(ev, m Key) (score float64, branch int, km float64, ok bool) {
	if ev.Country != "" && m.Country != "" && ev.Country != m.Country {
		return 0, differentCountries, 0, false
	}
	switch {
	case ev.Precision == 0 && m.Precision == 0:
		return 0, noPlaces, 0, true
	case ev.Precision == 0 || m.Precision == 0:
		return 0.2, noPlaceInOne, 0, true
	case m.PlaceID != 0 && m.PlaceID == ev.PlaceID, m.PlaceID == 0 && ev.PlaceID == 0 && m.Place != "" && m.Place == ev.Place:
		// The same name of a region or a country says less than the same
		// town: many events happen in it.
		s := 1.0
		switch {
		case m.Kind == sitrep.PlaceCountry || m.Kind == sitrep.PlaceRegion:
			s = 0.4
		case m.Kind == sitrep.PlaceAdmin1:
			s = 0.5
		case m.Kind == sitrep.PlaceAdmin2 || max(ev.Precision, m.Precision) >= 2:
			s = 0.7
		}
		return s, samePlace, 0, true
	}
	coarse := max(ev.Precision, m.Precision)
	if tol := tolerance(coarse); tol > 0 && ev.HasPoint && m.HasPoint {
		km := Distance(ev.Lat, ev.Lon, m.Lat, m.Lon)
		switch {
		case km > tol:
			return 0, tooFar, km, false
		case coarse == 1:
			return 0.8, nearTown, km, true
		}
		return 0.6, nearRegion, km, true
	}
	// One place is a region or a country: the other must lie in it.
	if ev.Admin1 != "" && m.Admin1 != "" && ev.Admin1 != m.Admin1 && regional(ev, m) {
		return 0, differentRegions, 0, false
	}
	if ev.Country == "" || m.Country == "" {
		return 0.1, notComparable, 0, true
	}
	if ev.Admin1 != "" && ev.Admin1 == m.Admin1 {
		return 0.5, sameRegion, 0, true
	}
	return 0.4, sameCountry, 0, true
}

// regional reports whether the coarser of two places is an admin1 region,
// within which the other must lie.
func regional(a, b Key) bool {
	return a.Kind == sitrep.PlaceAdmin1 || b.Kind == sitrep.PlaceAdmin1
}

func actorScore(ev, m Key) (float64, int, bool) {
	s1, ok1 := partyScore(ev.Actor1, m.Actor1)
	s2, ok2 := partyScore(ev.Actor2, m.Actor2)
	if !ok1 || !ok2 {
		// Fighting is told from either side: A fought B is B fought A.
		t1, sw1 := partyScore(ev.Actor1, m.Actor2)
		t2, sw2 := partyScore(ev.Actor2, m.Actor1)
		if m.Type == "Battles" && ev.Type == "Battles" && sw1 && sw2 {
			return (t1 + t2) / 2, swappedSides, true
		}
		return 0, actorsDiffer, false
	}
	s := (s1 + s2) / 2
	switch {
	case s1 == 1 && s2 == 1:
		return s, sameActors, true
	case s1 >= 0.8 && !m.Actor1.empty() && !ev.Actor1.empty():
		return s, samePerpetrator, true
	case m.Actor1.empty() && m.Actor2.empty() || ev.Actor1.empty() && ev.Actor2.empty():
		return s, actorsUnknown, true
	}
	return s, actorsCompatible, true
}

// partyScore compares two actors of the same role: 1 the same, 0.8 the same
// country and type, 0.5 one unknown; not ok when they cannot be one.
func partyScore(a, b Party) (float64, bool) {
	switch {
	case a.empty() || b.empty():
		return 0.5, true
	case a == b:
		return 1, true
	case a.Country != "" && b.Country != "" && a.Country != b.Country:
		return 0, false
	case a.Inter != 0 && b.Inter != 0 && a.Inter != b.Inter:
		return 0, false
	case a.Country == b.Country && a.Inter == b.Inter:
		return 0.8, true
	}
	return 0.6, true
}

func describe(p Party) string {
	if p.empty() {
		return "unknown"
	}
	if p.Name != "" {
		return p.Name
	}
	return fmt.Sprintf("%s inter %d", p.Country, p.Inter)
}

func sameFigure(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func figure(n *int) string {
	if n == nil {
		return "no figure"
	}
	return fmt.Sprint(*n)
}

// Distance returns the great-circle distance in km between two points.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// words returns the distinct lower-case words of s longer than two
// letters, sorted.
func words(s string) []string {
	out := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	out = slices.DeleteFunc(out, func(w string) bool { return len(w) <= 2 })
	slices.Sort(out)
	return slices.Compact(out)
}

// overlap is the Jaccard similarity of two sorted word sets.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
