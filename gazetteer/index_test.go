package gazetteer

import (
	"bytes"
	"reflect"
	"testing"
)

// TestPrebuiltIndex checks that the embedded index is of the embedded rows
// and holds exactly what building it from them gives.
func TestPrebuiltIndex(t *testing.T) {
	built, err := load(false)
	if err != nil {
		t.Fatal(err)
	}
	g, err := load(true)
	if err != nil {
		t.Fatal(err)
	}
	if !g.prebuilt {
		stamp, _ := sourceStamp()
		_, err := decodeIndex(indexBin, stamp)
		t.Fatalf("the embedded index was not used (%v): run make gazetteer", err)
	}
	if built.prebuilt {
		t.Fatal("load(false) used the prebuilt index")
	}
	if !reflect.DeepEqual(g.nameIndexes, built.nameIndexes) {
		t.Fatal("the embedded index differs from the one built from the rows: run make gazetteer")
	}
	if g.MaxWords() != built.MaxWords() {
		t.Errorf("MaxWords %d, built %d", g.MaxWords(), built.MaxWords())
	}
}

// TestDecodeIndexRejects checks that a stale, truncated or foreign index is
// refused rather than used.
func TestDecodeIndexRejects(t *testing.T) {
	ix := nameIndexes{maxWords: 2}
	ix.names = sortedIndex(map[string]uint32{"ganja": 0, "kyiv": 1}, func(v uint32) uint32 { return v })
	ix.sounds = sortedIndex(map[string][]int32{"ganca": {0}}, func(refs []int32) uint32 {
		ix.soundLists.add(refs)
		return 0
	})
	var b bytes.Buffer
	if err := ix.encode(&b, 7); err != nil {
		t.Fatal(err)
	}
	got, err := decodeIndex(b.String(), 7)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if v, ok := got.names.get("kyiv"); !ok || v != 1 {
		t.Errorf("kyiv = %d, %v", v, ok)
	}
	if _, ok := got.names.get("kiev"); ok {
		t.Error("kiev found")
	}
	if err := got.check(2); err != nil {
		t.Errorf("check: %v", err)
	}
	if err := got.check(1); err == nil {
		t.Error("check passed a ref past the records")
	}
	for name, data := range map[string][]byte{
		"stale":     b.Bytes(),
		"truncated": b.Bytes()[:b.Len()-3],
		"foreign":   []byte("PK\x03\x04 not an index"),
		"trailing":  append(append([]byte{}, b.Bytes()...), 0),
	} {
		stamp := uint32(7)
		if name == "stale" {
			stamp = 8
		}
		if _, err := decodeIndex(string(data), stamp); err == nil {
			t.Errorf("%s index accepted", name)
		}
	}
}

// TestKeyIndexPrefixes checks that a search among the keys of a prefix
// finds what a search among all keys finds.
func TestKeyIndexPrefixes(t *testing.T) {
	x := sortedIndex(map[string]uint32{"": 0, "a": 1, "a b": 2, "ab": 3, "abc": 4, "b": 5, "ba": 6, "zz": 7, "zzz": 8},
		func(v uint32) uint32 { return v })
	all := x
	all.from = nil
	for _, k := range []string{"", "a", "a b", "ab", "abc", "abd", "b", "ba", "bb", "c", "z", "zz", "zzz", "zzzz", "\x00", "é"} {
		v, ok := x.get(k)
		w, wok := all.get(k)
		if v != w || ok != wok {
			t.Errorf("get(%q) = %d, %v; among all keys %d, %v", k, v, ok, w, wok)
		}
		if b, bok := x.getBytes([]byte(k)); b != v || bok != ok {
			t.Errorf("getBytes(%q) = %d, %v; get %d, %v", k, b, bok, v, ok)
		}
	}
	g := Default()
	for i := range g.names.ends {
		k := g.names.key(i)
		if v, ok := g.names.get(k); !ok || v != g.names.vals[i] {
			t.Fatalf("get(%q) = %d, %v; want %d", k, v, ok, g.names.vals[i])
		}
	}
}
