package eval

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/gazetteer"
)

// Geoparsing thresholds, as in the literature (Gritta et al. 2018) and in
// ACLED's own use of its coordinates.
const (
	// nearKm is the error within which a resolved toponym counts as right.
	nearKm = 161
	// eventKm is the error within which an event's location counts as
	// ACLED's.
	eventKm = 25
)

// GeoparseReport scores place recognition and resolution on one
// geoparsing gold standard (TR-News, GeoVirus).
//
// Recognition is scored on overlapping spans: one of our places that
// overlaps a gold toponym is a true positive, and so is a gold toponym one of
// ours overlaps. Resolution is scored on the gold toponyms with coordinates
// that one of our places overlaps: a toponym is right when our GeoNames id
// is the gold one (where the gold gives ids) or our point lies within 161 km
// of gold's, as the contract says; one we left unresolved is wrong.
type GeoparseReport struct {
	Name string
	Docs int

	Gold, Found int // gold toponyms; our places
	FoundHit    int // our places that overlap a gold toponym
	GoldHit     int // gold toponyms that one of ours overlaps

	Geo      int       // matched gold toponyms with coordinates that we resolved
	Unplaced int       // matched gold toponyms with coordinates that we did not resolve
	Near     int       // of Geo, within nearKm of gold
	SameID   int       // of Geo, with gold's GeoNames id
	Right    int       // of Geo, same id or within nearKm
	ErrorsKm []float64 // of Geo, our error in km
	Far      map[string]int
	Missed   map[string]int
	Spurious map[string]int
	// Failed lists the documents the pipeline failed on, with the error.
	Failed    []string
	goldHasID bool
}

// Precision is the share of our places that overlap a gold toponym.
func (r *GeoparseReport) Precision() float64 { return ratio(r.FoundHit, r.Found) }

// Recall is the share of gold toponyms that one of our places overlaps.
func (r *GeoparseReport) Recall() float64 { return ratio(r.GoldHit, r.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (r *GeoparseReport) F1() float64 { return f1(r.Precision(), r.Recall()) }

// Accuracy is the share of matched gold toponyms with coordinates we
// placed right: same GeoNames id, or within 161 km.
func (r *GeoparseReport) Accuracy() float64 { return ratio(r.Right, r.Geo) }

// MedianKm is the median error in km of the matched toponyms we resolved.
func (r *GeoparseReport) MedianKm() float64 {
	if len(r.ErrorsKm) == 0 {
		return 0
	}
	e := append([]float64(nil), r.ErrorsKm...)
	sort.Float64s(e)
	if n := len(e); n%2 == 0 {
		return (e[n/2-1] + e[n/2]) / 2
	}
	return e[len(e)/2]
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// geoGold is a line of tr_news.jsonl or geovirus.jsonl.
type geoGold struct {
	ID       string       `json:"docid"`
	Source   string       `json:"source"`
	Text     string       `json:"text"`
	Toponyms []geoToponym `json:"toponyms"`
}

// geoToponym is a gold toponym; Start and End count characters.
type geoToponym struct {
	Phrase    string   `json:"phrase"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	GeonameID string   `json:"geonameid"`
}

// Geoparse runs the pipeline over a geoparsing gold standard in the shared
// data's JSONL form (offsets in characters) and scores its places.
func Geoparse(x *extract.Extractor, name, path string) (*GeoparseReport, error) {
	docs, err := readJSONL[geoGold](path)
	if err != nil {
		return nil, err
	}
	r := &GeoparseReport{Name: name, Far: map[string]int{}, Missed: map[string]int{}, Spurious: map[string]int{}}
	for i, d := range docs {
		id := d.ID
		if id == "" {
			id = name + "-" + strconv.Itoa(i)
		}
		// A document the pipeline fails on counts as one with no places.
		doc, err := x.Article(sitrep.Article{ID: id, Text: d.Text})
		if err != nil {
			r.Failed = append(r.Failed, fmt.Sprintf("%s: %v", id, err))
		}
		r.addDoc(d, doc.Places)
	}
	return r, nil
}

func (r *GeoparseReport) addDoc(d geoGold, ours []sitrep.Place) {
	r.Docs++
	pos := byteOffsets(d.Text)
	type span struct{ start, end int }
	golds := make([]span, len(d.Toponyms))
	for i, g := range d.Toponyms {
		if g.Start < 0 || g.End >= len(pos) || g.Start >= g.End {
			golds[i] = span{-1, -1}
			continue
		}
		golds[i] = span{pos[g.Start], pos[g.End]}
	}
	overlaps := func(p *sitrep.Place, g span) bool { return p.Start < g.end && g.start < p.End }
	r.Found += len(ours)
	for i := range ours {
		p := &ours[i]
		hit := false
		for _, g := range golds {
			if overlaps(p, g) {
				hit = true
				break
			}
		}
		if hit {
			r.FoundHit++
		} else {
			r.Spurious[p.Text+" ("+p.Kind+")"]++
		}
	}
	for i, g := range d.Toponyms {
		r.Gold++
		var match *sitrep.Place
		for j := range ours {
			if overlaps(&ours[j], golds[i]) {
				if match == nil || !match.Resolved() && ours[j].Resolved() {
					match = &ours[j]
				}
			}
		}
		if match == nil {
			r.Missed[g.Phrase]++
			continue
		}
		r.GoldHit++
		if g.Lat == nil || g.Lon == nil {
			continue
		}
		r.Geo++
		if !match.Resolved() {
			r.Unplaced++ // counts as wrong
			r.Far[fmt.Sprintf("%s -> unresolved", match.Text)]++
			continue
		}
		km := Km(*match.Lat, *match.Lon, *g.Lat, *g.Lon)
		r.ErrorsKm = append(r.ErrorsKm, km)
		sameID := false
		if g.GeonameID != "" {
			r.goldHasID = true
			sameID = match.GeonameID != nil && strconv.Itoa(*match.GeonameID) == g.GeonameID
		}
		if sameID {
			r.SameID++
		}
		if km <= nearKm {
			r.Near++
		}
		if sameID || km <= nearKm {
			r.Right++
		} else {
			r.Far[fmt.Sprintf("%s -> %s, %s (%s) %.0f km", match.Text, match.Name, match.Country, match.Kind, km)]++
		}
	}
}

// Write prints the report as a table.
func (r *GeoparseReport) Write(w io.Writer) {
	fmt.Fprintf(w, "%s: %d documents, %d gold toponyms\n", r.Name, r.Docs, r.Gold)
	fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", "span precision (overlap)", 100*r.Precision(), r.FoundHit, r.Found)
	fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", "span recall (overlap)", 100*r.Recall(), r.GoldHit, r.Gold)
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "span F1", 100*r.F1())
	label := "accuracy@161 km"
	if r.goldHasID {
		label = "accuracy (same GeoNames id or within 161 km)"
		fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", "  same GeoNames id", 100*ratio(r.SameID, r.Geo), r.SameID, r.Geo)
		fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", "  within 161 km", 100*ratio(r.Near, r.Geo), r.Near, r.Geo)
	}
	fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", label, 100*r.Accuracy(), r.Right, r.Geo)
	fmt.Fprintf(w, "  %-50s %8.1f\n", "median error, km", r.MedianKm())
	fmt.Fprintf(w, "  %-50s %5d\n", "matched toponyms left unresolved (counted wrong)", r.Unplaced)
	writeFailed(w, r.Failed)
}

// writeFailed reports the documents the pipeline failed on.
func writeFailed(w io.Writer, failed []string) {
	if len(failed) == 0 {
		return
	}
	fmt.Fprintf(w, "  %-50s %5d  (first: %s)\n", "documents the pipeline failed on (scored empty)", len(failed), failed[0])
}

// WriteErrors prints the n most frequent far placements, misses and
// spurious places.
func (r *GeoparseReport) WriteErrors(w io.Writer, n int) {
	for _, part := range []struct {
		title string
		m     map[string]int
	}{{"placed too far", r.Far}, {"missed", r.Missed}, {"spurious", r.Spurious}} {
		fmt.Fprintf(w, "  %s:\n", part.title)
		keys := sortedKeys(part.m)
		sort.SliceStable(keys, func(i, j int) bool { return part.m[keys[i]] > part.m[keys[j]] })
		for i, k := range keys {
			if i == n {
				break
			}
			fmt.Fprintf(w, "    %4d  %s\n", part.m[k], k)
		}
	}
}

// EventPlaceReport scores the location of the main event of each ACLED
// note against ACLED's coordinates and country.
type EventPlaceReport struct {
	Notes    int
	Located  int // notes whose main event has a resolved location
	Within   int // of Notes, within eventKm of ACLED's point
	Country  int // of Notes, with ACLED's country
	ErrorsKm []float64
	// ByPrecision counts notes and those within eventKm by ACLED's
	// geo_precision (1 town, 2 near or part of a region, 3 region).
	ByPrecision map[int][2]int
	Far         []string
	Failed      []string // notes the pipeline failed on, with the error
	// Misses counts the notes not within eventKm by why (classifyMiss),
	// Countries those in the wrong country (classifyCountry).
	Misses, Countries tally
}

// keepExamples is how many notes of each kind of error a report keeps.
const keepExamples = 2000

// ACLEDPlaces runs the pipeline over the ACLED development notes at path
// and scores the location of each note's main event: the first event with
// an ACLED event type.
func ACLEDPlaces(x *extract.Extractor, g *gazetteer.Gazetteer, path string) (*EventPlaceReport, error) {
	type row struct {
		ID        string  `json:"event_id_cnty"`
		Text      string  `json:"text"`
		Date      string  `json:"event_date"`
		Country   string  `json:"country"`
		Location  string  `json:"location"`
		Lat       float64 `json:"latitude"`
		Lon       float64 `json:"longitude"`
		Precision int     `json:"geo_precision"`
	}
	rows, err := readJSONL[row](path)
	if err != nil {
		return nil, err
	}
	r := &EventPlaceReport{ByPrecision: map[int][2]int{}}
	for _, a := range rows {
		// A note the pipeline fails on counts as one with no event.
		doc, err := x.Article(sitrep.Article{ID: a.ID, Text: a.Text, Published: a.Date})
		if err != nil {
			r.Failed = append(r.Failed, fmt.Sprintf("%s: %v", a.ID, err))
		}
		r.Notes++
		bp := r.ByPrecision[a.Precision]
		bp[0]++
		var loc *sitrep.Place
		hasEvent := false
		for i := range doc.Events {
			if doc.Events[i].ACLEDEventType != nil {
				loc, hasEvent = doc.Events[i].Location, true
				break
			}
		}
		want := ""
		if c, ok := g.CountryName(a.Country); ok {
			want = c.ISO3
		}
		got := "(none)"
		if loc != nil {
			got = fmt.Sprintf("%q -> %s, %s (%s)", loc.Text, loc.Name, loc.Country, loc.Kind)
		}
		example := func() string {
			return fmt.Sprintf("%s [%s, %s, p%d] %s: %s", a.ID, a.Location, a.Country, a.Precision, got, clip(a.Text, 200))
		}
		if loc != nil && loc.Country != "" && loc.Country == want {
			r.Country++
		} else {
			r.Countries.add(classifyCountry(&doc, hasEvent, loc, want), example(), keepExamples)
		}
		if loc.Resolved() {
			r.Located++
			km := Km(*loc.Lat, *loc.Lon, a.Lat, a.Lon)
			r.ErrorsKm = append(r.ErrorsKm, km)
			if km <= eventKm {
				r.Within++
				bp[1]++
				r.ByPrecision[a.Precision] = bp
				continue
			}
			got += fmt.Sprintf(" %.0f km", km)
		}
		r.ByPrecision[a.Precision] = bp
		r.Misses.add(classifyMiss(g, &doc, hasEvent, a.Text, a.Location, a.Lat, a.Lon), example(), keepExamples)
		r.Far = append(r.Far, example())
	}
	return r, nil
}

// Write prints the report as a table.
func (r *EventPlaceReport) Write(w io.Writer) {
	fmt.Fprintf(w, "ACLED dev notes: %d notes, location of the main event (first with an ACLED type)\n", r.Notes)
	fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", "main event located", 100*ratio(r.Located, r.Notes), r.Located, r.Notes)
	fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", "within 25 km of ACLED's point", 100*ratio(r.Within, r.Notes), r.Within, r.Notes)
	for _, p := range []int{1, 2, 3} {
		bp := r.ByPrecision[p]
		fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", fmt.Sprintf("  geo_precision %d", p), 100*ratio(bp[1], bp[0]), bp[1], bp[0])
	}
	fmt.Fprintf(w, "  %-50s %6.1f%%  (%d / %d)\n", "country correct", 100*ratio(r.Country, r.Notes), r.Country, r.Notes)
	med := 0.0
	if len(r.ErrorsKm) > 0 {
		e := append([]float64(nil), r.ErrorsKm...)
		sort.Float64s(e)
		med = e[len(e)/2]
	}
	fmt.Fprintf(w, "  %-50s %8.1f\n", "median error of located events, km", med)
	writeFailed(w, r.Failed)
}

// WriteBreakdown prints why notes miss ACLED's point or country, with up
// to examples notes of each reason.
func (r *EventPlaceReport) WriteBreakdown(w io.Writer, examples int) {
	r.Misses.write(w, "not within 25 km, by why", r.Notes, examples)
	r.Countries.write(w, "country wrong, by why", r.Notes, examples)
}

// WriteErrors prints up to n notes whose main event is not within 25 km.
func (r *EventPlaceReport) WriteErrors(w io.Writer, n int) {
	for i, s := range r.Far {
		if i == n {
			break
		}
		fmt.Fprintf(w, "  %s\n", s)
	}
}

// PlacesReport gathers the three place evaluations.
type PlacesReport struct {
	TRNews, GeoVirus *GeoparseReport
	ACLED            *EventPlaceReport
}

// Places runs the place evaluations on the shared data directory's
// tr-news, geovirus and acled-dev-2020 folders.
func Places(x *extract.Extractor, dataDir string) (*PlacesReport, error) {
	tr, err := Geoparse(x, "TR-News", filepath.Join(dataDir, "tr-news", "tr_news.jsonl"))
	if err != nil {
		return nil, err
	}
	gv, err := Geoparse(x, "GeoVirus", filepath.Join(dataDir, "geovirus", "geovirus.jsonl"))
	if err != nil {
		return nil, err
	}
	ac, err := ACLEDPlaces(x, gazetteer.Default(), filepath.Join(dataDir, "acled-dev-2020", "gold.jsonl"))
	if err != nil {
		return nil, err
	}
	return &PlacesReport{TRNews: tr, GeoVirus: gv, ACLED: ac}, nil
}

// Write prints the three reports and why ACLED's notes go wrong; errors
// adds the commonest errors of each, and examples that many notes of each
// reason.
func (r *PlacesReport) Write(w io.Writer, errors bool, examples int) {
	for _, g := range []*GeoparseReport{r.TRNews, r.GeoVirus} {
		g.Write(w)
		if errors {
			g.WriteErrors(w, 30)
		}
	}
	r.ACLED.Write(w)
	r.ACLED.WriteBreakdown(w, examples)
	if errors && examples == 0 {
		r.ACLED.WriteErrors(w, 60)
	}
}

// Km is the great-circle distance between two points in kilometres.
func Km(lat1, lon1, lat2, lon2 float64) float64 {
	p := math.Pi / 180
	dlat, dlon := (lat2-lat1)*p, (lon2-lon1)*p
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*p)*math.Cos(lat2*p)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 12742 * math.Asin(math.Sqrt(math.Min(1, h)))
}

// clip cuts s to at most n bytes, at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
