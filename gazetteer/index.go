package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strings"
)

// The name index (folded name → places) and the transliteration index
// (fold.Sound key → places) are built from the rows once, by WriteIndex,
// and embedded as data/index.bin: folding and ranking a quarter of a
// million names took most of the start-up. The file carries a stamp of the
// rows it was built from; when the rows change without it, loading builds
// the indexes from the rows instead, and a test fails until the file is
// rebuilt (make gazetteer).

// indexFile is the embedded prebuilt index.
const indexFile = "data/index.bin"

// indexMagic starts the prebuilt index; its last byte is the format
// version.
const indexMagic = "sitrep-gazetteer-index\x01"

// indexSources are the embedded files the indexes are built from, in the
// order they are stamped.
var indexSources = []string{
	"data/countries.tsv", "country_names.tsv", "demonyms.tsv", "data/admin.tsv", "data/places.tsv",
	"regions.tsv", "aliases.tsv",
}

// sourceStamp is a checksum of the files the indexes are built from.
func sourceStamp() (uint32, error) {
	h := crc32.NewIEEE()
	for _, name := range indexSources {
		data, err := source(name)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		io.WriteString(h, data)
	}
	return h.Sum32(), nil
}

// keyIndex maps keys to values: the keys sorted and concatenated, ends[i]
// the end of key i in keys (it starts where key i-1 ends).
type keyIndex struct {
	keys string
	ends []uint32
	vals []uint32
	// from[p] is the first key whose first two bytes, read as prefix
	// reads them, are p or more: a search looks only among the keys
	// that start as it does. Nil: it looks among all.
	from []uint32
}

// prefix reads the first two bytes of a key as a number that grows as
// keys sort, a missing byte reading as 0.
func prefix[K string | []byte](key K) int {
	switch len(key) {
	case 0:
		return 0
	case 1:
		return int(key[0]) << 8
	}
	return int(key[0])<<8 | int(key[1])
}

// index builds from.
func (x *keyIndex) index() {
	x.from = make([]uint32, 1<<16+1)
	k := 0
	for p := range x.from {
		for k < len(x.ends) && prefix(x.key(k)) < p {
			k++
		}
		x.from[p] = uint32(k)
	}
}

// get returns the value of key.
func (x *keyIndex) get(key string) (uint32, bool) { return indexGet(x, key) }

// getBytes is get of a key in a buffer, which it does not copy.
func (x *keyIndex) getBytes(key []byte) (uint32, bool) { return indexGet(x, key) }

func indexGet[K string | []byte](x *keyIndex, key K) (uint32, bool) {
	lo, hi := 0, len(x.ends)
	if x.from != nil {
		p := prefix(key)
		lo, hi = int(x.from[p]), int(x.from[p+1])
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.key(m) < string(key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.ends) && x.key(lo) == string(key) {
		return x.vals[lo], true
	}
	return 0, false
}

func (x *keyIndex) key(i int) string {
	start := uint32(0)
	if i > 0 {
		start = x.ends[i-1]
	}
	return x.keys[start:x.ends[i]]
}

// refLists holds lists of refs back to back; list i ends at ends[i].
type refLists struct {
	refs []int32
	ends []uint32
}

func (l *refLists) list(i uint32) []int32 {
	start := uint32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.refs[start:l.ends[i]:l.ends[i]]
}

// nameIndexes are the two indexes of a loaded gazetteer.
type nameIndexes struct {
	// names maps a folded name to a ref, or, with the multi bit set, to
	// the number of a list in lists, best first. A ref is an index into
	// recs, with aliasRef set when the name is an alternate one.
	names keyIndex
	lists refLists
	// sounds maps a transliteration key to the number of a list in
	// soundLists.
	sounds     keyIndex
	soundLists refLists
	maxWords   int
}

// freeze turns the indexes built while loading into their compact form.
func (m *mapIndex) freeze() nameIndexes {
	ix := nameIndexes{maxWords: m.maxWords}
	ix.names = sortedIndex(m.index, func(v uint32) uint32 { return v })
	for _, l := range m.lists {
		ix.lists.add(l)
	}
	n := uint32(0)
	ix.sounds = sortedIndex(m.sound, func(refs []int32) uint32 {
		ix.soundLists.add(refs)
		n++
		return n - 1
	})
	return ix
}

// sortedIndex builds the keyIndex of m, with val giving each key's value in
// key order.
func sortedIndex[V any](m map[string]V, val func(V) uint32) keyIndex {
	keys := make([]string, 0, len(m))
	size := 0
	for k := range m {
		keys = append(keys, k)
		size += len(k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.Grow(size)
	x := keyIndex{ends: make([]uint32, len(keys)), vals: make([]uint32, len(keys))}
	for i, k := range keys {
		b.WriteString(k)
		x.ends[i] = uint32(b.Len())
		x.vals[i] = val(m[k])
	}
	x.keys = b.String()
	x.index()
	return x
}

func (l *refLists) add(refs []int32) {
	l.refs = append(l.refs, refs...)
	l.ends = append(l.ends, uint32(len(l.refs)))
}

// WriteIndex builds the name and transliteration indexes from the embedded
// rows and writes them in the form embedded as data/index.bin, which is
// not compressed: decompressing it would cost as much as the index saves.
func WriteIndex(w io.Writer) error {
	g, err := load(false)
	if err != nil {
		return err
	}
	stamp, err := sourceStamp()
	if err != nil {
		return err
	}
	return g.nameIndexes.encode(w, stamp)
}

// encode writes the indexes: magic, stamp, maxWords, then each index and
// its lists as counts followed by little-endian arrays.
func (ix *nameIndexes) encode(w io.Writer, stamp uint32) error {
	var b bytes.Buffer
	b.WriteString(indexMagic)
	u32 := func(v uint32) { b.Write(binary.LittleEndian.AppendUint32(nil, v)) }
	u32s := func(vs []uint32) {
		u32(uint32(len(vs)))
		for _, v := range vs {
			u32(v)
		}
	}
	u32(stamp)
	u32(uint32(ix.maxWords))
	for _, x := range []*keyIndex{&ix.names, &ix.sounds} {
		u32s(x.ends)
		u32s(x.vals)
		b.WriteString(x.keys)
	}
	for _, l := range []*refLists{&ix.lists, &ix.soundLists} {
		u32s(l.ends)
		u32(uint32(len(l.refs)))
		for _, r := range l.refs {
			u32(uint32(r))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

var errStaleIndex = errors.New(indexFile + " is not of the embedded rows: run make gazetteer")

// decodeIndex reads the prebuilt indexes, which must carry stamp. The keys
// share data's memory.
func decodeIndex(data string, stamp uint32) (nameIndexes, error) {
	var ix nameIndexes
	bad := fmt.Errorf("%s: truncated or corrupt", indexFile)
	if !strings.HasPrefix(data, indexMagic) {
		return ix, fmt.Errorf("%s: not a gazetteer index of this version", indexFile)
	}
	data = data[len(indexMagic):]
	le32 := func(i int) uint32 {
		return uint32(data[i]) | uint32(data[i+1])<<8 | uint32(data[i+2])<<16 | uint32(data[i+3])<<24
	}
	u32 := func() (uint32, bool) {
		if len(data) < 4 {
			return 0, false
		}
		v := le32(0)
		data = data[4:]
		return v, true
	}
	u32s := func() ([]uint32, bool) {
		n, ok := u32()
		if !ok || uint64(n)*4 > uint64(len(data)) {
			return nil, false
		}
		vs := make([]uint32, n)
		for i := range vs {
			vs[i] = le32(4 * i)
		}
		data = data[4*n:]
		return vs, true
	}
	got, ok := u32()
	if !ok {
		return ix, bad
	}
	if got != stamp {
		return ix, errStaleIndex
	}
	words, ok := u32()
	if !ok {
		return ix, bad
	}
	ix.maxWords = int(words)
	for _, x := range []*keyIndex{&ix.names, &ix.sounds} {
		var ok1, ok2 bool
		x.ends, ok1 = u32s()
		x.vals, ok2 = u32s()
		if !ok1 || !ok2 || len(x.ends) != len(x.vals) {
			return ix, bad
		}
		size := 0
		if len(x.ends) > 0 {
			size = int(x.ends[len(x.ends)-1])
		}
		if size > len(data) || !slices.IsSorted(x.ends) {
			return ix, bad
		}
		x.keys, data = data[:size], data[size:]
		x.index()
	}
	for _, l := range []*refLists{&ix.lists, &ix.soundLists} {
		var ok1, ok2 bool
		var refs []uint32
		l.ends, ok1 = u32s()
		refs, ok2 = u32s()
		if !ok1 || !ok2 || !slices.IsSorted(l.ends) || len(l.ends) > 0 && int(l.ends[len(l.ends)-1]) > len(refs) {
			return ix, bad
		}
		l.refs = make([]int32, len(refs))
		for i, r := range refs {
			l.refs[i] = int32(r)
		}
	}
	if len(data) != 0 {
		return ix, bad
	}
	return ix, nil
}

// check reports refs or list numbers out of range, so that a corrupt index
// fails loading rather than a lookup.
func (ix *nameIndexes) check(nrecs int) error {
	for _, l := range []*refLists{&ix.lists, &ix.soundLists} {
		for _, r := range l.refs {
			if r < 0 || int(r&^aliasRef) >= nrecs {
				return fmt.Errorf("%s: ref %d out of range", indexFile, r)
			}
		}
	}
	for _, v := range ix.names.vals {
		if v&multi != 0 && int(v&^multi) >= len(ix.lists.ends) || v&multi == 0 && int(v&^aliasRef) >= nrecs {
			return fmt.Errorf("%s: entry %d out of range", indexFile, v)
		}
	}
	for _, v := range ix.sounds.vals {
		if int(v) >= len(ix.soundLists.ends) {
			return fmt.Errorf("%s: list %d out of range", indexFile, v)
		}
	}
	return nil
}
