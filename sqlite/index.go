package sqlite

import (
	"encoding/json"
	"fmt"

	"github.com/sitrep-project/sitrep/merge"
)

// eventIndex keeps in memory the match keys of the events a report may be
// compared with, by bucket (scope, family of types, country), so that
// finding a report's candidates costs no query once its bucket is loaded.
// A report without a country is compared with the whole family, the bucket
// whose country is "*". Only the writing transaction uses the index; a
// transaction that fails resets it.
type eventIndex struct {
	keys    map[int64]merge.Key
	buckets map[string]map[int64]bool // loaded buckets
}

func newEventIndex() *eventIndex {
	return &eventIndex{keys: map[int64]merge.Key{}, buckets: map[string]map[int64]bool{}}
}

func (x *eventIndex) reset() { *x = *newEventIndex() }

func bucketOf(scope, family, country string) string { return scope + "|" + family + "|" + country }

// bucketsOf are the buckets an event of key k belongs to.
func bucketsOf(k merge.Key) [2]string {
	f := k.Family()
	return [2]string{bucketOf(k.Scope, f, k.Country), bucketOf(k.Scope, f, "*")}
}

// put records an event's new key.
func (x *eventIndex) put(id int64, k merge.Key) {
	x.remove(id)
	x.keys[id] = k
	for _, b := range bucketsOf(k) {
		if set := x.buckets[b]; set != nil {
			set[id] = true
		}
	}
}

func (x *eventIndex) remove(id int64) {
	if k, ok := x.keys[id]; ok {
		for _, b := range bucketsOf(k) {
			delete(x.buckets[b], id)
		}
	}
	delete(x.keys, id)
}

// candidates returns the ids of the events a report of key may join: those
// of its scope, family and country or of no country; for a report of no
// country, those of its scope and family. Buckets are loaded as needed.
func (t *txn) candidates(key merge.Key) ([]map[int64]bool, error) {
	countries := []string{key.Country, ""}
	if key.Country == "" {
		countries = []string{"*"}
	}
	var sets []map[int64]bool
	for _, country := range countries {
		set, err := t.bucket(key.Scope, key.Family(), country)
		if err != nil {
			return nil, err
		}
		sets = append(sets, set)
	}
	return sets, nil
}

func (t *txn) bucket(scope, family, country string) (map[int64]bool, error) {
	b := bucketOf(scope, family, country)
	if set := t.index.buckets[b]; set != nil {
		return set, nil
	}
	q, args := `SELECT id, match_key FROM events WHERE scope = ? AND family = ? AND country = ?`, []any{scope, family, country}
	if country == "*" {
		q, args = `SELECT id, match_key FROM events WHERE scope = ? AND family = ?`, args[:2]
	}
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[int64]bool{}
	for rows.Next() {
		var id int64
		var raw string
		if err := rows.Scan(&id, &raw); err != nil {
			return nil, err
		}
		if _, ok := t.index.keys[id]; !ok {
			var k merge.Key
			if err := json.Unmarshal([]byte(raw), &k); err != nil {
				return nil, fmt.Errorf("event %d: match key: %w", id, err)
			}
			t.index.keys[id] = k
		}
		set[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	t.index.buckets[b] = set
	return set, nil
}
