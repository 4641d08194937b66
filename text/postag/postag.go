// Package postag gives the tokens of a sentence their part-of-speech tags
// (Penn Treebank), the tags prose's tagger gives, at a quarter of its cost.
//
// The model is prose's English averaged perceptron (Honnibal's "A good
// part-of-speech tagger in about 200 lines of Python"), shipped as data in
// github.com/jdkato/prose/v3/tag/aptagmodel, MIT licence, © Joseph Kato.
// prose builds fourteen feature strings a token and finds each by binary
// search over the model's sorted features; this package files the features
// once, at load, under the words, suffixes and tags they name, looks up each
// word of a sentence once, and sums the same weights in the same order, so
// that float32 rounding, and with it every tag, is prose's.
package postag

import (
	"encoding/binary"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"
)

// The words the model reads before and after a sentence, and the tags it
// reads before it.
const (
	start, start2 = "-START-", "-START2-"
	end, end2     = "-END-", "-END2-"
)

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	// names are the tags the model knows: its classes, then start, start2
	// and any other tag its features name. A tag not among them is in no
	// feature.
	names  []string
	nclass int
	ids    []byte // class of each pair of the model
	wts    []byte // weight of each pair, a little-endian float32

	// The features, by what they are made of.
	bias              weights
	prefix            [256]weights // by first byte
	noPrefix          weights      // of the empty word
	prevTag, prev2Tag []weights    // by tag id
	tagPair           []weights    // by a*len(names)+b for tags a, b
	words             table        // word -> index in wordFeats
	wordFeats         []wordFeats
	tagWords          []tagWord // "i-1 tag+i word", by word
	suffixes          table     // suffix -> index in suffixFeats
	suffixFeats       []suffixFeats

	fixedWords table // emoticons and the model's words of one tag

	startID, start2ID            int
	dashID, symID, nnID, traceID int // -1 for a tag in no feature
	scratch                      sync.Pool
}

// weights are the pairs lo..lo+n of the model: a feature's weight for each
// class it votes for. The zero value is a feature the model lacks.
type weights struct {
	lo uint32
	n  uint8
}

// wordFeats are the features of a word.
type wordFeats struct {
	at     [5]weights // as the word two before the one tagged, ... two after
	tagged [2]uint32  // its tagWords
}

// tagWord is the feature of a word after a tag.
type tagWord struct {
	lo  uint32
	tag uint16
	n   uint8
}

// suffixFeats are the features of the last three bytes of a word.
type suffixFeats struct {
	at [3]weights // as the suffix of the word before the one tagged, of it, of the one after
}

// The kinds of entry in Tagger.fixedWords; an emoticon comes before a model
// word.
const (
	fixedEmoticon = 1
	oneTag        = 2
)

// New returns a tagger with prose's English model.
func New() (*Tagger, error) { return Load(aptagmodel.English) }

// id returns the index of tag in t.names, or -1.
func (t *Tagger) id(tag string) int {
	for i, n := range t.names {
		if n == tag {
			return i
		}
	}
	return -1
}

// scratch is the working space of one call.
type scratch struct {
	ctx    []string
	lower  []byte
	ends   []int
	word   []int32 // index in wordFeats of each word of ctx, or -1
	suffix []int32 // index in suffixFeats of the suffix of each, or -1
	scores [256]float32
}

// tag is a tag given to a token: its name, and its index in Tagger.names
// or -1 when it has none there.
type tag struct {
	name string
	id   int
}

// TagTokens sets the Tag of each token of a sentence.
func (t *Tagger) TagTokens(toks []token.Token) {
	if len(toks) == 0 {
		return
	}
	s := t.scratch.Get().(*scratch)
	defer t.scratch.Put(s)
	t.context(s, toks)
	p1, p2 := tag{start, t.startID}, tag{start2, t.start2ID}
	for i := range toks {
		tg, ok := t.fixed(toks[i].Text)
		if !ok {
			tg = t.predict(s, i+2, toks[i].Text, p1, p2)
		}
		toks[i].Tag = tg.name
		p1, p2 = tg, p1
	}
}

// Tag returns the tags of the words of a sentence.
func (t *Tagger) Tag(words []string) []string {
	toks := make([]token.Token, len(words))
	for i, w := range words {
		toks[i].Text = w
	}
	t.TagTokens(toks)
	tags := make([]string, len(words))
	for i := range toks {
		tags[i] = toks[i].Tag
	}
	return tags
}

// fixed returns the tag of a word the model does not score: a dash, an
// emoticon, a user name, a Treebank trace or bracket, or a word of one tag.
func (t *Tagger) fixed(w string) (tag, bool) {
	if w == "-" {
		return tag{"-", t.dashID}, true
	}
	e := t.fixedWords.find(w)
	switch {
	case e != nil && e.n == fixedEmoticon:
		return tag{"SYM", t.symID}, true
	case strings.HasPrefix(w, "@"):
		return tag{"NN", t.nnID}, true
	case isTrace(w):
		return tag{"-NONE-", t.traceID}, true
	case isBracket(w):
		return tag{w, t.id(w)}, true
	case e != nil:
		return tag{t.names[e.val], int(e.val)}, true
	}
	return tag{}, false
}

// isTrace reports whether w marks an empty element in the Penn Treebank:
// "0", "*", "*U*", "*?*", "*-12", "*T*-1".
func isTrace(w string) bool {
	if w == "0" || w == "*" {
		return true
	}
	if len(w) < 3 || w[0] != '*' {
		return false
	}
	if len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?') {
		return true
	}
	rest := w[1:]
	if i := strings.IndexByte(rest, '*'); i > 0 {
		for j := 0; j < i; j++ {
			if rest[j] < 'A' || rest[j] > 'Z' {
				return false
			}
		}
		rest = rest[i+1:]
	}
	if len(rest) < 2 || len(rest) > 4 || rest[0] != '-' {
		return false
	}
	for j := 1; j < len(rest); j++ {
		if !isDigit(rest[j]) {
			return false
		}
	}
	return true
}

// isBracket reports whether w is a Treebank bracket such as "-LRB-", which
// is its own tag.
func isBracket(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for j := 1; j < 4; j++ {
		if w[j] < 'A' || w[j] > 'Z' {
			return false
		}
	}
	return true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isWordByte(b byte) bool {
	return isDigit(b) || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// context sets s.ctx to the words of the sentence as the model reads them,
// with two words before the first and two after the last, and s.word and
// s.suffix to their features.
func (t *Tagger) context(s *scratch, toks []token.Token) {
	ctx := append(s.ctx[:0], start, start2)
	low, ends := s.lower[:0], s.ends[:0]
	for i := range toks {
		w := toks[i].Text
		n, lower := normal(w)
		if lower {
			low = appendLower(low, w)
			ends = append(ends, len(low))
		} else {
			ends = append(ends, -1)
		}
		ctx = append(ctx, n)
	}
	ctx = append(ctx, end, end2)
	if len(low) > 0 {
		// one string for the sentence's lowered words
		all, from := string(low), 0
		for i, e := range ends {
			if e >= 0 {
				ctx[i+2], from = all[from:e], e
			}
		}
	}
	s.ctx, s.lower, s.ends = ctx, low, ends
	s.word, s.suffix = s.word[:0], s.suffix[:0]
	for _, w := range ctx {
		s.word = append(s.word, index(t.words.find(w)))
		s.suffix = append(s.suffix, index(t.suffixes.find(suffix(w))))
	}
}

// index returns the value of a slot, or -1 for none.
func index(s *slot) int32 {
	if s == nil {
		return -1
	}
	return int32(s.val)
}

// normal returns the form of w the model was trained on: a hyphenated
// word, a year or a number as a class, other words in lower case; lower is
// set when that lower case is still to be made.
func normal(w string) (n string, lower bool) {
	switch {
	case w == "":
		return w, false
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return "!HYPHEN", false
	case len(w) == 4 && isYear(w):
		return "!YEAR", false
	case isDigit(w[0]):
		return "!DIGITS", false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return "", true
		}
	}
	return w, false
}

// isYear reports whether a four-byte word is an integer: digits after an
// optional sign.
func isYear(w string) bool {
	if w[0] == '+' || w[0] == '-' {
		w = w[1:]
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// appendLower appends w in lower case, as strings.ToLower writes it.
func appendLower(dst []byte, w string) []byte {
	for _, r := range w {
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// suffix returns the last three bytes of w, or w when shorter.
func suffix(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}

// predict returns the tag of the word w at c in s.ctx, after the tags p1
// and p2. The features are summed in the order prose sums them.
func (t *Tagger) predict(s *scratch, c int, w string, p1, p2 tag) tag {
	sc := &s.scores
	clear(sc[:t.nclass])
	t.add(sc, t.bias)
	if w == s.ctx[c] {
		t.add(sc, t.suffixAt(s.suffix[c], 1))
	} else {
		t.add(sc, t.suffixAt(index(t.suffixes.find(suffix(w))), 1))
	}
	if w == "" {
		t.add(sc, t.noPrefix)
	} else {
		t.add(sc, t.prefix[w[0]])
	}
	if p1.id >= 0 {
		t.add(sc, t.prevTag[p1.id])
	}
	if p2.id >= 0 {
		t.add(sc, t.prev2Tag[p2.id])
	}
	if p1.id >= 0 && p2.id >= 0 {
		t.add(sc, t.tagPair[p1.id*len(t.names)+p2.id])
	}
	t.add(sc, t.wordAt(s.word[c], 2))
	if wi := s.word[c]; wi >= 0 && p1.id >= 0 {
		r := t.wordFeats[wi].tagged
		for _, tw := range t.tagWords[r[0]:r[1]] {
			if int(tw.tag) == p1.id {
				t.add(sc, weights{tw.lo, tw.n})
				break
			}
		}
	}
	t.add(sc, t.wordAt(s.word[c-1], 1))
	t.add(sc, t.suffixAt(s.suffix[c-1], 0))
	t.add(sc, t.wordAt(s.word[c-2], 0))
	t.add(sc, t.wordAt(s.word[c+1], 3))
	t.add(sc, t.suffixAt(s.suffix[c+1], 2))
	t.add(sc, t.wordAt(s.word[c+2], 4))

	// the first of the highest scores
	best, k := float32(math.Inf(-1)), -1
	for i, v := range sc[:t.nclass] {
		if v > best {
			best, k = v, i
		}
	}
	if k < 0 {
		return tag{"", t.id("")}
	}
	return tag{t.names[k], k}
}

// wordAt returns the weights of word i (or none when i < 0) at position at
// of wordFeats.at.
func (t *Tagger) wordAt(i int32, at int) weights {
	if i < 0 {
		return weights{}
	}
	return t.wordFeats[i].at[at]
}

// suffixAt is wordAt for suffixes.
func (t *Tagger) suffixAt(i int32, at int) weights {
	if i < 0 {
		return weights{}
	}
	return t.suffixFeats[i].at[at]
}

// add adds the weights w to the scores.
func (t *Tagger) add(sc *[256]float32, w weights) {
	ids := t.ids[w.lo : w.lo+uint32(w.n)]
	ws := t.wts[4*w.lo : 4*(w.lo+uint32(w.n))]
	ws = ws[:4*len(ids)]
	for j, c := range ids {
		sc[c] += math.Float32frombits(binary.LittleEndian.Uint32(ws[4*j:]))
	}
}
