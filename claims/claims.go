// Package claims is the attribution stage: it splits each sentence into the
// clauses that someone asserts, denies or hedges, and names who. The events
// stage hangs each event it finds in a clause on that clause's claim.
package claims

import (
	"bufio"
	_ "embed"
	"strings"

	"github.com/sitrep-project/sitrep"
)

//go:embed cues.tsv
var cuesTSV string

type cue struct {
	stance string
	after  bool // the claimant follows the cue
	words  int
}

var cues, cueLen = loadCues(cuesTSV)

// cueFirst holds the first word of every cue, to skip the other tokens
// without building phrases.
var cueFirst = func() map[string]bool {
	m := map[string]bool{}
	for k := range cues {
		m[strings.Fields(k)[0]] = true
	}
	return m
}()

func loadCues(data string) (map[string]cue, int) {
	m := map[string]cue{}
	longest := 1
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic("claims: bad line in cues.tsv: " + line)
		}
		n := len(strings.Fields(f[0]))
		m[f[0]] = cue{stance: f[1], after: f[2] == "after", words: n}
		longest = max(longest, n)
	}
	return m, longest
}

// Clause is a stretch of a sentence with the claim that covers it: the
// words from a reporting cue to the next one. Events found in a clause are
// claimed by its claimant with its stance.
type Clause struct {
	sitrep.Span
	// Claimant is the index in the article's actors of who makes the
	// claim, -1 for the outlet itself.
	Claimant int
	Stance   string
	Cue      string
	CueSpan  sitrep.Span
	// Anaphoric is set when the clause's object is a pronoun ("denied
	// this", "rejected the claims"): the claim is about an event already
	// told, not one in the clause.
	Anaphoric bool
	// Continues is set when the cue carries on the sentence's previous
	// claimant ("..., adding that").
	Continues bool
	// Body is the part of the clause after its cue: what is claimed.
	Body sitrep.Span
}

// Split returns the clauses of a sentence in order. actors are all actor
// mentions of the article, in text order. A sentence without a reporting
// cue is one clause that the outlet itself asserts.
func Split(s *sitrep.Sentence, actors []sitrep.Actor) []Clause {
	return SplitLower(s, s.LowerWords(nil), actors)
}

// SplitLower is Split given the sentence's lower-case words
// (s.LowerWords), which the stages that read a sentence make once.
func SplitLower(s *sitrep.Sentence, lw []string, actors []sitrep.Actor) []Clause {
	toks := s.Tokens
	type found struct {
		i, n int
		c    cue
	}
	var room [4]found // most sentences have a cue or two
	fs := room[:0]
	quoted := false
	for i := 0; i < len(toks); i++ {
		if isQuote(lw[i]) {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c, n, ok := cueAt(lw, i); ok && isCueUse(lw, i, n) && (c.after || verbTag(toks[i].Tag)) && (c.stance != sitrep.Hedges || hedgeUse(lw, n)) {
			fs = append(fs, found{i, n, c})
			i = n - 1
		}
	}
	if len(fs) == 0 {
		return []Clause{{Span: s.Span, Body: s.Span, Claimant: -1, Stance: sitrep.Asserts}}
	}
	out := make([]Clause, 0, len(fs))
	prevEnd := s.Start
	for k, f := range fs {
		end := s.End
		if k+1 < len(fs) {
			end = toks[fs[k+1].i].Start
		}
		cl := Clause{
			Span:      sitrep.Span{Start: toks[f.i].Start, End: end},
			Body:      sitrep.Span{Start: toks[f.n-1].End, End: end},
			Claimant:  -1,
			Stance:    f.c.stance,
			Cue:       joinWords(toks[f.i:f.n]),
			CueSpan:   sitrep.Span{Start: toks[f.i].Start, End: toks[f.n-1].End},
			Anaphoric: anaphoric(lw, f.n),
		}
		if f.c.after || f.n < len(lw) && lw[f.n] == "by" {
			// "according to X, ...", "..., as reported by X": the claim
			// covers the whole sentence
			cl.Claimant = firstActor(actors, cl.CueSpan.End, end)
			cl.Span.Start, cl.Body.Start = prevEnd, prevEnd
			if k == 0 {
				cl.Span.End, cl.Body.End = s.End, s.End
				if len(fs) > 1 {
					cl.Span.End, cl.Body.End = end, end
				}
			}
		} else {
			switch {
			case k > 0 && f.i > 0 && conjunction[lw[f.i-1]]:
				// "..., adding that", "but estimated that": the
				// sentence's subject goes on speaking
				cl.Claimant, cl.Continues = out[0].Claimant, true
			case k == 0:
				// the speaker stands right before the cue ("..., activists
				// said"), or is the sentence's subject, which comes first
				// ("X, spokesman for Y, said")
				cl.Claimant = lastActor(actors, s.Start, cl.CueSpan.Start)
				if cl.Claimant < 0 || !adjacent(toks, actors[cl.Claimant].End, f.i) {
					cl.Claimant = firstActor(actors, s.Start, cl.CueSpan.Start)
				}
			default:
				cl.Claimant = lastActor(actors, prevEnd, cl.CueSpan.Start)
			}
			if cl.Claimant >= 0 && !cl.Continues && actors[cl.Claimant].Start >= prevEnd {
				cl.Span.Start = min(cl.Span.Start, actors[cl.Claimant].Start)
			}
			if k == 0 {
				cl.Span.Start = s.Start
			}
			if cl.Claimant < 0 && k > 0 {
				cl.Claimant, cl.Continues = out[0].Claimant, true
			}
		}
		out = append(out, cl)
		prevEnd = toks[f.n-1].End
		// the clause before ends where this one's claimant starts
		if k > 0 && out[k-1].End > cl.Span.Start {
			out[k-1].End, out[k-1].Body.End = cl.Span.Start, max(out[k-1].Body.Start, cl.Span.Start)
		}
	}
	return out
}

// adjacent reports whether only adverbs and auxiliaries stand between
// offset end and token i.
func adjacent(toks []sitrep.Token, end, i int) bool {
	for k := i - 1; k >= 0 && toks[k].Start >= end; k-- {
		switch t := toks[k]; {
		case t.Tag == "RB" || t.Tag == "MD":
		case strings.HasPrefix(t.Tag, "VB") && auxiliary[strings.ToLower(t.Text)]:
		default:
			return false
		}
	}
	return true
}

var auxiliary = map[string]bool{"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true, "did": true, "does": true, "do": true}

// conjunction are the words before a cue that carry on the sentence's
// speaker.
var conjunction = map[string]bool{",": true, "but": true, "and": true, "while": true, "also": true, "further": true}

// hedgeUse reports whether a hedging verb ("claimed", "alleged",
// "estimated") introduces what it hedges, rather than qualifying a noun
// ("alleged militants").
func hedgeUse(lw []string, n int) bool {
	if n >= len(lw) {
		return true
	}
	switch lw[n] {
	case "that", "the", "a", "an", "it", "he", "she", "they", "this", "to", ",", ".", "there":
		return true
	}
	return false
}

// verbTag reports whether a part-of-speech tag is a verb's: "reports" the
// noun ("unconfirmed reports said") is no cue.
func verbTag(tag string) bool { return strings.HasPrefix(tag, "VB") }

func isQuote(w string) bool { return w == `"` || w == "``" || w == "''" }

// joinWords returns the tokens' texts joined by spaces.
func joinWords(toks []sitrep.Token) string {
	size := len(toks) - 1
	for _, t := range toks {
		size += len(t.Text)
	}
	var b strings.Builder
	b.Grow(size)
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func cueAt(lw []string, i int) (cue, int, bool) {
	if !cueFirst[lw[i]] {
		return cue{}, i, false
	}
	var buf [64]byte
	for n := min(len(lw), i+cueLen); n > i; n-- {
		key := buf[:0]
		for k := i; k < n; k++ {
			if k > i {
				key = append(key, ' ')
			}
			key = append(key, lw[k]...)
		}
		if c, ok := cues[string(key)]; ok {
			return c, n, true
		}
	}
	return cue{}, i, false
}

// isCueUse reports whether the cue word at i is used as a reporting verb:
// not an adjective ("the disputed territory") nor a passive participle
// with an agent elsewhere ("was estimated at").
func isCueUse(lw []string, i, n int) bool {
	if i > 0 {
		switch lw[i-1] {
		case "the", "a", "an", "its", "their", "his", "her", "this", "these",
			"against", "of", "for", "with", "by", "on", "at", "from", "into", "two", "three", "several":
			// "against alleged militants": an adjective
			return false
		case "was", "were", "is", "are", "been", "be":
			// "was reported" has no claimant of its own; "were estimated"
			// hedges only with "to"/"at" after it, which is a figure
			return lw[i] == "reported" || lw[i] == "believed" || lw[i] == "estimated"
		}
	}
	if n < len(lw) && (lw[i] == "estimated" || lw[i] == "claimed") && lw[n] == "at" {
		return false // "losses estimated at $2 billion" qualifies a figure
	}
	return true
}

// anaphoric reports whether the cue's object is a pronoun or a noun that
// refers back ("denied this", "denied the reports", "rejected these
// claims").
func anaphoric(lw []string, n int) bool {
	if n >= len(lw) {
		return true
	}
	switch lw[n] {
	case "this", "it", "them", "so":
		return n+1 >= len(lw) || lw[n+1] != "that"
	case "the", "these", "those", "such":
		if n+1 < len(lw) {
			switch lw[n+1] {
			case "report", "reports", "claim", "claims", "accusation", "accusations", "allegation", "allegations", "news", "charge", "charges":
				return true
			}
		}
	case ".", ",", "and", "but":
		return true
	}
	return false
}

// lastActor returns the index of the last actor mention in [from, to) that
// can make a claim, preferring a whole mention to one nested in it; -1 if
// there is none.
func lastActor(actors []sitrep.Actor, from, to int) int {
	best := -1
	for i := range actors {
		a := &actors[i]
		if a.Start < from || a.End > to || !canClaim(a) && to-a.End > 1 {
			continue
		}
		if best >= 0 && actors[best].Start <= a.Start && a.End <= actors[best].End {
			continue
		}
		best = i
	}
	return best
}

// firstActor returns the index of the first actor mention in [from, to)
// that can make a claim, or -1.
func firstActor(actors []sitrep.Actor, from, to int) int {
	for i := range actors {
		if a := &actors[i]; a.Start >= from && a.End <= to && canClaim(a) {
			return i
		}
	}
	return -1
}

// canClaim reports whether a mention can make a claim wherever it stands:
// civilians are mostly told about, so they speak only as the subject right
// before a cue ("residents said").
func canClaim(a *sitrep.Actor) bool {
	return a.Kind != sitrep.KindCivilians
}
