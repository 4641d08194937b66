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
}

// killWords and injureWords are the words that make a number a casualty
// figure.
var (
	killWords = map[string]bool{"killed": true, "dead": true, "died": true, "deaths": true, "death": true,
		"killing": true, "kill": true, "kills": true, "fatalities": true, "lives": true, "slain": true,
		"perished": true, "martyred": true, "bodies": true, "murdered": true, "executed": true, "massacred": true}
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
}

// figures finds the casualty figures of a sentence. Numbers that count
// something other than people ("20 houses", "600 km", "$2 billion") or are
// not counts at all (years, ordinals, percentages) are left out.
func figures(s *sitrep.Sentence) []figure {
	qs := numbers.Find(s.Text)
	if len(qs) == 0 {
		return nil
	}
	toks := s.Tokens
	lw := lower(toks)
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
		// the noun counted: "12 civilians", "40 others", "two Malian soldiers"
		for k < len(toks) && k < j+3 && !killWords[lw[k]] && !injureWords[lw[k]] && (strings.HasPrefix(toks[k].Tag, "JJ") || toks[k].Tag == "NNP" && isDemonymLike(toks[k].Text)) {
			k++
		}
		noun := false
		if k < len(toks) {
			if v, ok := victimNouns[lw[k]]; ok {
				noun = true
				if v == "" {
					v = lastVictims
				}
				f.victims = v
				k++
			} else if strings.HasPrefix(toks[k].Tag, "NN") && !killWords[lw[k]] && !injureWords[lw[k]] {
				continue // "20 houses", "two shells"
			}
		}
		kind, ok := casualtyAfter(lw, k, qs, s, toks)
		if !ok {
			kind, ok = casualtyBefore(lw, i)
		}
		if !ok {
			continue
		}
		if !noun && f.victims == "" {
			f.victims = sitrep.VictimsUnknown
		}
		f.killed = kind
		if f.victims != "" {
			lastVictims = f.victims
		}
		out = append(out, f)
	}
	return out
}

// casualtyAfter looks for a word of killing or injuring after the counted
// noun, up to the next number: "were killed", "40 wounded", "dead".
func casualtyAfter(lw []string, k int, qs []numbers.Quantity, s *sitrep.Sentence, toks []sitrep.Token) (killed, ok bool) {
	for n := k; n < len(lw) && n < k+5; n++ {
		if n > k && (toks[n].Tag == "CD" || lw[n] == "," || lw[n] == "and" && n > k+1) {
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

// casualtyBefore looks for a word of killing or injuring right before the
// number: "wounding one person", "the killing of 600 soldiers", "the death
// toll rose to 13".
func casualtyBefore(lw []string, i int) (killed, ok bool) {
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

func isDemonymLike(w string) bool {
	return strings.HasSuffix(w, "an") || strings.HasSuffix(w, "i") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish")
}

func countOf(q numbers.Quantity) *sitrep.Count {
	return sitrep.NewCount(q.Low, q.Best, q.High)
}

func lower(toks []sitrep.Token) []string {
	lw := make([]string, len(toks))
	for i, t := range toks {
		lw[i] = strings.ToLower(t.Text)
	}
	return lw
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
