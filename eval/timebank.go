package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/times"
)

// TimeReport is the outcome of running the times stage over TimeBank: how
// many gold DATE expressions it finds and how many of their values it gets
// right, with the document creation time (DCT) as publication date.
//
// A found expression's value is right when the days it covers are exactly
// the days the gold value covers. Both sides are turned into a day range:
// ours from Value to EndValue at their precision (a week is Monday to
// Sunday), gold's from its TimeML value: a day, a month, a year, a decade
// ("198"), a century ("19"), an ISO week ("1998-W32", Monday to Sunday), a
// weekend ("1998-W32-WE", Saturday and Sunday), a quarter ("1998-Q3", July to
// September), a half ("1998-H1") or a season ("1998-SU"; spring is March to
// May, winter December to February). So a coarser or finer answer is wrong:
// "1998" for gold "1998-Q3" does not count, nor "1998-08-07" for "1998-08".
// A "since" is scored by its start ("since [1990]"), and a range that spans
// two gold expressions ("between [1994] and [1997]") by its first and last
// date.
// Gold "PRESENT_REF" ("now", "currently") is mapped to the DCT day, which is
// how the stage resolves those words; a time of day in a gold DATE
// ("1998-08-07TEV") is dropped to its day. Gold values the contract cannot
// express are left out of value accuracy and counted by reason: PAST_REF and
// FUTURE_REF ("recently", "the future"), values with unknown digits
// ("1998-XX-XX", "1989-WXX") and durations typed as DATE ("P1W"). TimeML's
// mod (START, END, APPROX) is not scored: the contract has no modifier.
type TimeReport struct {
	Docs int // documents read

	GoldDate  int // gold TIMEX3 of type DATE
	FoundDate int // of those, overlapped by one of our expressions (relaxed match)
	ExactDate int // of those, with exactly our span (strict match)

	Scored     int // found gold DATEs whose value the contract can express
	Right      int // of Scored, our days equal gold's
	Compatible int // of Scored, our days contain gold's or lie inside them
	AbsScored  int // Scored with temporalFunction false (absolute expressions)
	AbsRight   int
	RelScored  int // Scored with temporalFunction true (resolved against an anchor)
	RelRight   int

	Excluded    map[string]int // found gold DATEs left out of value accuracy, by reason
	Mapped      map[string]int // scored gold DATEs whose value was mapped, by mapping
	MappedRight int            // of those, right

	Ours       int // our expressions of kind "date"
	OursHit    int // of those, overlapping a gold TIMEX3 of any type
	OursAll    int // our expressions of any kind
	OursAllHit int

	Missed   []TimeExample // gold DATEs no expression of ours overlaps
	Wrong    []TimeExample // scored gold DATEs whose value we got wrong
	Spurious []TimeExample // our date expressions overlapping no gold TIMEX3
}

// TimeExample is one error, for reading.
type TimeExample struct {
	Doc, DCT string
	Gold     string // gold text and value
	Ours     string // our text and value
	Context  string
}

// Recall is the share of gold DATE expressions found (relaxed match).
func (r *TimeReport) Recall() float64 { return ratio(r.FoundDate, r.GoldDate) }

// ValueAccuracy is the share of found, scorable gold DATEs with the right
// value.
func (r *TimeReport) ValueAccuracy() float64 { return ratio(r.Right, r.Scored) }

// Precision is the share of our date expressions that overlap a gold TIMEX3
// of any type.
func (r *TimeReport) Precision() float64 { return ratio(r.OursHit, r.Ours) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Write prints the report as a table.
func (r *TimeReport) Write(w io.Writer) {
	row := func(label string, n, of int) {
		if of > 0 {
			fmt.Fprintf(w, "  %-50s %5d / %5d  %5.1f%%\n", label, n, of, 100*ratio(n, of))
		} else {
			fmt.Fprintf(w, "  %-50s %5d\n", label, n)
		}
	}
	mapped := 0
	for _, n := range r.Mapped {
		mapped += n
	}
	excluded := 0
	for _, n := range r.Excluded {
		excluded += n
	}
	fmt.Fprintf(w, "TimeBank (TBAQ-cleaned): %d documents, DCT as publication date\n", r.Docs)
	row("gold DATE expressions", r.GoldDate, 0)
	row("recall, relaxed (overlap)", r.FoundDate, r.GoldDate)
	row("recall, strict (same span)", r.ExactDate, r.GoldDate)
	row("value accuracy (found and scorable)", r.Right, r.Scored)
	row("  absolute (temporalFunction false)", r.AbsRight, r.AbsScored)
	row("  relative (temporalFunction true)", r.RelRight, r.RelScored)
	row("  without mapped gold values", r.Right-r.MappedRight, r.Scored-mapped)
	row("  compatible (one range inside the other)", r.Compatible, r.Scored)
	for _, k := range sortedKeys(r.Mapped) {
		row("scored through mapping: "+k, r.Mapped[k], 0)
	}
	row("found but not scorable", excluded, r.FoundDate)
	for _, k := range sortedKeys(r.Excluded) {
		row("  "+k, r.Excluded[k], 0)
	}
	row("precision: our dates overlapping a gold TIMEX3", r.OursHit, r.Ours)
	row("  our expressions of any kind", r.OursAllHit, r.OursAll)
}

// WriteErrors prints up to n examples of each kind of error.
func (r *TimeReport) WriteErrors(w io.Writer, n int) {
	list := func(title string, xs []TimeExample) {
		fmt.Fprintf(w, "%s (%d):\n", title, len(xs))
		for i, x := range xs {
			if i == n {
				break
			}
			fmt.Fprintf(w, "  %s dct %s  gold %s  ours %s\n      %s\n", x.Doc, x.DCT, x.Gold, x.Ours, x.Context)
		}
	}
	list("missed gold DATE", r.Missed)
	list("wrong value", r.Wrong)
	list("spurious date", r.Spurious)
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tbDoc is a line of docs.jsonl.
type tbDoc struct {
	ID   string `json:"doc_id"`
	DCT  string `json:"dct"`
	Text string `json:"text"`
}

// tbTimex is a line of timex3.jsonl. Start and End count characters (Python
// string offsets), not bytes.
type tbTimex struct {
	Doc              string `json:"doc_id"`
	Text             string `json:"text"`
	Start            int    `json:"start"`
	End              int    `json:"end"`
	Type             string `json:"type"`
	Value            string `json:"value"`
	TemporalFunction string `json:"temporalFunction"`
	Context          string `json:"context"`
}

// TimeBank runs the times stage over the TimeBank/AQUAINT documents in
// dataDir (<shared>/data/timebank-tbaq) and scores it against their gold
// TIMEX3 expressions.
func TimeBank(dataDir string) (*TimeReport, error) {
	docs, err := readJSONL[tbDoc](filepath.Join(dataDir, "docs.jsonl"))
	if err != nil {
		return nil, err
	}
	golds, err := readJSONL[tbTimex](filepath.Join(dataDir, "timex3.jsonl"))
	if err != nil {
		return nil, err
	}
	byDoc := make(map[string][]tbTimex)
	for _, g := range golds {
		byDoc[g.Doc] = append(byDoc[g.Doc], g)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	r := &TimeReport{Excluded: map[string]int{}, Mapped: map[string]int{}}
	for _, d := range docs {
		if err := r.addDoc(d, byDoc[d.ID]); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *TimeReport) addDoc(d tbDoc, golds []tbTimex) error {
	if len(d.DCT) < 10 {
		return fmt.Errorf("timebank %s: bad dct %q", d.ID, d.DCT)
	}
	dct, err := time.Parse("2006-01-02", d.DCT[:10])
	if err != nil {
		return fmt.Errorf("timebank %s: dct: %w", d.ID, err)
	}
	r.Docs++
	ours, _ := times.Extract(d.Text, &dct)
	offsets := byteOffsets(d.Text)
	spans := make([]sitrep.Span, len(golds))
	for i, g := range golds {
		if g.Start < 0 || g.End > len(offsets)-1 || g.Start > g.End {
			return fmt.Errorf("timebank %s %q: offsets %d-%d out of range", d.ID, g.Text, g.Start, g.End)
		}
		spans[i] = sitrep.Span{Start: offsets[g.Start], End: offsets[g.End]}
		if got := d.Text[spans[i].Start:spans[i].End]; got != g.Text {
			return fmt.Errorf("timebank %s: gold %q at %d-%d reads %q", d.ID, g.Text, g.Start, g.End, got)
		}
	}
	for _, t := range ours {
		sp := sitrep.Span{Start: t.Start, End: t.End}
		hit := false
		for _, gs := range spans {
			if sp.Overlaps(gs) {
				hit = true
				break
			}
		}
		r.OursAll++
		if hit {
			r.OursAllHit++
		}
		if t.Kind == times.KindDate {
			r.Ours++
			if hit {
				r.OursHit++
			} else {
				r.Spurious = append(r.Spurious, TimeExample{Doc: d.ID, DCT: d.DCT, Ours: describe(&t), Context: around(d.Text, sp)})
			}
		}
	}
	// the gold DATEs each of ours overlaps, to score a range's ends apart
	dateGolds := make([][]int, len(ours))
	for j, t := range ours {
		for i, g := range golds {
			if g.Type == "DATE" && spans[i].Overlaps(sitrep.Span{Start: t.Start, End: t.End}) {
				dateGolds[j] = append(dateGolds[j], i)
			}
		}
	}
	for i, g := range golds {
		if g.Type != "DATE" {
			continue
		}
		r.GoldDate++
		ex := TimeExample{Doc: d.ID, DCT: d.DCT, Gold: fmt.Sprintf("%q=%s", g.Text, g.Value), Context: around(d.Text, spans[i])}
		best, bestOverlap := -1, 0
		for j, t := range ours {
			lo, hi := max(t.Start, spans[i].Start), min(t.End, spans[i].End)
			if hi-lo > bestOverlap {
				best, bestOverlap = j, hi-lo
			}
		}
		if best < 0 {
			r.Missed = append(r.Missed, ex)
			continue
		}
		t := &ours[best]
		ex.Ours = describe(t)
		r.FoundDate++
		if t.Start == spans[i].Start && t.End == spans[i].End {
			r.ExactDate++
		}
		gFrom, gTo, mapping, reason := goldDays(g.Value, dct)
		if reason != "" {
			r.Excluded[reason]++
			continue
		}
		if mapping != "" {
			r.Mapped[mapping]++
		}
		relative := g.TemporalFunction == "true"
		r.Scored++
		if relative {
			r.RelScored++
		} else {
			r.AbsScored++
		}
		part := partWhole
		switch gs := dateGolds[best]; {
		case t.Kind == times.KindSince:
			part = partStart // "since [1990]": its start is the date
		case len(gs) > 1 && gs[0] == i:
			part = partStart // "between [1994] and 1997"
		case len(gs) > 1 && gs[len(gs)-1] == i:
			part = partEnd
		}
		oFrom, oTo, ok := ourDays(t, part)
		switch {
		case ok && oFrom.Equal(gFrom) && oTo.Equal(gTo):
			r.Right++
			if mapping != "" {
				r.MappedRight++
			}
			if relative {
				r.RelRight++
			} else {
				r.AbsRight++
			}
			r.Compatible++
		case ok && (!oFrom.After(gFrom) && !oTo.Before(gTo) || !gFrom.After(oFrom) && !gTo.Before(oTo)):
			r.Compatible++
			r.Wrong = append(r.Wrong, ex)
		default:
			r.Wrong = append(r.Wrong, ex)
		}
	}
	return nil
}

func describe(t *sitrep.Time) string {
	s := fmt.Sprintf("%q %s", t.Text, t.Kind)
	if t.Value != nil {
		s += "=" + *t.Value
	} else {
		s += "=nil"
	}
	if t.EndValue != nil {
		s += ".." + *t.EndValue
	}
	return s
}

func around(text string, sp sitrep.Span) string {
	lo, hi := max(0, sp.Start-60), min(len(text), sp.End+60)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	s := text[lo:sp.Start] + "[" + text[sp.Start:sp.End] + "]" + text[sp.End:hi]
	return strings.Join(strings.Fields(s), " ")
}

// byteOffsets maps character (code point) offsets, as Python counts them,
// to byte offsets: offsets[c] is the byte offset of character c, and
// offsets[n] is len(text).
func byteOffsets(text string) []int {
	offsets := make([]int, 0, len(text)+1)
	for i := range text {
		offsets = append(offsets, i)
	}
	return append(offsets, len(text))
}

func readJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// goldDays turns a TimeML DATE value into the days it covers. mapping names
// a conversion that is a convention rather than a reading (PRESENT_REF as
// the DCT day); reason, when set, says why the value cannot be scored.
func goldDays(v string, dct time.Time) (from, to time.Time, mapping, reason string) {
	switch {
	case v == "PRESENT_REF":
		return dct, dct, "PRESENT_REF as the DCT day", ""
	case v == "PAST_REF" || v == "FUTURE_REF":
		return from, to, "", "PAST_REF, FUTURE_REF"
	case strings.HasPrefix(v, "P"):
		return from, to, "", "duration value (P...)"
	case strings.Contains(v, "X"):
		return from, to, "", "unknown digits (X)"
	}
	if t := strings.IndexByte(v, 'T'); t == 10 {
		v = v[:10]
	}
	if f, t, ok := parseDays(v); ok {
		return f, t, "", ""
	}
	y, err := strconv.Atoi(safePrefix(v, 4))
	if err != nil || len(v) < 7 || v[4] != '-' {
		// a decade ("198") or a century ("19")
		if n, err := strconv.Atoi(v); err == nil {
			switch len(v) {
			case 3:
				return date(n*10, 1, 1), date(n*10+9, 12, 31), "", ""
			case 2:
				return date(n*100, 1, 1), date(n*100+99, 12, 31), "", ""
			}
		}
		return from, to, "", "other (" + v + ")"
	}
	rest := v[5:]
	months := func(first, n int) (time.Time, time.Time, string, string) {
		f := date(y, first, 1)
		return f, f.AddDate(0, n, -1), "", ""
	}
	switch rest {
	case "SP":
		return months(3, 3)
	case "SU":
		return months(6, 3)
	case "FA":
		return months(9, 3)
	case "WI":
		return months(12, 3)
	}
	switch {
	case rest[0] == 'W':
		wk, err := strconv.Atoi(strings.TrimSuffix(rest[1:], "-WE"))
		if err != nil {
			return from, to, "", "other (" + v + ")"
		}
		mon := isoWeekMonday(y, wk)
		if strings.HasSuffix(rest, "-WE") {
			return mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 6), "", ""
		}
		return mon, mon.AddDate(0, 0, 6), "", ""
	case rest[0] == 'Q' && len(rest) == 2 && rest[1] >= '1' && rest[1] <= '4':
		return months(3*int(rest[1]-'0')-2, 3)
	case rest[0] == 'H' && len(rest) == 2 && (rest[1] == '1' || rest[1] == '2'):
		return months(6*int(rest[1]-'0')-5, 6)
	}
	return from, to, "", "other (" + v + ")"
}

func safePrefix(s string, n int) string {
	if len(s) < n {
		return s + "!"
	}
	return s[:n]
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// isoWeekMonday returns the Monday of ISO week w of year y.
func isoWeekMonday(y, w int) time.Time {
	jan4 := date(y, 1, 4)
	wd := int(jan4.Weekday()+6) % 7 // Monday 0
	return jan4.AddDate(0, 0, -wd+7*(w-1))
}

// parseDays reads YYYY, YYYY-MM or YYYY-MM-DD as the days it covers.
func parseDays(v string) (from, to time.Time, ok bool) {
	if t, err := time.Parse("2006-01-02", v); err == nil && len(v) == 10 {
		return t, t, true
	}
	if t, err := time.Parse("2006-01", v); err == nil && len(v) == 7 {
		return t, t.AddDate(0, 1, -1), true
	}
	if t, err := time.Parse("2006", v); err == nil && len(v) == 4 {
		return t, t.AddDate(1, 0, -1), true
	}
	return from, to, false
}

// Parts of a range that a gold expression is scored against.
const (
	partWhole = iota
	partStart // Value's unit: the start of a "since", the first date of a range
	partEnd   // EndValue's unit: the last date of a range
)

// ourDays turns one of our expressions, or part of it, into the days it
// covers: Value's unit at its precision through EndValue's unit; a week
// without EndValue runs for seven days.
func ourDays(t *sitrep.Time, part int) (from, to time.Time, ok bool) {
	if t.Value == nil {
		return from, to, false
	}
	from, to, ok = parseDays(*t.Value)
	if !ok {
		return from, to, false
	}
	week := t.Precision == sitrep.PrecisionWeek
	if week {
		to = from.AddDate(0, 0, 6)
	}
	if t.EndValue == nil || part == partStart && !week {
		return from, to, true
	}
	end, endTo, ok := parseDays(*t.EndValue)
	if !ok {
		return from, to, false
	}
	if part == partEnd {
		return end, endTo, true
	}
	return from, endTo, true
}
