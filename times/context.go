package times

// This file reads what the text around an expression says about it: whether
// its clause looks ahead, and which earlier date it may count from.

// future reports whether the clause around token i looks ahead: "will",
// "scheduled", "plans to", "expected to", "is to" before it, "by" right
// before it ("by February"), or "will" or "plans to" after it when nothing
// else decides ("On Tuesday, the league plans to..."). A reporting verb ends
// the search: "said Friday" is the day of the saying.
func (p *parser) future(i int) bool {
	switch {
	case p.tense > 0:
		return true
	case p.tense < 0:
		return false
	case p.k(i-1) == "by":
		return true
	}
	sent := p.toks[i].sent
	for j := i - 1; j >= 0 && j >= i-14 && p.toks[j].sent == sent; j-- {
		switch p.cue(j) {
		case cueFuture, cueWill:
			return true
		case cueReport:
			return false
		}
	}
	for j := i + 1; j < len(p.toks) && j <= i+8 && p.toks[j].sent == sent; j++ {
		switch p.cue(j) {
		case cueWill:
			return true
		case cueReport:
			return false
		}
		if p.k(j) == "that" {
			return false
		}
	}
	return false
}

// Cues to the time a clause speaks of.
const (
	cueNone   = iota
	cueFuture // looks ahead when it comes before the time
	cueWill   // looks ahead before or after the time
	cueReport // a reporting verb
)

// cue classifies token j as a sign of the future, a reporting verb, or
// neither.
func (p *parser) cue(j int) int {
	k := p.k(j)
	next := p.k(j + 1)
	switch k {
	case "will", "shall":
		return cueWill
	case "scheduled", "upcoming", "postponed":
		return cueFuture
	case "plan", "plans", "intends", "hopes":
		if next == "to" {
			return cueWill
		}
	case "planned", "planning", "expected", "expects", "set":
		if next == "to" || next == "for" {
			return cueFuture
		}
	case "due":
		if p.in(j-1, beVerbs) {
			return cueFuture
		}
	case "to":
		if p.in(j-1, beVerbs) && p.word(j+1) && !p.toks[j+1].upper {
			return cueFuture // "is to resume"
		}
	case "soon", "early":
		if p.k(j-1) == "as" && next == "as" {
			return cueFuture
		}
	case "said", "says", "say", "told", "announced", "reported", "stated", "added",
		"confirmed", "claimed", "denied", "declared":
		return cueReport
	}
	if n := len(k); n > 3 && k[n-3:] == "'ll" || n > 5 && k[n-5:] == "\u2019ll" {
		return cueWill
	}
	return cueNone
}

var beVerbs = set("is", "are", "be")

// sentRef returns the anchor for an anaphoric expression at token i: the
// last resolved date of the same sentence, else the publication day.
func (p *parser) sentRef(i int) (interval, bool) {
	if p.ref.ok && p.ref.sent == p.toks[i].sent {
		return p.ref.iv, true
	}
	if p.hasPub {
		return dayIv(p.pub), true
	}
	return interval{}, false
}

// docRef returns the last resolved date of the text, else the publication
// day.
func (p *parser) docRef() (interval, bool) {
	if p.ref.ok {
		return p.ref.iv, true
	}
	if p.hasPub {
		return dayIv(p.pub), true
	}
	return interval{}, false
}
