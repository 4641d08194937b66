package times

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/text/wordfilter"
)

//go:embed lexicon.tsv
var lexiconTSV string

// Units of time that durations and offsets count in.
const (
	unitNone = iota
	unitMinute
	unitHour
	unitDay
	unitWeek
	unitFortnight
	unitMonth
	unitYear
	unitDecade
	unitCentury
)

var unitNames = map[string]int{
	"minute": unitMinute, "hour": unitHour, "day": unitDay, "week": unitWeek,
	"fortnight": unitFortnight, "month": unitMonth, "year": unitYear,
	"decade": unitDecade, "century": unitCentury,
}

// entry is what the lexicon knows about one lower-case word. A word can be
// several things at once ("may", "second", "fall"); zero fields are absent.
type entry struct {
	month     int // 1..12
	weekday   int // ISO: 1 Monday .. 7 Sunday
	number    int
	ordinal   int
	unit      int
	season    int // first month of the season
	decade    int // first year of the decade
	partOfDay bool
	yearNoun  bool
	countNoun bool
	holidays  []holiday // holidays whose name starts with this word
}

// holiday is a named day: its words after the first, and its date rule.
type holiday struct {
	rest []string
	rule string
}

// lexicon returns the parsed, embedded lexicon.
var lexicon = sync.OnceValue(func() map[string]*entry {
	m, err := parseLexicon(lexiconTSV)
	if err != nil {
		panic(err) // the embedded file is part of the build; tests catch this
	}
	return m
})

// lexiconFilter passes the words of the lexicon: most words of a text are
// not in it, and tokenize looks up only the words it passes.
var lexiconFilter = sync.OnceValue(func() *wordfilter.Filter {
	var f wordfilter.Filter
	for w := range lexicon() {
		f.Add(w)
	}
	return &f
})

func parseLexicon(src string) (map[string]*entry, error) {
	m := make(map[string]*entry)
	get := func(w string) *entry {
		e := m[w]
		if e == nil {
			e = &entry{}
			m[w] = e
		}
		return e
	}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("lexicon.tsv:%d: want 3 tab-separated columns, have %d", n+1, len(f))
		}
		cat, word, val := f[0], f[1], f[2]
		num := func() (int, error) {
			v, err := strconv.Atoi(val)
			if err != nil {
				return 0, fmt.Errorf("lexicon.tsv:%d: %s %q: %w", n+1, cat, word, err)
			}
			return v, nil
		}
		var err error
		switch cat {
		case "month":
			get(word).month, err = num()
		case "weekday":
			get(word).weekday, err = num()
		case "number":
			get(word).number, err = num()
		case "ordinal":
			get(word).ordinal, err = num()
		case "season":
			get(word).season, err = num()
		case "decade":
			get(word).decade, err = num()
		case "unit":
			u, ok := unitNames[val]
			if !ok {
				return nil, fmt.Errorf("lexicon.tsv:%d: unknown unit %q", n+1, val)
			}
			get(word).unit = u
		case "partofday":
			get(word).partOfDay = true
		case "yearnoun":
			get(word).yearNoun = true
		case "countnoun":
			get(word).countNoun = true
		case "holiday":
			for _, r := range strings.Split(val, "|") {
				if _, ok := holidayDate(r, 2000); !ok {
					return nil, fmt.Errorf("lexicon.tsv:%d: bad holiday rule %q", n+1, val)
				}
			}
			words := strings.Fields(word)
			for i, w := range words {
				words[i] = strings.TrimSuffix(w, "'s")
			}
			e := get(words[0])
			e.holidays = append(e.holidays, holiday{rest: words[1:], rule: val})
		default:
			return nil, fmt.Errorf("lexicon.tsv:%d: unknown category %q", n+1, cat)
		}
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}
