package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sitrep-project/sitrep/metrics"
	"github.com/sitrep-project/sitrep/postgres"
	"github.com/sitrep-project/sitrep/postgres/postgrestest"
)

// TestCommandsOnPostgres runs ingest, events, merge and split with --db a
// postgres:// URL: the commands work the same on either store.
func TestCommandsOnPostgres(t *testing.T) {
	db := postgrestest.Database(t)
	storeStories(t, db)
	evs := mergedEvents(t, db)
	var kharkiv, gao string
	for _, ev := range evs {
		switch {
		case ev.Location != nil && ev.Location.Name == "Kharkiv" && len(ev.Sources) == 2:
			kharkiv = ev.ID
		case ev.Location != nil && ev.Location.Name == "Gao":
			gao = ev.ID
		}
	}
	if kharkiv == "" || gao == "" {
		t.Fatalf("events %v: want Kharkiv (two reports merged) and Gao", evs)
	}
	if code, out, errs := runCmd(t, "", "events", "--db", db, "--text", "convoy", "--format", "csv"); code != 0 || !strings.Contains(out, "Gao") || strings.Contains(out, "Kharkiv") {
		t.Errorf("events --text: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := runCmd(t, "", "events", "--db", db, "--bbox", "36,49,37,50.5"); code != 0 || !strings.Contains(out, "Kharkiv") || strings.Contains(out, "Gao") {
		t.Errorf("events --bbox: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := runCmd(t, "", "merge", "--db", db, kharkiv, gao); code != 0 {
		t.Fatalf("merge: exit %d\n%s", code, errs)
	}
	if got := len(mergedEvents(t, db)); got != len(evs)-1 {
		t.Errorf("after merge: %d events, want %d", got, len(evs)-1)
	}
	if code, out, errs := runCmd(t, "", "export", "--db", db, "--format", "geojson"); code != 0 || !strings.Contains(out, "FeatureCollection") {
		t.Errorf("export: exit %d\n%.200s%s", code, out, errs)
	}
	s, err := openExisting(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*postgres.Store); !ok {
		t.Errorf("--db %s opened a %T", db, s)
	}
}

func TestWorkerEndpoints(t *testing.T) {
	reg := metrics.NewRegistry()
	reg.Counter("sitrep_worker_articles_total", "Articles.", "result", "stored").Add(3)
	var down atomic.Bool
	srv, addr, err := serveOps("127.0.0.1:0", reg, func(context.Context) error {
		if down.Load() {
			return errors.New("not connected to the queue")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr.String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, `sitrep_worker_articles_total{result="stored"} 3`) {
		t.Errorf("/metrics: %d\n%s", code, body)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("/healthz: %d", code)
	}
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("/readyz: %d", code)
	}
	down.Store(true)
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "not connected") {
		t.Errorf("/readyz when not ready: %d %s", code, body)
	}
}
