// Package gazetteer is an offline world gazetteer: countries with their
// names, demonyms and capitals, and GeoNames' populated places,
// administrative divisions and a few named regions, looked up by name.
//
// The data is embedded in the binary (see docs/data.md for its sources and
// licences, and `make gazetteer` to rebuild it) and loaded once per process
// by Default.
package gazetteer

import (
	"bytes"
	"math"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/gazetteer/fold"
)

// Kinds of Entry; the values are those of sitrep.Place.Kind.
const (
	KindCity   = "city"
	KindAdmin1 = "admin1"
	KindAdmin2 = "admin2"
	KindRegion = "region"
)

// Country is a country or territory with an ISO 3166-1 code.
type Country struct {
	ISO2, ISO3 string
	// Name is the common English name ("Iran"); Official the official one
	// ("Islamic Republic of Iran").
	Name, Official string
	Capital        string
	// Lat and Lon are the country's reference point. GeonameID is GeoNames'
	// id of the country, 0 when the embedded data does not have it.
	Lat, Lon  float64
	GeonameID int
	// Demonyms are the nationality words ("Azerbaijani", "Azeri").
	Demonyms []string
	// Names are every name the country is looked up by, the common one
	// first.
	Names       []string
	Independent bool
	UNMember    bool
	// Area in square kilometres.
	Area float64
}

// Entry is a populated place, an administrative division or a region.
type Entry struct {
	// GeonameID is GeoNames' id, 0 where the embedded data lacks it
	// (second-order divisions, some first-order ones, most regions).
	GeonameID int
	Name      string
	// Country is the ISO 3166-1 alpha-3 code, "" when unknown or disputed.
	Country string
	// Admin1 and Admin2 name the divisions the place lies in (for a
	// division, itself and its parent); Admin1Code is GeoNames' code
	// ("AZ.20").
	Admin1, Admin2 string
	Admin1Code     string
	Lat, Lon       float64
	Population     int
	// Kind is KindCity, KindAdmin1, KindAdmin2 or KindRegion.
	Kind string
	// Capital marks a country's capital; Seat any seat of government or of
	// a first- or second-order division (capitals included).
	Capital, Seat bool
	// Feature is GeoNames' feature code for places ("PPLA"), "" otherwise.
	Feature string
	// Alias marks an entry found through one of GeoNames' alternate names
	// ("Kiev" for Kyiv) rather than its name.
	Alias bool
}

// Weight is the figure Places orders entries by: the population, a tenth of
// it for a first-order division and a twentieth for a second-order one
// (they are named after their main town more often than not), ten times
// it for a capital and twice for another seat; a third-order seat of
// unknown population counts minorSeatPopulation. Found through an alternate
// name, an entry weighs an eighth of its population, with no bonus: those
// names include historical ones ("Victoria" for Hong Kong, "Franklin" for
// Columbus), and English ones ("Geneva") of places big enough to win
// anyway. A region, listed by hand for being well known, weighs at least a
// million.
func (e Entry) Weight() float64 {
	var flags uint8
	if e.Capital {
		flags |= flagCapital
	}
	if e.Seat {
		flags |= flagSeat
	}
	if e.Feature == "PPLA3" {
		flags |= flagMinorSeat
	}
	return weight(float64(e.Population), kindCodes[e.Kind], flags, e.Alias)
}

var kindCodes = map[string]uint8{KindCity: kindCity, KindAdmin1: kindAdmin1, KindAdmin2: kindAdmin2, KindRegion: kindRegion}

func weight(pop float64, kind, flags uint8, alias bool) float64 {
	w := pop
	if w == 0 && flags&flagMinorSeat != 0 {
		w = minorSeatPopulation
	}
	switch kind {
	case kindAdmin1:
		w /= 10
	case kindAdmin2:
		w /= 20
	case kindRegion:
		w = max(w, 1e6)
	}
	switch {
	case alias:
		w /= 8
	case flags&flagCapital != 0:
		w *= 10
	case flags&flagSeat != 0:
		w *= 2
	}
	return w
}

// weight is Entry.Weight of a ref.
func (g *Gazetteer) weight(ref int32) float64 {
	r := &g.recs[ref&^aliasRef]
	return weight(float64(r.pop), r.kind, r.flags, ref&aliasRef != 0)
}

// Gazetteer looks places up by name. Its methods are safe for concurrent
// use.
type Gazetteer struct {
	recs []record
	// nameIndexes map folded names and transliteration keys (fold.Sound)
	// to refs; only the larger places, divisions and regions have the
	// latter.
	nameIndexes
	// prebuilt is set when the name indexes came from the embedded index
	// file rather than being built at load.
	prebuilt  bool
	countries []Country
	byISO2    map[string]int
	byISO3    map[string]int
	byName    map[string]int // folded country name → countries
	byCode    map[string]int // ISO 3166-1 alpha-2 and alpha-3 codes → countries
	byAbbrev  map[string]int // abbreviation without dots ("US", "UAE") → countries
	demonyms  map[string]int // folded demonym → countries
	capitals  map[string]int // folded capital name (world-countries) → countries
	common    map[string]int // common English word → SCOWL level
	// adminCodes holds the GeoNames codes of the divisions, which come
	// first in recs; features the feature codes of places ("" first).
	adminCodes []string
	features   []string
}

const (
	flagCapital = 1 << iota
	flagSeat
	// flagMinorSeat marks a third-order seat (PPLA3), which GeoNames
	// often gives no population.
	flagMinorSeat
)

// minorSeatPopulation stands for the unknown population of a third-order
// seat: the median of the third-order seats of cities500 whose population
// GeoNames gives (1,390 of 21,805 in the March 2023 table).
const minorSeatPopulation = 1390

// record is the compact in-memory form of an Entry.
type record struct {
	name     string
	lat, lon int32 // 1e-5 degrees
	id       int32
	pop      int64
	country  int16 // index into countries, -1 for none
	kind     uint8
	flags    uint8
	feature  uint8 // index into Gazetteer.features
	admin1   int32 // index into recs, -1 for none
	admin2   int32
}

var kinds = [...]string{KindCity, KindAdmin1, KindAdmin2, KindRegion}

const (
	kindCity uint8 = iota
	kindAdmin1
	kindAdmin2
	kindRegion
)

func (g *Gazetteer) entry(ref int32) Entry {
	r := &g.recs[ref&^aliasRef]
	e := Entry{
		Alias:      ref&aliasRef != 0,
		GeonameID:  int(r.id),
		Name:       r.name,
		Lat:        float64(r.lat) / 1e5,
		Lon:        float64(r.lon) / 1e5,
		Population: int(r.pop),
		Kind:       kinds[r.kind],
		Capital:    r.flags&flagCapital != 0,
		Seat:       r.flags&flagSeat != 0,
		Feature:    g.features[r.feature],
	}
	if r.country >= 0 {
		e.Country = g.countries[r.country].ISO3
	}
	if r.admin1 >= 0 {
		e.Admin1 = g.recs[r.admin1].name
		e.Admin1Code = g.adminCodes[r.admin1]
	}
	if r.admin2 >= 0 {
		e.Admin2 = g.recs[r.admin2].name
	}
	return e
}

// Places returns the places, divisions and regions called name, best first
// (see Entry.Weight; a division also comes after a same-named place inside
// it, which is usually what is meant), or nil. Countries are not among
// them: see Country. name is matched on its folded key (case, diacritics,
// hyphens, apostrophes; see package fold).
func (g *Gazetteer) Places(name string) []Entry {
	return g.Candidates(name, 0)
}

// Candidates is Places cut to the n best entries (all of them when n <= 0).
func (g *Gazetteer) Candidates(name string, n int) []Entry {
	var buf [keyRoom]byte
	ids := g.lookup(fold.AppendKey(buf[:0], name))
	if len(ids) == 0 {
		return nil
	}
	if n > 0 && len(ids) > n {
		ids = ids[:n]
	}
	out := make([]Entry, len(ids))
	for i, id := range ids {
		out[i] = g.entry(id)
	}
	return out
}

const (
	multi    = 1 << 31
	aliasRef = 1 << 30
)

// lookup returns the refs called key, best first. The result must not be
// modified.
func (g *Gazetteer) lookup(key []byte) []int32 {
	v, ok := g.names.getBytes(key)
	return g.refs(v, ok)
}

// keyRoom is the room on the stack for a folded name looked up; a longer
// one is folded on the heap.
const keyRoom = 64

// refs returns the refs of a value of the name index.
func (g *Gazetteer) refs(v uint32, ok bool) []int32 {
	switch {
	case !ok:
		return nil
	case v&multi != 0:
		return g.lists.list(v &^ multi)
	}
	return []int32{int32(v)}
}

// minSoundKey is the shortest transliteration key looked up: shorter ones
// ("kav" of Kiev) match too many names.
const minSoundKey = 4

// SoundCandidates returns up to n (all when n <= 0) places, divisions and
// regions with a name that sounds like name (fold.Sound: "Gyandzha" for
// Ganja, "Mirpurkhas" for Mirpur Khas), best first, or nil. Only seats,
// divisions, regions and places of some size are indexed so. The entries
// found are marked Alias.
func (g *Gazetteer) SoundCandidates(name string, n int) []Entry {
	var buf [keyRoom]byte
	k := fold.AppendSound(buf[:0], name)
	if len(k) < minSoundKey {
		return nil
	}
	v, ok := g.sounds.getBytes(k)
	if !ok {
		return nil
	}
	refs := g.soundLists.list(v)
	if n > 0 && len(refs) > n {
		refs = refs[:n]
	}
	if len(refs) == 0 {
		return nil
	}
	out := make([]Entry, len(refs))
	for i, r := range refs {
		out[i] = g.entry(r | aliasRef)
	}
	return out
}

// Named reports whether Places(name) holds any entry, without making them.
func (g *Gazetteer) Named(name string) bool {
	var buf [keyRoom]byte
	return len(g.lookup(fold.AppendKey(buf[:0], name))) > 0
}

// AliasOnly reports whether each of Candidates(name, n) bears the name only
// as an alternate name (Entry.Alias), without making them; so does a name
// of no place.
func (g *Gazetteer) AliasOnly(name string, n int) bool {
	var buf [keyRoom]byte
	ids := g.lookup(fold.AppendKey(buf[:0], name))
	if n > 0 && len(ids) > n {
		ids = ids[:n]
	}
	for _, id := range ids {
		if id&aliasRef == 0 {
			return false
		}
	}
	return true
}

// Has reports whether key, a folded name (fold.Key), names a place,
// division or region; it does not allocate.
func (g *Gazetteer) Has(key string) bool {
	_, ok := g.names.get(key)
	return ok
}

// MaxWords is the largest number of words in a name of a place, division,
// region or country, to bound the spans a caller needs to look up.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Country returns the country called name: a common, official or former
// name ("Azerbaijan", "Islamic Republic of Iran", "Burma"), with or
// without a leading "the"; an abbreviation in capitals ("U.S.", "UK",
// "UAE"); or an ISO 3166-1 alpha-2 or alpha-3 code in capitals ("AZ",
// "AZE").
func (g *Gazetteer) Country(name string) (Country, bool) {
	name = strings.TrimSpace(name)
	if isAbbrev(name) {
		if i, ok := g.byCode[name]; ok {
			return g.countries[i], true
		}
	}
	return g.CountryName(name)
}

// CountryName is Country without bare ISO codes, which in running text are
// mostly other words ("IN", "AM", "IT"): it takes names and the
// abbreviations of the data ("U.S.", "UK", "UAE", "DRC").
func (g *Gazetteer) CountryName(name string) (Country, bool) {
	if isAbbrev(name) {
		if i, ok := g.byAbbrev[strings.ReplaceAll(name, ".", "")]; ok {
			return g.countries[i], true
		}
		return Country{}, false
	}
	var buf [keyRoom]byte
	k := fold.AppendKey(buf[:0], name)
	if i, ok := g.byName[string(k)]; ok {
		return g.countries[i], true
	}
	if rest, ok := bytes.CutPrefix(k, []byte("the ")); ok {
		if i, ok := g.byName[string(rest)]; ok {
			return g.countries[i], true
		}
	}
	return Country{}, false
}

// CountryByISO3 returns the country with the ISO 3166-1 alpha-3 code.
func (g *Gazetteer) CountryByISO3(code string) (Country, bool) {
	i, ok := g.byISO3[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// CountryByISO2 returns the country with the ISO 3166-1 alpha-2 code.
func (g *Gazetteer) CountryByISO2(code string) (Country, bool) {
	i, ok := g.byISO2[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// Countries returns every country, ordered by ISO 3166-1 alpha-2 code.
func (g *Gazetteer) Countries() []Country {
	return append([]Country(nil), g.countries...)
}

// Demonym returns the country a nationality word refers to: "Armenian" or
// "Armenians" gives Armenia, "Azerbaijani" and "Azeri" Azerbaijan. Where
// two countries share a word ("Congolese", "Dominican"), the independent,
// then the larger one is chosen unless demonyms.tsv says otherwise.
func (g *Gazetteer) Demonym(word string) (Country, bool) {
	var buf [keyRoom]byte
	k := fold.AppendKey(buf[:0], word)
	if i, ok := g.demonyms[string(k)]; ok {
		return g.countries[i], true
	}
	if s, ok := bytes.CutSuffix(k, []byte("s")); ok {
		if i, ok := g.demonyms[string(s)]; ok {
			return g.countries[i], true
		}
	}
	return Country{}, false
}

// Capital returns the country whose capital is called name ("Tehran",
// "Kiev" or "Kyiv"). A capital's own name wins over another's alternate
// one ("Victoria" is the Seychelles' capital, and an old name of Hong
// Kong).
func (g *Gazetteer) Capital(name string) (Country, bool) {
	var buf [keyRoom]byte
	k := fold.AppendKey(buf[:0], name)
	refs := g.lookup(k)
	for _, alias := range []bool{false, true} {
		for _, ref := range refs {
			r := &g.recs[ref&^aliasRef]
			if (ref&aliasRef != 0) == alias && r.flags&flagCapital != 0 && r.country >= 0 {
				return g.countries[r.country], true
			}
		}
	}
	if i, ok := g.capitals[string(k)]; ok {
		return g.countries[i], true
	}
	return Country{}, false
}

// CommonWord reports whether word, folded, is a common English word written
// in lower case ("will", "police", "split", "gentile"), and its SCOWL
// frequency level (10 is the most common, 50 the rarest listed).
func (g *Gazetteer) CommonWord(word string) (level int, ok bool) {
	var buf [keyRoom]byte
	level, ok = g.common[string(fold.AppendKey(buf[:0], word))]
	return level, ok
}

// rank orders each name's entries best first: by Weight, except that a
// place comes before the same-named division it lies in, which is named
// after it.
func (g *Gazetteer) rank(refs []int32) {
	sort.SliceStable(refs, func(i, j int) bool {
		if wi, wj := g.weight(refs[i]), g.weight(refs[j]); wi != wj {
			return wi > wj
		}
		return g.recs[refs[i]&^aliasRef].id < g.recs[refs[j]&^aliasRef].id
	})
	for i := 0; i < len(refs); i++ {
		d := refs[i] &^ aliasRef
		if k := g.recs[d].kind; k != kindAdmin1 && k != kindAdmin2 {
			continue
		}
		for j := i + 1; j < len(refs); j++ {
			p := &g.recs[refs[j]&^aliasRef]
			if p.kind == kindCity && refs[j]&aliasRef == 0 && (p.admin1 == d || p.admin2 == d) {
				moved := refs[j]
				copy(refs[i+1:j+1], refs[i:j])
				refs[i] = moved
				i++
				break
			}
		}
	}
}

// mean returns the mean position of points given in 1e-5 degrees, on the
// sphere.
func mean(points [][2]int32) (lat, lon int32) {
	var x, y, z float64
	for _, p := range points {
		φ, λ := float64(p[0])/1e5*math.Pi/180, float64(p[1])/1e5*math.Pi/180
		x += math.Cos(φ) * math.Cos(λ)
		y += math.Cos(φ) * math.Sin(λ)
		z += math.Sin(φ)
	}
	φ := math.Atan2(z, math.Hypot(x, y)) * 180 / math.Pi
	λ := math.Atan2(y, x) * 180 / math.Pi
	return int32(math.Round(φ * 1e5)), int32(math.Round(λ * 1e5))
}

func isAbbrev(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && c != '.' {
			return false
		}
	}
	return true
}
