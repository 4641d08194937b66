package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/input"
	"github.com/sitrep-project/sitrep/metrics"
	"github.com/sitrep-project/sitrep/postgres"
	"github.com/sitrep-project/sitrep/queue"
)

// queueFlags are the flags naming the queue, shared by ingest --queue and
// worker.
type queueFlags struct {
	url    *string
	stream *string
}

func (qf *queueFlags) register(fs *flag.FlagSet, urlHelp string) {
	qf.url = fs.String("queue", "", urlHelp)
	qf.stream = fs.String("stream", queue.DefaultName, "name of the queue's streams, for several pipelines on one NATS server")
}

func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var qf queueFlags
	qf.register(fs, "the NATS JetStream server to consume articles from, `nats://HOST:4222` (required)")
	batch := fs.Int("batch", 64, "articles stored per transaction")
	extractors := fs.Int("extractors", 0, "articles extracted at once (default: the number of cores)")
	listen := fs.String("listen", "127.0.0.1:9464", "address of /metrics (Prometheus), /healthz and /readyz; empty for none")
	ackWait := fs.Duration("ack-wait", 60*time.Second, "how long the server waits for an ack before delivering an article again")
	maxDeliver := fs.Int("max-deliver", 5, "deliveries of an article before it goes to the dead-letter stream")
	shutdown := fs.Duration("shutdown-timeout", 30*time.Second, "on SIGTERM or Ctrl-C, how long to go on storing the articles in hand")
	logFormat := fs.String("log-format", "text", "log as `text` or json")
	deadline := deadlineFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep worker --queue nats://HOST:4222 [--db postgres://...] [flags]\n\nConsumes the articles `sitrep ingest --queue` publishes: extracts, merges and stores them,\nacknowledging each once stored. Run as many as the database keeps up with; see docs/scaling.md.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *qf.url == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	log, ok := newLogger(*logFormat, stderr)
	if !ok {
		fmt.Fprintf(stderr, "sitrep worker: --log-format %q: want text or json\n", *logFormat)
		return 2
	}
	// A service manager stops workers with SIGTERM.
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()

	store, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep worker: %v\n", err)
		return 1
	}
	defer store.Close()
	if !postgres.IsURL(*db) {
		log.Warn("a SQLite store takes one writing process: run one worker, or give --db postgres://...", "db", *db)
	}
	q, err := queue.Connect(ctx, *qf.url, queue.Options{Name: *qf.stream, AckWait: *ackWait, MaxDeliver: *maxDeliver})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep worker: %v\n", err)
		return 1
	}
	defer q.Close()
	x, err := extract.NewWith(extract.Options{Deadline: noneIfZero(*deadline)})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep worker: %v\n", err)
		return 1
	}
	reg := metrics.NewRegistry()
	w := &queue.Worker{
		Queue: q, Store: store, Extract: x.Article,
		Batch: *batch, Extractors: *extractors, ShutdownTimeout: *shutdown,
		Metrics: queue.NewMetrics(reg), Log: log,
	}
	if *listen != "" {
		srv, addr, err := serveOps(*listen, reg, w.Ready)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep worker: %v\n", err)
			return 1
		}
		defer srv.Close()
		log.Info("metrics and health", "url", "http://"+addr.String()+"/metrics")
	}
	log.Info("consuming", "queue", *qf.url, "stream", *qf.stream, "db", redactDB(*db))
	start := time.Now()
	err = w.Run(ctx)
	m := w.Metrics
	log.Info("stopped", "stored", m.Stored.Value(), "duplicates", m.Duplicates.Value(), "dead", m.DeadLettered.Value(),
		"events_new", m.NewEvents.Value(), "events_merged", m.Merged.Value(), "elapsed", time.Since(start).Round(time.Millisecond))
	if err != nil {
		fmt.Fprintf(stderr, "sitrep worker: %v\n", err)
		return 1
	}
	return 0
}

// serveOps serves the worker's metrics and health on addr: /healthz
// answers while the process runs, /readyz while it can work.
func serveOps(addr string, reg *metrics.Registry, ready func(context.Context) error) (*http.Server, net.Addr, error) {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", reg)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := ready(ctx); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ready\n")
	})
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("--listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
	return srv, l.Addr(), nil
}

// redactDB hides the password of a database URL.
func redactDB(db string) string {
	if !postgres.IsURL(db) {
		return db
	}
	return postgres.Redact(db)
}

// publishArticles reads the inputs and publishes them to the queue for
// workers to store (`sitrep ingest --queue`), returning the exit status.
func publishArticles(ctx context.Context, qf queueFlags, force bool, paths []string, stdin io.Reader, opts input.Options, stderr io.Writer) int {
	q, err := queue.Connect(ctx, *qf.url, queue.Options{Name: *qf.stream})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		return 1
	}
	defer q.Close()
	status, read := 0, 0
	p := q.NewPublisher(0, func(m *queue.Message, err error) {
		fmt.Fprintf(stderr, "sitrep ingest: %s: not queued: %v\n", m.Source, err)
		status = 1
	})
	start := time.Now()
	for it := range input.Read(ctx, paths, stdin, opts) {
		read++
		if it.Err != nil {
			fmt.Fprintf(stderr, "sitrep ingest: %v\n", it.Err)
			status = 1
			continue
		}
		m := &queue.Message{Article: it.Article, Source: it.Article.Source, Replace: force}
		if err := p.Publish(ctx, m); err != nil {
			break
		}
	}
	res, err := p.Close(context.WithoutCancel(ctx))
	elapsed := time.Since(start)
	state := "done"
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		state, status = "stopped", 1
	case ctx.Err() != nil:
		state, status = "interrupted; run it again: what was queued is not queued twice", 1
	}
	failed := read - res.Published - res.Duplicates
	fmt.Fprintf(stderr, "sitrep ingest: %s: %d articles read: %d queued, %d queued already, %d failed; %.1fs, %.0f articles/s\n",
		state, read, res.Published, res.Duplicates, failed, elapsed.Seconds(), float64(read)/max(elapsed.Seconds(), 1e-9))
	if st, err := q.Stats(context.WithoutCancel(ctx)); err == nil {
		fmt.Fprintf(stderr, "sitrep ingest: %s (stream %s) holds %d articles waiting, %d in workers' hands, %d dead letters\n",
			*qf.url, *qf.stream, st.Queued, st.InFlight, st.Dead)
	}
	return status
}
