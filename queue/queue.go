// Package queue carries articles from `sitrep ingest --queue` to any number
// of `sitrep worker` processes through NATS JetStream (see
// docs/scaling.md).
//
// Articles are published to a work-queue stream, each with its text hash
// as message id, so that publishing the same article twice within the
// stream's duplicate window stores it once. Workers share one durable pull
// consumer: each message goes to one worker, which acknowledges it only
// once the transaction storing it has committed. A worker that dies leaves
// its messages unacknowledged and the server delivers them again after the
// ack wait; the store skips an article it holds already (same text hash),
// so at-least-once delivery ends in exactly-once results. A message that
// fails MaxDeliver times, or that can never succeed (not an article, or an
// article extraction rejects), is published with its error to the
// dead-letter stream and terminated.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep-project/sitrep"
)

// DefaultName is the name of the streams when Options.Name is empty.
const DefaultName = "SITREP"

// Options configure a connection to the queue. Zero fields take defaults.
type Options struct {
	// Name names the streams (NAME_ARTICLES, NAME_DEAD), their subjects
	// (name.articles, name.dead) and the workers' consumer (NAME_WORKERS),
	// so that several pipelines can share one server. Default DefaultName.
	Name string
	// AckWait is how long the server waits for a worker's ack before
	// delivering a message again; workers extend it while a message waits
	// for the database. Default 60s.
	AckWait time.Duration
	// MaxDeliver is how many times a message is delivered before it goes
	// to the dead-letter stream. Default 5.
	MaxDeliver int
	// MaxAckPending bounds the messages delivered to all workers and not
	// yet acknowledged. Default 4096.
	MaxAckPending int
	// MaxQueued bounds the articles waiting in the stream: publishers wait
	// while it is full. 0 leaves the stream as it is (unbounded when
	// created); -1 makes it unbounded.
	MaxQueued int64
}

func (o Options) withDefaults() Options {
	if o.Name == "" {
		o.Name = DefaultName
	}
	if o.AckWait <= 0 {
		o.AckWait = 60 * time.Second
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.MaxAckPending <= 0 {
		o.MaxAckPending = 4096
	}
	return o
}

// Message is one article to ingest, as it travels through the queue.
type Message struct {
	Article sitrep.Article `json:"article"`
	// Source names the input the article was read from, for messages.
	Source string `json:"source,omitempty"`
	// Replace stores the article again when it is stored already
	// (`sitrep ingest --force`).
	Replace bool `json:"replace,omitempty"`
}

// Queue is a connection to the JetStream server with the streams in place.
type Queue struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	opts Options
	// The names derived from opts.Name.
	stream, subject, deadStream, deadSubject, consumer string
}

// Connect connects to the NATS server at url (nats://HOST:4222) and creates
// the streams that do not exist yet.
func Connect(ctx context.Context, url string, o Options) (*Queue, error) {
	o = o.withDefaults()
	nc, err := nats.Connect(url, nats.Name("sitrep"), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second))
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	lower := strings.ToLower(o.Name)
	q := &Queue{nc: nc, js: js, opts: o,
		stream: o.Name + "_ARTICLES", subject: lower + ".articles",
		deadStream: o.Name + "_DEAD", deadSubject: lower + ".dead",
		consumer: o.Name + "_WORKERS"}
	if err := q.ensureStreams(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s on %s: %w", o.Name, url, err)
	}
	return q, nil
}

// ensureStreams creates the article and dead-letter streams when missing,
// and sets the article stream's bound when MaxQueued asks for one.
func (q *Queue) ensureStreams(ctx context.Context) error {
	articles := jetstream.StreamConfig{
		Name: q.stream, Subjects: []string{q.subject},
		Description: "articles for sitrep workers to extract and store",
		Retention:   jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage,
		Discard: jetstream.DiscardNew, MaxMsgs: -1,
		Duplicates: 10 * time.Minute,
	}
	if q.opts.MaxQueued != 0 {
		articles.MaxMsgs = q.opts.MaxQueued
	}
	dead := jetstream.StreamConfig{
		Name: q.deadStream, Subjects: []string{q.deadSubject},
		Description: "articles sitrep workers gave up on, with the error",
		Retention:   jetstream.LimitsPolicy, Storage: jetstream.FileStorage,
		MaxAge: 30 * 24 * time.Hour,
	}
	for _, cfg := range []jetstream.StreamConfig{articles, dead} {
		s, err := q.js.Stream(ctx, cfg.Name)
		switch {
		case errors.Is(err, jetstream.ErrStreamNotFound):
			_, err = q.js.CreateStream(ctx, cfg)
			if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				err = nil // another process created it
			}
		case err == nil && cfg.Name == q.stream && q.opts.MaxQueued != 0 && s.CachedInfo().Config.MaxMsgs != cfg.MaxMsgs:
			c := s.CachedInfo().Config
			c.MaxMsgs = cfg.MaxMsgs
			_, err = q.js.UpdateStream(ctx, c)
		}
		if err != nil {
			return fmt.Errorf("stream %s: %w", cfg.Name, err)
		}
	}
	return nil
}

// Close drains the connection: publishes in flight are sent.
func (q *Queue) Close() error {
	if q.nc.IsClosed() {
		return nil
	}
	return q.nc.Drain()
}

// Connected reports whether the connection to the server is up.
func (q *Queue) Connected() bool { return q.nc.IsConnected() }

// Stats are the counts of the queue as the server sees them.
type Stats struct {
	// Queued is the articles published and not yet delivered to a worker.
	Queued uint64
	// InFlight is the articles delivered and not yet acknowledged.
	InFlight int
	// Redelivered is the in-flight articles delivered more than once.
	Redelivered int
	// Dead is the articles in the dead-letter stream.
	Dead uint64
}

// Stats returns the queue's counts. Before any worker has started, every
// article in the stream is queued.
func (q *Queue) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	c, err := q.js.Consumer(ctx, q.stream, q.consumer)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
		s, err := q.js.Stream(ctx, q.stream)
		if err != nil {
			return st, err
		}
		info, err := s.Info(ctx)
		if err != nil {
			return st, err
		}
		st.Queued = info.State.Msgs
	case err != nil:
		return st, err
	default:
		info, err := c.Info(ctx)
		if err != nil {
			return st, err
		}
		st.Queued, st.InFlight, st.Redelivered = info.NumPending, info.NumAckPending, info.NumRedelivered
	}
	d, err := q.js.Stream(ctx, q.deadStream)
	if err != nil {
		return st, err
	}
	info, err := d.Info(ctx)
	if err != nil {
		return st, err
	}
	st.Dead = info.State.Msgs
	return st, nil
}

// DeadLetter is an article a worker gave up on.
type DeadLetter struct {
	Message
	// Error is why it failed the last time.
	Error string
	// Deliveries is how many times it was delivered.
	Deliveries string
}

// DeadLetters reads up to n messages of the dead-letter stream, oldest
// first, without removing them.
func (q *Queue) DeadLetters(ctx context.Context, n int) ([]DeadLetter, error) {
	c, err := q.js.OrderedConsumer(ctx, q.deadStream, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return nil, err
	}
	var out []DeadLetter
	batch, err := c.FetchNoWait(n)
	if err != nil {
		return nil, err
	}
	for msg := range batch.Messages() {
		d := DeadLetter{Error: msg.Headers().Get(headerError), Deliveries: msg.Headers().Get(headerDeliveries)}
		if err := json.Unmarshal(msg.Data(), &d.Message); err != nil {
			d.Message.Source = string(msg.Data())
		}
		out = append(out, d)
	}
	return out, batch.Error()
}

// Headers of dead letters.
const (
	headerError      = "Sitrep-Error"
	headerDeliveries = "Sitrep-Deliveries"
)
