// Package times is the times stage of sitrep: it finds temporal expressions
// in an article ("yesterday", "last Friday", "Oct. 10, 2020", "the past three
// weeks", "since the fighting began") and normalises them against the
// publication date, as the contract's Time objects.
//
// Expressions are found by a hand-written scan over word tokens with a small
// embedded lexicon (lexicon.tsv); there is no regular expression per word.
// Resolution follows news conventions:
//
//   - A weekday refers to the past: "Monday" is the most recent Monday on or
//     before publication, unless its clause looks ahead ("will", "scheduled
//     to", "plans to", "expected to"...), then it is the next one on or after
//     publication. A date without a year, or a bare month ("in May"), is the
//     last one that lies no more than two months after publication, or the
//     next one when the clause looks ahead. A reporting verb decides for the
//     past: "said Friday".
//   - "last Monday" is the Monday before the publication day; "last week",
//     "this month", "next year" count calendar units (weeks run Monday to
//     Sunday; a week has precision "week", Value its Monday and EndValue its
//     Sunday).
//   - Quarters, halves and seasons are month ranges (Value the first month,
//     EndValue the last, precision "month"); seasons are the northern
//     meteorological ones (spring is March to May). Decades and centuries are
//     year ranges.
//   - "now", "currently", "at present" are the publication day.
//   - Anaphoric expressions count from an earlier date (TimeML's reference
//     time): "the next day", "that year" and "two days later" from the last
//     date resolved before them, "a year earlier" from a date in the same
//     sentence, else from publication; "the quarter" and "the year-ago
//     quarter" follow the last quarter the article named. "Two days later"
//     with nothing before it stays unresolved.
//   - The end of a range resolves after its start ("from now to Election
//     Day"), the start of a "since" before publication ("since March").
//
// Kinds: "date" is a point or a calendar range. "since" is a period running up
// to publication: EndValue is the publication day and Value its start, nil
// when the start is an event ("since the fighting began", "so far"). "the
// past three weeks" is a "since" with Value three weeks before publication.
// "duration" is a length not placed in time ("for three weeks", "two days"):
// Value and EndValue nil, precision "unknown"; "the next three days" is a
// duration with the range from publication.
package times

import (
	"fmt"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Kinds of Time.
const (
	KindDate     = "date"
	KindDuration = "duration"
	KindSince    = "since"
)

const (
	precDay     = sitrep.PrecisionDay
	precWeek    = sitrep.PrecisionWeek
	precMonth   = sitrep.PrecisionMonth
	precYear    = sitrep.PrecisionYear
	precUnknown = sitrep.PrecisionUnknown
)

// Extract finds temporal expressions in text and normalises them against the
// publication date. Offsets are byte offsets into text. published may be nil:
// then relative expressions get Value nil, Precision "unknown", and a warning
// is returned.
func Extract(text string, published *time.Time) (ts []sitrep.Time, warnings []string) {
	p := newParser(text, published)
	p.run()
	if p.unresolved > 0 {
		warnings = append(warnings, fmt.Sprintf("times: no publication date: %d relative time expression(s) left unresolved", p.unresolved))
	}
	return p.out, warnings
}

// kind is the internal form of a Time's Kind.
type kind uint8

const (
	kDate kind = iota
	kDuration
	kSince
)

func (k kind) String() string { return [...]string{KindDate, KindDuration, KindSince}[k] }

// emit appends a match as a contract Time and updates the reference times.
func (p *parser) emit(r result) {
	start, end := int(p.toks[r.start].start), int(p.toks[r.end-1].end)
	t := sitrep.Time{Text: p.text[start:end], Start: start, End: end, Kind: r.kind.String(), Precision: precUnknown}
	if r.resolved() && !r.iv.inRange() {
		r.state = stUnresolved
	}
	switch {
	case !r.resolved():
		if r.state == stNeedsPub {
			p.unresolved++
		}
		if r.kind == kSince && p.hasPub {
			t.EndValue = ptr(format(p.pubDay, pDay))
		}
	case r.kind == kSince:
		if p.hasPub {
			t.EndValue = ptr(format(r.iv.to, pDay))
		}
		if r.state != stOpen {
			t.Value = ptr(format(r.iv.from, r.iv.prec))
			t.Precision = r.iv.prec.String()
		}
	default:
		t.Value = ptr(format(r.iv.from, r.iv.prec))
		t.Precision = r.iv.prec.String()
		if end := format(r.iv.to, r.iv.prec); end != *t.Value || r.iv.prec == pWeek {
			t.EndValue = ptr(end)
		}
	}
	p.out = append(p.out, t)
	if r.quarter {
		p.quarterNamed = true
	}
	if r.resolved() && r.kind == kDate {
		p.ref = anchor{iv: r.iv, sent: p.toks[r.start].sent, ok: true}
		if r.quarter {
			p.refQ = p.ref
		}
	}
}

func ptr(s string) *string { return &s }
