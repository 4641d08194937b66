package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/sitrep-project/sitrep"
)

// Reading a page of events.
//
// A page is the first n events after a cursor, in list order (orderKey,
// id), that a filter selects. The browsing indexes hold the events' own
// columns in list order, so the filters on those cost about the events
// passed over on the way to a full page. The actor, text and box filters
// look elsewhere and have two forms (query.go): a set of the events they
// select, which costs about the size of the set whatever the page, and a
// check of one event, which costs about the events checked before the
// page is full. The forces of the country filtered on, or a word in most
// articles, make large sets of which the first events of the list are
// mostly members: cheaper checked one by one. A rare actor or a small box
// make small sets: cheaper read as sets.
//
// So a page first checks the events in list order one by one, at most a
// budget of them, and when the page is still not full reads on from there
// with the sets. The budget is the events checked per event of the page:
// a box is compared in the index, an actor takes a few lookups, and a
// word a query of the full-text index for each article, the dearest by
// far, which a page does only when most articles match (see pagePlan).

const (
	bboxBudget  = 100
	actorBudget = 10

	// textSample is how many of the latest articles textShare counts the
	// matches of a full-text query in.
	textSample = 10000
	// textCheckCost is the cost of checking one article against the
	// full-text index, counted in articles added to a set of matches
	// (about 70 µs and 0.3 µs on 100,000 articles).
	textCheckCost = 250
	// textFewShare is the share of matching articles below which the set
	// of their events (textEvents), which SQLite may read first and sort,
	// is cheaper than looking each event's articles up in the set of
	// matching articles (textArticles).
	textFewShare = 0.02
)

// pagePlan is how a page reads the actor, text and box filters.
type pagePlan struct {
	fixed  []cond // in every query of the page, as sets
	checks []cond // checked event by event, the cheapest first
	sets   []cond // the checks as sets, for the events past the budget
	budget int    // the events checked one by one at most
}

// pagePlan plans a page of n events under f.
func (s *Store) pagePlan(ctx context.Context, f sitrep.EventFilter, n int) (pagePlan, error) {
	var p pagePlan
	per := math.Inf(1) // events checked per event of the page
	if f.BBox != nil {
		p.checks = append(p.checks, bboxCheck(f.BBox))
		p.sets = append(p.sets, bboxSet(f.BBox))
		per = min(per, bboxBudget)
	}
	if f.Actor != "" {
		p.checks = append(p.checks, actorCheck(f.Actor))
		p.sets = append(p.sets, actorSet(f.Actor))
		per = min(per, actorBudget)
	}
	if f.Text != "" {
		share, articles, err := s.textShare(ctx, f.Text)
		if err != nil {
			return p, err
		}
		switch {
		// Checked one by one, a page checks about n/share events; as a set,
		// it reads share*articles matches.
		case share*share*float64(articles) >= textCheckCost*float64(n):
			p.checks = append(p.checks, textCheck(f.Text))
			p.sets = append(p.sets, textArticles(f.Text))
			per = min(per, 2/share)
		case share >= textFewShare:
			p.fixed = append(p.fixed, textArticles(f.Text))
		default:
			p.fixed = append(p.fixed, textEvents(f.Text))
		}
	}
	if len(p.checks) > 0 {
		p.budget = int(math.Ceil(per * float64(n)))
	}
	return p, nil
}

// textShare estimates the share of the articles that the full-text query
// q matches, from the latest textSample articles, and returns it with the
// number of articles (the highest id). An invalid query is an EInvalid
// error.
func (s *Store) textShare(ctx context.Context, q string) (share float64, articles int64, err error) {
	var hits int64
	err = s.r.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM articles),
		(SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > (SELECT coalesce(max(id), 0) FROM articles) - ?)`,
		q, textSample).Scan(&articles, &hits)
	if err != nil {
		return 0, 0, textError(ctx, q, err)
	}
	if sample := min(articles, textSample); sample > 0 {
		share = float64(hits) / float64(sample)
	}
	return share, articles, nil
}

// readPage returns up to n events after the cursor at, in list order or
// newest first, that f selects. With figuresLater the killed filter is
// left to the caller.
func (s *Store) readPage(ctx context.Context, f sitrep.EventFilter, figuresLater bool, at *cursor, newestFirst bool, n int) ([]keyedRow, error) {
	p, err := s.pagePlan(ctx, f, n)
	if err != nil {
		return nil, err
	}
	return s.readPlanned(ctx, f, figuresLater, p, at, newestFirst, n)
}

// readPlanned is readPage under the plan p.
func (s *Store) readPlanned(ctx context.Context, f sitrep.EventFilter, figuresLater bool, p pagePlan, at *cursor, newestFirst bool, n int) ([]keyedRow, error) {
	cols, err := columnConds(f, figuresLater)
	if err != nil {
		return nil, err
	}
	var out []keyedRow
	for _, part := range listParts(f.From, newestFirst) {
		rows, err := s.readPart(ctx, slices.Concat(cols, part), p, at, newestFirst, n-len(out))
		if err != nil {
			return nil, err
		}
		if out = append(out, rows...); len(out) == n {
			break
		}
	}
	return out, nil
}

// spanning holds for the events whose first and last days are in
// different months; events_browse_spanning indexes them.
const spanning = `substr(e.date_start, 1, 7) <> substr(e.date_end, 1, 7)`

// listParts splits the list for the from filter, which selects by an
// event's last day while the list is in order of the first, into parts
// read one after the other: the events from from's month on, which the
// browsing indexes seek to, and before them the events spanning months
// that start earlier. Any other event that ends on or after from starts
// in from's month or later: it has one day, or its month is a prefix of
// both its days and so no less than from's.
func listParts(from string, newestFirst bool) [][]cond {
	if from == "" {
		return [][]cond{nil}
	}
	later := []cond{{orderKey + ` >= substr(?, 1, 7)`, []any{from}}}
	earlier := []cond{{orderKey + ` < substr(?, 1, 7) AND ` + spanning, []any{from}}}
	if newestFirst {
		return [][]cond{later, earlier}
	}
	return [][]cond{earlier, later}
}

// readPart reads up to n events of a page that meet the conditions cols:
// first checking them one by one, then, past the budget, with the sets.
func (s *Store) readPart(ctx context.Context, cols []cond, p pagePlan, at *cursor, newestFirst bool, n int) ([]keyedRow, error) {
	var out []keyedRow
	if len(p.checks) > 0 {
		// The inner query yields the events to check in list order, their
		// data when they pass (only then is the row read) and NULL when
		// they do not; the outer one keeps those that pass, and stops
		// asking for more once it has n.
		hit, hitArgs := andSQL(p.checks)
		w, args := whereSQL(cols, p.fixed, afterCursor(at, newestFirst))
		q := `SELECT id, k, data FROM (SELECT e.id AS id, ` + orderKey + ` AS k, CASE WHEN ` + hit + ` THEN e.data END AS data
			FROM events e` + w + listOrder(newestFirst) + ` LIMIT ` + strconv.Itoa(p.budget) + `)
			WHERE data IS NOT NULL ORDER BY k ` + listDir(newestFirst) + `, id ` + listDir(newestFirst) + ` LIMIT ` + strconv.Itoa(n)
		rows, err := s.r.QueryContext(ctx, q, append(hitArgs, args...)...)
		if err != nil {
			return nil, fmt.Errorf("query events: %w", err)
		}
		if out, err = scanKeyed(rows); err != nil || len(out) == n {
			return out, err
		}
		// Fewer than n passed: the part has no more events, or the budget
		// ran out, and the sets read on from the last event checked.
		q = `SELECT e.id, ` + orderKey + ` FROM events e` + w + listOrder(newestFirst) + ` LIMIT 1 OFFSET ` + strconv.Itoa(p.budget-1)
		var last cursor
		err = s.r.QueryRowContext(ctx, q, args...).Scan(&last.ID, &last.Key)
		if errors.Is(err, sql.ErrNoRows) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("query events: %w", err)
		}
		at = &last
	}
	w, args := whereSQL(cols, p.fixed, p.sets, afterCursor(at, newestFirst))
	q := `SELECT e.id, ` + orderKey + `, e.data FROM events e` + w + listOrder(newestFirst) + ` LIMIT ` + strconv.Itoa(n-len(out))
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	read, err := scanKeyed(rows)
	return append(out, read...), err
}

// afterCursor is the condition of the events after the cursor at in list
// order, or before it newest first. Its first comparison follows from the
// rest and lets an index seek to the cursor.
func afterCursor(at *cursor, newestFirst bool) []cond {
	if at == nil {
		return nil
	}
	cmp := ">"
	if newestFirst {
		cmp = "<"
	}
	return []cond{{orderKey + ` ` + cmp + `= ? AND (` + orderKey + ` ` + cmp + ` ? OR (` + orderKey + ` = ? AND e.id ` + cmp + ` ?))`,
		[]any{at.Key, at.Key, at.Key, at.ID}}}
}

// listOrder is the ORDER BY clause of the list, or of newest first.
func listOrder(newestFirst bool) string {
	d := listDir(newestFirst)
	return ` ORDER BY ` + orderKey + ` ` + d + `, e.id ` + d
}

// listDir is the direction of listOrder.
func listDir(newestFirst bool) string {
	if newestFirst {
		return "DESC"
	}
	return "ASC"
}
