package times

import (
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text/wordfilter"
)

// parser scans the tokens of one text and collects its expressions.
type parser struct {
	text         string
	low          string // text with ASCII letters in lower case
	toks         []token
	pub          time.Time
	pubDay       day
	hasPub       bool
	out          []sitrep.Time
	unresolved   int
	ref          anchor // the last date resolved
	refQ         anchor // the last financial quarter resolved
	quarterNamed bool   // a quarter was named, resolved or not
	tense        int    // 1: resolve as if the clause looked ahead (a range's end); -1: back ("since")
}

// anchor is an earlier expression that anaphoric ones count from.
type anchor struct {
	iv   interval
	sent int32
	ok   bool
}

// result is one matched expression, tokens [start, end). It is small and
// free of pointers: matchers return it by value, many times per token.
type result struct {
	start, end int
	iv         interval
	kind       kind
	state      state
	quarter    bool // a financial quarter, which "the quarter" may refer to
}

// state says how far a result is resolved.
type state uint8

const (
	stUnresolved state = iota // no value: a bare duration, "several years ago"
	stNeedsPub                // relative, and the publication date is missing
	stResolved                // iv holds the value
	stOpen                    // a "since" whose start is not a date; iv is publication
)

func (r *result) resolved() bool { return r.state >= stResolved }

func newParser(text string, published *time.Time) *parser {
	p := &parser{text: text, low: asciiLower(text)}
	p.toks = tokenize(text, p.low, lexicon(), lexiconFilter())
	if published != nil {
		p.pub, p.hasPub = dayOf(*published), true
		p.pubDay = toDay(p.pub)
	}
	return p
}

// matcher tries to read one kind of expression starting at token i.
type matcher func(p *parser, i int) (result, bool)

// matchers are tried at every token; the longest match wins, the first among
// equals.
var matchers = []matcher{
	(*parser).since,
	(*parser).soFar,
	(*parser).between,
	(*parser).pastN,
	(*parser).ago,
	(*parser).modified,
	(*parser).core,
	(*parser).weekOf,
	(*parser).duration,
}

func (p *parser) run() {
	for i := 0; i < len(p.toks); {
		if !p.startable(i) {
			i++
			continue
		}
		var best result
		found := false
		for _, m := range matchers {
			if r, ok := m(p, i); ok && (!found || r.end > best.end) {
				best, found = r, true
			}
		}
		if !found {
			i++
			continue
		}
		p.emit(best)
		i = best.end
	}
}

// startable rules out, cheaply, tokens no expression starts with.
func (p *parser) startable(i int) bool {
	t := &p.toks[i]
	key := p.low[t.start:t.keyEnd]
	c := key[0]
	if e := t.e; e != nil && (e.month > 0 || e.weekday > 0 || e.number > 0 || e.ordinal > 0 || e.season > 0 || e.decade > 0 || len(e.holidays) > 0) {
		return true
	}
	return isDigit(c) || c == '\'' || startFilter.May(key) && startWords[key]
}

// startWords are the grammar words an expression may start with.
var startWords = set("the", "this", "last", "next", "past", "previous", "preceding", "prior",
	"coming", "following", "current", "latest", "most", "same", "that", "its",
	"since", "so", "thus", "to", "until", "till", "up", "between", "from",
	"today", "tonight", "yesterday", "tomorrow", "now", "right", "currently", "presently",
	"nowadays", "these", "at", "early", "late", "mid", "earlier", "later", "end",
	"a", "an", "several", "few", "many", "some", "couple", "fiscal", "year", "q1", "q2", "q3", "q4",
	"recent", "over", "for", "about", "almost", "nearly", "around", "roughly",
	"more", "less", "just", "only", "post", "pre", "comparable", "corresponding",
	"middle", "approximately", "barely", "under", "their", "calendar", "fewer")

// startFilter passes the words of startWords.
var startFilter = func() *wordfilter.Filter {
	var f wordfilter.Filter
	for w := range startWords {
		f.Add(w)
	}
	return &f
}()

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func (p *parser) k(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	t := &p.toks[i]
	return p.low[t.start:t.keyEnd]
}

// tok returns token i, or an empty token out of range.
func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return &noToken
	}
	return &p.toks[i]
}

var noToken token

func (p *parser) e(i int) *entry {
	if i < 0 || i >= len(p.toks) || p.toks[i].e == nil {
		return &noEntry
	}
	return p.toks[i].e
}

var noEntry entry

// in reports whether token i is one of words.
func (p *parser) in(i int, words map[string]bool) bool { return words[p.k(i)] }

// seq matches the words at i, i+1, ... and returns the index after them.
func (p *parser) seq(i int, words ...string) (int, bool) {
	for _, w := range words {
		if p.k(i) != w {
			return i, false
		}
		i++
	}
	return i, true
}

// opt skips one optional word.
func (p *parser) opt(i int, words ...string) int {
	for _, w := range words {
		if p.k(i) == w {
			return i + 1
		}
	}
	return i
}

// glued reports whether token i directly follows the previous one.
func (p *parser) glued(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].gap }

// hyphen reports whether token i is a hyphen joining its neighbours
// ("mid-November", "third-quarter").
func (p *parser) hyphen(i int) bool {
	return p.k(i) == "-" && p.glued(i) && p.glued(i+1)
}

// skipHyphen steps over a joining hyphen at i.
func (p *parser) skipHyphen(i int) int {
	if p.hyphen(i) {
		return i + 1
	}
	return i
}

// dot steps over an abbreviation's full stop glued to the previous token.
func (p *parser) dot(i int) int {
	if p.k(i) == "." && p.glued(i) {
		return i + 1
	}
	return i
}

// word reports whether token i is a word (starts with a letter).
func (p *parser) word(i int) bool {
	k := p.k(i)
	return k != "" && (isASCIILetter(k[0]) || k[0] >= 0x80)
}

func (p *parser) sentStart(i int) bool {
	if i == 0 {
		return true
	}
	if p.toks[i-1].sent != p.toks[i].sent {
		return true
	}
	// after an opening quote at the start of a sentence
	return i >= 1 && (p.k(i-1) == "\"" || p.k(i-1) == "`" || p.k(i-1) == "'") && p.sentStart(i-1)
}

func (p *parser) date(i, end int, iv interval) (result, bool) {
	return result{start: i, end: end, kind: kDate, iv: iv, state: stResolved}, true
}

// rel is a date that depends on the publication date: resolved by f when
// there is one, else left unresolved.
func (p *parser) rel(i, end int, f func() interval) (result, bool) {
	if !p.hasPub {
		return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
	}
	return p.date(i, end, f())
}
