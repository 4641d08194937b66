package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	httpapi "github.com/sitrep-project/sitrep/http"
)

// TestServeAcceptsArticlesWithTheToken posts an article to a server wired
// as `sitrep serve --write-token` wires it: it is extracted, stored, and
// its events are served; the same article again is a duplicate.
func TestServeAcceptsArticlesWithTheToken(t *testing.T) {
	store, err := openStore(context.Background(), filepath.Join(t.TempDir(), "serve.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(httpapi.New(httpapi.Config{Store: store, WriteToken: "tok", Submit: submitter(store)}))
	defer srv.Close()
	post := func(body string) (int, httpapi.Submission) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/articles?published=2021-03-10&outlet=Wire", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer tok")
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var sub httpapi.Submission
		raw, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(raw, &sub); err != nil {
			t.Fatalf("%d %s", resp.StatusCode, raw)
		}
		return resp.StatusCode, sub
	}
	story := "Rebels attacked a convoy near Gao on Monday, killing three soldiers, the army said.\n"
	status, sub := post(story)
	if status != http.StatusCreated || len(sub.Documents) != 1 || len(sub.Documents[0].Events) == 0 || sub.Result.Articles != 1 {
		t.Fatalf("first post: %d %+v", status, sub)
	}
	if d := sub.Documents[0]; d.Outlet == nil || *d.Outlet != "Wire" || d.Published == nil || *d.Published != "2021-03-10" {
		t.Errorf("the query's outlet and date were not applied: %+v", d)
	}
	if status, sub = post(story); status != http.StatusCreated || sub.Result.Duplicates != 1 || sub.Result.Articles != 0 {
		t.Errorf("second post: %d %+v", status, sub.Result)
	}
	if status, sub = post(`{"id": "j1", "text": "Troops shelled Idlib on Friday."}` + "\n" + `{not json` + "\n"); status != http.StatusCreated || len(sub.Errors) != 1 || sub.Result.Articles != 1 {
		t.Errorf("JSONL post: %d %+v", status, sub)
	}
	resp, err := srv.Client().Get(srv.URL + "/api/events?country=MLI")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page struct{ Events []json.RawMessage }
	json.NewDecoder(resp.Body).Decode(&page)
	if len(page.Events) == 0 {
		t.Error("the posted article's event is not served")
	}
}

func TestServeUsage(t *testing.T) {
	if code, _, errs := runCmd(t, "", "serve", "--log-format", "xml"); code != 2 || !strings.Contains(errs, "--log-format") {
		t.Errorf("bad log format: %d %s", code, errs)
	}
	if code, _, _ := runCmd(t, "", "serve", "extra"); code != 2 {
		t.Errorf("extra argument: %d", code)
	}
	dir := t.TempDir()
	if code, _, errs := runCmd(t, "", "serve", "--db", filepath.Join(dir, "x.db"), "--addr", "256.0.0.1:bad"); code != 1 || !strings.Contains(errs, "sitrep serve:") {
		t.Errorf("bad address: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err != nil {
		t.Errorf("serve did not create the empty database: %v", err)
	}
}
