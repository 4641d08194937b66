package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/metrics"
	"github.com/sitrep-project/sitrep/queue/queuetest"
)

// memStore is an EventStore in memory that stores articles by text hash,
// can be slowed down, and fails for articles whose text says FAIL.
type memStore struct {
	sitrep.EventStore // the methods the worker does not call
	mu                sync.Mutex
	stored            map[string]int // text hash -> times stored
	batches           int
	delay             time.Duration
}

func newMemStore() *memStore { return &memStore{stored: map[string]int{}} }

func (s *memStore) Known(_ context.Context, hash, _ string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stored[hash] > 0, nil
}

func (s *memStore) Ingest(ctx context.Context, batch []sitrep.Extracted, opts sitrep.IngestOptions) (sitrep.IngestResult, error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return sitrep.IngestResult{}, ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var res sitrep.IngestResult
	for _, ex := range batch {
		if strings.Contains(ex.Article.Text, "FAIL") {
			return sitrep.IngestResult{}, errors.New("the database refuses this article")
		}
	}
	for _, ex := range batch {
		h := sitrep.TextHash(ex.Article.Text)
		if s.stored[h] > 0 && !opts.Replace {
			res.Duplicates++
			continue
		}
		s.stored[h]++
		res.Articles++
		res.Mentions += len(ex.Doc.Events)
		res.NewEvents += len(ex.Doc.Events)
	}
	s.batches++
	return res, nil
}

func (s *memStore) count() (articles, copies int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range s.stored {
		articles++
		copies += n
	}
	return articles, copies
}

func extract(a sitrep.Article) (sitrep.Document, error) {
	if strings.Contains(a.Text, "BAD") {
		return sitrep.Document{}, errors.New("not an article")
	}
	return sitrep.Document{ID: a.ID, Events: []sitrep.Event{{ID: "e1", Text: a.Text}}}, nil
}

func connect(t *testing.T, url, name string, o Options) *Queue {
	t.Helper()
	o.Name = name
	q, err := Connect(context.Background(), url, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func publish(t *testing.T, q *Queue, texts ...string) PublishResult {
	t.Helper()
	ctx := context.Background()
	p := q.NewPublisher(16, func(m *Message, err error) { t.Errorf("publish %s: %v", m.Article.ID, err) })
	for i, text := range texts {
		if err := p.Publish(ctx, &Message{Article: sitrep.Article{ID: fmt.Sprintf("a%d", i), Text: text}, Source: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := p.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func stories(n int, format string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(format, i)
	}
	return out
}

// start runs a worker until the test ends or stop is called, which waits
// for it to return.
func start(t *testing.T, w *Worker) (stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- w.Run(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-errc })
		return err
	}
	t.Cleanup(func() { stop() })
	return stop
}

// waitFor polls cond for up to a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func stats(t *testing.T, q *Queue) Stats {
	t.Helper()
	st, err := q.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestPublishAndConsume(t *testing.T) {
	url, name := queuetest.Server(t), queuetest.Name(t)
	q := connect(t, url, name, Options{})
	texts := stories(200, "Story %d.")
	res := publish(t, q, append(texts, texts[:20]...)...)
	if res.Published != 200 || res.Duplicates != 20 || res.Failed != 0 {
		t.Errorf("publish: %+v: want 200 published, 20 duplicates", res)
	}
	if st := stats(t, q); st.Queued != 200 {
		t.Errorf("before any worker: %+v", st)
	}
	store := newMemStore()
	var stops []func() error
	for range 2 {
		w := &Worker{Queue: connect(t, url, name, Options{}), Store: store, Extract: extract, Batch: 16}
		stops = append(stops, start(t, w))
	}
	waitFor(t, "200 articles stored", func() bool { n, _ := store.count(); return n == 200 })
	for _, stop := range stops {
		if err := stop(); err != nil {
			t.Errorf("worker: %v", err)
		}
	}
	if n, copies := store.count(); n != 200 || copies != 200 {
		t.Errorf("%d articles stored %d times", n, copies)
	}
	waitFor(t, "an empty queue", func() bool { st := stats(t, q); return st.Queued == 0 && st.InFlight == 0 })
	// Published again, the stored articles are acknowledged and not stored
	// twice.
	again := connect(t, url, name, Options{})
	_ = publish(t, again, stories(5, "Story %d, told again.")...)
	w := &Worker{Queue: connect(t, url, name, Options{}), Store: store, Extract: extract}
	stop := start(t, w)
	waitFor(t, "205 articles stored", func() bool { n, _ := store.count(); return n == 205 })
	stop()
}

func TestDeadLetters(t *testing.T) {
	url, name := queuetest.Server(t), queuetest.Name(t)
	q := connect(t, url, name, Options{MaxDeliver: 2, AckWait: 5 * time.Second})
	publish(t, q, "A fine story.", "BAD input", "A story the database will FAIL to store.", "Another fine story.")
	store := newMemStore()
	w := &Worker{Queue: q, Store: store, Extract: extract, Batch: 8}
	stop := start(t, w)
	waitFor(t, "two dead letters", func() bool { return stats(t, q).Dead == 2 })
	stop()
	if n, _ := store.count(); n != 2 {
		t.Errorf("%d articles stored, want the 2 fine ones", n)
	}
	dead, err := q.DeadLetters(context.Background(), 10)
	if err != nil || len(dead) != 2 {
		t.Fatalf("dead letters %+v, %v", dead, err)
	}
	if dead[0].Article.Text != "BAD input" || !strings.Contains(dead[0].Error, "extract: not an article") || dead[0].Deliveries != "1" {
		t.Errorf("the article extraction rejects: %+v", dead[0])
	}
	if !strings.Contains(dead[1].Article.Text, "FAIL") || !strings.Contains(dead[1].Error, "refuses") || dead[1].Deliveries != "2" {
		t.Errorf("the article the store refuses: %+v", dead[1])
	}
	if m := w.Metrics; m.DeadLettered.Value() != 2 || m.Failed.Value() != 1 || m.Stored.Value() != 2 || m.Redelivered.Value() != 1 {
		t.Errorf("metrics: dead %v failed %v stored %v redelivered %v", m.DeadLettered.Value(), m.Failed.Value(), m.Stored.Value(), m.Redelivered.Value())
	}
	if st := stats(t, q); st.Queued != 0 || st.InFlight != 0 {
		t.Errorf("queue %+v", st)
	}
}

// TestShutdownFinishesInFlight stops a worker while a slow store holds a
// batch: the batch is stored and acknowledged, what was not fetched stays
// queued, nothing is lost or stored twice.
func TestShutdownFinishesInFlight(t *testing.T) {
	url, name := queuetest.Server(t), queuetest.Name(t)
	q := connect(t, url, name, Options{})
	publish(t, q, stories(100, "Story %d.")...)
	store := newMemStore()
	store.delay = 300 * time.Millisecond
	w := &Worker{Queue: connect(t, url, name, Options{}), Store: store, Extract: extract, Batch: 10, Extractors: 2, Metrics: NewMetrics(metrics.NewRegistry())}
	stop := start(t, w)
	waitFor(t, "a batch being stored", func() bool { return w.Metrics.InFlight.Value() >= 10 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	w.Queue.Close()
	stored, copies := store.count()
	var st Stats
	waitFor(t, "no message in flight", func() bool { st = stats(t, q); return st.InFlight == 0 })
	if stored == 0 || stored == 100 || copies != stored || int(st.Queued)+stored != 100 {
		t.Errorf("%d stored (%d copies), %+v queued: want some stored, the rest queued, 100 in all", stored, copies, st)
	}
}

// TestBackpressure keeps a slow store's worker from pulling more than it
// can hold: the articles wait in the stream.
func TestBackpressure(t *testing.T) {
	url, name := queuetest.Server(t), queuetest.Name(t)
	q := connect(t, url, name, Options{})
	publish(t, q, stories(300, "Story %d.")...)
	store := newMemStore()
	store.delay = 500 * time.Millisecond
	w := &Worker{Queue: connect(t, url, name, Options{}), Store: store, Extract: extract, Batch: 8, Extractors: 2, MaxInFlight: 20}
	stop := start(t, w)
	time.Sleep(1500 * time.Millisecond)
	st := stats(t, q)
	stored, _ := store.count()
	if st.InFlight > 20 || int(st.Queued) < 300-20-stored {
		t.Errorf("with a slow store: %+v, %d stored: want at most 20 in flight", st, stored)
	}
	stop()
}

// TestPublisherWaitsForRoom bounds the stream: the publisher waits for
// workers to make room, and every article gets through once.
func TestPublisherWaitsForRoom(t *testing.T) {
	url, name := queuetest.Server(t), queuetest.Name(t)
	q := connect(t, url, name, Options{MaxQueued: 10})
	store := newMemStore()
	w := &Worker{Queue: connect(t, url, name, Options{}), Store: store, Extract: extract, Batch: 4}
	stop := start(t, w)
	res := publish(t, q, stories(60, "Story %d.")...)
	if res.Published != 60 || res.Failed != 0 {
		t.Errorf("publish %+v", res)
	}
	waitFor(t, "60 articles stored", func() bool { n, _ := store.count(); return n == 60 })
	stop()
}
