package main

import (
	"encoding/json"
	"fmt"
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
}

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
			ids.admin1[cc+"."+admin] = idNames{r.Reference.Geonames, names}
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
