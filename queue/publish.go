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

// PublishResult counts what a publisher did.
type PublishResult struct {
	Published  int // articles the stream took
	Duplicates int // articles the stream had taken already (same message id)
	Failed     int // articles that could not be published
}

// Publisher publishes articles asynchronously, with at most a window of
// them unacknowledged by the server. It is not safe for concurrent use.
type Publisher struct {
	q      *Queue
	window int
	sent   []sent
	res    PublishResult
	// onError is told about each article that could not be published.
	onError func(m *Message, err error)
}

type sent struct {
	m   *Message
	msg *nats.Msg
	f   jetstream.PubAckFuture
}

// NewPublisher returns a publisher keeping up to window articles in
// flight (256 when window < 1); onError, when not nil, is told about each
// article that could not be published.
func (q *Queue) NewPublisher(window int, onError func(m *Message, err error)) *Publisher {
	if window < 1 {
		window = 256
	}
	return &Publisher{q: q, window: window, onError: onError}
}

// msgID is the id by which the stream drops a second copy of an article:
// its text hash, and whether it replaces the stored one.
func msgID(m *Message) string {
	id := sitrep.TextHash(m.Article.Text)
	if m.Replace {
		id = "replace:" + id
	}
	return id
}

// Publish sends one article. It returns an error only when publishing
// cannot go on (the context ends, the connection is closed); an article
// the server refuses is counted as failed and reported to onError.
func (p *Publisher) Publish(ctx context.Context, m *Message) error {
	data, err := json.Marshal(m)
	if err != nil {
		p.fail(m, err)
		return nil
	}
	msg := nats.NewMsg(p.q.subject)
	msg.Data = data
	msg.Header.Set(jetstream.MsgIDHeader, msgID(m))
	if max := p.q.nc.MaxPayload(); int64(len(data)) > max {
		p.fail(m, fmt.Errorf("%d bytes: larger than the server's max_payload (%d bytes)", len(data), max))
		return nil
	}
	for len(p.sent) >= p.window {
		if err := p.settle(ctx); err != nil {
			return err
		}
	}
	f, err := p.q.js.PublishMsgAsync(msg)
	if err != nil {
		if p.q.nc.IsClosed() || ctx.Err() != nil {
			return fmt.Errorf("publish: %w", err)
		}
		p.fail(m, err)
		return nil
	}
	p.sent = append(p.sent, sent{m: m, msg: msg, f: f})
	return nil
}

// settle waits for the oldest article in flight. One the stream refused
// because it is full is published again once there is room: the stream's
// bound (Options.MaxQueued) holds the publisher back.
func (p *Publisher) settle(ctx context.Context) error {
	s := p.sent[0]
	p.sent = p.sent[1:]
	select {
	case ack := <-s.f.Ok():
		p.count(ack)
		return nil
	case err := <-s.f.Err():
		return p.retry(ctx, s, err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *Publisher) count(ack *jetstream.PubAck) {
	if ack.Duplicate {
		p.res.Duplicates++
	} else {
		p.res.Published++
	}
}

// retry publishes again, synchronously and with a growing pause, an
// article the stream refused for lack of room or that timed out.
func (p *Publisher) retry(ctx context.Context, s sent, err error) error {
	for pause := 50 * time.Millisecond; full(err) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) || errors.Is(err, jetstream.ErrNoStreamResponse); pause = min(2*pause, 5*time.Second) {
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return ctx.Err()
		}
		var ack *jetstream.PubAck
		ack, err = p.q.js.PublishMsg(ctx, s.msg)
		if err == nil {
			p.count(ack)
			return nil
		}
	}
	if p.q.nc.IsClosed() {
		return fmt.Errorf("publish: %w", err)
	}
	p.fail(s.m, err)
	return nil
}

// full reports whether the stream refused a message for lack of room: the
// server's "stream store failed" error (10077), "maximum messages
// exceeded" or "maximum bytes exceeded".
func full(err error) bool {
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode == 10077 {
		return true
	}
	return err != nil && (strings.Contains(err.Error(), "maximum messages exceeded") || strings.Contains(err.Error(), "maximum bytes exceeded"))
}

func (p *Publisher) fail(m *Message, err error) {
	p.res.Failed++
	if p.onError != nil {
		p.onError(m, err)
	}
}

// Close waits until the server has acknowledged every article in flight and
// returns the counts.
func (p *Publisher) Close(ctx context.Context) (PublishResult, error) {
	for len(p.sent) > 0 {
		if err := p.settle(ctx); err != nil {
			return p.res, err
		}
	}
	return p.res, nil
}
