// Package postag gives the tokens of a sentence their part-of-speech tags
// (Penn Treebank), the tags prose's tagger gives, at a third of its cost.
//
// The model is prose's English averaged perceptron (Honnibal's "A good
// part-of-speech tagger in about 200 lines of Python"), shipped as data in
// github.com/jdkato/prose/v3/tag/aptagmodel, MIT licence, © Joseph Kato.
// prose finds each feature's weights by binary search over its sorted
// feature strings; this package reads the same file into a hash table once,
// at load, and scores every token with the same features summed in the same
// order, so that float32 rounding, and with it every tag, is prose's.
package postag

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"
)

//go:embed emoticons.txt
var emoticons []byte

// The words the model reads before and after a sentence, and the tags it
// reads before it.
const (
	start, start2 = "-START-", "-START2-"
	end, end2     = "-END-", "-END2-"
)

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	m *model
	// names are the tags whose features are looked up once, at load: the
	// model's classes, then start and start2.
	names []string
	// Weights of the features that hold no word: by tag id, or pair of tag
	// ids (a*len(names)+b), or first byte of the word.
	bias              weights
	prevTag, prev2Tag []weights
	tagPair           []weights
	prefix            [256]weights
	words             table // emoticons and the model's words of one tag
	nclass            int
	startID, start2ID int
	// the tags given without the model
	dashID, symID, nnID, traceID int
	scratch                      sync.Pool
}

// weights are the pairs lo..lo+n of the model: a feature's weight for each
// class it votes for.
type weights struct {
	lo uint32
	n  uint8
}

// The kinds of word in Tagger.words; an emoticon comes before a model word.
const (
	emoticon = 1
	oneTag   = 2
)

// New returns a tagger with prose's English model.
func New() (*Tagger, error) { return Load(aptagmodel.English) }

// Load returns a tagger with a model in prose's flat format. The model is
// read in place: data must not change afterwards.
func Load(data []byte) (*Tagger, error) {
	m, err := decode(data)
	if err != nil {
		return nil, err
	}
	t := &Tagger{m: m, nclass: len(m.classes)}
	t.names = append(append(t.names, m.classes...), start, start2)
	t.startID, t.start2ID = len(m.classes), len(m.classes)+1
	t.dashID, t.symID, t.nnID, t.traceID = t.name("-"), t.name("SYM"), t.name("NN"), t.name("-NONE-")

	var key []byte
	find := func(parts ...string) weights {
		key = key[:0]
		for _, p := range parts {
			key = append(key, p...)
		}
		return t.m.find(key)
	}
	t.bias = find("bias")
	t.prevTag = make([]weights, len(t.names))
	t.prev2Tag = make([]weights, len(t.names))
	t.tagPair = make([]weights, len(t.names)*len(t.names))
	for a, p1 := range t.names {
		t.prevTag[a] = find("i-1 tag ", p1)
		t.prev2Tag[a] = find("i-2 tag ", p1)
		for b, p2 := range t.names {
			t.tagPair[a*len(t.names)+b] = find("i tag+i-2 tag ", p1, " ", p2)
		}
	}
	for b := range t.prefix {
		t.prefix[b] = find("i pref1 ", string([]byte{byte(b)}))
	}

	var keys []byte
	type entry struct {
		off, n int
		val    int
		kind   uint8
	}
	var entries []entry
	sc := bufio.NewScanner(bytes.NewReader(emoticons))
	for sc.Scan() {
		if l := sc.Bytes(); len(l) > 0 && l[0] != '#' {
			entries = append(entries, entry{len(keys), len(l), t.symID, emoticon})
			keys = append(keys, l...)
		}
	}
	for _, f := range m.fixed {
		entries = append(entries, entry{len(keys), len(f.word), int(f.class), oneTag})
		keys = append(keys, f.word...)
	}
	t.words = newTable(keys, len(entries))
	for _, e := range entries {
		t.words.add(uint32(e.off), uint16(e.n), uint32(e.val), e.kind)
	}

	t.scratch.New = func() any { return new(scratch) }
	return t, nil
}

// name returns the index of tag in t.names, which it adds when missing.
func (t *Tagger) name(tag string) int {
	if i := t.id(tag); i >= 0 {
		return i
	}
	t.names = append(t.names, tag)
	return len(t.names) - 1
}

// id returns the index of tag in t.names, or -1.
func (t *Tagger) id(tag string) int {
	for i, n := range t.names {
		if n == tag {
			return i
		}
	}
	return -1
}

// find returns the weights of a feature; a feature the model lacks has none.
func (m *model) find(key []byte) weights {
	if s := m.feats.find(key); s != nil {
		return weights{s.val, s.n}
	}
	return weights{}
}

// scratch is the working space of one call.
type scratch struct {
	ctx    []string
	lower  []byte
	ends   []int
	key    []byte
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
	ctx := t.context(s, toks)
	p1, p2 := tag{start, t.startID}, tag{start2, t.start2ID}
	for i := range toks {
		tg, ok := t.fixed(s, toks[i].Text)
		if !ok {
			tg = t.predict(s, ctx[i:i+5], toks[i].Text, p1, p2)
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
func (t *Tagger) fixed(s *scratch, w string) (tag, bool) {
	if w == "-" {
		return tag{"-", t.dashID}, true
	}
	s.key = append(s.key[:0], w...)
	e := t.words.find(s.key)
	switch {
	case e != nil && e.n == emoticon:
		return tag{t.names[e.val], int(e.val)}, true
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

// context returns the words of the sentence as the model reads them,
// with two words before the first and two after the last.
func (t *Tagger) context(s *scratch, toks []token.Token) []string {
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
	return ctx
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

// predict returns the class of the word w, whose context ctx holds the two
// words before it, itself and the two after, after the tags p1 and p2.
// The features are summed in the order prose sums them.
func (t *Tagger) predict(s *scratch, ctx []string, w string, p1, p2 tag) tag {
	sc := &s.scores
	clear(sc[:t.nclass])
	t.add(sc, t.bias)
	t.add(sc, t.lookup(s, "i suffix ", suffix(w)))
	if w == "" {
		t.add(sc, t.lookup(s, "i pref1 "))
	} else {
		t.add(sc, t.prefix[w[0]])
	}
	if p1.id >= 0 {
		t.add(sc, t.prevTag[p1.id])
	} else {
		t.add(sc, t.lookup(s, "i-1 tag ", p1.name))
	}
	if p2.id >= 0 {
		t.add(sc, t.prev2Tag[p2.id])
	} else {
		t.add(sc, t.lookup(s, "i-2 tag ", p2.name))
	}
	if p1.id >= 0 && p2.id >= 0 {
		t.add(sc, t.tagPair[p1.id*len(t.names)+p2.id])
	} else {
		t.add(sc, t.lookup(s, "i tag+i-2 tag ", p1.name, " ", p2.name))
	}
	t.add(sc, t.lookup(s, "i word ", ctx[2]))
	t.add(sc, t.lookup(s, "i-1 tag+i word ", p1.name, " ", ctx[2]))
	t.add(sc, t.lookup(s, "i-1 word ", ctx[1]))
	t.add(sc, t.lookup(s, "i-1 suffix ", suffix(ctx[1])))
	t.add(sc, t.lookup(s, "i-2 word ", ctx[0]))
	t.add(sc, t.lookup(s, "i+1 word ", ctx[3]))
	t.add(sc, t.lookup(s, "i+1 suffix ", suffix(ctx[3])))
	t.add(sc, t.lookup(s, "i+2 word ", ctx[4]))

	// the first of the highest scores
	best, c := float32(math.Inf(-1)), -1
	for i, v := range sc[:t.nclass] {
		if v > best {
			best, c = v, i
		}
	}
	if c < 0 {
		return tag{"", t.id("")}
	}
	return tag{t.names[c], c}
}

// lookup returns the weights of the feature the parts spell.
func (t *Tagger) lookup(s *scratch, parts ...string) weights {
	k := s.key[:0]
	for _, p := range parts {
		k = append(k, p...)
	}
	s.key = k
	return t.m.find(k)
}

// add adds the weights w to the scores.
func (t *Tagger) add(sc *[256]float32, w weights) {
	ids := t.m.ids[w.lo : w.lo+uint32(w.n)]
	ws := t.m.weights[4*w.lo : 4*(w.lo+uint32(w.n))]
	ws = ws[:4*len(ids)]
	for j, c := range ids {
		sc[c] += math.Float32frombits(binary.LittleEndian.Uint32(ws[4*j:]))
	}
}
