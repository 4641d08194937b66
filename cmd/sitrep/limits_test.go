package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDeadlineCutsAnArticle runs extract with a deadline no article can
// meet: the article is written with what was found (nothing) and a warning,
// which stderr repeats in one line naming the input.
func TestDeadlineCutsAnArticle(t *testing.T) {
	p := filepath.Join(corpus, "good-gao.txt")
	code, out, errs := runCmd(t, "", "extract", "--deadline", "1ns", p)
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	var doc struct {
		Events   []json.RawMessage
		Warnings []string
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := "limits: processing deadline of 1ns reached: only the first 0 of its 376 bytes were read; places, times, actors, events not extracted"
	if len(doc.Events) != 0 || len(doc.Warnings) != 1 || doc.Warnings[0] != want {
		t.Errorf("events %d, warnings %q", len(doc.Events), doc.Warnings)
	}
	if strings.TrimSpace(errs) != "sitrep extract: "+p+": warning: "+want {
		t.Errorf("stderr %q", errs)
	}
	// --deadline 0 is none, and the article is read whole.
	code, out, errs = runCmd(t, "", "extract", "--deadline", "0", "--published", "2021-03-10", p)
	if code != 0 || errs != "" || !strings.Contains(out, `"warnings":[]`) || !strings.Contains(out, `"events":[{`) {
		t.Errorf("--deadline 0: exit %d, stderr %q, output %.200s", code, errs, out)
	}
}

// TestNoInputTakesUnboundedTimeOrMemory runs adversarial inputs through
// sitrep extract as a process of its own and bounds its time and peak
// memory, generously: a slow machine must pass, a quadratic or unbounded
// path must not.
func TestNoInputTakesUnboundedTimeOrMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of megabytes of input")
	}
	dir := t.TempDir()
	fill := func(name, unit string, size int) string {
		p := filepath.Join(dir, name)
		write(t, p, strings.Repeat(unit, size/len(unit)))
		return p
	}
	const at = 16 << 20 // the default size limit
	lines := filepath.Join(dir, "lines.jsonl")
	const lineLimit, nLines = 1024, 100_000
	good := writeLimitLines(t, lines, lineLimit, nLines)
	cases := []struct {
		name    string
		args    []string
		wantOut int // articles written
		wantErr int // stderr lines
	}{
		{"punctuation", []string{fill("punct.txt", `!?.,;:"'()[]{}-/\...`, at)}, 1, 0},
		{"one word repeated", []string{fill("word.txt", "attack ", at)}, 1, 1},
		{"one sentence of numbers", []string{fill("numbers.txt", "12 ", at)}, 1, 1},
		{"deeply nested HTML", []string{fill("nested.html", "<div>", at)}, 0, 1},
		{"a flood of elements", []string{fill("flood.html", "<p><span>a", at)}, 0, 1},
		{"lines at the size limit", []string{"--max-bytes", fmt.Sprint(lineLimit), lines}, good, nLines - good},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A busy machine may take longer than the default deadline
			// over these inputs, which would add a warning: a longer one
			// keeps the messages the same, and the clock below bounds it.
			cmd := exec.Command(os.Args[0], append([]string{"extract", "--published", "2021-03-10", "--deadline", "1m"}, c.args...)...)
			cmd.Env = append(os.Environ(), "SITREP_TEST_AS_COMMAND=1")
			var out, errb strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &errb
			start := time.Now()
			cmd.Run()
			took := time.Since(start)
			// The peak of a child process counts from its parent's
			// memory at the fork, so this is an upper bound.
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
			t.Logf("%v, peak memory %d MiB", took.Round(time.Millisecond), rss>>20)
			if took > 3*time.Minute {
				t.Errorf("took %v", took)
			}
			if rss > 1<<30 {
				t.Errorf("peak memory %d MiB", rss>>20)
			}
			if n := strings.Count(out.String(), "\n"); n != c.wantOut {
				t.Errorf("%d articles written, want %d", n, c.wantOut)
			}
			if n := strings.Count(errb.String(), "\n"); n != c.wantErr {
				t.Errorf("%d stderr lines, want %d: %.500s", n, c.wantErr, errb.String())
			}
		})
	}
}

// writeLimitLines writes n JSONL lines of limit bytes and more: lines over
// the limit, lines at it that are not JSON, and every hundredth line an
// article of punctuation and words at the limit. It returns the number of
// articles.
func writeLimitLines(t *testing.T, path string, limit, n int) int {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	good := 0
	pad := func(s string, size int) string { return s + strings.Repeat(".", size-len(s)) }
	for i := range n {
		switch {
		case i%100 == 0:
			head := fmt.Sprintf(`{"id":"a%d","text":"Gunmen killed %d people in Gao. `, i, i)
			fmt.Fprintln(w, pad(head, limit-2)+`"}`)
			good++
		case i%2 == 0:
			fmt.Fprintln(w, pad(`{"text":"`, limit+1))
		default:
			fmt.Fprintln(w, pad(`{"text":"`, limit))
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return good
}
