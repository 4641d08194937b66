// Package events is the stage that decides what happened: it finds event
// triggers, codes each event in ACLED, CAMEO and PLOVER, attaches actors,
// place, date and casualty figures, hangs on it the claims that report or
// deny it, and merges the reports of one incident within the article.
package events

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/claims"
	"github.com/sitrep-project/sitrep/verbs"
)

// Input is what the earlier stages found in one article.
type Input struct {
	Text      string
	Sentences []sitrep.Sentence
	Actors    []sitrep.Actor
	Places    []sitrep.Place
	Times     []sitrep.Time
	Published *time.Time
	// Demonym resolves a nationality adjective to an ISO alpha-3 code
	// ("Armenian shelling" is shelling by Armenia's forces).
	Demonym func(word string) (string, bool)
	// CountryName returns a country's English name, for ACLED actor names.
	CountryName func(iso3 string) string
	// Verbs, when set, is a PETRARCH verb dictionary that codes the verbs
	// it lists (see coded).
	Verbs *verbs.Dictionary
	// Lower holds each sentence's lower-case words (Sentence.LowerWords),
	// made once for all the stages that read them; nil, the stage makes
	// them.
	Lower [][]string
}

// candidate is one report of an event in one clause, before reports of the
// same event are merged.
type candidate struct {
	trig     trigger
	word     string
	span     sitrep.Span // the trigger
	sent     int
	evidence sitrep.Span // the sentence
	actor1   *sitrep.Actor
	actor2   *sitrep.Actor
	location *sitrep.Place
	date     *sitrep.Time
	figures  []figure
	scope    string
	claims   []sitrep.Claim
	partial  bool // its figures count part of the event ("one more", "in the suburbs")
	// words is the clause's lower-case words, space-padded, for cue sets;
	// target the words right after the trigger, what it was aimed at;
	// subject the words before it, who did it
	words, target, subject string
	// deeds is words without what a demonstration is about ("demanding
	// the return of looted funds"): what its people did or had done to
	// them
	deeds string
	// clause is the span of the clause the report was read from
	clause sitrep.Span
	// background is set when the trigger lies in a phrase that gives
	// the setting of what a sentence tells ("after two days of
	// fighting", "in retaliation for an air raid")
	background bool
	// passiveArmed is set when a passive trigger's subject is armed: "a
	// policeman was shot", "Taliban commanders were killed"
	passiveArmed bool
	// claimedOwn is the armed claimant of a deed it claims as its own
	// ("forces claimed to have shot down a drone"), the event's actor1
	// when its first report names no other
	claimedOwn *sitrep.Actor
	// hits are the triggers the report was read from
	hits []hit
	// next holds the words of the sentences after a demonstration's, where
	// an intervention is often told
	next string
	// rioted is set when the sentences after a demonstration name a group
	// that riots ("The inmates burnt official documents."): the
	// demonstration turned violent
	rioted bool
}

// Extract returns the events of an article, the main event first.
func Extract(in Input) []sitrep.Event {
	a := article{in: in, lower: make([][]string, len(in.Sentences)), griev: make([][]bool, len(in.Sentences))}
	for si := range in.Sentences {
		a.sentence(si)
	}
	evs := a.finish(a.merge())
	if in.Verbs != nil {
		evs = a.coded(evs)
	}
	return evs
}

type article struct {
	in    Input
	cands []*candidate
	// lower and griev hold each sentence's lower-case words and what a
	// demonstration it tells is about (grievance), read again when
	// demonstrations are coded
	lower [][]string
	griev [][]bool
}

// sentenceWords returns sentence si's lower-case words and grievance.
func (a *article) sentenceWords(si int) ([]string, []bool) {
	if a.lower[si] == nil {
		s := &a.in.Sentences[si]
		a.lower[si] = a.lowerWords(si)
		a.griev[si] = grievance(s.Tokens, a.lower[si])
	}
	return a.lower[si], a.griev[si]
}

// lowerWords returns sentence si's lower-case words, from the input if it
// holds them.
func (a *article) lowerWords(si int) []string {
	if a.in.Lower != nil {
		return a.in.Lower[si]
	}
	return a.in.Sentences[si].LowerWords(nil)
}

func (a *article) sentence(si int) {
	s := &a.in.Sentences[si]
	if len(s.Tokens) == 0 {
		return
	}
	lw := a.lowerWords(si)
	hits := findTriggers(s, lw)
	figs := figures(s, lw)
	clauses := claims.SplitLower(s, lw, a.in.Actors)
	aggregate := hasAggregateCue(lw, s, a.in.Times)
	griev := grievance(s.Tokens, lw)
	a.lower[si], a.griev[si] = lw, griev
	titled := titleCase(s.Tokens)
	var mainClaimant = -1
	for ci, cl := range clauses {
		if ci == 0 {
			mainClaimant = cl.Claimant
		} else if cl.Continues {
			cl.Claimant = mainClaimant
		}
		claim := a.claim(s, &cl)
		words := clauseWords(s, cl.Span)
		if claim.Stance == sitrep.Asserts && hasCue(words, "hedge") {
			// "unconfirmed reports", "could not be independently verified"
			claim.Stance = sitrep.Hedges
		}
		if hasCue(words, "dismiss") && hasCue(words, "reports") {
			// "called the reports fabricated": a denial of what was told
			if cl.Claimant < 0 {
				cl.Claimant = a.firstSpeaker(cl.Span)
				claim = a.claim(s, &cl)
			}
			cl.Stance, cl.Anaphoric, claim.Stance = sitrep.Denies, true, sitrep.Denies
			if cl.Cue == "" {
				cl.Cue, claim.Cue = "called", nextVerb(s, cl.Start)
			}
		}
		var cs []*candidate
		var violent, demo []hit
		negatedHit := false
		for _, h := range hits {
			if !cl.Span.Contains(h.span) || cl.CueSpan.Overlaps(h.span) || inName(s.Tokens, h, titled) || a.inClaimant(cl.Claimant, h) {
				continue
			}
			if h.trig.violent || h.trig.demo {
				if cl.Cue != "" && negated(lw, h.i) {
					// "said it had not fired": the speaker denies
					negatedHit = true
					continue
				}
				if isTopic(h, hits, s, lw) {
					continue
				}
				if h.trig.demo && h.trig.class != "protest" && griev[h.i] && protestOutside(hits, griev) {
					// "against the detention of people involved in
					// riots": what the demonstration is about
					continue
				}
				if h.trig.demo {
					demo = append(demo, h)
				} else {
					violent = append(violent, h)
				}
				continue
			}
			if !hasClass(cs, h.trig.class) && !unfulfilled(lw, h.i) {
				cs = append(cs, a.verbal(h, s, si, &cl, lw))
			}
		}
		if len(demo) > 0 && !anyClass(violent, "sexual", griev) {
			// violence told with a demonstration is how it went, not
			// another event: the codebook's riots and interventions;
			// sexual violence is an event of its own ("raped women as
			// they dispersed the protesters")
			violent = demo
		}
		var cfigs []figure
		for _, f := range figs {
			if cl.Span.Contains(f.Span) {
				cfigs = append(cfigs, f)
			}
		}
		if len(violent) > 0 || len(cfigs) > 0 {
			if c := a.violent(violent, cfigs, s, si, &cl, lw, griev, words, aggregate); c != nil {
				cs = append([]*candidate{c}, cs...)
			}
		}
		cs = withoutIntentBesideAgreement(cs)
		if !anyIncident(cs) && cl.Stance == sitrep.Denies && !cl.Anaphoric && rejectCues[strings.ToLower(cl.Cue)] {
			// "Yemen rejected a U.S. request": a rejection is itself an
			// event (CAMEO 12), and what was proposed ("rejected an
			// invitation to talks") is not
			tr := triggers.phrases["refused"][0]
			h := hit{trig: tr, span: cl.CueSpan, word: a.in.Text[cl.CueSpan.Start:cl.CueSpan.End]}
			c := a.verbal(h, s, si, &cl, lw)
			claim.Stance, claim.Killed, claim.Injured = sitrep.Asserts, nil, nil
			c.claims = append(c.claims, claim)
			a.cands = append(a.cands, c)
			continue
		}
		if negatedHit && len(cs) == 0 {
			claim.Stance, cl.Stance = sitrep.Denies, sitrep.Denies
		}
		if cl.Cue != "" && (cl.Anaphoric && cl.Stance != sitrep.Asserts || len(cs) == 0 && claim.Stance != sitrep.Asserts) {
			// "denied this", "estimated that the number was higher": the
			// claim is about the event last told
			if t := a.lastViolent(); t != nil {
				back := claim
				back.Killed, back.Injured = nil, nil
				t.claims = append(t.claims, back)
			}
			// what else the clause tells ("and expressed their
			// readiness"), its claimant asserts, by the verb that says it
			claim.Stance, claim.Cue = sitrep.Asserts, nextVerb(s, cl.CueSpan.End)
		}
		for _, c := range cs {
			cc := claim
			if c.trig.incident() || len(c.figures) > 0 {
				cc.Killed, cc.Injured = reconcile(c.figures, true), reconcile(c.figures, false)
				for _, f := range c.figures {
					cc.Update = cc.Update || f.update
				}
			}
			c.claims = append(c.claims, cc)
			a.cands = append(a.cands, c)
		}
	}
}

// inName reports whether a trigger is a word of a proper name: capitalized
// inside a sentence, next to another capitalized name word ("Palestine
// Liberation Organization", "Amnesty International"). A title-case
// sentence says nothing by its capitals.
func inName(toks []sitrep.Token, h hit, titled bool) bool {
	if titled || h.i == 0 || !isUpper(toks[h.i].Text) {
		return false
	}
	name := func(k int) bool {
		return k >= 0 && k < len(toks) && isUpper(toks[k].Text) && strings.HasPrefix(toks[k].Tag, "NNP")
	}
	return name(h.i-1) && h.i-1 > 0 || name(h.n)
}

// anyClass reports whether one of the hits outside the grievance is of
// the trigger class.
func anyClass(hs []hit, class string, griev []bool) bool {
	for _, h := range hs {
		if h.trig.class == class && !griev[h.i] {
			return true
		}
	}
	return false
}

// inClaimant reports whether a trigger is a word of who makes the claim:
// "according to vigilantes", "rioters told reporters" tell no mob
// violence or riot by the speaking.
func (a *article) inClaimant(claimant int, h hit) bool {
	if claimant < 0 || claimant >= len(a.in.Actors) {
		return false
	}
	c := &a.in.Actors[claimant]
	return c.Start <= h.span.Start && h.span.End <= c.End
}

// titleCase reports whether most words of a sentence are capitalized, as
// in a headline.
func titleCase(toks []sitrep.Token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if t.Text == "" || !(t.Text[0] >= 'a' && t.Text[0] <= 'z' || t.Text[0] >= 'A' && t.Text[0] <= 'Z') {
			continue
		}
		words++
		if isUpper(t.Text) {
			upper++
		}
	}
	return words >= 4 && upper*10 > words*6
}

// firstSpeaker returns the index of the first actor in span who can speak,
// or -1.
func (a *article) firstSpeaker(span sitrep.Span) int {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if span.Contains(sitrep.Span{Start: act.Start, End: act.End}) && act.Kind != sitrep.KindCivilians {
			return i
		}
	}
	return -1
}

// negated reports whether the trigger at token i is negated ("had not
// fired", "never attacked", "did not shell").
func negated(lw []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch lw[k] {
		case "not", "never", "n't", "no":
			return true
		case ",", ".", ";", "and", "but":
			return false
		}
	}
	return false
}

// anyIncident reports whether a candidate tells of an incident.
func anyIncident(cs []*candidate) bool {
	for _, c := range cs {
		if c.trig.incident() {
			return true
		}
	}
	return false
}

// rejectCues are the denial cues that, with no event to deny, are
// themselves a rejection.
var rejectCues = wordSet(`rejected rejects dismissed`)

// withoutIntentBesideAgreement drops a statement of intent told with an
// agreement or truce in the same clause ("agreed to a ceasefire" is one
// event).
func withoutIntentBesideAgreement(cs []*candidate) []*candidate {
	if !hasClass(cs, "truce") && !hasClass(cs, "agree") {
		return cs
	}
	out := cs[:0]
	for _, c := range cs {
		if c.trig.class != "intent" && c.trig.class != "agreeverb" {
			out = append(out, c)
		}
	}
	return out
}

// nextVerb returns the first verb of the sentence after offset off, or "".
func nextVerb(s *sitrep.Sentence, off int) string {
	for _, t := range s.Tokens {
		if t.Start >= off && strings.HasPrefix(t.Tag, "VB") {
			return t.Text
		}
	}
	return ""
}

// clauseWords returns the lower-case words of the part of s in span,
// joined and padded by spaces.
func clauseWords(s *sitrep.Sentence, span sitrep.Span) string { return deedWords(s, span, nil) }

// grievanceMarkers open what a demonstration is about: "demanding the
// arrest of those who set fire to crops", "against the detention of people
// involved in riots", "after their crops were destroyed", or what it went
// on despite: "undeterred by the killings of the day before".
var grievanceMarkers = wordSet(`demand demands demanded demanding against for over about condemning condemn
	denouncing denounce after following despite undeterred honour honor commemorate commemorating mourn mourning`)

// auxiliaries and relative words before a finite verb keep it inside the
// grievance: "people who set fire", "a truck was looted".
var grievanceInner = wordSet(`who that which whom whose was were is are be been being has have had`)

// grievance marks the tokens of a sentence that tell what people protest
// about rather than what they did. It runs from a marker to the end of the
// sentence, a finite verb of the main clause ("demanding jobs, they burned
// tyres"), or a comma before a verb ("..., burning tyres").
func grievance(toks []sitrep.Token, lw []string) []bool {
	in := make([]bool, len(toks))
	open, relative := false, false
	for k := range toks {
		tag := toks[k].Tag
		switch {
		case grievanceMarkers[lw[k]] && (lw[k] != "against" || protestBefore(lw, k) && !reciprocal(lw, k)) && (lw[k] != "following" || k == 0 || lw[k-1] != "the"):
			// "following the arrest of": its setting; "the following
			// day": a date
			open, relative = true, false
		case !open:
		case lw[k] == "who" || lw[k] == "that" || lw[k] == "which":
			relative = true
		case (lw[k] == "and" || lw[k] == "but") && !relative && finiteVerbWithin(toks, lw, k+1, 5):
			// "against the fee rise and clashes broke out": a new clause
			open = false
		case lw[k] == "." || lw[k] == ";":
			open = false
		case (tag == "VBD" || tag == "VBP" || tag == "VBZ") && k > 0 && !grievanceInner[lw[k-1]] && !grievanceInner[lw[k]]:
			open = false
		case lw[k] == "," && k+1 < len(toks) && strings.HasPrefix(toks[k+1].Tag, "VB"):
			open = false
		}
		in[k] = open
	}
	return in
}

// forcesActs marks the tokens of a sentence that tell what the forces of
// order did (events/cues.tsv, order), not what demonstrators did: from a
// subject "police", "riot police officers", "security forces" through its
// active verb to the end of the clause ("police attacked the sit-in and
// arrested ten"), and "riot" used as a modifier ("riot police", "riot
// gear"). A clause that turns to another subject ("and protesters threw
// stones", "as youths burned tyres", "who threw stones") ends the act; a
// passive verb ("police were attacked") is no act of theirs. It returns
// nil when the sentence has no such act.
func forcesActs(toks []sitrep.Token, lw []string) []bool {
	var in []bool
	mark := func(k int) {
		if in == nil {
			in = make([]bool, len(toks))
		}
		in[k] = true
	}
	for k := 0; k < len(lw); k++ {
		if (lw[k] == "riot" || lw[k] == "anti-riot") && k+1 < len(lw) && modifiedNouns[lw[k+1]] {
			mark(k)
			continue
		}
		n := cueLen(lw, k, "order")
		if n == 0 {
			continue
		}
		j := k + n
		for j < len(lw) && (lw[j] == "officers" || lw[j] == "officer" || toks[j].Tag == "RB") {
			j++ // "police officers", "police brutally attacked"
		}
		if j >= len(lw) {
			break
		}
		if t := toks[j].Tag; t != "VBD" && t != "VBZ" && t != "VBP" {
			continue // "police stations", "the police chief said"
		}
		if beWords[lw[j]] && j+1 < len(lw) && toks[j+1].Tag == "VBN" || mutualVerbs[lw[j]] {
			// "police were attacked": done to them; "police clashed
			// with protesters": done by both
			continue
		}
		for m := k; m < j; m++ {
			mark(m)
		}
		for ; j < len(lw); j++ {
			if actEnds(toks, lw, j) {
				break
			}
			mark(j)
		}
		k = j
	}
	return in
}

// mutualVerbs tell of a fight both sides take part in.
var mutualVerbs = wordSet(`clashed clash clashes fought fight fights battled scuffled skirmished exchanged`)

// skipActs marks the tokens of a sentence that tell no act of its
// demonstrators: what they protest about (griev), what the forces of order
// did (forces, see forcesActs), and what was done to someone other than the
// forces ("they were attacked").
func skipActs(toks []sitrep.Token, lw []string, griev, forces []bool) []bool {
	skip := make([]bool, len(lw))
	for i := range skip {
		passive := i > 0 && toks[i].Tag == "VBN" && beWords[lw[i-1]] && !doneToOrder(lw, i)
		skip[i] = griev[i] || forces != nil && forces[i] || passive || attackOnDemoAt(lw, i)
	}
	return skip
}

// doneToOrder reports whether the passive verb at token i tells what was
// done to the forces of order ("police officers were attacked"), or by
// demonstrators ("were attacked by protesters"): their violence, not
// violence against them.
func doneToOrder(lw []string, i int) bool {
	for j := max(0, i-5); j < i-1; j++ {
		if cueLen(lw, j, "order") > 0 {
			return true
		}
	}
	for j := i + 1; j+1 < len(lw) && j <= i+2; j++ {
		if lw[j] == "by" {
			for m := j + 1; m < len(lw) && m <= j+3; m++ {
				if demoNouns[lw[m]] {
					return true
				}
			}
		}
	}
	return false
}

// attacksOnDemo reports whether a sentence tells of people other than the
// forces of order attacking the demonstration itself: "a group of men
// attacked a peaceful rally". forces marks the forces' acts (forcesActs).
func attacksOnDemo(lw []string, forces []bool) bool {
	for k := range lw {
		if (forces == nil || !forces[k]) && attackOnDemoAt(lw, k) {
			return true
		}
	}
	return false
}

// attackOnDemoAt reports whether token k is a verb of assault whose object,
// in the four words after it, is a demonstration or its people, and whose
// subject is not demonstrators (who attacking a rival rally riot) nor a
// passive ("were attacked").
func attackOnDemoAt(lw []string, k int) bool {
	if !assaultVerbs[lw[k]] || k > 0 && beWords[lw[k-1]] || demonstratorsBefore(lw, k) {
		return false
	}
	for j := k + 1; j < len(lw) && j <= k+4; j++ {
		if demoNouns[lw[j]] {
			return true
		}
		if lw[j] == "," || lw[j] == "." || lw[j] == ";" {
			return false
		}
	}
	return false
}

// demonstratorsBefore reports whether demonstrators are named in the four
// words before token k, as the subject of its verb.
func demonstratorsBefore(lw []string, k int) bool {
	for j := max(0, k-4); j < k; j++ {
		if demoNouns[lw[j]] {
			return true
		}
	}
	return false
}

// assaultVerbs attack people; demoNouns name a demonstration or its people.
var (
	assaultVerbs = wordSet(`attacked stormed assaulted raided ambushed`)
	demoNouns    = wordSet(`rally rallies protest protests march marches demonstration demonstrations protesters
		demonstrators marchers sit-in vigil`)
)

// beWords are the forms of "be" that make a following participle passive.
var beWords = wordSet(`is are was were been being be got`)

// actClauseWords open a clause with a subject of its own inside a sentence.
var actClauseWords = wordSet(`as while when after before because who which that whom whereas but`)

// actEnds reports whether token j ends an act of the forces of order: the
// end of a clause, or "and" before a new subject ("and protesters threw").
func actEnds(toks []sitrep.Token, lw []string, j int) bool {
	switch {
	case lw[j] == "." || lw[j] == ";" || lw[j] == "," || actClauseWords[lw[j]]:
		return true
	case lw[j] == "and" && j+1 < len(lw):
		t := toks[j+1].Tag
		return !strings.HasPrefix(t, "VB") && t != "RB"
	}
	return false
}

// cueLen returns the number of words of the phrase of a cue set that
// starts at token k, or 0.
func cueLen(lw []string, k int, set string) int {
	x := cueIndexes[set]
	if x == nil || !x.first.May(lw[k]) {
		return 0
	}
	best := 0
	for _, p := range x.byFirst[lw[k]] {
		// p is padded: " w1 w2 ... "
		n, rest := 0, p[1:]
		for rest != "" && k+n < len(lw) {
			sp := strings.IndexByte(rest, ' ')
			if rest[:sp] != lw[k+n] {
				n = -1
				break
			}
			rest, n = rest[sp+1:], n+1
		}
		if rest == "" && n > best {
			best = n
		}
	}
	return best
}

// reciprocal reports whether "against" at k is followed by "each other" or
// "one another": rallies "against each other" face each other, they do not
// protest about something.
func reciprocal(lw []string, k int) bool {
	return k+2 < len(lw) && (lw[k+1] == "each" && lw[k+2] == "other" || lw[k+1] == "one" && lw[k+2] == "another")
}

// protestOutside reports whether a sentence tells of a protest outside
// what some demonstration is about.
func protestOutside(hits []hit, griev []bool) bool {
	for _, h := range hits {
		if h.trig.class == "protest" && !griev[h.i] {
			return true
		}
	}
	return false
}

// protestBefore reports whether a word of protest comes in the three
// tokens before k: "protested against" opens a grievance, "threw stones
// against the police" does not.
func protestBefore(lw []string, k int) bool {
	for j := max(0, k-3); j < k; j++ {
		for _, tr := range triggers.phrases[lw[j]] {
			if tr.class == "protest" {
				return true
			}
		}
	}
	return false
}

// finiteVerbWithin reports whether a finite verb other than an auxiliary
// comes in the n tokens from k, before any punctuation.
func finiteVerbWithin(toks []sitrep.Token, lw []string, k, n int) bool {
	for j := k; j < len(toks) && j < k+n; j++ {
		if t := toks[j].Tag; (t == "VBD" || t == "VBZ" || t == "VBP") && !grievanceInner[lw[j]] {
			return true
		}
		if lw[j] == "," || lw[j] == "." || lw[j] == ";" {
			return false
		}
	}
	return false
}

// deedWords returns clauseWords of span without the tokens skip marks.
func deedWords(s *sitrep.Sentence, span sitrep.Span, skip []bool) string {
	var b strings.Builder
	if n := span.End - span.Start; n > 0 {
		b.Grow(n + 2)
	}
	b.WriteByte(' ')
	for k, t := range s.Tokens {
		if span.Contains(t.Span) && (skip == nil || !skip[k]) {
			writeWord(&b, t.Text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// writeWord writes a token's text in lower case, slashes as spaces: "small
// arms/unknown weapons" reads as separate words.
func writeWord(b *strings.Builder, w string) {
	for k := 0; k < len(w); k++ {
		if w[k] >= 0x80 {
			b.WriteString(strings.ReplaceAll(strings.ToLower(w), "/", " "))
			return
		}
	}
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '/':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
}

func hasClass(cs []*candidate, class string) bool {
	for _, c := range cs {
		if c.trig.class == class {
			return true
		}
	}
	return false
}

// history reports whether a date lies more than a month before
// publication: violence told with it is background to the news.
func (a *article) history(t *sitrep.Time) bool {
	if a.in.Published == nil || t.Value == nil || !pastMarker(t.Text) {
		return false
	}
	end := *t.Value
	if t.EndValue != nil {
		end = *t.EndValue
	}
	last, ok := lastDay(end)
	return ok && last.Before(a.in.Published.AddDate(0, -1, 0))
}

// pastMarker reports whether a time expression places itself in the past
// outright: a year, "ago", "last year".
func pastMarker(text string) bool {
	t := strings.ToLower(text)
	if strings.Contains(t, "ago") || strings.Contains(t, "last year") || strings.Contains(t, "years") {
		return true
	}
	for i := 0; i+4 <= len(t); i++ {
		if (t[i:i+2] == "19" || t[i:i+2] == "20") && isDigits(t[i+2:i+4]) && (i+4 == len(t) || t[i+4] < '0' || t[i+4] > '9') {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// lastDay returns the last day a YYYY, YYYY-MM or YYYY-MM-DD value covers.
func lastDay(v string) (time.Time, bool) {
	switch len(v) {
	case 10:
		t, err := time.Parse(time.DateOnly, v)
		return t, err == nil
	case 7:
		t, err := time.Parse("2006-01", v)
		return t.AddDate(0, 1, -1), err == nil
	case 4:
		t, err := time.Parse("2006", v)
		return t.AddDate(1, 0, -1), err == nil
	}
	return time.Time{}, false
}

// followsIncident reports whether sentence s comes right after a report of
// an incident in the same paragraph (at most one sentence between), so that
// "One man died." tells the toll of that incident.
func (a *article) followsIncident(s *sitrep.Sentence) bool {
	for i := len(a.cands) - 1; i >= 0; i-- {
		c := a.cands[i]
		if !c.trig.incident() || c.scope != sitrep.ScopeIncident {
			continue
		}
		prev := &a.in.Sentences[c.sent]
		gap := 0
		for _, x := range a.in.Sentences {
			if x.Start > prev.Start && x.Start < s.Start {
				gap++
			}
		}
		return prev.Paragraph == s.Paragraph && gap <= 1
	}
	return false
}

// lastViolent returns the latest candidate that tells of violence or
// casualties.
func (a *article) lastViolent() *candidate {
	for i := len(a.cands) - 1; i >= 0; i-- {
		if c := a.cands[i]; c.trig.incident() || len(c.figures) > 0 {
			return c
		}
	}
	return nil
}

// claim builds the claim a clause makes.
func (a *article) claim(s *sitrep.Sentence, cl *claims.Clause) sitrep.Claim {
	c := sitrep.Claim{Stance: cl.Stance, Cue: cl.Cue, Start: cl.Start, End: cl.End}
	if cl.Cue != "" {
		c.Start, c.End = cl.Start, cl.End
	}
	c.Text = a.in.Text[c.Start:c.End]
	if cl.Claimant >= 0 {
		act := a.resolved(cl.Claimant)
		c.Claimant = &act
	}
	return c
}

// resolved returns a copy of actor mention i, which the actors stage has
// already filled in from the mention it refers to.
func (a *article) resolved(i int) sitrep.Actor { return a.in.Actors[i] }

type hit struct {
	trig trigger
	span sitrep.Span
	i, n int // token range
	word string
}

// findTriggers finds the event triggers of a sentence, longest match first.
func findTriggers(s *sitrep.Sentence, lw []string) []hit {
	var out []hit
	var room [64]byte
	key := room[:0] // the phrase at i, built once per length
	for i := 0; i < len(lw); i++ {
		if strings.Contains(lw[i], "/") || strings.Contains(lw[i], "-") && triggers.phrases[lw[i]] == nil && !triggers.first[lw[i]] {
			// "projectiles/explosions/shots": each part may tell
			if h, ok := slashed(s, lw, i); ok {
				out = append(out, h)
			}
			continue
		}
		if !triggers.first[lw[i]] {
			continue
		}
	phrases:
		for n := min(len(lw), i+triggers.longest); n > i; n-- {
			if n < len(lw) && lw[n-1] == "at" && (lw[n] == "least" || lw[n] == "most") {
				continue // "fired at least 50 shots": a figure, not an aim
			}
			key = append(key[:0], lw[i]...)
			for _, w := range lw[i+1 : n] {
				key = append(append(key, ' '), w...)
			}
			for _, tr := range triggers.phrases[string(key)] {
				if !licensed(tr, s.Tokens, lw, i, n) {
					continue // another reading, or a shorter phrase, may tell something
				}
				out = append(out, hit{trig: tr, span: sitrep.Span{Start: s.Tokens[i].Start, End: s.Tokens[n-1].End}, i: i, n: n, word: s.Text[s.Tokens[i].Start-s.Start : s.Tokens[n-1].End-s.Start]})
				i = n - 1
				break phrases
			}
		}
	}
	return out
}

// slashed reads a token of words joined by slashes or hyphens, keeping the most
// specific trigger among them.
func slashed(s *sitrep.Sentence, lw []string, i int) (hit, bool) {
	var best hit
	ok := false
	hyphened := !strings.Contains(lw[i], "/")
	parts := strings.FieldsFunc(lw[i], func(r rune) bool { return r == '/' || r == '-' })
	for k, part := range parts {
		if k > 0 && parts[k-1] == "anti" {
			continue // "anti-aircraft guns", "anti-tank mines": what the arm is for
		}
		for _, tr := range triggers.phrases[part] {
			if tr.needs != "" && !licensed(tr, s.Tokens, lw, i, i+1) {
				continue
			}
			if hyphened && !tr.incident() {
				// "long-threatened", "UN-brokered": a modifier, not
				// something said or done
				continue
			}
			if !ok || tr.specificity > best.trig.specificity {
				best = hit{trig: tr, span: s.Tokens[i].Span, i: i, n: i + 1, word: s.Tokens[i].Text}
				ok = true
			}
			break
		}
	}
	return best, ok
}

var (
	impactWords = map[string]bool{"hit": true, "hits": true, "fell": true, "fall": true, "falls": true, "landed": true, "land": true,
		"struck": true, "strike": true, "fired": true, "launched": true, "targeted": true, "targeting": true, "exploded": true,
		"planted": true, "attacked": true, "raids": true, "raid": true, "raided": true,
		"killed": true, "wounded": true, "injured": true, "killing": true, "wounding": true, "injuring": true, "intercepted": true}
	imposeWords = wordSet(`imposed impose imposes imposing declared declare declares declaring announced announces
		extended extends extend extending ordered orders introduced enforced enforcing enforce imposition reimposed
		instituted placed put slapped ordering`)
	agreeWords = map[string]bool{"reached": true, "agreed": true, "signed": true, "brokered": true, "declared": true,
		"announced": true, "concluded": true, "signing": true, "struck": true, "sealed": true, "agree": true, "sign": true, "accepted": true}
)

// licensed reports whether a trigger that needs company has it: a rocket
// is an event when it falls, a ceasefire when it is agreed, a capture when
// ground is taken, a gathering when it makes a claim.
func licensed(tr trigger, toks []sitrep.Token, lw []string, i, n int) bool {
	switch tr.needs {
	case "impact":
		return anyNear(lw, i, n, 6, impactWords)
	case "agree":
		return anyNear(lw, i, n, 4, agreeWords)
	case "imposed":
		return anyNear(lw, i, n, 7, imposeWords)
	case "territory":
		if i > 0 && (lw[i-1] == "the" || lw[i-1] == "a" || lw[i-1] == "an") && (strings.HasSuffix(lw[i], "ed") || strings.HasSuffix(lw[i], "en")) {
			// "the occupied West Bank", "the liberated areas": ground
			// held, not taken
			return false
		}
		for k := n; k < len(lw) && k < n+8; k++ {
			if k == n && lw[k] == "alive" {
				return false // "two others were captured alive": people held
			}
			if goodsWords[lw[k]] && k < n+6 {
				// "seized a ton of marijuana in X": goods taken, not
				// ground
				return false
			}
			if groundWords[lw[k]] || k > 0 && isUpper(toks[k].Text) && (strings.HasPrefix(toks[k].Tag, "NNP") || strings.Contains(toks[k].Text, "-")) {
				return true
			}
			if lw[k] == "," || lw[k] == "." {
				break
			}
		}
		return false
	case "protest":
		return anyNear(lw, i, n, 40, claimWords)
	case "weapons":
		return anyNear(lw, i, n, 10, weaponWords)
	case "property":
		return anyNear(lw, i, n, 10, propertyWords)
	case "goods":
		// "seized 250,000 packs of smuggled cigarettes", "confiscated
		// their cattle"
		for k := n; k < len(lw) && k < n+7; k++ {
			if goodsWords[lw[k]] {
				return true
			}
			if lw[k] == "." || lw[k] == ";" {
				break
			}
		}
		return false
	case "unquoted":
		return !inQuote(lw, i)
	case "head":
		// "riot police", "anti-riot gear": a modifier of what follows
		return n >= len(lw) || !modifiedNouns[lw[n]]
	case "corpse":
		return anyNear(lw, i, n, 8, corpseWords)
	case "basewords":
		return anyNear(lw, i, n, 6, baseWords)
	case "people":
		// "residents blocked the road", not "troops blocked the road"
		return anyNear(lw, i, i, 8, peopleWords) || anyNear(lw, i, n, 40, claimWords)
	case "outof":
		// "drove the militants out of three villages", not "drove to the
		// town" or "pushed out of the meeting"
		for k := n; k+2 < len(lw) && k < n+8; k++ {
			if lw[k] == "out" && lw[k+1] == "of" {
				for j := k + 2; j < len(lw) && j < k+7; j++ {
					if groundWords[lw[j]] {
						return true
					}
				}
				return false
			}
			if lw[k] == "," || lw[k] == "." || lw[k] == ";" {
				return false
			}
		}
		return false
	case "marchers":
		// "hundreds of people marched", "police watched as students
		// marched", not "troops captured the town and marched on"
		if anyNear(lw, i, i, 8, peopleWords) {
			return true
		}
		for k := 0; k < i; k++ {
			if cueLen(lw, k, "order") > 0 || cueLen(lw, k, "armedgroup") > 0 {
				return false
			}
		}
		return true
	case "unit":
		return anyNear(lw, i, n, 8, unitWords)
	case "peace":
		// "talks to end the war", "negotiations with the rebels", not
		// "talks on trade"
		return anyNear(lw, i, n, 10, peaceWords)
	case "unopposed":
		// "entered the town without a fight", "had not encountered any
		// resistance"
		return anyNear(lw, i, n, 30, unopposedWords) || withoutFight(lw, i, n, 30)
	case "aim":
		// "fired with unspecified weapons on the positions", "fired heavy
		// machine guns and small arms at the positions"; a list of arms
		// runs on past its commas ("fired mortars, machine guns, and
		// sniper rifles at the villages")
		arms := false
		for k := n; k < len(lw) && k < n+24; k++ {
			if k >= n+10 && !arms {
				return false
			}
			switch lw[k] {
			case "at", "on", "upon", "towards", "into":
				if k+2 < len(lw) && lw[k+1] == "the" && (lw[k+2] == "air" || lw[k+2] == "sky") {
					return false // "fired 50 shots into the air": a warning
				}
				if k+1 < len(lw) && (lw[k+1] == "least" || lw[k+1] == "most") {
					continue // "fired at least 50 shots"
				}
				return true
			case "in":
				if k+2 < len(lw) && lw[k+1] == "the" && (lw[k+2] == "air" || lw[k+2] == "sky") {
					return false
				}
			case ",":
				if !arms {
					return false
				}
			case ".", ";":
				return false
			default:
				// "12.7mm": a calibre names arms as well
				arms = arms || weaponWords[lw[k]] || lw[k] != "" && lw[k][0] >= '0' && lw[k][0] <= '9' && strings.HasSuffix(lw[k], "mm")
			}
		}
		return false
	}
	return true
}

// withoutFight reports whether "without" and a word of fighting come
// within d words of a trigger: "entered without fighting", "took the town
// without a shot fired".
func withoutFight(lw []string, i, n, d int) bool {
	for k := max(0, i-d); k+1 < min(len(lw), n+d); k++ {
		if lw[k] != "without" {
			continue
		}
		next := lw[k+1]
		if (next == "a" || next == "any") && k+2 < len(lw) {
			next = lw[k+2]
		}
		if fightWords[next] {
			return true
		}
	}
	return false
}

// fightWords name fighting after "without".
var fightWords = wordSet(`fighting fight fights battle battles clashes clash resistance shot shots bloodshed firing combat`)

// modifiedNouns follow a trigger word used as a modifier: "riot police".
var modifiedNouns = wordSet(`police policeman policemen officers officer gear control squad squads unit units shields
	troops forces vehicle vehicles act charges`)

func isUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

var (
	groundWords = wordSet(`town towns village villages city cities area areas district districts territory control region
		base bases positions position hill hills province neighbourhood neighborhood airport port island road highway bridge
		camp camps outpost outposts checkpoint country zone enclave locality localities headquarters crossing border
		front frontline site sites`)
	claimWords = wordSet(`demand demands demanding demanded against slogans chanting chanted protest protesting calling
		commemorate commemorated commemorating solidarity denounce denouncing rejecting protesters demonstrators
		grievances rights wages salaries condemn condemning mark marking labor labour anniversary complaining
		complain complained chants placards banners`)
	weaponWords = wordSet(`weapon weapons arms ammunition ammunitions munitions explosives explosive bomb bombs ied ieds
		rifle rifles grenade grenades rockets rocket missile missiles mine mines landmines landmine drone drones device
		devices rpg ak-47 trapped shells mortars firearm firearms gun guns pistol pistols revolver revolvers kalashnikov
		kalashnikovs magazines cartridges bullets rounds arsenal detonators vbieds projectiles`)
	corpseWords = wordSet(`body bodies corpse corpses remains dead`)
	peopleWords = wordSet(`residents villagers locals inhabitants students workers drivers farmers traders vendors
		shopkeepers merchants fishermen citizens youths youth protesters demonstrators community communities
		teachers nurses doctors miners employees families relatives neighbors neighbours supporters activists`)
	unopposedWords = wordSet(`unopposed uncontested resistance`)
	unitWords      = wordSet(`group groups unit units entity entities brigade brigades battalion battalions force forces
		militia militias wing cell cells faction factions alliance coalition command division regiment`)
	peaceWords = wordSet(`peace ceasefire cease-fire truce armistice war wars conflict hostilities fighting
		rebels rebel insurgents insurgency guerrillas guerrilla militants militia militias`)
	baseWords = wordSet(`base bases post posts outpost outposts camp camps headquarters observation checkpoint
		checkpoints garrison barracks point points`)
	goodsWords = wordSet(`goods merchandise contraband smuggled drugs drug narcotics marijuana cannabis cocaine heroin
		hashish methamphetamine meth opium cigarettes fuel timber cattle livestock cows goats sheep camels money cash
		crops harvest`)
	propertyWords = wordSet(`house houses home homes building buildings vehicle vehicles car cars truck trucks shop shops
		store stores market property properties office offices facility facilities plant school schools church churches
		mosque mosques crops farm farms station tower machinery goods food cattle livestock money equipment hospital
		warehouse bus buses shelter shelters hut huts camp tents company bank banks agency stadium tribune airstrip
		window windows glass premises monument statue gravestones graves mast antenna kiosk kiosks factory
		railway railways pipeline pipelines cables`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func anyNear(lw []string, i, n, d int, set map[string]bool) bool {
	for k := max(0, i-d); k < min(len(lw), n+d); k++ {
		if (k < i || k >= n) && set[lw[k]] {
			return true
		}
	}
	return false
}

// genericWords before a violent trigger make it a reference to violence in
// general, to come or supposed ("these battles", "the ongoing clashes",
// "ready to end the fighting", "if it is attacked"), not a report of an
// incident.
var genericWords = map[string]bool{
	"these": true, "those": true, "ongoing": true, "continuing": true, "continued": true, "any": true, "all": true,
	"will": true, "would": true, "could": true, "might": true, "may": true, "should": true, "must": true,
	"not": true, "never": true, "end": true, "stop": true, "halt": true, "prevent": true, "avoid": true,
	"cease": true, "ready": true, "readiness": true, "against": false, "future": true, "possible": true,
	"forms": true, "recent": true, "escalation": true, "pause": true, "lull": true, "respite": true,
	"without": true, "if": true, "unless": true, "ended": true, "ending": true, "no": true, "anticipation": true,
}

// quantifiers among genericWords make a trigger general only when they
// modify it ("all attacks", "any clashes"), not a subject farther off ("All
// regime forces have withdrawn").
var quantifiers = wordSet(`these those any all no`)

// isTopic reports whether a violent trigger is the topic of something said
// rather than a report of an incident: the object of a condemnation or an
// accusation ("condemned all attacks"), violence in general or to come
// ("the ongoing clashes", "will not break"), or inside a quotation.
func isTopic(h hit, hits []hit, s *sitrep.Sentence, lw []string) bool {
	for _, o := range hits {
		if o.trig.violent || o.span.Start >= h.span.Start {
			continue
		}
		switch o.trig.class {
		case "condemn", "accuse", "threaten", "request", "intent":
			if h.i-o.n <= 8 && !boundaryBetween(lw, o.n, h.i) {
				return true
			}
		}
	}
	if allegation(lw, h.i) || planned(lw, h.i) || unfulfilled(lw, h.i) || yearNamed(s.Tokens, lw, h.i) || purpose(s.Tokens, lw, h.i) {
		return true
	}
	if speakerBackground(lw, h.i, h.n) {
		return true
	}
	if (h.trig.class == "capture" || h.trig.class == "transfer" || h.trig.class == "disrupt") && h.i > 1 && lw[h.i-1] == "to" && !achieved[lw[h.i-2]] {
		// "an attack to capture the positions was repelled": ground
		// sought, not taken; "while trying to defuse it": a bomb not
		// defused
		return true
	}
	for k := max(0, h.i-4); k < h.i; k++ {
		if h.trig.demo && continuing[lw[k]] && k+1 < len(lw) && possessives[lw[k+1]] {
			// "continued their sit-in": another day of a protest, which
			// ACLED codes as its own event
			continue
		}
		if lw[k] == "continued" && k+2 == h.i && lw[k+1] == "to" {
			// "continued to loot the shops": done again, not "the
			// continued fighting"
			continue
		}
		if genericWords[lw[k]] && !boundaryBetween(lw, k+1, h.i) && (!quantifiers[lw[k]] || h.i-k <= 2) {
			return true
		}
		// "agreed a ceasefire after the worst fighting in decades", "five
		// years after crowds burned down its embassy"
		if background[lw[k]] && (k+1 < h.i && lw[k+1] == "the" || k > 0 && durationUnits[lw[k-1]] && (k < 2 || lw[k-2] != "in")) {
			// ("the worst violence in weeks after protesters clashed"
			// tells the clash)
			return true
		}
	}
	// "fighting continued on many fronts", "the fighting went on" (a
	// shell that "went off" did go off)
	if h.n < len(lw) && ongoingWords[lw[h.n]] && (lw[h.n] != "went" || h.n+1 < len(lw) && lw[h.n+1] == "on") {
		return true
	}
	// "an attack on media freedom"
	if h.trig.class == "attack" && h.n < len(lw) && (lw[h.n] == "on" || lw[h.n] == "against") {
		for k := h.n + 1; k < len(lw) && k < h.n+4; k++ {
			if abstractTargets[lw[k]] {
				return true
			}
		}
	}
	return inQuote(lw, h.i)
}

// planWords before a trigger make it what someone planned, not what
// happened: "suspected of plotting to launch attacks", "planning attacks on
// the embassy".
var planWords = wordSet(`plotting plotted plot plots planning plan plans preparing conspiring conspired`)

// planned reports whether the trigger at token i is what a plan was for:
// a word of planning in the four words before, with no clause boundary
// between.
func planned(lw []string, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if planWords[lw[k]] && !boundaryBetween(lw, k+1, i) {
			return true
		}
	}
	return false
}

// unfulfilled reports whether the trigger at token i is what something
// was only meant to bring about: "the truce was supposed to allow the
// exchange of bodies", "talks meant to end the fighting".
func unfulfilled(lw []string, i int) bool {
	return i >= 2 && lw[i-1] == "to" && (lw[i-2] == "supposed" || lw[i-2] == "meant")
}

// purpose reports whether the trigger at token i is what people are
// readied for: "mobilizing its members for attacking the district".
func purpose(toks []sitrep.Token, lw []string, i int) bool {
	if i < 3 || lw[i-1] != "for" || toks[i].Tag != "VBG" {
		return false
	}
	for k := max(0, i-8); k < i-1; k++ {
		if readyWords[lw[k]] {
			return true
		}
	}
	return false
}

// readyWords ready people or arms for something to come.
var readyWords = wordSet(`mobilizing mobilising mobilized mobilised preparing prepared training trained gathering
	massing amassing recruiting recruited readying`)

// yearNamed reports whether the trigger at token i is named by its year
// inside a noun phrase: "a deadly 2017 chemical attack", "the March 2018
// attack", "the 1994 genocide", an event of the past that the report
// refers to, not one it tells.
func yearNamed(toks []sitrep.Token, lw []string, i int) bool {
	k := i - 1
	for k >= 0 && (strings.HasPrefix(toks[k].Tag, "NN") && !isYear(lw[k]) || toks[k].Tag == "JJ") && k >= i-3 {
		k-- // "chemical weapons", "deadly"
	}
	if k < 1 || !isYear(lw[k]) {
		return false
	}
	k--
	for k > 0 && (months[lw[k]] || toks[k].Tag == "JJ") {
		k--
	}
	t := toks[k].Tag
	return t == "DT" || t == "PRP$" || t == "POS"
}

// isYear reports whether a word is a year of the last two centuries.
func isYear(w string) bool {
	if len(w) != 4 || !(w[:2] == "19" || w[:2] == "20") {
		return false
	}
	return w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9'
}

// months may stand between a year and the article before it ("the March
// 2018 attack").
var months = wordSet(`january february march april may june july august september october november december`)

// destroyWords are the triggers of arms destroyed.
var destroyWords = wordSet(`destroyed destroy destroys destroying`)

// speakerBackground reports whether the trigger at [i, n) is inside a
// relative clause that tells who a speaker is ("Smith, who lost his son
// when a bomb went off, said ..."): background to what is said, not the
// sentence's event.
func speakerBackground(lw []string, i, n int) bool {
	open := -1
	for k := i - 1; k > 0 && k >= i-25; k-- {
		if lw[k] == "," || lw[k] == "." || lw[k] == ";" {
			break
		}
		if lw[k] == "who" && lw[k-1] == "," {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := n; k < len(lw) && k < n+25; k++ {
		switch lw[k] {
		case ".", ";", "who":
			return false
		case ",":
			// "said:" may come as one word
			return k+1 < len(lw) && speechVerbs[strings.TrimRight(lw[k+1], ":`'\"")]
		}
	}
	return false
}

// speechVerbs after a subject's closing comma make it a speaker.
var speechVerbs = wordSet(`said says told added recalled explained stated`)

// achieved before "to" + trigger say it happened: "managed to capture".
var achieved = wordSet(`managed able succeeded used decision allowed enabled`)

var (
	continuing  = wordSet(`continued continue continues continuing`)
	possessives = wordSet(`their its his her our`)
)

// allegationWords before "of", "with" or "for" make the trigger after them
// what someone is suspected or convicted of, not an event told: "a man
// suspected of kidnapping", "charged with murder", "wanted for killing".
var allegationWords = wordSet(`suspected accused convicted charged guilty wanted arrested jailed sentenced detained
	indicted acquitted tried innocent`)

var involvement = wordSet(`involvement involved complicity role part`)

// allegation reports whether the trigger at token i is the object of an
// allegation.
func allegation(lw []string, i int) bool {
	if i < 2 {
		return false
	}
	switch lw[i-1] {
	case "of", "with", "for":
		return allegationWords[lw[i-2]] || i > 2 && allegationWords[lw[i-3]] && (lw[i-2] == "the" || lw[i-2] == "a")
	case "in":
		// "its direct involvement in killing", "people involved in riots"
		return involvement[lw[i-2]]
	}
	// "arrested on charges related to organising an illegal protest",
	// "detained for organising the protest"
	for k := i - 1; k >= 2 && k >= i-5; k-- {
		if lw[k] == "," || lw[k] == "." || lw[k] == ";" || lw[k] == "and" {
			return false
		}
		if (lw[k] == "for" || lw[k] == "to" && lw[k-1] == "related") && (allegationWords[lw[k-1]] || lw[k-1] == "related" && (lw[k-2] == "charges" || lw[k-2] == "charge")) {
			return true
		}
	}
	return false
}

// abstractTargets after a trigger make it a figure of speech: "an attack on
// press freedom", "a war on corruption".
var abstractTargets = wordSet(`freedom freedoms rights democracy sovereignty constitution values dignity independence
	justice corruption poverty terrorism reputation credibility integrity privacy`)

// durationUnits before "after" or "since" put what follows in the past:
// "years after the war".
var durationUnits = wordSet(`years months weeks decades year month week decade`)

// holdWords are participles that tell who holds, owns or runs a thing
// ("a checkpoint manned by soldiers", "a village held by rebels"): the
// agent after them is the target's, not the perpetrator.
var holdWords = wordSet(`manned held controlled owned guarded occupied inhabited staffed`)

// background words before "the" + trigger make the violence the setting of
// what is told, not the news.
var background = wordSet(`after following since despite`)

// ongoingWords after a violent trigger make it a state of affairs rather
// than an incident.
var ongoingWords = map[string]bool{"continued": true, "continues": true, "continue": true, "raged": true, "rages": true, "persisted": true, "went": true}

// boundaryBetween reports whether tokens [i, j) cross into another clause:
// "warned ... after shells fell" tells two things.
func boundaryBetween(lw []string, i, j int) bool {
	for k := i; k < j; k++ {
		switch lw[k] {
		case "after", "when", "following", "because", "as", "while", ",", ";", ".", "before", "since":
			return true
		}
	}
	return false
}

// inQuote reports whether token i stands inside quotation marks.
func inQuote(lw []string, i int) bool {
	open := false
	for k := 0; k < i; k++ {
		if lw[k] == `"` || lw[k] == "``" || lw[k] == "''" {
			open = !open
		}
	}
	return open
}

// aggregateCues mark a figure as a total over a period rather than one
// incident (ACLED codes incidents; totals are kept apart).
var aggregateCues = []string{"so far", "in total", "a total", "total of", "death toll", "toll", "to date", "overall",
	"cumulative", "altogether", "since the start", "since the beginning", "since the outbreak", "since the fighting",
	"since the war", "in all", "until now", "up to now", "thus far"}

// aggregateCueWords are aggregateCues split into words, filed by the first.
var aggregateCueWords = func() map[string][][]string {
	m := map[string][][]string{}
	for _, c := range aggregateCues {
		w := strings.Fields(c)
		m[w[0]] = append(m[w[0]], w[1:])
	}
	return m
}()

func hasAggregateCue(lw []string, s *sitrep.Sentence, times []sitrep.Time) bool {
	if hasPhrase(lw, aggregateCues, aggregateCueWords) {
		return true
	}
	for _, t := range times {
		if t.Kind == "since" && s.Span.Contains(sitrep.Span{Start: t.Start, End: t.End}) {
			return true
		}
	}
	return false
}

// hasPhrase reports whether the words lw, joined by spaces, hold one of
// phrases as whole words; byFirst is phrases split into words and filed by
// the first. Words are matched in place unless one of them holds a space.
func hasPhrase(lw []string, phrases []string, byFirst map[string][][]string) bool {
	for _, w := range lw {
		if strings.IndexByte(w, ' ') >= 0 {
			joined := " " + strings.Join(lw, " ") + " "
			for _, p := range phrases {
				if strings.Contains(joined, " "+p+" ") {
					return true
				}
			}
			return false
		}
	}
	for i, w := range lw {
	rests:
		for _, rest := range byFirst[w] {
			if i+1+len(rest) > len(lw) {
				continue
			}
			for k, r := range rest {
				if lw[i+1+k] != r {
					continue rests
				}
			}
			return true
		}
	}
	return false
}

// partialCues mark a figure that adds to an incident's toll or counts one
// part of it ("one more person was killed in the suburbs").
var partialCues = map[string]bool{"another": true, "additional": true, "suburbs": true, "outskirts": true, "further": true}

// violent builds the candidate for the violence told in a clause: the most
// specific trigger, and the figures.
func (a *article) violent(hs []hit, figs []figure, s *sitrep.Sentence, si int, cl *claims.Clause, lw []string, griev []bool, words string, aggregate bool) *candidate {
	c := &candidate{sent: si, evidence: s.Span, figures: figs, scope: sitrep.ScopeIncident, words: words, hits: hs}
	if len(hs) > 0 {
		best := hs[0]
		for _, h := range hs[1:] {
			if h.trig.specificity > best.trig.specificity || h.trig.specificity == best.trig.specificity && isLabel(s, best) {
				best = h
			}
		}
		if best.trig.class == "disrupt" && destroyWords[strings.ToLower(best.word)] {
			// "warplanes destroyed an arms depot", "missiles destroyed
			// the artillery batteries": arms destroyed by a strike are
			// the strike's toll, and the strike the event
			for _, h := range hs {
				if h.trig.class == "air" || h.trig.class == "shelling" {
					best = h
					break
				}
			}
		}
		c.trig, c.span, c.word = best.trig, best.span, best.word
	} else {
		c.trig = triggers.phrases["killed"][0]
		c.span, c.word = figs[0].Span, a.in.Text[figs[0].Start:figs[0].End]
	}
	body := cl.Body
	if cl.Cue == "" || cl.Span.Start == s.Start && cl.CueSpan.Start > s.Start && body.Start >= c.span.End {
		body = cl.Span
	}
	c.deeds = deedWords(s, cl.Span, griev)
	c.clause = cl.Span
	c.passiveArmed = a.passiveArmed(s, lw, cl.Span, c.span)
	c.background = inBackground(s.Tokens, lw, tokenAt(s.Tokens, c.span.Start), c.figures)
	c.target = clauseWords(s, sitrep.Span{Start: c.span.End, End: min(cl.Span.End, c.span.End+80)})
	c.subject = clauseWords(s, sitrep.Span{Start: cl.Span.Start, End: c.span.Start})
	c.location = a.location(body, c.span)
	c.date = a.date(body, c.span)
	c.actor1 = a.perpetrator(body, c.span, s, cl)
	if c.actor1 == nil && cl.Claimant >= 0 && armed(&a.in.Actors[cl.Claimant]) && claimsOwnDeed(s.Tokens, lw, cl.CueSpan) {
		// "pro-Hadi forces claimed to have shot down a drone": the
		// claimant tells of a deed of its own
		x := a.resolved(cl.Claimant)
		c.claimedOwn = &x
	}
	c.actor2 = a.target(body, c.actor1)
	if _, y := a.between(tokenAfter(s.Tokens, c.span.End), s.Tokens, body); c.actor2 == nil && y != nil {
		c.actor2 = y
	}
	if c.actor2 == nil && !c.trig.demo {
		c.actor2 = a.armedTarget(body, c.span, c.actor1)
	}
	if c.actor2 == nil && !c.trig.demo {
		c.actor2 = a.victim(s, body, c.span, c.actor1)
	}
	if c.actor1 != nil && repelledTheirs(lw, tokenAfter(s.Tokens, c.span.End)) {
		// "nine militants were killed when troops repulsed their
		// attack": the attack was theirs
		if v := a.fallen(body, c.span, s); v != nil && !sameActor(v, c.actor1) {
			c.actor1, c.actor2 = v, c.actor1
		}
	}
	if c.actor1 == nil && (c.passiveArmed || c.trig.class == "clash") && c.actor2 != nil && armed(c.actor2) {
		// "two gang members were killed after exchanging fire with the
		// police": the side named against the fallen did the deed, also
		// when the fight names the event
		if v := a.fallen(body, c.span, s); v != nil && !sameActor(v, c.actor2) {
			c.actor1, c.actor2 = c.actor2, v
		}
	}
	if c.trig.demo {
		// how it went is often told in the next sentences: "Police
		// dispersed the group."
		for k := si + 1; k < len(a.in.Sentences) && k <= si+2 && a.in.Sentences[k].Paragraph == s.Paragraph; k++ {
			c.next += clauseWords(&a.in.Sentences[k], a.in.Sentences[k].Span)
			c.rioted = c.rioted || a.riotersIn(a.in.Sentences[k].Span)
		}
		// who demonstrates: the protesters or rioters named in the clause;
		// when forces named as acting on them ("police killed two
		// protesters"), they are the target
		if d := a.demonstrators(body); c.actor1 == nil {
			c.actor1 = d
		} else if c.actor2 == nil {
			c.actor2 = d
		}
	}
	for k := range lw {
		if partialCues[lw[k]] && cl.Span.Contains(s.Tokens[k].Span) && k+1 < len(lw) {
			c.partial = true
		}
	}
	if aggregate && len(figs) > 0 && (c.location == nil || c.trig.class == "kill") && !c.trig.demo {
		c.scope = sitrep.ScopeAggregate
	}
	if c.date != nil && a.history(c.date) {
		return nil // "a year ago", "in 2014": background, not news
	}
	update := false
	for _, f := range figs {
		update = update || f.update
	}
	if update && a.followsIncident(s) {
		// "the death toll rose to 13" right after the incident updates
		// its toll
		c.scope = sitrep.ScopeIncident
	} else if (len(hs) == 0 || c.trig.class == "kill") && c.location == nil && c.date == nil && !a.followsIncident(s) {
		// a toll with neither place nor time, and not right after an
		// incident it could belong to, is a total
		c.scope = sitrep.ScopeAggregate
	}
	if c.trig.class == "capture" && c.actor1 == nil && cl.Claimant >= 0 && !hasCue(lastWords(c.subject, 8), "armedgroup") {
		// "the president announced the liberation of X": the speaker's
		// state took it, unless the clause names rebels or militants as
		// who took it
		sp := a.in.Actors[cl.Claimant]
		if sp.Country != "" && (sp.Sector == "GOV" || sp.Sector == "MIL") {
			c.actor1 = a.forcesOf(sp.Country, sp.Text, sp.Start, sp.End)
		}
	}
	return c
}

// isLabel reports whether a hit is the label that heads a report
// ("Looting: On 29 April, regime forces looted ..."): a trigger among the
// sentence's first words with a colon right after it. The label names the
// deed; who did it to whom is told around the verb of the report, which
// takes the trigger's place for the roles when it tells as much.
func isLabel(s *sitrep.Sentence, h hit) bool {
	return h.i <= 3 && h.n < len(s.Tokens) && s.Tokens[h.n].Text == ":"
}

// settingWords open a phrase that gives the setting of a sentence's news:
// "after", "amid", "in retaliation for", "in the wake of".
var settingWords = wordSet(`after following amid amidst despite during retaliation response wake`)

// inBackground reports whether the trigger at token i lies in a phrase a
// setting word opens, within eight words, with no comma or verb of another
// clause between ("amid the lockdown staged a protest"), and no casualty
// figure of the report told before it ("six were killed after militants
// ambushed a patrol" is news).
func inBackground(toks []sitrep.Token, lw []string, i int, figs []figure) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		t := toks[k].Tag
		switch {
		case settingWords[lw[k]]:
			for _, f := range figs {
				if f.Start < toks[k].Start {
					return false
				}
			}
			return true
		case lw[k] == "," || lw[k] == ";" || lw[k] == "." || lw[k] == "and" || lw[k] == "but":
			return false
		case (t == "VBD" || t == "VBZ" || t == "VBP") && !grievanceInner[lw[k]]:
			return false
		}
	}
	return false
}

// futureWords before a verb make it what someone will do, not what was
// done; intentWords before "to" the same ("plans to visit").
var (
	futureWords = wordSet(`will would shall 'll may might`)
	intentWords = wordSet(`plans plan planned intends intend intended pledged promised vowed offered set going expected`)
)

// lightVerbs carry a noun trigger without telling more: "will hold talks",
// "plans to resume negotiations".
var lightVerbs = wordSet(`hold start begin resume open join attend conduct have`)

// intentCodes recode a statement of what an actor will do, following CAMEO:
// cooperation to come is an expression of intent (03, PLOVER AGREE), harm
// to come a threat (13, THREATEN).
var intentCodes = map[string]string{
	"SUPPORT": "032", "CONSULT": "036", "AID": "033", "COOPERATE": "031", "RETREAT": "035", "CONCEDE": "035",
	"SANCTION": "131", "REJECT": "131", "COERCE": "137", "MOBILIZE": "138",
}

// intended returns the trigger at token i recoded when a future modal or
// a word of intent comes right before it ("will visit", "would boycott",
// "plans to impose"); a negated one turns cooperation into a rejection
// ("will not accept"), and a condition ("unless") makes it a threat.
func intended(tr trigger, lw []string, i int) trigger {
	code, ok := intentCodes[tr.plover]
	if !ok {
		return tr
	}
	negated, modal := false, futureWords[lw[i]] // "would boycott" is one phrase
	for k := i - 1; k >= 0 && k >= i-4 && !modal; k-- {
		switch w := lw[k]; {
		case futureWords[w]:
			modal = true
		case w == "to" && k > 0 && intentWords[lw[k-1]]:
			modal = true
		case w == "not" || w == "n't" || w == "never":
			negated = true
		case w == "also" || w == "soon" || w == "again" || w == "be" || w == "now" || w == "still" || lightVerbs[w]:
			// "will soon hold talks"
		default:
			return tr
		}
	}
	if !modal {
		return tr
	}
	hostile := code[:2] == "13"
	for _, w := range lw[i:min(len(lw), i+40)] {
		if w == "unless" {
			// "will withdraw its force unless ...": a conditional threat
			hostile, code = true, "130"
		}
	}
	switch {
	case negated && !hostile:
		tr.cameo, tr.plover = "120", "REJECT"
	case negated:
	case hostile:
		tr.cameo, tr.plover = code, "THREATEN"
	default:
		tr.cameo, tr.plover = code, "AGREE"
	}
	// what is only to come is no event ACLED codes yet ("will hold
	// peace talks")
	tr.mode, tr.acledType, tr.acledSub = "", "", ""
	return tr
}

// passiveAux are the words that make the verb after them passive.
var passiveAux = wordSet(`was were been being is are get got`)

// passiveArmed reports whether the trigger at trig is a passive verb ("was
// shot", "were shot and killed", "was found dead") whose subject, in the
// clause, is armed: a mention of forces or an armed group, or an armed
// noun the actors stage does not name ("a police officer").
func (a *article) passiveArmed(s *sitrep.Sentence, lw []string, clause, trig sitrep.Span) bool {
	ti := tokenAt(s.Tokens, trig.Start)
	k := ti - 1
	for k >= 0 && (s.Tokens[k].Tag == "RB" || lw[k] == "shot" || lw[k] == "and" || lw[k] == "reportedly" || lw[k] == "allegedly") {
		k-- // "was reportedly shot and killed"
	}
	if k < 0 || !passiveAux[lw[k]] {
		return false
	}
	subj := sitrep.Span{Start: clause.Start, End: s.Tokens[k].Start}
	for i := len(a.in.Actors) - 1; i >= 0; i-- {
		act := &a.in.Actors[i]
		if act.End <= subj.End && act.Start >= subj.Start {
			return armedForce(act) && !armedCueQualified(a.in.Text[max(subj.Start, act.Start-20):act.End])
		}
	}
	w := strings.Fields(clauseWords(s, subj))
	return armedCue(" " + strings.Join(w[max(0, len(w)-6):], " ") + " ")
}

// armedCueQualified reports whether a mention's text is qualified out of
// the armed ranks ("a former soldier").
func armedCueQualified(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if unarmedBefore[w] {
			return true
		}
	}
	return false
}

// calledReturn reports whether the trigger at token i is what a return is
// called for or named as ("to return to talks", "and return to
// negotiations", "a return to the talks"): the uninflected "return" after
// "to", "and", "or" or an article, where a tagger often reads a noun. A
// report of a return that happened ("rebels returned to talks", "Rebels
// return to talks") is not one.
func calledReturn(lw []string, i int) bool {
	k := i - 1
	if k >= 0 && (lw[k] == "the" || lw[k] == "peace") {
		k-- // "return to the negotiations", "return to peace talks"
	}
	if k < 2 || lw[k] != "to" || lw[k-1] != "return" {
		return false
	}
	switch lw[k-2] {
	case "to", "and", "or", "a", "the":
		return true
	}
	return false
}

// verbal builds the candidate for a statement, appeal, consultation,
// threat, agreement or deployment.
func (a *article) verbal(h hit, s *sitrep.Sentence, si int, cl *claims.Clause, lw []string) *candidate {
	c := &candidate{trig: h.trig, span: h.span, word: h.word, sent: si, evidence: s.Span, scope: sitrep.ScopeIncident, hits: []hit{h}}
	c.background = inBackground(s.Tokens, lw, h.i, nil)
	if h.i < len(lw) {
		c.trig = intended(c.trig, lw, h.i)
	}
	if c.trig.acledType != "" && calledReturn(lw, h.i) {
		// "urged both parties to return to negotiations": talks called
		// for, not held, are no event ACLED codes
		c.trig.mode, c.trig.acledType, c.trig.acledSub = "", "", ""
	}
	body := cl.Body
	if cl.Cue == "" || h.span.Start < body.Start {
		body = cl.Span
	}
	speaker := func(x *sitrep.Actor) bool { return x.Kind != sitrep.KindCivilians }
	byAgent, agentEnd := false, 0
	if i := a.subject(body, h.span, s, speaker); i >= 0 {
		x := a.resolved(i)
		c.actor1 = &x
	} else if i := a.agentAfter(h.span, body); i >= 0 {
		// "a patrol by Russian forces took place": who did it
		x := a.resolved(i)
		c.actor1 = &x
		byAgent, agentEnd = true, a.in.Actors[i].End
	} else if cl.Claimant >= 0 {
		x := a.resolved(cl.Claimant)
		c.actor1 = &x
	}
	// the party acted on, the place and the date: in the trigger's own
	// phrase, up to the next comma
	stop := body.End
	if k := strings.IndexAny(a.in.Text[h.span.End:body.End], ",;"); k >= 0 {
		stop = h.span.End + k
	}
	phrase := sitrep.Span{Start: body.Start, End: stop}
	if k := strings.LastIndexAny(a.in.Text[body.Start:h.span.Start], ",;"); k >= 0 {
		phrase.Start = body.Start + k + 1
	}
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Start >= h.span.End && act.End <= stop && speaker(act) {
			if byAgent && act.Start >= agentEnd {
				if between := strings.TrimSpace(a.in.Text[agentEnd:act.Start]); between == "" || between == "and" || between == "," {
					// "a joint patrol by Turkish and Russian
					// forces": the agents, not whom they act on
					agentEnd = act.End
					continue
				}
			}
			if c.actor1 != nil && act.Start == c.actor1.Start && act.End == c.actor1.End {
				continue // the agent after "by"
			}
			if c.actor1 == nil || act.Country != c.actor1.Country || act.Sector != c.actor1.Sector {
				x := a.resolved(i)
				c.actor2 = &x
				break
			}
		}
	}
	c.location = a.location(phrase, h.span)
	c.date = a.date(phrase, h.span)
	return c
}

// agentAfter returns the actor that "by" right after a noun trigger names
// as its agent ("a patrol by Russian forces", "a statement by the
// ministry"), or -1.
func (a *article) agentAfter(trig, body sitrep.Span) int {
	rest := a.in.Text[trig.End:body.End]
	k := 0
	for k < len(rest) && rest[k] == ' ' {
		k++
	}
	if !strings.HasPrefix(rest[k:], "by ") {
		return -1
	}
	from := trig.End + k + 3
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Start >= from && act.Start <= from+4 && act.End <= body.End {
			return i
		}
	}
	return -1
}

// location picks the place of an event: in the clause, a town or region
// over a country, near the trigger, and never a place that names an actor
// ("Tehran warned") unless a preposition puts it there ("traders in
// Tbilisi"). A clause that names no place takes its sentence's.
func (a *article) location(body, trig sitrep.Span) *sitrep.Place {
	usable := func(p *sitrep.Place) bool {
		return p.Cue != "demonym" && p.Cue != "mission" && (p.Resolved() || p.Country != "") && !a.namesActor(p)
	}
	var best *sitrep.Place
	bestScore := 0
	pick := func(within sitrep.Span) {
		for i := range a.in.Places {
			p := &a.in.Places[i]
			if !within.Contains(sitrep.Span{Start: p.Start, End: p.End}) || !usable(p) {
				continue
			}
			if i > 0 && a.holdsTown(&a.in.Places[i-1], p) && within.Contains(sitrep.Span{Start: a.in.Places[i-1].Start, End: a.in.Places[i-1].End}) {
				// "in Campeche, Campeche": the division after the
				// town says where the town is
				continue
			}
			score := 1000
			switch {
			case a.landmark(p):
				score = 800 // "the Murree road in Rawalpindi"
			case !p.Resolved():
				score = 900 // a name whose country alone is known
			case p.Kind == sitrep.PlaceCity || p.Kind == sitrep.PlaceAdmin2 || p.Kind == sitrep.PlaceOther:
				score = 3000
			case p.Kind == sitrep.PlaceAdmin1 || p.Kind == sitrep.PlaceRegion:
				score = 2000
			}
			if a.origin(p) {
				score -= 1500 // "fighters who are from Deir-ez-Zor"
			}
			d := p.Start - trig.End
			if d < 0 {
				d = (trig.Start - p.End) * 2
			}
			score -= min(d, 999)
			if best == nil || score > bestScore {
				best, bestScore = p, score
			}
		}
	}
	pick(body)
	if best == nil {
		for _, s := range a.in.Sentences {
			if s.Span.Contains(trig) {
				pick(s.Span)
				break
			}
		}
	}
	if best == nil {
		return nil
	}
	if !best.Resolved() {
		// "near Kamyanka, Donetsk. ... explosions near Kamyanka": where the
		// gazetteer lacks a village, its container named beside it
		if c := a.containerOf(best); c != nil {
			best = c
		}
	}
	cp := *best
	return &cp
}

// originVerbs before "from" make the place after it where people come
// from, not where things happen: "whose fighters are from Deir-ez-Zor",
// "citizens who come from Lima".
var originVerbs = wordSet(`is are was were be been hail hails hailing come comes came originally`)

// origin reports whether place p is named as where people come from.
func (a *article) origin(p *sitrep.Place) bool {
	before := strings.Fields(strings.ToLower(a.in.Text[max(0, p.Start-40):p.Start]))
	n := len(before)
	return n >= 2 && before[n-1] == "from" && originVerbs[before[n-2]]
}

// holdsTown reports whether division d is named right after the town t
// it holds, as its container ("Campeche, Campeche", "Jundiai (Sao
// Paulo)").
func (a *article) holdsTown(t, d *sitrep.Place) bool {
	return t.Kind == sitrep.PlaceCity && t.Resolved() && (d.Kind == sitrep.PlaceAdmin2 || d.Kind == sitrep.PlaceAdmin1) && d.Country == t.Country && a.besideAfter(t, d)
}

// besideAfter reports whether c is named right after q, past a comma or an
// opening bracket, as its container ("Kamyanka, Donetsk", "Jundiai (Sao
// Paulo)").
func (a *article) besideAfter(q, c *sitrep.Place) bool {
	if q.End > c.Start {
		return false
	}
	between := strings.TrimSpace(a.in.Text[q.End:c.Start])
	return between == "," || between == "("
}

// landmarkWords name a road, square or bridge after a place ("the Murree
// road", "the Dhaka-Mymensingh highway", "the Saray square"), which is seldom
// where things happen when the clause names another place.
var landmarkWords = map[string]bool{
	"road": true, "roads": true, "highway": true, "motorway": true, "street": true, "avenue": true,
	"square": true, "roundabout": true, "bridge": true, "bypass": true, "stretch": true,
	"intersection": true, "crossroads": true,
}

// landmark reports whether a place names a road, square or bridge: one of
// landmarkWords follows it, or follows another name joined to it by a
// hyphen ("Dhaka-Mymensingh highway", "Nayrab - Tarnaba road").
func (a *article) landmark(p *sitrep.Place) bool {
	rest := strings.TrimLeft(a.in.Text[p.End:min(len(a.in.Text), p.End+60)], " ")
	if r, ok := strings.CutPrefix(rest, "-"); ok {
		// the other end of the road
		r = strings.TrimLeft(r, " ")
		for r != "" && r[0] >= 'A' && r[0] <= 'Z' {
			k := strings.IndexAny(r, " -,.;:()")
			if k < 0 {
				return false
			}
			r = strings.TrimLeft(r[k:], " ")
		}
		rest = r
	}
	end := strings.IndexAny(rest, " ,.;:()")
	if end < 0 {
		end = len(rest)
	}
	return landmarkWords[strings.ToLower(rest[:end])]
}

// containerOf returns the resolved place named right beside another mention
// of an unresolved place's name ("Kamyanka, Donetsk", "Bule (Djugu"), in
// its country, or nil.
func (a *article) containerOf(p *sitrep.Place) *sitrep.Place {
	ps := a.in.Places
	for i := 0; i+1 < len(ps); i++ {
		q, c := &ps[i], &ps[i+1]
		if q.Text != p.Text || !c.Resolved() || c.Cue == "demonym" || c.Cue == "mission" || p.Country != "" && c.Country != p.Country {
			continue
		}
		if a.besideAfter(q, c) {
			return c
		}
	}
	return nil
}

// articlePlace is where an incident happened whose own sentence names no
// place ("In Niteroi, police raided a slum. Two suspects were shot."): the
// most precise place the article names in the country it is about, the
// nearest to the incident's sentence among equals; else that country.
func (a *article) articlePlace(sent sitrep.Span) *sitrep.Place {
	focus := a.focusCountry()
	var best *sitrep.Place
	bestScore := 0
	for i := range a.in.Places {
		p := &a.in.Places[i]
		if p.Cue == "demonym" || p.Cue == "mission" || !p.Resolved() || p.Kind == sitrep.PlaceCountry || a.namesActor(p) || focus != nil && p.Country != focus.Country {
			continue
		}
		d := max(p.Start-sent.End, sent.Start-p.End, 0)
		score := rank(p)<<20 - min(d, 1<<20-1)
		if best == nil || score > bestScore {
			best, bestScore = p, score
		}
	}
	if best == nil {
		return focus
	}
	cp := *best
	return &cp
}

// namesActor reports whether a place names an actor ("Tehran warned",
// "the Syrian army") rather than where something happened: an actor's
// mention holds it whole and no preposition of place comes right before
// it.
func (a *article) namesActor(p *sitrep.Place) bool {
	if !a.isActor(sitrep.Span{Start: p.Start, End: p.End}) {
		return false
	}
	before := strings.ToLower(strings.TrimRight(a.in.Text[max(0, p.Start-8):p.Start], " "))
	for _, w := range []string{" in", " at", " near", " from"} {
		if strings.HasSuffix(before, w) {
			return false
		}
	}
	return true
}

func (a *article) isActor(sp sitrep.Span) bool {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Kind != sitrep.KindCivilians && (sitrep.Span{Start: act.Start, End: act.End}).Contains(sp) {
			// a place name longer than the actor's is a place ("Imam
			// Sahib district", where "Imam Sahib" was read as a person)
			return true
		}
	}
	return false
}

// date picks the time expression of a clause nearest the trigger that
// names a date.
func (a *article) date(body, trig sitrep.Span) *sitrep.Time {
	var best *sitrep.Time
	bestD := 1 << 30
	for i := range a.in.Times {
		t := &a.in.Times[i]
		if t.Value == nil || t.Kind == "duration" || t.Kind == "since" || !body.Contains(sitrep.Span{Start: t.Start, End: t.End}) {
			continue
		}
		// a day beats a month or a year ("On 30 April 2020, teachers who
		// passed the test in 2019 protested"); then the nearer
		d := abs(t.Start-trig.Start) - 10000*len(*t.Value)
		if d < bestD {
			best, bestD = t, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// perpetrator finds who carried out violence: "by X", a demonym before the
// trigger ("Armenian shelling"), or the armed actor named before it.
func (a *article) perpetrator(body, trig sitrep.Span, s *sitrep.Sentence, cl *claims.Clause) *sitrep.Actor {
	toks := s.Tokens
	ti := tokenAt(toks, trig.Start)
	te := tokenAfter(toks, trig.End)
	// "GNA air force targeted": the trigger inside the perpetrator's name
	if i := a.mentionAt(trig); i >= 0 && armed(&a.in.Actors[i]) {
		x := a.resolved(i)
		return &x
	}
	// "shelling by Armenian forces", "was beaten three times by prison
	// guards"
	for b := te; b < len(toks) && b < te+8 && b+1 < len(toks); b++ {
		w := strings.ToLower(toks[b].Text)
		if w == "," || w == ";" || w == "." || holdWords[w] {
			// "attacked a checkpoint manned by soldiers": who holds
			// what was hit, not who hit it
			break
		}
		if w != "by" {
			continue
		}
		for i := range a.in.Actors {
			act := &a.in.Actors[i]
			if act.Start >= toks[b+1].Start && act.Start <= toks[min(b+3, len(toks)-1)].Start && armed(act) {
				x := a.resolved(i)
				return &x
			}
		}
		break
	}
	// "clashes between pro-Hadi forces and pro-Houthi forces"
	if x, _ := a.between(te, toks, body); x != nil {
		return x
	}
	// "an Armenian night bombardment", "Saudi rocket and artillery fire"
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		if iso, ok := a.demonym(toks[k].Text); ok {
			// "Russian police fired": the mention the demonym opens
			if i := a.mentionAt(toks[k].Span); i >= 0 && armed(&a.in.Actors[i]) {
				x := a.resolved(i)
				return &x
			}
			return a.forcesOf(iso, toks[k].Text, toks[k].Start, toks[k].End)
		}
		if !strings.HasPrefix(toks[k].Tag, "JJ") && !strings.HasPrefix(toks[k].Tag, "NN") && toks[k].Tag != "DT" && !nounAnd(toks, k, ti) {
			break
		}
	}
	if i := a.subject(body, trig, s, armed); i >= 0 && i != cl.Claimant {
		x := a.resolved(i)
		return &x
	}
	// "military forces of Artsakh located at X fired on": the first armed
	// mention of the clause, when nothing but a modifier stands between
	// it and the trigger
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Start < body.Start || act.End > trig.Start {
			continue
		}
		if !armed(act) || i == cl.Claimant || subordinateBetween(toks, act.End, trig.Start) || a.otherActorBetween(i, trig.Start) || sufferer(toks, act.End) {
			// "two gang members were killed after exchanging fire with
			// the police": whom the deed befell, not who did it
			break
		}
		x := a.resolved(i)
		return &x
	}
	// "Egyptian forces conducted a raid ..., killing two after an
	// exchange of fire": a noun trigger in a trailing phrase, not the
	// subject of a clause of its own ("after shells fell"), is the deed of
	// the sentence's subject, when that subject is a fighting force
	if ti >= 0 && ti < len(toks) && strings.HasPrefix(toks[ti].Tag, "NN") && !verbNext(toks, trig.End, len(a.in.Text)) {
		for i := range a.in.Actors {
			act := &a.in.Actors[i]
			if act.End <= s.Start || act.Start < s.Start {
				continue
			}
			if act.End > trig.Start {
				break
			}
			if i != cl.Claimant && armed(act) && act.Sector != "GOV" && verbNext(toks, act.End, trig.Start) && !sufferer(toks, act.End) {
				x := a.resolved(i)
				return &x
			}
			break // only the sentence's first mention
		}
	}
	return nil
}

// otherActorBetween reports whether another actor is named between mention
// i and offset end, which would be the subject instead.
func (a *article) otherActorBetween(i, end int) bool {
	for j := i + 1; j < len(a.in.Actors); j++ {
		if act := &a.in.Actors[j]; act.Start >= a.in.Actors[i].End && act.End <= end {
			return true
		}
	}
	return false
}

// riotersIn reports whether a mention of rioters, a group the actors stage
// found burning, looting or throwing stones, lies in span.
func (a *article) riotersIn(span sitrep.Span) bool {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Inter == 5 && act.Sector == "OPP" && span.Contains(sitrep.Span{Start: act.Start, End: act.End}) {
			return true
		}
	}
	return false
}

// demonstrators returns the first mention of protesters or rioters in a
// clause, or nil.
func (a *article) demonstrators(body sitrep.Span) *sitrep.Actor {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if body.Contains(sitrep.Span{Start: act.Start, End: act.End}) && (act.Inter == 5 || act.Inter == 6) {
			x := a.resolved(i)
			return &x
		}
	}
	return nil
}

// between reads "between X and Y" right after a trigger and returns the two
// armed actors, or nils.
func (a *article) between(te int, toks []sitrep.Token, body sitrep.Span) (*sitrep.Actor, *sitrep.Actor) {
	for b := te; b < len(toks) && b < te+3; b++ {
		if !strings.EqualFold(toks[b].Text, "between") {
			continue
		}
		var found []*sitrep.Actor
		for i := range a.in.Actors {
			act := &a.in.Actors[i]
			if act.Start >= toks[b].End && act.End <= body.End && armed(act) {
				x := a.resolved(i)
				found = append(found, &x)
				if len(found) == 2 {
					return found[0], found[1]
				}
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
	}
	return nil, nil
}

// mentionAt returns the index of the actor mention that covers span, or -1.
func (a *article) mentionAt(sp sitrep.Span) int {
	for i := range a.in.Actors {
		if act := &a.in.Actors[i]; act.Start <= sp.Start && sp.End <= act.End {
			return i
		}
	}
	return -1
}

// subject returns the index of the actor that is the subject of the
// trigger: the last mention before it in the clause that a verb follows
// ("its army had bombed", "Iran ... deployed"), or that the trigger follows
// directly; of coordinated states ("Azerbaijan and Armenia exchanged"), the
// first. -1 if none.
func (a *article) subject(body, trig sitrep.Span, s *sitrep.Sentence, ok func(*sitrep.Actor) bool) int {
	best := -1
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Start < body.Start || act.End > trig.Start || !ok(act) {
			continue
		}
		if !verbNext(s.Tokens, act.End, trig.Start) || subordinateBetween(s.Tokens, act.End, trig.Start) || sufferer(s.Tokens, act.End) {
			continue
		}
		best = i
	}
	if best > 0 {
		prev := &a.in.Actors[best-1]
		if prev.Start >= body.Start && between(a.in.Text, prev.End, a.in.Actors[best].Start) == "and" && ok(prev) {
			best--
		}
	}
	return best
}

// nounAnd reports whether token k is an "and" between nouns of the noun
// phrase the trigger at ti heads ("rocket and artillery shelling").
func nounAnd(toks []sitrep.Token, k, ti int) bool {
	return toks[k].Text == "and" && k > 0 && strings.HasPrefix(toks[k-1].Tag, "NN") && strings.HasPrefix(toks[ti].Tag, "NN")
}

// repelledTheirs reports whether the trigger ending before token k is a
// verb of fending off followed by "their attack(s)": the attack is of the
// ones "their" stands for.
func repelledTheirs(lw []string, k int) bool {
	return k > 0 && k+1 < len(lw) && repelWords[lw[k-1]] && lw[k] == "their" && (lw[k+1] == "attack" || lw[k+1] == "attacks" || lw[k+1] == "assault" || lw[k+1] == "assaults" || lw[k+1] == "incursion" || lw[k+1] == "incursions")
}

var repelWords = wordSet(`repulsed repelled thwarted foiled repulse repel thwart foil`)

// claimsOwnDeed reports whether the reporting cue at cue is followed by
// "to have" ("claimed to have killed"): its subject tells of its own deed.
func claimsOwnDeed(toks []sitrep.Token, lw []string, cue sitrep.Span) bool {
	k := tokenAfter(toks, cue.End)
	return k+1 < len(lw) && lw[k] == "to" && lw[k+1] == "have"
}

// fallen returns the armed mention of the clause before the trigger that
// is the subject of a verb of dying or being hurt ("two gang members were
// killed"), or nil.
func (a *article) fallen(body, trig sitrep.Span, s *sitrep.Sentence) *sitrep.Actor {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Start < body.Start || act.End > trig.Start || !armed(act) || !sufferer(s.Tokens, act.End) {
			continue
		}
		x := a.resolved(i)
		return &x
	}
	return nil
}

// sufferer reports whether the mention ending at off is the subject of a
// verb of dying or being hurt ("two soldiers died", "civilians were
// wounded"): a victim, not who acted.
func sufferer(toks []sitrep.Token, off int) bool {
	k := tokenAfter(toks, off)
	passive := false
	for n := 0; k < len(toks) && n < 4; k, n = k+1, n+1 {
		w := strings.ToLower(toks[k].Text)
		switch {
		case w == "died" || w == "dies" || w == "die" || w == "perished" || w == "dead":
			return true
		case killWords[w] || injureWords[w] || passiveHarm[w]:
			return passive // "police killed" acts; "soldiers were killed" suffers
		case w == "found" && passive && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "dead"):
			return true // "a soldier was found dead"
		case w == "were" || w == "was" || w == "been" || w == "being" || w == "are" || w == "is":
			passive = true
		case w == "have" || w == "has" || w == "had" || toks[k].Tag == "RB":
		default:
			return false
		}
	}
	return false
}

// passiveHarm are verbs of harm whose passive subject suffers it, like
// killWords and injureWords: "two officers were shot".
var passiveHarm = wordSet(`shot stabbed beaten attacked ambushed abducted kidnapped`)

// subordinateBetween reports whether a subordinate clause starts between
// offsets i and j: "Tehran warned ... after shells fell" does not make
// Tehran the shells' subject.
func subordinateBetween(toks []sitrep.Token, i, j int) bool {
	for _, t := range toks {
		if t.Start < i || t.End > j {
			continue
		}
		switch strings.ToLower(t.Text) {
		case "after", "when", "following", "because", "as", "while", "before", "since", "that", "which", "who", "whom", "where":
			return true
		}
	}
	return false
}

func between(text string, i, j int) string {
	if i > j || j > len(text) {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(text[i:j]))
}

// verbNext reports whether a verb follows offset off, skipping adverbs and
// auxiliaries, or the trigger at trig comes right after it.
func verbNext(toks []sitrep.Token, off, trig int) bool {
	k := tokenAfter(toks, off)
	for n := 0; k < len(toks) && n < 4; k, n = k+1, n+1 {
		t := toks[k]
		if t.Start >= trig && n == 0 {
			return true
		}
		switch {
		case strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD":
			return true
		case t.Tag == "RB" || timeWords[strings.ToLower(t.Text)]:
			// "The United States on Thursday fired"
			n--
			continue
		}
		return false
	}
	return false
}

// timeWords may stand between a subject and its verb.
var timeWords = wordSet(`on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
	earlier later also reportedly allegedly last night overnight again`)

// armed reports whether an actor can carry out violence: states and their
// forces, armed groups, rioters.
func armed(a *sitrep.Actor) bool {
	switch a.Sector {
	case "MIL", "POL", "REB", "MIL_NONSTATE":
		return true
	case "GOV":
		return a.Kind == sitrep.KindState
	}
	return a.Inter == 5 || a.Kind == sitrep.KindArmedGroup
}

func (a *article) demonym(w string) (string, bool) {
	if a.in.Demonym == nil || w == "" || w[0] < 'A' || w[0] > 'Z' {
		return "", false
	}
	// "Saudi-led coalition", "Russian-backed forces"
	for _, suf := range []string{"-led", "-backed", "-supported"} {
		if stem, ok := strings.CutSuffix(w, suf); ok {
			w = stem
		}
	}
	return a.in.Demonym(w)
}

// forcesOf returns the military forces of a country as an actor, for
// violence told without naming who ("Armenian shelling").
func (a *article) forcesOf(iso, text string, start, end int) *sitrep.Actor {
	act := &sitrep.Actor{Text: text, Start: start, End: end, Kind: sitrep.KindState, Country: iso, Sector: "MIL", Inter: 1, Cameo: iso + "MIL", Ref: -1}
	if a.in.CountryName != nil {
		act.Name = "Military Forces of " + a.in.CountryName(iso)
		act.ACLEDName = act.Name
	}
	return act
}

// target finds who violence hit: civilians named in the clause, else an
// actor after the trigger.
func (a *article) target(body sitrep.Span, actor1 *sitrep.Actor) *sitrep.Actor {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if body.Contains(sitrep.Span{Start: act.Start, End: act.End}) && act.Kind == sitrep.KindCivilians {
			x := a.resolved(i)
			return &x
		}
	}
	return nil
}

// armedTarget returns the armed actor named after a trigger in its clause
// ("clashed with Ambazonian separatists", "attacked an army post"), other
// than the perpetrator, or nil.
func (a *article) armedTarget(body, trig sitrep.Span, actor1 *sitrep.Actor) *sitrep.Actor {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Start < trig.End || act.End > body.End || !armed(act) {
			continue
		}
		if actor1 != nil && act.Start == actor1.Start && act.End == actor1.End {
			continue
		}
		x := a.resolved(i)
		return &x
	}
	return nil
}

// victim returns the mention before a trigger in its clause that suffers
// it ("a soldier was shot by militants", "two policemen were killed"),
// other than the perpetrator, or nil.
func (a *article) victim(s *sitrep.Sentence, body, trig sitrep.Span, actor1 *sitrep.Actor) *sitrep.Actor {
	for i := range a.in.Actors {
		act := &a.in.Actors[i]
		if act.Start < body.Start || act.End > trig.Start {
			continue
		}
		if actor1 != nil && act.Start == actor1.Start && act.End == actor1.End {
			continue
		}
		if sufferer(s.Tokens, act.End) {
			x := a.resolved(i)
			return &x
		}
	}
	return nil
}

// reconcile returns the figure of killed (or injured) from a set of
// figures: exact figures over vague ones, and of those the lowest, as ACLED
// does when reports differ; the range keeps the highest.
func reconcile(figs []figure, killed bool) *sitrep.Count {
	var pick []figure
	exact := false
	for _, f := range figs {
		if f.killed == killed {
			pick = append(pick, f)
			exact = exact || !f.vague
		}
	}
	// the latest update of a toll replaces what came before it
	for i := len(pick) - 1; i >= 0; i-- {
		if pick[i].update {
			return combine([]*sitrep.Count{pick[i].count})
		}
	}
	var counts []*sitrep.Count
	for _, f := range pick {
		if exact && f.vague {
			continue
		}
		counts = append(counts, f.count)
	}
	return combine(counts)
}

// combine merges counts conservatively: low and best are the lowest given,
// high the highest known.
func combine(counts []*sitrep.Count) *sitrep.Count {
	if len(counts) == 0 {
		return nil
	}
	low, best, high := -1, -1, -1
	openEnded := false
	for _, c := range counts {
		if c == nil {
			continue
		}
		if c.Low != nil && (low < 0 || *c.Low < low) {
			low = *c.Low
		}
		if c.Best != nil && (best < 0 || *c.Best < best) {
			best = *c.Best
		}
		switch {
		case c.High == nil:
			openEnded = true
		case *c.High > high:
			high = *c.High
		}
	}
	if openEnded {
		high = -1
	}
	if low < 0 && best < 0 && high < 0 && !openEnded {
		return nil
	}
	if best >= 0 && low > best {
		low = best
	}
	return sitrep.NewCount(low, best, high)
}

// finish orders the events by salience and fills their ids and codes.
func (a *article) finish(evs []*event) []sitrep.Event {
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].salience() > evs[j].salience() })
	out := make([]sitrep.Event, 0, len(evs))
	for i, e := range evs {
		ev := e.build(a)
		ev.ID = fmt.Sprintf("e%d", i+1)
		out = append(out, ev)
	}
	return out
}
