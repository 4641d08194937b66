package times

import (
	"sort"
	"strings"
	"time"
)

// This file reads dates relative to publication or to an earlier date:
// weekdays, "yesterday", "now", "last week", "the following day", "this
// summer", "the weekend", holidays.

// weekOf reads "the week of March 6": the week containing a day.
func (p *parser) weekOf(i int) (result, bool) {
	j, ok := p.seq(i, "the", "week", "of")
	if !ok {
		return result{}, false
	}
	r, ok := p.core(j)
	if !ok || r.kind != kDate || (r.resolved() && r.iv.prec != pDay) {
		return result{}, false
	}
	r.start = i
	if r.resolved() {
		r.iv = weekIv(r.iv.from.time())
	}
	return r, true
}

// Modes of a determiner before a weekday, a holiday, a month or a season.
const (
	modePlain   = iota
	modeLast    // the one before publication
	modeNext    // the one after publication
	modeComing  // the one on or after publication
	modePrevRef // the one before the reference date
	modeNextRef // the one after the reference date
)

// weekdayMode reads a determiner before a weekday.
func (p *parser) weekdayMode(i int) (mode, j int) {
	switch p.k(i) {
	case "last", "past":
		return modeLast, i + 1
	case "next":
		return modeNext, i + 1
	case "coming":
		return modeComing, i + 1
	case "this":
		switch p.k(i + 1) {
		case "past":
			return modeLast, i + 2
		case "coming":
			return modeComing, i + 2
		}
		return modePlain, i + 1
	case "the":
		switch p.k(i + 1) {
		case "previous", "preceding", "prior":
			return modePrevRef, i + 2
		case "following", "next":
			return modeNextRef, i + 2
		}
	}
	return modePlain, i
}

// weekday reads "Friday", "last Friday", "Friday night", "Friday's",
// "Monday, Oct. 26" (the date decides).
func (p *parser) weekday(i int) (result, bool) {
	mode, j := p.weekdayMode(i)
	wd := p.e(j).weekday
	if wd == 0 || (mode == modePlain && j > i && !p.toks[j].upper) {
		return result{}, false
	}
	end := j + 1
	if k := p.opt(end, ","); k < len(p.toks) {
		for _, m := range weekdayDates {
			if r, ok := m(p, k); ok && r.end >= k+2 && (r.iv.prec == pDay || !r.resolved()) {
				r.start = i
				return r, true
			}
		}
	}
	if j == i && i > 0 && p.toks[i-1].upper && !p.sentStart(i-1) && p.nameFollows(end) {
		return result{}, false // "the Good Friday Agreement"
	}
	if p.e(end).partOfDay {
		end++
	}
	if mode == modePrevRef || mode == modeNextRef {
		ref, ok := p.docRef()
		if !ok {
			return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
		}
		if ref.prec != pDay {
			if !p.hasPub {
				return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
			}
			ref = dayIv(p.pub)
		}
		return p.date(i, end, dayIv(weekdayFrom(ref.from.time(), wd, mode)))
	}
	if mode == modePlain && p.future(i) {
		mode = modeComing
	}
	return p.rel(i, end, func() interval { return dayIv(weekdayFrom(p.pub, wd, mode)) })
}

// weekdayDates read the date that may follow a weekday.
var weekdayDates = []matcher{(*parser).monthFirst, (*parser).dayFirst}

// weekdayFrom finds ISO weekday wd relative to day t: on or before it
// (modePlain), before it (modeLast, modePrevRef), after it (modeNext,
// modeNextRef), on or after it (modeComing).
func weekdayFrom(t time.Time, wd, mode int) time.Time {
	back := (isoWeekday(t) - wd + 7) % 7
	fwd := (wd - isoWeekday(t) + 7) % 7
	switch mode {
	case modeLast, modePrevRef:
		if back == 0 {
			back = 7
		}
		return t.AddDate(0, 0, -back)
	case modeNext, modeNextRef:
		if fwd == 0 {
			fwd = 7
		}
		return t.AddDate(0, 0, fwd)
	case modeComing:
		return t.AddDate(0, 0, fwd)
	}
	return t.AddDate(0, 0, -back)
}

// deictic reads words that point at the publication day: "today",
// "yesterday morning", "tonight", "last night", "this morning", "now",
// "currently", "the day before yesterday".
func (p *parser) deictic(i int) (result, bool) {
	offset, end := 0, i+1
	switch p.k(i) {
	case "today", "tonight", "currently", "nowadays":
	case "yesterday":
		offset = -1
	case "tomorrow":
		offset = 1
	case "now":
		if p.hyphen(i + 1) {
			return result{}, false
		}
	case "right":
		if p.k(i+1) != "now" {
			return result{}, false
		}
		end++
	case "at":
		if p.k(i+1) != "present" {
			return result{}, false
		}
		end++
	case "these":
		if p.k(i+1) != "days" {
			return result{}, false
		}
		end++
	case "last":
		if p.k(i+1) != "night" && p.k(i+1) != "evening" {
			return result{}, false
		}
		offset, end = -1, i+2
	case "this":
		if !p.e(i+1).partOfDay || p.k(i+1) == "night" {
			return result{}, false
		}
		end = i + 2
	case "the":
		if e, ok := p.seq(i+1, "day", "before", "yesterday"); ok {
			offset, end = -2, e
		} else if e, ok := p.seq(i+1, "day", "after", "tomorrow"); ok {
			offset, end = 2, e
		} else {
			return result{}, false
		}
	default:
		return result{}, false
	}
	if (offset != 0 || p.k(i) == "today") && p.e(end).partOfDay {
		end++
	}
	return p.rel(i, end, func() interval { return dayIv(p.pub.AddDate(0, 0, offset)) })
}

// Determiners before a calendar unit.
const (
	detNone    = iota
	detThe     // "the year": the current one, in context
	detThis    // this, current
	detLast    // last, this past, the latest
	detNext    // next, coming
	detPast    // the past, the last: a period up to publication
	detPrevRef // the previous: before the reference date
	detNextRef // the following: after the reference date
	detNextAmb // the next: after the reference day, or the coming period
	detSameRef // that, the same
)

func (p *parser) determiner(i int) (det, j int) {
	switch p.k(i) {
	case "this":
		switch p.k(i + 1) {
		case "past":
			return detLast, i + 2
		case "coming":
			return detNext, i + 2
		}
		return detThis, i + 1
	case "current":
		return detThis, i + 1
	case "last":
		return detLast, i + 1
	case "next", "coming":
		return detNext, i + 1
	case "that":
		return detSameRef, p.opt(i+1, "same")
	case "the":
		switch p.k(i + 1) {
		case "past", "last":
			return detPast, i + 2
		case "previous", "preceding", "prior":
			return detPrevRef, i + 2
		case "following":
			return detNextRef, i + 2
		case "next":
			return detNextAmb, i + 2
		case "same", "very":
			return detSameRef, p.opt(i+2, "same")
		case "current":
			return detThis, i + 2
		case "coming":
			return detNext, i + 2
		case "latest":
			return detLast, i + 2
		case "full", "whole", "entire":
			return detThis, i + 2
		case "most":
			if p.k(i+2) == "recent" {
				return detLast, i + 3
			}
		}
		return detThe, i + 1
	}
	return detNone, i
}

// singularUnit returns the calendar unit named by a singular noun.
func (p *parser) singularUnit(i int) int {
	switch p.k(i) {
	case "day", "week", "month", "year", "decade", "century":
		return p.e(i).unit
	case "fiscal":
		if p.k(i+1) == "year" {
			return unitYear
		}
	}
	return unitNone
}

// relPeriod reads a determiner and a calendar unit, month, season or part of
// the day: "last week", "this month", "next year", "the past year", "the
// following day", "that night", "last November", "this summer", "the
// weekend".
func (p *parser) relPeriod(i int) (result, bool) {
	det, j := p.determiner(i)
	if det == detNone {
		if p.e(i).season > 0 && p.in(i-1, timePreps) {
			return p.monthOrSeason(i, detThe, i) // "in spring", "during summer 2019"
		}
		return result{}, false
	}
	if r, ok := p.weekend(i, det, j); ok {
		return r, true
	}
	if r, ok := p.monthOrSeason(i, det, j); ok {
		return r, true
	}
	if p.in(j, decadeMods) {
		// "the early summer", "this late November"
		if r, ok := p.monthOrSeason(i, det, p.skipHyphen(j+1)); ok {
			return r, true
		}
	}
	if p.e(j).partOfDay {
		return p.partOfDay(i, det, j)
	}
	u := p.singularUnit(j)
	if u == unitNone {
		return result{}, false
	}
	end := j + 1
	if p.k(j) == "fiscal" {
		end++
	}
	if p.k(end) == "of" && (det == detThe || det == detPast) {
		return result{}, false // "the last year of his term"
	}
	switch det {
	case detThe:
		// "the year" is the current one after "for", "during", "in".
		if u == unitDay || u == unitDecade || u == unitCentury || !(p.in(i-1, theUnitPreps) || p.k(j) == "fiscal") {
			return result{}, false
		}
		return p.rel(i, end, func() interval { return unitIv(p.pub, u) })
	case detThis:
		if u == unitDay {
			return result{}, false
		}
		return p.rel(i, end, func() interval { return unitIv(p.pub, u) })
	case detLast, detNext:
		if u == unitDay {
			return result{}, false
		}
		n := -1
		if det == detNext {
			n = 1
		}
		return p.rel(i, end, func() interval { return shiftUnit(unitIv(p.pub, u), u, n) })
	case detPast:
		if u == unitDay {
			return result{}, false // "the last day"
		}
		if !p.hasPub {
			return result{start: i, end: end, kind: kSince, state: stNeedsPub}, true
		}
		return result{start: i, end: end, kind: kSince, state: stResolved,
			iv: daysIv(back(p.pub, u, 1), p.pub)}, true
	case detNextAmb:
		if u != unitDay {
			if !p.hasPub {
				return result{start: i, end: end, kind: kDuration, state: stNeedsPub}, true
			}
			return result{start: i, end: end, kind: kDuration, state: stResolved,
				iv: daysIv(p.pub, back(p.pub, u, -1))}, true
		}
		fallthrough
	case detNextRef, detPrevRef, detSameRef:
		ref, ok := p.docRef()
		if !ok {
			return result{start: i, end: end, kind: kDate, state: stNeedsPub}, true
		}
		n := 0
		switch det {
		case detNextRef, detNextAmb:
			n = 1
		case detPrevRef:
			n = -1
		}
		if u == unitDay && ref.prec != pDay {
			return result{start: i, end: end, kind: kDate}, true
		}
		return p.date(i, end, shiftUnit(unitIv(ref.from.time(), u), u, n))
	}
	return result{}, false
}

// theUnitPreps make "the year", "the month", "the week" the current one.
var theUnitPreps = set("for", "during", "in", "over", "through", "throughout", "of")

// partOfDay reads "that night", "the next morning", "the previous evening".
func (p *parser) partOfDay(i, det, j int) (result, bool) {
	n := 0
	switch det {
	case detSameRef:
	case detNextRef, detNextAmb:
		n = 1
	case detPrevRef:
		n = -1
	default:
		return result{}, false
	}
	ref, ok := p.docRef()
	if !ok {
		return result{start: i, end: j + 1, kind: kDate, state: stNeedsPub}, true
	}
	if ref.prec != pDay {
		return result{start: i, end: j + 1, kind: kDate}, true
	}
	return p.date(i, j+1, interval{ref.from + day(n), ref.from + day(n), pDay})
}

// weekend reads "the weekend", "this weekend", "last weekend", "next
// weekend": a Saturday and Sunday.
func (p *parser) weekend(i, det, j int) (result, bool) {
	if p.k(j) != "weekend" {
		return result{}, false
	}
	var f func() interval
	switch det {
	case detThe, detThis:
		f = func() interval {
			if p.future(i) {
				sat := weekdayFrom(p.pub, 6, modeComing)
				if isoWeekday(p.pub) == 7 {
					sat = p.pub.AddDate(0, 0, -1)
				}
				return weekendIv(sat)
			}
			return weekendIv(weekdayFrom(p.pub, 6, modePlain))
		}
	case detLast:
		f = func() interval { return weekendIv(weekdayFrom(p.pub, 7, modeLast)) }
	case detNext:
		f = func() interval { return weekendIv(weekdayFrom(p.pub, 6, modeNext)) }
	default:
		return result{}, false
	}
	return p.rel(i, j+1, f)
}

// monthOrSeason reads a determiner and a month or season: "last November",
// "this September", "next May", "last Oct. 23", "last fall", "this summer",
// "the winter of 1994", "the summer".
func (p *parser) monthOrSeason(i, det, j int) (result, bool) {
	if m, end, _, ok := p.month(j); ok {
		return p.monthRel(i, det, m, end)
	}
	return p.seasonRel(i, det, j)
}

// monthRel reads the rest of "last November" or "last Oct. 23" after the
// month, which ends at token end.
func (p *parser) monthRel(i, det, m, end int) (result, bool) {
	if det != detThis && det != detLast && det != detNext {
		return result{}, false
	}
	if d, e, ok := p.dayOfMonth(end); ok {
		// "last Oct. 23": that day before publication
		return p.rel(i, e, func() interval {
			y := p.pub.Year()
			t := date(y, m, min(d, daysIn(y, m)))
			switch {
			case det == detLast && !t.Before(p.pub):
				y--
			case det == detNext && !t.After(p.pub):
				y++
			}
			return dayIv(date(y, m, min(d, daysIn(y, m))))
		})
	}
	return p.rel(i, end, func() interval {
		y, pm := p.pub.Year(), int(p.pub.Month())
		switch {
		case det == detLast && m >= pm:
			y--
		case det == detNext && m <= pm:
			y++
		}
		return monthIv(y, m)
	})
}

// seasonRel reads a season after a determiner at j.
func (p *parser) seasonRel(i, det, j int) (result, bool) {
	m := p.e(j).season
	if m == 0 {
		return result{}, false
	}
	end := j + 1
	// "the winter of 1994", "this summer of 2020"
	if p.k(end) == "of" {
		if y, e, ok := p.year4(end + 1); ok {
			return p.date(i, e, seasonIv(y, m))
		}
		if y, e, ok := p.spokenYear(end + 1); ok {
			return p.date(i, e, seasonIv(y, m))
		}
		return result{}, false // "the fall of Kabul"
	}
	if y, e, ok := p.year4(end); ok {
		return p.date(i, e, seasonIv(y, m))
	}
	switch det {
	case detThe:
		if !p.in(i-1, timePreps) {
			return result{}, false
		}
		return p.rel(i, end, func() interval { return p.seasonNear(m, i) })
	case detThis:
		return p.rel(i, end, func() interval { return p.seasonThis(m) })
	case detLast:
		return p.rel(i, end, func() interval { return p.seasonStep(m, -1) })
	case detNext:
		return p.rel(i, end, func() interval { return p.seasonStep(m, 1) })
	}
	return result{}, false
}

// seasonThis is the season containing publication, else the one starting in
// the publication year.
func (p *parser) seasonThis(m int) interval {
	y := p.pub.Year()
	for _, cy := range []int{y - 1, y} {
		if s := seasonIv(cy, m); s.from <= p.pubDay && p.pubDay <= s.to {
			return s
		}
	}
	return seasonIv(y, m)
}

// seasonStep is the last season that ended before publication (n < 0) or the
// first that starts after it (n > 0).
func (p *parser) seasonStep(m, n int) interval {
	y := p.pub.Year()
	if n < 0 {
		for cy := y; ; cy-- {
			if s := seasonIv(cy, m); s.to < p.pubDay {
				return s
			}
		}
	}
	for cy := y - 1; ; cy++ {
		if s := seasonIv(cy, m); s.from > p.pubDay {
			return s
		}
	}
}

// seasonNear resolves "the summer" as a bare month is resolved: the latest
// that has begun, or the next when the clause looks ahead.
func (p *parser) seasonNear(m, i int) interval {
	if p.future(i) {
		for cy := p.pub.Year() - 1; ; cy++ {
			if s := seasonIv(cy, m); s.to >= p.pubDay {
				return s
			}
		}
	}
	for cy := p.pub.Year(); ; cy-- {
		if s := seasonIv(cy, m); s.from <= p.pubDay {
			return s
		}
	}
}

// holiday reads a named day: "Christmas", "last Thanksgiving", "Easter
// 2020", "New Year's Eve".
func (p *parser) holiday(i int) (result, bool) {
	mode, j := p.weekdayMode(i)
	if j >= len(p.toks) || !p.toks[j].upper {
		return result{}, false
	}
	var best *holiday
	for h := range p.e(j).holidays {
		hd := &p.e(j).holidays[h]
		if _, ok := p.seq(j+1, hd.rest...); ok && (best == nil || len(hd.rest) > len(best.rest)) {
			best = hd
		}
	}
	if best == nil {
		return result{}, false
	}
	end := j + 1 + len(best.rest)
	if p.nameFollows(end) {
		return result{}, false // "the Good Friday Agreement", "Christmas Island"
	}
	rules := strings.Split(best.rule, "|")
	if y, e, ok := p.year4(end); ok {
		t, _ := holidayDate(rules[0], y)
		return p.date(i, e, dayIv(t))
	}
	if mode == modePlain && p.future(i) {
		mode = modeComing
	}
	return p.rel(i, end, func() interval {
		// a name kept by several calendars ("Labor Day": 1 May in most
		// of the world, September in the US) is the one nearest the news
		var dates []time.Time
		for y := p.pub.Year() - 1; y <= p.pub.Year()+1; y++ {
			for _, r := range rules {
				t, _ := holidayDate(r, y)
				dates = append(dates, t)
			}
		}
		sort.Slice(dates, func(a, b int) bool { return dates[a].Before(dates[b]) })
		var pick time.Time
		for _, t := range dates {
			switch mode {
			case modeNext, modeNextRef:
				if t.After(p.pub) && pick.IsZero() {
					pick = t
				}
			case modeComing:
				if !t.Before(p.pub) && pick.IsZero() {
					pick = t
				}
			case modeLast, modePrevRef:
				if t.Before(p.pub) {
					pick = t
				}
			default:
				if !t.After(p.pub) {
					pick = t
				}
			}
		}
		return dayIv(pick)
	})
}
