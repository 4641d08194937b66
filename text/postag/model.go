package postag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
)

// The model file is prose's "flat" averaged-perceptron format, version 1,
// all integers little-endian:
//
//	"PROSETAG" uint32 version
//	uint32 classes, each uint16 length + name
//	uint32 features, uint32 pairs, uint32 blob length, then the blob: the
//	       feature strings end to end, sorted bytewise
//	(features+1) uint32: where each feature string starts in the blob
//	(features+1) uint32: where each feature's (class, weight) pairs start
//	pairs uint8: class of each pair
//	pairs float32: weight of each pair
//	uint32 words, each uint16 length + word + uint8 class: words the
//	       model always gives one tag, without scoring them
const (
	magic   = "PROSETAG"
	version = 1
)

// model is a decoded model, read in place.
type model struct {
	classes []string
	blob    []byte  // the feature strings
	featOff []byte  // where each feature string starts in blob: uint32s
	pairOff []byte  // where each feature's pairs start: uint32s
	ids     []byte  // class of each pair
	weights []byte  // weight of each pair, a little-endian float32
	fixed   []fixed // the model's words of one tag, with their class
}

type fixed struct {
	word  []byte
	class uint8
}

// decode reads a model in place: feature strings, classes and weights stay
// in data, which must not change afterwards.
func decode(data []byte) (*model, error) {
	r := reader{b: data}
	if string(r.bytes(len(magic))) != magic {
		return nil, errors.New("not a prose tagger model")
	}
	if v := r.u32(); r.err == nil && v != version {
		return nil, fmt.Errorf("model version %d, want %d", v, version)
	}
	m := &model{}
	nc := r.u32()
	if r.err == nil && nc > math.MaxUint8+1 {
		return nil, fmt.Errorf("model has %d classes, at most 256 fit its class bytes", nc)
	}
	for i := uint32(0); i < nc && r.err == nil; i++ {
		m.classes = append(m.classes, string(r.bytes(int(r.u16()))))
	}
	nf, np, nb := int(r.u32()), int(r.u32()), int(r.u32())
	m.blob = r.bytes(nb)
	m.featOff = r.bytes(4 * (nf + 1))
	m.pairOff = r.bytes(4 * (nf + 1))
	m.ids = r.bytes(np)
	m.weights = r.bytes(4 * np)
	nw := int(r.u32())
	if r.err != nil {
		return nil, r.err
	}
	for _, c := range m.ids {
		if int(c) >= len(m.classes) {
			return nil, fmt.Errorf("pair of class %d, model has %d classes", c, len(m.classes))
		}
	}
	for i := 0; i < nf; i++ {
		k0, k1 := m.at(m.featOff, i), m.at(m.featOff, i+1)
		p0, p1 := m.at(m.pairOff, i), m.at(m.pairOff, i+1)
		if k0 > k1 || int(k1) > nb || p0 > p1 || int(p1) > np || p1-p0 > math.MaxUint8 {
			return nil, fmt.Errorf("feature %d: bad offsets (key %d-%d of %d, pairs %d-%d of %d)", i, k0, k1, nb, p0, p1, np)
		}
	}
	for i := 0; i < nw && r.err == nil; i++ {
		word := r.bytes(int(r.u16()))
		c := r.u8()
		if r.err == nil && int(c) >= len(m.classes) {
			return nil, fmt.Errorf("word %q of class %d, model has %d classes", word, c, len(m.classes))
		}
		m.fixed = append(m.fixed, fixed{word: word, class: c})
	}
	if r.err != nil {
		return nil, r.err
	}
	return m, nil
}

func (m *model) at(off []byte, i int) uint32 { return binary.LittleEndian.Uint32(off[4*i:]) }

// features returns the number of features.
func (m *model) features() int { return len(m.featOff)/4 - 1 }

// feature returns the string of feature i, where it starts in the blob, and
// its weights.
func (m *model) feature(i int) (key []byte, off uint32, w weights) {
	k0, p0 := m.at(m.featOff, i), m.at(m.pairOff, i)
	return m.blob[k0:m.at(m.featOff, i+1)], k0, weights{p0, uint8(m.at(m.pairOff, i+1) - p0)}
}

// reader reads the model file front to back; its first error sticks.
type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = errors.New("truncated tagger model")
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// table finds strings held in one backing array: open addressing with
// linear probing, at most two thirds full. A slot keeps what a hit needs
// (where its key lies, and its value) so that a lookup reads one slot and
// the key it compares.
type table struct {
	seed  maphash.Seed
	keys  []byte
	slots []slot
	mask  uint32
	used  int
}

// slot is one entry; tag is 0 in an empty slot and otherwise the upper
// half of the key's hash (with its low bit set), which settles most misses
// without reading the key.
type slot struct {
	tag  uint32
	key  uint32 // offset of the key in the table's keys
	val  uint32
	klen uint16
	n    uint8
}

// newTable returns an empty table over keys with room for n entries.
func newTable(keys []byte, n int) table {
	t := table{seed: maphash.MakeSeed(), keys: keys}
	t.resize(1 << bits.Len(uint(n+n/2)))
	return t
}

func (t *table) resize(size int) {
	old := t.slots
	t.slots, t.mask = make([]slot, size), uint32(size-1)
	for _, s := range old {
		if s.tag != 0 {
			h := maphash.Bytes(t.seed, t.keys[s.key:s.key+uint32(s.klen)])
			i := uint32(h) & t.mask
			for t.slots[i].tag != 0 {
				i = (i + 1) & t.mask
			}
			t.slots[i] = s
		}
	}
}

// put enters the key keys[off:off+klen] with the value val, n, and returns
// its slot; a key already there keeps its slot and value.
func (t *table) put(off uint32, klen uint16, val uint32, n uint8) *slot {
	if 3*(t.used+1) > 2*len(t.slots) {
		t.resize(2 * len(t.slots))
	}
	key := t.keys[off : off+uint32(klen)]
	h := maphash.Bytes(t.seed, key)
	tag := uint32(h>>32) | 1
	for i := uint32(h) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.tag == 0 {
			*s = slot{tag: tag, key: off, klen: klen, val: val, n: n}
			t.used++
			return s
		}
		if s.tag == tag && string(t.keys[s.key:s.key+uint32(s.klen)]) == string(key) {
			return s
		}
	}
}

// find returns the slot of key, or nil.
func (t *table) find(key string) *slot {
	h := maphash.String(t.seed, key)
	tag := uint32(h>>32) | 1
	for i := uint32(h) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.tag == 0 {
			return nil
		}
		if s.tag == tag && int(s.klen) == len(key) && string(t.keys[s.key:s.key+uint32(s.klen)]) == key {
			return s
		}
	}
}
