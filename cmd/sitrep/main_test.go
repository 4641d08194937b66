package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// ids returns the ids of the JSON objects written, one per line.
func ids(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var o struct {
			ID     string            `json:"id"`
			Events []json.RawMessage `json:"events"`
		}
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("output line is not JSON: %v: %.80s", err, line)
		}
		got = append(got, o.ID)
	}
	return got
}

func TestExtractBadInputsDoNotStopTheRun(t *testing.T) {
	dir := t.TempDir()
	story := "Rebels attacked a convoy near Gao on Monday, killing three soldiers, the army said.\n"
	files := map[string][]byte{
		"a_good.txt":    []byte(story),
		"b_empty.txt":   nil,
		"c_binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3},
		"d_latin1.txt":  []byte("Caf\xe9 bombed in Gao."),
		"e_mixed.jsonl": []byte(`{"id":"j1","text":"Troops shelled Idlib on Friday."}` + "\n" + `{not json` + "\n" + `{"id":"j3","text":"Police arrested ten protesters in Lagos on Tuesday."}` + "\n"),
		"f_big.txt":     bytes.Repeat([]byte(story), 17<<20/len(story)+1),
		"g_good.txt":    []byte(story),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runCmd(t, "", append([]string{"extract", "--published", "2021-03-10"}, dir)...)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	want := []string{"a_good", "j1", "j3", "g_good"}
	if got := ids(t, out); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("articles written = %v, want %v", got, want)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	for _, bad := range []string{"b_empty.txt", "c_binary.txt", "d_latin1.txt", "e_mixed.jsonl: line 2", "f_big.txt"} {
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
	if len(lines) != 5 {
		t.Errorf("%d stderr lines, want 5:\n%s", len(lines), errs)
	}
}

func TestExtractStdin(t *testing.T) {
	code, out, errs := runCmd(t, "Two soldiers were killed in Donetsk yesterday.", "extract", "--published", "2022-05-02", "--outlet", "Wire")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var doc struct {
		Outlet string `json:"outlet"`
		Events []struct {
			Date struct {
				Start string `json:"start"`
			} `json:"date"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Outlet != "Wire" || len(doc.Events) == 0 || doc.Events[0].Date.Start != "2022-05-01" {
		t.Errorf("got %s", out)
	}
}

func TestUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"nonsense"}, 2},
		{[]string{"extract", "--published", "yesterday"}, 2},
		{[]string{"extract", "--no-such-flag"}, 2},
		{[]string{"version"}, 0},
	}
	for _, c := range cases {
		if code, _, _ := runCmd(t, "", c.args...); code != c.code {
			t.Errorf("sitrep %v: exit %d, want %d", c.args, code, c.code)
		}
	}
}

func TestExtractHTMLReturnsItsText(t *testing.T) {
	page := `<html><head><title>Clashes | Daily Courier</title><meta property="article:published_time" content="2021-03-10T08:00:00Z"></head>
<body><nav>Home</nav><article><h1>Clashes near Gao</h1><p>Rebels attacked an army post near Gao on Tuesday, killing three soldiers, the army said.</p></article></body></html>`
	p := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, "", "extract", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Text      string `json:"text"`
		Published string `json:"published"`
		Places    []struct {
			Text       string `json:"text"`
			Start, End int
		} `json:"places"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Rebels attacked") || strings.Contains(doc.Text, "<") || doc.Published != "2021-03-10" {
		t.Fatalf("text %q, published %q", doc.Text, doc.Published)
	}
	if len(doc.Places) == 0 {
		t.Fatal("no places")
	}
	for _, pl := range doc.Places {
		if doc.Text[pl.Start:pl.End] != pl.Text {
			t.Errorf("place %q at %d:%d reads %q in the returned text", pl.Text, pl.Start, pl.End, doc.Text[pl.Start:pl.End])
		}
	}
}
