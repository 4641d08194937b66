package main

import (
	"context"
	"io"
	"iter"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/input"
)

// acledNotes reads the ACLED development notes as articles, or skips.
func acledNotes(tb testing.TB) []sitrep.Article {
	arts, err := eval.ACLEDNotes()
	if err != nil {
		tb.Skipf("ACLED dev data not found (%v): set SITREP_SHARED", err)
	}
	return arts
}

func items(arts []sitrep.Article) iter.Seq[input.Item] {
	return func(yield func(input.Item) bool) {
		for _, a := range arts {
			if !yield(input.Item{Article: a}) {
				return
			}
		}
	}
}

// BenchmarkIngestACLED ingests the ACLED development notes end to end, from
// articles read to events merged in a new SQLite database, and reports
// articles per second.
func BenchmarkIngestACLED(b *testing.B) {
	arts := acledNotes(b)
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := openStore(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		g := &ingester{store: store, x: x, batch: defaultBatch, stderr: io.Discard}
		b.StartTimer()
		sum, status := g.run(ctx, items(arts))
		b.StopTimer()
		if status != 0 || sum.Articles == 0 {
			b.Fatalf("status %d, %+v", status, sum)
		}
		n += sum.read
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
