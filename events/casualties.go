package events

import (
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/numbers"
)

// figure is a casualty figure found in a sentence: "12 civilians were
// killed", "wounding one person", "the killing of 600 soldiers".
type figure struct {
	sitrep.Span
	killed  bool // else injured
	count   *sitrep.Count
	victims string // civilians, military or unknown
	vague   bool   // "dozens", "a number of": ACLED's vague quantities
	update  bool   // "the death toll rose to 13": replaces earlier figures
}

// killWords and injureWords are the words that make a number a casualty
// figure.
var (
	killWords = map[string]bool{"killed": true, "dead": true, "died": true, "deaths": true, "death": true,
		"killing": true, "kill": true, "kills": true, "fatalities": true, "lives": true, "slain": true,
		"perished": true, "martyred": true, "bodies": true, "murdered": true, "executed": true, "massacred": true,
		"fatality": true, "beheaded": true, "lynched": true}
	injureWords = map[string]bool{"injured": true, "wounded": true, "hurt": true, "injuries": true,
		"wounding": true, "injuring": true, "wounds": true, "injury": true}
)

// victimNouns say who a figure counts.
var victimNouns = map[string]string{
	"civilians": sitrep.VictimsCivilians, "civilian": sitrep.VictimsCivilians, "residents": sitrep.VictimsCivilians,
	"children": sitrep.VictimsCivilians, "child": sitrep.VictimsCivilians, "women": sitrep.VictimsCivilians,
	"villagers": sitrep.VictimsCivilians, "farmers": sitrep.VictimsCivilians, "students": sitrep.VictimsCivilians,
	"worshippers": sitrep.VictimsCivilians, "passengers": sitrep.VictimsCivilians, "refugees": sitrep.VictimsCivilians,
	"journalists": sitrep.VictimsCivilians, "workers": sitrep.VictimsCivilians, "protesters": sitrep.VictimsCivilians,
	"demonstrators": sitrep.VictimsCivilians, "pupils": sitrep.VictimsCivilians, "family": sitrep.VictimsCivilians,
	"soldiers": sitrep.VictimsMilitary, "soldier": sitrep.VictimsMilitary, "troops": sitrep.VictimsMilitary,
	"servicemen": sitrep.VictimsMilitary, "serviceman": sitrep.VictimsMilitary, "fighters": sitrep.VictimsMilitary,
	"militants": sitrep.VictimsMilitary, "rebels": sitrep.VictimsMilitary, "policemen": sitrep.VictimsMilitary,
	"police": sitrep.VictimsMilitary, "officers": sitrep.VictimsMilitary, "guards": sitrep.VictimsMilitary,
	"militiamen": sitrep.VictimsMilitary, "insurgents": sitrep.VictimsMilitary, "gunmen": sitrep.VictimsMilitary,
	"jihadists": sitrep.VictimsMilitary, "combatants": sitrep.VictimsMilitary, "personnel": sitrep.VictimsMilitary,
	"people": sitrep.VictimsUnknown, "persons": sitrep.VictimsUnknown, "person": sitrep.VictimsUnknown,
	"others": "", "other": "", "more": "", "individuals": sitrep.VictimsUnknown, "men": sitrep.VictimsUnknown,
	"members": sitrep.VictimsUnknown, "victims": sitrep.VictimsUnknown,
	"separatists": sitrep.VictimsMilitary, "cultists": sitrep.VictimsMilitary, "bandits": sitrep.VictimsMilitary,
	"attackers": sitrep.VictimsMilitary, "assailants": sitrep.VictimsMilitary, "gendarmes": sitrep.VictimsMilitary,
	"tribesmen": sitrep.VictimsMilitary, "commanders": sitrep.VictimsMilitary, "pirates": sitrep.VictimsMilitary,
}

// victimsOf returns the class of people a noun counts, singular or plural.
func victimsOf(noun string) (string, bool) {
	if v, ok := victimNouns[noun]; ok {
		return v, true
	}
	v, ok := singularVictims[noun]
	return v, ok
}

// figures finds the casualty figures of a sentence. Numbers that count
// something other than people ("20 houses", "600 km", "$2 billion") or are
// not counts at all (years, ordinals, percentages) are left out.
// lw holds the sentence's lower-case words (Sentence.LowerWords).
func figures(s *sitrep.Sentence, lw []string) []figure {
	qs := numbers.Find(s.Text)
	toks := s.Tokens
	var out []figure
	lastVictims := ""
	for _, q := range qs {
		if q.Money || q.Year || q.Ordinal || q.Percent || q.Unit != "" {
			continue
		}
		start, end := s.Start+q.Start, s.Start+q.End
		i := tokenAt(toks, start)
		j := tokenAfter(toks, end)
		if i < 0 {
			continue
		}
		f := figure{Span: sitrep.Span{Start: start, End: end}, count: countOf(q), vague: q.Approx == "vague"}
		k := j
		// the noun counted: "12 civilians", "40 others", "two Malian
		// soldiers", "10 Taliban militants"
		for k < len(toks) && k < j+3 && !killWords[lw[k]] && !injureWords[lw[k]] && (strings.HasPrefix(toks[k].Tag, "JJ") || strings.HasPrefix(toks[k].Tag, "NNP")) && k+1 < len(toks) && strings.HasPrefix(toks[k+1].Tag, "N") {
			k++
		}
		noun := false
		if k < len(toks) {
			if v, ok := victimsOf(lw[k]); ok {
				noun = true
				if v == "" {
					v = lastVictims
				}
				f.victims = v
				k++
			} else if strings.HasPrefix(toks[k].Tag, "NN") && !killWords[lw[k]] && !injureWords[lw[k]] {
				if notPeople[lw[k]] {
					continue // "20 houses", "two shells"
				}
				noun = true
				k++
			}
		}
		kind, ok := casualtyBefore(lw, i, true)
		if !ok {
			kind, ok = casualtyAfter(lw, k, toks)
		}
		if !ok {
			kind, ok = casualtyBefore(lw, i, false)
		}
		if !ok {
			continue
		}
		if !noun && f.victims == "" {
			f.victims = sitrep.VictimsUnknown
		}
		if f.victims == "" {
			f.victims = sitrep.VictimsUnknown
		}
		f.killed = kind
		f.update = updates(lw, i)
		lastVictims = f.victims
		out = append(out, f)
	}
	return append(out, singles(s, lw, out)...)
}

// updates reports whether the number at token i is an updated toll: "rose
// to", "climbed to", "has risen to", "now stands at".
func updates(lw []string, i int) bool {
	if i < 2 {
		return false
	}
	prev := lw[i-1]
	if prev != "to" && prev != "at" {
		return false
	}
	switch lw[i-2] {
	case "rose", "risen", "climbed", "increased", "jumped", "grew", "mounted", "stands", "rises", "climbs", "reached":
		return true
	}
	return false
}

// notPeople are nouns a number counts that are not people.
var notPeople = wordSet(`houses house homes home buildings building vehicles vehicle cars car trucks truck shells shell
	rockets rocket missiles missile mortars villages village towns days day weeks week months month years year hours hour
	minutes km kilometres kilometers miles meters metres dollars euros pounds times rounds bullets shots calls tanks
	drones boats ships schools shops stores points percent cases tonnes tons acres hectares kg bodies`)

// singularVictims are the nouns for one person that news uses without a
// number: "a man was killed", "killing a civilian", "the guard died".
var singularVictims = map[string]string{
	"civilian": sitrep.VictimsCivilians, "man": sitrep.VictimsUnknown, "woman": sitrep.VictimsCivilians,
	"boy": sitrep.VictimsCivilians, "girl": sitrep.VictimsCivilians, "child": sitrep.VictimsCivilians,
	"student": sitrep.VictimsCivilians, "farmer": sitrep.VictimsCivilians, "teacher": sitrep.VictimsCivilians,
	"driver": sitrep.VictimsCivilians, "resident": sitrep.VictimsCivilians, "villager": sitrep.VictimsCivilians,
	"trader": sitrep.VictimsCivilians, "journalist": sitrep.VictimsCivilians, "imam": sitrep.VictimsCivilians,
	"priest": sitrep.VictimsCivilians, "doctor": sitrep.VictimsCivilians, "nurse": sitrep.VictimsCivilians,
	"father": sitrep.VictimsCivilians, "mother": sitrep.VictimsCivilians, "son": sitrep.VictimsCivilians,
	"daughter": sitrep.VictimsCivilians, "youth": sitrep.VictimsCivilians, "person": sitrep.VictimsUnknown,
	"member": sitrep.VictimsUnknown, "leader": sitrep.VictimsUnknown, "worker": sitrep.VictimsCivilians,
	"victim": sitrep.VictimsUnknown, "suspect": sitrep.VictimsUnknown, "delegate": sitrep.VictimsCivilians,
	"soldier": sitrep.VictimsMilitary, "officer": sitrep.VictimsMilitary, "policeman": sitrep.VictimsMilitary,
	"guard": sitrep.VictimsMilitary, "fighter": sitrep.VictimsMilitary, "militant": sitrep.VictimsMilitary,
	"commander": sitrep.VictimsMilitary, "gendarme": sitrep.VictimsMilitary, "serviceman": sitrep.VictimsMilitary,
	"policewoman": sitrep.VictimsMilitary, "rebel": sitrep.VictimsMilitary, "militiaman": sitrep.VictimsMilitary,
	"judge": sitrep.VictimsCivilians, "lawyer": sitrep.VictimsCivilians, "activist": sitrep.VictimsCivilians,
	"teenager": sitrep.VictimsCivilians, "businessman": sitrep.VictimsCivilians, "pastor": sitrep.VictimsCivilians,
	"husband": sitrep.VictimsCivilians, "wife": sitrep.VictimsCivilians, "brother": sitrep.VictimsCivilians,
	"herder": sitrep.VictimsCivilians, "shopkeeper": sitrep.VictimsCivilians, "labourer": sitrep.VictimsCivilians,
	"laborer": sitrep.VictimsCivilians, "mayor": sitrep.VictimsCivilians, "councilor": sitrep.VictimsCivilians,
	"councillor": sitrep.VictimsCivilians, "candidate": sitrep.VictimsCivilians, "official": sitrep.VictimsUnknown,
	"chief": sitrep.VictimsUnknown, "trafficker": sitrep.VictimsUnknown, "body": sitrep.VictimsUnknown,
}

// singles finds casualties told of one person without a number ("a man was
// shot dead", "killing a civilian", "the guard died") in the parts of a
// sentence no numbered figure covers.
func singles(s *sitrep.Sentence, lw []string, numbered []figure) []figure {
	toks := s.Tokens
	var out []figure
	for k := 0; k < len(toks); k++ {
		// "shot dead a civilian near": the tagger may read the noun as
		// an adjective when no noun follows it
		noun := strings.HasPrefix(toks[k].Tag, "NN") || toks[k].Tag == "JJ" && (k+1 == len(toks) || !strings.HasPrefix(toks[k+1].Tag, "NN"))
		if !noun {
			continue // before the look-up: most words are no nouns
		}
		v, ok := singularVictims[lw[k]]
		if !ok {
			continue
		}
		// a determiner before the noun, allowing adjectives between
		d := k - 1
		for d >= 0 && d > k-4 && (strings.HasPrefix(toks[d].Tag, "JJ") || strings.HasPrefix(toks[d].Tag, "NN") || toks[d].Tag == "VBN") {
			d--
		}
		if d < 0 || !(lw[d] == "a" || lw[d] == "an" || lw[d] == "the" || lw[d] == "one" || lw[d] == "another") {
			continue
		}
		sp := sitrep.Span{Start: toks[d].Start, End: toks[k].End}
		if covered(sp, numbered) || covered(sp, out) {
			continue
		}
		kind, ok := casualtyBefore(lw, d, true)
		if !ok {
			kind, ok = casualtyAfter(lw, k+1, toks)
		}
		if !ok {
			continue
		}
		for j := d + 1; j < k; j++ {
			if unarmedBefore[lw[j]] {
				v = sitrep.VictimsCivilians // "a former soldier", "an off-duty policeman"
			}
		}
		out = append(out, figure{Span: sp, killed: kind, count: sitrep.NewCount(1, 1, 1), victims: v})
	}
	return out
}

func covered(sp sitrep.Span, figs []figure) bool {
	for _, f := range figs {
		if f.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// casualtyAfter looks for a word of killing or injuring after the counted
// noun, before the next number or conjunction: "were killed", "40
// wounded", "dead".
func casualtyAfter(lw []string, k int, toks []sitrep.Token) (killed, ok bool) {
	for n := k; n < len(lw) && n < k+5; n++ {
		if lw[n] == "and" && n+1 < len(lw) && (killWords[lw[n+1]] || injureWords[lw[n+1]]) {
			continue // "were shot and killed"
		}
		if n > k && toks[n].Tag == "CD" || lw[n] == "," || lw[n] == "and" || lw[n] == "." || lw[n] == ";" {
			return false, false
		}
		switch {
		case killWords[lw[n]]:
			return true, true
		case injureWords[lw[n]]:
			return false, true
		}
	}
	return false, false
}

// casualtyBefore looks for a word of killing or injuring before the number:
// right before it when adjacent is set ("killing 5", "wounding one
// person"), else a few words back ("the killing of 600 soldiers", "the
// death toll rose to 13").
func casualtyBefore(lw []string, i int, adjacent bool) (killed, ok bool) {
	if adjacent {
		if i > 0 {
			switch w := lw[i-1]; {
			case killWords[w]:
				return true, true
			case injureWords[w]:
				return false, true
			}
		}
		return false, false
	}
	for n := i - 1; n >= 0 && n >= i-4; n-- {
		switch {
		case killWords[lw[n]] || lw[n] == "toll":
			return true, true
		case injureWords[lw[n]]:
			return false, true
		case lw[n] == "," || lw[n] == "." || lw[n] == "and":
			return false, false
		}
	}
	return false, false
}

func countOf(q numbers.Quantity) *sitrep.Count {
	return sitrep.NewCount(q.Low, q.Best, q.High)
}

// tokenAt returns the index of the token that starts at or covers offset
// off, or -1.
func tokenAt(toks []sitrep.Token, off int) int {
	for i, t := range toks {
		if t.End > off {
			return i
		}
	}
	return -1
}

// tokenAfter returns the index of the first token that starts at or after
// off.
func tokenAfter(toks []sitrep.Token, off int) int {
	for i, t := range toks {
		if t.Start >= off {
			return i
		}
	}
	return len(toks)
}
