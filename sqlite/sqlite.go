// Package sqlite is sitrep's event store in an embedded SQLite database
// (modernc.org/sqlite, no cgo): articles with full-text search, the events
// extracted from each article (mentions), the merged events with an R*Tree on
// their points, claims, actors, places and the analysts' overrides.
//
// The database runs in WAL mode with synchronous=NORMAL: a transaction that
// has committed survives the process being killed, and a killed process
// leaves the database consistent. The schema is created and upgraded by the
// numbered migrations in migrations/, tracked in PRAGMA user_version.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	driver "modernc.org/sqlite" // also the database/sql driver "sqlite"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sqlstore"
	"github.com/sitrep-project/sitrep/merge"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an EventStore in one SQLite file. It is safe for concurrent use;
// writes are serialised on one connection while reads use others.
type Store struct {
	path   string
	w      *sql.DB // the one writing connection
	r      *sql.DB // reading connections
	policy merge.Policy
	index  *eventIndex
}

var _ sitrep.EventStore = (*Store)(nil)

// Open opens the database at path, creating it and bringing its schema up
// to date as needed.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, sitrep.Errorf(sitrep.EInvalid, "no database path")
	}
	w, err := sql.Open("sqlite", dsn(path, "_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{path: path, w: w, index: newEventIndex()}
	if err := s.connect(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Readers map the file (its first GiB) instead of copying each page
	// they read through a system call: a page of events reads thousands
	// of index entries.
	s.r, err = sql.Open("sqlite", dsn(path, "_pragma=query_only(1)", "_pragma=mmap_size(1073741824)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	var p string
	err = s.w.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'policy'`).Scan(&p)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if s.policy, err = merge.ParsePolicy(p); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// busyWait bounds how long opening waits for another process that holds
// the new database's lock, as busy_timeout does for statements.
const busyWait = 10 * time.Second

// connect opens the writing connection. Switching a new database to WAL
// mode needs its lock, and SQLite reports SQLITE_BUSY at once, without its
// busy handler, when another process is doing the same or recovering the
// log: connect tries again, with a growing pause, for up to busyWait.
func (s *Store) connect(ctx context.Context) error {
	deadline := time.Now().Add(busyWait)
	pause := 5 * time.Millisecond
	for {
		err := s.w.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED, in
// any of their extended forms.
func isBusy(err error) bool {
	var e *driver.Error
	if !errors.As(err, &e) {
		return false
	}
	c := e.Code() & 0xff
	return c == 5 || c == 6
}

// dsn is the driver's name for the database at p with the store's pragmas.
func dsn(p string, extra ...string) string {
	q := []string{
		"_pragma=busy_timeout(10000)",
		"_pragma=journal_mode(wal)",
		"_pragma=synchronous(normal)",
		"_pragma=foreign_keys(1)",
	}
	return "file:" + (&url.URL{Path: p}).EscapedPath() + "?" + strings.Join(append(q, extra...), "&")
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	errs = append(errs, s.w.Close())
	return errors.Join(errs...)
}

// SchemaVersion returns the number of migrations applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.w.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, err
}

// IntegrityCheck runs SQLite's integrity check and returns its findings,
// nil when the database is sound.
func (s *Store) IntegrityCheck(ctx context.Context) ([]string, error) {
	lines, err := column[string](s.w.QueryContext(ctx, `PRAGMA integrity_check`))
	var out []string
	for _, line := range lines {
		if line != "ok" {
			out = append(out, line)
		}
	}
	return out, err
}

// migrate applies the migrations the database lacks, each in its own
// transaction with its version number.
func (s *Store) migrate(ctx context.Context) error {
	have, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	return sqlstore.Migrate(migrations, have, func(version int, name string, body []byte) error {
		return s.write(ctx, func(tx *sql.Tx) error {
			// Another process opening the database at the same time may
			// have applied this migration since the version was read: the
			// write transaction, taken at once, orders the two.
			var now int
			if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&now); err != nil {
				return err
			}
			if now >= version {
				return nil
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, version))
			return err
		})
	})
}

// write runs f in a write transaction, committed when f returns nil.
func (s *Store) write(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// column returns the values of the rows of a query of one column, given
// what the query returned, and closes them.
func column[T any](rows *sql.Rows, err error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Known reports whether an article with this text hash or URL is stored.
func (s *Store) Known(ctx context.Context, hash, url string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE hash = ? OR (? <> '' AND url = ?)`, hash, url, url).Scan(&n)
	return n > 0, err
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (sitrep.StoreStats, error) {
	st := sitrep.StoreStats{Policy: string(s.policy)}
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM events), (SELECT count(*) FROM overrides)`).
		Scan(&st.Articles, &st.Mentions, &st.Events, &st.Overrides)
	return st, err
}

// Policy returns the reconciliation policy of the stored figures.
func (s *Store) Policy() merge.Policy { return s.policy }
