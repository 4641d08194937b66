// Package httpapi is sitrep's HTTP server: a JSON API over the event store
// (events with filters and cursor pagination, one event with its reports and
// claims, articles, GeoJSON, map points, time series, exports, and an
// optional endpoint that ingests submitted articles), the embedded web
// interface, /healthz and Prometheus /metrics. docs/api.md documents the
// API; /api/openapi.json describes it.
//
// The server is read-only unless a write token is configured. Every request
// is logged with log/slog; a failure is logged in full and answered with its
// code and, for anything but a user's mistake, a message that tells nothing
// of the server's internals.
package httpapi

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/metrics"
)

// Store is what the server reads and, when writing is enabled, writes:
// sqlite.Store implements it.
type Store interface {
	sitrep.EventStore
	sitrep.EventBrowser
}

// SubmitOptions are the defaults a submission gives the articles it holds,
// as `sitrep ingest` flags do.
type SubmitOptions struct {
	Published, Outlet, URL string
}

// Submission is what ingesting submitted articles did: the extraction of
// each article read, the store's counts, and one message per input that
// could not be read or extracted.
type Submission struct {
	Documents []sitrep.Document `json:"documents"`
	Result    IngestCounts      `json:"result"`
	Errors    []string          `json:"errors"`
}

// IngestCounts is sitrep.IngestResult as the API writes it.
type IngestCounts struct {
	Articles   int `json:"articles"`   // articles stored
	Duplicates int `json:"duplicates"` // articles already stored, skipped
	Mentions   int `json:"reports"`    // events found in the stored articles
	NewEvents  int `json:"new_events"` // reports that founded an event
	Merged     int `json:"merged"`     // reports merged into a stored event
}

// Counts returns the counts of an ingest as the API writes them.
func Counts(r sitrep.IngestResult) IngestCounts {
	return IngestCounts{Articles: r.Articles, Duplicates: r.Duplicates, Mentions: r.Mentions, NewEvents: r.NewEvents, Merged: r.Merged}
}

// SubmitFunc reads the articles in body (plain text, HTML, one JSON object
// or JSONL, as `sitrep ingest` reads a file), extracts and stores them.
// cmd/sitrep wires it from packages input and extract.
type SubmitFunc func(ctx context.Context, body io.Reader, opts SubmitOptions) (Submission, error)

// Config configures a Server. Zero limits take the defaults below.
type Config struct {
	Store Store
	// Submit ingests posted articles; with no Submit or no WriteToken,
	// POST /api/articles is refused.
	Submit SubmitFunc
	// WriteToken is the bearer token that writing requests must carry.
	WriteToken string
	// Assets is the web interface (index.html and what it loads); nil
	// serves the API alone.
	Assets fs.FS
	Logger *slog.Logger
	// Metrics receives the server's metrics, served at /metrics; nil
	// makes a registry of the server's own.
	Metrics *metrics.Registry

	MaxBodyBytes  int64         // largest request body (DefaultMaxBodyBytes)
	MaxQueryBytes int           // longest query string (DefaultMaxQueryBytes)
	QueryTimeout  time.Duration // time a read request may take (DefaultQueryTimeout)
	WriteTimeout  time.Duration // time an export or a submission may take (DefaultWriteTimeout)
}

// Defaults of the limits in Config.
const (
	DefaultMaxBodyBytes  = 4 << 20
	DefaultMaxQueryBytes = 4096
	DefaultQueryTimeout  = 15 * time.Second
	DefaultWriteTimeout  = 2 * time.Minute
)

// Server serves the API and the web interface.
type Server struct {
	cfg     Config
	log     *slog.Logger
	token   *token
	metrics *serverMetrics
	handler http.Handler
}

// New returns a server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxQueryBytes <= 0 {
		cfg.MaxQueryBytes = DefaultMaxQueryBytes
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = metrics.NewRegistry()
	}
	s := &Server{cfg: cfg, log: cfg.Logger, metrics: newServerMetrics(cfg.Metrics, cfg.Store)}
	if cfg.WriteToken != "" && cfg.Submit != nil {
		s.token = newToken(cfg.WriteToken)
	}
	s.handler = s.routes()
	return s
}

// Writable reports whether the server accepts submitted articles.
func (s *Server) Writable() bool { return s.token != nil }

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	read := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		mux.Handle(pattern, s.api(h, s.cfg.QueryTimeout))
	}
	slow := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		mux.Handle(pattern, s.api(h, s.cfg.WriteTimeout))
	}
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /metrics", s.serveMetrics)
	mux.HandleFunc("GET /api/openapi.json", serveOpenAPI)
	read("GET /api/stats", s.stats)
	read("GET /api/events", s.events)
	read("GET /api/events/{id}", s.event)
	read("GET /api/points", s.points)
	read("GET /api/series", s.series)
	read("GET /api/geojson", s.geojson)
	slow("GET /api/export", s.export)
	read("GET /api/articles", s.articles)
	read("GET /api/articles/{id...}", s.article)
	slow("POST /api/articles", s.submit)
	mux.Handle("/api/", s.api(func(http.ResponseWriter, *http.Request) error {
		return sitrep.Errorf(sitrep.ENotFound, "no such API endpoint; see /api/openapi.json")
	}, s.cfg.QueryTimeout))
	if s.cfg.Assets != nil {
		s.webRoutes(mux)
	}
	return s.observe(s.guard(mux))
}

// ListenAndServe serves on addr until ctx is cancelled, then shuts down,
// giving requests in flight a few seconds to finish. ready, when not nil,
// is called with the address listened on.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       s.cfg.WriteTimeout,
		WriteTimeout:      s.cfg.WriteTimeout + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if ready != nil {
		ready(ln.Addr())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if _, err := s.cfg.Store.Stats(ctx); err != nil {
		s.log.Error("healthz: store unavailable", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "store unavailable\n")
		return
	}
	io.WriteString(w, "ok\n")
}
