package times

import "strings"

// This file reads dates named by the calendar: "2020-10-10", "October
// 10", "10 October 2020", "October 2020", "in May", "the 1990s", "the 20th
// century", "in 1990". core tries these, the relative dates of relative.go
// and the quarters of quarters.go.

// core reads one date expression at i, the longest of the readings.
func (p *parser) core(i int) (result, bool) {
	var best result
	found := false
	for _, m := range coreMatchers {
		if r, ok := m(p, i); ok && (!found || r.end > best.end) {
			best, found = r, true
		}
	}
	return best, found
}

var coreMatchers = []matcher{
	(*parser).numericDate,
	(*parser).monthFirst,
	(*parser).dayFirst,
	(*parser).weekday,
	(*parser).deictic,
	(*parser).relPeriod,
	(*parser).quarter,
	(*parser).holiday,
	(*parser).decade,
	(*parser).century,
	(*parser).year,
	(*parser).yearEnd,
	(*parser).yearAgoAdj,
}

// numericDate reads "2020-10-10", "10/10/2020", "10.10.2020". Day and month
// in "D/M/YYYY" are told apart by a value above 12 (the dotted form is
// day first); when both could be either and only one reading does not lie
// after publication, that one wins; otherwise the value stays unresolved.
func (p *parser) numericDate(i int) (result, bool) {
	t := p.k(i)
	if len(t) < 8 || !isDigit(t[0]) {
		return result{}, false
	}
	sep := byte(0)
	var parts []string
	last := 0
	for j := 0; j < len(t); j++ {
		c := t[j]
		if isDigit(c) {
			continue
		}
		if c != '-' && c != '/' && c != '.' || (sep != 0 && c != sep) {
			return result{}, false
		}
		sep = c
		parts = append(parts, t[last:j])
		last = j + 1
	}
	parts = append(parts, t[last:])
	if len(parts) != 3 {
		return result{}, false
	}
	a, b, c := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	valid := func(y, m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) }
	if len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2 {
		if valid(a, b, c) {
			return p.date(i, i+1, dayIv(date(a, b, c)))
		}
		return result{}, false
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return result{}, false
	}
	y := c
	switch {
	case len(parts[2]) == 4:
	case len(parts[2]) == 2 && sep == '/':
		y = 1900 + c
		if c < 50 {
			y = 2000 + c
		}
	default:
		return result{}, false
	}
	dmy, mdy := valid(y, b, a), valid(y, a, b)
	switch {
	case sep == '.' && dmy:
		return p.date(i, i+1, dayIv(date(y, b, a)))
	case dmy && !mdy:
		return p.date(i, i+1, dayIv(date(y, b, a)))
	case mdy && !dmy, mdy && a == b:
		return p.date(i, i+1, dayIv(date(y, a, b)))
	case mdy && dmy:
		// only publication can tell: when one reading lies ahead of it
		mdyAhead, dmyAhead := date(y, a, b).After(p.pub), date(y, b, a).After(p.pub)
		switch {
		case p.hasPub && dmyAhead && !mdyAhead:
			return p.date(i, i+1, dayIv(date(y, a, b)))
		case p.hasPub && mdyAhead && !dmyAhead:
			return p.date(i, i+1, dayIv(date(y, b, a)))
		}
		return result{start: i, end: i + 1, kind: kDate}, true
	}
	return result{}, false
}

// dayRange reads a token "3-5" as two days of a month.
func (p *parser) dayRange(i int) (d1, d2, end int, ok bool) {
	t := p.k(i)
	a, b, found := strings.Cut(t, "-")
	if !found || !isDigits(a) || !isDigits(b) || len(a) > 2 || len(b) > 2 {
		return 0, 0, i, false
	}
	d1, d2 = atoi(a), atoi(b)
	if d1 < 1 || d2 > 31 || d1 >= d2 {
		return 0, 0, i, false
	}
	return d1, d2, i + 1, true
}

// rangeWord reads the word joining two days of a range.
func (p *parser) rangeWord(i int) (int, bool) {
	switch p.k(i) {
	case "-", "to", "through", "until", "till", "\u2013", "and":
		return i + 1, true
	}
	return i, false
}

// monthFirst reads "October 10", "Oct. 10, 2020", "May 3-5", "October
// 2020", "January nineteen ninety-seven" and, in context, "October".
func (p *parser) monthFirst(i int) (result, bool) {
	m, j, abbr, ok := p.month(i)
	if !ok {
		return result{}, false
	}
	// a day, or days
	d1, d2, end := 0, 0, j
	if a, b, e, ok := p.dayRange(j); ok {
		d1, d2, end = a, b, e
	} else if d, e, ok := p.dayOfMonth(j); ok && !(m == 5 && p.sentStart(i) && p.countFollows(e)) {
		d1, end = d, e
		if k, ok := p.rangeWord(e); ok && p.k(e) != "and" {
			if d, e2, ok := p.dayOfMonth(k); ok && d > d1 && p.toks[k].digits == p.toks[j].digits {
				d2, end = d, e2
			}
		}
	}
	if d1 > 0 {
		k := p.opt(end, ",")
		if y, e, ok := p.year4(k); ok {
			return p.days(i, e, y, m, d1, d2)
		}
		if n, e, ok := p.yearWord(end); ok {
			if !p.hasPub {
				return result{start: i, end: e, kind: kDate, state: stNeedsPub}, true
			}
			return p.days(i, e, p.pub.Year()+n, m, d1, d2)
		}
		if !p.hasPub {
			return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
		}
		y := p.yearOfMonthDay(m, d1, i)
		return p.days(i, end, y, m, d1, d2)
	}
	// a month of a year
	k := p.opt(j, ",", "of")
	if y, e, ok := p.year4(k); ok {
		return p.date(i, e, monthIv(y, m))
	}
	if y, e, ok := p.spokenYear(k); ok {
		return p.date(i, e, monthIv(y, m))
	}
	if n, e, ok := p.yearWord(j); ok {
		return p.rel(i, e, func() interval { return monthIv(p.pub.Year()+n, m) })
	}
	// a bare month needs context
	if abbr || !p.bareMonthOK(i, m) {
		return result{}, false
	}
	return p.rel(i, j, func() interval { return p.monthNear(m, i) })
}

// yearWord reads "this year", "last year", "next year" after a month, as
// years from publication.
func (p *parser) yearWord(i int) (n, end int, ok bool) {
	if p.k(i+1) != "year" {
		return 0, i, false
	}
	switch p.k(i) {
	case "this":
		return 0, i + 2, true
	case "last":
		return -1, i + 2, true
	case "next":
		return 1, i + 2, true
	}
	return 0, i, false
}

// countFollows reports whether a lower-case word follows token i, as in
// "May 10 people die" (a count, not a date).
func (p *parser) countFollows(i int) bool {
	k := p.k(i)
	return k != "" && isASCIILetter(k[0]) && !p.toks[i].upper && k != "and" && k != "to"
}

func (p *parser) days(i, end, y, m, d1, d2 int) (result, bool) {
	if d1 > daysIn(y, m) || d2 > daysIn(y, m) {
		return result{}, false
	}
	if d2 == 0 {
		return p.date(i, end, dayIv(date(y, m, d1)))
	}
	return p.date(i, end, daysIv(date(y, m, d1), date(y, m, d2)))
}

// bareMonthOK decides whether a month name without day or year is a month:
// after a time preposition or modifier ("in May", "last March", "early
// June"); for other months than May and March (also a modal and a verb) also
// when capitalised inside a sentence and not part of a name ("June
// Carter").
func (p *parser) bareMonthOK(i, m int) bool {
	if p.in(i-1, timePreps) || (p.hyphen(i-1) && p.in(i-2, timePreps)) {
		return !p.nameFollows(i + 1)
	}
	if m == 5 || m == 3 {
		return false
	}
	if p.sentStart(i) || p.nameFollows(i+1) || (i > 0 && p.toks[i-1].upper) {
		return false
	}
	return true
}

// nameFollows reports whether token i is a capitalised word that is not
// itself a time word, as after a first name.
func (p *parser) nameFollows(i int) bool {
	if i >= len(p.toks) || !p.toks[i].upper || !p.toks[i].gap && p.k(i) != "" {
		return false
	}
	e := p.e(i)
	return e.month == 0 && e.weekday == 0 && !p.toks[i].digits
}

// How far ahead of publication a date without a year, or a bare month, may
// lie when nothing in its clause looks ahead. News reports the past, but
// dates a few weeks ahead (deadlines, payment dates, meetings) are common and
// a date half a year ahead rarely is: "Nov. 3" in May is last November.
const (
	aheadDays   = 60
	aheadMonths = 2
)

// yearOfMonthDay picks the year of a month and day without one: the next
// occurrence on or after publication when the clause looks ahead, else the
// last one up to aheadDays after publication.
func (p *parser) yearOfMonthDay(m, d, i int) int {
	y := p.pub.Year()
	future := p.future(i)
	limit := p.pub.AddDate(0, 0, aheadDays)
	if future {
		for _, cy := range []int{y - 1, y, y + 1} {
			if d <= daysIn(cy, m) && !date(cy, m, d).Before(p.pub) {
				return cy
			}
		}
	}
	for _, cy := range []int{y + 1, y, y - 1} {
		if d <= daysIn(cy, m) && !date(cy, m, d).After(limit) {
			return cy
		}
	}
	return y - 1
}

// monthNear resolves a bare month: the next such month from the
// publication month when the clause looks ahead, else the last one that
// starts no more than aheadMonths after the publication month.
func (p *parser) monthNear(m, i int) interval {
	y, pm := p.pub.Year(), int(p.pub.Month())
	if p.future(i) {
		if m < pm {
			y++
		}
		return monthIv(y, m)
	}
	for _, cy := range []int{y + 1, y, y - 1} {
		if (cy-y)*12+m-pm <= aheadMonths {
			return monthIv(cy, m)
		}
	}
	return monthIv(y-1, m)
}

// dayFirst reads "10 October", "10th October 2020", "the 10th of October",
// "3-5 May", "3 to 5 May 2020".
func (p *parser) dayFirst(i int) (result, bool) {
	j := i
	the := p.k(j) == "the"
	if the {
		j++
	}
	d1, d2, end := 0, 0, j
	if a, b, e, ok := p.dayRange(j); ok {
		d1, d2, end = a, b, e
	} else if d, e, ok := p.dayOfMonth(j); ok {
		d1, end = d, e
		if k, ok := p.rangeWord(e); ok && p.k(e) != "and" {
			if d, e2, ok := p.dayOfMonth(k); ok && d > d1 {
				if _, _, _, ok := p.month(p.opt(e2, "of")); ok {
					d2, end = d, e2
				}
			}
		}
	} else {
		return result{}, false
	}
	ordinal := !p.toks[j].digits
	k := end
	if ordinal || the {
		k = p.opt(k, "of")
	}
	m, k, _, ok := p.month(k)
	if !ok || (the && !ordinal) {
		return result{}, false
	}
	if y, e, ok := p.year4(p.opt(k, ",")); ok {
		return p.days(i, e, y, m, d1, d2)
	}
	if !p.hasPub {
		return result{start: i, end: k, kind: kDate, state: stNeedsPub}, true
	}
	return p.days(i, k, p.yearOfMonthDay(m, d1, i), m, d1, d2)
}

// decade reads "the 1980s", "1990s", "the '80s", "the early 1990s", "the
// mid-1990s", "the nineties".
func (p *parser) decade(i int) (result, bool) {
	j := i
	the := p.k(j) == "the"
	if the {
		j++
	}
	if p.in(j, decadeMods) {
		j = p.skipHyphen(j + 1)
	}
	k := p.k(j)
	d, end := 0, j+1
	switch {
	case len(k) == 5 && k[4] == 's' && isDigits(k[:4]) && k[3] == '0':
		d = atoi(k[:4])
	case k == "'" && p.glued(j+1) && len(p.k(j+1)) == 3 && p.k(j + 1)[2] == 's' && isDigits(p.k(j + 1)[:2]):
		d, end = 1900+atoi(p.k(j + 1)[:2]), j+2
	case len(k) == 3 && k[2] == 's' && isDigits(k[:2]) && k[1] == '0' && the:
		d = 1900 + atoi(k[:2])
	case the && p.e(j).decade > 0:
		d = p.e(j).decade
	}
	if d == 0 || d%10 != 0 {
		return result{}, false
	}
	return p.date(i, end, yearsIv(d, d+9))
}

var decadeMods = set("early", "late", "mid", "middle")

// century reads "the 20th century", "the twenty-first century" ("this
// century" is a relPeriod).
func (p *parser) century(i int) (result, bool) {
	j := p.opt(i, "the")
	if n, e, ok := p.ordinal(j); ok && p.k(e) == "century" && n >= 1 && n <= 22 {
		return p.date(i, e+1, yearsIv((n-1)*100, (n-1)*100+99))
	}
	return result{}, false
}

// year reads a year: "1990" after a time preposition, "fiscal 1989", "the
// year 2000", "mid-1996", "the 2019 election", "1990-91", "nineteen
// ninety-six" in context.
func (p *parser) year(i int) (result, bool) {
	switch p.k(i) {
	case "fiscal":
		j := p.skipHyphen(p.opt(i+1, "year"))
		if y, e, ok := p.year4(j); ok {
			return p.date(i, e, yearIv(y))
		}
		return result{}, false
	case "the":
		if p.k(i+1) != "year" {
			return result{}, false
		}
		if y, e, ok := p.year4(i + 2); ok {
			return p.date(i, e, yearIv(y))
		}
		if y, e, ok := p.spokenYear(i + 2); ok {
			return p.date(i, e, yearIv(y))
		}
		return result{}, false
	case "mid", "post", "pre", "early", "late":
		if p.hyphen(i + 1) {
			if y, e, ok := p.year4(i + 2); ok {
				return p.date(i, e, yearIv(y))
			}
		}
		return result{}, false
	}
	if y1, y2, e, ok := p.yearRange(i); ok && p.yearContext(i) {
		return p.date(i, e, yearsIv(y1, y2))
	}
	if y, e, ok := p.year4(i); ok {
		if p.yearContext(i) && !p.in(e, notAfterYear) {
			return p.date(i, e, yearIv(y))
		}
		if p.modifierYear(i, y) {
			return p.date(i, e, yearIv(y))
		}
		return result{}, false
	}
	if y, e, ok := p.spokenYear(i); ok && (p.in(i-1, timePreps) || p.e(i-1).month > 0) {
		return p.date(i, e, yearIv(y))
	}
	return result{}, false
}

// modifierYear reports whether the year y at i modifies a noun after a
// determiner: "the 2019 election", "a 1996 law", "his unsuccessful 1996
// campaign", but not "the 2000 soldiers".
func (p *parser) modifierYear(i, y int) bool {
	if y < 1900 || y > 2099 || !p.word(i+1) || p.e(i+1).countNoun || p.e(i+1).unit != unitNone {
		return false
	}
	if p.e(i + 1).yearNoun {
		return p.in(i-1, determiners) || p.in(i-2, determiners)
	}
	j := i - 1
	if p.word(j) && !p.toks[j].upper && !p.in(j, determiners) && p.in(j-1, determiners) {
		j-- // an adjective between
	}
	return p.in(j, determiners)
}

// determiners may open a noun phrase that a year modifies.
var determiners = set("the", "a", "an", "that", "this", "its", "his", "her", "their", "our", "my", "your", "whose")

// notAfterYear are words after a number that make it a count or an amount.
var notAfterYear = set("%", "percent", "per")

// yearContext reports whether a four-digit number at i is placed as a year:
// after a time preposition ("in 1990", "since 2014"), or in a list or range
// of years ("1990 and 1991"). After a preposition that also takes amounts
// ("to", "about", "of") a following noun makes it an amount ("to 2000
// troops").
func (p *parser) yearContext(i int) bool {
	if p.k(i-1) == "$" || p.k(i-1) == "#" {
		return false
	}
	if p.in(i-1, amountPreps) {
		return !p.word(i+1) || p.toks[i+1].upper || afterYear[p.k(i+1)] || p.e(i+1).yearNoun
	}
	if p.in(i-1, timePreps) {
		return true
	}
	switch p.k(i - 1) {
	case "and", "or", "to", "-", "\u2013", ",":
		_, _, ok := p.year4(i - 2)
		return ok && p.toks[i-2].num < p.toks[i].num
	}
	return false
}

// amountPreps take years and amounts alike.
var amountPreps = set("both", "to", "of", "about", "around", "for", "from", "by", "over", "than", "some", "nearly", "almost", "under", "up", "past", "on")

// afterYear are words that may follow a year in running text.
var afterYear = set("and", "or", "to", "when", "the", "as", "after", "before", "in", "on", "at",
	"but", "with", "while", "that", "which", "was", "were", "is", "are", "had", "has", "have",
	"where", "because", "until", "through", "a", "an", "for", "from", "by", "it", "they", "he",
	"she", "we", "there", "this", "its", "his", "their", "amid", "during", "against", "since",
	"fiscal", "budget", "levels", "level", "figures", "onwards", "onward", "alone", "itself")

// yearRange reads "1990-91" or "1990-1995".
func (p *parser) yearRange(i int) (y1, y2, end int, ok bool) {
	a, b, found := strings.Cut(p.k(i), "-")
	if !found || len(a) != 4 || !isDigits(a) || !isDigits(b) || (len(b) != 2 && len(b) != 4) {
		return 0, 0, i, false
	}
	y1, y2 = atoi(a), atoi(b)
	if len(b) == 2 {
		y2 += y1 / 100 * 100
	}
	if y1 < 1000 || y2 <= y1 || y2-y1 > 20 {
		return 0, 0, i, false
	}
	return y1, y2, i + 1, true
}

// yearEnd reads "year-end", "year end", "year's end": the end of the current
// year, kept at year precision.
func (p *parser) yearEnd(i int) (result, bool) {
	if p.k(i) != "year" {
		return result{}, false
	}
	j := p.skipHyphen(i + 1)
	if p.k(j) != "end" {
		return result{}, false
	}
	return p.rel(i, j+1, func() interval { return yearIv(p.pub.Year()) })
}
