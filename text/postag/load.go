package postag

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/sitrep-project/sitrep/text/emoticon"
)

// The feature templates of the model: what a feature string starts with,
// and what follows it. prose builds one string of each for a token.
const (
	tmplSuffix     = iota // suffix of the word
	tmplPrefix            // its first byte
	tmplPrevTag           // tag before it
	tmplPrev2Tag          // tag before that
	tmplTagPair           // both, with a space between
	tmplWord              // the word
	tmplTagWord           // tag before it, a space, the word
	tmplPrevWord          // word before it
	tmplPrevSuffix        // suffix of the word before
	tmplPrev2Word         // word before that
	tmplNextWord          // word after it
	tmplNextSuffix        // suffix of the word after
	tmplNext2Word         // word after that
)

var templates = [...]string{
	tmplSuffix:     "i suffix ",
	tmplPrefix:     "i pref1 ",
	tmplPrevTag:    "i-1 tag ",
	tmplPrev2Tag:   "i-2 tag ",
	tmplTagPair:    "i tag+i-2 tag ",
	tmplWord:       "i word ",
	tmplTagWord:    "i-1 tag+i word ",
	tmplPrevWord:   "i-1 word ",
	tmplPrevSuffix: "i-1 suffix ",
	tmplPrev2Word:  "i-2 word ",
	tmplNextWord:   "i+1 word ",
	tmplNextSuffix: "i+1 suffix ",
	tmplNext2Word:  "i+2 word ",
}

// wordAt is where the templates of a word, or of a suffix, keep their
// weights in wordFeats.at, or suffixFeats.at.
var wordAt = [...]int{
	tmplPrev2Word: 0, tmplPrevWord: 1, tmplWord: 2, tmplNextWord: 3, tmplNext2Word: 4,
	tmplPrevSuffix: 0, tmplSuffix: 1, tmplNextSuffix: 2,
}

// Load returns a tagger with a model in prose's flat format. The model is
// read in place: data must not change afterwards.
//
// Each feature string is taken apart into its template and the words or
// tags it names, and its weights filed under them: by tag id for the
// features of tags, by word and by suffix, in hash tables, for the others.
// A sentence then looks up each word and suffix once rather than fourteen
// strings a token.
func Load(data []byte) (*Tagger, error) {
	m, err := decode(data)
	if err != nil {
		return nil, err
	}
	t := &Tagger{nclass: len(m.classes), ids: m.ids, wts: m.weights}
	for _, c := range m.classes {
		// a feature naming two tags, or a tag and a word, is cut at
		// the first space
		if strings.Contains(c, " ") {
			return nil, fmt.Errorf("model class %q holds a space", c)
		}
	}
	t.names = append(append(t.names, m.classes...), start, start2)
	tagIDs := make(map[string]int, len(t.names))
	for i, n := range t.names {
		if _, ok := tagIDs[n]; !ok {
			tagIDs[n] = i
		}
	}
	lastTag, lastID := "", -1
	tagID := func(name []byte) int {
		if string(name) == lastTag {
			return lastID
		}
		id, ok := tagIDs[string(name)]
		if !ok {
			id = len(t.names)
			t.names = append(t.names, string(name))
			tagIDs[t.names[id]] = id
		}
		lastTag, lastID = t.names[id], id
		return id
	}
	// room for the English model's words and suffixes (16,808 and 2,830
	// of 75,447 features)
	nf := m.features()
	t.words = newTable(m.blob, nf/4)
	t.suffixes = newTable(m.blob, nf/16)
	t.wordFeats = make([]wordFeats, 0, nf/4)
	t.suffixFeats = make([]suffixFeats, 0, nf/16)
	word := func(off uint32, n int) int32 {
		i := t.words.put(off, uint16(n), uint32(len(t.wordFeats)), 0).val
		if int(i) == len(t.wordFeats) {
			t.wordFeats = append(t.wordFeats, wordFeats{})
		}
		return int32(i)
	}
	suffix := func(off uint32, n int) *suffixFeats {
		i := t.suffixes.put(off, uint16(n), uint32(len(t.suffixFeats)), 0).val
		if int(i) == len(t.suffixFeats) {
			t.suffixFeats = append(t.suffixFeats, suffixFeats{})
		}
		return &t.suffixFeats[i]
	}
	type tagged struct {
		a, b int // tags
		w    weights
	}
	var prev, prev2, pairs []tagged
	// The features of a word after a tag are filed by word in a second
	// pass over them: they follow each other, the model being sorted.
	var tagWordFrom, tagWordTo int
	var tagWordOf []int32

	tmpl := 0
	var last []byte
	for i := range nf {
		key, off, w := m.feature(i)
		if i > 0 && bytes.Compare(last, key) >= 0 {
			return nil, fmt.Errorf("model features not sorted at %q", key)
		}
		last = key
		if string(key) == "bias" {
			t.bias = w
			continue
		}
		if !bytes.HasPrefix(key, []byte(templates[tmpl])) {
			tmpl = -1
			for j, p := range templates {
				if bytes.HasPrefix(key, []byte(p)) {
					tmpl = j
					break
				}
			}
			if tmpl < 0 {
				tmpl = 0
				continue // no token is ever scored on it
			}
		}
		rest := key[len(templates[tmpl]):]
		off += uint32(len(templates[tmpl]))
		if len(rest) > math.MaxUint16 {
			return nil, fmt.Errorf("model feature of %d bytes", len(key))
		}
		switch tmpl {
		case tmplPrevSuffix, tmplSuffix, tmplNextSuffix:
			suffix(off, len(rest)).at[wordAt[tmpl]] = w
		case tmplPrefix:
			// only a first byte, or nothing for an empty word, is looked up
			switch len(rest) {
			case 0:
				t.noPrefix = w
			case 1:
				t.prefix[rest[0]] = w
			}
		case tmplPrevTag:
			prev = append(prev, tagged{a: tagID(rest), w: w})
		case tmplPrev2Tag:
			prev2 = append(prev2, tagged{a: tagID(rest), w: w})
		case tmplTagPair:
			if sp := bytes.IndexByte(rest, ' '); sp >= 0 {
				pairs = append(pairs, tagged{tagID(rest[:sp]), tagID(rest[sp+1:]), w})
			}
		case tmplTagWord:
			if tagWordOf == nil {
				tagWordFrom = i
			}
			wi := int32(-1)
			if sp := bytes.IndexByte(rest, ' '); sp >= 0 {
				wi = word(off+uint32(sp)+1, len(rest)-sp-1)
				t.wordFeats[wi].tagged[1]++
			}
			tagWordOf = append(tagWordOf, wi)
			tagWordTo = i + 1
		case tmplPrev2Word, tmplPrevWord, tmplWord, tmplNextWord, tmplNext2Word:
			wi := word(off, len(rest))
			t.wordFeats[wi].at[wordAt[tmpl]] = w
		}
	}
	at := uint32(0)
	for i := range t.wordFeats {
		r := &t.wordFeats[i].tagged
		r[0], r[1], at = at, at, at+r[1]
	}
	t.tagWords = make([]tagWord, at)
	for i := tagWordFrom; i < tagWordTo; i++ {
		wi := tagWordOf[i-tagWordFrom]
		if wi < 0 {
			continue
		}
		key, _, w := m.feature(i)
		rest := key[len(templates[tmplTagWord]):]
		r := &t.wordFeats[wi].tagged
		t.tagWords[r[1]] = tagWord{lo: w.lo, tag: uint16(tagID(rest[:bytes.IndexByte(rest, ' ')])), n: w.n}
		r[1]++
	}

	if len(t.names) > math.MaxUint16 {
		return nil, fmt.Errorf("model names %d tags", len(t.names))
	}

	n := len(t.names)
	t.prevTag, t.prev2Tag, t.tagPair = make([]weights, n), make([]weights, n), make([]weights, n*n)
	for _, p := range prev {
		t.prevTag[p.a] = p.w
	}
	for _, p := range prev2 {
		t.prev2Tag[p.a] = p.w
	}
	for _, p := range pairs {
		t.tagPair[p.a*n+p.b] = p.w
	}
	t.startID, t.start2ID = tagIDs[start], tagIDs[start2]
	t.dashID, t.symID, t.nnID, t.traceID = t.id("-"), t.id("SYM"), t.id("NN"), t.id("-NONE-")
	t.loadFixedWords(m)
	t.scratch.New = func() any { return new(scratch) }
	return t, nil
}

// loadFixedWords fills t.fixedWords with the emoticons and the model's
// words of one tag.
func (t *Tagger) loadFixedWords(m *model) {
	var keys []byte
	type entry struct {
		off, n int
		val    int
		kind   uint8
	}
	var entries []entry
	for e := range emoticon.All() {
		entries = append(entries, entry{len(keys), len(e), 0, fixedEmoticon})
		keys = append(keys, e...)
	}
	for _, f := range m.fixed {
		entries = append(entries, entry{len(keys), len(f.word), int(f.class), oneTag})
		keys = append(keys, f.word...)
	}
	t.fixedWords = newTable(keys, len(entries))
	for _, e := range entries {
		t.fixedWords.put(uint32(e.off), uint16(e.n), uint32(e.val), e.kind)
	}
}
