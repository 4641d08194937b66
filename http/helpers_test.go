package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
	httpapi "github.com/sitrep-project/sitrep/http"
	"github.com/sitrep-project/sitrep/input"
	"github.com/sitrep-project/sitrep/postgres"
	"github.com/sitrep-project/sitrep/postgres/postgrestest"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/web"
)

var extractor = sync.OnceValues(extract.New)

// ingest reads the articles at paths as `sitrep ingest` does, extracts
// them and stores them.
func ingest(t testing.TB, store httpapi.Store, opts input.Options, paths ...string) {
	t.Helper()
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	var batch []sitrep.Extracted
	flush := func() {
		if _, err := store.Ingest(context.Background(), batch, sitrep.IngestOptions{}); err != nil {
			t.Fatal(err)
		}
		batch = batch[:0]
	}
	for it := range input.Read(context.Background(), paths, nil, opts) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		doc, err := x.Article(it.Article)
		if err != nil {
			t.Fatalf("%s: %v", it.Article.Source, err)
		}
		batch = append(batch, sitrep.Extracted{Article: it.Article, Doc: doc})
		if len(batch) == 256 {
			flush()
		}
	}
	flush()
}

// ingestArticle extracts and stores one article given as a value.
func ingestArticle(t testing.TB, store httpapi.Store, art sitrep.Article) sitrep.Document {
	t.Helper()
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Article(art)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Ingest(context.Background(), []sitrep.Extracted{{Article: art, Doc: doc}}, sitrep.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return doc
}

func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// engines are the stores the browser tests run against: SQLite, and
// PostgreSQL where a server is at hand (required under CI=true).
var engines = []struct {
	name string
	open func(t testing.TB) httpapi.Store
}{
	{"sqlite", func(t testing.TB) httpapi.Store { return openStore(t) }},
	{"postgres", func(t testing.TB) httpapi.Store {
		t.Helper()
		s, err := postgres.Open(context.Background(), postgrestest.Database(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}},
}

// sharedFile returns the path of a file of the shared development data,
// skipping the test when it is absent.
func sharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(eval.SharedDir(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared development data absent (%v): set $SITREP_SHARED or put it in ../shared", err)
	}
	return p
}

// seedOptions are the command-line options the README gives the seed article.
var seedOptions = input.Options{Published: "2020-10-17", Outlet: "Al Jazeera"}

// seedStore is a store holding the seed article alone.
func seedStore(t testing.TB) *sqlite.Store {
	t.Helper()
	store := openStore(t)
	ingest(t, store, seedOptions, sharedFile(t, "seed/ganja-2020-10-17.txt"))
	return store
}

// serve starts a server over store; log, when not nil, receives its logs.
func serve(t testing.TB, cfg httpapi.Config) *httptest.Server {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Assets == nil {
		cfg.Assets = web.Assets()
	}
	srv := httptest.NewServer(httpapi.New(cfg))
	t.Cleanup(srv.Close)
	return srv
}

// get fetches a path and returns the status and body.
func get(t testing.TB, srv *httptest.Server, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body), resp.Header
}

func do(t testing.TB, srv *httptest.Server, method, path, token, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func httpapiConfig(store httpapi.Store) httpapi.Config { return httpapi.Config{Store: store} }
