package numbers

import (
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	kWord  kind = iota // a run of letters, with inner apostrophes ("o'clock")
	kNum               // ASCII digits with optional thousands separators and decimals
	kPunct             // any other single rune
	kBad               // digits that read as a date, clock time, version or code
)

// token is a word, number or punctuation mark of the text.
type token struct {
	s, e int
	k    kind
	sp   bool // preceded by whitespace or the start of the text
	dec  bool // kNum: has a decimal part
	sep  bool // kNum: has thousands separators
}

// lex splits text into tokens, appending them to toks.
func lex(text string, toks []token) []token {
	sp := true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				sp = true
				i++
				continue
			case isDigit(c):
				t := lexNum(text, i)
				t.sp = sp
				toks = append(toks, t)
				i, sp = t.e, false
				continue
			case isASCIILetter(c):
				e := lexWord(text, i)
				toks = append(toks, token{s: i, e: e, k: kWord, sp: sp})
				i, sp = e, false
				continue
			}
			toks = append(toks, token{s: i, e: i + 1, k: kPunct, sp: sp})
			i, sp = i+1, false
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			sp = true
			i += size
		case unicode.IsLetter(r):
			e := lexWord(text, i)
			toks = append(toks, token{s: i, e: e, k: kWord, sp: sp})
			i, sp = e, false
		default:
			toks = append(toks, token{s: i, e: i + size, k: kPunct, sp: sp})
			i, sp = i+size, false
		}
	}
	return toks
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// letterAt reports whether a letter starts at text[i].
func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// lexWord returns the end of the word starting at i.
func lexWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if isASCIILetter(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsLetter(r) {
			i += size
			continue
		}
		// An apostrophe between letters stays inside the word.
		if text[i] == '\'' && letterAt(text, i+1) {
			i++
			continue
		}
		if len(text) > i+3 && text[i:i+3] == "\u2019" && letterAt(text, i+3) {
			i += 3
			continue
		}
		break
	}
	return i
}

// digitsEnd returns the end of the run of ASCII digits starting at i.
func digitsEnd(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// lexNum reads the number starting at i: "1,700", "2.5", or, marked kBad,
// "10:30", "10/10/2020", "2020-10-10", "1.2.3" and zero-padded "0800".
func lexNum(text string, i int) token {
	t := token{s: i, k: kNum}
	j := digitsEnd(text, i)
	intLen := j - i
	bad := text[i] == '0' && intLen > 1
	for j < len(text) {
		c := text[j]
		switch {
		case c == ',' && !t.dec && digitsEnd(text, j+1) == j+4:
			t.sep = true
			j += 4
			continue
		case c == '.' && j+1 < len(text) && isDigit(text[j+1]):
			if t.dec {
				bad = true // "1.2.3", "10.10.2020"
			}
			t.dec = true
			j = digitsEnd(text, j+1)
			continue
		case (c == ':' || c == '/') && j+1 < len(text) && isDigit(text[j+1]):
			bad = true
			j = digitsEnd(text, j+1)
			continue
		}
		break
	}
	// ISO dates: 2020-10-10, and year-month 2020-05.
	if !t.dec && !t.sep && j < len(text) && text[j] == '-' {
		k := digitsEnd(text, j+1)
		switch {
		case k > j+1 && k < len(text) && text[k] == '-' && k+1 < len(text) && isDigit(text[k+1]):
			bad = true
			j = digitsEnd(text, k+1)
		case intLen == 4 && k == j+3 && text[j+1] == '0':
			bad = true
			j = k
		}
	}
	t.e = j
	if bad {
		t.k = kBad
	}
	return t
}
