// Package fold turns place names into the lookup keys the gazetteer is
// indexed by, so that "Füzuli", "FUZULI" and "Fuzuli", or "Gəncə" and
// "Gənca", or "Nagorno-Karabakh" and "Nagorno Karabakh", meet.
package fold

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns the folded form of s: lower case, without diacritics, with
// letters that do not decompose mapped to their usual Latin transcription
// (ə→a, ı→i, ø→o, ß→ss, ...), apostrophes and full stops dropped ("U.S."
// gives "us", "Ma'arat" gives "maarat"), any other run of punctuation or
// space turned into one space, and no leading or trailing space.
func Key(s string) string {
	if isKey(s) {
		return s
	}
	return string(AppendKey(make([]byte, 0, len(s)), s))
}

// foldRune returns the folded form of a non-ASCII rune: "" to drop it, " "
// for a separator.
func foldRune(r rune) string {
	if t := table(); int(r) < len(t) {
		return t[r]
	}
	return foldOne(r, foldRune)
}

// isKey reports whether s is already folded.
func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '´', 'ʹ', 'ʻ', 'ʼ', 'ʽ', 'ʾ', 'ʿ', '‘', '’', '′':
		return true
	}
	return false
}

// asciiFold maps each ASCII byte to its folded form: "" to drop it, " " for
// a separator.
var asciiFold = func() (t [utf8.RuneSelf]string) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			t[c] = string(rune(c))
		case c >= 'A' && c <= 'Z':
			t[c] = string(rune(c + 'a' - 'A'))
		case c == '\'' || c == '`' || c == '.':
			t[c] = ""
		default:
			t[c] = " "
		}
	}
	return t
}()

// special holds letters that have no canonical decomposition but a usual
// Latin transcription.
var special = map[rune]string{
	'ə': "a", 'Ə': "a", 'ı': "i", 'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'ß': "ss", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ħ': "h", 'Ħ': "h", 'ŧ': "t",
	'Ŧ': "t", 'ŋ': "n", 'Ŋ': "n", 'ƒ': "f", 'ɨ': "i", 'ʉ': "u", 'ɛ': "e",
	'Ɛ': "e", 'ɔ': "o", 'Ɔ': "o", 'ƙ': "k", 'ɗ': "d", 'ɓ': "b", 'ƴ': "y",
	'ǝ': "a", 'Ǝ': "a", 'ĸ': "k", 'ŀ': "l", 'Ŀ': "l",
}

// table returns the folded form of every rune below tableSize, built once.
var table = sync.OnceValue(func() []string {
	const tableSize = 0x2000 // Latin, Greek, Cyrillic and the Latin Extended Additional block
	t := make([]string, tableSize)
	done := make([]bool, tableSize)
	var fold func(r rune) string
	fold = func(r rune) string {
		if int(r) < tableSize && done[r] {
			return t[r]
		}
		s := foldOne(r, fold)
		if int(r) < tableSize {
			t[r], done[r] = s, true
		}
		return s
	}
	for r := rune(utf8.RuneSelf); r < tableSize; r++ {
		fold(r)
	}
	return t
})

// foldOne folds r, with fold for the runes it decomposes into.
func foldOne(r rune, fold func(rune) string) string {
	if s, ok := special[r]; ok {
		return s
	}
	switch {
	case r < utf8.RuneSelf:
		return asciiFold[r]
	case isApostrophe(r), unicode.Is(unicode.M, r):
		return ""
	case !unicode.IsLetter(r) && !unicode.IsDigit(r):
		return " "
	}
	l := unicode.ToLower(r)
	if l != r {
		return fold(l)
	}
	d := norm.NFD.String(string(r))
	if d == string(r) {
		return d
	}
	var b strings.Builder
	for _, c := range d {
		if s := fold(c); s != " " {
			b.WriteString(s)
		}
	}
	return b.String()
}

// AppendKey appends the folded form of s (see Key) to dst and returns the
// extended buffer.
func AppendKey(dst []byte, s string) []byte {
	if isKey(s) {
		return append(dst, s...)
	}
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		var rep string
		if c := s[i]; c < utf8.RuneSelf {
			rep = asciiFold[c]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			rep = foldRune(r)
		}
		switch rep {
		case "":
		case " ":
			space = len(dst) > start
		default:
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, rep...)
		}
	}
	return dst
}
