package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"

	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep"
)

// defaultDB is the database used without --db and $SITREP_DB.
const defaultDB = "sitrep.db"

// dbFlag registers --db, defaulting to $SITREP_DB, else ./sitrep.db.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("SITREP_DB")
	if def == "" {
		def = defaultDB
	}
	return fs.String("db", def, "the database: a SQLite file, or a postgres:// URL (default $SITREP_DB, else ./sitrep.db)")
}

// exitFor is the exit status of a failed command: 2 for a bad request, 1
// for anything else.
func exitFor(err error) int {
	switch sitrep.ErrorCode(err) {
	case sitrep.EInvalid:
		return 2
	}
	return 1
}

// filterFlags are the flags that select events, shared by events and
// export.
type filterFlags struct {
	f        sitrep.EventFilter
	disputed bool
	bbox     string
}

func (ff *filterFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&ff.f.Country, "country", "", "only events in this country (ISO alpha-3)")
	fs.StringVar(&ff.f.Admin1, "admin1", "", "only events in this first-order division")
	fs.StringVar(&ff.f.From, "from", "", "only events on or after this date (YYYY-MM-DD)")
	fs.StringVar(&ff.f.To, "to", "", "only events on or before this date (YYYY-MM-DD)")
	fs.StringVar(&ff.f.Type, "type", "", "only events of this ACLED type or sub-type, PLOVER type or CAMEO code prefix")
	fs.StringVar(&ff.f.Actor, "actor", "", "only events with an actor whose name, text or CAMEO code contains this")
	fs.BoolVar(&ff.disputed, "disputed", false, "only disputed events")
	fs.IntVar(&ff.f.MinKilled, "min-killed", 0, "only events with at least this many killed (killed.low)")
	fs.StringVar(&ff.f.Scope, "scope", "", "only incidents or aggregates (incident|aggregate)")
	fs.StringVar(&ff.f.Text, "text", "", "only events reported by articles matching this full-text query (SQLite FTS5)")
	fs.StringVar(&ff.bbox, "bbox", "", "only events inside `MINLON,MINLAT,MAXLON,MAXLAT`")
	fs.StringVar(&ff.f.Policy, "policy", "", "reconcile figures under this policy (conservative|ucdp|nonpartisan; default: the database's)")
	fs.IntVar(&ff.f.Limit, "limit", 0, "at most this many events")
}

// filter returns the filter the flags give, or a usage error.
func (ff *filterFlags) filter() (sitrep.EventFilter, error) {
	f := ff.f
	if ff.disputed {
		t := true
		f.Disputed = &t
	}
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v != "" && !isDay(d.v) {
			return f, fmt.Errorf("--%s %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Scope != "" && f.Scope != sitrep.ScopeIncident && f.Scope != sitrep.ScopeAggregate {
		return f, fmt.Errorf("--scope %q: want incident or aggregate", f.Scope)
	}
	if ff.bbox != "" {
		parts := strings.Split(ff.bbox, ",")
		var v [4]float64
		ok := len(parts) == 4
		for i := 0; ok && i < 4; i++ {
			var err error
			v[i], err = strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
			ok = err == nil
		}
		if !ok || v[0] > v[2] || v[1] > v[3] {
			return f, fmt.Errorf("--bbox %q: want MINLON,MINLAT,MAXLON,MAXLAT", ff.bbox)
		}
		f.BBox = &sitrep.BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	}
	return f, nil
}

func isDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err := strconv.Atoi(s[:4] + s[5:7] + s[8:])
	return err == nil
}

func runEvents(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "show" {
		return runShow(ctx, args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var ff filterFlags
	ff.register(fs)
	format := fs.String("format", "table", "output format: table, jsonl or csv")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep events [--db PATH] [filters] [--format table|jsonl|csv]\n       sitrep events show [--db PATH] [--format text|jsonl] ID ...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep events: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	f, err := ff.filter()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep events: %v\n", err)
		return 2
	}
	write, ok := map[string]func(io.Writer, []*sitrep.MergedEvent) error{
		"table": writeTable, "jsonl": writeJSONL, "csv": writeEventsCSV,
	}[*format]
	if !ok {
		fmt.Fprintf(stderr, "sitrep events: --format %q: want table, jsonl or csv\n", *format)
		return 2
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep events: %v\n", err)
		return 1
	}
	defer store.Close()
	evs, err := store.Events(ctx, f)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep events: %v\n", err)
		return exitFor(err)
	}
	w := bufio.NewWriter(stdout)
	if err := write(w, evs); err != nil {
		fmt.Fprintf(stderr, "sitrep events: write: %v\n", err)
		return 1
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "sitrep events: write: %v\n", err)
		return 1
	}
	return 0
}

func runShow(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("events show", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output format: text or jsonl")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep events show [--db PATH] [--format text|jsonl] ID ...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 || *format != "text" && *format != "jsonl" {
		fs.Usage()
		return 2
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep events show: %v\n", err)
		return 1
	}
	defer store.Close()
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	status := 0
	for i, id := range fs.Args() {
		ev, err := store.Event(ctx, id)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep events show: %v\n", err)
			status = 1
			continue
		}
		if *format == "jsonl" {
			if err := writeJSONL(w, []*sitrep.MergedEvent{ev}); err != nil {
				fmt.Fprintf(stderr, "sitrep events show: write: %v\n", err)
				return 1
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		explain(w, ev)
	}
	return status
}

func writeJSONL(w io.Writer, evs []*sitrep.MergedEvent) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ev := range evs {
		if err := enc.Encode(ev); err != nil {
			return err
		}
	}
	return nil
}

func writeTable(w io.Writer, evs []*sitrep.MergedEvent) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tTYPE\tPLACE\tACTOR 1\tACTOR 2\tKILLED\tSOURCES\tDISPUTED")
	for _, ev := range evs {
		disputed := ""
		if ev.Disputed {
			disputed = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", ev.ID, dateOf(ev), clip(typeOf(ev), 34), clip(placeOf(ev), 28),
			clip(actorName(ev.Actor1), 30), clip(actorName(ev.Actor2), 30), countText(ev.Killed), len(ev.Sources), disputed)
	}
	return tw.Flush()
}

var eventsCSVHeader = []string{"id", "date_start", "date_end", "date_precision", "scope", "acled_event_type", "acled_sub_event_type",
	"cameo", "plover", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
	"killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high", "disputed", "confidence", "sources", "reports"}

func writeEventsCSV(w io.Writer, evs []*sitrep.MergedEvent) error {
	cw := csv.NewWriter(w)
	cw.Write(eventsCSVHeader)
	for _, ev := range evs {
		var country, admin1, location, lat, lon string
		if p := ev.Location; p != nil {
			country, admin1, location = p.Country, p.Admin1, p.Name
			lat, lon = floatText(p.Lat), floatText(p.Lon)
		}
		var sources []string
		for _, s := range ev.Sources {
			sources = append(sources, s.ArticleID)
		}
		kl, kb, kh := countFields(ev.Killed)
		il, ib, ih := countFields(ev.Injured)
		cw.Write([]string{ev.ID, str(ev.Date.Start), str(ev.Date.End), ev.Date.Precision, ev.Scope, str(ev.ACLEDEventType), str(ev.ACLEDSubEventType),
			ev.Cameo, ev.Plover, actorName(ev.Actor1), actorName(ev.Actor2), country, admin1, location, lat, lon, intText(ev.GeoPrecision),
			kl, kb, kh, il, ib, ih, strconv.FormatBool(ev.Disputed), strconv.FormatFloat(ev.Confidence, 'f', -1, 64),
			strings.Join(sources, ";"), strconv.Itoa(len(ev.Merge))})
	}
	cw.Flush()
	return cw.Error()
}

// explain writes an event for a reader: what, when, where, who, the
// figures, its sources, why each report was merged, and every claim.
func explain(w io.Writer, ev *sitrep.MergedEvent) {
	state := ev.Scope
	if ev.Disputed {
		state += ", disputed"
	}
	fmt.Fprintf(w, "Event %s: %s (CAMEO %s, PLOVER %s), %s\n", ev.ID, typeOf(ev), ev.Cameo, ev.Plover, state)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	when := dateOf(ev) + " (" + ev.Date.Precision
	if ev.Date.Text != nil {
		when += `, "` + *ev.Date.Text + `"`
	}
	fmt.Fprintf(tw, "  date\t%s)\n", when)
	if p := ev.Location; p != nil {
		where := placeOf(ev)
		if p.Resolved() {
			where += fmt.Sprintf(" (%.4f, %.4f)", *p.Lat, *p.Lon)
		}
		if ev.GeoPrecision != nil {
			where += fmt.Sprintf(", geo precision %d", *ev.GeoPrecision)
		}
		fmt.Fprintf(tw, "  place\t%s\n", where)
	}
	for _, a := range []struct {
		role  string
		actor *sitrep.Actor
	}{{"actor 1", ev.Actor1}, {"actor 2", ev.Actor2}} {
		if a.actor != nil {
			fmt.Fprintf(tw, "  %s\t%s (%s, inter %d)\n", a.role, actorName(a.actor), orDash(a.actor.Country), a.actor.Inter)
		}
	}
	fmt.Fprintf(tw, "  killed\t%s\n", countLong(ev.Killed))
	fmt.Fprintf(tw, "  injured\t%s\n", countLong(ev.Injured))
	fmt.Fprintf(tw, "  figures\treconciled under the %s policy\n", ev.Policy)
	fmt.Fprintf(tw, "  confidence\t%.2f\n", ev.Confidence)
	tw.Flush()
	fmt.Fprintf(w, "Sources (%d):\n", len(ev.Sources))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range ev.Sources {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.ArticleID, orDash(str(s.Outlet)), orDash(str(s.Published)), str(s.URL))
	}
	tw.Flush()
	fmt.Fprintf(w, "Reports, and why each was merged (%d):\n", len(ev.Merge))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, m := range ev.Merge {
		fmt.Fprintf(tw, "  %s\tscore %.2f\t%s\n", m.Mention, m.Score, m.Reason)
	}
	tw.Flush()
	fmt.Fprintf(w, "Claims (%d):\n", len(ev.Claims))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range ev.Claims {
		who := "the outlet"
		if c.Claimant != nil {
			who = c.Claimant.Text
			if c.Claimant.Country != "" {
				who += " (" + c.Claimant.Country + ")"
			}
		}
		figs := ""
		if c.Killed != nil {
			figs += " killed " + countText(c.Killed)
		}
		if c.Injured != nil {
			figs += " injured " + countText(c.Injured)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%q\t%s\n", c.ArticleID, c.Stance, who, c.Cue, strings.TrimSpace(figs))
	}
	tw.Flush()
}

func typeOf(ev *sitrep.MergedEvent) string {
	if ev.ACLEDEventType != nil {
		t := *ev.ACLEDEventType
		if ev.ACLEDSubEventType != nil {
			t += " / " + *ev.ACLEDSubEventType
		}
		return t
	}
	return "CAMEO " + ev.Cameo + " " + ev.Plover
}

func dateOf(ev *sitrep.MergedEvent) string {
	s, e := str(ev.Date.Start), str(ev.Date.End)
	switch {
	case s == "" && e == "":
		return "-"
	case s == "":
		return "by " + e
	case e == "" || e == s:
		return s
	}
	return s + ".." + e
}

func placeOf(ev *sitrep.MergedEvent) string {
	p := ev.Location
	if p == nil {
		return "-"
	}
	if p.Country != "" && p.Kind != sitrep.PlaceCountry {
		return p.Name + ", " + p.Country
	}
	return p.Name
}

func actorName(a *sitrep.Actor) string {
	switch {
	case a == nil:
		return ""
	case a.ACLEDName != "":
		return a.ACLEDName
	case a.Name != "":
		return a.Name
	}
	return a.Text
}

// countText writes a figure briefly: "12", "40-41", "41+".
func countText(c *sitrep.Count) string {
	if c == nil {
		return ""
	}
	lo, ok := c.Value()
	if !ok {
		return ""
	}
	if c.Low != nil {
		lo = *c.Low
	}
	switch {
	case c.High == nil:
		return strconv.Itoa(lo) + "+"
	case *c.High != lo:
		return strconv.Itoa(lo) + "-" + strconv.Itoa(*c.High)
	}
	return strconv.Itoa(lo)
}

func countLong(c *sitrep.Count) string {
	if c == nil {
		return "no figure"
	}
	return fmt.Sprintf("%s (low %s, best %s, high %s)", countText(c), intText(c.Low), intText(c.Best), intText(c.High))
}

func countFields(c *sitrep.Count) (low, best, high string) {
	if c == nil {
		return "", "", ""
	}
	return intText(c.Low), intText(c.Best), intText(c.High)
}

func intText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func floatText(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
