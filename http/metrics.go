package httpapi

import (
	"context"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/metrics"
)

// durationBuckets are the upper bounds, in seconds, of the request duration
// histogram.
var durationBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// serverMetrics counts requests by route and status, and their durations
// by route, in a registry that /metrics writes out. A route's series are
// registered when it is first served.
type serverMetrics struct {
	reg       *metrics.Registry
	mu        sync.Mutex
	requests  map[[2]string]*metrics.Counter // (route, status)
	durations map[string]*metrics.Histogram
}

func newServerMetrics(reg *metrics.Registry, store Store) *serverMetrics {
	m := &serverMetrics{reg: reg, requests: map[[2]string]*metrics.Counter{}, durations: map[string]*metrics.Histogram{}}
	start := time.Now()
	for _, kind := range []string{"articles", "reports", "events", "overrides"} {
		reg.GaugeFunc("sitrep_store_rows", "Rows the event store holds, by kind.", func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			st, err := store.Stats(ctx)
			if err != nil {
				return -1
			}
			return float64(map[string]int{"articles": st.Articles, "reports": st.Mentions, "events": st.Events, "overrides": st.Overrides}[kind])
		}, "kind", kind)
	}
	reg.GaugeFunc("go_goroutines", "Goroutines that exist.", func() float64 { return float64(runtime.NumGoroutine()) })
	reg.GaugeFunc("go_memstats_heap_alloc_bytes", "Heap bytes allocated and in use.", func() float64 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc)
	})
	reg.GaugeFunc("process_uptime_seconds", "Seconds since the server started.", func() float64 { return time.Since(start).Seconds() })
	return m
}

func (m *serverMetrics) observe(route string, status int, d time.Duration) {
	code := strconv.Itoa(status)
	m.mu.Lock()
	c := m.requests[[2]string{route, code}]
	if c == nil {
		c = m.reg.Counter("sitrep_http_requests_total", "HTTP requests served, by route and status.", "route", route, "code", code)
		m.requests[[2]string{route, code}] = c
	}
	h := m.durations[route]
	if h == nil {
		h = m.reg.Histogram("sitrep_http_request_duration_seconds", "Time taken to serve HTTP requests, by route.", durationBuckets, "route", route)
		m.durations[route] = h
	}
	m.mu.Unlock()
	c.Inc()
	h.Observe(d.Seconds())
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	s.metrics.reg.ServeHTTP(w, r)
}
