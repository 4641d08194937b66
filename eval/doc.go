// Package eval measures sitrep's stages against third-party gold data kept
// in the shared directory (see SharedDir), outside the repository. Each
// evaluation reads one data set, runs a stage over it and returns a report
// of counts and figures that prints as a table; the tests in this package run
// them, skip when the data is absent, and fail when a figure drops below its
// target:
//
//	go test -run Eval -v ./eval/
//
// prints the reports.
package eval

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep-project/sitrep"
)

// SharedDir returns the directory of shared, read-only development data:
// $SITREP_SHARED when set, else "../shared" next to the repository root
// (the directory holding go.mod, found by walking up from the working
// directory, so that tests running in package directories find it too).
func SharedDir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared")
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("..", "shared")
		}
		dir = parent
	}
}

// ACLEDNotes reads the ACLED development notes
// (<shared>/data/acled-dev-2020/gold.jsonl) as articles, each published on
// its event date: the realistic batch of short reports that benchmarks use.
func ACLEDNotes() ([]sitrep.Article, error) {
	path := filepath.Join(SharedDir(), "data", "acled-dev-2020", "gold.jsonl")
	type row struct {
		ID   string `json:"event_id_cnty"`
		Text string `json:"text"`
		Date string `json:"event_date"`
	}
	rows, err := readJSONL[row](path)
	if err != nil {
		return nil, err
	}
	arts := make([]sitrep.Article, len(rows))
	for i, r := range rows {
		arts[i] = sitrep.Article{ID: r.ID, Text: r.Text, Published: r.Date, Source: path}
	}
	return arts, nil
}

// NewsArticles reads the full-length news texts of TR-News and GeoVirus
// (<shared>/data/tr-news/tr_news.jsonl, <shared>/data/geovirus/geovirus.jsonl)
// as articles without their gold toponyms: the realistic batch of whole
// news reports that benchmarks use.
func NewsArticles() ([]sitrep.Article, error) {
	var arts []sitrep.Article
	for _, set := range []string{"tr-news/tr_news.jsonl", "geovirus/geovirus.jsonl"} {
		path := filepath.Join(SharedDir(), "data", filepath.FromSlash(set))
		rows, err := readJSONL[geoGold](path)
		if err != nil {
			return nil, err
		}
		for i, r := range rows {
			id := fmt.Sprintf("%s-%d", filepath.Dir(set), i+1)
			arts = append(arts, sitrep.Article{ID: id, Text: r.Text, Source: path})
		}
	}
	return arts, nil
}
