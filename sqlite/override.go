package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
)

// Merge moves every report of the events others into the event into. Each
// moved report is remembered as kept together with the first report of into,
// so that ingesting its article again puts it back there.
func (s *Store) Merge(ctx context.Context, into string, others ...string) (*sitrep.MergedEvent, error) {
	if err := sqlstore.Merge(into, others, s.analyst(ctx)); err != nil {
		return nil, err
	}
	return s.Event(ctx, into)
}

// Split takes the given reports out of an event into a new event. The moved
// reports are remembered as apart from those that stay, and together with
// each other.
func (s *Store) Split(ctx context.Context, event string, mentions ...string) (*sitrep.MergedEvent, error) {
	fresh, err := sqlstore.Split(event, mentions, s.analyst(ctx))
	if err != nil {
		return nil, err
	}
	return s.Event(ctx, strconv.FormatInt(fresh, 10))
}

// analyst runs an analyst's change in a write transaction.
func (s *Store) analyst(ctx context.Context) func(func(sqlstore.AnalystTx) error) error {
	return func(f func(sqlstore.AnalystTx) error) error {
		return s.begin(ctx, func(t *txn) error { return f(t) })
	}
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
	rows, err := t.query(`SELECT mention_id FROM mentions WHERE event = ? ORDER BY id`, event)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		ids = append(ids, m)
	}
	return ids, rows.Err()
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
	err = s.begin(ctx, func(t *txn) error {
		t.policy = p
		if _, err := t.exec(`INSERT INTO meta (key, value) VALUES ('policy', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(p)); err != nil {
			return err
		}
		rows, err := t.query(`SELECT id FROM events ORDER BY id`)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			if err := t.Reconcile(id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set policy %s: %w", p, err)
	}
	s.policy = p
	return nil
}
