package sitrep

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// EventPage is one page of the events a filter selects, in the order of
// EventBrowser.EventPage, with the cursor of the page that follows.
type EventPage struct {
	Events []*MergedEvent
	// Next is the opaque cursor of the next page; empty on the last page.
	Next string
}

// EventPoint is what a map needs of an event: where, when, what, how
// deadly. Only events with coordinates have points.
type EventPoint struct {
	ID       string  `json:"id"`
	Lon      float64 `json:"lon"`
	Lat      float64 `json:"lat"`
	Date     string  `json:"date"` // the start day, else the end; "" when unknown
	Type     string  `json:"type"` // ACLED event type, "" when ACLED codes none
	SubType  string  `json:"sub_type"`
	Plover   string  `json:"plover"`
	Cameo    string  `json:"cameo"`
	Killed   *int    `json:"killed"` // killed.low
	Disputed bool    `json:"disputed"`
	Place    string  `json:"place"`
	Country  string  `json:"country"`
}

// Series groupings and intervals.
const (
	ByNone    = ""
	ByCountry = "country"
	ByType    = "type"

	IntervalDay  = "day"
	IntervalWeek = "week"
	IntervalAll  = "all" // one total per group, undated events included
)

// SeriesPoint counts the events of one interval (and one group, when the
// series is grouped): how many, and how many killed (the sum of killed.low).
type SeriesPoint struct {
	Group  string `json:"group,omitempty"` // the country or ACLED type; "" for none
	Date   string `json:"date"`            // the interval's first day, YYYY-MM-DD (a Monday for weeks); "" for IntervalAll
	Events int    `json:"events"`
	Killed int    `json:"killed"`
}

// ArticleSummary is an article as a list shows it.
type ArticleSummary struct {
	ID         string  `json:"id"`
	Outlet     *string `json:"outlet"`
	URL        *string `json:"url"`
	Published  *string `json:"published"`
	Title      *string `json:"title"`
	Mentions   int     `json:"mentions"` // events found in it
	IngestedAt string  `json:"ingested_at"`
}

// ArticleMention is an event found in a stored article, with the merged
// event it belongs to.
type ArticleMention struct {
	ID      string  `json:"id"`       // the report's id, article/e1
	EventID string  `json:"event_id"` // the merged event
	Reason  string  `json:"reason"`   // why it was merged into that event
	Score   float64 `json:"score"`
	Event   Event   `json:"event"` // the report as extraction found it
}

// StoredArticle is an article as the store keeps it: its text, and what
// extraction found in it.
type StoredArticle struct {
	ArticleSummary
	Lang     *string          `json:"lang"`
	Text     string           `json:"text"`
	Warnings []string         `json:"warnings"`
	Places   []Place          `json:"places"`
	Events   []ArticleMention `json:"events"`
}

// EventBrowser is what a reader of the store needs beyond EventStore:
// pages of events, map points, counts over time, and the articles.
// sqlite.Store implements it.
type EventBrowser interface {
	// EventPage returns up to f.Limit events that f selects, by date then
	// id (newest first when newestFirst), after the page whose Next is
	// cursor ("" for the first page).
	EventPage(ctx context.Context, f EventFilter, cursor string, newestFirst bool) (EventPage, error)
	// EventPoints returns the points of up to f.Limit events that f
	// selects and that have coordinates, newest first.
	EventPoints(ctx context.Context, f EventFilter) ([]EventPoint, error)
	// Series counts the events f selects by interval (IntervalDay,
	// IntervalWeek, or IntervalAll for one total) and, unless by is ByNone,
	// by country or type, in date order. Events without a date are counted
	// only in IntervalAll.
	Series(ctx context.Context, f EventFilter, by, interval string) ([]SeriesPoint, error)
	// Article returns a stored article by id; an error with code ENotFound
	// when there is none.
	Article(ctx context.Context, id string) (*StoredArticle, error)
	// Articles returns up to limit articles, most recently ingested first,
	// after the page whose cursor is given, and the next cursor.
	Articles(ctx context.Context, cursor string, limit int) ([]ArticleSummary, string, error)
}

// ParseBBox reads a bounding box written MINLON,MINLAT,MAXLON,MAXLAT.
func ParseBBox(s string) (*BBox, error) {
	parts := strings.Split(s, ",")
	var v [4]float64
	ok := len(parts) == 4
	for i := 0; ok && i < 4; i++ {
		var err error
		v[i], err = strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
		ok = err == nil
	}
	if !ok || v[0] > v[2] || v[1] > v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 {
		return nil, Errorf(EInvalid, "bbox %q: want MINLON,MINLAT,MAXLON,MAXLAT in degrees", s)
	}
	return &BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}, nil
}

// Validate returns an error with code EInvalid when a field of f cannot
// select anything meaningful: a date that is not YYYY-MM-DD, an unknown
// scope, a negative figure or limit.
func (f EventFilter) Validate() error {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if _, err := time.Parse(time.DateOnly, d.v); d.v != "" && err != nil {
			return Errorf(EInvalid, "%s %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Scope != "" && f.Scope != ScopeIncident && f.Scope != ScopeAggregate {
		return Errorf(EInvalid, "scope %q: want incident or aggregate", f.Scope)
	}
	if f.MinKilled < 0 {
		return Errorf(EInvalid, "min_killed %d: want 0 or more", f.MinKilled)
	}
	if f.Limit < 0 {
		return Errorf(EInvalid, "limit %d: want 0 or more", f.Limit)
	}
	return nil
}

// PageCursor is a position in a listing of events or articles: the sort key
// and id of the last row of a page. Its String form is what clients pass
// back as the cursor of the next page; every store reads the same form.
type PageCursor struct {
	Key string
	ID  int64
}

func (c PageCursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.Key + "|" + strconv.FormatInt(c.ID, 10)))
}

// ParsePageCursor reads a cursor a client passed back: nil for none, an
// EInvalid error for one no page gave.
func ParsePageCursor(s string) (*PageCursor, error) {
	if s == "" {
		return nil, nil
	}
	bad := Errorf(EInvalid, "bad cursor %q: pass the next_cursor of a previous page", s)
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	key, id, ok := strings.Cut(string(raw), "|")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || n < 0 || len(key) > 10 {
		return nil, bad
	}
	return &PageCursor{Key: key, ID: n}, nil
}
