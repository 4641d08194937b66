package postgres

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/postgres/postgrestest"
	"github.com/sitrep-project/sitrep/storetest"
)

// The tests share one server: $SITREP_TEST_POSTGRES, else one started
// here (see postgrestest).
func TestMain(m *testing.M) { os.Exit(postgrestest.Main(m)) }

func ctx() context.Context { return context.Background() }

func open(t *testing.T, url string) *Store {
	t.Helper()
	s, err := Open(ctx(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// withoutPostGIS is the URL of a database whose sessions keep PostGIS out
// (see migrations/0002_postgis.sql).
func withoutPostGIS(t *testing.T, db string) string {
	u, err := url.Parse(db)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("sitrep.postgis", "off")
	u.RawQuery = q.Encode()
	return u.String()
}

// engine runs the store suite on new databases, through dsn when it is
// not nil.
func engine(dsn func(t *testing.T, db string) string) storetest.Engine {
	urls := map[sitrep.EventStore]string{}
	return storetest.Engine{
		Open: func(t *testing.T) sitrep.EventStore {
			u := postgrestest.Database(t)
			if dsn != nil {
				u = dsn(t, u)
			}
			s := open(t, u)
			urls[s] = u
			return s
		},
		Reopen: func(t *testing.T, s sitrep.EventStore) sitrep.EventStore { return open(t, urls[s]) },
	}
}

// TestStore runs the store suite, the SQLite store's too, with PostGIS
// where the server has it.
func TestStore(t *testing.T) {
	storetest.Run(t, engine(nil))
}

// TestStoreWithoutPostGIS runs the suite with bounding boxes answered from
// the plain point index.
func TestStoreWithoutPostGIS(t *testing.T) {
	storetest.Run(t, engine(withoutPostGIS))
}

func TestOpenMigrates(t *testing.T) {
	u := postgrestest.Database(t)
	// Processes that start together migrate once.
	stores := make(chan *Store, 3)
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			s, err := Open(ctx(), u)
			stores <- s
			errs <- err
		}()
	}
	var s *Store
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		s = <-stores
		t.Cleanup(func() { s.Close() })
	}
	v, err := s.SchemaVersion(ctx())
	if err != nil || v < 2 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	var n int
	if err := s.pool.QueryRow(ctx(), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != v {
		t.Errorf("%d migrations recorded, version %d, %v", n, v, err)
	}
	t.Logf("PostGIS: %v", s.PostGIS())
	if _, err := s.pool.Exec(ctx(), `INSERT INTO schema_migrations (version, name) VALUES (999, 'future')`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx(), u); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("a newer schema: err = %v", err)
	}
}

func TestWithoutPostGISOption(t *testing.T) {
	s := open(t, withoutPostGIS(t, postgrestest.Database(t)))
	if s.PostGIS() {
		t.Error("sitrep.postgis=off: PostGIS used")
	}
}

func TestTextQuery(t *testing.T) {
	cases := []struct{ in, want string }{
		{"night", "night"},
		{`"came under fire"`, `"came under fire"`},
		{"shelling AND Ganja", "shelling Ganja"},
		{"shelling NOT Ganja", "shelling -Ganja"},
		{"Ganja OR Tartar", "Ganja OR Tartar"},
		{`"this AND that"`, `"this AND that"`},
	}
	for _, c := range cases {
		if got, err := textQuery(c.in); err != nil || got != c.want {
			t.Errorf("textQuery(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := textQuery(`"open`); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("unclosed quote: %v", err)
	}
}
