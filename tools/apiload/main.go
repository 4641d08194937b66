// Command apiload measures the API's latency on a large store: it fills a
// database with synthetic events (100,000 by default; kept between runs),
// serves it on a loopback port with the server `sitrep serve` runs, sends a
// bounded number of filtered queries from a few concurrent clients, and
// prints the 50th, 95th and 99th percentiles of the response times.
//
// Usage (from the module root):
//
//	go run ./tools/apiload [-db /tmp/sitrep-load.db] [-events 100000] [-requests 3000] [-c 2] [-cpuprofile FILE]
//
// The target of issue 7 is a p99 under 50 ms on two cores for the filtered
// event queries; the exit status is 1 when -max-p99 is exceeded.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/sitrep-project/sitrep"
	httpapi "github.com/sitrep-project/sitrep/http"
	"github.com/sitrep-project/sitrep/sqlite"
)

func main() {
	db := flag.String("db", "/tmp/sitrep-load.db", "database to fill (when it holds fewer events) and query")
	events := flag.Int("events", 100_000, "events the database must hold")
	requests := flag.Int("requests", 3000, "queries to send, after a warm-up of 100")
	clients := flag.Int("c", 2, "concurrent clients")
	maxP99 := flag.Duration("max-p99", 50*time.Millisecond, "exit 1 when the filtered event queries' p99 exceeds this")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the measured queries (server and clients) to this file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("apiload: ")
	ctx := context.Background()

	store, err := sqlite.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	if err := fill(ctx, store, *events); err != nil {
		log.Fatal(err)
	}

	srv := httpapi.New(httpapi.Config{Store: store, Logger: slog.New(slog.DiscardHandler)})
	ready := make(chan string, 1)
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		err := srv.ListenAndServe(sctx, "127.0.0.1:0", func(a net.Addr) { ready <- a.String() })
		if err != nil {
			log.Fatal(err)
		}
	}()
	base := "http://" + <-ready

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *clients}, Timeout: 30 * time.Second}
	rng := rand.New(rand.NewPCG(7, 7))
	var plan []query
	for range 100 + *requests {
		plan = append(plan, randomQuery(rng))
	}
	run(client, base, plan[:100], *clients) // warm-up: caches, connections
	// Other work on the machine shows in the tail: the load average is
	// printed with the figures.
	loadBefore := loadAverage()
	var prof *os.File
	if *cpuProfile != "" {
		if prof, err = os.Create(*cpuProfile); err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(prof); err != nil {
			log.Fatal(err)
		}
	}
	start := time.Now()
	times := run(client, base, plan[100:], *clients)
	wall := time.Since(start)
	if prof != nil {
		pprof.StopCPUProfile()
		if err := prof.Close(); err != nil {
			log.Fatal(err)
		}
	}

	byKind := map[string][]time.Duration{}
	var eventsAll []time.Duration
	for i, q := range plan[100:] {
		byKind[q.kind] = append(byKind[q.kind], times[i])
		if q.path == "/api/events" {
			eventsAll = append(eventsAll, times[i])
		}
	}
	st, _ := store.Stats(ctx)
	fmt.Printf("%d events in %s; %d queries from %d clients in %.1fs (%.0f/s); load average before %s, after %s\n\n",
		st.Events, *db, len(times), *clients, wall.Seconds(), float64(len(times))/wall.Seconds(), loadBefore, loadAverage())
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "query\tn\tp50 ms\tp95 ms\tp99 ms\tmax ms\t")
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		row(tw, k, byKind[k])
	}
	row(tw, "all /api/events", eventsAll)
	tw.Flush()
	p99 := percentile(eventsAll, 99)
	fmt.Printf("\nfiltered event queries (GET /api/events, 100 a page): p99 %.1f ms (target < %v)\n", ms(p99), *maxP99)
	if p99 > *maxP99 {
		os.Exit(1)
	}
}

// fill adds generated articles until the store holds n events.
func fill(ctx context.Context, store *sqlite.Store, n int) error {
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	g := newGenerator(uint64(st.Articles) + 1)
	g.n = st.Articles
	start := time.Now()
	for st.Events < n {
		batch := make([]sitrep.Extracted, 0, 1000)
		for range min(1000, n-st.Events) {
			batch = append(batch, g.next())
		}
		if _, err := store.Ingest(ctx, batch, sitrep.IngestOptions{}); err != nil {
			return err
		}
		if st, err = store.Stats(ctx); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "\rgenerating: %d events, %.0fs", st.Events, time.Since(start).Seconds())
	}
	if time.Since(start) > time.Second {
		fmt.Fprintln(os.Stderr)
	}
	return nil
}

// query is one request of the plan, with the kind it is reported under.
type query struct {
	kind, path string
	q          url.Values
}

// randomQuery draws a query as an analyst's page would send it: filters
// by country, dates, type, actor, casualties, area or words, a page of 100.
func randomQuery(r *rand.Rand) query {
	a := anchors[r.IntN(len(anchors))]
	k := kinds[r.IntN(len(kinds))]
	from := genStart.AddDate(0, 0, r.IntN(genDays-365))
	to := from.AddDate(0, 0, 30+r.IntN(335))
	v := url.Values{}
	var kind string
	switch r.IntN(8) {
	case 0:
		kind = "country + dates"
		v.Set("country", a.iso3)
		v.Set("from", from.Format(time.DateOnly))
		v.Set("to", to.Format(time.DateOnly))
	case 1:
		kind = "country + type"
		v.Set("country", a.iso3)
		v.Set("type", k.typ)
	case 2:
		kind = "type + dates, newest first"
		v.Set("type", k.sub)
		v.Set("from", from.Format(time.DateOnly))
		v.Set("order", "desc")
	case 3:
		kind = "disputed + min_killed"
		v.Set("disputed", "true")
		v.Set("min_killed", fmt.Sprint(1+r.IntN(20)))
	case 4:
		kind = "bbox + dates"
		v.Set("bbox", fmt.Sprintf("%g,%g,%g,%g", a.lon-2, a.lat-2, a.lon+2, a.lat+2))
		v.Set("from", from.Format(time.DateOnly))
	case 5:
		kind = "actor + country"
		v.Set("actor", "Military Forces of "+a.name)
		v.Set("country", a.iso3)
	case 6:
		kind = "text + country"
		v.Set("text", words[r.IntN(len(words))])
		v.Set("country", a.iso3)
	case 7:
		kind = "country, newest first"
		v.Set("country", a.iso3)
		v.Set("order", "desc")
	}
	return query{kind: "events: " + kind, path: "/api/events", q: v}
}

// run sends the queries from n clients and returns each one's time.
func run(client *http.Client, base string, plan []query, n int) []time.Duration {
	times := make([]time.Duration, len(plan))
	var wg sync.WaitGroup
	next := make(chan int)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				q := plan[i]
				start := time.Now()
				resp, err := client.Get(base + q.path + "?" + q.q.Encode())
				if err != nil {
					log.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				times[i] = time.Since(start)
				if resp.StatusCode != http.StatusOK {
					log.Fatalf("%s?%s: %s", q.path, q.q.Encode(), resp.Status)
				}
			}
		}()
	}
	for i := range plan {
		next <- i
	}
	close(next)
	wg.Wait()
	return times
}

func row(w io.Writer, name string, ds []time.Duration) {
	fmt.Fprintf(w, "%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t\n", name, len(ds), ms(percentile(ds, 50)), ms(percentile(ds, 95)), ms(percentile(ds, 99)), ms(slices.Max(ds)))
}

// percentile returns the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// loadAverage returns the one-minute load average, "?" where the system
// does not tell.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}
