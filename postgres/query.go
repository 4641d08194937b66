package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
)

// Events returns the merged events f selects, by date then id.
func (s *Store) Events(ctx context.Context, f sitrep.EventFilter) ([]*sitrep.MergedEvent, error) {
	stored, err := policy(ctx, s.pool)
	if err != nil {
		return nil, err
	}
	want := stored
	if f.Policy != "" {
		if want, err = policyFor(f.Policy); err != nil {
			return nil, err
		}
	}
	where, args, err := s.filterSQL(f, want != stored)
	if err != nil {
		return nil, err
	}
	q := `SELECT e.id, e.data FROM events e` + where + ` ORDER BY ` + orderKey + `, e.id`
	if f.Limit > 0 && want == stored {
		q += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	out, ids, err := sqlstore.Events(rows)
	rows.Close()
	if err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	if want == stored {
		return out, nil
	}
	// Figures under another policy are reconciled afresh, and filtered
	// on them here.
	return sqlstore.Refigured(out, ids, want, f, func(id int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
		return readMentions(ctx, s.pool, id)
	})
}

// filterSQL returns the WHERE clause of a filter and its arguments. With
// figuresLater the killed filter is left to the caller.
func (s *Store) filterSQL(f sitrep.EventFilter, figuresLater bool) (string, []any, error) {
	var conds []string
	var args []any
	// add appends a condition whose parameters are written $ in order.
	add := func(cond string, a ...any) {
		for _, v := range a {
			args = append(args, v)
			cond = strings.Replace(cond, "$", "#"+strconv.Itoa(len(args)), 1)
		}
		conds = append(conds, strings.ReplaceAll(cond, "#", "$"))
	}
	if len(f.IDs) > 0 {
		ids := make([]int64, len(f.IDs))
		for i, s := range f.IDs {
			id, err := sqlstore.ParseID(s)
			if err != nil {
				return "", nil, err
			}
			ids[i] = id
		}
		add(`e.id = ANY($::bigint[])`, ids)
	}
	if f.Country != "" {
		add(`lower(e.country) = lower($)`, f.Country)
	}
	if f.Admin1 != "" {
		add(`lower(e.admin1) = lower($)`, f.Admin1)
	}
	if f.From != "" {
		add(`coalesce(e.date_end, e.date_start) >= $`, f.From)
	}
	if f.To != "" {
		add(`coalesce(e.date_start, e.date_end) <= $`, f.To)
	}
	if f.Type != "" {
		add(`(lower(e.event_type) = lower($) OR lower(e.sub_event_type) = lower($) OR lower(e.plover) = lower($) OR e.cameo ILIKE $)`,
			f.Type, f.Type, f.Type, sqlstore.EscapeLike(f.Type)+"%")
	}
	if f.Actor != "" {
		like := "%" + sqlstore.EscapeLike(f.Actor) + "%"
		add(`e.id IN (SELECT m.event FROM mentions m JOIN actors a ON a.mention = m.id
			WHERE a.role <> 'claimant' AND (a.name ILIKE $ OR a.acled_name ILIKE $ OR a.text ILIKE $ OR a.cameo ILIKE $))`, like, like, like, like)
	}
	if f.Disputed != nil {
		add(`e.disputed = $`, *f.Disputed)
	}
	if f.MinKilled > 0 && !figuresLater {
		add(`e.killed_low >= $`, f.MinKilled)
	}
	if f.Scope != "" {
		add(`e.scope = $`, f.Scope)
	}
	if f.Text != "" {
		q, err := textQuery(f.Text)
		if err != nil {
			return "", nil, err
		}
		add(`e.id IN (SELECT m.event FROM mentions m JOIN articles a ON a.id = m.article WHERE a.tsv @@ websearch_to_tsquery('simple', $))`, q)
	}
	if b := f.BBox; b != nil {
		if s.postgis {
			add(`e.geom && ST_MakeEnvelope($, $, $, $, 4326)`, b.MinLon, b.MinLat, b.MaxLon, b.MaxLat)
		} else {
			add(`e.pt <@ box(point($, $), point($, $))`, b.MinLon, b.MinLat, b.MaxLon, b.MaxLat)
		}
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// textQuery turns a full-text query as the SQLite store reads it (FTS5:
// words, "phrases", OR, NOT, AND) into one PostgreSQL's websearch_to_tsquery
// reads the same way; an unclosed quote is an error on both engines.
func textQuery(q string) (string, error) {
	if strings.Count(q, `"`)%2 != 0 {
		return "", sitrep.Errorf(sitrep.EInvalid, "text query %q: unclosed quote", q)
	}
	var out []string
	inPhrase := false
	for _, w := range strings.Fields(q) {
		if strings.Count(w, `"`)%2 != 0 {
			inPhrase = !inPhrase
		}
		switch {
		case inPhrase:
		case w == "AND":
			continue
		case w == "NOT":
			out = append(out, "-")
			continue
		}
		if n := len(out); n > 0 && out[n-1] == "-" {
			out[n-1] = "-" + w
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " "), nil
}

// Event returns one merged event.
func (s *Store) Event(ctx context.Context, id string) (*sitrep.MergedEvent, error) {
	return sqlstore.Event(id, pgx.ErrNoRows, func(n int64) sqlstore.Row {
		return s.pool.QueryRow(ctx, `SELECT data FROM events WHERE id = $1`, n)
	})
}

// Mentions returns the reports merged into an event, in merge order.
func (s *Store) Mentions(ctx context.Context, id string) ([]sitrep.Mention, error) {
	return sqlstore.EventMentions(id, func(n int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
		return readMentions(ctx, s.pool, n)
	})
}
