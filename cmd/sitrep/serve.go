package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	httpapi "github.com/sitrep-project/sitrep/http"
	"github.com/sitrep-project/sitrep/input"
	"github.com/sitrep-project/sitrep/postgres"
	"github.com/sitrep-project/sitrep/web"
)

// maxSubmitted bounds the articles one POST /api/articles may hold.
const maxSubmitted = 1000

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on, `HOST:PORT`")
	token := fs.String("write-token", os.Getenv("SITREP_WRITE_TOKEN"), "accept articles on POST /api/articles from requests bearing this token (default $SITREP_WRITE_TOKEN; none: read-only)")
	logFormat := fs.String("log-format", "text", "request log format on stderr: text or json")
	maxBody := fs.Int64("max-body", httpapi.DefaultMaxBodyBytes, "largest request body accepted, in bytes")
	timeout := fs.Duration("timeout", httpapi.DefaultQueryTimeout, "time a query may take")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep serve [--db PATH] [--addr HOST:PORT] [--write-token TOKEN]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	log, ok := newLogger(*logFormat, stderr)
	if !ok {
		fmt.Fprintf(stderr, "sitrep serve: --log-format %q: want text or json\n", *logFormat)
		return 2
	}
	if _, err := os.Stat(*db); errors.Is(err, os.ErrNotExist) && !postgres.IsURL(*db) {
		log.Warn("no database yet: creating an empty one; the page shows how to add articles", "db", *db)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep serve: %v\n", err)
		return 1
	}
	defer store.Close()
	cfg := httpapi.Config{
		Store: store, Assets: web.Assets(), Logger: log,
		MaxBodyBytes: *maxBody, QueryTimeout: *timeout,
	}
	if *token != "" {
		cfg.WriteToken = *token
		cfg.Submit = submitter(store)
	}
	srv := httpapi.New(cfg)
	err = srv.ListenAndServe(ctx, *addr, func(a net.Addr) {
		mode := "read-only"
		if srv.Writable() {
			mode = "accepting articles on POST /api/articles"
		}
		fmt.Fprintf(stderr, "sitrep serve: %s on http://%s/ (%s); Ctrl-C stops it\n", *db, a, mode)
	})
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "sitrep serve: %v\n", err)
		return 1
	}
	return 0
}

// submitter reads, extracts and stores the articles posted to the API, as
// `sitrep ingest -` does with stdin. The extractor is loaded on the first
// submission.
func submitter(store sitrep.EventStore) httpapi.SubmitFunc {
	newExtractor := sync.OnceValues(extract.New)
	return func(ctx context.Context, body io.Reader, o httpapi.SubmitOptions) (httpapi.Submission, error) {
		var sub httpapi.Submission
		if o.Published != "" {
			if _, err := extract.ParseDate(o.Published); err != nil {
				return sub, sitrep.Errorf(sitrep.EInvalid, "published %q: not YYYY-MM-DD or RFC 3339", o.Published)
			}
		}
		x, err := newExtractor()
		if err != nil {
			return sub, err
		}
		var batch []sitrep.Extracted
		for it := range input.Read(ctx, []string{"-"}, body, input.Options{Published: o.Published, Outlet: o.Outlet, URL: o.URL}) {
			var tooBig *http.MaxBytesError
			if errors.As(it.Err, &tooBig) {
				return sub, tooBig
			}
			if it.Err != nil {
				sub.Errors = append(sub.Errors, it.Err.Error())
				continue
			}
			if len(batch) == maxSubmitted {
				return sub, sitrep.Errorf(sitrep.EInvalid, "more than %d articles in one request", maxSubmitted)
			}
			doc, err := x.Article(it.Article)
			if err != nil {
				sub.Errors = append(sub.Errors, fmt.Sprintf("%s: %v", it.Article.Source, err))
				continue
			}
			batch = append(batch, sitrep.Extracted{Article: it.Article, Doc: doc})
			sub.Documents = append(sub.Documents, doc)
		}
		if err := ctx.Err(); err != nil {
			return sub, err
		}
		if len(batch) > 0 {
			res, err := store.Ingest(ctx, batch, sitrep.IngestOptions{})
			if err != nil {
				return sub, err
			}
			sub.Result = httpapi.Counts(res)
		}
		return sub, nil
	}
}

// newLogger returns a logger writing to w in format, text or json; ok is
// false for any other format.
func newLogger(format string, w io.Writer) (log *slog.Logger, ok bool) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), true
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), true
	}
	return nil, false
}
