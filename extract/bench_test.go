package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
)

// acledNotes reads the ACLED development notes as articles, or skips.
func acledNotes(b *testing.B) []sitrep.Article {
	arts, err := eval.ACLEDNotes()
	if err != nil {
		b.Skipf("ACLED dev data not found (%v): set SITREP_SHARED", err)
	}
	return arts
}

func benchmark(b *testing.B, arts []sitrep.Article) {
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes / int64(len(arts)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Article(arts[i%len(arts)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractACLED runs the whole pipeline over ACLED's event notes,
// one article per note.
func BenchmarkExtractACLED(b *testing.B) { benchmark(b, acledNotes(b)) }

// BenchmarkExtractSeed runs the whole pipeline over the seed article.
func BenchmarkExtractSeed(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(eval.SharedDir(), "seed", "ganja-2020-10-17.txt"))
	if err != nil {
		b.Skipf("seed article not found (%v)", err)
	}
	benchmark(b, []sitrep.Article{{ID: "seed", Text: string(raw), Published: "2020-10-17", Outlet: "Al Jazeera"}})
}

// BenchmarkExtractNews runs the whole pipeline over the full-length news
// texts of TR-News and GeoVirus.
func BenchmarkExtractNews(b *testing.B) {
	arts, err := eval.NewsArticles()
	if err != nil {
		b.Skipf("TR-News/GeoVirus data not found (%v): set SITREP_SHARED", err)
	}
	benchmark(b, arts)
}
