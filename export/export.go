// Package export writes merged events in the layouts other tools read:
// ACLED's CSV, UCDP GED's CSV, PETRARCH/Phoenix TSV (CAMEO), PLOVER JSONL,
// GeoJSON and sitrep's own JSONL. docs/formats.md says, format by format,
// how sitrep's fields map to the columns and what a format cannot express.
package export

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Formats are the formats Write knows, by name.
var Formats = []string{"acled", "ucdp", "cameo", "plover", "geojson", "jsonl"}

// Options change what an export writes.
type Options struct {
	// Now is the export's time, written where a format records when a row
	// was made (ACLED's timestamp); zero means the current time.
	Now time.Time
}

// Result counts what an export wrote.
type Result struct {
	Written int
	// Skipped are the events the format cannot hold (ACLED codes no
	// statements, UCDP GED only deadly organised violence).
	Skipped int
}

// Write writes events in the named format.
func Write(w io.Writer, format string, evs []*sitrep.MergedEvent, opts Options) (Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	bw := bufio.NewWriter(w)
	var res Result
	var err error
	switch format {
	case "acled":
		res, err = ACLED(bw, evs, opts)
	case "ucdp":
		res, err = UCDP(bw, evs)
	case "cameo":
		res, err = Phoenix(bw, evs)
	case "plover":
		res, err = PLOVER(bw, evs)
	case "geojson":
		res, err = GeoJSON(bw, evs)
	case "jsonl":
		res, err = JSONL(bw, evs)
	default:
		return res, sitrep.Errorf(sitrep.EInvalid, "unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return res, err
	}
	return res, bw.Flush()
}

// JSONL writes one merged event per line, in the contract's shape.
func JSONL(w io.Writer, evs []*sitrep.MergedEvent) (Result, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ev := range evs {
		if err := enc.Encode(ev); err != nil {
			return Result{}, err
		}
	}
	return Result{Written: len(evs)}, nil
}

//go:embed countries.tsv
var countriesTSV string

// country is what the export formats need to know of a country.
type country struct {
	iso3, iso2, name, acledRegion string
	numeric                       int
}

var countries = sync.OnceValue(func() map[string]country {
	m := map[string]country{}
	for _, line := range strings.Split(countriesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			panic(fmt.Sprintf("export/countries.tsv: bad line %q", line))
		}
		n, _ := strconv.Atoi(f[2])
		m[f[0]] = country{iso3: f[0], iso2: f[1], numeric: n, name: f[3], acledRegion: f[4]}
	}
	return m
})

// countryOf returns what is known of the country of an event's place.
func countryOf(ev *sitrep.MergedEvent) country {
	if ev.Location == nil || ev.Location.Country == "" {
		return country{}
	}
	if c, ok := countries()[ev.Location.Country]; ok {
		return c
	}
	return country{iso3: ev.Location.Country, name: ev.Location.Country}
}

// day returns the event's day: its start, else its end.
func day(ev *sitrep.MergedEvent) string {
	if ev.Date.Start != nil {
		return *ev.Date.Start
	}
	return str(ev.Date.End)
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

func inter(a *sitrep.Actor) int {
	if a == nil {
		return 0
	}
	return a.Inter
}

// outlets returns the distinct outlets of an event's sources, in order.
func outlets(ev *sitrep.MergedEvent) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ev.Sources {
		o := str(s.Outlet)
		if o == "" {
			o = s.ArticleID
		}
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func itoa(n int) string { return strconv.Itoa(n) }

func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func optFloat(f *float64, prec int) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', prec, 64)
}

// fatalities is ACLED's figure: killed.low, 0 when unknown.
func fatalities(ev *sitrep.MergedEvent) int {
	if ev.Killed != nil && ev.Killed.Low != nil {
		return *ev.Killed.Low
	}
	if v, ok := ev.Killed.Value(); ok {
		return v
	}
	return 0
}

// violent are ACLED's event types of organised political violence.
var violent = map[string]bool{
	"Battles":                    true,
	"Explosions/Remote violence": true,
	"Violence against civilians": true,
}

// claimants returns the distinct claimants of an event with the given
// stance ("" for any), the outlet's own claims left out.
func claimants(ev *sitrep.MergedEvent, stance string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range ev.Claims {
		if c.Claimant == nil || stance != "" && c.Stance != stance {
			continue
		}
		name := c.Claimant.Name
		if name == "" {
			name = c.Claimant.Text
		}
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}
