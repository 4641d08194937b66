package times

// This file reads the words dates are made of: numbers, ordinals, days of
// the month, years and month names.

// cardinal reads a number: digits ("24", "1,000"), words ("three",
// "twenty-one") and, when article is true, "a"/"an" as one.
func (p *parser) cardinal(i int, article bool) (n, end int, ok bool) {
	t := p.k(i)
	if t == "" {
		return 0, i, false
	}
	if p.toks[i].digits {
		if p.toks[i].num < 0 {
			return 0, i, false
		}
		return int(p.toks[i].num), i + 1, true
	}
	if isDigit(t[0]) {
		// "1,000"
		v, okc := commaNumber(t)
		return v, i + 1, okc
	}
	if article && (t == "a" || t == "an" || t == "one") {
		return 1, i + 1, true
	}
	e := p.e(i)
	if e.number == 0 {
		return 0, i, false
	}
	n, end = e.number, i+1
	if n >= 20 && n%10 == 0 && p.hyphen(end) {
		if u := p.e(end + 1).number; u > 0 && u < 10 {
			n, end = n+u, end+2
		}
	}
	return n, end, true
}

func commaNumber(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		switch {
		case isDigit(s[i]):
			n = n*10 + int(s[i]-'0')
		case s[i] == ',' && (len(s)-i-1)%4 == 3:
		default:
			return 0, false
		}
		if n > 1e9 {
			return 0, false
		}
	}
	return n, true
}

// vague reads an unspecified quantity: "several", "a few", "a couple of".
func (p *parser) vague(i int) (int, bool) {
	switch p.k(i) {
	case "several", "few", "many", "some":
		return i + 1, true
	case "a":
		if p.k(i+1) == "few" {
			return i + 2, true
		}
		if p.k(i+1) == "couple" {
			return p.opt(i+2, "of"), true
		}
	case "couple":
		return p.opt(i+1, "of"), true
	}
	return i, false
}

// ordinal reads "3rd", "21st", "third", "twenty-first".
func (p *parser) ordinal(i int) (n, end int, ok bool) {
	t := p.k(i)
	if len(t) >= 3 && len(t) <= 4 && isDigit(t[0]) {
		suf := t[len(t)-2:]
		num := t[:len(t)-2]
		if isDigits(num) && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
			return atoi(num), i + 1, true
		}
		return 0, i, false
	}
	if o := p.e(i).ordinal; o > 0 {
		return o, i + 1, true
	}
	if tens := p.e(i).number; tens >= 20 && tens%10 == 0 && p.hyphen(i+1) {
		if o := p.e(i + 2).ordinal; o > 0 && o < 10 {
			return tens + o, i + 3, true
		}
	}
	return 0, i, false
}

// dayOfMonth reads a day number: "10", "10th", "tenth".
func (p *parser) dayOfMonth(i int) (d, end int, ok bool) {
	if t := p.tok(i); t.digits && t.keyEnd-t.start <= 2 && t.num >= 1 && t.num <= 31 {
		return int(t.num), i + 1, true
	}
	if d, end, ok := p.ordinal(i); ok && d >= 1 && d <= 31 {
		return d, end, true
	}
	return 0, i, false
}

// year4 reads a four-digit year.
func (p *parser) year4(i int) (y, end int, ok bool) {
	if t := p.tok(i); t.digits && t.keyEnd-t.start == 4 {
		if y := int(t.num); y >= 1000 && y <= 2199 {
			return y, i + 1, true
		}
	}
	return 0, i, false
}

// spokenYear reads a year said in words: "nineteen ninety-six", "two
// thousand", "two thousand and one".
func (p *parser) spokenYear(i int) (y, end int, ok bool) {
	switch p.k(i) {
	case "eighteen", "nineteen", "twenty":
		hi := p.e(i).number
		if p.k(i+1) == "hundred" {
			return hi * 100, i + 2, true
		}
		lo, end, ok := p.cardinal(i+1, false)
		if ok && !p.toks[i+1].digits && lo >= 10 && lo <= 99 {
			return hi*100 + lo, end, true
		}
	case "two":
		if p.k(i+1) == "thousand" {
			end := i + 2
			j := p.opt(end, "and")
			if lo, e, ok := p.cardinal(j, false); ok && !p.toks[j].digits && lo < 100 {
				return 2000 + lo, e, true
			}
			return 2000, end, true
		}
	}
	return 0, i, false
}

// month reads a month name; abbr tells an abbreviation ("Oct.", "Sept").
func (p *parser) month(i int) (m, end int, abbr, ok bool) {
	m = p.e(i).month
	if m == 0 || !p.toks[i].upper {
		return 0, i, false, false
	}
	k := p.k(i)
	abbr = len(k) <= 4 && k != "may" && k != "june" && k != "july"
	if !abbr {
		return m, i + 1, false, true
	}
	return m, p.dot(i + 1), abbr, true
}

// Context words that make a bare month, year or season a time ("in May",
// "since 1990").
var timePreps = set("in", "since", "until", "till", "by", "before", "after", "from", "to",
	"through", "throughout", "during", "of", "between", "early", "late", "mid", "last",
	"this", "next", "around", "circa", "for", "starting", "beginning", "ending",
	"post", "pre", "on", "into", "within", "over")
