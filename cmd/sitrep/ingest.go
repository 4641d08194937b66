package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/input"
)

// defaultBatch is how many articles one transaction stores: large enough
// that commits cost little, small enough that an interruption loses little.
const defaultBatch = 256

func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var opts input.Options
	fs.StringVar(&opts.Published, "published", "", "publication date of plain-text inputs (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&opts.Outlet, "outlet", "", "outlet that published plain-text inputs")
	fs.StringVar(&opts.URL, "url", "", "URL of plain-text inputs")
	fs.Int64Var(&opts.MaxBytes, "max-bytes", input.DefaultMaxBytes, "largest file or JSONL line read")
	deadline := deadlineFlag(fs)
	policy := fs.String("policy", "", "reconcile figures as `conservative`, ucdp or nonpartisan (kept in the database; default: the database's, else conservative)")
	force := fs.Bool("force", false, "extract and store again articles already stored")
	batch := fs.Int("batch", defaultBatch, "articles stored per transaction")
	var qf queueFlags
	qf.register(fs, "publish the articles to this NATS JetStream server (`nats://HOST:4222`) for sitrep workers to store, instead of storing them")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep ingest [--db PATH | --queue nats://HOST:4222] [--published DATE] [--outlet NAME] [--url URL] [--policy P] [--force] [FILE|DIR|FEED|- ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if opts.Published != "" {
		if _, err := extract.ParseDate(opts.Published); err != nil {
			fmt.Fprintf(stderr, "sitrep ingest: --published %q: not YYYY-MM-DD or RFC 3339\n", opts.Published)
			return 2
		}
	}
	if *batch < 1 {
		fmt.Fprintln(stderr, "sitrep ingest: --batch must be at least 1")
		return 2
	}
	if *qf.url != "" {
		if *policy != "" {
			fmt.Fprintln(stderr, "sitrep ingest: --policy is kept in the database: set it with 'sitrep ingest --db URL --policy P' and no input, not with --queue")
			return 2
		}
		return publishArticles(ctx, qf, *force, fs.Args(), stdin, opts, stderr)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		return 1
	}
	defer store.Close()
	if *policy != "" {
		if err := store.SetPolicy(ctx, *policy); err != nil {
			fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
			return exitFor(err)
		}
	}
	x, err := extract.NewWith(extract.Options{Deadline: noneIfZero(*deadline)})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		return 1
	}
	g := &ingester{store: store, x: x, batch: *batch, force: *force, stderr: stderr}
	if isTerminal(stderr) {
		g.progress = newProgress(stderr, func() int { return countInputs(fs.Args()) })
	}
	sum, status := g.run(ctx, input.Read(ctx, fs.Args(), stdin, opts))
	sum.write(stderr, *db)
	if st, err := store.Stats(context.WithoutCancel(ctx)); err == nil {
		fmt.Fprintf(stderr, "sitrep ingest: %s holds %d articles, %d reports, %d events\n", redactDB(*db), st.Articles, st.Mentions, st.Events)
	}
	return status
}

// ingester reads, extracts and stores articles: extraction runs on every
// core, storing on one goroutine in input order, a batch per transaction.
type ingester struct {
	store    sitrep.EventStore
	x        *extract.Extractor
	batch    int
	force    bool
	stderr   io.Writer
	progress *progress
}

// summary is what an ingest did.
type summary struct {
	sitrep.IngestResult
	read, failed int
	interrupted  bool
	elapsed      time.Duration
}

func (s summary) write(w io.Writer, db string) {
	rate := 0.0
	if s.elapsed > 0 {
		rate = float64(s.read) / s.elapsed.Seconds()
	}
	state := "done"
	if s.interrupted {
		state = "interrupted; what was stored is kept, run it again to continue"
	}
	fmt.Fprintf(w, "sitrep ingest: %s: %d articles read: %d stored, %d already stored, %d failed; %d events found: %d new, %d merged into others; %.1fs, %.0f articles/s\n",
		state, s.read, s.Articles, s.Duplicates, s.failed, s.Mentions, s.NewEvents, s.Merged, s.elapsed.Seconds(), rate)
}

// job is one input on its way through the pipeline.
type job struct {
	item input.Item
	dup  bool // known already: not extracted
	ex   sitrep.Extracted
	err  error
}

// run ingests the items and returns what it did and the exit status.
func (g *ingester) run(ctx context.Context, items iter.Seq[input.Item]) (summary, int) {
	start := time.Now()
	var sum summary
	status := 0
	var readErr error
	jobs := func(yield func(*job) bool) { readErr = g.read(ctx, items, yield) }
	extractJob := func(j *job) *job {
		if j.item.Err == nil && !j.dup {
			j.ex.Article = j.item.Article
			j.ex.Doc, j.err = g.x.Article(j.item.Article)
		}
		return j
	}
	// Extraction runs on every core; storing, in input order.
	var batch []sitrep.Extracted
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := g.store.Ingest(context.WithoutCancel(ctx), batch, sitrep.IngestOptions{Replace: g.force})
		batch = batch[:0]
		if err != nil {
			return err
		}
		sum.Add(res)
		g.progress.update(sum)
		return nil
	}
	var storeErr error
	for j := range ordered(jobs, extractJob) {
		if storeErr != nil {
			break
		}
		sum.read++
		g.progress.read(sum.read)
		switch {
		case j.item.Err != nil:
			g.fail("%v", j.item.Err)
			sum.failed++
			status = 1
		case j.err != nil:
			g.fail("%s: %v", j.item.Article.Source, j.err)
			sum.failed++
			status = 1
		case j.dup:
			sum.Duplicates++
		default:
			for _, w := range extract.Cut(j.ex.Doc) {
				g.fail("%s: warning: %s", j.item.Article.Source, w)
			}
			batch = append(batch, j.ex)
			if len(batch) >= g.batch {
				storeErr = flush()
			}
		}
	}
	if storeErr == nil {
		storeErr = flush()
	}
	g.progress.finish()
	sum.elapsed = time.Since(start)
	if storeErr != nil {
		g.fail("%v", storeErr)
		return sum, 1
	}
	if readErr != nil {
		g.fail("%v", readErr)
		status = 1
	}
	if ctx.Err() != nil {
		sum.interrupted = true
		status = 1
	}
	return sum, status
}

// read numbers the items and marks those the store, or this run, has
// already seen, which are not extracted again.
func (g *ingester) read(ctx context.Context, items iter.Seq[input.Item], yield func(*job) bool) error {
	seen := map[string]bool{}
	for it := range items {
		j := &job{item: it}
		if it.Err == nil && !g.force {
			hash := sitrep.TextHash(it.Article.Text)
			if seen[hash] || it.Article.URL != "" && seen["url "+it.Article.URL] {
				j.dup = true
			} else {
				known, err := g.store.Known(ctx, hash, it.Article.URL)
				if err != nil && ctx.Err() == nil {
					return fmt.Errorf("read the store: %w", err)
				}
				j.dup = known
			}
			seen[hash] = true
			if it.Article.URL != "" {
				seen["url "+it.Article.URL] = true
			}
		}
		if ctx.Err() != nil || !yield(j) {
			return nil
		}
	}
	return nil
}

func (g *ingester) fail(format string, args ...any) {
	g.progress.clear()
	fmt.Fprintf(g.stderr, "sitrep ingest: "+format+"\n", args...)
}

// progress draws a one-line progress display on a terminal: articles read
// and stored, events, rate and, when the number of inputs is known, a bar
// and the time left. A nil progress draws nothing.
type progress struct {
	w       io.Writer
	start   time.Time
	mu      sync.Mutex
	total   int // 0 while unknown
	seen    int
	stored  sitrep.IngestResult
	drawn   time.Time
	visible bool
}

func newProgress(w io.Writer, count func() int) *progress {
	p := &progress{w: w, start: time.Now()}
	go func() {
		n := count()
		p.mu.Lock()
		p.total = n
		p.mu.Unlock()
	}()
	return p
}

func (p *progress) read(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen = n
	p.draw(false)
}

func (p *progress) update(s summary) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stored = s.IngestResult
	p.draw(true)
}

func (p *progress) draw(force bool) {
	now := time.Now()
	if !force && now.Sub(p.drawn) < 100*time.Millisecond {
		return
	}
	p.drawn = now
	secs := now.Sub(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(p.seen) / secs
	}
	line := fmt.Sprintf("%d read, %d stored, %d events (%d merged)  %.0f articles/s", p.seen, p.stored.Articles, p.stored.NewEvents, p.stored.Merged, rate)
	if p.total > 0 && p.seen <= p.total {
		const width = 24
		fill := width * p.seen / p.total
		eta := "?"
		if rate > 0 {
			eta = (time.Duration(float64(p.total-p.seen)/rate) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("[%s%s] %d/%d  %s  ETA %s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), p.seen, p.total, line, eta)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.visible = true
}

// clear removes the progress line so that a message can be printed.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.visible {
		fmt.Fprint(p.w, "\r\033[K")
		p.visible = false
	}
}

func (p *progress) finish() { p.clear() }

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// countInputs estimates how many articles the paths hold, for the progress
// bar: a line per JSONL line, an item per feed entry, one per other file.
// It returns 0 when it cannot tell (stdin).
func countInputs(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".jsonl":
				n += countLines(path)
			case ".rss", ".atom", ".xml":
				n += countFeedItems(path)
			case ".txt", ".html", ".htm", ".json":
				n++
			default:
				if path == p {
					n++
				}
			}
			return nil
		})
	}
	if len(paths) == 0 {
		return 0
	}
	return n
}

func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), input.DefaultMaxBytes+1)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			n++
		}
	}
	return n
}

func countFeedItems(path string) int {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return max(1, bytes.Count(raw, []byte("<item"))+bytes.Count(raw, []byte("<entry")))
}
