// Package numbers finds quantities in English text: digits ("1,700",
// "2.5 million"), number words ("twenty-one", "a dozen"), ranges ("between 10
// and 15"), approximations ("more than 40") and vague quantities ("dozens"),
// each with the conservative low/best/high range ACLED would code:
//
//	"40"                 40, 40, 40     exact
//	"more than 40"       41, 41, -1     more_than
//	"at least 40"        40, 40, -1     at_least
//	"about 40"           40, 40, -1     about
//	"nearly 40"          39, 39, 39     at_most (below 40, but close to it)
//	"up to 40"           -1, -1, 40     at_most
//	"fewer than 40"      -1, -1, 39     less_than
//	"between 10 and 15"  10, 10, 15     range
//	"dozens"             12, 12, -1     vague (ACLED's figure, vague.tsv)
//
// Vague quantities, approximation words and units are data: vague.tsv,
// modifiers.tsv and units.tsv, embedded in the package, each citing its
// sources. Dates and clock times ("10 October", "2020-10-10", "10:30") are
// not quantities and are skipped; ordinals and years are returned, flagged.
package numbers

import (
	"math"
	"strings"
	"sync"
)

// Approximation kinds of a Quantity.
const (
	ApproxExact    = "exact"     // "40"
	ApproxMoreThan = "more_than" // "more than 40", "over 40"
	ApproxAtLeast  = "at_least"  // "at least 40", "40 or more"
	ApproxAtMost   = "at_most"   // "up to 40"; also "nearly 40"
	ApproxLessThan = "less_than" // "fewer than 40"
	ApproxAbout    = "about"     // "about 40", "some 40", "an estimated 40"
	ApproxRange    = "range"     // "between 10 and 15", "10-15", "10 or 12"
	ApproxVague    = "vague"     // "dozens", "several", "a number of"
)

// Modifier kinds of modifiers.tsv.
const (
	kMoreThan = "more_than"
	kAtLeast  = "at_least"
	kAbout    = "about"
	kNearly   = "nearly"
	kAtMost   = "at_most"
	kLessThan = "less_than"
	kBetween  = "between"
)

// Quantity is a number found in text, with the conservative range it stands
// for. Low is the conservative figure (the one ACLED codes), Best the best
// estimate, High the upper bound; -1 is unknown: "more than 40" is Low 41,
// Best 41, High -1.
type Quantity struct {
	Start, End      int    // byte offsets of the whole phrase ("more than 40") in the text
	Text            string // the phrase, text[Start:End]
	Low, Best, High int
	Approx          string // one of the Approx constants
	Money           bool   // an amount of money: "$5 million", "5,000 euros"
	Ordinal         bool   // "third", "21st": a rank, not a count
	Year            bool   // a bare 1900-2100 number that reads as a year: "in 2020"
	Percent         bool   // "40%", "40 per cent"
	// Unit is the unit of money, measure or time right after the number,
	// lower-cased as written ("km", "dollars", "years", "%"), else "".
	Unit string
}

// maxValue bounds the figures reported: longer digit strings are codes, not
// counts, and would overflow an int.
const maxValue = 1e15

// Find returns the quantities in text, in order, without overlaps.
func Find(text string) []Quantity {
	s := scanner{text: text, low: lowerASCII(text), lx: loadLexicon()}
	buf := tokenPool.Get().(*[]token)
	s.toks = lex(text, (*buf)[:0])
	var out []Quantity
	for i := 0; i < len(s.toks); {
		if s.toks[i].k != kNum && !s.lx.mayStart(s.w(i)) {
			i++
			continue
		}
		q, next, ok := s.at(i)
		if ok {
			out = append(out, q)
		}
		i = max(next, i+1)
	}
	// The quantities keep no token; a buffer grown by a very long text is
	// left to the collector rather than held.
	if cap(s.toks) <= maxPooledTokens {
		*buf = s.toks
		tokenPool.Put(buf)
	}
	return out
}

// tokenPool holds token buffers for Find, which is called once a sentence:
// a buffer per call was most of its allocation.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// maxPooledTokens caps the buffers tokenPool keeps.
const maxPooledTokens = 1 << 16

// Parse reads s as a single quantity ("twenty-one", "2,300", "a dozen",
// "more than 40") and reports whether the whole of s, ignoring surrounding
// space, is one. Offsets are into s.
func Parse(s string) (Quantity, bool) {
	qs := Find(s)
	if len(qs) != 1 {
		return Quantity{}, false
	}
	q := qs[0]
	trimmed := strings.TrimSpace(s)
	lead := strings.Index(s, trimmed)
	if q.Start != lead || q.End != lead+len(trimmed) {
		return Quantity{}, false
	}
	return q, true
}

// scanner holds the text being read and its tokens.
type scanner struct {
	text string
	low  string // text with ASCII letters lower-cased; same offsets
	toks []token
	lx   *lexicon
}

// w returns token k lower-cased, or "" past either end.
func (s *scanner) w(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	t := s.toks[k]
	return s.low[t.s:t.e]
}

// punct reports whether token k is the punctuation mark p.
func (s *scanner) punct(k int, p string) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].k == kPunct && s.text[s.toks[k].s:s.toks[k].e] == p
}

// glued reports whether token k exists and follows token k-1 without a space.
func (s *scanner) glued(k int) bool {
	return k > 0 && k < len(s.toks) && !s.toks[k].sp
}

// match returns the longest phrase of t starting at token i and the index
// after it.
func (s *scanner) match(t table, i int) (*phrase, int) {
	if i < 0 || i >= len(s.toks) || s.toks[i].k == kBad {
		return nil, i
	}
next:
	for _, p := range t[s.w(i)] {
		if i+len(p.words) > len(s.toks) {
			continue
		}
		for k := 1; k < len(p.words); k++ {
			if s.w(i+k) != p.words[k] || s.glued(i+k) != p.glued[k] {
				continue next
			}
		}
		return p, i + len(p.words)
	}
	return nil, i
}

// month reports whether token k is a capitalised month name.
func (s *scanner) month(k int) bool {
	if k < 0 || k >= len(s.toks) || s.toks[k].k != kWord {
		return false
	}
	c := s.text[s.toks[k].s]
	return 'A' <= c && c <= 'Z' && months[s.w(k)]
}

// monthBefore reports whether a month name ends right before token k
// ("October 10", "Oct. 10").
func (s *scanner) monthBefore(k int) bool {
	return s.month(k-1) || s.punct(k-1, ".") && s.glued(k-1) && s.month(k-2)
}

// at reads the quantity starting at token i. It returns the index to resume
// from (i when nothing was read) and whether q is a quantity; it may consume
// tokens without returning one (a date, a clock time).
func (s *scanner) at(i int) (Quantity, int, bool) {
	if q, end, ok := s.vagueAt(i); ok {
		return q, end, q.Approx != ""
	}
	r := reading{first: i}
	var j int
	r.mod, j = s.match(s.lx.before, i)
	afterMod := j
	if p, e := s.match(s.lx.units, j); p != nil && p.kind == "money" && s.numberAt(e) {
		r.money, j = true, e
	}
	n, ok := s.number(j, r.money)
	switch {
	case !ok:
		return Quantity{}, i, false
	case n.bad:
		return Quantity{}, n.end, false
	case n.ord:
		r.mod, r.money, r.first = nil, false, j
	}
	if s.identifier(r.first) || s.monthBefore(j) {
		return Quantity{}, s.dateEnd(n.end), false
	}
	if e, ok := s.fraction(n.end); ok && !n.ord {
		return Quantity{}, e, false
	}
	r.n, r.end, r.lo, r.hi = n, n.end, n.v, n.v
	if !n.ord {
		s.extend(&r, afterMod)
	}
	if s.month(r.end) || n.ord && s.w(r.end) == "of" && s.month(r.end+1) {
		return Quantity{}, r.end + 1, false
	}

	q := Quantity{Money: r.money, Ordinal: n.ord}
	if u, ustart, uend := s.unit(r.end); u != nil {
		switch u.kind {
		case "clock":
			return Quantity{}, uend, false
		case "money":
			q.Money = true
		case "money_or_weight":
			q.Money = n.scale >= 1e6 // "2 million pounds", but "500 pounds of explosives"
		case "percent":
			q.Percent = true
		}
		q.Unit = s.low[s.toks[ustart].s:s.toks[uend-1].e]
		r.end = uend
	}
	// A word glued to the number is a code or a model: "3D", "4x4".
	if r.end < len(s.toks) && s.toks[r.end].k == kWord && s.glued(r.end) {
		return Quantity{}, r.end + 1, false
	}
	if r.lo > maxValue || r.hi > maxValue {
		return Quantity{}, r.end, false
	}
	kind := r.kind()
	switch {
	case r.isRange:
		q.Approx, q.Low, q.Best, q.High = ApproxRange, floor(r.lo), floor(r.lo), ceil(r.hi)
	case kind == "":
		q.Approx, q.Low, q.Best, q.High = ApproxExact, floor(r.lo), round(r.lo), ceil(r.lo)
	default:
		q.Approx, q.Low, q.Best, q.High = figures(kind, r.lo)
	}
	q.Year = !q.Money && q.Unit == "" && s.readsAsYear(&r)
	return s.finish(q, r.first, r.end), r.end, true
}

// reading is a numeric quantity being read.
type reading struct {
	n          num
	first, end int     // tokens [first, end) of the whole phrase
	mod, after *phrase // modifiers before and after the number
	lo, hi     float64
	isRange    bool
	hiBare     bool // the upper end is a bare digit token
	yearRange  bool // "2019-20"
	money      bool
}

// kind returns the modifier kind of r, "" for none.
func (r *reading) kind() string {
	switch {
	case r.mod != nil:
		return r.mod.kind
	case r.after != nil:
		return r.after.kind
	}
	return ""
}

// vagueAt reads a phrase of vague.tsv at token i ("dozens", "several"). It
// reports whether one was read; a phrase that is not a quantity ("one
// another") is read with an empty Approx.
func (s *scanner) vagueAt(i int) (Quantity, int, bool) {
	p, end := s.match(s.lx.vague, i)
	if p == nil || s.numberAt(end) { // "some 40" is an approximation
		return Quantity{}, i, false
	}
	if p.approx == "skip" {
		return Quantity{}, end, true
	}
	q := Quantity{Low: p.low, Best: p.best, High: p.high, Approx: p.approx}
	if u, ustart, uend := s.unit(end); u != nil && u.kind != "clock" {
		q.Unit = s.low[s.toks[ustart].s:s.toks[uend-1].e]
		end = uend
	}
	return s.finish(q, i, end), end, true
}

// extend reads what may follow the number of r: the end of a range or a
// modifier ("or more"). afterMod is the token after r's leading modifier.
func (s *scanner) extend(r *reading, afterMod int) {
	end := r.end
	if r.mod != nil && r.mod.kind == kBetween {
		if s.w(end) == "and" {
			s.rangeTo(r, end+1)
		}
		if !r.isRange { // "between" belongs to something else
			r.mod, r.first = nil, afterMod
		}
		return
	}
	if p, e := s.match(s.lx.after, end); p != nil {
		r.after, r.end = p, e
		return
	}
	if y, ok := s.yearRange(end, r.n); ok {
		r.hi, r.isRange, r.yearRange, r.end = y, true, true, end+2
		return
	}
	if !s.connector(end) {
		return
	}
	// "rose from 10 to 15" is a change, not a range; "from 2019 to 2021" is
	// a period.
	if s.w(r.first-1) == "from" && s.w(end) == "to" {
		saved := *r
		if s.rangeTo(r, end+1); r.isRange && !(r.n.bare && r.hiBare && isYear(r.lo) && isYear(r.hi)) {
			*r = saved
		}
		return
	}
	s.rangeTo(r, end+1)
}

// readsAsYear reports whether r is a year or a span of years: "in 2020",
// "the 1990s", "2019-20", "between 2019 and 2021".
func (s *scanner) readsAsYear(r *reading) bool {
	switch {
	case r.money || r.n.ord:
		return false
	case r.n.decade:
		return true
	case !r.n.bare || !isYear(r.lo) || r.isRange && !r.yearRange && !(r.hiBare && isYear(r.hi)):
		return false
	case r.yearRange:
		return true
	case r.mod != nil:
		return r.mod.kind == kBetween
	case r.after != nil:
		return false
	}
	return yearContext[s.w(r.first-1)] || s.punct(r.first-1, "(")
}

// dateEnd returns the end of a date whose day ends at token k: "October
// 10-12", "October 10, 2020".
func (s *scanner) dateEnd(k int) int {
	if s.connector(k) && s.w(k) != "or" {
		if y, ok := s.number(k+1, false); ok {
			k = y.end
		}
	}
	if s.punct(k, ",") && s.yearToken(k+1) {
		k += 2
	}
	return k
}

// figures returns the approximation and low, best and high figures of v
// qualified by a modifier kind (see modifiers.tsv).
func figures(kind string, v float64) (string, int, int, int) {
	switch kind {
	case kMoreThan:
		return ApproxMoreThan, floor(v) + 1, floor(v) + 1, -1
	case kAtLeast:
		return ApproxAtLeast, ceil(v), ceil(v), -1
	case kNearly:
		n := max(ceil(v)-1, 0)
		return ApproxAtMost, n, n, n
	case kAtMost:
		return ApproxAtMost, -1, -1, floor(v)
	case kLessThan:
		return ApproxLessThan, -1, -1, max(ceil(v)-1, 0)
	}
	return ApproxAbout, round(v), round(v), -1
}

func floor(v float64) int { return int(math.Floor(v)) }
func ceil(v float64) int  { return int(math.Ceil(v)) }
func round(v float64) int { return int(math.Round(v)) }

func isYear(v float64) bool { return v >= 1900 && v <= 2100 && v == math.Trunc(v) }

// finish sets the offsets and text of q, which spans tokens [first, end).
func (s *scanner) finish(q Quantity, first, end int) Quantity {
	q.Start, q.End = s.toks[first].s, s.toks[end-1].e
	q.Text = s.text[q.Start:q.End]
	return q
}

// identifier reports whether the number at token i is part of a name or
// code: "COVID-19", "Su-25", "G7", "mid-2020", "No. 5", "#3".
func (s *scanner) identifier(i int) bool {
	if !s.glued(i) {
		return s.punct(i-1, "#") || s.punct(i-1, ".") && s.glued(i-1) && (s.w(i-2) == "no" || s.w(i-2) == "nos")
	}
	prev := s.toks[i-1]
	switch {
	case prev.k == kWord:
		return true
	case s.punct(i-1, "#"):
		return true
	case s.punct(i-1, "-") && s.glued(i-1) && s.toks[i-2].k == kWord:
		_, small := smallWords[s.w(i-2)]
		_, tens := tensWords[s.w(i-2)]
		return !small && !tens
	}
	return false
}

// yearToken reports whether token k is a bare four-digit year.
func (s *scanner) yearToken(k int) bool {
	if k >= len(s.toks) || s.toks[k].k != kNum || s.toks[k].dec || s.toks[k].sep || s.toks[k].e-s.toks[k].s != 4 {
		return false
	}
	return isYear(s.digitsValue(s.toks[k]))
}

// fraction reports whether a fraction word follows a cardinal at token k
// ("two-thirds", "three quarters"), and the index after it.
func (s *scanner) fraction(k int) (int, bool) {
	if s.punct(k, "-") && s.glued(k) && s.glued(k+1) {
		k++
	}
	return k + 1, fractionWords[s.w(k)]
}

// numberAt reports whether a cardinal number starts at token k.
func (s *scanner) numberAt(k int) bool {
	n, ok := s.number(k, false)
	return ok && !n.ord && !n.bad
}

// connector reports whether token k joins the two ends of a range: "10 to
// 15", "10 or 12", "10-15", "10 – 15".
func (s *scanner) connector(k int) bool {
	switch {
	case s.w(k) == "to" || s.w(k) == "or":
		return true
	case s.punct(k, "-"):
		return s.glued(k) && s.glued(k+1)
	}
	return s.punct(k, "\u2013") || s.punct(k, "\u2014")
}

// rangeTo reads the upper end of r's range at token k and, when it is
// above the lower end, makes r a range. A scale on the upper end also
// applies to the lower: "two to three hundred" is 200-300, "$5-10 million"
// 5-10 million.
func (s *scanner) rangeTo(r *reading, k int) {
	money := false
	if p, e := s.match(s.lx.units, k); p != nil && p.kind == "money" && s.numberAt(e) {
		money, k = true, e
	}
	y, ok := s.number(k, r.money || money)
	if !ok || y.bad || y.ord || s.identifier(k) {
		return
	}
	lo := r.n.v
	if r.n.tail == 0 && y.tail > 0 && lo*y.tail <= y.v {
		lo *= y.tail
	}
	if y.v <= lo {
		return
	}
	r.lo, r.hi, r.end, r.hiBare, r.isRange = lo, y.v, y.end, y.bare, true
	r.money = r.money || money
}

// yearRange reads "2019-20" after the year x: the end year in two digits.
func (s *scanner) yearRange(k int, x num) (float64, bool) {
	if !x.bare || !isYear(x.v) || !(s.punct(k, "-") || s.punct(k, "\u2013")) || !s.glued(k) || !s.glued(k+1) {
		return 0, false
	}
	t := s.toks[k+1]
	if t.k != kNum || t.dec || t.sep || t.e-t.s != 2 {
		return 0, false
	}
	y := math.Floor(x.v/100)*100 + s.digitsValue(t)
	if y <= x.v {
		return 0, false
	}
	return y, true
}

// unit returns the unit phrase at token k, allowing a hyphen before it
// ("10-year-old", "600-km"), with the tokens [start, end) it spans.
func (s *scanner) unit(k int) (p *phrase, start, end int) {
	if s.punct(k, "-") && s.glued(k) && s.glued(k+1) {
		k++
	}
	p, end = s.match(s.lx.units, k)
	return p, k, end
}
