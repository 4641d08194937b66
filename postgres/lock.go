package postgres

import (
	"context"
	"hash/fnv"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

// locks are the advisory locks a write transaction takes before it reads
// anything, by key, true for an exclusive lock and false for a shared one.
//
// Every writer holds the store lock: shared to ingest, exclusive to merge,
// split, change the policy or replace articles, which move reports across
// buckets. A report of a known country reads the events of its country and
// of no country: it locks those two buckets and holds its family shared. A
// report of no country reads the whole family: it holds the family
// exclusively. An article locks its text hash and URL, so that one of two
// writers storing the same article finds it stored.
//
// All locks are taken in one statement, in the order of their keys, which
// is the same for every transaction: two writers never wait on each other
// in a cycle.
type locks map[int64]bool

func lockKey(parts ...string) int64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return int64(h.Sum64())
}

// articleStripes bounds the number of article locks one transaction takes
// (PostgreSQL's lock table is sized by max_locks_per_transaction): articles
// whose hashes fall in one stripe are serialised, which costs little.
const articleStripes = 4096

var storeKey = lockKey("store")

func (l locks) add(key int64, exclusive bool) { l[key] = l[key] || exclusive }

// store locks the whole store, shared or exclusively.
func (l locks) store(exclusive bool) { l.add(storeKey, exclusive) }

// article locks an article's text hash and URL.
func (l locks) article(hash, url string) {
	stripe := func(kind, v string) int64 {
		return lockKey("article", kind, strconv.FormatUint(uint64(lockKey(v))%articleStripes, 10))
	}
	l.add(stripe("hash", hash), true)
	if url != "" {
		l.add(stripe("url", url), true)
	}
}

// report locks what merging a report of key reads.
func (l locks) report(key merge.Key) {
	family := lockKey("family", key.Scope, key.Family())
	if key.Country == "" {
		l.add(family, true)
		return
	}
	l.add(family, false)
	l.add(lockKey("bucket", key.Scope, key.Family(), key.Country), true)
	l.add(lockKey("bucket", key.Scope, key.Family(), ""), true)
}

// batch adds the locks of ingesting a batch.
func (l locks) batch(batch []sitrep.Extracted, opts sitrep.IngestOptions) {
	l.store(opts.Replace)
	for i := range batch {
		ex := &batch[i]
		l.article(sitrep.TextHash(ex.Article.Text), ex.Article.URL)
		for j := range ex.Doc.Events {
			l.report(merge.KeyOf(&ex.Doc.Events[j], sqlstore.Deref(ex.Doc.Published)))
		}
	}
}

// take acquires the locks in the order of their keys.
func (l locks) take(ctx context.Context, tx pgx.Tx) error {
	keys := make([]int64, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	exclusive := make([]bool, len(keys))
	for i, k := range keys {
		exclusive[i] = l[k]
	}
	// unnest yields the rows in array order, and each row's lock is taken
	// before the next row is read.
	_, err := tx.Exec(ctx, `SELECT CASE WHEN x THEN pg_advisory_xact_lock(k) ELSE pg_advisory_xact_lock_shared(k) END
		FROM unnest($1::bigint[], $2::boolean[]) AS l(k, x)`, keys, exclusive)
	return err
}
