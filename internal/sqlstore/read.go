package sqlstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/sitrep-project/sitrep"
)

// Event reads the event of id from the row of its data that query
// returns for its row id: an ENotFound error when there is none, which the
// driver tells with noRows.
func Event(id string, noRows error, query func(n int64) Row) (*sitrep.MergedEvent, error) {
	n, err := ParseID(id)
	if err != nil {
		return nil, err
	}
	var data []byte
	err = query(n).Scan(&data)
	if errors.Is(err, noRows) {
		return nil, sitrep.Errorf(sitrep.ENotFound, "no event %s", id)
	}
	if err != nil {
		return nil, err
	}
	ev := &sitrep.MergedEvent{}
	if err := json.Unmarshal(data, ev); err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	return ev, nil
}

// EventMentions returns the reports of the event of id, which read reads
// by its row id; an ENotFound error when there are none.
func EventMentions(id string, read func(n int64) ([]sitrep.Mention, []sitrep.MergeNote, error)) ([]sitrep.Mention, error) {
	n, err := ParseID(id)
	if err != nil {
		return nil, err
	}
	ms, _, err := read(n)
	if err == nil && len(ms) == 0 {
		return nil, sitrep.Errorf(sitrep.ENotFound, "no event %s", id)
	}
	return ms, err
}

// Events reads rows of (id, data) into the events they hold and their
// ids.
func Events(rows Rows) (evs []*sitrep.MergedEvent, ids []int64, err error) {
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
	return evs, ids, nil
}

// Mentions reads rows of (mention_id, reason, score, data, article_id,
// outlet, url, published) into the reports of an event and the notes of
// their merging.
func Mentions(rows Rows) ([]sitrep.Mention, []sitrep.MergeNote, error) {
	var ms []sitrep.Mention
	var notes []sitrep.MergeNote
	for rows.Next() {
		var m sitrep.Mention
		var n sitrep.MergeNote
		var data []byte
		if err := rows.Scan(&m.ID, &n.Reason, &n.Score, &data, &m.Source.ArticleID, &m.Source.Outlet, &m.Source.URL, &m.Source.Published); err != nil {
			return nil, nil, err
		}
		if err := json.Unmarshal(data, &m.Event); err != nil {
			return nil, nil, fmt.Errorf("mention %s: %w", m.ID, err)
		}
		n.Mention = m.ID
		ms = append(ms, m)
		notes = append(notes, n)
	}
	return ms, notes, nil
}

// Overrides reads rows of (kind, partner, event), an analyst's decisions
// about one report in the order they were made, into the event of the
// first report it was merged with (by that report's id) and the events of
// those it was split from.
func Overrides(rows Rows) (together map[string]int64, apart map[int64]bool, err error) {
	for rows.Next() {
		var kind, partner string
		var event int64
		if err := rows.Scan(&kind, &partner, &event); err != nil {
			return nil, nil, err
		}
		if kind == "together" {
			if together == nil {
				together = map[string]int64{partner: event}
			}
		} else {
			if apart == nil {
				apart = map[int64]bool{}
			}
			apart[event] = true
		}
	}
	return together, apart, nil
}

// ScanSummary scans a row of (row id, article_id, outlet, url, published,
// title, ingested_at, mentions) and the extra columns after them.
func ScanSummary(row Row, rowid *int64, a *sitrep.ArticleSummary, extra ...any) error {
	return row.Scan(append([]any{rowid, &a.ID, &a.Outlet, &a.URL, &a.Published, &a.Title, &a.IngestedAt, &a.Mentions}, extra...)...)
}

// ArticlePage reads the rows of a page of up to limit articles, as
// ScanSummary reads them, with one more row when another page follows,
// and returns the page and the cursor of the next one.
func ArticlePage(rows Rows, limit int) ([]sitrep.ArticleSummary, string, error) {
	out := []sitrep.ArticleSummary{}
	var last []int64
	for rows.Next() {
		var a sitrep.ArticleSummary
		var rowid int64
		if err := ScanSummary(rows, &rowid, &a); err != nil {
			return nil, "", err
		}
		out = append(out, a)
		last = append(last, rowid)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = sitrep.PageCursor{ID: last[limit-1]}.String()
	}
	return out, next, nil
}

// ArticleMentions reads rows of (mention_id, event, reason, score, data)
// into the events found in an article; an empty list, not nil, when there
// are none.
func ArticleMentions(rows Rows) ([]sitrep.ArticleMention, error) {
	out := []sitrep.ArticleMention{}
	for rows.Next() {
		var m sitrep.ArticleMention
		var event int64
		var data []byte
		if err := rows.Scan(&m.ID, &event, &m.Reason, &m.Score, &data); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &m.Event); err != nil {
			return nil, fmt.Errorf("mention %s: %w", m.ID, err)
		}
		m.EventID = strconv.FormatInt(event, 10)
		out = append(out, m)
	}
	return out, nil
}
