package verbs

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Coding is one verb of a sentence the dictionary codes.
type Coding struct {
	// Verb is the verb's span in the text, Word its text.
	Verb sitrep.Span
	Word string
	// Code is the CAMEO code of what the sources do to the targets;
	// Reverse, when the dictionary gives one ("032:033"), of what the
	// targets do to the sources. Either may be "".
	Code, Reverse string
	// Sources and Targets are indices into the actor mentions: who acts
	// (the verb's subject, or the agent of a passive) and on whom (its
	// object or the actor of its complement). A compound gives several.
	Sources, Targets []int
	// Mutual is set when the dictionary's pattern asks for a compound
	// subject and there is no target: the sources act on one another
	// ("France and Chad agreed").
	Mutual bool
}

// sentence is what coding reads of one sentence.
type sentence struct {
	words []string // lower case
	tags  []string
	toks  []sitrep.Token
	// mention[i] is the actor mention token i belongs to, or -1; spans[m]
	// the tokens [from, to) of mention m
	mention []int
	spans   map[int][2]int
	subj    map[int]subject // memo by verb token
	actors  []sitrep.Actor
}

type subject struct {
	actors  []int
	passive bool
	done    bool
}

// Code returns the codings of the sentence's verbs the dictionary lists,
// in text order. actors are the article's mentions, with offsets in the
// same text as the sentence's tokens.
func (d *Dictionary) Code(s *sitrep.Sentence, actors []sitrep.Actor) []Coding {
	if d == nil || len(s.Tokens) == 0 {
		return nil
	}
	st := newSentence(s, actors)
	var out []coding
	governing := map[int]int{} // verb token -> its coding in out
	for i := 0; i < len(st.words); i++ {
		if st.mention[i] >= 0 {
			continue
		}
		f, from, to := d.verbAt(st, i)
		if f == nil {
			continue
		}
		if st.adjunct(i, from) {
			// "..., offering support to Lebanon": a participle that adds
			// to the clause before, not an event of its own
			i = to - 1
			continue
		}
		if st.hypothetical(from) {
			// "they might want talks": what could be, not what is done
			i = to - 1
			continue
		}
		c := Coding{Verb: sitrep.Span{Start: st.toks[from].Start, End: st.toks[to-1].End}}
		c.Word = strings.Join(st.words[from:to], " ")
		code := f.code
		var bound binding
		specific := false
		var first *pattern
		for _, p := range f.block.patterns {
			if first != nil && (p.weight < first.weight || len(st.subject(i).actors) < 2) {
				break
			}
			b, ok := st.match(p, from, to)
			if !ok {
				continue
			}
			if first == nil {
				first = p
				code, bound, specific = p.code, b, true
			}
			if b.compoundSource {
				// "Gondor and Osgiliath renewed diplomatic ties": of
				// patterns that read as many words, the one for a
				// compound subject, when the subject is one
				code, bound = p.code, b
				break
			}
		}
		// "wants to attack", "prepared to attend": one event, told by
		// the governing verb when its pattern reads the infinitive, else
		// by the infinitive
		governed := false
		if gov, ok := governing[st.infinitiveOf(from)]; ok {
			if out[gov].specific {
				i = to - 1
				continue
			}
			out[gov].drop, governed = true, true
		}
		if st.objectControlled(from, governing) {
			// "asked Gondor to attack Rohan", "pressured by Congress to
			// help Iran": the infinitive tells what the actor before it
			// is asked to do, part of the verb that governs it
			i = to - 1
			continue
		}
		governing[i] = len(out)
		if code == "" {
			out = append(out, coding{drop: true})
			i = to - 1
			continue
		}
		c.Code, c.Reverse = code, ""
		if k := strings.Index(code, ":"); k >= 0 {
			c.Code, c.Reverse = code[:k], code[k+1:]
		}
		subj := st.subject(i)
		c.Sources, c.Targets = subj.actors, st.object(to, subj.passive, statement(f.code))
		if subj.passive {
			c.Sources, c.Targets = st.agent(to), subj.actors
		}
		if bound.source != nil {
			c.Sources = bound.source
		}
		if bound.target != nil {
			c.Targets = bound.target
		}
		c.Targets = without(c.Targets, c.Sources)
		if governed {
			// "is determined to mend ties with Chile", "prepared to
			// visit Chile": what the subject means to do; the target has
			// done nothing back
			c.Reverse = ""
		}
		if bound.compoundSource && len(c.Targets) == 0 {
			c.Mutual = true
		}
		if bound.compoundSource && len(c.Sources) < 2 || bound.compoundTarget && len(c.Targets) < 2 {
			// the pattern is for compounds: the verb's default
			c.Code, c.Reverse = f.code, ""
			if k := strings.Index(f.code, ":"); k >= 0 {
				c.Code, c.Reverse = f.code[:k], f.code[k+1:]
			}
			c.Mutual = false
		}
		out = append(out, coding{Coding: c, specific: specific, sub: st.subordinate(from), drop: c.Code == "" && c.Reverse == "" || len(c.Sources) == 0 && len(c.Targets) == 0})
		i = to - 1
	}
	// "restores ties with Gondor years after crowds burned its embassy":
	// as PETRARCH, a subordinate clause's verb is coded only when the
	// clauses it hangs on code nothing
	main := false
	for _, c := range out {
		main = main || !c.drop && !c.sub
	}
	var codings []Coding
	for _, c := range out {
		if !c.drop && !(main && c.sub) {
			codings = append(codings, c.Coding)
		}
	}
	return codings
}

// subordinators open a clause that hangs on another
var subordinators = wordSet("after before when while because since until although though whereas unless if following who whom whose which")

// subordinate reports whether the verb starting at token from is in a
// subordinate clause: a subordinator opens the stretch of the sentence
// before it that no comma or semicolon ends.
func (st *sentence) subordinate(from int) bool {
	for j := from - 1; j >= 0; j-- {
		w := st.words[j]
		if w == "," || w == ";" || w == ":" || w == "--" {
			return false
		}
		if subordinators[w] && st.mention[j] < 0 {
			return true
		}
	}
	return false
}

// coding is a Coding while the sentence is read.
type coding struct {
	Coding
	specific bool // read by a pattern, not the verb's default
	sub      bool // in a subordinate clause
	drop     bool
}

// adjunct reports whether the verb at token i, its phrase starting at
// from, is a present participle that no auxiliary, "to" or subject comes
// right before.
func (st *sentence) adjunct(i, from int) bool {
	if st.tags[i] != "VBG" {
		return false
	}
	j := from - 1
	for j >= 0 && strings.HasPrefix(st.tags[j], "RB") {
		j--
	}
	return j < 0 || !auxiliary[st.words[j]] && st.words[j] != "to" && st.mention[j] < 0
}

// objectControlled reports whether the verb starting at token from is an
// infinitive whose "to" follows an actor that a verb coded before it in
// the clause acts on or is told by ("asked Gondor to attack", "was
// pressured by Congress to help").
func (st *sentence) objectControlled(from int, coded map[int]int) bool {
	j := from - 1
	for j >= 0 && strings.HasPrefix(st.tags[j], "RB") {
		j--
	}
	if j < 1 || st.words[j] != "to" || st.mention[j-1] < 0 {
		return false
	}
	for k := st.spans[st.mention[j-1]][0] - 1; k >= 0; k-- {
		w := st.words[k]
		if boundaries[w] || subordinators[w] || w == "," {
			return false
		}
		if _, ok := coded[k]; ok {
			return true
		}
	}
	return false
}

// infinitiveOf returns, for a verb starting at token from that "to" comes
// before, the verb that governs it ("wants to attack"), else -1.
func (st *sentence) infinitiveOf(from int) int {
	j := from - 1
	for j >= 0 && strings.HasPrefix(st.tags[j], "RB") {
		j--
	}
	if j < 1 || st.words[j] != "to" {
		return -1
	}
	k := j - 1
	for k >= 0 && (strings.HasPrefix(st.tags[k], "RB") || st.words[k] == "about") {
		k--
	}
	if k >= 0 && st.mention[k] < 0 && strings.HasPrefix(st.tags[k], "VB") {
		return k
	}
	return -1
}

func newSentence(s *sitrep.Sentence, actors []sitrep.Actor) *sentence {
	st := &sentence{toks: s.Tokens, spans: map[int][2]int{}, subj: map[int]subject{}, actors: actors}
	for _, t := range s.Tokens {
		st.words = append(st.words, strings.ToLower(t.Text))
		st.tags = append(st.tags, t.Tag)
	}
	st.mention = make([]int, len(s.Tokens))
	best := make([]int, len(s.Tokens)) // length of the mention holding a token
	for i := range st.mention {
		st.mention[i] = -1
	}
	for m := range actors {
		a := &actors[m]
		if a.End <= s.Start || a.Start >= s.End || a.End <= a.Start || possessive(a.Text) || a.Cameo == "" && pronouns[strings.ToLower(a.Text)] {
			// a pronoun nothing resolved is read as the word it is,
			// which stands for the subject of the clause that holds it
			continue
		}
		for i, t := range s.Tokens {
			if t.Start >= a.Start && t.End <= a.End && a.End-a.Start > best[i] {
				st.mention[i], best[i] = m, a.End-a.Start
			}
		}
	}
	// a mention inside a longer one is not a mention of its own
	for i, m := range st.mention {
		if m < 0 {
			continue
		}
		sp, ok := st.spans[m]
		if !ok {
			sp = [2]int{i, i + 1}
		}
		sp[1] = i + 1
		st.spans[m] = sp
	}
	return st
}

// possessive reports whether a mention opens with a possessive pronoun
// ("its embassy", "their populations"): PETRARCH resolves no pronoun, so
// such a mention is no source or target of a verb.
func possessive(text string) bool {
	w, _, _ := strings.Cut(text, " ")
	switch strings.ToLower(w) {
	case "its", "their", "his", "her":
		return true
	}
	return false
}

// verbAt returns the verb form at token i, with the tokens it spans, or
// nil. A word counts when tagged a verb, or when an auxiliary or "to"
// comes right before it.
func (d *Dictionary) verbAt(st *sentence, i int) (*form, int, int) {
	fs := d.forms[st.words[i]]
	if len(fs) == 0 {
		return nil, 0, 0
	}
	var best *form
	bf, bt := 0, 0
	for _, f := range fs {
		from, to := i-len(f.before), i+1+len(f.after)
		if from < 0 || to > len(st.words) {
			continue
		}
		if !sameWords(st.words[from:i], f.before) || !sameWords(st.words[i+1:to], f.after) {
			continue
		}
		if best == nil || to-from > bt-bf {
			best, bf, bt = f, from, to
		}
	}
	if best == nil || !st.verbal(i, bf) {
		return nil, 0, 0
	}
	return best, bf, bt
}

// verbal reports whether the word at token i, of a verb phrase starting
// at token from, reads as a verb: tagged one, or after an auxiliary, "to"
// or an actor ("Ethiopia departs", which taggers take for a plural noun).
func (st *sentence) verbal(i, from int) bool {
	if strings.HasPrefix(st.tags[i], "VB") {
		return true
	}
	if from == 0 || isCapitalised(st.toks[i].Text) {
		return false
	}
	w := st.words[from-1]
	return auxiliary[w] || w == "to" || st.tags[from-1] == "MD" || st.mention[from-1] >= 0
}

func isCapitalised(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func sameWords(ws, want []string) bool {
	for k := range want {
		if ws[k] != want[k] {
			return false
		}
	}
	return true
}

// hypothetical reports whether the verb at token from follows "might"
// among its auxiliaries ("might want", "might not have agreed"): a
// possibility someone weighs, which codes no event.
func (st *sentence) hypothetical(from int) bool {
	for k := from - 1; k >= 0 && auxiliary[st.words[k]]; k-- {
		if st.words[k] == "might" {
			return true
		}
	}
	return false
}

// auxiliary verbs, modals and their negations, skipped between a subject
// and its verb
var auxiliary = wordSet("is are was were be been being am 's 're has have had having will would shall should can could may might must do does did not n't never also still already now then just again soon reportedly recently")

var beForms = wordSet("is are was were be been being am 's 're")

// boundaries end the phrase a verb acts on
var boundaries = wordSet("after before when while because since until although though whereas unless if ; : --")

// timeWords may stand between a subject and its verb ("Arnor on Thursday
// signed"), with a preposition before them
var timeWords = wordSet("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later week month year weekend morning evening night")

var timePrepositions = wordSet("on last this next late early")

// pronouns stand for the subject of the clause they are in ("Ethiopia
// indicated it would act")
var pronouns = wordSet("it he she they")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// subject returns the actors of the subject of the verb at token v, and
// whether the verb is passive.
func (st *sentence) subject(v int) subject {
	if s, ok := st.subj[v]; ok {
		return s
	}
	st.subj[v] = subject{done: true} // no cycles
	var s subject
	j := v - 1
	infinitive := false
chain:
	for j >= 0 {
		w, tag := st.words[j], st.tags[j]
		if st.mention[j] >= 0 {
			break
		}
		switch {
		case beForms[w]:
			if strings.HasPrefix(st.tags[v], "VBN") || strings.HasSuffix(st.words[v], "ed") || strings.HasSuffix(st.words[v], "en") {
				s.passive = true
			}
		case w == "to":
			infinitive = true
		case auxiliary[w], tag == "MD", strings.HasPrefix(tag, "RB"), w == "about", strings.HasPrefix(tag, "VB"):
		case timeWords[w]:
			if j > 0 && timePrepositions[st.words[j-1]] {
				j--
			}
		case w == ",":
			// "Arnor's foreign minister, in remarks published on Monday,
			// urged": skip what the commas enclose
			k := j - 1
			for k >= 0 && k > j-12 && st.words[k] != "," && !boundaries[st.words[k]] {
				k--
			}
			if k <= 0 || st.words[k] != "," || st.mention[k-1] < 0 {
				break chain
			}
			j = k
		default:
			break chain
		}
		j--
	}
	if j >= 0 && (st.words[j] == "and" || st.words[j] == "but" || st.words[j] == "or") && st.verbBefore(j) >= 0 {
		// "condemned the attack and promised aid": the subject of the
		// verb before
		prev := st.subject(st.verbBefore(j))
		s.actors = prev.actors
		st.subj[v] = s
		return s
	}
	s.actors = st.nounPhraseBefore(j)
	if len(s.actors) == 0 && j >= 0 && pronouns[st.words[j]] {
		// a pronoun no mention resolves: the subject of the clause that
		// holds this one
		if pv := st.verbBefore(j); pv >= 0 {
			s.actors = st.subject(pv).actors
		}
	}
	if len(s.actors) == 0 && infinitive {
		// "vowed on Thursday to wage war": the subject of the verb that
		// governs the infinitive
		if pv := st.verbBefore(j + 1); pv >= 0 {
			s.actors = st.subject(pv).actors
		}
	}
	st.subj[v] = s
	return s
}

// verbBefore returns the nearest token before i tagged a finite or
// participle verb that is not an auxiliary, or -1.
func (st *sentence) verbBefore(i int) int {
	for j := i - 1; j >= 0; j-- {
		if st.mention[j] < 0 && strings.HasPrefix(st.tags[j], "VB") && !auxiliary[st.words[j]] {
			return j
		}
		if boundaries[st.words[j]] {
			return -1
		}
	}
	return -1
}

// nounPhraseBefore returns the actors of the noun phrase ending at token j
// ("Mordor, Rohan and Bree", "the ambassadors of Arnor", "Lawmakers in
// Fornost").
func (st *sentence) nounPhraseBefore(j int) []int {
	var found []int
	listed := false // a coordinator seen: commas join the list
	joined := true  // the next mention is another item of a list
	for ; j >= 0; j-- {
		w, tag := st.words[j], st.tags[j]
		if m := st.mention[j]; m >= 0 {
			switch {
			case len(found) > 0 && found[len(found)-1] == m:
			case joined || len(found) == 0:
				found = append(found, m)
			case len(st.actors[m].Cameo) > len(st.actors[found[len(found)-1]].Cameo):
				// "White House security officials": one actor, named
				// by its most specific code
				found[len(found)-1] = m
			}
			joined = false
			continue
		}
		switch {
		case w == "and" || w == "or" || w == "nor" || w == "&":
			listed, joined = true, true
		case w == ",":
			if !listed {
				return reverse(found)
			}
			joined = true
		case w == "of" || w == "from" || w == "in" || w == "for" || w == "'s" || w == "'" || w == "-":
		case strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ") || tag == "DT" || tag == "PRP$" || tag == "POS" || tag == "CD" || tag == "PRP" || tag == "CC":
		default:
			return reverse(found)
		}
	}
	return reverse(found)
}

// object returns the actors a verb ending before token i acts on: the
// first actor named after it in its phrase, with those coordinated with
// it ("with Mordor, Rohan and Bree"). A passive's object is its subject:
// this finds none past "by".
func (st *sentence) object(i int, passive, statement bool) []int {
	clause := false // past "that": the subject of a clause of its own
	for j := i; j < len(st.words); j++ {
		w := st.words[j]
		if w == "that" && j == i && st.tags[j] == "IN" {
			clause = true
			continue
		}
		if clause && st.tags[j] == "IN" {
			// "agree that disputes in the South China Sea ...": an
			// actor inside the clause subject's phrase is not its head
			return nil
		}
		if w == "," && !st.listAfter(j) {
			// "restore complete, full ties", "restore, it seems, full
			// ties": adjectives in a row, or an aside, go on
			if k := st.aside(j); k > j {
				j = k
				continue
			}
			return nil
		}
		if boundaries[w] {
			return nil
		}
		if passive && w == "by" {
			return nil
		}
		if m := st.mention[j]; m >= 0 {
			return st.coordinated(m)
		}
		if statement && st.finite(j) {
			// "said such a step enjoyed support from Gondor": what is
			// said is a clause of its own, whose subject names no actor
			return nil
		}
	}
	return nil
}

// statement reports whether a verb's own code is a public statement
// (CAMEO 01: "said", "hoped", "denied"), whose object is often a clause:
// the subject of that clause is its target, not what the clause acts on.
func statement(code string) bool { return strings.HasPrefix(code, "01") }

// aside returns, for a comma at token j that does not end the phrase, the
// last token of what it sets apart, else j: a comma between two adjectives
// ("complete, full ties"), or a short aside without actors that another
// comma closes ("restore, it seems, full ties").
func (st *sentence) aside(j int) int {
	if j > 0 && j+1 < len(st.words) && strings.HasPrefix(st.tags[j-1], "JJ") && strings.HasPrefix(st.tags[j+1], "JJ") && st.mention[j+1] < 0 {
		return j + 1
	}
	for k := j + 1; k < len(st.words) && k <= j+4; k++ {
		if st.mention[k] >= 0 || boundaries[st.words[k]] {
			return j
		}
		if st.words[k] == "," {
			if k > j+1 && pronouns[st.words[j+1]] {
				return k
			}
			return j
		}
	}
	return j
}

// agent returns the actors of a passive's "by" phrase.
func (st *sentence) agent(i int) []int {
	for j := i; j < len(st.words); j++ {
		w := st.words[j]
		if boundaries[w] {
			return nil
		}
		if w == "by" {
			for k := j + 1; k < len(st.words) && k <= j+4; k++ {
				if m := st.mention[k]; m >= 0 {
					return st.coordinated(m)
				}
			}
			return nil
		}
	}
	return nil
}

// listAfter reports whether the comma at j continues a list of actors.
func (st *sentence) listAfter(j int) bool {
	return j+1 < len(st.words) && (st.mention[j+1] >= 0 || j+2 < len(st.words) && st.words[j+1] == "and" && st.mention[j+2] >= 0)
}

// coordinated returns mention m with the mentions listed after it ("m, n
// and o", "m and the p").
func (st *sentence) coordinated(m int) []int {
	out := []int{m}
	last := 1 // items up to the last one a coordinator joined
	j := st.spans[m][1]
	for j < len(st.words) {
		k := j
		sep, and := false, false
		for k < len(st.words) && (st.words[k] == "," || st.words[k] == "and" || st.words[k] == "or" || st.words[k] == "as" || st.words[k] == "well") {
			sep = true
			and = and || st.words[k] != ","
			k++
		}
		for k < len(st.words) && sep && st.mention[k] < 0 && (st.tags[k] == "DT" || strings.HasPrefix(st.tags[k], "JJ")) {
			k++
		}
		if !sep || k >= len(st.words) || st.mention[k] < 0 {
			break
		}
		n := st.mention[k]
		out = append(out, n)
		if and {
			last = len(out)
		}
		j = st.spans[n][1]
	}
	// "its embassy, a senior official": an apposition, not a list
	return out[:last]
}

func reverse(xs []int) []int {
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
	return xs
}

func without(xs, drop []int) []int {
	var out []int
	for _, x := range xs {
		keep := true
		for _, d := range drop {
			if x == d {
				keep = false
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

// binding is what a pattern's markers picked: the source or target
// actors, or that a compound was asked for.
type binding struct {
	source, target                 []int
	compoundSource, compoundTarget bool
}

// match reports whether pattern p matches around the verb at tokens
// [from, to), and what its markers bind.
func (st *sentence) match(p *pattern, from, to int) (binding, bool) {
	var b binding
	// before the verb, from the nearest word back
	pos := from
	for k := p.verb - 1; k >= 0; k-- {
		e := p.elems[k]
		adjacent := e.joined
		switch e.kind {
		case elemSkip:
			continue // before the verb, gaps are allowed anyway
		case elemCompound:
			b.compoundSource = true
			continue
		case elemSource, elemTarget:
			m := -1
			for j := pos - 1; j >= 0; j-- {
				if st.mention[j] >= 0 {
					m = st.mention[j]
					break
				}
				if adjacent && j < pos-1 {
					break
				}
			}
			if m < 0 {
				return b, false
			}
			g := st.coordinated(m)
			if e.kind == elemSource {
				b.source = g
			} else {
				b.target = g
			}
			pos = st.spans[m][0]
			continue
		}
		found := -1
		for j := pos - 1; j >= 0; j-- {
			if n, ok := st.phraseAt(e.alts, j, true); ok {
				found = j - n + 1
				break
			}
			if adjacent {
				break
			}
		}
		if found < 0 {
			return b, false
		}
		pos = found
	}
	// after the verb, within its clause
	pos = to
	adjacent := p.elems[p.verb].joined
	for k := p.verb + 1; k < len(p.elems); k++ {
		e := p.elems[k]
		switch e.kind {
		case elemSkip:
			pos = st.skipPhrase(pos)
			adjacent = e.joined
			continue
		case elemCompound:
			b.compoundTarget = true
			adjacent = e.joined
			continue
		case elemSource, elemTarget:
			m := -1
			for j := pos; j < len(st.words) && !boundaries[st.words[j]] && !st.finite(j); j++ {
				if st.mention[j] >= 0 {
					m = st.mention[j]
					break
				}
				if adjacent {
					break
				}
			}
			if m < 0 {
				return b, false
			}
			g := st.coordinated(m)
			if e.kind == elemSource {
				b.source = g
			} else {
				b.target = g
			}
			pos = st.spans[g[len(g)-1]][1]
			adjacent = e.joined
			continue
		}
		found := -1
		first := pos == to // the first word the pattern asks for after the verb
		for j := pos; j < len(st.words) && !boundaries[st.words[j]]; j++ {
			if n, ok := st.phraseAt(e.alts, j, false); ok {
				found = j + n
				break
			}
			if adjacent || st.finite(j) {
				break
			}
			if first && st.tags[j] == "IN" && j > to && strings.HasPrefix(st.tags[j-1], "NN") {
				// "made his remarks in Doha at the start of a trip": the
				// verb's object ends before a preposition; a word the
				// pattern asks for first is not looked for past it
				break
			}
		}
		if found < 0 {
			return b, false
		}
		pos = found
		adjacent = e.joined
	}
	return b, true
}

// skipPhrase returns the token after the noun phrase at token i: an actor
// mention with the determiners and adjectives before it, or a run of
// determiners, numbers, adjectives and nouns. i when no noun phrase starts
// there.
func (st *sentence) skipPhrase(i int) int {
	j := i
	for j < len(st.words) && st.mention[j] < 0 && (st.tags[j] == "DT" || st.tags[j] == "CD" || st.tags[j] == "PRP$" || strings.HasPrefix(st.tags[j], "JJ") || strings.HasPrefix(st.tags[j], "NN")) {
		j++
	}
	if j < len(st.words) && st.mention[j] >= 0 {
		return st.spans[st.mention[j]][1]
	}
	return j
}

// finite reports whether token j is a finite verb or a modal, which opens
// a clause of its own ("said such a step enjoyed support"): a pattern
// reads no further.
func (st *sentence) finite(j int) bool {
	switch st.tags[j] {
	case "VBD", "VBZ", "VBP", "MD":
		return st.mention[j] < 0
	case "VBN":
		// "a step enjoyed support": a participle between a noun and its
		// object is the past tense taggers often take for one; a
		// participle that qualifies a noun ("the aid pledged by
		// donors") takes no object
		return st.mention[j] < 0 && j > 0 && j+1 < len(st.tags) && strings.HasPrefix(st.tags[j-1], "NN") && objectTag(st.tags[j+1])
	}
	return false
}

// objectTag reports whether a word of that tag can open a verb's object.
func objectTag(tag string) bool {
	switch tag {
	case "DT", "PDT", "PRP$", "CD", "NN", "NNS", "NNP", "NNPS", "JJ":
		return true
	}
	return false
}

// phraseAt reports whether one of alts matches at token j (ending at j
// when backward), and its length in tokens.
func (st *sentence) phraseAt(alts [][]string, j int, backward bool) (int, bool) {
	for _, a := range alts {
		start := j
		if backward {
			start = j - len(a) + 1
		}
		if start < 0 || start+len(a) > len(st.words) {
			continue
		}
		ok := true
		for k, w := range a {
			if !wordMatches(w, st.words[start+k]) {
				ok = false
				break
			}
		}
		if ok {
			return len(a), true
		}
	}
	return 0, false
}

var suffixes = []string{"s", "es", "ed", "d", "ing", "'s"}

// wordMatches reports whether a dictionary word matches a text word: the
// same, or with an inflection unless the word ends in "_".
func wordMatches(w, t string) bool {
	if strings.HasSuffix(w, "_") {
		return t == strings.TrimSuffix(w, "_")
	}
	if t == w {
		return true
	}
	if !strings.HasPrefix(t, w) {
		return false
	}
	rest := t[len(w):]
	for _, s := range suffixes {
		if rest == s {
			return true
		}
	}
	return false
}
