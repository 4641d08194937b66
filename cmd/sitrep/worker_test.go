package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/merge"
	"github.com/sitrep-project/sitrep/postgres"
	"github.com/sitrep-project/sitrep/postgres/postgrestest"
	"github.com/sitrep-project/sitrep/queue"
	"github.com/sitrep-project/sitrep/queue/queuetest"
	"github.com/sitrep-project/sitrep/sqlite"
)

// note is an ACLED development note with what extraction finds in it.
type note struct {
	art sitrep.Article
	doc sitrep.Document
}

// independentNotes returns the ACLED notes whose reports can only merge
// with copies of themselves: each report of a note is dated and matches a
// copy of itself, and no two reports of different notes, or of one note,
// could merge, whichever comes first. A stream of copies of these notes
// has a known number of events however workers interleave it: one per
// report of a note copied, where notes whose reports merge with others
// give counts that depend on the order they are stored in.
func independentNotes(t testing.TB) []note {
	arts := acledNotes(t)
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	type report struct {
		note int
		key  merge.Key
	}
	var notes []note
	seen := map[string]bool{}
	bad := map[int]bool{}
	buckets := map[string][]report{}
	for _, a := range arts {
		h := sitrep.TextHash(a.Text)
		if seen[h] {
			continue
		}
		seen[h] = true
		doc, err := x.Article(a)
		if err != nil {
			continue
		}
		i := len(notes)
		notes = append(notes, note{a, doc})
		for j := range doc.Events {
			k := merge.KeyOf(&doc.Events[j], a.Published)
			if s, ok := merge.Score(k, k); k.From == "" || !ok || s < merge.Threshold {
				bad[i] = true
			}
			b := k.Scope + "|" + k.Family()
			buckets[b] = append(buckets[b], report{i, k})
		}
	}
	for _, rs := range buckets {
		for a := range rs {
			for b := a + 1; b < len(rs); b++ {
				s1, ok1 := merge.Score(rs[a].key, rs[b].key)
				s2, ok2 := merge.Score(rs[b].key, rs[a].key)
				if ok1 && s1 >= merge.Threshold || ok2 && s2 >= merge.Threshold {
					bad[rs[a].note], bad[rs[b].note] = true, true
				}
			}
		}
	}
	var out []note
	for i, n := range notes {
		if !bad[i] {
			out = append(out, n)
		}
	}
	return out
}

// copies returns n articles: copies of the notes in turn, copy k of a note
// with k newlines after its text (which changes its hash, not what
// extraction finds) and an id of its own; and the numbers of reports and
// events they must end as.
func copies(notes []note, n int) (arts []sitrep.Article, reports, events int) {
	copied := map[int]bool{}
	for i := 0; len(arts) < n; i++ {
		nt, k := notes[i%len(notes)], i/len(notes)
		a := nt.art
		if k > 0 {
			a.ID = fmt.Sprintf("%s~copy%d", a.ID, k)
			a.Text += strings.Repeat("\n", k)
		}
		arts = append(arts, a)
		reports += len(nt.doc.Events)
		if !copied[i%len(notes)] {
			copied[i%len(notes)] = true
			events += len(nt.doc.Events)
		}
	}
	return arts, reports, events
}

func writeArticles(t testing.TB, path string, arts []sitrep.Article) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, a := range arts {
		enc.Encode(map[string]string{"id": a.ID, "text": a.Text, "published": a.Published})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// worker is a `sitrep worker` running as a process of its own (the test
// binary standing in for the command).
type worker struct {
	cmd  *exec.Cmd
	log  *os.File
	done chan error
}

func startWorker(t testing.TB, natsURL, stream, db string, args ...string) *worker {
	t.Helper()
	log, err := os.CreateTemp(t.TempDir(), "worker-*.log")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], append([]string{"worker", "--queue", natsURL, "--stream", stream, "--db", db, "--listen", ""}, args...)...)
	cmd.Env = append(os.Environ(), "SITREP_TEST_AS_COMMAND=1")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &worker{cmd: cmd, log: log, done: make(chan error, 1)}
	go func() { w.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-w.done
		w.done <- nil
	})
	return w
}

// stop sends SIGTERM and waits for the worker to finish what it holds.
func (w *worker) stop(t testing.TB) {
	t.Helper()
	w.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-w.done:
		w.done <- err
		if err != nil {
			out, _ := os.ReadFile(w.log.Name())
			t.Errorf("worker: %v\n%s", err, out)
		}
	case <-time.After(60 * time.Second):
		t.Error("worker did not stop within 60s of SIGTERM")
	}
}

// drain waits until every article of the stream has been acknowledged and
// the store holds want articles.
func drain(t testing.TB, q *queue.Queue, s *postgres.Store, want int, limit time.Duration) sitrep.StoreStats {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(limit)
	for {
		qs, err := q.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if qs.Queued == 0 && qs.InFlight == 0 && st.Articles >= want {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("not drained after %v: queue %+v, store %+v", limit, qs, st)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestWorkersSurviveSIGKILL publishes 20,000 articles (copies of the ACLED
// notes), runs three workers on one PostgreSQL database, kills one with
// SIGKILL in the middle, and checks that the database ends with exactly
// the articles, reports and events the copies make: the killed worker's
// articles are delivered again and none is stored twice, and concurrent
// workers storing copies of one report make one event.
//
// It needs PostgreSQL and nats-server: those .ci/run starts, else it starts
// its own (see postgres/postgrestest, queue/queuetest), else it skips.
func TestWorkersSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 20,000 articles through three worker processes")
	}
	notes := independentNotes(t)
	const n = 20000
	arts, wantReports, wantEvents := copies(notes, n)
	t.Logf("%d notes of %d copied to %d articles: want %d reports in %d events", len(notes), len(acledNotes(t)), n, wantReports, wantEvents)
	checkPremise(t, notes)

	natsURL, stream, db := queuetest.Server(t), queuetest.Name(t), postgrestest.Database(t)
	input := filepath.Join(t.TempDir(), "articles.jsonl")
	writeArticles(t, input, arts)
	code, _, errs := runCmd(t, "", "ingest", "--queue", natsURL, "--stream", stream, input)
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("%d queued, 0 queued already, 0 failed", n)) {
		t.Fatalf("ingest --queue: exit %d\n%s", code, errs)
	}
	ctx := context.Background()
	q, err := queue.Connect(ctx, natsURL, queue.Options{Name: stream})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	s, err := postgres.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	var workers []*worker
	for range 3 {
		workers = append(workers, startWorker(t, natsURL, stream, db, "--ack-wait", "5s", "--batch", "32"))
	}
	start := time.Now()
	for {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles >= n/4 {
			break
		}
		if time.Since(start) > 5*time.Minute {
			t.Fatalf("after 5 minutes only %d articles stored", st.Articles)
		}
		time.Sleep(50 * time.Millisecond)
	}
	workers[0].cmd.Process.Signal(syscall.SIGKILL)
	<-workers[0].done
	workers[0].done <- nil
	killedAt, _ := s.Stats(ctx)

	st := drain(t, q, s, n, 10*time.Minute)
	elapsed := time.Since(start)
	for _, w := range workers[1:] {
		w.stop(t)
	}
	st, _ = s.Stats(ctx)
	t.Logf("killed a worker at %d articles stored; %d articles in %v (%.0f/s with 2-3 workers)", killedAt.Articles, st.Articles, elapsed.Round(time.Second), float64(n)/elapsed.Seconds())
	if st.Articles != n || st.Mentions != wantReports || st.Events != wantEvents {
		t.Errorf("store %+v: want %d articles, %d reports, %d events", st, n, wantReports, wantEvents)
	}
	if bad, err := s.IntegrityCheck(ctx); err != nil || len(bad) > 0 {
		t.Errorf("integrity: %v %v", bad, err)
	}
	if qs, _ := q.Stats(ctx); qs.Dead != 0 {
		t.Errorf("%d dead letters", qs.Dead)
	}
}

// checkPremise stores two copies of the notes in SQLite, one after the
// other, and checks that they make the events copies() says: the premise
// of the count the workers must reach.
func checkPremise(t *testing.T, notes []note) {
	t.Helper()
	arts, reports, events := copies(notes, 2*len(notes))
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "premise.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < len(arts); i += 256 {
		var batch []sitrep.Extracted
		for j := i; j < min(i+256, len(arts)); j++ {
			doc := notes[j%len(notes)].doc
			doc.ID = arts[j].ID
			batch = append(batch, sitrep.Extracted{Article: arts[j], Doc: doc})
		}
		if _, err := s.Ingest(context.Background(), batch, sitrep.IngestOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := s.Stats(context.Background())
	if st.Articles != len(arts) || st.Mentions != reports || st.Events != events {
		t.Fatalf("two copies of the independent notes in SQLite: %+v, want %d articles, %d reports, %d events", st, len(arts), reports, events)
	}
}

// BenchmarkWorkers measures throughput with 1, 2 and 4 worker processes
// on one PostgreSQL database, from a full queue to an empty one: twice the
// ACLED notes (the second time with a changed hash, so stored again and
// merged), extraction, merging and storing included. It reports articles
// per second in all and per worker (docs/scaling.md has the figures).
func BenchmarkWorkers(b *testing.B) {
	base := acledNotes(b)
	arts := append([]sitrep.Article{}, base...)
	for _, a := range base {
		a.ID += "~again"
		a.Text += "\n"
		arts = append(arts, a)
	}
	for _, n := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", n), func(b *testing.B) {
			natsURL := queuetest.Server(b)
			total, secs := 0, 0.0
			for b.Loop() {
				b.StopTimer()
				stream, db := queuetest.Name(b), postgrestest.Database(b)
				input := filepath.Join(b.TempDir(), "articles.jsonl")
				writeArticles(b, input, arts)
				var errs strings.Builder
				if code := run(context.Background(), []string{"ingest", "--queue", natsURL, "--stream", stream, input}, strings.NewReader(""), &errs, &errs); code != 0 {
					b.Fatalf("ingest --queue: exit %d\n%s", code, errs.String())
				}
				ctx := context.Background()
				q, err := queue.Connect(ctx, natsURL, queue.Options{Name: stream})
				if err != nil {
					b.Fatal(err)
				}
				s, err := postgres.Open(ctx, db)
				if err != nil {
					b.Fatal(err)
				}
				qs, _ := q.Stats(ctx)
				var ws []*worker
				for range n {
					ws = append(ws, startWorker(b, natsURL, stream, db))
				}
				// The clock starts with the first article stored, once
				// the workers have loaded their models.
				var first sitrep.StoreStats
				for first.Articles == 0 {
					time.Sleep(20 * time.Millisecond)
					first, _ = s.Stats(ctx)
				}
				start := time.Now()
				b.StartTimer()
				drain(b, q, s, int(qs.Queued), 10*time.Minute)
				b.StopTimer()
				secs += time.Since(start).Seconds()
				total += int(qs.Queued) - first.Articles
				for _, w := range ws {
					w.stop(b)
				}
				q.Close()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(total)/secs, "articles/s")
			b.ReportMetric(float64(total)/secs/float64(n), "articles/s/worker")
		})
	}
}
