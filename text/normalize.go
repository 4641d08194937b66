package text

import (
	"strings"
	"unicode/utf8"
)

// replacements maps typographic characters to their plain forms so that
// later stages match one spelling. Machine-translated and scraped news mixes
// both freely.
var replacements = map[rune]string{
	'\u00a0': " ", // no-break space
	'\u2007': " ", // figure space
	'\u202f': " ", // narrow no-break space
	'\u2009': " ", // thin space
	'\u200a': " ", // hair space
	'\u2002': " ",
	'\u2003': " ",
	'\u3000': " ",
	'\u2018': "'", // left single quotation mark
	'\u2019': "'", // right single quotation mark, also the apostrophe
	'\u201a': "'",
	'\u201b': "'",
	'\u2032': "'",
	'\u00b4': "'",
	'\u201c': `"`,
	'\u201d': `"`,
	'\u201e': `"`,
	'\u201f': `"`,
	'\u00ab': `"`,
	'\u00bb': `"`,
	'\u2033': `"`,
	'\u2010': "-", // hyphen
	'\u2011': "-", // non-breaking hyphen
	'\u2012': "-", // figure dash
	'\u2013': "-", // en dash
	'\u2014': "-", // em dash
	'\u2015': "-",
	'\u2212': "-", // minus sign
	'\u2026': "...",
	'\u200b': "", // zero-width space
	'\u200e': "", // left-to-right mark
	'\u200f': "",
	'\ufeff': "", // byte order mark
	'\r':     "",
}

// Normalized is text with typographic variants replaced, and the way back to
// the byte offsets of the text as read.
type Normalized struct {
	Text string
	// orig[i] is the offset in the original text of byte i of Text; nil
	// when Text is the original unchanged.
	orig []int32
	n    int // length of the original text
}

// Normalize replaces typographic quotes, dashes, spaces and invisible marks
// with plain ASCII forms. Offsets into the result map back to the input
// through Orig.
func Normalize(s string) Normalized {
	if !needsNormalizing(s) {
		return Normalized{Text: s, n: len(s)}
	}
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int32, 0, len(s)+1)
	for i, r := range s {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			size = 1
		}
		rep, ok := replacements[r]
		if !ok {
			rep = s[i : i+size]
		}
		for j := 0; j < len(rep); j++ {
			b.WriteByte(rep[j])
			orig = append(orig, int32(i))
		}
	}
	orig = append(orig, int32(len(s)))
	return Normalized{Text: b.String(), orig: orig, n: len(s)}
}

func needsNormalizing(s string) bool {
	for _, r := range s {
		if r < 0x80 && r != '\r' {
			continue
		}
		if _, ok := replacements[r]; ok {
			return true
		}
	}
	return false
}

// Orig maps a byte offset of the normalised text to the original text. An
// end offset maps to the end of the original character it follows.
func (n Normalized) Orig(i int) int {
	if n.orig == nil {
		return i
	}
	if i <= 0 {
		return 0
	}
	if i >= len(n.orig)-1 {
		return n.n
	}
	return int(n.orig[i])
}

// OrigSpan maps a [start, end) span of the normalised text to the original
// text, so that an end offset lands after the whole original character.
func (n Normalized) OrigSpan(start, end int) (int, int) {
	if n.orig == nil {
		return start, end
	}
	s := n.Orig(start)
	if end <= start {
		return s, s
	}
	// the original character holding the last normalised byte ends where
	// the next distinct original offset begins
	last := n.Orig(end - 1)
	e := n.Orig(end)
	if e <= last {
		e = last + 1
	}
	return s, e
}
