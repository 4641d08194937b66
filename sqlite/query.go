package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
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
	return sqlstore.Refigured(out, ids, policy, f, func(id int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
		return s.readMentions(ctx, id)
	})
}

// checkText returns an EInvalid error when q is not a valid full-text
// query, so that a user's typo is told apart from a failure of the store.
func (s *Store) checkText(ctx context.Context, q string) error {
	if q == "" {
		return nil
	}
	var x int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1`, q).Scan(&x)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return textError(ctx, q, err)
}

// textError is the error of a query of the full-text index: EInvalid
// unless the context ended, since a bad query is the likely cause.
func textError(ctx context.Context, q string, err error) error {
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return sitrep.Errorf(sitrep.EInvalid, "text query %q: %v", q, err)
}

// scanEvents reads rows of (id, data) and closes them.
func scanEvents(rows *sql.Rows) ([]*sitrep.MergedEvent, []int64, error) {
	defer rows.Close()
	evs, ids, err := sqlstore.Events(rows)
	if err != nil {
		return nil, nil, err
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

// cond is a condition of a query with its arguments.
type cond struct {
	sql  string
	args []any
}

// andSQL joins conditions with AND and returns their arguments.
func andSQL(conds ...[]cond) (string, []any) {
	var parts []string
	var args []any
	for _, cs := range conds {
		for _, c := range cs {
			parts = append(parts, c.sql)
			args = append(args, c.args...)
		}
	}
	return strings.Join(parts, " AND "), args
}

// whereSQL is andSQL as a WHERE clause, empty when there are no conditions.
func whereSQL(conds ...[]cond) (string, []any) {
	w, args := andSQL(conds...)
	if w == "" {
		return "", nil
	}
	return " WHERE " + w, args
}

// filterSQL returns the WHERE clause of a filter and its arguments. With
// figuresLater the killed filter is left to the caller.
func filterSQL(f sitrep.EventFilter, figuresLater bool) (string, []any, error) {
	cols, err := columnConds(f, figuresLater)
	if err != nil {
		return "", nil, err
	}
	var sets []cond
	if f.Actor != "" {
		sets = append(sets, actorSet(f.Actor))
	}
	if f.Text != "" {
		sets = append(sets, textEvents(f.Text))
	}
	if f.BBox != nil {
		sets = append(sets, bboxSet(f.BBox))
	}
	w, args := whereSQL(cols, sets)
	return w, args, nil
}

// columnConds returns the conditions of f on the events' own columns, those
// the browsing indexes hold; the actor, text and box filters are left out.
// With figuresLater the killed filter is left out too.
func columnConds(f sitrep.EventFilter, figuresLater bool) ([]cond, error) {
	var conds []cond
	add := func(q string, args ...any) { conds = append(conds, cond{q, args}) }
	if len(f.IDs) > 0 {
		marks := make([]string, len(f.IDs))
		ids := make([]any, len(f.IDs))
		for i, s := range f.IDs {
			id, err := sqlstore.ParseID(s)
			if err != nil {
				return nil, err
			}
			marks[i], ids[i] = "?", id
		}
		add(`e.id IN (`+strings.Join(marks, ", ")+`)`, ids...)
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
		// The second condition follows from the first (orderKey is the
		// first's left side when that is not NULL) and bounds the list
		// order, which lets the browsing indexes stop at to.
		add(`coalesce(e.date_start, e.date_end) <= ? AND `+orderKey+` <= ?`, f.To, f.To)
	}
	if f.Type != "" {
		add(`(e.event_type = ? COLLATE NOCASE OR e.sub_event_type = ? COLLATE NOCASE OR e.plover = ? COLLATE NOCASE OR e.cameo LIKE ? ESCAPE '\')`,
			f.Type, f.Type, f.Type, sqlstore.EscapeLike(f.Type)+"%")
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
	return conds, nil
}

// The actor, text and box filters each have two forms: a set of events,
// whose cost grows with the size of the set, and a check of one event
// (e), whose cost grows with the events checked. Reading a page chooses
// between them (page.go); the other queries use the sets.

// actorNames are the distinct actor names (actor_names) that contain the
// filter's words. The actors are found from them through their indexes,
// since no index serves a match on part of a name.
const actorNames = `(SELECT name FROM actor_names WHERE name LIKE ? ESCAPE '\')`

// actorMatch is the condition on an actor (a) of a report of the actor
// filter, with the pattern four times as its arguments.
const actorMatch = `a.role <> 'claimant' AND (a.name IN ` + actorNames + ` OR a.acled_name IN ` + actorNames +
	` OR a.text IN ` + actorNames + ` OR a.cameo IN ` + actorNames + `)`

func actorLike(actor string) []any {
	like := "%" + sqlstore.EscapeLike(actor) + "%"
	return []any{like, like, like, like}
}

// actorSet selects the events with a report naming an actor that matches.
func actorSet(actor string) cond {
	return cond{`e.id IN (SELECT m.event FROM mentions m JOIN actors a ON a.mention = m.id WHERE ` + actorMatch + `)`, actorLike(actor)}
}

// actorCheck is actorSet for one event.
func actorCheck(actor string) cond {
	return cond{`EXISTS (SELECT 1 FROM mentions m JOIN actors a ON a.mention = m.id WHERE m.event = e.id AND ` + actorMatch + `)`, actorLike(actor)}
}

// textEvents selects the events of the articles that match the full-text
// query: as cheap as a set can be when few articles match.
func textEvents(q string) cond {
	return cond{`e.id IN (SELECT m.event FROM articles_fts JOIN mentions m ON m.article = articles_fts.rowid WHERE articles_fts MATCH ?)`, []any{q}}
}

// textArticles is textEvents as a set of articles, which each event's
// reports are looked up in: cheaper when many articles match, since the
// set holds only the articles and the page stops at its last event. (The
// + keeps the planner from reading the set article by article.)
func textArticles(q string) cond {
	return cond{`EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id AND +m.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))`, []any{q}}
}

// textCheck asks the full-text index about each article of one event: a
// query of the index for each, so worth it only when most articles match.
// (CROSS JOIN keeps the reports the outer loop.)
func textCheck(q string) cond {
	return cond{`EXISTS (SELECT 1 FROM mentions m CROSS JOIN articles_fts f WHERE m.event = e.id AND f.rowid = m.article AND f.articles_fts MATCH ?)`, []any{q}}
}

// bboxSet selects the events whose point the R*Tree finds in the box.
func bboxSet(b *sitrep.BBox) cond {
	return cond{`e.id IN (SELECT id FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)`,
		[]any{b.MinLon, b.MaxLon, b.MinLat, b.MaxLat}}
}

// bboxCheck is bboxSet for one event. Its point in the browsing indexes is
// compared first; then the R*Tree, which keeps a point as a box of 32-bit
// floats rounded outwards, so it finds no point whose exact coordinates
// are outside the box, but may leave out one on the edge: the answer is
// the R*Tree's, as bboxSet's is.
func bboxCheck(b *sitrep.BBox) cond {
	return cond{`e.lon >= ? AND e.lon <= ? AND e.lat >= ? AND e.lat <= ? AND
		EXISTS (SELECT 1 FROM events_rtree r WHERE r.id = e.id AND r.min_lon >= ? AND r.max_lon <= ? AND r.min_lat >= ? AND r.max_lat <= ?)`,
		[]any{b.MinLon, b.MaxLon, b.MinLat, b.MaxLat, b.MinLon, b.MaxLon, b.MinLat, b.MaxLat}}
}

// Event returns one merged event.
func (s *Store) Event(ctx context.Context, id string) (*sitrep.MergedEvent, error) {
	return sqlstore.Event(id, sql.ErrNoRows, func(n int64) sqlstore.Row {
		return s.r.QueryRowContext(ctx, `SELECT data FROM events WHERE id = ?`, n)
	})
}

// Mentions returns the reports merged into an event, in merge order.
func (s *Store) Mentions(ctx context.Context, id string) ([]sitrep.Mention, error) {
	return sqlstore.EventMentions(id, func(n int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
		return s.readMentions(ctx, n)
	})
}

func (s *Store) readMentions(ctx context.Context, event int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
	rows, err := s.r.QueryContext(ctx, mentionsQuery+` WHERE m.event = ? ORDER BY m.id`, event)
	if err != nil {
		return nil, nil, err
	}
	return scanMentions(rows)
}
