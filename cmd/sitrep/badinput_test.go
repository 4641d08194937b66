package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// corpus is the committed part of the bad-input corpus.
const corpus = "../../testdata/badinput"

// badItem is an input of the corpus that must fail with one line on
// stderr naming it and giving the reason.
type badItem struct {
	name, reason string
}

// committedBad are the bad files of testdata/badinput.
var committedBad = []badItem{
	{"ar.txt", "not English: the text reads as Arabic"},
	{"binary.txt", "binary data, not text"},
	{"blank.txt", "empty article"},
	{"empty.txt", "empty article"},
	{"es.txt", "not English: the text reads as Spanish"},
	{"fr.txt", "not English: the text reads as French"},
	{"invalid-utf8.txt", "invalid UTF-8 at byte 3"},
	{"no-body.html", "empty article: no text found in the HTML"},
	{"not-xml.rss", "not an RSS or Atom feed"},
	{"ru.txt", "not English: the text reads as Russian"},
	{"utf16-nobom.txt", "UTF-16 text without a byte order mark"},
}

// committedGood are the good articles of testdata/badinput, by id.
var committedGood = []string{"good-gao", "good-note", "good-page", "good-utf16be", "good-utf16le"}

// jsonlLines is the size of the generated JSONL file.
const jsonlLines = 10000

// badLines are the broken lines sprinkled in the generated JSONL file, by
// what they hold and the reason they must give.
var badLines = []struct{ line, reason string }{
	{`{"text": "Rebels attacked`, "not JSON"},
	{`["a", "list"]`, "not a JSON object"},
	{`{"id": "x", "title": "no text"}`, `no "text" or "html" field`},
	{`{"text": 42}`, `field "text": want string`},
	{"{\"text\": \"caf\xe9\"}", "invalid UTF-8"},
	{`{"text": "   "}`, "empty article"},
	{`{"text": "<p>`, "not JSON"},
	{`{"html": "<html><head><title>t</title></head></html>"}`, "empty article: no text found in the HTML"},
	{`{"text": "Des hommes armés ont attaqué un poste de police dans la nuit de samedi à dimanche, tuant deux agents, ont indiqué les autorités de la région. Elles ont ouvert une enquête et renforcé la sécurité autour des bâtiments publics, des écoles et des marchés de la ville."}`, "not English: the text reads as French"},
	{`{"text": "Rebels attacked Gao.", "published": "last week"}`, "published"},
}

// badLineEvery spaces the broken lines of the generated JSONL file.
const badLineEvery = 97

// generate writes the generated part of the corpus into dir: a JSONL file
// of jsonlLines lines with broken ones sprinkled in, an article of 500
// numbers and one of 1,000 place names, and a 100 MB single-line text.
// It returns the good ids and the bad items in the order read.
func generate(t *testing.T, dir string) (good []string, bad []badItem) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "lines.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	places := []string{"Gao", "Idlib", "Mosul", "Kabul", "Mogadishu", "Goma", "Aleppo", "Donetsk"}
	for n := 1; n <= jsonlLines; n++ {
		if n%badLineEvery == 0 {
			b := badLines[(n/badLineEvery)%len(badLines)]
			fmt.Fprintln(w, b.line)
			bad = append(bad, badItem{fmt.Sprintf("lines.jsonl: line %d:", n), b.reason})
			continue
		}
		// a day each, so that the reports are events of their own
		day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format(time.DateOnly)
		fmt.Fprintf(w, `{"id": "l%d", "text": "Gunmen killed %d villagers near %s on Monday, officials said.", "published": "%s"}`+"\n", n, n, places[n%len(places)], day)
		good = append(good, fmt.Sprintf("l%d", n))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	var nums strings.Builder
	nums.WriteString("Figures from the ministry\n\nThe ministry said on Monday that the following numbers of people were displaced by the fighting:")
	for i := range 500 {
		fmt.Fprintf(&nums, " %d,", (i*7919)%100000)
	}
	nums.WriteString(" and 12 in the last week.\n")
	write(t, filepath.Join(dir, "numbers.txt"), nums.String())

	var pl strings.Builder
	pl.WriteString("Fighting was reported on Tuesday in")
	for i := range 1000 {
		fmt.Fprintf(&pl, " %s,", places[i%len(places)])
	}
	pl.WriteString(" and Juba, the United Nations said.\n")
	write(t, filepath.Join(dir, "places.txt"), pl.String())

	huge, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(huge, io.LimitReader(oneLine{}, 100<<20)); err != nil {
		t.Fatal(err)
	}
	huge.Close()
	bad = append(bad, badItem{"huge.txt", "file too large: 104857600 bytes, limit 16777216"})
	return append(good, "numbers", "places"), bad
}

// oneLine reads as an endless line of words.
type oneLine struct{}

func (oneLine) Read(p []byte) (int, error) {
	const unit = "shelling "
	for i := range p {
		p[i] = unit[i%len(unit)]
	}
	return len(p), nil
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkMessages checks that every bad item has exactly one stderr line,
// naming it and giving its reason, and that no other line is written.
func checkMessages(t *testing.T, cmd, stderr string, bad []badItem) {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.Contains(l, cmd+": done:") && !strings.Contains(l, " holds ") {
			lines = append(lines, l)
		}
	}
	used := map[int]bool{}
	for _, b := range bad {
		n := 0
		for i, l := range lines {
			if strings.Contains(l, "/"+b.name) || strings.Contains(l, " "+b.name) {
				n++
				used[i] = true
				if !strings.HasPrefix(l, "sitrep "+cmd+": ") || !strings.Contains(l, b.reason) {
					t.Errorf("%s: message %q does not give the reason %q", b.name, l, b.reason)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d stderr lines name it, want 1", b.name, n)
		}
	}
	for i, l := range lines {
		if !used[i] {
			t.Errorf("stderr line naming no bad input: %q", l)
		}
	}
}

// TestBadInputCorpus runs the corpus through sitrep extract and sitrep
// ingest: every bad item gets its one line, every good article its full
// result, as if read alone, and the store holds every good article. The
// deadline is long, so that a busy machine adds no warning of its own.
func TestBadInputCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 articles and a 100 MB file")
	}
	dir := t.TempDir()
	gen := filepath.Join(dir, "generated")
	os.Mkdir(gen, 0o755)
	genGood, genBad := generate(t, gen)
	bad := append(append([]badItem{}, committedBad...), genBad...)
	good := append(append([]string{}, committedGood...), genGood...)

	code, out, errs := runCmd(t, "", "extract", "--deadline", "1m", "--published", "2021-03-10", corpus, gen)
	if code != 1 {
		t.Errorf("extract: exit %d, want 1", code)
	}
	checkMessages(t, "extract", errs, bad)
	got := ids(t, out)
	if strings.Join(got, " ") != strings.Join(good, " ") {
		t.Errorf("extract wrote %d articles, want %d: %.300v", len(got), len(good), got)
	}
	docs := map[string]string{}
	events := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var d struct {
			ID     string
			Events []json.RawMessage
		}
		json.Unmarshal([]byte(l), &d)
		docs[d.ID] = l
		events += len(d.Events)
	}
	// A good article gives what it gives when read alone.
	for _, name := range []string{"good-gao.txt", "good-page.html", "good-utf16le.txt", "good-note.txt"} {
		_, alone, _ := runCmd(t, "", "extract", "--deadline", "1m", "--published", "2021-03-10", filepath.Join(corpus, name))
		id := strings.TrimSuffix(name, filepath.Ext(name))
		if strings.TrimSpace(alone) != docs[id] {
			t.Errorf("%s read among bad inputs differs from %s read alone", id, name)
		}
		if !strings.Contains(alone, `"events":[{`) {
			t.Errorf("%s: no events: %.300s", name, alone)
		}
	}
	for _, id := range []string{"good-utf16le", "good-utf16be"} {
		if !strings.Contains(docs[id], `"acled_event_type"`) {
			t.Errorf("%s: decoded UTF-16 gives no event: %.300s", id, docs[id])
		}
	}

	db := filepath.Join(dir, "sitrep.db")
	code, _, errs = runCmd(t, "", "ingest", "--deadline", "1m", "--db", db, "--published", "2021-03-10", corpus, gen)
	if code != 1 {
		t.Errorf("ingest: exit %d, want 1", code)
	}
	checkMessages(t, "ingest", errs, bad)
	want := fmt.Sprintf("%d articles read: %d stored, 0 already stored, %d failed", len(good)+len(bad), len(good), len(bad))
	if !strings.Contains(errs, want) {
		t.Errorf("ingest summary: want %q in\n%s", want, lastLines(errs, 2))
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != len(good) || stats.Mentions != events {
		t.Errorf("store holds %d articles and %d reports, want %d and %d", stats.Articles, stats.Mentions, len(good), events)
	}
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}

// TestHugeStdinInBoundedMemory pipes a 100 MB single line into sitrep
// extract, as a process of its own: it is refused with one line, and the
// process's peak memory is that of a run on an input at the size limit,
// not proportional to the input.
func TestHugeStdinInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MB of input")
	}
	peak := func(size int64) (int64, string) {
		cmd := exec.Command(os.Args[0], "extract", "-")
		cmd.Env = append(os.Environ(), "SITREP_TEST_AS_COMMAND=1")
		cmd.Stdin = io.LimitReader(oneLine{}, size)
		var errb strings.Builder
		cmd.Stderr = &errb
		cmd.Run()
		return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10, errb.String()
	}
	limit, _ := peak(16 << 20)
	huge, errs := peak(100 << 20)
	if strings.TrimSpace(errs) != "sitrep extract: stdin: input too large: 104857600 bytes, limit 16777216" {
		t.Errorf("stderr: %q", errs)
	}
	// Generous: reading the 100 MB would take more than 100 MB. (The
	// peak of a child counts from its parent's memory at the fork.)
	if huge > limit+64<<20 {
		t.Errorf("peak memory %d MiB on 100 MB of input, %d MiB on 16 MiB", huge>>20, limit>>20)
	}
	t.Logf("peak memory %d MiB on 100 MB of input, %d MiB on 16 MiB", huge>>20, limit>>20)
}
