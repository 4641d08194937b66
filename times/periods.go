package times

// This file reads expressions built around a date or a count of units:
// modified dates ("early next year", "the end of 1990"), "since ...",
// "so far", ranges ("between 3 and 5 May"), offsets ("two weeks ago", "a year
// earlier"), windows ("the past three weeks") and durations ("three days").

// modified reads a date with a modifier that keeps its value: "early
// Tuesday", "late November", "mid-1996", "earlier this year", "the end of
// the month", "later that day".
func (p *parser) modified(i int) (result, bool) {
	j := i
	switch p.k(i) {
	case "early", "late", "mid", "earlier", "later", "middle":
		j = p.skipHyphen(i + 1)
		if (p.k(i) == "earlier" || p.k(i) == "later") && p.k(j) == "in" {
			j++
		}
	case "the":
		switch p.k(i + 1) {
		case "end", "beginning", "start", "middle", "rest", "remainder", "turn":
			if p.k(i+2) != "of" {
				return result{}, false
			}
			j = i + 3
		default:
			return result{}, false
		}
	case "end":
		if !p.hyphen(i + 1) { // "end-October"
			return result{}, false
		}
		j = i + 2
	default:
		return result{}, false
	}
	// "the month", "the year", "the day": the current one
	if p.k(j) == "the" {
		if u := p.singularUnit(j + 1); u != unitNone && u != unitDecade && u != unitCentury {
			end := j + 2
			if p.k(j+1) == "fiscal" {
				end++
			}
			if u == unitDay {
				ref, ok := p.sentRef(i)
				if !ok {
					return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
				}
				if ref.prec != pDay {
					return result{}, false
				}
				return p.date(i, end, ref)
			}
			return p.rel(i, end, func() interval { return unitIv(p.pub, u) })
		}
	}
	r, ok := p.core(j)
	if !ok || r.kind != kDate {
		return result{}, false
	}
	r.start = i
	return r, true
}

// since reads "since October", "since the beginning of the year", "since the
// start of the war", "since the fighting began", "since then".
func (p *parser) since(i int) (result, bool) {
	if p.k(i) != "since" {
		return result{}, false
	}
	j := i + 1
	if p.k(j) == "then" {
		return p.openSince(i, j+1)
	}
	if p.k(j) == "the" {
		switch p.k(j + 1) {
		case "beginning", "start", "outbreak", "onset", "launch", "eruption":
			if p.k(j+2) == "of" {
				if r, ok := p.modified(j); ok && r.kind == kDate {
					return p.sinceFrom(i, r) // "since the start of the year"
				}
				return p.openSince(i, p.nounPhrase(j+3))
			}
		}
		// "since the fighting began"
		np := p.nounPhrase(j)
		if np > j+1 && sinceVerbs[p.k(np)] {
			end := np + 1
			if p.k(np) == "broke" && p.k(end) == "out" {
				end++
			}
			return p.openSince(i, end)
		}
	}
	p.tense = -1 // "since March" is the last March
	r, ok := p.rangeEnd(j)
	p.tense = 0
	if !ok {
		return result{}, false
	}
	return p.sinceFrom(i, r)
}

var sinceVerbs = set("began", "begun", "started", "erupted", "broke", "escalated", "resumed", "flared", "ended", "took")

// nounPhrase skips a short noun phrase: a determiner and up to three words
// that are not prepositions, conjunctions or verbs of sinceVerbs.
func (p *parser) nounPhrase(i int) int {
	j := p.opt(i, "the", "this", "its", "their", "a", "an")
	for n := 0; n < 3 && j < len(p.toks); n++ {
		k := p.k(j)
		if !isASCIILetter(k[0]) || phraseStops[k] || sinceVerbs[k] {
			break
		}
		j++
	}
	return j
}

var phraseStops = set("in", "on", "at", "of", "and", "or", "but", "with", "that", "which", "who",
	"when", "as", "against", "by", "for", "to", "from", "between", "into", "over", "was", "were",
	"is", "are", "has", "have", "had", "last", "this", "since")

// sinceFrom is a period from the start of r to publication.
func (p *parser) sinceFrom(i int, r result) (result, bool) {
	r.start, r.kind, r.quarter = i, kSince, false
	if r.resolved() && p.hasPub {
		r.iv.to = p.pubDay
	}
	return r, true
}

// openSince is a period up to publication whose start is not a date.
func (p *parser) openSince(i, end int) (result, bool) {
	if !p.hasPub {
		return result{start: i, end: end, kind: kSince, state: stNeedsPub}, true
	}
	return result{start: i, end: end, kind: kSince, state: stOpen, iv: dayIv(p.pub)}, true
}

// soFar reads "so far", "thus far", "to date", "until now", "up to now", "year
// to date", and "so far this year" (from the start of the year).
func (p *parser) soFar(i int) (result, bool) {
	end := 0
	switch p.k(i) {
	case "so", "thus":
		if p.k(i+1) != "far" || p.in(i+2, notSoFar) {
			return result{}, false
		}
		end = i + 2
	case "to":
		if p.k(i+1) != "date" || p.k(i-1) == "up" || p.hyphen(i+2) {
			return result{}, false
		}
		end = i + 2
	case "until", "till":
		if p.k(i+1) != "now" {
			return result{}, false
		}
		end = i + 2
	case "up":
		e, ok := p.seq(p.opt(i+1, "until"), "to", "now")
		if !ok {
			e, ok = p.seq(i+1, "until", "now")
		}
		if !ok {
			return result{}, false
		}
		end = e
	case "year":
		j := p.skipHyphen(i + 1)
		if p.k(j) != "to" {
			return result{}, false
		}
		j = p.skipHyphen(j + 1)
		if p.k(j) != "date" {
			return result{}, false
		}
		return p.sinceStart(i, j+1, unitYear)
	default:
		return result{}, false
	}
	if p.k(end) == "this" {
		if u := p.singularUnit(end + 1); u == unitYear || u == unitMonth || u == unitWeek {
			return p.sinceStart(i, end+2, u)
		}
	}
	return p.openSince(i, end)
}

var notSoFar = set("as", "from", "away", "ahead", "behind", "removed", "so", "beyond", "below", "above", "short", "out", "gone")

// sinceStart is the period from the start of the current unit u to
// publication.
func (p *parser) sinceStart(i, end, u int) (result, bool) {
	if !p.hasPub {
		return result{start: i, end: end, kind: kSince, state: stNeedsPub}, true
	}
	iv := unitIv(p.pub, u)
	iv.to = p.pubDay
	return result{start: i, end: end, kind: kSince, state: stResolved, iv: iv}, true
}

// between reads "between 3 and 5 May", "from 3 to 5 May 2020", "between
// 1990 and 1995", "from March to May": one range.
func (p *parser) between(i int) (result, bool) {
	var conj map[string]bool
	switch p.k(i) {
	case "between":
		conj = betweenWords
	case "from":
		conj = fromWords
	default:
		return result{}, false
	}
	j := i + 1
	// days sharing a month: "between 3 and 5 May"
	if d1, e, ok := p.dayOfMonth(j); ok && p.toks[j].digits && conj[p.k(e)] {
		if r, ok := p.dayFirst(e + 1); ok && r.resolved() && r.iv.prec == pDay && d1 < r.iv.from.time().Day() {
			t := r.iv.from.time()
			r.start = i
			r.iv.from = toDay(date(t.Year(), int(t.Month()), d1))
			return r, true
		}
	}
	r1, ok := p.rangeEnd(j)
	if !ok || !conj[p.k(r1.end)] {
		return result{}, false
	}
	k := r1.end + 1
	r2, ok := p.rangeEnd(k)
	if !ok {
		return result{}, false
	}
	if r1.resolved() && r2.resolved() && r2.iv.to < r1.iv.from {
		// "from now to Election Day": the end lies ahead of the start
		p.tense = 1
		r2, ok = p.rangeEnd(k)
		p.tense = 0
		if !ok {
			return result{}, false
		}
	}
	if !r1.resolved() || !r2.resolved() {
		return result{start: i, end: r2.end, kind: kDate, state: max(r1.state, r2.state)}, true
	}
	if r2.iv.to < r1.iv.from {
		return result{}, false
	}
	prec := min(r1.iv.prec, r2.iv.prec)
	return p.date(i, r2.end, interval{r1.iv.from, r2.iv.to, prec})
}

// Words that join the ends of a range.
var (
	betweenWords = set("and", "-", "\u2013")
	fromWords    = set("to", "until", "till", "through", "-", "\u2013")
)

// rangeEnd reads a date that opens or closes a range.
func (p *parser) rangeEnd(k int) (result, bool) {
	r, ok := p.modified(k)
	if !ok {
		r, ok = p.core(k)
	}
	return r, ok && r.kind == kDate
}

// unitPrec is the precision a count of units gives.
func unitPrec(u int) precision {
	switch u {
	case unitMinute, unitHour, unitDay:
		return pDay
	case unitWeek, unitFortnight:
		return pWeek
	case unitMonth:
		return pMonth
	}
	return pYear
}

// quantity reads a count of units: "three weeks", "24 hours", "a year",
// "several days", "a week or so". n is -1 for a vague count.
func (p *parser) quantity(i int, article bool) (n, unit, end int, ok bool) {
	j := i
	if e, ok := p.vague(j); ok {
		n, j = -1, e
	} else if v, e, ok := p.cardinal(j, article); ok {
		n, j = v, e
	} else {
		return 0, 0, i, false
	}
	u := p.e(j).unit
	if u == unitNone || (j > 0 && !p.toks[j].gap) {
		return 0, 0, i, false
	}
	end = j + 1
	if p.k(end) == "or" && (p.k(end+1) == "so" || p.e(end+1).number > 0) {
		end += 2
	}
	return n, u, end, true
}

// approx skips a hedge before a count: "about", "nearly", "more than".
func (p *parser) approx(i int) int {
	switch p.k(i) {
	case "about", "almost", "nearly", "some", "roughly", "around", "just", "only", "barely", "over", "approximately", "under":
		return i + 1
	case "more", "less", "fewer":
		if p.k(i+1) == "than" {
			return i + 2
		}
	case "at":
		if p.k(i+1) == "least" || p.k(i+1) == "most" {
			return i + 2
		}
	}
	return i
}

// ago reads an offset from publication or from the sentence's date: "two
// weeks ago", "a year ago", "three days later", "a year earlier", "five
// years from now".
func (p *parser) ago(i int) (result, bool) {
	j := p.approx(i)
	n, u, e, ok := p.quantity(j, true)
	if !ok {
		return result{}, false
	}
	dir, end := 0, e+1
	fromPub := true
	switch p.k(e) {
	case "ago", "back":
		dir = -1
	case "hence":
		dir = 1
	case "from":
		if p.k(e+1) != "now" {
			return result{}, false
		}
		dir, end = 1, e+2
	case "earlier", "before", "later", "after":
		dir, fromPub = -1, false
		if p.k(e) == "later" || p.k(e) == "after" {
			dir = 1
		}
		if (p.k(e) == "before" || p.k(e) == "after") && p.word(e+1) {
			return result{}, false // "two days after the attack"
		}
	default:
		return result{}, false
	}
	if n < 0 {
		return result{start: i, end: end, kind: kDate}, true
	}
	if !p.hasPub && fromPub {
		return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
	}
	sent := p.toks[i].sent
	// "net rose from $X a year ago", after a sentence on the quarter: the
	// same quarter a year before
	if u == unitYear && n == 1 && dir < 0 && p.refQ.ok && p.refQ.sent >= sent-1 {
		return p.date(i, end, p.refQ.iv.shift(unitYear, -1))
	}
	// "two days later" follows the story told so far; "a year earlier"
	// compares with a date in the same sentence, else with publication.
	if !fromPub && p.ref.ok && (p.ref.sent == sent || dir > 0) && p.ref.iv.prec <= unitPrec(u) {
		return p.date(i, end, shiftUnit(p.ref.iv, u, dir*n))
	}
	if !fromPub && dir > 0 {
		return result{start: i, end: end, kind: kDate}, true // later than what?
	}
	if !p.hasPub {
		return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
	}
	if u == unitHour || u == unitMinute {
		return p.date(i, end, dayIv(back(p.pub, u, -dir*n)))
	}
	return p.date(i, end, unitIv(back(p.pub, u, -dir*n), u))
}

// pastN reads a window up to publication, "the past three weeks", "the last
// 24 hours", "recent days", or from it, "the next three days".
func (p *parser) pastN(i int) (result, bool) {
	if p.k(i) == "recent" {
		if u := p.e(i + 1).unit; u != unitNone && plural(p.k(i+1)) {
			end := i + 2
			if p.k(end) == "and" && p.e(end+1).unit != unitNone {
				end += 2
			}
			return p.openSince(i, end)
		}
		return result{}, false
	}
	j := p.opt(i, "the")
	dir := 0
	switch p.k(j) {
	case "past", "last", "previous", "preceding":
		dir = -1
	case "next", "coming", "following":
		if j == i {
			return result{}, false
		}
		dir = 1
	default:
		return result{}, false
	}
	n, u, end, ok := p.quantity(j+1, false)
	if !ok {
		return result{}, false
	}
	kind := kSince
	if dir > 0 {
		kind = kDuration
	}
	if !p.hasPub {
		return result{start: i, end: end, kind: kind, state: stNeedsPub}, true
	}
	if n < 0 {
		if dir > 0 {
			return result{start: i, end: end, kind: kind}, true
		}
		return p.openSince(i, end)
	}
	from, to := back(p.pub, u, n), p.pub
	if dir > 0 {
		from, to = p.pub, back(p.pub, u, -n)
	}
	return result{start: i, end: end, kind: kind, state: stResolved, iv: daysIv(from, to)}, true
}

// duration reads a length of time not placed in time: "three weeks", "24
// hours", "several days", "for weeks".
func (p *parser) duration(i int) (result, bool) {
	if p.k(i) == "for" {
		if u := p.e(i + 1).unit; u != unitNone && plural(p.k(i+1)) && !p.in(i+2, notAfterDuration) {
			return result{start: i + 1, end: i + 2, kind: kDuration}, true
		}
		return result{}, false
	}
	j := p.approx(i)
	article := p.k(j) == "a" || p.k(j) == "an"
	n, _, end, ok := p.quantity(j, true)
	if !ok || p.in(end, notAfterDuration) || p.hyphen(end) {
		return result{}, false
	}
	if article && j == i && !p.in(i-1, durationPreps) {
		return result{}, false // "twice a day", "a year of war"
	}
	if n == 0 {
		return result{}, false
	}
	return result{start: i, end: end, kind: kDuration}, true
}

// notAfterDuration mark a count of years as an age or a qualifier.
var notAfterDuration = set("old", "-")

func plural(w string) bool { return len(w) > 1 && w[len(w)-1] == 's' }

var durationPreps = set("for", "in", "within", "over", "after", "lasted", "lasting", "took", "spent", "nearly", "almost", "about", "than")
