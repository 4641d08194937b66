package numbers

import "math"

// num is a number read from tokens, before modifiers and units.
type num struct {
	v      float64
	end    int     // index of the token after the number
	ord    bool    // an ordinal: "third", "21st"
	tail   float64 // the multiplier of a final scale word ("three hundred": 100)
	scale  float64 // the largest scale used ("2 million": 1e6)
	bare   bool    // a single digit token with no separators or decimals
	decade bool    // "1990s"
	bad    bool    // a date, clock time or code: consume and drop
}

// What the last part of a number word sequence was; it decides what may
// follow ("twenty" may take "-one", "one" may not).
const (
	lNone = iota
	lDigits
	lA     // "a" or "half a" before a multiplier
	lSmall // one .. nineteen
	lTens
	lHundred
	lScale
	lAnd   // "and" inside a number: "one hundred and five"
	lHalf  // "and a half"
	lDozen // "dozen" ends a number
	lOrd   // an ordinal ends a number
)

// multiplier reports whether w multiplies what precedes it.
func multiplier(w string) bool {
	_, ok := scaleWords[w]
	return ok || w == "hundred" || w == "dozen"
}

// numState is the state of reading a number, saved to undo an "and" that
// turns out to join two numbers ("between two hundred and three hundred").
type numState struct {
	total, cur, lastScale, tail, scale float64
	last, k                            int
}

// number reads a cardinal or ordinal at token j: digits with an optional
// scale ("2.5 million", "$5m", "21st") or number words ("twenty-one", "a
// dozen", "three thousand five hundred", "two and a half million").
func (s *scanner) number(j int, money bool) (num, bool) {
	if j >= len(s.toks) {
		return num{}, false
	}
	t := s.toks[j]
	st := numState{lastScale: math.Inf(1), k: j}
	switch {
	case t.k == kBad:
		return num{end: j + 1, bad: true}, true
	case t.k == kNum:
		st.cur, st.last, st.k = s.digitsValue(t), lDigits, j+1
		if s.glued(j+1) && s.toks[j+1].k == kWord {
			w := s.w(j + 1)
			switch {
			case ordinalSuffixes[w] && !t.dec:
				return num{v: st.cur, end: j + 2, ord: true}, true
			case w == "s":
				if !t.dec && !t.sep && t.e-t.s == 4 && isYear(st.cur) {
					return num{v: st.cur, end: j + 2, bare: true, decade: true}, true
				}
				return num{end: j + 2, bad: true}, true // ages: "in their 20s"
			}
		}
		if a, ok := scaleAbbrevs[s.w(j+1)]; ok && (!a.moneyOnly || money) && (s.glued(j+1) || len(s.w(j+1)) > 1) {
			v := st.cur * a.v
			return num{v: v, end: j + 2, tail: a.v, scale: a.v}, true
		}
	case (s.w(j) == "a" || s.w(j) == "an") && multiplier(s.w(j+1)):
		st.cur, st.last, st.k = 1, lA, j+1
	case s.w(j) == "half" && s.w(j+1) == "a" && multiplier(s.w(j+2)):
		st.cur, st.last, st.k = 0.5, lA, j+2
	}

	var ord bool
	var saved *numState // before the last "and" joined
loop:
	for st.k < len(s.toks) {
		k := st.k
		// "twenty-one": a hyphen joins tens and a unit.
		if st.last == lTens && s.punct(k, "-") && s.glued(k) && s.glued(k+1) {
			if v, ok := smallWords[s.w(k+1)]; ok && v >= 1 && v <= 9 {
				st.k++
				continue
			}
			if o, ok := ordinalWords[s.w(k+1)]; ok && o.class == ordSmall && o.v <= 9 {
				st.k++
				continue
			}
			break
		}
		if s.toks[k].k != kWord {
			break
		}
		w := s.w(k)
		if v, ok := smallWords[w]; ok {
			if !st.takesSmall(v) {
				break
			}
			st.cur += v
			st.last, st.tail = lSmall, 0
			st.k++
			continue
		}
		if v, ok := tensWords[w]; ok {
			if !st.takesTens() {
				break
			}
			st.cur += v
			st.last, st.tail = lTens, 0
			st.k++
			continue
		}
		if v, ok := scaleWords[w]; ok {
			if !st.takesScale(v) {
				break
			}
			st.applyScale(v)
			saved = nil
			continue
		}
		switch w {
		case "hundred":
			if !st.takesHundred() {
				break loop
			}
			st.applyHundred()
			saved = nil
			continue
		case "dozen":
			if !(st.last == lSmall || st.last == lA || st.last == lDigits) || st.cur <= 0 || st.cur >= 100 {
				break loop
			}
			st.cur *= 12
			st.last, st.tail = lDozen, 12
			st.k++
			saved = nil
			break loop // nothing follows "dozen"
		case "and":
			if (st.last == lSmall || st.last == lTens || st.last == lDigits) && st.total == 0 && st.cur < 100 &&
				s.w(k+1) == "a" && s.w(k+2) == "half" {
				st.cur += 0.5
				st.last, st.tail = lHalf, 0
				st.k += 3
				continue
			}
			if st.last == lHundred || st.last == lScale {
				cp := st
				saved = &cp
				st.last = lAnd
				st.k++
				continue
			}
			break loop
		}
		if o, ok := ordinalWords[w]; ok {
			switch o.class {
			case ordSmall:
				if !st.takesSmall(o.v) {
					break loop
				}
				st.cur += o.v
				st.k++
			case ordTens:
				if !st.takesTens() {
					break loop
				}
				st.cur += o.v
				st.k++
			case ordHundred:
				if st.last == lNone {
					st.cur, st.last = 1, lSmall
				}
				if !st.takesHundred() {
					break loop
				}
				st.applyHundred()
			case ordScale:
				if st.last == lNone {
					st.cur, st.last = 1, lSmall
				}
				if !st.takesScale(o.v) {
					break loop
				}
				st.applyScale(o.v)
			}
			ord = true
			st.last = lOrd
			saved = nil
			break loop
		}
		break
	}
	// An "and" that the next multiplier refused joined two numbers, not two
	// parts of one: undo it.
	if saved != nil && (st.last == lAnd || st.k < len(s.toks) && multiplier(s.w(st.k))) {
		st = *saved
	}
	if st.last == lNone || st.last == lA || st.last == lAnd {
		return num{}, false
	}
	n := num{v: st.total + st.cur, end: st.k, ord: ord, tail: st.tail, scale: st.scale}
	n.bare = t.k == kNum && !t.dec && !t.sep && st.k == j+1
	return n, true
}

func (st *numState) takesSmall(v float64) bool {
	switch st.last {
	case lNone, lHundred, lScale, lAnd:
		return true
	case lTens:
		return v >= 1 && v <= 9
	}
	return false
}

func (st *numState) takesTens() bool {
	switch st.last {
	case lNone, lHundred, lScale, lAnd:
		return true
	}
	return false
}

func (st *numState) takesHundred() bool {
	switch st.last {
	case lSmall, lTens, lA, lDigits:
		return st.cur > 0 && st.cur < 100
	}
	return false
}

func (st *numState) applyHundred() {
	st.cur *= 100
	st.last, st.tail = lHundred, 100
	st.scale = max(st.scale, 100)
	st.k++
}

func (st *numState) takesScale(v float64) bool {
	switch st.last {
	case lSmall, lTens, lA, lDigits, lHundred, lHalf:
		return st.cur > 0 && v < st.lastScale
	}
	return false
}

func (st *numState) applyScale(v float64) {
	st.total += st.cur * v
	st.cur = 0
	st.lastScale = v
	st.last, st.tail = lScale, v
	st.scale = max(st.scale, v)
	st.k++
}

// digitsValue returns the value of a number token ("1,700", "2.5").
func (s *scanner) digitsValue(t token) float64 {
	var v, frac float64
	scale := 1.0
	for i := t.s; i < t.e; i++ {
		c := s.text[i]
		switch {
		case c == '.':
			frac = 1
		case isDigit(c):
			if frac == 0 {
				v = v*10 + float64(c-'0')
			} else {
				scale /= 10
				v += float64(c-'0') * scale
			}
		}
	}
	return v
}
