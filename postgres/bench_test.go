package postgres

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/postgres/postgrestest"
)

var acled struct {
	once sync.Once
	exs  []sitrep.Extracted
	err  error
}

// acledExtracted returns the ACLED development notes, extracted once, or
// skips.
func acledExtracted(tb testing.TB) []sitrep.Extracted {
	path := filepath.Join(eval.SharedDir(), "data", "acled-dev-2020", "gold.jsonl")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("ACLED dev data not found (%v): set SITREP_SHARED", err)
	}
	acled.once.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			acled.err = err
			return
		}
		defer f.Close()
		x, err := extract.New()
		if err != nil {
			acled.err = err
			return
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var row struct {
				ID   string `json:"event_id_cnty"`
				Text string `json:"text"`
				Date string `json:"event_date"`
			}
			if acled.err = json.Unmarshal(sc.Bytes(), &row); acled.err != nil {
				return
			}
			a := sitrep.Article{ID: row.ID, Text: row.Text, Published: row.Date}
			doc, err := x.Article(a)
			if err != nil {
				continue
			}
			acled.exs = append(acled.exs, sitrep.Extracted{Article: a, Doc: doc})
		}
	})
	if acled.err != nil {
		tb.Fatal(acled.err)
	}
	return acled.exs
}

// BenchmarkIngestACLED stores the extracted ACLED notes in a new database,
// 64 articles a transaction: the store's share of a worker's time.
func BenchmarkIngestACLED(b *testing.B) {
	exs := acledExtracted(b)
	ctx := context.Background()
	n := 0
	for b.Loop() {
		b.StopTimer()
		s, err := Open(ctx, postgrestest.Database(b))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(exs); i += 64 {
			if _, err := s.Ingest(ctx, exs[i:min(i+64, len(exs))], sitrep.IngestOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		n += len(exs)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
