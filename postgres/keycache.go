package postgres

import (
	"encoding/json"
	"sync"

	"github.com/sitrep-project/sitrep/merge"
)

// keyCache keeps the decoded match keys of events by id and version, so
// that comparing a report with the events of its bucket does not decode
// the same JSON again and again. A version is never reused (sequence
// event_versions), so an entry is right for as long as its version is the
// event's: other processes' writes give the event a new version.
type keyCache struct {
	mu   sync.Mutex
	max  int
	keys map[int64]cachedKey
}

type cachedKey struct {
	version int64
	key     merge.Key
}

func newKeyCache(max int) *keyCache {
	return &keyCache{max: max, keys: map[int64]cachedKey{}}
}

// get returns the key of event id at version, decoding raw when the cache
// has another version or none.
func (c *keyCache) get(id, version int64, raw []byte) (merge.Key, error) {
	c.mu.Lock()
	e, ok := c.keys[id]
	c.mu.Unlock()
	if ok && e.version == version {
		return e.key, nil
	}
	var k merge.Key
	if err := json.Unmarshal(raw, &k); err != nil {
		return k, err
	}
	c.mu.Lock()
	if len(c.keys) >= c.max {
		// Forget everything rather than track use: cheap, and rare.
		c.keys = map[int64]cachedKey{}
	}
	c.keys[id] = cachedKey{version, k}
	c.mu.Unlock()
	return k, nil
}
