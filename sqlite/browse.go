package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

var _ sitrep.EventBrowser = (*Store)(nil)

// orderKey is what events are listed by, before their id: the start day,
// else the end day. Migration 0002 indexes it.
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
	evs, _, next, err := s.eventPage(ctx, f, after, newestFirst, false)
	return sitrep.EventPage{Events: evs, Next: next}, err
}

// EventPageJSON is EventPage with each event as JSON: as the store keeps
// it, which spares decoding it only to encode it again, unless f.Policy
// asks for figures reconciled afresh. It is what the HTTP API serves. The
// JSON is as encoding/json writes it (compact, HTML characters escaped),
// which the server copies without checking.
func (s *Store) EventPageJSON(ctx context.Context, f sitrep.EventFilter, after string, newestFirst bool) ([]json.RawMessage, string, error) {
	_, raws, next, err := s.eventPage(ctx, f, after, newestFirst, true)
	return raws, next, err
}

// eventPage reads a page of events, decoded or, with raw, as JSON.
func (s *Store) eventPage(ctx context.Context, f sitrep.EventFilter, after string, newestFirst, raw bool) ([]*sitrep.MergedEvent, []json.RawMessage, string, error) {
	limit := sqlstore.PageSize(f.Limit)
	at, err := parseCursor(after)
	if err != nil {
		return nil, nil, "", err
	}
	policy, err := s.policyFor(f.Policy)
	if err != nil {
		return nil, nil, "", err
	}
	repolicy := policy != s.policy
	var kept []*sitrep.MergedEvent
	var raws []json.RawMessage
	var keys []cursor
	// Under another policy the figures, and so the killed filter, are
	// known only once reconciled: read on until the page is full.
	for {
		read, err := s.readPage(ctx, f, repolicy, at, newestFirst, limit+1)
		if err != nil {
			return nil, nil, "", err
		}
		for _, r := range read {
			at = &r.cursor
			switch {
			case raw && !repolicy:
				raws = append(raws, r.data)
			default:
				ev := &sitrep.MergedEvent{}
				if err := json.Unmarshal(r.data, ev); err != nil {
					return nil, nil, "", fmt.Errorf("event %d: %w", r.ID, err)
				}
				if repolicy {
					if ev, err = s.reconciled(ctx, r.ID, ev.ID, policy, f.MinKilled); err != nil {
						return nil, nil, "", err
					}
					if ev == nil {
						continue
					}
				}
				if raw {
					data, err := json.Marshal(ev)
					if err != nil {
						return nil, nil, "", err
					}
					raws = append(raws, data)
				} else {
					kept = append(kept, ev)
				}
			}
			keys = append(keys, *at)
			if len(keys) > limit {
				break
			}
		}
		if len(keys) > limit || len(read) <= limit {
			break
		}
	}
	next := ""
	if len(keys) > limit {
		next = keys[limit-1].String()
		if raw {
			raws = raws[:limit]
		} else {
			kept = kept[:limit]
		}
	}
	return kept, raws, next, nil
}

// keyedRow is an event row as a page reads it.
type keyedRow struct {
	cursor
	data []byte
}

// scanKeyed reads rows of (id, sort key, data) and closes them.
func scanKeyed(rows *sql.Rows) ([]keyedRow, error) {
	defer rows.Close()
	var out []keyedRow
	for rows.Next() {
		var r keyedRow
		if err := rows.Scan(&r.ID, &r.Key, &r.data); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// reconciled returns an event reconciled afresh under policy, or nil when
// its killed figure falls below minKilled.
func (s *Store) reconciled(ctx context.Context, id int64, name string, policy merge.Policy, minKilled int) (*sitrep.MergedEvent, error) {
	ms, notes, err := s.readMentions(ctx, id)
	if err != nil {
		return nil, err
	}
	return sqlstore.Reconciled(name, ms, notes, policy, minKilled), nil
}

// EventPoints returns the points of up to f.Limit events that f selects and
// that have coordinates, newest first. Figures are the store's policy's.
func (s *Store) EventPoints(ctx context.Context, f sitrep.EventFilter) ([]sitrep.EventPoint, error) {
	where, args, err := filterSQL(f, false)
	if err != nil {
		return nil, err
	}
	if err := s.checkText(ctx, f.Text); err != nil {
		return nil, err
	}
	q := sqlstore.PointsQuery(sqlstore.And(where, "e.lat IS NOT NULL"), f.Limit)
	rows, err := s.r.QueryContext(ctx, q, args...)
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
	if interval != sitrep.IntervalDay && interval != sitrep.IntervalWeek && interval != sitrep.IntervalAll {
		return nil, sitrep.Errorf(sitrep.EInvalid, "series interval %q: want day, week or all", interval)
	}
	where, args, err := filterSQL(f, false)
	if err != nil {
		return nil, err
	}
	if err := s.checkText(ctx, f.Text); err != nil {
		return nil, err
	}
	day := orderKey
	if interval == sitrep.IntervalAll {
		day = `''`
	}
	q := `SELECT ` + day + ` AS day, ` + group + ` AS g, count(*), sum(coalesce(e.killed_low, 0))
		FROM events e` + where + ` GROUP BY day, g ORDER BY day, g`
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query series: %w", err)
	}
	defer rows.Close()
	out := []sitrep.SeriesPoint{}
	at := map[[2]string]int{} // (date, group) -> index in out
	for rows.Next() {
		var day, g string
		var n, killed int
		if err := rows.Scan(&day, &g, &n, &killed); err != nil {
			return nil, err
		}
		if interval != sitrep.IntervalAll {
			t, err := time.Parse(time.DateOnly, day)
			if err != nil {
				continue // no date, or not a day
			}
			if interval == sitrep.IntervalWeek {
				t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // back to Monday
			}
			day = t.Format(time.DateOnly)
		}
		k := [2]string{day, g}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, sitrep.SeriesPoint{Group: g, Date: k[0]})
		}
		out[i].Events += n
		out[i].Killed += killed
	}
	return out, rows.Err()
}

const articleColumns = `a.id, a.article_id, a.outlet, a.url, a.published, a.title, a.ingested_at,
	(SELECT count(*) FROM mentions m WHERE m.article = a.id)`

// Articles returns up to limit (else DefaultPageSize) articles, the most
// recently stored first, after the cursor.
func (s *Store) Articles(ctx context.Context, after string, limit int) ([]sitrep.ArticleSummary, string, error) {
	limit = sqlstore.PageSize(limit)
	before, err := sqlstore.ArticlesBefore(after)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`, before, limit+1)
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
	var warnings string
	err := sqlstore.ScanSummary(s.r.QueryRowContext(ctx, `SELECT `+articleColumns+`, a.lang, a.text, a.warnings FROM articles a WHERE a.article_id = ?`, id),
		&rowid, &a.ArticleSummary, &a.Lang, &a.Text, &warnings)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENotFound, "no article %q", id)
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(warnings), &a.Warnings); err != nil {
		return nil, fmt.Errorf("article %s: warnings: %w", id, err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT text, start, end, coalesce(name, ''), coalesce(country, ''), coalesce(admin1, ''), coalesce(kind, ''),
		lat, lon, geonameid FROM places WHERE article = ? ORDER BY start, id`, rowid)
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
	rows, err = s.r.QueryContext(ctx, `SELECT mention_id, event, reason, score, data FROM mentions WHERE article = ? ORDER BY id`, rowid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if a.Events, err = sqlstore.ArticleMentions(rows); err != nil {
		return nil, err
	}
	return a, rows.Err()
}
