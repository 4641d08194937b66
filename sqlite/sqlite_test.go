package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/storetest"
)

func ctx() context.Context { return context.Background() }

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(ctx(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestStore runs the store suite, which the PostgreSQL store runs too. The
// SQLite store keeps the events it merges into in memory, so one handle
// writes at a time: the suite's race runs within one handle.
func TestStore(t *testing.T) {
	storetest.Run(t, storetest.Engine{Open: func(t *testing.T) sitrep.EventStore { return open(t) }})
}

func TestOpenMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx(), path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SchemaVersion(ctx())
	if err != nil || v < 1 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	var mode string
	if err := s.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q, %v: want wal", mode, err)
	}
	s.Close()
	s, err = Open(ctx(), path) // opening again applies nothing
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v2, _ := s.SchemaVersion(ctx()); v2 != v {
		t.Errorf("schema version changed from %d to %d", v, v2)
	}
	if bad, err := s.IntegrityCheck(ctx()); err != nil || len(bad) > 0 {
		t.Errorf("integrity: %v %v", bad, err)
	}
	if _, err := s.w.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx(), path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("a newer schema: err = %v", err)
	}
}

// TestConcurrentOpenOfANewDatabase opens one new database from several
// stores at once, as two commands started together do: each must find the
// schema applied once, none fail on a migration the other applied.
func TestConcurrentOpenOfANewDatabase(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.db", round))
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(context.Background(), path)
				if err != nil {
					errs <- err
					return
				}
				errs <- s.Close()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}
