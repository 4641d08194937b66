package metrics_test

import (
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/metrics"
)

func Example() {
	reg := metrics.NewRegistry()
	stored := reg.Counter("sitrep_worker_articles_total", "Articles handled, by result.", "result", "stored")
	reg.Counter("sitrep_worker_articles_total", "Articles handled, by result.", "result", "failed")
	lag := reg.Gauge("sitrep_queue_pending", "Messages not yet delivered.")
	took := reg.Histogram("sitrep_worker_extract_seconds", "Extraction time per article.", []float64{0.1, 1, 10})
	stored.Add(3)
	lag.Set(12)
	took.Observe(0.0625)
	took.Observe(0.5)
	reg.Write(os.Stdout)
	// Output:
	// # HELP sitrep_worker_articles_total Articles handled, by result.
	// # TYPE sitrep_worker_articles_total counter
	// sitrep_worker_articles_total{result="stored"} 3
	// sitrep_worker_articles_total{result="failed"} 0
	// # HELP sitrep_queue_pending Messages not yet delivered.
	// # TYPE sitrep_queue_pending gauge
	// sitrep_queue_pending 12
	// # HELP sitrep_worker_extract_seconds Extraction time per article.
	// # TYPE sitrep_worker_extract_seconds histogram
	// sitrep_worker_extract_seconds_bucket{le="0.1"} 1
	// sitrep_worker_extract_seconds_bucket{le="1"} 2
	// sitrep_worker_extract_seconds_bucket{le="10"} 2
	// sitrep_worker_extract_seconds_bucket{le="+Inf"} 2
	// sitrep_worker_extract_seconds_sum 0.5625
	// sitrep_worker_extract_seconds_count 2
}

func TestLabelsAndHTTP(t *testing.T) {
	reg := metrics.NewRegistry()
	h := reg.Histogram("took_seconds", "Took.", []float64{1}, "stage", `say "x"`)
	h.Observe(2)
	g := 0.5
	reg.GaugeFunc("ratio", "A ratio.", func() float64 { return g })
	rec := httptest.NewRecorder()
	reg.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{
		`took_seconds_bucket{stage="say \"x\"",le="1"} 0`,
		`took_seconds_bucket{stage="say \"x\"",le="+Inf"} 1`,
		`took_seconds_count{stage="say \"x\""} 1`,
		"ratio 0.5\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("missing %q in\n%s", want, body)
		}
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
}
