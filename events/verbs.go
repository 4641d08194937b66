package events

import (
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/claims"
	"github.com/sitrep-project/sitrep/verbs"
)

// coded adds the events a verb dictionary codes (Input.Verbs) to those the
// built-in triggers found. Following PETRARCH, each coded verb gives one
// event for every source and target it has ("Arnor and Rohan welcomed"
// gives two). In a sentence the dictionary codes, it decides the CAMEO
// coding: a built-in event read from the same verb takes the dictionary's
// code and actors, and the other built-in events of the sentence are
// dropped, unless they count casualties, which the dictionary cannot.
func (a *article) coded(evs []sitrep.Event) []sitrep.Event {
	var added []sitrep.Event
	coded := map[int]bool{} // sentence start -> the dictionary coded a verb
	replaced := map[int]bool{}
	for si := range a.in.Sentences {
		s := &a.in.Sentences[si]
		cs := a.in.Verbs.Code(s, a.in.Actors)
		if len(cs) == 0 {
			continue
		}
		coded[s.Start] = true
		lw, _ := a.sentenceWords(si)
		clauses := claims.SplitLower(s, lw, a.in.Actors)
		var sevs []sitrep.Event
		for _, c := range cs {
			sevs = append(sevs, a.codingEvents(s, clauses, c)...)
		}
		for _, ev := range subsumed(sevs) {
			if k := sameVerb(evs, ev, replaced); k >= 0 {
				// the built-in reading of this verb: the dictionary's
				// codes and actors, its other findings kept
				replaced[k] = true
				evs[k].Cameo, evs[k].Actor1, evs[k].Actor2 = ev.Cameo, ev.Actor1, ev.Actor2
				continue
			}
			added = append(added, ev)
		}
	}
	out := make([]sitrep.Event, 0, len(evs)+len(added))
	for k, ev := range evs {
		if coded[ev.Start] && !replaced[k] && ev.Killed == nil && ev.Injured == nil {
			continue
		}
		out = append(out, ev)
	}
	out = append(out, added...)
	for i := range out {
		out[i].ID = fmt.Sprintf("e%d", i+1)
	}
	return out
}

// subsumed drops the unspecified statements (CAMEO 010) of a sentence's
// codings between a source and target that another coding of the
// sentence gives a code of its own: in "Arnor said it would free Bree's
// prisoners" the statement is the release's announcement, not a second
// event.
func subsumed(evs []sitrep.Event) []sitrep.Event {
	out := make([]sitrep.Event, 0, len(evs))
	for i, ev := range evs {
		drop := false
		for j := range evs {
			if ev.Cameo == "010" && j != i && evs[j].Cameo != "010" && cameoOf(evs[j].Actor1) == cameoOf(ev.Actor1) && cameoOf(evs[j].Actor2) == cameoOf(ev.Actor2) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, ev)
		}
	}
	return out
}

// sameVerb returns the index of a built-in event of the same sentence read
// from the coded verb, or -1.
func sameVerb(evs []sitrep.Event, ev sitrep.Event, taken map[int]bool) int {
	for k := range evs {
		if taken[k] || evs[k].Start != ev.Start || evs[k].Trigger == "" {
			continue
		}
		if strings.Contains(strings.ToLower(ev.Trigger), strings.ToLower(evs[k].Trigger)) {
			return k
		}
	}
	return -1
}

// codingEvents turns one coded verb into events, one a source and target.
func (a *article) codingEvents(s *sitrep.Sentence, clauses []claims.Clause, c verbs.Coding) []sitrep.Event {
	actor := func(i int) *sitrep.Actor {
		if i < 0 {
			return nil
		}
		x := a.resolved(i)
		return &x
	}
	type pair struct {
		src, tgt int
		code     string
	}
	var pairs []pair
	add := func(src, tgt []int, code string) {
		if code == "" {
			return
		}
		for _, x := range src {
			for _, y := range tgt {
				pairs = append(pairs, pair{x, y, code})
			}
		}
	}
	switch {
	case c.Mutual:
		// "France and Chad agreed": each with the other
		for i, x := range c.Sources {
			for j, y := range c.Sources {
				switch {
				case i < j:
					pairs = append(pairs, pair{x, y, c.Code})
				case i > j && c.Reverse != "":
					pairs = append(pairs, pair{x, y, c.Reverse})
				case i > j:
					pairs = append(pairs, pair{x, y, c.Code})
				}
			}
		}
	default:
		add(c.Sources, c.Targets, c.Code)
		if len(c.Targets) > 0 && len(c.Sources) > 0 {
			add(c.Targets, c.Sources, c.Reverse)
		}
	}
	var cl *claims.Clause
	for i := range clauses {
		if clauses[i].Span.Contains(c.Verb) {
			cl = &clauses[i]
		}
	}
	var out []sitrep.Event
	seen := map[string]bool{}
	for _, p := range pairs {
		a1, a2 := actor(p.src), actor(p.tgt)
		if a1.Cameo == "" || a2.Cameo == "" || a1.Cameo == a2.Cameo {
			// an event between actors CAMEO cannot name, or of an actor
			// with itself, codes nothing
			continue
		}
		key := cameoOf(a1) + "|" + cameoOf(a2) + "|" + p.code
		if seen[key] {
			continue
		}
		seen[key] = true
		ev := sitrep.Event{
			Start: s.Start, End: s.End, Text: a.in.Text[s.Start:s.End],
			Trigger: c.Word, Cameo: p.code, Plover: ploverOf(p.code),
			Actor1: a1, Actor2: a2, Scope: sitrep.ScopeIncident,
			Location: a.location(s.Span, c.Verb),
		}
		ev.Date = a.eventDate(a.date(s.Span, c.Verb), ev.Scope)
		if ev.Location != nil {
			gp := geoPrecision(ev.Location)
			ev.GeoPrecision = &gp
		}
		if cl != nil {
			claim := a.claim(s, cl)
			claim.Partisan = partisan(claim.Claimant, a1, a2)
			ev.Claims = []sitrep.Claim{claim}
			ev.Disputed = claim.Stance == sitrep.Denies
		} else {
			ev.Claims = []sitrep.Claim{}
		}
		ev.Confidence = 0.5
		out = append(out, ev)
	}
	return out
}

func cameoOf(a *sitrep.Actor) string {
	if a == nil {
		return ""
	}
	return a.Cameo
}

// ploverOf returns the PLOVER type of a CAMEO code: that of a trigger with
// the same code, else of one with the same root, else "".
func ploverOf(code string) string {
	if p, ok := plovers[code]; ok {
		return p
	}
	if len(code) > 2 {
		return plovers[code[:2]]
	}
	return ""
}

// plovers maps the CAMEO codes and roots of the triggers to their PLOVER
// types; of several for one root, the first in alphabetical order.
var plovers = func() map[string]string {
	m := map[string]string{}
	for _, ts := range triggers.phrases {
		for _, t := range ts {
			if t.plover == "" {
				continue
			}
			if p, ok := m[t.cameo]; !ok || t.plover < p {
				m[t.cameo] = t.plover
			}
			if len(t.cameo) > 2 {
				if p, ok := m[t.cameo[:2]]; !ok || t.plover < p {
					m[t.cameo[:2]] = t.plover
				}
			}
		}
	}
	return m
}()
