// Package metrics keeps counters, gauges and histograms and writes them in
// the Prometheus text exposition format (version 0.0.4), for the /metrics
// endpoint of long-running sitrep processes.
//
// A metric is registered once, with its labels fixed:
//
//	reg := metrics.NewRegistry()
//	stored := reg.Counter("sitrep_worker_articles_total", "Articles handled, by result.", "result", "stored")
//	stored.Inc()
//	http.Handle("/metrics", reg)
package metrics

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Registry holds metric families, written in the order they were first
// registered.
type Registry struct {
	mu       sync.Mutex
	families []*family
	byName   map[string]*family
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]*family{}} }

type family struct {
	name, help, kind string
	series           []series
}

// series is one labelled metric of a family.
type series interface {
	write(w io.Writer, name string)
}

func (r *Registry) add(name, help, kind string, s series) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f := r.byName[name]
	if f == nil {
		f = &family{name: name, help: help, kind: kind}
		r.byName[name] = f
		r.families = append(r.families, f)
	}
	if f.kind != kind {
		panic(fmt.Sprintf("metrics: %s registered as a %s and a %s", name, f.kind, kind))
	}
	f.series = append(f.series, s)
}

// labelString renders label pairs ("k1", "v1", "k2", "v2") as {k1="v1",k2="v2"}.
func labelString(pairs []string) string {
	if len(pairs)%2 != 0 {
		panic("metrics: labels come in name, value pairs")
	}
	if len(pairs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i < len(pairs); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(pairs[i])
		b.WriteString(`="`)
		b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(pairs[i+1]))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Counter is a value that only goes up.
type Counter struct {
	lbl  string
	bits atomic.Uint64
}

// Counter registers a counter with the given label pairs.
func (r *Registry) Counter(name, help string, labels ...string) *Counter {
	c := &Counter{lbl: labelString(labels)}
	r.add(name, help, "counter", c)
	return c
}

// Inc adds one.
func (c *Counter) Inc() { c.Add(1) }

// Add adds v, which must not be negative.
func (c *Counter) Add(v float64) {
	for {
		old := c.bits.Load()
		if c.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// Value returns the count.
func (c *Counter) Value() float64 { return math.Float64frombits(c.bits.Load()) }

func (c *Counter) write(w io.Writer, name string) {
	fmt.Fprintf(w, "%s%s %s\n", name, c.lbl, formatFloat(c.Value()))
}

// Gauge is a value that goes up and down, or is read when written out.
type Gauge struct {
	lbl  string
	bits atomic.Uint64
	f    func() float64
}

// Gauge registers a gauge set with Set.
func (r *Registry) Gauge(name, help string, labels ...string) *Gauge {
	g := &Gauge{lbl: labelString(labels)}
	r.add(name, help, "gauge", g)
	return g
}

// GaugeFunc registers a gauge whose value f gives when it is written out.
func (r *Registry) GaugeFunc(name, help string, f func() float64, labels ...string) {
	r.add(name, help, "gauge", &Gauge{lbl: labelString(labels), f: f})
}

// Set sets the gauge.
func (g *Gauge) Set(v float64) { g.bits.Store(math.Float64bits(v)) }

// Add adds v, which may be negative.
func (g *Gauge) Add(v float64) {
	for {
		old := g.bits.Load()
		if g.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// Value returns the gauge's value.
func (g *Gauge) Value() float64 {
	if g.f != nil {
		return g.f()
	}
	return math.Float64frombits(g.bits.Load())
}

func (g *Gauge) write(w io.Writer, name string) {
	fmt.Fprintf(w, "%s%s %s\n", name, g.lbl, formatFloat(g.Value()))
}

// Histogram counts observations in buckets of upper bounds.
type Histogram struct {
	lbl     string
	bounds  []float64
	mu      sync.Mutex
	counts  []uint64 // per bucket, not cumulative; the last is +Inf
	sum     float64
	samples uint64
}

// Histogram registers a histogram with the given bucket upper bounds.
func (r *Registry) Histogram(name, help string, bounds []float64, labels ...string) *Histogram {
	b := append([]float64(nil), bounds...)
	sort.Float64s(b)
	h := &Histogram{lbl: labelString(labels), bounds: b, counts: make([]uint64, len(b)+1)}
	r.add(name, help, "histogram", h)
	return h
}

// Observe records one value.
func (h *Histogram) Observe(v float64) {
	i := sort.SearchFloat64s(h.bounds, v)
	h.mu.Lock()
	h.counts[i]++
	h.sum += v
	h.samples++
	h.mu.Unlock()
}

// Count returns the number of observations.
func (h *Histogram) Count() uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.samples
}

func (h *Histogram) write(w io.Writer, name string) {
	h.mu.Lock()
	counts := append([]uint64(nil), h.counts...)
	sum, n := h.sum, h.samples
	h.mu.Unlock()
	// The le label goes with the histogram's own labels.
	with := func(le string) string {
		if h.lbl == "" {
			return `{le="` + le + `"}`
		}
		return h.lbl[:len(h.lbl)-1] + `,le="` + le + `"}`
	}
	var cum uint64
	for i, b := range h.bounds {
		cum += counts[i]
		fmt.Fprintf(w, "%s_bucket%s %d\n", name, with(formatFloat(b)), cum)
	}
	fmt.Fprintf(w, "%s_bucket%s %d\n", name, with("+Inf"), n)
	fmt.Fprintf(w, "%s_sum%s %s\n", name, h.lbl, formatFloat(sum))
	fmt.Fprintf(w, "%s_count%s %d\n", name, h.lbl, n)
}

// Write writes every metric in the text exposition format.
func (r *Registry) Write(w io.Writer) {
	r.mu.Lock()
	fams := append([]*family(nil), r.families...)
	r.mu.Unlock()
	for _, f := range fams {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", f.name, strings.ReplaceAll(f.help, "\n", " "), f.name, f.kind)
		for _, s := range f.series {
			s.write(w, f.name)
		}
	}
}

// ServeHTTP serves the metrics to a Prometheus scraper.
func (r *Registry) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	r.Write(w)
}
