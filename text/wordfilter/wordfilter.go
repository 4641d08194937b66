// Package wordfilter passes over words that are not in a set without
// hashing them: a lexicon that most words of a text are not in is asked
// only about the words that begin with a byte and have a length that some
// word of the lexicon has.
package wordfilter

// Filter passes every word added to it and rejects most others. The zero
// Filter rejects every word.
type Filter struct {
	// lens[c] has bit n set when a word begins with byte c and is n bytes
	// long (bit 63: 63 bytes or more).
	lens [256]uint64
}

// Add adds w to the words the filter passes.
func (f *Filter) Add(w string) {
	if w == "" {
		return
	}
	f.lens[w[0]] |= 1 << min(len(w), 63)
}

// May reports whether w may be one of the words added: false means it is
// not. The empty word is never added.
func (f *Filter) May(w string) bool {
	return w != "" && f.lens[w[0]]&(1<<min(len(w), 63)) != 0
}
