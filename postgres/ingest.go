package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

// txn is one write transaction. Its writes are queued and sent to the
// server together with its next read, which sees them: a report costs one
// round trip to find the events it may join, not one per statement.
type txn struct {
	ctx     context.Context
	tx      pgx.Tx
	policy  merge.Policy
	now     time.Time
	postgis bool
	pending *pgx.Batch
	keys    *keyCache
	// ids are allocated ahead, by table, for rows inserted without
	// waiting for the server to number them.
	ids map[string][]int64
	// noOverrides is set once the transaction has found the overrides
	// table empty, which spares a query per report.
	noOverrides bool
}

// maxAttempts is how many times a write transaction is tried when
// PostgreSQL aborts it for a reason that another try can get past.
const maxAttempts = 5

// write runs f in a READ COMMITTED transaction that first takes the locks
// l and reads the store's policy; f runs again from the start when the
// transaction is aborted by a deadlock, a serialisation failure or a unique
// key another writer took first, and must be ready for that.
func (s *Store) write(ctx context.Context, l locks, f func(t *txn) error) error {
	for attempt := 1; ; attempt++ {
		err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(tx pgx.Tx) error {
			if err := l.take(ctx, tx); err != nil {
				return err
			}
			p, err := policy(ctx, tx)
			if err != nil {
				return err
			}
			t := &txn{ctx: ctx, tx: tx, policy: p, now: time.Now().UTC(), postgis: s.postgis, pending: &pgx.Batch{}, keys: s.keys, ids: map[string][]int64{}}
			if err := f(t); err != nil {
				return err
			}
			return t.flush()
		})
		if err == nil || attempt == maxAttempts || !retryable(err) || ctx.Err() != nil {
			return err
		}
		time.Sleep(time.Duration(attempt*attempt) * time.Duration(10+rand.IntN(20)) * time.Millisecond)
	}
}

// retryable reports whether a transaction that failed with err may succeed
// when tried again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505": // serialization_failure, deadlock_detected, unique_violation
		return true
	}
	return false
}

// exec queues a write; an error it meets is returned by the next read or
// flush.
func (t *txn) exec(q string, args ...any) error {
	t.pending.Queue(q, args...)
	return nil
}

// flush sends the queued writes.
func (t *txn) flush() error {
	if t.pending.Len() == 0 {
		return nil
	}
	b := t.pending
	t.pending = &pgx.Batch{}
	return t.tx.SendBatch(t.ctx, b).Close()
}

// query sends the queued writes and a query, whose rows f reads.
func (t *txn) query(f func(pgx.Rows) error, q string, args ...any) error {
	t.pending.Queue(q, args...).Query(func(rows pgx.Rows) error {
		defer rows.Close()
		if err := f(rows); err != nil {
			return err
		}
		return rows.Err()
	})
	return t.flush()
}

// row sends the queued writes and a query of one row, scanned into dest;
// pgx.ErrNoRows when there is none.
func (t *txn) row(q string, args []any, dest ...any) error {
	var err error
	t.pending.Queue(q, args...).QueryRow(func(row pgx.Row) error {
		err = row.Scan(dest...)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // told apart below, not an error of the batch
		}
		return err
	})
	if ferr := t.flush(); ferr != nil {
		return ferr
	}
	return err
}

// id runs a statement that returns one id.
func (t *txn) id(q string, args ...any) (int64, error) {
	var id int64
	err := t.row(q, args, &id)
	return id, err
}

// allocate takes ids of the tables' sequences, n by table, for rows to
// insert later.
func (t *txn) allocate(n map[string]int) error {
	var parts []string
	var args []any
	for table, k := range n {
		if k > 0 {
			args = append(args, table, k)
			parts = append(parts, fmt.Sprintf(`SELECT $%d::text, nextval(pg_get_serial_sequence($%d, 'id')) FROM generate_series(1, $%d::int)`, len(args)-1, len(args)-1, len(args)))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return t.query(func(rows pgx.Rows) error {
		for rows.Next() {
			var table string
			var id int64
			if err := rows.Scan(&table, &id); err != nil {
				return err
			}
			t.ids[table] = append(t.ids[table], id)
		}
		return nil
	}, strings.Join(parts, " UNION ALL ")+" ORDER BY 2", args...)
}

// nextID returns an id allocated for table, or asks the server for one.
func (t *txn) nextID(table string) (int64, error) {
	if ids := t.ids[table]; len(ids) > 0 {
		t.ids[table] = ids[1:]
		return ids[0], nil
	}
	return t.id(`SELECT nextval(pg_get_serial_sequence($1, 'id'))`, table)
}

// Ingest stores a batch of extracted articles in one transaction and merges
// their events. An article whose text hash or URL is stored already is
// skipped, unless opts.Replace, which stores it again in place of the old.
func (s *Store) Ingest(ctx context.Context, batch []sitrep.Extracted, opts sitrep.IngestOptions) (sitrep.IngestResult, error) {
	var res sitrep.IngestResult
	l := locks{}
	l.batch(batch, opts)
	reports := 0
	for i := range batch {
		reports += len(batch[i].Doc.Events)
	}
	err := s.write(ctx, l, func(t *txn) (err error) {
		if err := t.allocate(map[string]int{"articles": len(batch), "mentions": reports, "events": reports}); err != nil {
			return err
		}
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
	id := doc.ID
	if id == "" {
		id = art.ID
	}
	var old *int64
	var taken bool
	if err := t.row(`SELECT (SELECT id FROM articles WHERE hash = $1 UNION ALL SELECT id FROM articles WHERE url = $2 AND $2 <> '' LIMIT 1),
		EXISTS (SELECT 1 FROM articles WHERE article_id = $3)`, []any{hash, art.URL, id}, &old, &taken); err != nil {
		return err
	}
	if old != nil {
		if !opts.Replace {
			res.Duplicates++
			return nil
		}
		if err := t.removeArticle(*old); err != nil {
			return err
		}
	}
	if opts.Replace && taken {
		// The same id given again names the same article.
		var same int64
		if err := t.row(`SELECT id FROM articles WHERE article_id = $1`, []any{id}, &same); err == nil {
			if err := t.removeArticle(same); err != nil {
				return err
			}
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		taken = false
	}
	// The input's id, or when another article holds it, the id with a
	// part of the text hash appended.
	for n := 1; taken; n++ {
		try := id + "~" + hash[:min(len(hash), 4+2*n)]
		if err := t.row(`SELECT EXISTS (SELECT 1 FROM articles WHERE article_id = $1)`, []any{try}, &taken); err != nil {
			return err
		}
		if !taken {
			id = try
		}
	}
	rowid, err := t.nextID("articles")
	if err != nil {
		return err
	}
	warnings, _ := json.Marshal(sqlstore.NonNil(doc.Warnings))
	t.exec(`INSERT INTO articles (id, article_id, hash, url, outlet, published, title, lang, source, text, warnings, ingested_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		rowid, id, hash, sqlstore.Nullable(art.URL), doc.Outlet, doc.Published, sqlstore.Nullable(art.Title), sqlstore.Nullable(art.Lang), art.Source, art.Text, string(warnings), t.now)
	for i := range doc.Places {
		p := &doc.Places[i]
		t.exec(`INSERT INTO places (article, text, start, "end", name, country, admin1, kind, lat, lon, geonameid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			rowid, p.Text, p.Start, p.End, p.Name, p.Country, p.Admin1, p.Kind, p.Lat, p.Lon, p.GeonameID)
	}
	res.Articles++
	return sqlstore.Reports(doc, id, res, func(m *sitrep.Mention, taken map[int64]bool) (bool, error) {
		return t.mention(rowid, m, taken)
	})
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
		if event, err = t.nextID("events"); err != nil {
			return false, err
		}
	}
	taken[event] = true
	data, err := json.Marshal(m.Event)
	if err != nil {
		return false, err
	}
	mid, err := t.nextID("mentions")
	if err != nil {
		return false, err
	}
	if fresh {
		// The event's row goes in first: the mention refers to it. A new
		// event of one report needs no reading back.
		ev := merge.Reconcile(strconv.FormatInt(event, 10), []sitrep.Mention{*m}, []sitrep.MergeNote{note}, t.policy)
		if err := t.saveEvent(event, ev, 1, true); err != nil {
			return false, err
		}
	}
	t.exec(`INSERT INTO mentions (id, mention_id, article, event, reason, score, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		mid, m.ID, article, event, note.Reason, note.Score, string(data))
	t.queueDetails(mid, &m.Event)
	if fresh {
		return false, nil
	}
	return true, t.Reconcile(event)
}

// newEvent inserts an empty event row, filled in by saveEvent.
func (t *txn) newEvent(scope, family string) (int64, error) {
	return t.id(`INSERT INTO events (scope, family, country, win_from, win_to, disputed, mentions, sources, match_key, data, updated_at)
		VALUES ($1, $2, '', '', '', false, 0, 0, '{}', '{}', $3) RETURNING id`, scope, family, t.now)
}

// queueDetails queues the inserts of the claims and actors of a mention,
// which are kept for queries.
func (t *txn) queueDetails(mention int64, e *sitrep.Event) {
	for i := range e.Claims {
		c := &e.Claims[i]
		var who, country *string
		if c.Claimant != nil {
			who, country = &c.Claimant.Name, &c.Claimant.Country
			t.queueActor(mention, "claimant", c.Claimant)
		}
		kl, kb, kh := sqlstore.CountCols(c.Killed)
		il, ib, ih := sqlstore.CountCols(c.Injured)
		t.exec(`INSERT INTO claims (mention, claimant, claimant_country, stance, cue, start, "end", killed_low, killed_best, killed_high, injured_low, injured_best, injured_high)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, mention, who, country, c.Stance, c.Cue, c.Start, c.End, kl, kb, kh, il, ib, ih)
	}
	if e.Actor1 != nil {
		t.queueActor(mention, "actor1", e.Actor1)
	}
	if e.Actor2 != nil {
		t.queueActor(mention, "actor2", e.Actor2)
	}
}

func (t *txn) queueActor(mention int64, role string, a *sitrep.Actor) {
	t.exec(`INSERT INTO actors (mention, role, text, name, acled_name, kind, country, sector, inter, cameo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		mention, role, a.Text, a.Name, a.ACLEDName, a.Kind, a.Country, a.Sector, a.Inter, a.Cameo)
}

// Candidates calls consider with the events a report of key may join.
// They are read from the database, under the locks of the report's
// buckets: what another writer merged is seen.
func (t *txn) Candidates(key merge.Key, skip func(id int64) bool, consider func(id int64, ek merge.Key)) error {
	q := `SELECT id, version, match_key FROM events WHERE scope = $1 AND family = $2 AND (country = $3 OR country = '')
		AND win_from <> '' AND win_to >= $4 AND win_from <= $5`
	from, to := key.Reach()
	args := []any{key.Scope, key.Family(), key.Country, from, to}
	if key.Country == "" {
		q = `SELECT id, version, match_key FROM events WHERE scope = $1 AND family = $2 AND $3 = ''
			AND win_from <> '' AND win_to >= $4 AND win_from <= $5`
	}
	return t.query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id, version int64
			var raw []byte
			if err := rows.Scan(&id, &version, &raw); err != nil {
				return err
			}
			if skip(id) {
				continue
			}
			ek, err := t.keys.get(id, version, raw)
			if err != nil {
				return fmt.Errorf("event %d: match key: %w", id, err)
			}
			consider(id, ek)
		}
		return nil
	}, q, args...)
}

// Overrides returns, for a mention, the events holding the mentions an
// analyst merged it with (by partner) and those holding mentions an analyst
// split it from.
func (t *txn) Overrides(mention string) (together map[string]int64, apart map[int64]bool, err error) {
	if t.noOverrides {
		return nil, nil, nil
	}
	var any bool
	if err := t.row(`SELECT EXISTS (SELECT 1 FROM overrides)`, nil, &any); err != nil {
		return nil, nil, err
	}
	if !any {
		t.noOverrides = true
		return nil, nil, nil
	}
	err = t.query(func(rows pgx.Rows) (err error) {
		together, apart, err = sqlstore.Overrides(rows)
		return err
	}, `SELECT o.kind, m.mention_id, m.event FROM overrides o
		JOIN mentions m ON m.mention_id = CASE WHEN o.a = $1 THEN o.b ELSE o.a END
		WHERE o.a = $1 OR o.b = $1 ORDER BY o.id`, mention)
	return together, apart, err
}

// Reconcile rebuilds an event from its mentions; an event left without
// mentions is deleted.
func (t *txn) Reconcile(event int64) error {
	var ms []sitrep.Mention
	var notes []sitrep.MergeNote
	err := t.query(func(rows pgx.Rows) (err error) {
		ms, notes, err = sqlstore.Mentions(rows)
		return err
	}, mentionsQuery, event)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return t.exec(`DELETE FROM events WHERE id = $1`, event)
	}
	ev := merge.Reconcile(strconv.FormatInt(event, 10), ms, notes, t.policy)
	return t.saveEvent(event, ev, len(ms), false)
}

const mentionsQuery = `SELECT m.mention_id, m.reason, m.score, m.data, a.article_id, a.outlet, a.url, a.published
	FROM mentions m JOIN articles a ON a.id = m.article WHERE m.event = $1 ORDER BY m.id`

// readMentions loads the reports of an event in merge order.
func readMentions(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, event int64) ([]sitrep.Mention, []sitrep.MergeNote, error) {
	rows, err := q.Query(ctx, mentionsQuery, event)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	ms, notes, err := sqlstore.Mentions(rows)
	if err != nil {
		return nil, nil, err
	}
	return ms, notes, rows.Err()
}

// eventColumns are the columns saveEvent writes, $2 on; $1 is the id.
const eventColumns = `scope, family, event_type, sub_event_type, cameo, plover, country, admin1, location, lat, lon, pt,
	date_start, date_end, win_from, win_to, killed_low, disputed, mentions, sources, match_key, data, updated_at`

const eventValues = `$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
	CASE WHEN $11::float8 IS NULL OR $12::float8 IS NULL THEN NULL ELSE point($12::float8, $11::float8) END,
	$13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23`

const geomValue = `CASE WHEN $11::float8 IS NULL OR $12::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($12::float8, $11::float8), 4326) END`

// saveEvent writes a reconciled event: a new row when fresh, else into its
// row.
func (t *txn) saveEvent(id int64, ev *sitrep.MergedEvent, mentions int, fresh bool) error {
	r, err := sqlstore.RowOf(ev)
	if err != nil {
		return err
	}
	cols, vals := eventColumns, eventValues
	if t.postgis {
		cols, vals = cols+", geom", vals+", "+geomValue
	}
	q := `INSERT INTO events (id, ` + cols + `) VALUES ($1, ` + vals + `)`
	if !fresh {
		q = `UPDATE events SET (` + cols + `, version) = ROW(` + vals + `, nextval('event_versions')) WHERE id = $1`
	}
	return t.exec(q,
		id, ev.Scope, r.Key.Family(), ev.ACLEDEventType, ev.ACLEDSubEventType, ev.Cameo, ev.Plover,
		r.Country, r.Admin1, r.Location, r.Lat, r.Lon, ev.Date.Start, ev.Date.End, r.Key.From, r.Key.To,
		r.Killed, ev.Disputed, mentions, len(ev.Sources), r.MatchKey, r.Data, t.now)
}

// removeArticle takes a stored article out of the store: its mentions leave
// their events, which are reconciled without them.
func (t *txn) removeArticle(article int64) error {
	var events []int64
	err := t.query(func(rows pgx.Rows) (err error) {
		events, err = pgx.CollectRows(rows, pgx.RowTo[int64])
		return err
	}, `SELECT DISTINCT event FROM mentions WHERE article = $1`, article)
	if err != nil {
		return err
	}
	if err := t.exec(`DELETE FROM mentions WHERE article = $1`, article); err != nil {
		return err
	}
	if err := t.exec(`DELETE FROM articles WHERE id = $1`, article); err != nil {
		return err
	}
	for _, e := range events {
		if err := t.Reconcile(e); err != nil {
			return err
		}
	}
	return nil
}
