package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/gazetteer/fold"
)

// geonamesIDs holds the GeoNames ids iso3166-2-db gives: of countries by
// ISO 3166-1 alpha-2 code, and of first-order divisions by GeoNames admin1
// code ("CA.01") with the names the package knows them by.
type geonamesIDs struct {
	countries map[string]int
	admin1    map[string]idNames
}

type idNames struct {
	id    int
	names []string
	// other are the names in other languages written in Latin script
	// (French, German, Spanish, Italian), in that order.
	other []string
}

// otherLanguages are the languages of iso3166-2-db's names, written in
// Latin script, that are kept as aliases of a division.
var otherLanguages = []string{"fr", "de", "es", "it"}

// readIDs parses iso3166-2-db's data/iso3166-2.json.
func readIDs(data []byte) (geonamesIDs, error) {
	var rows map[string]struct {
		ISO       string
		Reference struct{ Geonames int }
		Regions   []struct {
			Name      string
			Names     map[string]string
			Admin     json.RawMessage // a string, or a number for some countries
			Reference struct{ Geonames int }
		}
	}
	if err := json.Unmarshal(data, &rows); err != nil {
		return geonamesIDs{}, fmt.Errorf("%s data/iso3166-2.json: %w", srcIDs.Name, err)
	}
	ids := geonamesIDs{countries: map[string]int{}, admin1: map[string]idNames{}}
	for cc, c := range rows {
		if c.Reference.Geonames > 0 {
			ids.countries[cc] = c.Reference.Geonames
		}
		for _, r := range c.Regions {
			admin := strings.Trim(string(r.Admin), `"`)
			if admin == "" || admin == "null" || r.Reference.Geonames <= 0 {
				continue
			}
			names := []string{r.Name}
			for _, lang := range []string{"geonames", "en"} {
				if n := r.Names[lang]; n != "" {
					names = append(names, n)
				}
			}
			var other []string
			for _, lang := range otherLanguages {
				if n := r.Names[lang]; n != "" {
					other = append(other, n)
				}
			}
			ids.admin1[cc+"."+admin] = idNames{r.Reference.Geonames, names, other}
		}
	}
	return ids, nil
}

// admin1ID returns the GeoNames id of the first-order division with code
// and name, when iso3166-2-db lists that code under a name like it. GeoNames
// has reassigned some codes over the years (Vietnam's provinces, Taiwan's
// counties), and the package may carry an old one: a code alone is not
// trusted.
func (ids geonamesIDs) admin1ID(code, name string) (int, bool) {
	e, ok := ids.admin1[code]
	if !ok {
		return 0, false
	}
	for _, n := range e.names {
		if similarNames(n, name) {
			return e.id, true
		}
	}
	return 0, false
}

// admin1Names returns the names iso3166-2-db gives the first-order division
// with code, in English, GeoNames' spelling and other languages, when it
// lists that code under a name like name (as admin1ID).
func (ids geonamesIDs) admin1Names(code, name string) []string {
	if _, ok := ids.admin1ID(code, name); !ok {
		return nil
	}
	e := ids.admin1[code]
	return append(append([]string(nil), e.names...), e.other...)
}

// genericWords are left out when comparing division names: "Kemerovo
// Oblast" and "Kemerovo" are one name.
var genericWords = map[string]bool{
	"province": true, "region": true, "district": true, "governorate": true, "state": true, "county": true,
	"parish": true, "rayon": true, "oblast": true, "department": true, "municipality": true, "prefecture": true,
	"city": true, "of": true, "the": true, "al": true, "el": true, "ash": true, "ar": true, "as": true, "an": true,
}

func coreName(s string) string {
	var out []string
	for _, w := range strings.Fields(fold.Key(s)) {
		if !genericWords[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// similarNames reports whether two names of a division are spellings of one
// name: after folding and without generic words, one contains the other or
// they differ in at most two fifths of their letters ("Gjirokaster" and
// "Gjirokastër County", "Fuezuli" and "Fuzuli District"), but not "Long
// An" and "Bac Ninh".
func similarNames(a, b string) bool {
	a, b = coreName(a), coreName(b)
	if a == "" || b == "" {
		return false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	return float64(fold.Distance(a, b)) <= 0.4*float64(max(len(a), len(b)))
}

// divisionTerms are the words, folded, that names of divisions in
// iso3166-2-db carry besides the name itself, in English, French, German,
// Spanish and Italian ("Région de l'Extrême-Nord", "Provincia del Kivu
// Sud", "Muhafazat Karbala'"); island words are not among them, being part
// of names ("Isla de la Juventud"). They are cut from the start and the
// end of a name; a name that still has one in it is not used.
var divisionTerms = setOf(`province provincia provinz provincie região region région regione
	regierungsbezirk department departement département departamento dipartimento district distrikt
	distrito distretto governorate gouvernorat gouvernement gobernacion gobernación governatorato
	state etat état estado stato bundesstaat oblast óblast oblast' oblys oblysy raion rayon rajon
	county comte comté condado contea comitat komitat gespanschaft judet județ prefecture
	prefectura prefettura präfektur prefektur municipality municipalite municipalité municipalidad
	municipio municipalita municipalità munizip comune commune gemeinde parish paroisse parroquia
	parrocchia canton kanton cantón cantone kreis bezirk landkreis wilaya willaya territory
	territoire territorio territorium emirate emirat émirat emirato voivodeship voïvodie voivodato
	woiwodschaft kraj krai kray okrug autonomous autonome autónoma autonoma autonomo autónomo
	republic republique république república repubblica republik city ville ciudad citta città stadt
	capital capitale division muhafazat muhafazah muhafaza area zone zona quartier quarter sector secteur settore sektor community
	comunidad comunità communauté gemeinschaft land län lan`)

// connectors join a division word to the name ("Province of Rome",
// "Région de l'Est"), or are an article.
var connectors = setOf(`of the de du des la le les del della dello delle degli dei di da do dos das
	von der des el al y e et und`)

// directionWords, alone, are no name worth matching: "Nord", "Sud",
// "Centre" name a division of several countries and are words of French,
// Spanish or Italian text.
var directionWords = setOf(`nord sud est ouest norte sur este oeste centro centre center central
	centrale ovest ost west nordeste noroeste sudeste sudoeste sureste suroeste nordest nordovest
	sudest sudovest mitte oriental occidental orientale occidentale septentrional meridional
	settentrionale meridionale littoral litoral litorale extremo estremo`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[fold.Key(w)] = true
	}
	return m
}

// elision cuts a French or Italian elided article from the start of a
// word ("l'Est" → "Est", "dell'Estremo" → "Estremo").
func elision(w string) string {
	for _, a := range []string{"l'", "d'", "dell'", "dall'", "nell'", "all'", "l’", "d’", "dell’"} {
		if len(w) > len(a) && strings.EqualFold(w[:len(a)], a) {
			return w[len(a):]
		}
	}
	return w
}

// bareName returns name without the division words and connectors at its
// start and end ("Région de l'Extrême-Nord" → "Extrême-Nord"), or "" when
// a division word is left inside it.
func bareName(name string) string {
	ws := strings.Fields(clean(name))
	// A division word, then connectors: "Région de l'…", "Provincia del …".
	for len(ws) > 1 && divisionTerms[fold.Key(ws[0])] {
		ws = ws[1:]
		for len(ws) > 0 {
			if e := elision(ws[0]); e != ws[0] {
				ws[0] = e
			} else if len(ws) > 1 && connectors[fold.Key(ws[0])] {
				ws = ws[1:]
			} else {
				break
			}
		}
	}
	for len(ws) > 1 && divisionTerms[fold.Key(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	for _, w := range ws {
		if divisionTerms[fold.Key(w)] {
			return ""
		}
	}
	return strings.Join(ws, " ")
}

// otherNames returns the names of iso3166-2-db worth adding to a
// division's own name and aliases (have): Latin script, bare of division
// words, not a direction alone ("Sud"), not made of common English words
// alone ("Far North"), not the name of a country, not one word of a name
// of several ("Jewish" of Jewish Autonomous Oblast), not a name unlike
// the division's own that a single language gives ("Barca", Italian for Al
// Marj, is the footballers' Barcelona too), and one per folded form.
func otherNames(names, have []string, words map[string]int, countryNames map[string]bool) []string {
	seen, part := map[string]bool{}, map[string]bool{}
	for _, h := range have {
		k := fold.Key(h)
		seen[k] = true
		if ws := strings.Fields(k); len(ws) > 1 {
			for _, w := range ws {
				part[w] = true
			}
		}
	}
	// How many of the languages give each bare name.
	langs := map[string]int{}
	bare := make([]string, len(names))
	for i, n := range names {
		bare[i] = bareName(n)
		langs[fold.Key(bare[i])]++
	}
	var out []string
	for _, n := range bare {
		if !usableName(n) {
			continue
		}
		k := fold.Key(n)
		if seen[k] || countryNames[k] {
			continue
		}
		seen[k] = true
		if directionWords[k] || part[k] || allCommonWords(k, words) {
			continue
		}
		if langs[k] == 1 && !slices.ContainsFunc(have, func(h string) bool { return similarNames(h, n) }) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// allCommonWords reports whether every word of the folded key is a common
// English word.
func allCommonWords(key string, words map[string]int) bool {
	for _, w := range strings.Fields(key) {
		if _, ok := words[w]; !ok {
			return false
		}
	}
	return true
}
