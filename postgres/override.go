package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

// exclusive are the locks of an analyst's change, which may move reports
// across buckets: the whole store.
func exclusive() locks {
	l := locks{}
	l.store(true)
	return l
}

// Merge moves every report of the events others into the event into. Each
// moved report is remembered as kept together with the first report of into,
// so that ingesting its article again puts it back there.
func (s *Store) Merge(ctx context.Context, into string, others ...string) (*sitrep.MergedEvent, error) {
	return sqlstore.Merge(ctx, into, others, s.analyst, s.Event)
}

// Split takes the given reports out of an event into a new event. The moved
// reports are remembered as apart from those that stay, and together with
// each other.
func (s *Store) Split(ctx context.Context, event string, mentions ...string) (*sitrep.MergedEvent, error) {
	return sqlstore.Split(ctx, event, mentions, s.analyst, s.Event)
}

// analyst runs an analyst's change in a write transaction.
func (s *Store) analyst(ctx context.Context, f func(sqlstore.AnalystTx) error) error {
	return s.write(ctx, exclusive(), func(t *txn) error { return f(t) })
}

// MoveEvent moves every report of event from into event into.
func (t *txn) MoveEvent(from, into int64, reason string) error {
	return t.exec(`UPDATE mentions SET event = $1, reason = $2, score = 1 WHERE event = $3`, into, reason, from)
}

// MoveMention moves one report into event into.
func (t *txn) MoveMention(mention string, into int64, reason string) error {
	return t.exec(`UPDATE mentions SET event = $1, reason = $2, score = 1 WHERE mention_id = $3`, into, reason, mention)
}

// NewEventLike inserts an empty event of the scope and family of event.
func (t *txn) NewEventLike(event int64) (int64, error) {
	var scope, family string
	if err := t.row(`SELECT scope, family FROM events WHERE id = $1`, []any{event}, &scope, &family); err != nil {
		return 0, err
	}
	return t.newEvent(scope, family)
}

// Override records an analyst's decision about two mentions, replacing any
// earlier one about the same pair.
func (t *txn) Override(kind, a, b string) error {
	if err := t.exec(`DELETE FROM overrides WHERE (a = $1 AND b = $2) OR (a = $2 AND b = $1)`, a, b); err != nil {
		return err
	}
	return t.exec(`INSERT INTO overrides (kind, a, b, created_at) VALUES ($1, $2, $3, $4)`, kind, a, b, t.now)
}

// FirstMention returns the id of the first report of an event.
func (t *txn) FirstMention(event int64) (string, error) {
	var m string
	err := t.row(`SELECT mention_id FROM mentions WHERE event = $1 ORDER BY id LIMIT 1`, []any{event}, &m)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", sitrep.Errorf(sitrep.ENotFound, "no event %d", event)
	}
	return m, err
}

// MentionIDs returns the ids of the reports of an event, in merge order.
func (t *txn) MentionIDs(event int64) ([]string, error) {
	var ids []string
	err := t.query(func(rows pgx.Rows) (err error) {
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	}, `SELECT mention_id FROM mentions WHERE event = $1 ORDER BY id`, event)
	return ids, err
}

// SetPolicy reconciles every event's figures under a new policy, which
// every process merges under from then on.
func (s *Store) SetPolicy(ctx context.Context, name string) error {
	p, err := policyFor(name)
	if err != nil {
		return err
	}
	if cur, err := policy(ctx, s.pool); err == nil && cur == p {
		return nil
	}
	return sqlstore.SetPolicy(ctx, p, s.analyst)
}

// KeepPolicy makes p the policy the transaction reconciles under, and the
// store's.
func (t *txn) KeepPolicy(p merge.Policy) error {
	t.policy = p
	return t.exec(`INSERT INTO meta (key, value) VALUES ('policy', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(p))
}

// EventIDs returns the ids of every event, in order.
func (t *txn) EventIDs() ([]int64, error) {
	var ids []int64
	err := t.query(func(rows pgx.Rows) (err error) {
		ids, err = pgx.CollectRows(rows, pgx.RowTo[int64])
		return err
	}, `SELECT id FROM events ORDER BY id`)
	return ids, err
}
