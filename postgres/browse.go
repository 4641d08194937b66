package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

var _ sitrep.EventBrowser = (*Store)(nil)

// orderKey is what events are listed by, before their id: the start day,
// else the end day (index events_order).
const orderKey = sqlstore.OrderKey

// DefaultPageSize is the page size of EventPage and Articles when none is
// given.
const DefaultPageSize = sqlstore.DefaultPageSize

// cursor is a position in the order of events or articles.
type cursor = sitrep.PageCursor

func parseCursor(s string) (*cursor, error) { return sitrep.ParsePageCursor(s) }

// EventPage returns up to f.Limit (else DefaultPageSize) events that f
// selects after the cursor, by date then id, or newest first.
func (s *Store) EventPage(ctx context.Context, f sitrep.EventFilter, after string, newestFirst bool) (sitrep.EventPage, error) {
	var page sitrep.EventPage
	limit := sqlstore.PageSize(f.Limit)
	at, err := parseCursor(after)
	if err != nil {
		return page, err
	}
	stored, err := policy(ctx, s.pool)
	if err != nil {
		return page, err
	}
	want := stored
	if f.Policy != "" {
		if want, err = policyFor(f.Policy); err != nil {
			return page, err
		}
	}
	repolicy := want != stored
	where, args, err := s.filterSQL(f, repolicy)
	if err != nil {
		return page, err
	}
	cmp, dir := ">", "ASC"
	if newestFirst {
		cmp, dir = "<", "DESC"
	}
	var kept []*sitrep.MergedEvent
	var keys []cursor
	// Under another policy the figures, and so the killed filter, are
	// known only once reconciled: read on until the page is full.
	for {
		w, a := where, args
		if at != nil {
			n := len(a)
			cond := fmt.Sprintf(`(%s, e.id) %s ($%d, $%d)`, orderKey, cmp, n+1, n+2)
			w = sqlstore.And(w, cond)
			a = append(append([]any{}, a...), at.Key, at.ID)
		}
		q := `SELECT e.id, ` + orderKey + `, e.data FROM events e` + w +
			` ORDER BY ` + orderKey + ` ` + dir + `, e.id ` + dir + ` LIMIT ` + strconv.Itoa(limit+1)
		rows, err := s.pool.Query(ctx, q, a...)
		if err != nil {
			return page, fmt.Errorf("query events: %w", err)
		}
		n := 0
		for rows.Next() {
			n++
			var id int64
			var key string
			var data []byte
			if err := rows.Scan(&id, &key, &data); err != nil {
				rows.Close()
				return page, err
			}
			ev := &sitrep.MergedEvent{}
			if err := json.Unmarshal(data, ev); err != nil {
				rows.Close()
				return page, fmt.Errorf("event %d: %w", id, err)
			}
			at = &cursor{Key: key, ID: id}
			kept = append(kept, ev)
			keys = append(keys, *at)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return page, fmt.Errorf("query events: %w", err)
		}
		if repolicy {
			kept, keys, err = s.reconcileAll(ctx, kept, keys, want, f.MinKilled)
			if err != nil {
				return page, err
			}
		}
		if len(kept) > limit || n <= limit {
			break
		}
	}
	if len(kept) > limit {
		kept = kept[:limit]
		page.Next = keys[limit-1].String()
	}
	page.Events = kept
	return page, nil
}

// reconcileAll reconciles afresh under p the events not yet reconciled
// under it, and drops those whose killed figure falls below minKilled.
func (s *Store) reconcileAll(ctx context.Context, evs []*sitrep.MergedEvent, keys []cursor, p merge.Policy, minKilled int) ([]*sitrep.MergedEvent, []cursor, error) {
	var outE []*sitrep.MergedEvent
	var outK []cursor
	for i, ev := range evs {
		if ev.Policy != string(p) {
			ms, notes, err := readMentions(ctx, s.pool, keys[i].ID)
			if err != nil {
				return nil, nil, err
			}
			if ev = sqlstore.Reconciled(ev.ID, ms, notes, p, minKilled); ev == nil {
				continue
			}
		}
		outE, outK = append(outE, ev), append(outK, keys[i])
	}
	return outE, outK, nil
}

// EventPoints returns the points of up to f.Limit events that f selects and
// that have coordinates, newest first. Figures are the store's policy's.
func (s *Store) EventPoints(ctx context.Context, f sitrep.EventFilter) ([]sitrep.EventPoint, error) {
	where, args, err := s.filterSQL(f, false)
	if err != nil {
		return nil, err
	}
	q := sqlstore.PointsQuery(sqlstore.And(where, "e.lat IS NOT NULL AND e.lon IS NOT NULL"), f.Limit)
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query points: %w", err)
	}
	defer rows.Close()
	out, err := sqlstore.Points(rows)
	if err != nil {
		return nil, err
	}
	return out, rows.Err()
}

// Series counts the events f selects by day or week and, optionally, by
// country or ACLED type. Figures are the store's policy's.
func (s *Store) Series(ctx context.Context, f sitrep.EventFilter, by, interval string) ([]sitrep.SeriesPoint, error) {
	group, err := sqlstore.SeriesGroup(by)
	if err != nil {
		return nil, err
	}
	var day string
	switch interval {
	case sitrep.IntervalDay:
		day = `to_char(to_date(` + orderKey + `, 'YYYY-MM-DD'), 'YYYY-MM-DD')`
	case sitrep.IntervalWeek:
		day = `to_char(date_trunc('week', to_date(` + orderKey + `, 'YYYY-MM-DD')), 'YYYY-MM-DD')` // ISO weeks start on Monday
	case sitrep.IntervalAll:
		day = `''`
	default:
		return nil, sitrep.Errorf(sitrep.EInvalid, "series interval %q: want day, week or all", interval)
	}
	where, args, err := s.filterSQL(f, false)
	if err != nil {
		return nil, err
	}
	if interval != sitrep.IntervalAll {
		// Only events dated to a day are counted by day or week.
		dated := orderKey + ` ~ '^\d{4}-\d{2}-\d{2}$'`
		where = sqlstore.And(where, dated)
	}
	q := `SELECT ` + day + ` AS day, ` + group + ` AS g, count(*), coalesce(sum(e.killed_low), 0)
		FROM events e` + where + ` GROUP BY day, g ORDER BY day, g`
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query series: %w", err)
	}
	defer rows.Close()
	out := []sitrep.SeriesPoint{}
	for rows.Next() {
		var p sitrep.SeriesPoint
		if err := rows.Scan(&p.Date, &p.Group, &p.Events, &p.Killed); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

const articleColumns = `a.id, a.article_id, a.outlet, a.url, a.published, a.title,
	to_char(a.ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	(SELECT count(*) FROM mentions m WHERE m.article = a.id)`

// Articles returns up to limit (else DefaultPageSize) articles, the most
// recently stored first, after the cursor.
func (s *Store) Articles(ctx context.Context, after string, limit int) ([]sitrep.ArticleSummary, string, error) {
	limit = sqlstore.PageSize(limit)
	before, err := sqlstore.ArticlesBefore(after)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2`, before, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("query articles: %w", err)
	}
	defer rows.Close()
	out, next, err := sqlstore.ArticlePage(rows, limit)
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		return nil, "", err
	}
	return out, next, nil
}

// Article returns a stored article with its text, its places and the
// events found in it.
func (s *Store) Article(ctx context.Context, id string) (*sitrep.StoredArticle, error) {
	a := &sitrep.StoredArticle{Places: []sitrep.Place{}, Events: []sitrep.ArticleMention{}}
	var rowid int64
	var warnings []byte
	err := sqlstore.ScanSummary(s.pool.QueryRow(ctx, `SELECT `+articleColumns+`, a.lang, a.text, a.warnings FROM articles a WHERE a.article_id = $1`, id),
		&rowid, &a.ArticleSummary, &a.Lang, &a.Text, &warnings)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENotFound, "no article %q", id)
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(warnings, &a.Warnings); err != nil {
		return nil, fmt.Errorf("article %s: warnings: %w", id, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT text, start, "end", coalesce(name, ''), coalesce(country, ''), coalesce(admin1, ''), coalesce(kind, ''),
		lat, lon, geonameid FROM places WHERE article = $1 ORDER BY start, id`, rowid)
	if err != nil {
		return nil, err
	}
	a.Places, err = sqlstore.Places(rows)
	if err != nil {
		rows.Close()
		return nil, err
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.pool.Query(ctx, `SELECT mention_id, event, reason, score, data FROM mentions WHERE article = $1 ORDER BY id`, rowid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if a.Events, err = sqlstore.ArticleMentions(rows); err != nil {
		return nil, err
	}
	return a, rows.Err()
}
