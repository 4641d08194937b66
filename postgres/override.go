package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
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
	target, err := sqlstore.ParseID(into)
	if err != nil {
		return nil, err
	}
	if len(others) == 0 {
		return nil, sitrep.Errorf(sitrep.EInvalid, "merge: name at least two events")
	}
	err = s.write(ctx, exclusive(), func(t *txn) error {
		anchor, err := t.firstMention(target)
		if err != nil {
			return err
		}
		for _, o := range others {
			from, err := sqlstore.ParseID(o)
			if err != nil {
				return err
			}
			if from == target {
				return sitrep.Errorf(sitrep.EInvalid, "merge: event %s named twice", o)
			}
			if _, err := t.firstMention(from); err != nil {
				return err
			}
			ids, err := t.mentionIDs(from)
			if err != nil {
				return err
			}
			reason := fmt.Sprintf("merged from event %d by an analyst", from)
			if err := t.exec(`UPDATE mentions SET event = $1, reason = $2, score = 1 WHERE event = $3`, target, reason, from); err != nil {
				return err
			}
			for _, m := range ids {
				if err := t.override("together", anchor, m); err != nil {
					return err
				}
			}
			if err := t.reconcile(from); err != nil { // deletes it, now empty
				return err
			}
		}
		return t.reconcile(target)
	})
	if err != nil {
		return nil, err
	}
	return s.Event(ctx, into)
}

// Split takes the given reports out of an event into a new event. The moved
// reports are remembered as apart from those that stay, and together with
// each other.
func (s *Store) Split(ctx context.Context, event string, mentions ...string) (*sitrep.MergedEvent, error) {
	from, err := sqlstore.ParseID(event)
	if err != nil {
		return nil, err
	}
	if len(mentions) == 0 {
		return nil, sitrep.Errorf(sitrep.EInvalid, "split: name the reports to take out of event %s", event)
	}
	var fresh int64
	err = s.write(ctx, exclusive(), func(t *txn) error {
		ids, err := t.mentionIDs(from)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return sitrep.Errorf(sitrep.ENotFound, "no event %s", event)
		}
		in := map[string]bool{}
		for _, m := range ids {
			in[m] = true
		}
		moving := map[string]bool{}
		for _, m := range mentions {
			if !in[m] {
				return sitrep.Errorf(sitrep.EInvalid, "split: report %q is not part of event %s (its reports: %v)", m, event, ids)
			}
			moving[m] = true
		}
		if len(moving) == len(ids) {
			return sitrep.Errorf(sitrep.EInvalid, "split: that would take every report out of event %s", event)
		}
		var scope, family string
		if err := t.row(`SELECT scope, family FROM events WHERE id = $1`, []any{from}, &scope, &family); err != nil {
			return err
		}
		if fresh, err = t.newEvent(scope, family); err != nil {
			return err
		}
		reason := fmt.Sprintf("split from event %d by an analyst", from)
		var first string
		for _, m := range ids {
			if !moving[m] {
				continue
			}
			if err := t.exec(`UPDATE mentions SET event = $1, reason = $2, score = 1 WHERE mention_id = $3`, fresh, reason, m); err != nil {
				return err
			}
			if first == "" {
				first = m
			} else if err := t.override("together", first, m); err != nil {
				return err
			}
			for _, r := range ids {
				if !moving[r] {
					if err := t.override("apart", m, r); err != nil {
						return err
					}
				}
			}
		}
		if err := t.reconcile(from); err != nil {
			return err
		}
		return t.reconcile(fresh)
	})
	if err != nil {
		return nil, err
	}
	return s.Event(ctx, strconv.FormatInt(fresh, 10))
}

// override records an analyst's decision about two mentions, replacing any
// earlier one about the same pair.
func (t *txn) override(kind, a, b string) error {
	if err := t.exec(`DELETE FROM overrides WHERE (a = $1 AND b = $2) OR (a = $2 AND b = $1)`, a, b); err != nil {
		return err
	}
	return t.exec(`INSERT INTO overrides (kind, a, b, created_at) VALUES ($1, $2, $3, $4)`, kind, a, b, t.now)
}

func (t *txn) firstMention(event int64) (string, error) {
	var m string
	err := t.row(`SELECT mention_id FROM mentions WHERE event = $1 ORDER BY id LIMIT 1`, []any{event}, &m)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", sitrep.Errorf(sitrep.ENotFound, "no event %d", event)
	}
	return m, err
}

func (t *txn) mentionIDs(event int64) ([]string, error) {
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
	err = s.write(ctx, exclusive(), func(t *txn) error {
		t.policy = p
		if err := t.exec(`INSERT INTO meta (key, value) VALUES ('policy', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(p)); err != nil {
			return err
		}
		var ids []int64
		err := t.query(func(rows pgx.Rows) (err error) {
			ids, err = pgx.CollectRows(rows, pgx.RowTo[int64])
			return err
		}, `SELECT id FROM events ORDER BY id`)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := t.reconcile(id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set policy %s: %w", p, err)
	}
	return nil
}
