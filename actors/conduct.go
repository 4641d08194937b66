package actors

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sitrep-project/sitrep"
)

// act is what a verb phrase of conduct.tsv makes its subject: protesters (6)
// or rioters (5), and for which subjects (level, see conduct.tsv).
type act struct {
	inter, level int
}

// conduct finds the protests and riots a sentence tells and makes their
// subjects protesters or rioters, as ACLED codes them: "workers staged a
// sit-in", "prison guards protested", "taxi riders burnt a vehicle". A
// subject the lexicon does not know ("entrepreneurs protested") becomes a
// mention of its own.
func (p *parser) conduct() {
	for k := 0; k < len(p.toks); k++ {
		a, n := p.conductAt(k)
		if n == k {
			continue
		}
		p.subjectOf(k, a)
		k = n - 1
	}
}

// conductAt matches a phrase of conduct.tsv at token k: a verb ("protested"),
// or a light verb with its object ("held a peaceful protest"). It returns
// what the phrase makes its subject and the index after it.
func (p *parser) conductAt(k int) (act, int) {
	match := func(as string, k int) (act, int) {
		longest := p.x.lex.conductFirst[p.lw[k]]
		for n := min(len(p.lw), k+longest); n > k; n-- {
			p.key = appendJoined(append(append(p.key[:0], as...), ' '), p.lw[k:n])
			if a, ok := p.x.lex.conduct[string(p.key)]; ok {
				return a, n
			}
		}
		return act{}, k
	}
	if a, n := match("verb", k); n > k {
		return a, n
	}
	if _, n := match("light", k); n > k {
		// "held a peaceful protest", "staged a protest demonstration"
		for j := n; j < len(p.toks) && j < n+4; j++ {
			if a, m := match("object", j); m > j {
				return a, m
			}
			t := p.toks[j]
			if t.Tag != "DT" && !strings.HasPrefix(t.Tag, "JJ") && !strings.HasPrefix(t.Tag, "NN") && t.Tag != "CD" {
				break
			}
		}
	}
	return act{}, k
}

// subjectOf finds the subject of the conduct phrase at token k and codes it.
// The subject is the noun phrase before the verb, read back over adverbs
// and auxiliaries and over the phrase's complements ("workers of the Cigli
// municipality held"); its head is the noun before its first preposition,
// or the noun after "a group of".
func (p *parser) subjectOf(k int, a act) {
	j := k - 1
	passive := false
	for j >= 0 && (p.toks[j].Tag == "RB" || p.toks[j].Tag == "MD" || auxiliaries[p.lw[j]]) {
		passive = passive || beForms[p.lw[j]]
		j--
	}
	if j < 0 || passive && p.toks[k].Tag == "VBN" {
		return // "the protesters were attacked": done to them, not by them
	}
	// the phrase [s, j], read back over parenthesised asides ("residents
	// of Kasoa (Awutu Efutu Senya, Central) demonstrated")
	closing := func(k int) bool { return p.lw[k] == ")" || p.lw[k] == "-rrb-" }
	opening := func(k int) int {
		for k > 0 && p.lw[k] != "(" && p.lw[k] != "-lrb-" {
			k--
		}
		return k
	}
	if closing(j) {
		if j = opening(j) - 1; j < 0 {
			return
		}
	}
	s := j
	for n := 0; s > 0 && n < 12; n++ {
		if closing(s - 1) {
			s = opening(s - 1)
			continue
		}
		if !nounPhraseWord(p.toks[s-1], p.lw[s-1]) && !(strings.HasPrefix(p.toks[s-1].Tag, "VB") && p.toks[s-1].Tag != "VB" && p.toks[s-1].Tag != "VBD" && p.toks[s-1].Tag != "VBZ" && p.toks[s-1].Tag != "VBP" && strings.HasPrefix(p.toks[s].Tag, "NN")) {
			break // "leading members" reads on; "used force" does not
		}
		s--
	}
	for s <= j && (p.toks[s].Tag == "IN" || p.lw[s] == "and") {
		s++
	}
	if s > j {
		return
	}
	// the head: the last noun of the first run of nouns, read on through
	// "a group of", "members of"
	noun := func(h int) bool { return strings.HasPrefix(p.toks[h].Tag, "NN") || p.toks[h].Tag == "PRP" }
	head, afterOf := -1, false
	for h := s; h <= j; h++ {
		switch {
		case noun(h):
			head, afterOf = h, false
		case head >= 0 && collective[p.lw[head]] && p.lw[h] == "of":
			afterOf = true
		case head >= 0 && p.lw[h] == "and" && (p.toks[head].Tag == "NN" || p.toks[head].Tag == "NNP") && h < j && noun(h+1):
			// "bus and taxi drivers"
		case afterOf && (p.toks[h].Tag == "DT" || p.toks[h].Tag == "CD" || strings.HasPrefix(p.toks[h].Tag, "JJ")):
		case head >= 0:
			h = j // the run has ended
		}
	}
	if strings.HasSuffix(p.lw[k], "ing") && noun(j) {
		head = j // "locals protesting at the office"
	}
	if head < 0 {
		return
	}
	if a.inter == 5 && a.level < 2 && (p.toks[head].Tag == "NN" && !collective[p.lw[head]] || unknownAmong(p.lw[s:head])) {
		// "a man threw stones at a nurse", "unknown arsonists torched a
		// mast": one person, or perpetrators nobody knows, are no crowd
		// that riots
		return
	}
	hs := p.toks[head].Span
	for i := range p.out {
		m := &p.out[i]
		if !(sitrep.Span{Start: m.Start, End: m.End}).Overlaps(hs) {
			continue
		}
		switch {
		case m.Ref >= 0 || m.fixed && m.Kind != sitrep.KindCivilians || m.Inter == 5 && a.inter == 6:
		case m.Kind == sitrep.KindCivilians || m.Inter == 6 || a.inter == 6 && a.level >= 2 && m.Kind != sitrep.KindArmedGroup && m.Kind != sitrep.KindPerson:
			m.Kind, m.Sector, m.Inter, m.role, m.acled = sitrep.KindOther, "OPP", a.inter, "", ""
		}
		return
	}
	if a.level < 1 || !p.groupNoun(head) {
		return // "the fire burned", "it gathered", "Beirut demonstrated"
	}
	from := s
	for from < head && (p.toks[from].Tag == "DT" || p.toks[from].Tag == "CD" || p.lw[from] == "of" || collective[p.lw[from]]) {
		from++
	}
	m := mention{Actor: sitrep.Actor{Start: p.toks[from].Start, End: p.toks[head].End, Kind: sitrep.KindOther, Sector: "OPP", Inter: a.inter, Ref: -1}}
	m.Text = p.text[m.Start:m.End]
	m.Name = m.Text
	p.add(m)
	sort.SliceStable(p.out, func(i, j int) bool { return p.out[i].Start < p.out[j].Start })
}

// beForms before a past participle make it passive.
var beForms = map[string]bool{"were": true, "was": true, "been": true, "is": true, "are": true}

// unknownAmong reports whether words hold "unidentified" or "unknown".
func unknownAmong(words []string) bool {
	for _, w := range words {
		if w == "unidentified" || w == "unknown" {
			return true
		}
	}
	return false
}

// groupNoun reports whether token h can head a group that the lexicon does
// not know: a plural common noun ("beekeepers") or an acronym ("INC"), not
// a place.
func (p *parser) groupNoun(h int) bool {
	t := p.toks[h]
	switch {
	case t.Tag == "NNS" && !isCapitalised(t.Text), collective[p.lw[h]]:
		return true
	case len(t.Text) >= 2 && isAcronym(t.Text) && strings.IndexFunc(t.Text, unicode.IsLetter) >= 0:
		return !p.x.countries.Place(t.Text)
	}
	return false
}

// nounPhraseWord reports whether a token can stand inside a subject noun
// phrase with its complements: nouns, adjectives, numbers, determiners,
// possessives, "of"/"from"/"at" phrases, "and".
func nounPhraseWord(t sitrep.Token, w string) bool {
	switch {
	case strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "JJ"), t.Tag == "CD", t.Tag == "DT", t.Tag == "POS", t.Tag == "PRP$", t.Tag == "FW":
		return true
	case t.Tag == "IN" && !subordinators[w], w == "and":
		return true
	case w == "(" || w == ")" || w == "-lrb-" || w == "-rrb-":
		return true
	}
	return false
}

// subordinators start a clause of their own: a subject is not read back
// across them.
var subordinators = map[string]bool{"that": true, "after": true, "when": true, "while": true, "because": true, "as": true,
	"since": true, "before": true, "if": true, "although": true, "though": true, "until": true, "whether": true}

// collective nouns stand for the group named after them ("a group of
// workers").
var collective = map[string]bool{"group": true, "groups": true, "number": true, "crowd": true, "crowds": true, "members": true,
	"dozens": true, "hundreds": true, "thousands": true, "scores": true, "delegation": true, "representatives": true, "hundred": true,
	"thousand": true, "lot": true}

var auxiliaries = map[string]bool{"have": true, "has": true, "had": true, "were": true, "was": true, "are": true, "is": true,
	"also": true, "then": true, "later": true, "again": true, "been": true, "reportedly": true, "allegedly": true, "who": true}
