package sqlstore

import (
	"context"
	"fmt"
	"strconv"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/merge"
)

// AnalystTx is what an analyst's merge, split or change of policy needs
// of a store's write transaction.
type AnalystTx interface {
	// FirstMention returns the id of the first report of an event, an
	// ENotFound error when the event has none.
	FirstMention(event int64) (string, error)
	// MentionIDs returns the ids of the reports of an event, in merge
	// order.
	MentionIDs(event int64) ([]string, error)
	// MoveEvent moves every report of event from into event into, with
	// the reason given and a score of 1.
	MoveEvent(from, into int64, reason string) error
	// MoveMention moves one report into event into, with the reason given
	// and a score of 1.
	MoveMention(mention string, into int64, reason string) error
	// NewEventLike inserts an empty event of the scope and family of an
	// event, and returns its id.
	NewEventLike(event int64) (int64, error)
	// Override records an analyst's decision about two reports, "together"
	// or "apart", replacing any earlier one about the same pair.
	Override(kind, a, b string) error
	// Reconcile rebuilds an event from its reports; an event left without
	// reports is deleted.
	Reconcile(event int64) error
	// EventIDs returns the ids of every event, in order.
	EventIDs() ([]int64, error)
	// KeepPolicy makes p the policy the transaction reconciles under, and
	// records it as the store's.
	KeepPolicy(p merge.Policy) error
}

// Write runs f in one write transaction of a store, committed when f
// returns nil.
type Write func(ctx context.Context, f func(AnalystTx) error) error

// Read returns a stored event by id.
type Read func(ctx context.Context, id string) (*sitrep.MergedEvent, error)

// Merge moves every report of the events others into the event into, in
// one transaction that write runs, and returns the event as read reads it
// then. Each moved report is remembered as kept together with the first
// report of into, so that ingesting its article again puts it back there.
func Merge(ctx context.Context, into string, others []string, write Write, read Read) (*sitrep.MergedEvent, error) {
	target, err := ParseID(into)
	if err != nil {
		return nil, err
	}
	if len(others) == 0 {
		return nil, sitrep.Errorf(sitrep.EInvalid, "merge: name at least two events")
	}
	err = write(ctx, func(t AnalystTx) error {
		anchor, err := t.FirstMention(target)
		if err != nil {
			return err
		}
		for _, o := range others {
			from, err := ParseID(o)
			if err != nil {
				return err
			}
			if from == target {
				return sitrep.Errorf(sitrep.EInvalid, "merge: event %s named twice", o)
			}
			if _, err := t.FirstMention(from); err != nil {
				return err
			}
			ids, err := t.MentionIDs(from)
			if err != nil {
				return err
			}
			if err := t.MoveEvent(from, target, fmt.Sprintf("merged from event %d by an analyst", from)); err != nil {
				return err
			}
			for _, m := range ids {
				if err := t.Override("together", anchor, m); err != nil {
					return err
				}
			}
			if err := t.Reconcile(from); err != nil { // deletes it, now empty
				return err
			}
		}
		return t.Reconcile(target)
	})
	if err != nil {
		return nil, err
	}
	return read(ctx, into)
}

// Split takes the given reports out of an event into a new event, in one
// transaction that write runs, and returns the new event as read reads it
// then. The moved reports are remembered as apart from those that stay,
// and together with each other.
func Split(ctx context.Context, event string, mentions []string, write Write, read Read) (*sitrep.MergedEvent, error) {
	from, err := ParseID(event)
	if err != nil {
		return nil, err
	}
	if len(mentions) == 0 {
		return nil, sitrep.Errorf(sitrep.EInvalid, "split: name the reports to take out of event %s", event)
	}
	var fresh int64
	err = write(ctx, func(t AnalystTx) error {
		ids, err := t.MentionIDs(from)
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
		if fresh, err = t.NewEventLike(from); err != nil {
			return err
		}
		reason := fmt.Sprintf("split from event %d by an analyst", from)
		var first string
		for _, m := range ids {
			if !moving[m] {
				continue
			}
			if err := t.MoveMention(m, fresh, reason); err != nil {
				return err
			}
			if first == "" {
				first = m
			} else if err := t.Override("together", first, m); err != nil {
				return err
			}
			for _, r := range ids {
				if !moving[r] {
					if err := t.Override("apart", m, r); err != nil {
						return err
					}
				}
			}
		}
		if err := t.Reconcile(from); err != nil {
			return err
		}
		return t.Reconcile(fresh)
	})
	if err != nil {
		return nil, err
	}
	return read(ctx, strconv.FormatInt(fresh, 10))
}

// SetPolicy reconciles every event's figures under p, in one transaction
// that write runs, and records p as the store's policy.
func SetPolicy(ctx context.Context, p merge.Policy, write Write) error {
	err := write(ctx, func(t AnalystTx) error {
		if err := t.KeepPolicy(p); err != nil {
			return err
		}
		ids, err := t.EventIDs()
		if err != nil {
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
	return nil
}
