package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/sqlite"
)

// TestMain lets the test binary stand in for the sitrep command, so that a
// test can run it as a process of its own (and kill it).
func TestMain(m *testing.M) {
	if os.Getenv("SITREP_TEST_AS_COMMAND") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// mergedEvents lists the events of the database as JSONL and decodes them.
func mergedEvents(t *testing.T, db string, filters ...string) []*sitrep.MergedEvent {
	t.Helper()
	code, out, errs := runCmd(t, "", append([]string{"events", "--db", db, "--format", "jsonl"}, filters...)...)
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errs)
	}
	var evs []*sitrep.MergedEvent
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		ev := &sitrep.MergedEvent{}
		if err := json.Unmarshal([]byte(l), ev); err != nil {
			t.Fatalf("events output is not JSON: %v: %.100s", err, l)
		}
		evs = append(evs, ev)
	}
	return evs
}

func near(p *sitrep.Place, lat, lon float64) bool {
	return p.Resolved() && math.Abs(*p.Lat-lat) < 0.2 && math.Abs(*p.Lon-lon) < 0.2
}

// ganjaShellings returns the shelling incidents at Ganja.
func ganjaShellings(evs []*sitrep.MergedEvent) []*sitrep.MergedEvent {
	var out []*sitrep.MergedEvent
	for _, ev := range evs {
		if ev.Scope == sitrep.ScopeIncident && ev.ACLEDSubEventType != nil && *ev.ACLEDSubEventType == "Shelling/artillery/missile attack" && near(ev.Location, 40.68, 46.36) {
			out = append(out, ev)
		}
	}
	return out
}

// TestIngestSeedScenario ingests the ACLED notes, the seed article twice
// (once under another name), then an edited copy of the seed: one Ganja
// event with every report and claim, and a reason for the merge.
func TestIngestSeedScenario(t *testing.T) {
	shared := eval.SharedDir()
	seedPath := filepath.Join(shared, "seed", "ganja-2020-10-17.txt")
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article not found (%v): set SITREP_SHARED", err)
	}
	notes := filepath.Join(shared, "data", "acled-dev-2020", "gold.jsonl")
	if _, err := os.Stat(notes); err != nil {
		t.Skipf("ACLED notes not found (%v)", err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "sitrep.db")
	seedFlags := []string{"--published", "2020-10-17", "--outlet", "Al Jazeera"}

	if code, _, errs := runCmd(t, "", "ingest", "--db", db, notes); code != 0 {
		t.Fatalf("ingest notes: exit %d\n%s", code, errs)
	}
	code, _, errs := runCmd(t, "", append(append([]string{"ingest", "--db", db}, seedFlags...), seedPath)...)
	if code != 0 || !strings.Contains(errs, "1 stored") {
		t.Fatalf("ingest seed: exit %d\n%s", code, errs)
	}
	again := filepath.Join(dir, "seed-copy.txt")
	os.WriteFile(again, seed, 0o644)
	code, _, errs = runCmd(t, "", append(append([]string{"ingest", "--db", db}, seedFlags...), seedPath, again)...)
	if code != 0 || !strings.Contains(errs, "0 stored, 2 already stored") {
		t.Fatalf("ingest seed again: exit %d\n%s", code, errs)
	}
	g := ganjaShellings(mergedEvents(t, db))
	if len(g) != 1 {
		t.Fatalf("%d Ganja shelling events, want 1", len(g))
	}
	claims := len(g[0].Claims)
	if claims < 3 || len(g[0].Sources) != 1 || !g[0].Disputed {
		t.Errorf("Ganja: %d claims, %d sources, disputed %v", claims, len(g[0].Sources), g[0].Disputed)
	}

	// An edited copy under a new id: a word changed here and there and a
	// line added.
	edited := strings.Replace(string(seed), "Azerbaijan announced", "Azerbaijan said", 1)
	edited = strings.Replace(edited, "12 civilians were killed", "12 civilians died", 1) + "\nReporting by the Baku bureau.\n"
	editedPath := filepath.Join(dir, "ganja-edited.txt")
	os.WriteFile(editedPath, []byte(edited), 0o644)
	if code, _, errs := runCmd(t, "", append(append([]string{"ingest", "--db", db}, seedFlags...), editedPath)...); code != 0 {
		t.Fatalf("ingest edited seed: exit %d\n%s", code, errs)
	}
	g = ganjaShellings(mergedEvents(t, db))
	if len(g) != 1 {
		t.Fatalf("after the edited copy: %d Ganja shelling events, want 1", len(g))
	}
	ev := g[0]
	if len(ev.Sources) != 2 || ev.Sources[1].ArticleID != "ganja-edited" {
		t.Errorf("sources %+v", ev.Sources)
	}
	if len(ev.Claims) < 2*claims-1 {
		t.Errorf("%d claims after the second report, had %d", len(ev.Claims), claims)
	}
	var note *sitrep.MergeNote
	for i := range ev.Merge {
		if strings.HasPrefix(ev.Merge[i].Mention, "ganja-edited/") {
			note = &ev.Merge[i]
		}
	}
	if note == nil || !strings.Contains(note.Reason, "same place (Ganja") || note.Score < 0.7 {
		t.Fatalf("merge notes %+v", ev.Merge)
	}
	code, out, _ := runCmd(t, "", "events", "show", "--db", db, ev.ID)
	if code != 0 || !strings.Contains(out, note.Reason) || !strings.Contains(out, "ganja-edited") || !strings.Contains(out, "denies") {
		t.Errorf("events show: exit %d\n%s", code, out)
	}
}

// writeStories writes n short articles as JSONL, reports of shelling in a
// handful of towns on a handful of days, some told twice.
func writeStories(t *testing.T, path string, n int) {
	towns := []string{"Kharkiv", "Donetsk", "Gao", "Idlib", "Aleppo", "Mosul", "Kabul", "Mogadishu"}
	var b strings.Builder
	for i := range n {
		town := towns[i%len(towns)]
		day := 1 + (i/len(towns))%28
		text := fmt.Sprintf("Artillery shelled %s on %d March 2022, killing %d civilians, officials said. Story %d.", town, day, 1+i%7, i)
		if i%5 == 4 {
			text = fmt.Sprintf("Shells hit %s on %d March 2022, witnesses said. Report %d.", town, day, i)
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("s%05d", i), "text": text, "published": "2022-03-30", "outlet": "Wire"})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func counts(t *testing.T, db string) sitrep.StoreStats {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if bad, err := s.IntegrityCheck(context.Background()); err != nil || len(bad) > 0 {
		t.Fatalf("integrity check: %v %v", bad, err)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestIngestSurvivesSIGKILL kills an ingest in the middle, then checks that
// the database is sound, kept what it had stored, and that a second run
// ends with exactly what one uninterrupted run gives.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs ingest as a process")
	}
	dir := t.TempDir()
	stories := filepath.Join(dir, "stories.jsonl")
	const n = 3000
	writeStories(t, stories, n)

	clean := filepath.Join(dir, "clean.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", clean, "--batch", "50", stories); code != 0 {
		t.Fatalf("clean run: exit %d\n%s", code, errs)
	}
	want := counts(t, clean)
	if want.Articles != n || want.Events >= want.Mentions {
		t.Fatalf("clean run: %+v: want %d articles and some merges", want, n)
	}

	db := filepath.Join(dir, "killed.db")
	cmd := exec.Command(os.Args[0], "ingest", "--db", db, "--batch", "50", stories)
	cmd.Env = append(os.Environ(), "SITREP_TEST_AS_COMMAND=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some batches are stored, then kill.
	stored := 0
	deadline := time.Now().Add(60 * time.Second)
	for stored < 200 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		stored = storedArticles(db)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Skipf("the ingest ended before it could be killed (%v); nothing to check", err)
	}
	after := counts(t, db)
	if after.Articles < stored || after.Articles >= n {
		t.Errorf("after the kill: %d articles stored; %d were seen stored before it, of %d", after.Articles, stored, n)
	}
	t.Logf("killed with %d of %d articles stored", after.Articles, n)

	code, _, errs := runCmd(t, "", "ingest", "--db", db, "--batch", "50", stories)
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("%d already stored", after.Articles)) {
		t.Fatalf("second run: exit %d\n%s", code, errs)
	}
	if got := counts(t, db); got != want {
		t.Errorf("after the second run: %+v, want %+v as one run gives", got, want)
	}
}

// storedArticles counts the articles a running ingest has committed, 0 while
// the database cannot be read.
func storedArticles(db string) int {
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		return 0
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		return 0
	}
	return st.Articles
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	files := map[string]string{
		"a.txt":       "Rebels attacked a convoy near Gao on Monday, killing three soldiers, the army said.",
		"b_empty.txt": "",
		"c.jsonl":     `{"id":"j1","text":"Troops shelled Idlib on Friday."}` + "\n" + `{not json` + "\n",
		"d.rss":       `<rss version="2.0"><channel><title>W</title><item><title>x</title></item></channel></rss>`,
	}
	for name, body := range files {
		os.WriteFile(filepath.Join(in, name), []byte(body), 0o644)
	}
	db := filepath.Join(dir, "x.db")
	code, out, errs := runCmd(t, "", "ingest", "--db", db, "--published", "2021-03-10", in, filepath.Join(dir, "missing.txt"))
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q: want 1 and nothing", code, out)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	for _, bad := range []string{"b_empty.txt", "c.jsonl: line 2", "d.rss: item 1", "missing.txt"} {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, bad) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d stderr lines name %s, want 1:\n%s", n, bad, errs)
		}
	}
	if !strings.Contains(errs, "2 stored") || !strings.Contains(errs, "4 failed") {
		t.Errorf("summary:\n%s", errs)
	}
}

func TestIngestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"ingest", "--db", db, "--published", "soon", "x"}, 2},
		{[]string{"ingest", "--db", db, "--batch", "0", "x"}, 2},
		{[]string{"ingest", "--db", db, "--policy", "generous", "-"}, 2},
		{[]string{"events", "--db", db + ".none"}, 1},
		{[]string{"events", "--db", db, "--from", "May"}, 2},
		{[]string{"events", "--db", db, "--bbox", "1,2,3"}, 2},
		{[]string{"events", "--db", db, "--format", "xml"}, 2},
		{[]string{"export", "--db", db, "--format", "xml"}, 2},
		{[]string{"export", "--db", db}, 2},
		{[]string{"merge", "--db", db, "1"}, 2},
		{[]string{"split", "--db", db}, 2},
	}
	for _, c := range cases {
		if code, _, errs := runCmd(t, "", c.args...); code != c.code {
			t.Errorf("sitrep %v: exit %d, want %d\n%s", c.args, code, c.code, errs)
		}
	}
}

func TestProgress(t *testing.T) {
	var buf strings.Builder
	p := newProgress(&buf, func() int { return 10 })
	time.Sleep(10 * time.Millisecond) // let the count arrive
	p.read(4)
	p.update(summary{IngestResult: sitrep.IngestResult{Articles: 4, NewEvents: 3, Merged: 1}})
	p.finish()
	out := buf.String()
	if !strings.Contains(out, "4/10") || !strings.Contains(out, "4 stored, 3 events (1 merged)") || !strings.Contains(out, "ETA") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("progress output %q", out)
	}
	var nilProgress *progress // not a terminal: nothing is drawn
	nilProgress.read(1)
	nilProgress.finish()
	if isTerminal(&buf) {
		t.Error("a buffer is not a terminal")
	}
}

// TestIngestInterrupted cancels an ingest, as Ctrl-C does, once it has
// stored something: what was stored stays, the summary says so, and the
// exit status is 1.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	stories := filepath.Join(dir, "stories.jsonl")
	writeStories(t, stories, 2000)
	db := filepath.Join(dir, "i.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for storedArticles(db) < 100 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	var out, errs strings.Builder
	code := run(ctx, []string{"ingest", "--db", db, "--batch", "50", stories}, strings.NewReader(""), &out, &errs)
	st := counts(t, db)
	if !strings.Contains(errs.String(), "interrupted") {
		if st.Articles == 2000 {
			t.Skip("the ingest ended before it could be interrupted")
		}
		t.Errorf("summary does not say it was interrupted:\n%s", errs.String())
	}
	if code != 1 || st.Articles < 100 {
		t.Errorf("exit %d, %d articles stored", code, st.Articles)
	}
	if !strings.Contains(errs.String(), fmt.Sprintf("%d stored", st.Articles)) {
		t.Errorf("the summary's count differs from the database's %d:\n%s", st.Articles, errs.String())
	}
}
