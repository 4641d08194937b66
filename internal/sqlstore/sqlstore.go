// Package sqlstore holds what the SQLite and PostgreSQL event stores
// (packages sqlite and postgres) do alike over their different databases:
// reading rows into the data model, the values of a row, choosing the
// event a report joins, and an analyst's merges and splits. What differs
// between the two, the SQL and the transactions, stays with each store.
package sqlstore

import (
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Rows are the rows of a query as database/sql and pgx both give them.
// The readers of this package stop at the first row they cannot read and
// leave closing the rows, and checking their Err, to the caller, since
// each store reports those errors its own way.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
}

// Row is one row of a query, or the error of reading it.
type Row interface {
	Scan(dest ...any) error
}

// ParseID reads an event id.
func ParseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, sitrep.Errorf(sitrep.ENotFound, "no event %q: event ids are positive numbers", s)
	}
	return id, nil
}

// EscapeLike escapes the wildcards of a LIKE pattern, and its escape
// character, the backslash.
func EscapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Nullable is s as a nullable column: NULL when empty.
func Nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Deref is the string s points to, empty for nil.
func Deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// NonNil is xs, or an empty slice for nil, which JSON writes as [].
func NonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// CountCols are the columns of a figure: low, best and high, NULL when
// the figure is unknown.
func CountCols(c *sitrep.Count) (low, best, high *int) {
	if c == nil {
		return nil, nil, nil
	}
	return c.Low, c.Best, c.High
}
