// Package postgres is sitrep's event store in a PostgreSQL database, for a
// team that shares one store among several analysts and ingests from many
// processes at once (see docs/scaling.md). It keeps the same things as the
// SQLite store: articles with full-text search (a tsvector with a GIN
// index), the events extracted from each article (mentions), the merged
// events with a spatial index (PostGIS when the server has it, else a GiST
// index on a plain point), claims, actors, places and the analysts'
// overrides.
//
// Writers in any number of processes may ingest at once. Each write
// transaction runs at READ COMMITTED and first takes, in one fixed order,
// transaction-scoped advisory locks on what it will read to decide a merge:
// the buckets (scope, family of types, country) of its reports' events and
// the articles' hashes. Two transactions that could merge into the same
// event therefore run one after the other, and the second sees what the
// first committed; transactions on other buckets run side by side.
//
// The schema is created and upgraded by the numbered migrations in
// migrations/, recorded in the table schema_migrations.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an EventStore in a PostgreSQL database. It is safe for
// concurrent use, and other processes may write to the same database at
// the same time.
type Store struct {
	pool *pgxpool.Pool
	// postgis is set when events have a PostGIS geometry column.
	postgis bool
	keys    *keyCache
}

var _ sitrep.EventStore = (*Store)(nil)

// IsURL reports whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Open connects to the database at url (postgres://user:pass@host:port/db)
// and brings its schema up to date, creating the tables in an empty
// database. Several processes may open the same database at once: one
// migrates while the others wait.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EInvalid, "database URL: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Redact(url), err)
	}
	s := &Store{pool: pool, keys: newKeyCache(50000)}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", Redact(url), err)
	}
	err = pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'geom')`).Scan(&s.postgis)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", Redact(url), err)
	}
	return s, nil
}

// Redact returns a database URL without its password, for messages.
func Redact(url string) string {
	cfg, err := pgconn.ParseConfig(url)
	if err != nil || cfg.Password == "" {
		return url
	}
	return strings.Replace(url, ":"+cfg.Password+"@", ":***@", 1)
}

// Close closes the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// PostGIS reports whether the store answers bounding-box queries with
// PostGIS.
func (s *Store) PostGIS() bool { return s.postgis }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// migrationLock is the advisory lock held while migrating.
const migrationLock = 0x5173_7265_7000_0001

// migrate applies the migrations the database lacks, each in its own
// transaction, under a session lock so that processes starting together
// migrate once.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrationLock))
	_, err = conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer PRIMARY KEY,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`)
	if err != nil {
		return err
	}
	var have int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	return sqlstore.Migrate(migrations, have, func(version int, name string, body []byte) error {
		return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, version, name)
			return err
		})
	})
}

// SchemaVersion returns the number of migrations applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// Known reports whether an article with this text hash or URL is stored.
func (s *Store) Known(ctx context.Context, hash, url string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE hash = $1)
		OR ($2 <> '' AND EXISTS (SELECT 1 FROM articles WHERE url = $2))`, hash, url).Scan(&ok)
	return ok, err
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (sitrep.StoreStats, error) {
	var st sitrep.StoreStats
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM events), (SELECT count(*) FROM overrides),
		coalesce((SELECT value FROM meta WHERE key = 'policy'), '')`).
		Scan(&st.Articles, &st.Mentions, &st.Events, &st.Overrides, &st.Policy)
	if err != nil {
		return st, err
	}
	p, err := merge.ParsePolicy(st.Policy)
	st.Policy = string(p)
	return st, err
}

// IntegrityCheck checks what the schema cannot: that every event holds
// reports and counts them right, and that no two reports of one article
// are in one event. It returns what is wrong, nil when nothing is.
func (s *Store) IntegrityCheck(ctx context.Context) ([]string, error) {
	checks := []struct{ what, q string }{
		{"events without reports", `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id)`},
		{"events whose report count is wrong", `SELECT count(*) FROM events e WHERE e.mentions <> (SELECT count(*) FROM mentions m WHERE m.event = e.id)`},
		{"events holding two reports of one article", `SELECT count(*) FROM (SELECT 1 FROM mentions GROUP BY event, article HAVING count(*) > 1) d`},
		{"events without their data", `SELECT count(*) FROM events WHERE match_key::text = '{}' OR data::text = '{}'`},
	}
	var out []string
	for _, c := range checks {
		var n int
		if err := s.pool.QueryRow(ctx, c.q).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, c.what))
		}
	}
	return out, nil
}

// policy reads the store's reconciliation policy, which any process may
// have changed.
func policy(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (merge.Policy, error) {
	var p string
	err := q.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'policy'`).Scan(&p)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return "", err
	}
	return merge.ParsePolicy(p)
}

func policyFor(name string) (merge.Policy, error) {
	p, err := merge.ParsePolicy(name)
	if err != nil {
		return "", sitrep.Errorf(sitrep.EInvalid, "%v", err)
	}
	return p, nil
}
