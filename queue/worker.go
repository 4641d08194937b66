package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/metrics"
)

// Worker consumes articles from the queue, extracts them and stores them,
// a batch per transaction, acknowledging each message once its batch has
// committed.
//
// It works as a pipeline: a fetcher pulls messages while fewer than
// MaxInFlight are in the worker, extractors extract them in parallel
// (skipping articles the store holds already), and one storer stores them.
// When the database is slow the storer falls behind, the pipeline fills
// and the fetcher stops pulling: the articles wait in the stream, not in
// memory, and the messages in the worker are kept from being redelivered
// by telling the server they are in progress.
type Worker struct {
	Queue *Queue
	Store sitrep.EventStore
	// Extract extracts an article; it is called from several goroutines.
	Extract func(sitrep.Article) (sitrep.Document, error)
	// Batch is the most articles stored in one transaction (default 64).
	Batch int
	// Linger is how long a batch waits to fill before it is stored
	// anyway (default 200ms).
	Linger time.Duration
	// Extractors is how many articles are extracted at once (default
	// GOMAXPROCS).
	Extractors int
	// MaxInFlight bounds the messages in the worker (default 2×Batch +
	// Extractors).
	MaxInFlight int
	// ShutdownTimeout bounds how long Run goes on storing the messages it
	// holds once its context is cancelled (default 30s); what is not
	// stored by then is delivered again to another worker.
	ShutdownTimeout time.Duration
	Metrics         *Metrics // nil for none
	Log             *slog.Logger
}

// Metrics are what a worker counts, for Prometheus.
type Metrics struct {
	Stored, Duplicates, Failed, DeadLettered, Redelivered *metrics.Counter
	NewEvents, Merged                                     *metrics.Counter
	Extract, StoreBatch                                   *metrics.Histogram
	InFlight, Queued, QueueInFlight, Rate                 *metrics.Gauge
}

// NewMetrics registers a worker's metrics.
func NewMetrics(reg *metrics.Registry) *Metrics {
	const articles, events = "sitrep_worker_articles_total", "sitrep_worker_events_total"
	const articlesHelp = "Articles a worker handled, by result: stored, duplicate (stored already), failed (to be delivered again), dead (sent to the dead-letter stream)."
	const eventsHelp = "Reports stored, by what became of them: new (founded an event) or merged (into a stored event)."
	return &Metrics{
		Stored:        reg.Counter(articles, articlesHelp, "result", "stored"),
		Duplicates:    reg.Counter(articles, articlesHelp, "result", "duplicate"),
		Failed:        reg.Counter(articles, articlesHelp, "result", "failed"),
		DeadLettered:  reg.Counter(articles, articlesHelp, "result", "dead"),
		Redelivered:   reg.Counter("sitrep_worker_redeliveries_total", "Messages received that had been delivered before (to this or another worker)."),
		NewEvents:     reg.Counter(events, eventsHelp, "merge", "new"),
		Merged:        reg.Counter(events, eventsHelp, "merge", "merged"),
		Extract:       reg.Histogram("sitrep_worker_extract_seconds", "Time to extract one article.", []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}),
		StoreBatch:    reg.Histogram("sitrep_worker_store_seconds", "Time to store one batch, transaction and retries included.", []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}),
		InFlight:      reg.Gauge("sitrep_worker_in_flight", "Messages in this worker: fetched and not yet acknowledged."),
		Queued:        reg.Gauge("sitrep_queue_pending", "Articles in the stream not yet delivered to any worker: the queue lag."),
		QueueInFlight: reg.Gauge("sitrep_queue_ack_pending", "Articles delivered to workers and not yet acknowledged."),
		Rate:          reg.Gauge("sitrep_worker_articles_per_second", "Articles this worker handled per second over the last interval."),
	}
}

func (w *Worker) defaults() {
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.Linger <= 0 {
		w.Linger = 200 * time.Millisecond
	}
	if w.Extractors <= 0 {
		w.Extractors = runtime.GOMAXPROCS(0)
	}
	if w.MaxInFlight <= 0 {
		w.MaxInFlight = 2*w.Batch + w.Extractors
	}
	if w.ShutdownTimeout <= 0 {
		w.ShutdownTimeout = 30 * time.Second
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
	if w.Metrics == nil {
		w.Metrics = NewMetrics(metrics.NewRegistry())
	}
}

// job is one message on its way through the worker.
type job struct {
	msg        jetstream.Msg
	m          Message
	deliveries uint64
	dup        bool // stored already: not extracted
	ex         sitrep.Extracted
	err        error // extraction failed: it never will succeed
}

// Run consumes until ctx is cancelled, then stores what it holds and
// returns. It returns an error when it cannot consume at all.
func (w *Worker) Run(ctx context.Context) error {
	w.defaults()
	q := w.Queue
	cons, err := q.js.CreateOrUpdateConsumer(ctx, q.stream, jetstream.ConsumerConfig{
		Durable:       q.consumer,
		Description:   "sitrep workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opts.AckWait,
		MaxDeliver:    q.opts.MaxDeliver,
		MaxAckPending: q.opts.MaxAckPending,
		FilterSubject: q.subject,
	})
	if err != nil {
		return fmt.Errorf("consumer %s: %w", q.consumer, err)
	}
	// Storing goes on after ctx ends, for at most ShutdownTimeout.
	storeCtx, stopStoring := context.WithCancel(context.WithoutCancel(ctx))
	defer stopStoring()
	go func() {
		<-ctx.Done()
		select {
		case <-time.After(w.ShutdownTimeout):
			stopStoring()
		case <-storeCtx.Done():
		}
	}()

	slots := make(chan struct{}, w.MaxInFlight)
	fl := newInFlight()
	jobs := make(chan *job, w.Batch)
	done := make(chan *job, w.Batch)
	var fetchErr error
	go func() {
		defer close(jobs)
		fetchErr = w.fetch(ctx, cons, slots, fl, jobs)
	}()
	var wg sync.WaitGroup
	for range w.Extractors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				w.extract(storeCtx, j)
				done <- j
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	stopWatch := w.watch(cons, fl)
	defer stopWatch()
	release := func(js []*job) {
		for _, j := range js {
			fl.remove(j.msg)
			<-slots
		}
		w.Metrics.InFlight.Set(float64(fl.len()))
	}

	var batch []*job
	timer := time.NewTimer(w.Linger)
	defer timer.Stop()
	flush := func() {
		if len(batch) > 0 {
			w.store(storeCtx, batch)
			release(batch)
			batch = batch[:0]
		}
		timer.Reset(w.Linger)
	}
	for {
		select {
		case j, ok := <-done:
			if !ok {
				flush()
				if fetchErr != nil && ctx.Err() == nil {
					return fetchErr
				}
				return nil
			}
			switch {
			case j.err != nil:
				w.dead(storeCtx, j, j.err)
				release([]*job{j})
			case j.dup:
				w.ack(j)
				w.Metrics.Duplicates.Inc()
				release([]*job{j})
			default:
				batch = append(batch, j)
				if len(batch) >= w.Batch {
					flush()
				}
			}
		case <-timer.C:
			flush()
		}
	}
}

// fetch pulls messages while the worker has room for them, until ctx ends.
func (w *Worker) fetch(ctx context.Context, cons jetstream.Consumer, slots chan struct{}, fl *inFlight, jobs chan<- *job) error {
	failures := 0
	for ctx.Err() == nil {
		// Wait for room: a slow store holds the fetcher here.
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil
		}
		room := 1 + reserve(slots, w.Batch-1)
		// Not bound to ctx: a fetch cut short could leave messages the
		// server sent unread until their ack wait ends. It ends within a
		// second anyway.
		batch, err := cons.Fetch(room, jetstream.FetchMaxWait(time.Second))
		if err == nil {
			for msg := range batch.Messages() {
				room--
				j := &job{msg: msg}
				if meta, err := msg.Metadata(); err == nil {
					j.deliveries = meta.NumDelivered
				}
				if j.deliveries > 1 {
					w.Metrics.Redelivered.Inc()
				}
				if err := json.Unmarshal(msg.Data(), &j.m); err != nil {
					j.err = fmt.Errorf("not an article message: %w", err)
				}
				fl.add(msg)
				w.Metrics.InFlight.Set(float64(fl.len()))
				jobs <- j
			}
			err = batch.Error()
		}
		for range room {
			<-slots
		}
		switch {
		case err == nil, errors.Is(err, nats.ErrTimeout), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
			failures = 0
		default:
			if ctx.Err() != nil {
				return nil
			}
			failures++
			w.Log.Warn("fetch failed", "err", err, "failures", failures)
			if failures >= 60 && !w.Queue.Connected() {
				return fmt.Errorf("fetch: %w", err)
			}
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
			}
		}
	}
	return nil
}

// reserve takes up to n more slots that are free now, and returns how many
// it took.
func reserve(slots chan struct{}, n int) int {
	for i := range n {
		select {
		case slots <- struct{}{}:
		default:
			return i
		}
	}
	return n
}

// extract extracts the article of a job, unless the store holds it.
func (w *Worker) extract(ctx context.Context, j *job) {
	if j.err != nil {
		return
	}
	a := j.m.Article
	a.Source = j.m.Source
	if !j.m.Replace {
		known, err := w.Store.Known(ctx, sitrep.TextHash(a.Text), a.URL)
		if err == nil && known {
			j.dup = true
			return
		}
	}
	start := time.Now()
	doc, err := w.Extract(a)
	w.Metrics.Extract.Observe(time.Since(start).Seconds())
	if err != nil {
		j.err = fmt.Errorf("extract: %w", err)
		return
	}
	j.ex = sitrep.Extracted{Article: a, Doc: doc}
}

// store stores a batch in one transaction and acknowledges its messages.
// When the batch fails, each article is stored alone, so that one bad
// article does not hold back the others.
func (w *Worker) store(ctx context.Context, batch []*job) {
	groups := map[bool][]*job{} // by Replace
	for _, j := range batch {
		groups[j.m.Replace] = append(groups[j.m.Replace], j)
	}
	for replace, js := range groups {
		if err := w.storeAll(ctx, js, replace); err != nil {
			if ctx.Err() != nil {
				return // shutting down: the messages are delivered again
			}
			w.Log.Warn("batch failed; storing its articles one by one", "articles", len(js), "err", err)
			for _, j := range js {
				if err := w.storeAll(ctx, []*job{j}, replace); err != nil {
					w.failed(ctx, j, err)
				}
			}
		}
	}
}

func (w *Worker) storeAll(ctx context.Context, js []*job, replace bool) error {
	exs := make([]sitrep.Extracted, len(js))
	for i, j := range js {
		exs[i] = j.ex
	}
	start := time.Now()
	res, err := w.Store.Ingest(ctx, exs, sitrep.IngestOptions{Replace: replace})
	w.Metrics.StoreBatch.Observe(time.Since(start).Seconds())
	if err != nil {
		return err
	}
	for _, j := range js {
		w.ack(j)
	}
	w.Metrics.Stored.Add(float64(res.Articles))
	w.Metrics.Duplicates.Add(float64(res.Duplicates))
	w.Metrics.NewEvents.Add(float64(res.NewEvents))
	w.Metrics.Merged.Add(float64(res.Merged))
	return nil
}

func (w *Worker) ack(j *job) {
	if err := j.msg.Ack(); err != nil {
		// Delivered again later, and found stored then.
		w.Log.Warn("ack failed", "article", j.m.Article.ID, "err", err)
	}
}

// failed handles an article that could not be stored: delivered again
// after a pause that grows with each try, or, on its last delivery, sent to
// the dead-letter stream.
func (w *Worker) failed(ctx context.Context, j *job, err error) {
	if j.deliveries >= uint64(w.Queue.opts.MaxDeliver) {
		w.dead(ctx, j, err)
		return
	}
	w.Metrics.Failed.Inc()
	delay := time.Duration(1<<min(j.deliveries, 6)) * time.Second
	w.Log.Warn("article not stored; it will be delivered again", "article", j.m.Article.ID, "deliveries", j.deliveries, "retry_in", delay, "err", err)
	j.msg.NakWithDelay(delay)
}

// dead sends a message to the dead-letter stream with its error and
// terminates it.
func (w *Worker) dead(ctx context.Context, j *job, cause error) {
	msg := nats.NewMsg(w.Queue.deadSubject)
	msg.Data = j.msg.Data()
	msg.Header.Set(headerError, cause.Error())
	msg.Header.Set(headerDeliveries, strconv.FormatUint(j.deliveries, 10))
	if _, err := w.Queue.js.PublishMsg(ctx, msg); err != nil {
		w.Log.Error("dead letter not published; the article will be delivered again", "article", j.m.Article.ID, "err", err)
		j.msg.Nak()
		return
	}
	w.Metrics.DeadLettered.Inc()
	w.Log.Warn("article sent to the dead-letter stream", "article", j.m.Article.ID, "source", j.m.Source, "deliveries", j.deliveries, "err", cause)
	j.msg.Term()
}

// watch keeps the messages in the worker from being redelivered while they
// wait, and updates the queue gauges, until the returned function is
// called.
func (w *Worker) watch(cons jetstream.Consumer, fl *inFlight) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	every := min(w.Queue.opts.AckWait/3, 5*time.Second)
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		last, lastAt := w.handled(), time.Now()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			fl.touch(w.Queue.opts.AckWait / 3)
			if info, err := cons.Info(ctx); err == nil {
				w.Metrics.Queued.Set(float64(info.NumPending))
				w.Metrics.QueueInFlight.Set(float64(info.NumAckPending))
			}
			n, now := w.handled(), time.Now()
			w.Metrics.Rate.Set((n - last) / now.Sub(lastAt).Seconds())
			last, lastAt = n, now
		}
	}()
	return cancel
}

func (w *Worker) handled() float64 {
	m := w.Metrics
	return m.Stored.Value() + m.Duplicates.Value() + m.DeadLettered.Value()
}

// Ready reports why the worker cannot work, nil when it can: the queue
// connection is down, or the store does not answer.
func (w *Worker) Ready(ctx context.Context) error {
	if !w.Queue.Connected() {
		return errors.New("not connected to the queue")
	}
	if p, ok := w.Store.(interface{ Ping(context.Context) error }); ok {
		if err := p.Ping(ctx); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	return nil
}

// inFlight is the messages in the worker, with when each was last told to
// be in progress.
type inFlight struct {
	mu   sync.Mutex
	msgs map[jetstream.Msg]time.Time
}

func newInFlight() *inFlight { return &inFlight{msgs: map[jetstream.Msg]time.Time{}} }

func (f *inFlight) add(m jetstream.Msg) {
	f.mu.Lock()
	f.msgs[m] = time.Now()
	f.mu.Unlock()
}

func (f *inFlight) remove(m jetstream.Msg) {
	f.mu.Lock()
	delete(f.msgs, m)
	f.mu.Unlock()
}

func (f *inFlight) len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.msgs)
}

// touch tells the server that the messages held longer than age are in
// progress, which restarts their ack wait.
func (f *inFlight) touch(age time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	for m, at := range f.msgs {
		if now.Sub(at) >= age {
			m.InProgress()
			f.msgs[m] = now
		}
	}
}
