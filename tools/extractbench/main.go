// Command extractbench measures sitrep's extraction speed end to end and
// prints it against the performance targets: articles and megabytes a
// second through `sitrep extract` over full-length news (TR-News and
// GeoVirus texts), start-up time, peak resident memory, allocations per
// article, and `sitrep ingest` into SQLite over the ACLED development notes.
//
//	go run ./tools/extractbench [-bin sitrep] [-min 10000]
//
// It builds the sitrep binary unless -bin names one, and reads the data from
// the shared directory ($SITREP_SHARED, else ../shared).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
)

// Targets of the performance brief, on a 2-core machine.
const (
	targetRate    = 1000                   // full-length articles a second, extract
	targetStartup = 300 * time.Millisecond // sitrep extract on one short article
	targetRSS     = 400 << 20              // peak resident bytes during extract
	targetIngest  = 1000                   // articles a second into SQLite
)

func main() {
	bin := flag.String("bin", "", "sitrep binary to measure (default: build ./cmd/sitrep)")
	minArticles := flag.Int("min", 10000, "repeat the news texts until the batch holds at least this many articles")
	runs := flag.Int("startup-runs", 7, "start-up runs; the median is reported")
	flag.Parse()
	if err := run(*bin, *minArticles, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "extractbench:", err)
		os.Exit(1)
	}
}

func run(bin string, minArticles, startupRuns int) error {
	tmp, err := os.MkdirTemp("", "extractbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "sitrep")
		build := exec.Command("go", "build", "-o", bin, "github.com/sitrep-project/sitrep/cmd/sitrep")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build sitrep: %w", err)
		}
	}
	news, err := eval.NewsArticles()
	if err != nil {
		return fmt.Errorf("news texts: %w", err)
	}
	notes, err := eval.ACLEDNotes()
	if err != nil {
		return fmt.Errorf("ACLED notes: %w", err)
	}
	batch := repeat(news, minArticles)
	newsPath, newsBytes, err := writeJSONL(filepath.Join(tmp, "news.jsonl"), batch)
	if err != nil {
		return err
	}
	notesPath, _, err := writeJSONL(filepath.Join(tmp, "notes.jsonl"), notes)
	if err != nil {
		return err
	}
	onePath := filepath.Join(tmp, "one.txt")
	if err := os.WriteFile(onePath, []byte("Troops shelled the town on Monday, killing two civilians.\n"), 0o644); err != nil {
		return err
	}

	fmt.Printf("machine: %d cores (GOMAXPROCS %d), %s/%s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
	fmt.Printf("batch: %d full-length news articles (%d TR-News and GeoVirus texts repeated), %.1f MB, %.0f bytes each on average\n",
		len(batch), len(news), float64(newsBytes)/1e6, float64(newsBytes)/float64(len(batch)))

	var startups []time.Duration
	for range startupRuns {
		r, err := measure(bin, "extract", onePath)
		if err != nil {
			return err
		}
		startups = append(startups, r.wall)
	}
	slices.Sort(startups)
	startup := startups[len(startups)/2]

	ex, err := measure(bin, "extract", newsPath)
	if err != nil {
		return err
	}
	rate := float64(len(batch)) / ex.wall.Seconds()
	steady := float64(len(batch)) / (ex.wall - startup).Seconds()

	db := filepath.Join(tmp, "bench.db")
	in, err := measure(bin, "ingest", "--db", db, notesPath)
	if err != nil {
		return err
	}
	ingestRate := float64(len(notes)) / in.wall.Seconds()

	allocs, allocBytes, err := allocations(news)
	if err != nil {
		return err
	}

	fmt.Println()
	fmt.Printf("%-58s %14s  %-12s %s\n", "measure", "figure", "target", "")
	row := func(name, figure, target string, met bool) {
		verdict := "met"
		if !met {
			verdict = "NOT MET"
		}
		if target == "" {
			verdict = ""
		}
		fmt.Printf("%-58s %14s  %-12s %s\n", name, figure, target, verdict)
	}
	row("extract, news, articles/s (whole run, start-up included)", fmt.Sprintf("%.0f", rate), fmt.Sprintf(">= %d", targetRate), rate >= targetRate)
	row("extract, news, articles/s after start-up", fmt.Sprintf("%.0f", steady), "", true)
	row("extract, news, MB/s", fmt.Sprintf("%.2f", float64(newsBytes)/1e6/ex.wall.Seconds()), "", true)
	row("extract, news, peak resident memory", fmt.Sprintf("%.0f MB", float64(ex.maxRSS)/(1<<20)), fmt.Sprintf("< %d MB", targetRSS>>20), ex.maxRSS < targetRSS)
	row(fmt.Sprintf("extract start-up, one short article (median of %d)", len(startups)), fmt.Sprintf("%d ms", startup.Milliseconds()),
		fmt.Sprintf("< %d ms", targetStartup.Milliseconds()), startup < targetStartup)
	row("extract start-up peak resident memory", fmt.Sprintf("%.0f MB", float64(startupRSS(bin, onePath))/(1<<20)), "", true)
	row("allocations per news article (one core, in process)", fmt.Sprintf("%.0f", allocs), "", true)
	row("bytes allocated per news article", fmt.Sprintf("%.0f kB", allocBytes/1e3), "", true)
	row(fmt.Sprintf("ingest into SQLite, %d ACLED notes, articles/s", len(notes)), fmt.Sprintf("%.0f", ingestRate), fmt.Sprintf(">= %d", targetIngest), ingestRate >= targetIngest)
	row("ingest peak resident memory", fmt.Sprintf("%.0f MB", float64(in.maxRSS)/(1<<20)), "", true)
	return nil
}

// result is what one run of the binary cost.
type result struct {
	wall   time.Duration
	maxRSS int64 // bytes
}

// measure runs the binary with args, output discarded, and returns its wall
// time and peak resident memory. A failing run is an error that quotes the
// end of its standard error.
func measure(bin string, args ...string) (result, error) {
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		msg := stderr.String()
		return result{}, fmt.Errorf("%s %s: %v: %s", bin, strings.Join(args, " "), err, msg[max(0, len(msg)-500):])
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) * 1024 // Linux reports kilobytes
	}
	return result{wall: wall, maxRSS: rss}, nil
}

func startupRSS(bin, path string) int64 {
	r, err := measure(bin, "extract", path)
	if err != nil {
		return 0
	}
	return r.maxRSS
}

// allocations runs the pipeline in this process over the articles once and
// returns the heap allocations and bytes allocated per article.
func allocations(arts []sitrep.Article) (allocs, bytes float64, err error) {
	x, err := extract.New()
	if err != nil {
		return 0, 0, err
	}
	if _, err := x.Article(arts[0]); err != nil {
		return 0, 0, err
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, a := range arts {
		if _, err := x.Article(a); err != nil {
			return 0, 0, fmt.Errorf("article %s: %w", a.ID, err)
		}
	}
	runtime.ReadMemStats(&after)
	n := float64(len(arts))
	return float64(after.Mallocs-before.Mallocs) / n, float64(after.TotalAlloc-before.TotalAlloc) / n, nil
}

// repeat returns arts over and over, with distinct ids, until at least n.
func repeat(arts []sitrep.Article, n int) []sitrep.Article {
	var out []sitrep.Article
	for round := 1; len(out) < n; round++ {
		for _, a := range arts {
			a.ID = fmt.Sprintf("%s-r%d", a.ID, round)
			out = append(out, a)
		}
	}
	return out
}

// writeJSONL writes the articles as the JSONL input sitrep reads and
// returns the path and the bytes of article text written.
func writeJSONL(path string, arts []sitrep.Article) (string, int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", 0, err
	}
	enc := json.NewEncoder(f)
	var text int64
	for _, a := range arts {
		text += int64(len(a.Text))
		if err := enc.Encode(a); err != nil {
			f.Close()
			return "", 0, err
		}
	}
	return path, text, f.Close()
}
