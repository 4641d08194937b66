package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/merge"
)

// Events returns the merged events f selects, by date then id.
func (s *Store) Events(ctx context.Context, f sitrep.EventFilter) ([]*sitrep.MergedEvent, error) {
	policy, err := s.policyFor(f.Policy)
	if err != nil {
		return nil, err
	}
	where, args, err := filterSQL(f, policy != s.policy)
	if err != nil {
		return nil, err
	}
	q := `SELECT e.id, e.data FROM events e` + where + ` ORDER BY ` + orderKey + `, e.id`
	if f.Limit > 0 && policy == s.policy {
		q += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	if err := s.checkText(ctx, f.Text); err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	out, ids, err := scanEvents(rows)
	if err != nil {
		return nil, err
	}
	if policy == s.policy {
		return out, nil
	}
	// Figures under another policy are reconciled afresh, and filtered
	// on them here.
	var kept []*sitrep.MergedEvent
	for i, id := range ids {
		ms, notes, err := s.readMentions(ctx, id)
		if err != nil {
			return nil, err
		}
		ev := merge.Reconcile(out[i].ID, ms, notes, policy)
		if f.MinKilled > 0 {
			if ev.Killed == nil || ev.Killed.Low == nil || *ev.Killed.Low < f.MinKilled {
				continue
			}
		}
		kept = append(kept, ev)
		if f.Limit > 0 && len(kept) == f.Limit {
			break
		}
	}
	return kept, nil
}

// checkText returns an EInvalid error when q is not a valid full-text
// query, so that a user's typo is told apart from a failure of the store.
func (s *Store) checkText(ctx context.Context, q string) error {
	if q == "" {
		return nil
	}
	var x int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1`, q).Scan(&x)
	switch {
	case err == nil, errors.Is(err, sql.ErrNoRows):
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return sitrep.Errorf(sitrep.EInvalid, "text query %q: %v", q, err)
}

// scanEvents reads rows of (id, data) and closes them.
func scanEvents(rows *sql.Rows) (evs []*sitrep.MergedEvent, ids []int64, err error) {
	defer rows.Close()
	for rows.Next() {
		var id int64
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, nil, err
		}
		ev := &sitrep.MergedEvent{}
		if err := json.Unmarshal(data, ev); err != nil {
			return nil, nil, fmt.Errorf("event %d: %w", id, err)
		}
		evs = append(evs, ev)
		ids = append(ids, id)
	}
	return evs, ids, rows.Err()
}

func (s *Store) policyFor(name string) (merge.Policy, error) {
	if name == "" {
		return s.policy, nil
	}
	p, err := merge.ParsePolicy(name)
	if err != nil {
		return "", sitrep.Errorf(sitrep.EInvalid, "%v", err)
	}
	return p, nil
}

// filterSQL returns the WHERE clause of a filter and its arguments. With
// figuresLater the killed filter is left to the caller.
func filterSQL(f sitrep.EventFilter, figuresLater bool) (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if len(f.IDs) > 0 {
		marks := make([]string, len(f.IDs))
		for i, s := range f.IDs {
			id, err := parseID(s)
			if err != nil {
				return "", nil, err
			}
			marks[i] = "?"
			args = append(args, id)
		}
		conds = append(conds, `e.id IN (`+strings.Join(marks, ", ")+`)`)
	}
	if f.Country != "" {
		add(`e.country = ? COLLATE NOCASE`, f.Country)
	}
	if f.Admin1 != "" {
		add(`e.admin1 = ? COLLATE NOCASE`, f.Admin1)
	}
	if f.From != "" {
		add(`coalesce(e.date_end, e.date_start) >= ?`, f.From)
	}
	if f.To != "" {
		add(`coalesce(e.date_start, e.date_end) <= ?`, f.To)
	}
	if f.Type != "" {
		add(`(e.event_type = ? COLLATE NOCASE OR e.sub_event_type = ? COLLATE NOCASE OR e.plover = ? COLLATE NOCASE OR e.cameo LIKE ? ESCAPE '\')`,
			f.Type, f.Type, f.Type, escapeLike(f.Type)+"%")
	}
	if f.Actor != "" {
		// The pattern is matched against the distinct names (actor_names),
		// and the actors found by them through their indexes.
		like := "%" + escapeLike(f.Actor) + "%"
		names := `(SELECT name FROM actor_names WHERE name LIKE ? ESCAPE '\')`
		add(`e.id IN (SELECT m.event FROM mentions m JOIN actors a ON a.mention = m.id
			WHERE a.role <> 'claimant' AND (a.name IN `+names+` OR a.acled_name IN `+names+` OR a.text IN `+names+` OR a.cameo IN `+names+`))`, like, like, like, like)
	}
	if f.Disputed != nil {
		add(`e.disputed = ?`, *f.Disputed)
	}
	if f.MinKilled > 0 && !figuresLater {
		add(`e.killed_low >= ?`, f.MinKilled)
	}
	if f.Scope != "" {
		add(`e.scope = ?`, f.Scope)
	}
	if f.Text != "" {
		add(`e.id IN (SELECT m.event FROM articles_fts JOIN mentions m ON m.article = articles_fts.rowid WHERE articles_fts MATCH ?)`, f.Text)
	}
	if b := f.BBox; b != nil {
		add(`e.id IN (SELECT id FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)`,
			b.MinLon, b.MaxLon, b.MinLat, b.MaxLat)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// parseID reads an event id.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, sitrep.Errorf(sitrep.ENotFound, "no event %q: event ids are positive numbers", s)
	}
	return id, nil
}

// Event returns one merged event.
func (s *Store) Event(ctx context.Context, id string) (*sitrep.MergedEvent, error) {
	n, err := parseID(id)
	if err != nil {
		return nil, err
	}
	var data string
	err = s.r.QueryRowContext(ctx, `SELECT data FROM events WHERE id = ?`, n).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENotFound, "no event %s", id)
	}
	if err != nil {
		return nil, err
	}
	ev := &sitrep.MergedEvent{}
	if err := json.Unmarshal([]byte(data), ev); err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	return ev, nil
}

// Mentions returns the reports merged into an event, in merge order.
func (s *Store) Mentions(ctx context.Context, id string) ([]sitrep.Mention, error) {
	n, err := parseID(id)
	if err != nil {
		return nil, err
	}
	ms, _, err := s.readMentions(ctx, n)
	if err == nil && len(ms) == 0 {
		return nil, sitrep.Errorf(sitrep.ENotFound, "no event %s", id)
	}
	return ms, err
}

func (s *Store) readMentions(ctx context.Context, event int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
	rows, err := s.r.QueryContext(ctx, mentionsQuery+` WHERE m.event = ? ORDER BY m.id`, event)
	if err != nil {
		return nil, nil, err
	}
	return scanMentions(rows)
}
