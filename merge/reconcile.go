package merge

import (
	"fmt"
	"math"
	"slices"

	"github.com/sitrep-project/sitrep"
)

// Policy is how the figures of several reports of one event become the
// event's figures. Each claim keeps its own figures whatever the policy.
type Policy string

// The reconciliation policies.
const (
	// Conservative is ACLED's rule: exact figures over vague ones, the
	// lowest as low and best, the highest as high.
	Conservative Policy = "conservative"
	// UCDP gives UCDP GED's low, best and high: the lowest figure, the
	// median of the reports' best figures, the highest figure.
	UCDP Policy = "ucdp"
	// Nonpartisan is Conservative without the figures that a belligerent
	// gives about the other side's losses.
	Nonpartisan Policy = "nonpartisan"
)

// Policies lists the policies, the default first.
var Policies = []Policy{Conservative, UCDP, Nonpartisan}

// ParsePolicy returns the policy named s; "" is Conservative.
func ParsePolicy(s string) (Policy, error) {
	if s == "" {
		return Conservative, nil
	}
	for _, p := range Policies {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("unknown policy %q: want conservative, ucdp or nonpartisan", s)
}

// Reconcile builds the merged event id of the given reports, in merge
// order, with notes saying why each was merged. The codes, place, date and
// actors come from the reports that give them most precisely, the figures
// under policy p, and the claims and sources from every report.
func Reconcile(id string, mentions []sitrep.Mention, notes []sitrep.MergeNote, p Policy) *sitrep.MergedEvent {
	if len(mentions) == 0 {
		return nil
	}
	base := best(mentions)
	out := &sitrep.MergedEvent{Event: mentions[base].Event, Policy: string(p)}
	ev := &out.Event
	ev.ID = id
	ev.Claims = nil
	codes(ev, mentions, base)
	place(ev, mentions, base)
	date(ev, mentions, base)
	fill(ev, mentions)

	ev.Killed = figures(mentions, p, func(e *sitrep.Event) *sitrep.Count { return e.Killed }, func(c *sitrep.Claim) *sitrep.Count { return c.Killed })
	ev.Injured = figures(mentions, p, func(e *sitrep.Event) *sitrep.Count { return e.Injured }, func(c *sitrep.Claim) *sitrep.Count { return c.Injured })

	out.Claims = []sitrep.SourcedClaim{}
	out.Sources = []sitrep.Source{}
	seen := map[string]bool{}
	doubt := 1.0
	for _, m := range mentions {
		for _, c := range m.Event.Claims {
			out.Claims = append(out.Claims, sitrep.SourcedClaim{Claim: c, ArticleID: m.Source.ArticleID, Outlet: m.Source.Outlet})
			if c.Stance == sitrep.Denies {
				ev.Disputed = true
			}
		}
		if m.Event.Disputed {
			ev.Disputed = true
		}
		if !seen[m.Source.ArticleID] {
			seen[m.Source.ArticleID] = true
			out.Sources = append(out.Sources, m.Source)
		}
		doubt *= 1 - math.Min(m.Event.Confidence, 0.99)
	}
	ev.Confidence = math.Round((1-doubt)*100) / 100
	out.Merge = append([]sitrep.MergeNote{}, notes...)
	return out
}

// best returns the index of the most confident report, the first of equals.
func best(ms []sitrep.Mention) int {
	b := 0
	for i := range ms {
		if ms[i].Event.Confidence > ms[b].Event.Confidence {
			b = i
		}
	}
	return b
}

// codes takes the event codes most reports agree on; a tie goes to the
// base report.
func codes(ev *sitrep.Event, ms []sitrep.Mention, base int) {
	key := func(e *sitrep.Event) string { return deref(e.ACLEDSubEventType) + "|" + e.Cameo }
	votes := map[string]int{}
	for i := range ms {
		votes[key(&ms[i].Event)]++
	}
	win := base
	for i := range ms {
		if votes[key(&ms[i].Event)] > votes[key(&ms[win].Event)] {
			win = i
		}
	}
	e := &ms[win].Event
	ev.Cameo, ev.Plover, ev.PloverMode = e.Cameo, e.Plover, e.PloverMode
	ev.ACLEDEventType, ev.ACLEDSubEventType = e.ACLEDEventType, e.ACLEDSubEventType
	ev.Trigger = e.Trigger
}

// place takes the most precise resolved place.
func place(ev *sitrep.Event, ms []sitrep.Mention, base int) {
	rank := func(e *sitrep.Event) int {
		switch {
		case e.Location == nil:
			return 9
		case !e.Location.Resolved():
			return 8
		case e.GeoPrecision == nil:
			return 4
		}
		return *e.GeoPrecision
	}
	win := base
	for i := range ms {
		if rank(&ms[i].Event) < rank(&ms[win].Event) {
			win = i
		}
	}
	ev.Location, ev.GeoPrecision = ms[win].Event.Location, ms[win].Event.GeoPrecision
}

var precisionRank = map[string]int{
	sitrep.PrecisionDay: 0, sitrep.PrecisionWeek: 1, sitrep.PrecisionMonth: 2, sitrep.PrecisionYear: 3,
}

// date takes the most precise date.
func date(ev *sitrep.Event, ms []sitrep.Mention, base int) {
	rank := func(e *sitrep.Event) int {
		if e.Date.Start == nil {
			return 9
		}
		if r, ok := precisionRank[e.Date.Precision]; ok {
			return r
		}
		return 5
	}
	win := base
	for i := range ms {
		if rank(&ms[i].Event) < rank(&ms[win].Event) {
			win = i
		}
	}
	ev.Date = ms[win].Event.Date
}

// fill takes actors and victims that the base report lacks from the others.
func fill(ev *sitrep.Event, ms []sitrep.Mention) {
	for i := range ms {
		e := &ms[i].Event
		if ev.Actor1 == nil {
			ev.Actor1 = e.Actor1
		}
		if ev.Actor2 == nil {
			ev.Actor2 = e.Actor2
		}
		if ev.Victims == nil {
			ev.Victims = e.Victims
		}
	}
}

// figures reconciles one figure (killed or injured) of the reports under
// policy p. event gives a report's own reconciled figure, claim a claim's.
func figures(ms []sitrep.Mention, p Policy, event func(*sitrep.Event) *sitrep.Count, claim func(*sitrep.Claim) *sitrep.Count) *sitrep.Count {
	var counts []*sitrep.Count
	for i := range ms {
		e := &ms[i].Event
		c := event(e)
		if c == nil || c.Low == nil && c.Best == nil {
			continue
		}
		if p == Nonpartisan && onlyPartisan(e, claim) {
			continue
		}
		counts = append(counts, c)
	}
	if len(counts) == 0 {
		return nil
	}
	if p == UCDP {
		return ucdp(counts)
	}
	return conservative(counts)
}

// exact reports whether a count is one known figure.
func exact(c *sitrep.Count) bool {
	return c.Low != nil && c.High != nil && *c.Low == *c.High
}

func conservative(counts []*sitrep.Count) *sitrep.Count {
	var exacts []*sitrep.Count
	for _, c := range counts {
		if exact(c) {
			exacts = append(exacts, c)
		}
	}
	if len(exacts) > 0 {
		counts = exacts
	}
	low, best, high := -1, -1, -1
	bounded := true
	for _, c := range counts {
		l, b := lowOf(c), bestOf(c)
		if low < 0 || l < low {
			low = l
		}
		if best < 0 || b < best {
			best = b
		}
		if c.High == nil {
			bounded = false
		} else if *c.High > high {
			high = *c.High
		}
	}
	if !bounded {
		high = -1
	}
	return sitrep.NewCount(low, best, high)
}

func ucdp(counts []*sitrep.Count) *sitrep.Count {
	low, high := -1, -1
	bests := make([]int, 0, len(counts))
	for _, c := range counts {
		l, b := lowOf(c), bestOf(c)
		h := b
		if c.High != nil {
			h = *c.High
		}
		if low < 0 || l < low {
			low = l
		}
		high = max(high, h)
		bests = append(bests, b)
	}
	slices.Sort(bests)
	best := bests[(len(bests)-1)/2]
	return sitrep.NewCount(low, best, high)
}

func lowOf(c *sitrep.Count) int {
	if c.Low != nil {
		return *c.Low
	}
	return *c.Best
}

func bestOf(c *sitrep.Count) int {
	if c.Best != nil {
		return *c.Best
	}
	return *c.Low
}

// onlyPartisan reports whether every asserting claim of the report that
// gives this figure comes from a belligerent about the other side: a claimant
// on the perpetrator's side counting the losses it inflicted. A report whose
// figure no claim gives is the outlet's own, and kept.
func onlyPartisan(e *sitrep.Event, claim func(*sitrep.Claim) *sitrep.Count) bool {
	n, partisan := 0, 0
	for i := range e.Claims {
		c := &e.Claims[i]
		if c.Stance != sitrep.Asserts || claim(c) == nil {
			continue
		}
		n++
		if c.Claimant != nil && onSide(c.Claimant, e.Actor1) && !onSide(c.Claimant, e.Actor2) {
			partisan++
		}
	}
	return n > 0 && partisan == n
}

// onSide reports whether the claimant who speaks for the party a: the same
// actor, or of the same country and both on the state's side or both
// outside it.
func onSide(who, a *sitrep.Actor) bool {
	if a == nil {
		return false
	}
	if who.Name != "" && who.Name == a.Name || who.ACLEDName != "" && who.ACLEDName == a.ACLEDName {
		return true
	}
	if who.Country == "" || who.Country != a.Country {
		return false
	}
	return state(who) && (state(a) || a.Inter == 1) || nonState(who) && (nonState(a) || a.Inter >= 2 && a.Inter <= 4)
}

func state(a *sitrep.Actor) bool {
	switch a.Sector {
	case "GOV", "MIL", "POL", "JUD":
		return true
	}
	return a.Kind == sitrep.KindState
}

func nonState(a *sitrep.Actor) bool {
	switch a.Sector {
	case "REB", "MIL_NONSTATE", "OPP":
		return true
	}
	return a.Kind == sitrep.KindArmedGroup
}
