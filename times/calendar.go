package times

import (
	"strconv"
	"strings"
	"time"
)

// day is a calendar day, counted from 1970-01-01. Resolved times are kept
// as days, which are cheap to copy and compare; calendar arithmetic goes
// through time.Time.
type day int32

func toDay(t time.Time) day {
	return day((t.Unix() - int64(t.Second()) - 60*int64(t.Minute()) - 3600*int64(t.Hour())) / 86400)
}

// time returns the day's midnight, UTC.
func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// precision is how finely a resolved time is given.
type precision uint8

const (
	pDay precision = iota
	pWeek
	pMonth
	pYear
)

// String returns the contract's name of the precision.
func (p precision) String() string {
	return [...]string{precDay, precWeek, precMonth, precYear}[p]
}

// interval is a resolved time: the days [from, to] and the precision it was
// given at.
type interval struct {
	from, to day
	prec     precision
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func dayOf(t time.Time) time.Time { return date(t.Year(), int(t.Month()), t.Day()) }

func daysIn(y, m int) int { return date(y, m+1, 0).Day() }

// isoWeekday returns 1 for Monday .. 7 for Sunday.
func isoWeekday(t time.Time) int {
	if t.Weekday() == time.Sunday {
		return 7
	}
	return int(t.Weekday())
}

func dayIv(t time.Time) interval { return daysIv(t, t) }

func daysIv(a, b time.Time) interval { return interval{toDay(a), toDay(b), pDay} }

// weekIv is the Monday-to-Sunday week containing t.
func weekIv(t time.Time) interval {
	mon := toDay(t) - day(isoWeekday(t)-1)
	return interval{mon, mon + 6, pWeek}
}

func monthIv(y, m int) interval { return monthsIv(y, m, 1) }

// monthsIv covers n months starting with month m of year y.
func monthsIv(y, m, n int) interval {
	from := date(y, m, 1)
	return interval{toDay(from), toDay(from.AddDate(0, n, -1)), pMonth}
}

func yearIv(y int) interval { return yearsIv(y, y) }

func yearsIv(a, b int) interval { return interval{toDay(date(a, 1, 1)), toDay(date(b, 12, 31)), pYear} }

func quarterIv(y, q int) interval { return monthsIv(y, 3*q-2, 3) }

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// seasonIv is the season starting in month m of year y (winter spans the
// turn of the year).
func seasonIv(y, m int) interval { return monthsIv(y, m, 3) }

// weekendIv is the Saturday and Sunday of the week containing t.
func weekendIv(t time.Time) interval {
	sat := weekIv(t).from + 5
	return interval{sat, sat + 1, pDay}
}

// shift moves an interval by n units, keeping its precision and, for month
// and year precision, its length in months.
func (iv interval) shift(unit, n int) interval {
	switch unit {
	case unitDay:
		return interval{iv.from + day(n), iv.to + day(n), iv.prec}
	case unitWeek:
		return interval{iv.from + day(7*n), iv.to + day(7*n), iv.prec}
	}
	dy, dm := 0, n
	if unit == unitYear {
		dy, dm = n, 0
	}
	from, to := iv.from.time(), iv.to.time()
	if iv.prec == pDay || iv.prec == pWeek {
		return interval{toDay(from.AddDate(dy, dm, 0)), toDay(to.AddDate(dy, dm, 0)), iv.prec}
	}
	start := from.AddDate(dy, dm, 0)
	r := monthsIv(start.Year(), int(start.Month()), monthsBetween(from, to))
	r.prec = iv.prec
	return r
}

// monthsBetween counts the calendar months from's month through to's month.
func monthsBetween(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
}

// easter returns Western Easter Sunday of year y (the Gregorian computus of
// the anonymous algorithm published in Nature, 1876).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, month, day)
}

// holidayDate applies a lexicon holiday rule to year y: "MM-DD",
// "MM/WD/D" (the first ISO weekday WD on or after day D of month MM), or
// "easter+N".
func holidayDate(rule string, y int) (time.Time, bool) {
	if rest, ok := strings.CutPrefix(rule, "easter"); ok {
		n, err := strconv.Atoi(rest)
		if err != nil {
			return time.Time{}, false
		}
		return easter(y).AddDate(0, 0, n), true
	}
	if m, d, ok := strings.Cut(rule, "-"); ok {
		mm, err1 := strconv.Atoi(m)
		dd, err2 := strconv.Atoi(d)
		if err1 != nil || err2 != nil || mm < 1 || mm > 12 || dd < 1 || dd > daysIn(y, mm) {
			return time.Time{}, false
		}
		return date(y, mm, dd), true
	}
	f := strings.Split(rule, "/")
	if len(f) != 3 {
		return time.Time{}, false
	}
	mm, err1 := strconv.Atoi(f[0])
	wd, err2 := strconv.Atoi(f[1])
	dd, err3 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil || err3 != nil || mm < 1 || mm > 12 || wd < 1 || wd > 7 || dd < 1 || dd > 28 {
		return time.Time{}, false
	}
	t := date(y, mm, dd)
	return t.AddDate(0, 0, (wd-isoWeekday(t)+7)%7), true
}

// format writes day d at precision p, as the contract's value. Years are
// in 1..9999 (see inRange).
func format(d day, p precision) string {
	t := d.time()
	b := make([]byte, 0, 10)
	b = appendPadded(b, t.Year(), 4)
	if p != pYear {
		b = appendPadded(append(b, '-'), int(t.Month()), 2)
	}
	if p == pDay || p == pWeek {
		b = appendPadded(append(b, '-'), t.Day(), 2)
	}
	return string(b)
}

func appendPadded(b []byte, n, width int) []byte {
	for w, v := 1, n; w < width; w++ {
		v /= 10
		if v == 0 {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// inRange reports whether the interval's years can be written as YYYY.
func (iv interval) inRange() bool {
	return iv.from >= minDay && iv.to <= maxDay
}

var minDay, maxDay = toDay(date(1, 1, 1)), toDay(date(9999, 12, 31))

// unitIv is the calendar unit u containing t.
func unitIv(t time.Time, u int) interval {
	switch u {
	case unitDay, unitHour, unitMinute:
		return dayIv(t)
	case unitWeek, unitFortnight:
		return weekIv(t)
	case unitMonth:
		return monthIv(t.Year(), int(t.Month()))
	case unitDecade:
		d := t.Year() / 10 * 10
		return yearsIv(d, d+9)
	case unitCentury:
		c := t.Year() / 100 * 100
		return yearsIv(c, c+99)
	}
	return yearIv(t.Year())
}

// shiftUnit moves a calendar-unit interval by n units.
func shiftUnit(iv interval, u, n int) interval {
	switch u {
	case unitDay, unitHour, unitMinute:
		return iv.shift(unitDay, n)
	case unitWeek:
		return iv.shift(unitWeek, n)
	case unitFortnight:
		return iv.shift(unitWeek, 2*n)
	case unitMonth:
		return iv.shift(unitMonth, n)
	case unitDecade:
		return iv.shift(unitYear, 10*n)
	case unitCentury:
		return iv.shift(unitYear, 100*n)
	}
	return iv.shift(unitYear, n)
}

// back returns t moved n units into the past.
func back(t time.Time, u, n int) time.Time {
	switch u {
	case unitMinute:
		return t
	case unitHour:
		return t.AddDate(0, 0, -(n+23)/24)
	case unitDay:
		return t.AddDate(0, 0, -n)
	case unitWeek:
		return t.AddDate(0, 0, -7*n)
	case unitFortnight:
		return t.AddDate(0, 0, -14*n)
	case unitMonth:
		return t.AddDate(0, -n, 0)
	case unitDecade:
		return t.AddDate(-10*n, 0, 0)
	case unitCentury:
		return t.AddDate(-100*n, 0, 0)
	}
	return t.AddDate(-n, 0, 0)
}
