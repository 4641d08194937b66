// Command web copies the web interface's front-end libraries from pinned
// npm registry packages into web/static/vendor/, which package web embeds.
//
// Each package is packed with `npm pack` into a temporary directory and
// checked against its pinned integrity hash; the files listed below are
// copied as they are, with the package's licence, and VERSIONS lists what
// was copied. Nothing is built or minified here, and nothing else is kept.
//
// Usage (from the module root):
//
//	go run ./tools/web [-out web/static/vendor] [-cache DIR]
//
// docs/data.md lists the packages and their licences.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/tools/npmpack"
)

// source is a pinned package and the files taken from it: path in the
// package -> path below the output directory.
type source struct {
	npmpack.Package
	Files map[string]string
}

var sources = []source{
	{npmpack.Package{Name: "leaflet", Version: "1.9.4",
		Integrity: "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="},
		map[string]string{
			"dist/leaflet.js":                "leaflet/leaflet.js",
			"dist/leaflet.css":               "leaflet/leaflet.css",
			"dist/images/layers.png":         "leaflet/images/layers.png",
			"dist/images/layers-2x.png":      "leaflet/images/layers-2x.png",
			"dist/images/marker-icon.png":    "leaflet/images/marker-icon.png",
			"dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
			"dist/images/marker-shadow.png":  "leaflet/images/marker-shadow.png",
			"LICENSE":                        "leaflet/LICENSE",
		}},
	{npmpack.Package{Name: "leaflet.markercluster", Version: "1.5.3",
		Integrity: "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA=="},
		map[string]string{
			"dist/leaflet.markercluster.js": "leaflet.markercluster/leaflet.markercluster.js",
			"dist/MarkerCluster.css":        "leaflet.markercluster/MarkerCluster.css",
			"MIT-LICENCE.txt":               "leaflet.markercluster/LICENSE",
		}},
	{npmpack.Package{Name: "uplot", Version: "1.6.32",
		Integrity: "sha512-KIMVnG68zvu5XXUbC4LQEPnhwOxBuLyW1AHtpm6IKTXImkbLgkMy+jabjLgSLMasNuGGzQm/ep3tOkyTxpiQIw=="},
		map[string]string{
			"dist/uPlot.iife.min.js": "uplot/uPlot.iife.min.js",
			"dist/uPlot.min.css":     "uplot/uPlot.min.css",
			"LICENSE":                "uplot/LICENSE",
		}},
	{npmpack.Package{Name: "topojson-client", Version: "3.1.0",
		Integrity: "sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw=="},
		map[string]string{
			"dist/topojson-client.min.js": "topojson-client/topojson-client.min.js",
			"LICENSE":                     "topojson-client/LICENSE",
		}},
	// Natural Earth's 1:50m country outlines (public domain) as TopoJSON.
	{npmpack.Package{Name: "world-atlas", Version: "2.0.2",
		Integrity: "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="},
		map[string]string{
			"countries-50m.json": "world-atlas/countries-50m.json",
			"LICENSE":            "world-atlas/LICENSE",
		}},
}

func main() {
	out := flag.String("out", "web/static/vendor", "directory to write the files to")
	cache := flag.String("cache", "", "directory to keep the tarballs in (default: a temporary directory, removed afterwards)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("web: ")

	dir, done, err := npmpack.CacheDir(*cache, "sitrep-web-")
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := os.RemoveAll(*out); err != nil {
		log.Fatal(err)
	}
	versions := []string{"# The front-end libraries in this directory, copied by `make web` (tools/web) from these npm packages.\n"}
	for _, s := range sources {
		files, err := npmpack.Fetch(s.Package, dir)
		if err != nil {
			log.Fatal(err)
		}
		names := make([]string, 0, len(s.Files))
		for from := range s.Files {
			names = append(names, from)
		}
		sort.Strings(names)
		for _, from := range names {
			data, ok := files[from]
			if !ok {
				log.Fatalf("%s has no %s", s.Package, from)
			}
			to := filepath.Join(*out, filepath.FromSlash(s.Files[from]))
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				log.Fatal(err)
			}
			if err := os.WriteFile(to, data, 0o644); err != nil {
				log.Fatal(err)
			}
		}
		versions = append(versions, fmt.Sprintf("%s\t%s\n", s.Package, s.Integrity))
		log.Printf("%s: %d files", s.Package, len(names))
	}
	if err := os.WriteFile(filepath.Join(*out, "VERSIONS"), []byte(strings.Join(versions, "")), 0o644); err != nil {
		log.Fatal(err)
	}
}
