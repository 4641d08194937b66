// Package emoticon knows the emoticons prose's tokenizer keeps whole and its
// tagger tags SYM (emoticons.txt), for the tokenizer and the tagger that give
// prose's tokens and tags.
package emoticon

import (
	_ "embed"
	"iter"
	"strings"
	"sync"
)

//go:embed emoticons.txt
var list string

// All yields the emoticons, in the order of emoticons.txt.
func All() iter.Seq[string] {
	return func(yield func(string) bool) {
		for l := range strings.Lines(list) {
			l = strings.TrimSuffix(l, "\n")
			if l != "" && l[0] != '#' && !yield(l) {
				return
			}
		}
	}
}

// Is reports whether s is an emoticon.
func Is(s string) bool {
	st := set()
	// Most words fail the test of their first byte and length, which
	// costs no hashing.
	if s == "" || len(s) >= 64 || st.lens[s[0]]&(1<<len(s)) == 0 {
		return false
	}
	_, ok := st.words[s]
	return ok
}

type emoticons struct {
	lens  [256]uint64 // by first byte, a bit for the length of each emoticon
	words map[string]struct{}
}

// set is built on first use: some microseconds.
var set = sync.OnceValue(func() *emoticons {
	st := &emoticons{words: make(map[string]struct{}, 64)}
	for e := range All() {
		if len(e) >= 64 {
			panic("emoticon: " + e + " is 64 bytes or more")
		}
		st.lens[e[0]] |= 1 << len(e)
		st.words[e] = struct{}{}
	}
	return st
})
