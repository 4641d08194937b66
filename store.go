package sitrep

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
)

// Mention is one article's report of an event: the Event as extraction found
// it in that article, with the article it came from. Mentions are what the
// store merges into events.
type Mention struct {
	// ID names the report: the article's id, a slash and the event's id
	// within the article ("ganja-2020-10-17/e1").
	ID     string `json:"id"`
	Source Source `json:"source"`
	Event  Event  `json:"event"`
}

// MentionID returns the id of event eventID of article articleID.
func MentionID(articleID, eventID string) string { return articleID + "/" + eventID }

// Source is an article that reported an event.
type Source struct {
	ArticleID string  `json:"article_id"`
	Outlet    *string `json:"outlet"`
	URL       *string `json:"url"`
	Published *string `json:"published"` // YYYY-MM-DD
}

// MergeNote says why a report is part of a merged event: the first report
// founds the event, every later one joins it with the reasons and the score
// of the match, or by an analyst's override.
type MergeNote struct {
	Mention string  `json:"mention"`
	Reason  string  `json:"reason"`
	Score   float64 `json:"score"`
}

// SourcedClaim is a claim of a merged event with the article that carries
// it.
type SourcedClaim struct {
	Claim
	ArticleID string  `json:"article_id"`
	Outlet    *string `json:"outlet"`
}

// MergedEvent is one real-world event with every report of it merged: the
// Event fields reconciled over all reports, the claims of every report, the
// articles that reported it and why each report was merged.
//
// Its Claims field stands in for Event.Claims, which stays empty.
type MergedEvent struct {
	Event
	Claims  []SourcedClaim `json:"claims"`
	Sources []Source       `json:"sources"`
	Merge   []MergeNote    `json:"merge"`
	// Policy is the reconciliation policy the figures were computed under.
	Policy string `json:"policy"`
}

// Extracted is an article with what extraction found in it: the unit the
// store ingests.
type Extracted struct {
	Article Article
	Doc     Document
}

// IngestOptions change how a batch is stored.
type IngestOptions struct {
	// Replace re-stores articles already in the store (same text hash, URL
	// or id) instead of skipping them: their reports are taken out of their
	// events and merged again. Analysts' merges and splits still hold.
	Replace bool
}

// IngestResult counts what one Ingest call did.
type IngestResult struct {
	Articles   int // articles stored
	Duplicates int // articles skipped: already stored (same text hash or URL)
	Mentions   int // events of the stored articles
	NewEvents  int // mentions that founded a new event
	Merged     int // mentions merged into an existing event
}

// Add adds the counts of o to r.
func (r *IngestResult) Add(o IngestResult) {
	r.Articles += o.Articles
	r.Duplicates += o.Duplicates
	r.Mentions += o.Mentions
	r.NewEvents += o.NewEvents
	r.Merged += o.Merged
}

// BBox is a bounding box in degrees.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// EventFilter selects merged events. Zero fields select everything.
type EventFilter struct {
	IDs     []string
	Country string // ISO alpha-3 of the event's place
	Admin1  string // first-order division, as the gazetteer names it
	// From and To (YYYY-MM-DD) keep the events whose date range overlaps
	// [From, To].
	From, To string
	// Type matches an ACLED event or sub-event type, a CAMEO code prefix or
	// a PLOVER type, case-insensitively.
	Type string
	// Actor matches part of an actor's name, text or CAMEO code,
	// case-insensitively.
	Actor     string
	Disputed  *bool
	MinKilled int    // killed.low at least this
	Scope     string // incident or aggregate
	// Text is a full-text query (SQLite FTS5 syntax) over the articles that
	// reported the event.
	Text string
	BBox *BBox
	// Policy, when set, reconciles the figures under this policy instead of
	// the store's.
	Policy string
	Limit  int
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Articles, Mentions, Events, Overrides int
	Policy                                string
}

// EventStore keeps articles, their reports of events, and the merged events.
// sqlite.Store implements it; another engine can.
type EventStore interface {
	// Known reports whether an article with this text hash (see TextHash)
	// or this URL is stored.
	Known(ctx context.Context, hash, url string) (bool, error)
	// Ingest stores a batch of extracted articles in one transaction and
	// merges each of their events into the stored events. Articles already
	// stored are skipped unless opts.Replace.
	Ingest(ctx context.Context, batch []Extracted, opts IngestOptions) (IngestResult, error)
	// Events returns the merged events that f selects, by date then id.
	Events(ctx context.Context, f EventFilter) ([]*MergedEvent, error)
	// Event returns one merged event; an error with code ENotFound when
	// there is none.
	Event(ctx context.Context, id string) (*MergedEvent, error)
	// Mentions returns the reports merged into an event, in merge order.
	Mentions(ctx context.Context, id string) ([]Mention, error)
	// Merge moves every report of the events others into the event into,
	// and remembers it so that re-ingesting keeps them together.
	Merge(ctx context.Context, into string, others ...string) (*MergedEvent, error)
	// Split takes the given reports out of an event into a new event of
	// their own, and remembers it so that re-ingesting keeps them apart.
	Split(ctx context.Context, event string, mentions ...string) (*MergedEvent, error)
	// SetPolicy reconciles every event under a new policy.
	SetPolicy(ctx context.Context, policy string) error
	Stats(ctx context.Context) (StoreStats, error)
	Close() error
}

// TextHash returns the hash by which a store knows an article's text: the
// hex SHA-256 of the text as read.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
