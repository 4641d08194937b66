package times

// This file reads the fiscal and calendar periods of business news:
// "the third quarter", "third-quarter", "the fourth quarter of 1990", "the
// year-ago quarter", "the latest period", "the first half of 1990".

// quarterPhrase collects what the words before and after "quarter" say.
type quarterPhrase struct {
	q          int  // 1..4 given by an ordinal, 0 none
	half       bool // "half" rather than "quarter"
	period     bool // "period": only with a quarter to refer to
	year       int  // an explicit year
	yearRel    int  // "last year's": -1, "this year's": 0, "next year's": 1
	hasYearRel bool
	yearAgo    bool // year-ago, year-earlier, a year ago, last year (after)
	rel        int  // this quarter 0, last quarter -1, next quarter 1
	hasRel     bool
	latest     bool // the latest, the most recent
	prevRef    bool // the previous, the prior
	refWord    bool // the, its, that, the same, the comparable
}

// quarter reads a quarter, a half or a reporting period with the words
// around it. Without a year a quarter is of the publication year, or of the
// year before when it would start more than a quarter after publication
// ("the fourth quarter" in January). "the quarter" and "the period" refer
// to the last quarter named and are read only when there is one.
func (p *parser) quarter(i int) (result, bool) {
	var qp quarterPhrase
	j := i
	noun := -1
	for n := 0; n < 7 && j < len(p.toks) && noun < 0; n++ {
		k := p.k(j)
		switch {
		case k == "the" || k == "its" || k == "their" || k == "that":
			qp.refWord = true
		case k == "same" || k == "comparable" || k == "corresponding":
			qp.refWord = true
		case k == "fiscal" || k == "calendar":
		case k == "-" && p.hyphen(j):
		case k == "this" || k == "last" || k == "next" || k == "current":
			d := 0
			switch k {
			case "last":
				d = -1
			case "next":
				d = 1
			}
			if p.k(j+1) == "year" && int(p.toks[j+1].end-p.toks[j+1].start) > len(p.k(j+1)) {
				qp.yearRel, qp.hasYearRel = d, true // "last year's"
				j++
			} else if k == "last" && p.k(j+1) == "half" {
				qp.q = 2 // "the last half"
			} else {
				qp.rel, qp.hasRel = d, true
			}
		case k == "latest" || k == "recent":
			qp.latest = true
		case k == "most":
		case k == "previous" || k == "prior" || k == "preceding":
			qp.prevRef = true
		case k == "year" && p.hyphen(j+1) && (p.k(j+2) == "ago" || p.k(j+2) == "earlier"):
			qp.yearAgo = true
			j += 2
		case k == "quarter":
			noun = j
		case k == "half":
			noun, qp.half = j, true
		case k == "period":
			noun, qp.period = j, true
		case len(k) == 2 && k[0] == 'q' && k[1] >= '1' && k[1] <= '4':
			qp.q, noun = int(k[1]-'0'), j
		default:
			if y, _, ok := p.year4(j); ok {
				qp.year = y
				break
			}
			if o, e, ok := p.ordinal(j); ok && o >= 1 && o <= 4 {
				qp.q = o
				j = e - 1
				break
			}
			return result{}, false
		}
		j++
	}
	if noun < 0 {
		return result{}, false
	}
	end := noun + 1
	// after the noun: "of 1990", "of this year", "last year", "a year ago"
	switch k := p.k(end); {
	case k == "of":
		if y, e, ok := p.year4(p.opt(end+1, "fiscal")); ok {
			qp.year, end = y, e
		} else if e, ok := p.seq(end+1, "this", "year"); ok {
			qp.yearRel, qp.hasYearRel, end = 0, true, e
		} else if e, ok := p.seq(end+1, "last", "year"); ok {
			qp.yearRel, qp.hasYearRel, end = -1, true, e
		} else if e, ok := p.seq(end+1, "next", "year"); ok {
			qp.yearRel, qp.hasYearRel, end = 1, true, e
		} else if e, ok := p.seq(end+1, "the", "year"); ok && qp.half {
			qp.yearRel, qp.hasYearRel, end = 0, true, e
		}
	case p.tok(end).digits && len(k) == 4 && qp.year == 0:
		if y, e, ok := p.year4(end); ok {
			qp.year, end = y, e // "Q3 2020"
		}
	case k == "last" && p.k(end+1) == "year":
		qp.yearAgo, end = true, end+2
	case k == "a" && p.k(end+1) == "year" && (p.k(end+2) == "ago" || p.k(end+2) == "earlier"):
		qp.yearAgo, end = true, end+3
	case (k == "ended" || k == "ending") && !qp.half && qp.q == 0 && !qp.yearAgo:
		// "the quarter ended Sept. 30": the three months up to that date,
		// which stays an expression of its own
		if r, ok := p.monthFirst(end + 1); ok && r.resolved() && r.iv.prec == pDay {
			last := r.iv.from.time()
			first := date(last.Year(), int(last.Month())-2, 1)
			res, _ := p.date(i, end, monthsIv(first.Year(), int(first.Month()), 3))
			res.quarter = true
			return res, true
		}
	case k == "-" && p.glued(end) && qp.q == 0:
		return result{}, false // "quarter-to-quarter"
	}
	return p.resolveQuarter(i, end, qp)
}

// yearAgoAdj reads "year-earlier" and "year-ago" used alone ("compared
// with year-earlier profit"): the quarter last named, a year before, else
// the year before publication.
func (p *parser) yearAgoAdj(i int) (result, bool) {
	if p.k(i) != "year" || !p.hyphen(i+1) || (p.k(i+2) != "earlier" && p.k(i+2) != "ago") {
		return result{}, false
	}
	if p.refQ.ok {
		return p.date(i, i+3, p.refQ.iv.shift(unitYear, -1))
	}
	return p.rel(i, i+3, func() interval { return yearIv(p.pub.Year() - 1) })
}

// resolveQuarter turns a quarter phrase into months, or rejects it.
func (p *parser) resolveQuarter(i, end int, qp quarterPhrase) (result, bool) {
	explicit := qp.q > 0 || qp.hasRel || qp.latest || qp.prevRef || qp.yearAgo || qp.hasYearRel
	switch {
	case qp.half:
		if qp.q < 1 || qp.q > 2 || (qp.year == 0 && !qp.hasYearRel) {
			return result{}, false
		}
	case qp.period:
		if !(p.quarterNamed || qp.latest) || !(explicit || qp.year > 0) {
			return result{}, false
		}
	case !explicit && !qp.refWord && qp.year == 0:
		return result{}, false
	case !explicit && !p.quarterNamed:
		return result{}, false // "the quarter" with no quarter named before
	}
	needsPub := qp.year == 0 && (qp.q > 0 || qp.half || qp.hasRel || qp.hasYearRel || qp.latest || !p.refQ.ok)
	if needsPub && !p.hasPub {
		return result{start: i, end: end, kind: kDate, state: stNeedsPub, quarter: !qp.half}, true
	}
	year := func() int {
		switch {
		case qp.year > 0:
			return qp.year
		case qp.hasYearRel:
			return p.pub.Year() + qp.yearRel
		}
		return 0
	}
	var iv interval
	switch {
	case qp.half:
		iv = monthsIv(year(), 6*qp.q-5, 6)
	case qp.q > 0:
		y := year()
		if y == 0 {
			y = p.pub.Year()
			if qp.q > quarterOf(p.pub)+1 && !p.future(i) {
				y--
			}
		}
		iv = quarterIv(y, qp.q)
	default:
		var base interval
		switch {
		case qp.hasRel:
			base = quarterIv(p.pub.Year(), quarterOf(p.pub)).shift(unitMonth, 3*qp.rel)
		case p.refQ.ok && !qp.latest:
			base = p.refQ.iv
		case p.hasPub:
			base = quarterIv(p.pub.Year(), quarterOf(p.pub)).shift(unitMonth, -3)
		default:
			return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
		}
		if qp.prevRef {
			base = base.shift(unitMonth, -3)
		}
		if y := year(); y > 0 {
			base = quarterIv(y, quarterOf(base.from.time()))
		}
		iv = base
	}
	if qp.yearAgo {
		iv = iv.shift(unitYear, -1)
	}
	r, ok := p.date(i, end, iv)
	// a comparison ("the year-ago quarter") is not what "the quarter" means next
	r.quarter = !qp.half && !qp.yearAgo && !(qp.hasYearRel && qp.yearRel < 0) && !(qp.year > 0 && qp.q == 0)
	return r, ok
}
