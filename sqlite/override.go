package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

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
	return s.begin(ctx, func(t *txn) error { return f(t) })
}

// MoveEvent moves every report of event from into event into.
func (t *txn) MoveEvent(from, into int64, reason string) error {
	_, err := t.exec(`UPDATE mentions SET event = ?, reason = ?, score = 1 WHERE event = ?`, into, reason, from)
	return err
}

// MoveMention moves one report into event into.
func (t *txn) MoveMention(mention string, into int64, reason string) error {
	_, err := t.exec(`UPDATE mentions SET event = ?, reason = ?, score = 1 WHERE mention_id = ?`, into, reason, mention)
	return err
}

// NewEventLike inserts an empty event of the scope and family of event.
func (t *txn) NewEventLike(event int64) (int64, error) {
	var scope, family string
	if err := t.row(`SELECT scope, family FROM events WHERE id = ?`, event).Scan(&scope, &family); err != nil {
		return 0, err
	}
	return t.newEvent(scope, family)
}

// Override records an analyst's decision about two mentions, replacing any
// earlier one about the same pair.
func (t *txn) Override(kind, a, b string) error {
	if _, err := t.exec(`DELETE FROM overrides WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)`, a, b, b, a); err != nil {
		return err
	}
	_, err := t.exec(`INSERT INTO overrides (kind, a, b, created_at) VALUES (?, ?, ?, ?)`, kind, a, b, t.now)
	return err
}

// FirstMention returns the id of the first report of an event.
func (t *txn) FirstMention(event int64) (string, error) {
	var m string
	err := t.row(`SELECT mention_id FROM mentions WHERE event = ? ORDER BY id LIMIT 1`, event).Scan(&m)
	if errors.Is(err, sql.ErrNoRows) {
		return "", sitrep.Errorf(sitrep.ENotFound, "no event %d", event)
	}
	return m, err
}

// MentionIDs returns the ids of the reports of an event, in merge order.
func (t *txn) MentionIDs(event int64) ([]string, error) {
	return column[string](t.query(`SELECT mention_id FROM mentions WHERE event = ? ORDER BY id`, event))
}

// SetPolicy reconciles every event's figures under a new policy and keeps
// it for the events merged from now on.
func (s *Store) SetPolicy(ctx context.Context, name string) error {
	p, err := s.policyFor(name)
	if err != nil {
		return err
	}
	if p == s.policy {
		return nil
	}
	if err := sqlstore.SetPolicy(ctx, p, s.analyst); err != nil {
		return err
	}
	s.policy = p
	return nil
}

// KeepPolicy makes p the policy the transaction reconciles under, and the
// store's.
func (t *txn) KeepPolicy(p merge.Policy) error {
	t.policy = p
	_, err := t.exec(`INSERT INTO meta (key, value) VALUES ('policy', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(p))
	return err
}

// EventIDs returns the ids of every event, in order.
func (t *txn) EventIDs() ([]int64, error) {
	return column[int64](t.query(`SELECT id FROM events ORDER BY id`))
}
