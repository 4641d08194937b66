// Package wordtok splits a sentence into word tokens with their byte
// offsets: the tokens prose's default tokenizer gives
// (github.com/jdkato/prose/v3/tokenize, MIT licence, © Joseph Kato), the
// same texts at the same offsets, at a fraction of its cost.
//
// A sentence is cut at Unicode white space. A word is kept whole when it is
// an emoticon, initials ("U.S.", "e.g.") or a short capitalised
// abbreviation ("Mr.", "Gen."); otherwise, as long as something can be cut,
// an opening bracket, quote or dollar sign is cut off its front, the word is
// cut before a contraction ("they" "'ll", "do" "n't"), and closing
// punctuation is cut off its end. prose tests the kept words with a regular
// expression on every piece of every word; here they are plain byte tests.
package wordtok

import (
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"

	"github.com/sitrep-project/sitrep/text/emoticon"
)

// Tokenize returns the tokens of s; offsets are into s and texts are
// substrings of it.
func Tokenize(s string) []token.Token {
	return Append(make([]token.Token, 0, len(s)/4+2), s)
}

// Append appends the tokens of s to toks and returns the extended slice.
func Append(toks []token.Token, s string) []token.Token {
	start := -1 // of the word being read, or -1 in white space
	for i := 0; i < len(s); {
		c, n := s[i], 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			toks = word(toks, s[start:i], start)
			start = -1
		case !space && start < 0:
			start = i
		}
		i += n
	}
	if start >= 0 {
		toks = word(toks, s[start:], start)
	}
	return toks
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// word appends the tokens of w, a run of bytes without white space at
// offset base.
func word(toks []token.Token, w string, base int) []token.Token {
	// What is cut off the end comes out last, in the order of the text;
	// few words end in more than eight marks.
	var endBuf [8]token.Token
	ends := endBuf[:0]
	for w != "" {
		if keptWhole(w) {
			break
		}
		if n := opening(w); n > 0 && n < len(w) {
			toks = append(toks, token.Token{Text: w[:n], Start: base})
			w, base = w[n:], base+n
			continue
		}
		if i := contraction(w); i > 0 {
			toks = append(toks, token.Token{Text: w[:i], Start: base})
			w, base = w[i:], base+i
			continue
		}
		if n := closing(w); n > 0 && n < len(w) {
			cut := len(w) - n
			ends = append(ends, token.Token{Text: w[cut:], Start: base + cut})
			w = w[:cut]
			continue
		}
		break
	}
	if w != "" {
		toks = append(toks, token.Token{Text: w, Start: base})
	}
	for i := len(ends) - 1; i >= 0; i-- {
		toks = append(toks, ends[i])
	}
	return toks
}

// keptWhole reports whether w is a token however it ends: an emoticon,
// initials of ASCII letters each followed by a full stop ("U.S.", "e.g."),
// or a capital and one or two lower-case ASCII letters and a full stop
// ("Mr.", "Gen.").
func keptWhole(w string) bool {
	n := len(w)
	if n >= 4 && n%2 == 0 && w[n-1] == '.' {
		initials := true
		for i := 0; i < n; i += 2 {
			if !isLetter(w[i]) || w[i+1] != '.' {
				initials = false
				break
			}
		}
		if initials {
			return true
		}
	}
	if (n == 3 || n == 4) && w[n-1] == '.' && 'A' <= w[0] && w[0] <= 'Z' && isLower(w[1]) && isLower(w[n-2]) {
		return true
	}
	return emoticon.Is(w)
}

func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isLetter(c byte) bool { return isLower(c | 0x20) }

// The curly quotes in UTF-8.
const (
	leftDouble  = "\u201c"
	leftSingle  = "\u2018"
	rightDouble = "\u201d"
	rightSingle = "\u2019" // also the typographic apostrophe
)

// opening returns the length of the mark at the start of w that is cut off
// it: "$", "(", '"', "[", or a left curly quote; or 0.
func opening(w string) int {
	switch w[0] {
	case '$', '(', '"', '[':
		return 1
	case leftDouble[0]:
		if hasPrefix(w, leftDouble) || hasPrefix(w, leftSingle) {
			return len(leftDouble)
		}
	}
	return 0
}

// closing returns the length of the mark at the end of w that is cut off
// it: one of , ) " ] ! ; . ? : ' or a right curly quote; or 0.
func closing(w string) int {
	switch w[len(w)-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return 1
	case rightDouble[2], rightSingle[2]:
		if n := len(w) - len(rightDouble); n >= 0 && (w[n:] == rightDouble || w[n:] == rightSingle) {
			return len(rightDouble)
		}
	}
	return 0
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// The contractions a word is cut before, as bits: with either apostrophe,
// 'll, 's, 're, 'm and n't, in any case of their ASCII letters.
const (
	contLL = 1 << iota
	contS
	contRE
	contM
	contNT
	contCurly = contNT << 1 // the same, with the curly apostrophe, shifted by this
)

// contraction returns where w is cut before a contraction, or 0: the first
// offset after the start of w at which one begins, of those that do not
// also begin at its start (prose looks for the first occurrence of each and
// takes none at offset 0).
func contraction(w string) int {
	atStart := contractionsAt(w, 0)
	for i := 1; i < len(w)-1; i++ {
		if c := w[i]; c != '\'' && c != rightSingle[0] && c|0x20 != 'n' {
			continue
		}
		if contractionsAt(w, i)&^atStart != 0 {
			return i
		}
	}
	return 0
}

// contractionsAt returns the bits of the contractions that begin at w[i:].
func contractionsAt(w string, i int) int {
	switch c := w[i]; {
	case c == '\'':
		return afterApostrophe(w[i+1:])
	case c == rightSingle[0]:
		if hasPrefix(w[i:], rightSingle) {
			return afterApostrophe(w[i+len(rightSingle):]) * contCurly
		}
	case c|0x20 == 'n':
		rest := w[i+1:]
		switch {
		case len(rest) >= 2 && rest[0] == '\'' && rest[1]|0x20 == 't':
			return contNT
		case len(rest) >= 4 && hasPrefix(rest, rightSingle) && rest[3]|0x20 == 't':
			return contNT * contCurly
		}
	}
	return 0
}

// afterApostrophe returns the bit of the contraction whose letters begin
// rest: ll, s, re or m.
func afterApostrophe(rest string) int {
	if rest == "" {
		return 0
	}
	switch rest[0] | 0x20 {
	case 's':
		return contS
	case 'm':
		return contM
	case 'l':
		if len(rest) >= 2 && rest[1]|0x20 == 'l' {
			return contLL
		}
	case 'r':
		if len(rest) >= 2 && rest[1]|0x20 == 'e' {
			return contRE
		}
	}
	return 0
}
