package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

// txn is one write transaction with its prepared statements.
type txn struct {
	ctx    context.Context
	tx     *sql.Tx
	stmts  map[string]*sql.Stmt
	policy merge.Policy
	now    string
	index  *eventIndex
	// noOverrides is set once the transaction has found the overrides
	// table empty, which spares a query per report.
	noOverrides bool
}

func (s *Store) begin(ctx context.Context, f func(t *txn) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		t := &txn{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, policy: s.policy, now: time.Now().UTC().Format(time.RFC3339), index: s.index}
		defer func() {
			for _, st := range t.stmts {
				st.Close()
			}
		}()
		err := f(t)
		if err != nil {
			s.index.reset()
		}
		return err
	})
}

func (t *txn) stmt(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = st
	return st, nil
}

func (t *txn) exec(q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

func (t *txn) insert(q string, args ...any) (int64, error) {
	res, err := t.exec(q, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (t *txn) query(q string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(t.ctx, args...)
}

func (t *txn) row(q string, args ...any) *sql.Row {
	st, err := t.stmt(q)
	if err != nil {
		return t.tx.QueryRowContext(t.ctx, q, args...) // reports err on Scan
	}
	return st.QueryRowContext(t.ctx, args...)
}

// Ingest stores a batch of extracted articles in one transaction and merges
// their events. An article whose text hash or URL is stored already is
// skipped, unless opts.Replace, which stores it again in place of the old.
func (s *Store) Ingest(ctx context.Context, batch []sitrep.Extracted, opts sitrep.IngestOptions) (sitrep.IngestResult, error) {
	var res sitrep.IngestResult
	err := s.begin(ctx, func(t *txn) (err error) {
		res, err = sqlstore.Batch(batch, func(ex *sitrep.Extracted, r *sitrep.IngestResult) error {
			return t.article(ex, opts, r)
		})
		return err
	})
	if err != nil {
		return sitrep.IngestResult{}, err
	}
	return res, nil
}

func (t *txn) article(ex *sitrep.Extracted, opts sitrep.IngestOptions, res *sitrep.IngestResult) error {
	art, doc := &ex.Article, &ex.Doc
	hash := sitrep.TextHash(art.Text)
	var old int64
	err := t.row(`SELECT id FROM articles WHERE hash = ? OR (? <> '' AND url = ?) LIMIT 1`, hash, art.URL, art.URL).Scan(&old)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	case !opts.Replace:
		res.Duplicates++
		return nil
	default:
		if err := t.removeArticle(old); err != nil {
			return err
		}
	}
	id := doc.ID
	if id == "" {
		id = art.ID
	}
	if opts.Replace {
		// The same id given again names the same article.
		var same int64
		if err := t.row(`SELECT id FROM articles WHERE article_id = ?`, id).Scan(&same); err == nil {
			if err := t.removeArticle(same); err != nil {
				return err
			}
		}
	}
	id, err = t.uniqueID(id, hash)
	if err != nil {
		return err
	}
	warnings, _ := json.Marshal(sqlstore.NonNil(doc.Warnings))
	rowid, err := t.insert(`INSERT INTO articles (article_id, hash, url, outlet, published, title, lang, source, text, warnings, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, hash, sqlstore.Nullable(art.URL), doc.Outlet, doc.Published, sqlstore.Nullable(art.Title), sqlstore.Nullable(art.Lang), art.Source, art.Text, string(warnings), t.now)
	if err != nil {
		return err
	}
	if _, err := t.exec(`INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, rowid, art.Title, art.Text); err != nil {
		return err
	}
	for i := range doc.Places {
		p := &doc.Places[i]
		if _, err := t.exec(`INSERT INTO places (article, text, start, end, name, country, admin1, kind, lat, lon, geonameid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			rowid, p.Text, p.Start, p.End, p.Name, p.Country, p.Admin1, p.Kind, p.Lat, p.Lon, p.GeonameID); err != nil {
			return err
		}
	}
	res.Articles++
	return sqlstore.Reports(doc, id, res, func(m *sitrep.Mention, taken map[int64]bool) (bool, error) {
		return t.mention(rowid, m, taken)
	})
}

// uniqueID returns id, or when another article holds it, id with a part of
// the text hash appended.
func (t *txn) uniqueID(id, hash string) (string, error) {
	for n := 0; ; n++ {
		try := id
		if n > 0 {
			try = id + "~" + hash[:min(len(hash), 4+2*n)]
		}
		var x int64
		err := t.row(`SELECT id FROM articles WHERE article_id = ?`, try).Scan(&x)
		if errors.Is(err, sql.ErrNoRows) {
			return try, nil
		}
		if err != nil {
			return "", err
		}
	}
}

// mention stores one report and merges it into an event, a new one when no
// stored event matches. taken holds the events other reports of the same
// article are in, which it may not join; it gains the event chosen. merged
// is false for a new event.
func (t *txn) mention(article int64, m *sitrep.Mention, taken map[int64]bool) (merged bool, err error) {
	key := merge.KeyOf(&m.Event, sqlstore.Deref(m.Source.Published))
	event, note, err := sqlstore.Match(t, m, key, taken)
	if err != nil {
		return false, err
	}
	fresh := event == 0
	if fresh {
		note = sitrep.MergeNote{Mention: m.ID, Reason: "first report", Score: 1}
		if event, err = t.newEvent(key.Scope, key.Family()); err != nil {
			return false, err
		}
	}
	taken[event] = true
	data, err := json.Marshal(m.Event)
	if err != nil {
		return false, err
	}
	mid, err := t.insert(`INSERT INTO mentions (mention_id, article, event, reason, score, data) VALUES (?, ?, ?, ?, ?, ?)`,
		m.ID, article, event, note.Reason, note.Score, string(data))
	if err != nil {
		return false, err
	}
	if err := t.details(mid, &m.Event); err != nil {
		return false, err
	}
	if fresh {
		// A new event of one report needs no reading back.
		ev := merge.Reconcile(strconv.FormatInt(event, 10), []sitrep.Mention{*m}, []sitrep.MergeNote{note}, t.policy)
		return false, t.saveEvent(event, ev, 1)
	}
	return true, t.Reconcile(event)
}

// newEvent inserts an empty event row, filled in by saveEvent.
func (t *txn) newEvent(scope, family string) (int64, error) {
	return t.insert(`INSERT INTO events (scope, family, country, win_from, win_to, disputed, mentions, sources, match_key, data, updated_at)
		VALUES (?, ?, '', '', '', 0, 0, 0, '{}', '{}', ?)`, scope, family, t.now)
}

// details stores the claims and actors of a mention, for queries.
func (t *txn) details(mention int64, e *sitrep.Event) error {
	for i := range e.Claims {
		c := &e.Claims[i]
		var who, country *string
		if c.Claimant != nil {
			who, country = &c.Claimant.Name, &c.Claimant.Country
			if err := t.actor(mention, "claimant", c.Claimant); err != nil {
				return err
			}
		}
		kl, kb, kh := sqlstore.CountCols(c.Killed)
		il, ib, ih := sqlstore.CountCols(c.Injured)
		if _, err := t.exec(`INSERT INTO claims (mention, claimant, claimant_country, stance, cue, start, end, killed_low, killed_best, killed_high, injured_low, injured_best, injured_high)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, mention, who, country, c.Stance, c.Cue, c.Start, c.End, kl, kb, kh, il, ib, ih); err != nil {
			return err
		}
	}
	if e.Actor1 != nil {
		if err := t.actor(mention, "actor1", e.Actor1); err != nil {
			return err
		}
	}
	if e.Actor2 != nil {
		return t.actor(mention, "actor2", e.Actor2)
	}
	return nil
}

func (t *txn) actor(mention int64, role string, a *sitrep.Actor) error {
	_, err := t.exec(`INSERT INTO actors (mention, role, text, name, acled_name, kind, country, sector, inter, cameo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		mention, role, a.Text, a.Name, a.ACLEDName, a.Kind, a.Country, a.Sector, a.Inter, a.Cameo)
	return err
}

// Candidates calls consider with the events a report of key may join,
// from the buckets of the index.
func (t *txn) Candidates(key merge.Key, skip func(id int64) bool, consider func(id int64, ek merge.Key)) error {
	from, to := key.Reach()
	sets, err := t.candidates(key)
	if err != nil {
		return err
	}
	for _, set := range sets {
		for id := range set {
			ek := t.index.keys[id]
			if skip(id) || ek.From == "" || ek.To < from || ek.From > to {
				continue
			}
			consider(id, ek)
		}
	}
	return nil
}

// Overrides returns, for a mention, the events holding the mentions an
// analyst merged it with (by partner) and those holding mentions an analyst
// split it from.
func (t *txn) Overrides(mention string) (together map[string]int64, apart map[int64]bool, err error) {
	if t.noOverrides {
		return nil, nil, nil
	}
	var any bool
	if err := t.row(`SELECT EXISTS (SELECT 1 FROM overrides)`).Scan(&any); err != nil {
		return nil, nil, err
	}
	if !any {
		t.noOverrides = true
		return nil, nil, nil
	}
	rows, err := t.query(`SELECT o.kind, m.mention_id, m.event FROM overrides o
		JOIN mentions m ON m.mention_id = CASE WHEN o.a = ? THEN o.b ELSE o.a END
		WHERE o.a = ? OR o.b = ? ORDER BY o.id`, mention, mention, mention)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	if together, apart, err = sqlstore.Overrides(rows); err != nil {
		return nil, nil, err
	}
	return together, apart, rows.Err()
}

// Reconcile rebuilds an event from its mentions; an event left without
// mentions is deleted.
func (t *txn) Reconcile(event int64) error {
	ms, notes, err := t.mentions(event)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		t.index.remove(event)
		if _, err := t.exec(`DELETE FROM events_rtree WHERE id = ?`, event); err != nil {
			return err
		}
		_, err := t.exec(`DELETE FROM events WHERE id = ?`, event)
		return err
	}
	ev := merge.Reconcile(strconv.FormatInt(event, 10), ms, notes, t.policy)
	return t.saveEvent(event, ev, len(ms))
}

// mentions loads the reports of an event in merge order.
func (t *txn) mentions(event int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
	rows, err := t.query(mentionsQuery+` WHERE m.event = ? ORDER BY m.id`, event)
	if err != nil {
		return nil, nil, err
	}
	return scanMentions(rows)
}

const mentionsQuery = `SELECT m.mention_id, m.reason, m.score, m.data, a.article_id, a.outlet, a.url, a.published
	FROM mentions m JOIN articles a ON a.id = m.article`

// scanMentions reads the reports of an event and closes the rows.
func scanMentions(rows *sql.Rows) ([]sitrep.Mention, []sitrep.MergeNote, error) {
	defer rows.Close()
	ms, notes, err := sqlstore.Mentions(rows)
	if err != nil {
		return nil, nil, err
	}
	return ms, notes, rows.Err()
}

// saveEvent writes a reconciled event into its row and the R*Tree.
func (t *txn) saveEvent(id int64, ev *sitrep.MergedEvent, mentions int) error {
	r, err := sqlstore.RowOf(ev)
	if err != nil {
		return err
	}
	t.index.put(id, r.Key)
	if _, err := t.exec(`UPDATE events SET scope = ?, family = ?, event_type = ?, sub_event_type = ?, cameo = ?, plover = ?,
		country = ?, admin1 = ?, location = ?, lat = ?, lon = ?, date_start = ?, date_end = ?, win_from = ?, win_to = ?,
		killed_low = ?, disputed = ?, mentions = ?, sources = ?, match_key = ?, data = ?, updated_at = ? WHERE id = ?`,
		ev.Scope, r.Key.Family(), ev.ACLEDEventType, ev.ACLEDSubEventType, ev.Cameo, ev.Plover,
		r.Country, r.Admin1, r.Location, r.Lat, r.Lon, ev.Date.Start, ev.Date.End, r.Key.From, r.Key.To,
		r.Killed, ev.Disputed, mentions, len(ev.Sources), r.MatchKey, r.Data, t.now, id); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM events_rtree WHERE id = ?`, id); err != nil {
		return err
	}
	if r.Lat != nil && r.Lon != nil {
		_, err = t.exec(`INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)`, id, *r.Lon, *r.Lon, *r.Lat, *r.Lat)
	}
	return err
}

// removeArticle takes a stored article out of the store: its mentions leave
// their events, which are reconciled without them.
func (t *txn) removeArticle(article int64) error {
	events, err := column[int64](t.query(`SELECT DISTINCT event FROM mentions WHERE article = ?`, article))
	if err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM mentions WHERE article = ?`, article); err != nil {
		return err
	}
	if _, err := t.exec(`INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', id, coalesce(title, ''), text FROM articles WHERE id = ?`, article); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM articles WHERE id = ?`, article); err != nil {
		return err
	}
	for _, e := range events {
		if err := t.Reconcile(e); err != nil {
			return err
		}
	}
	return nil
}
