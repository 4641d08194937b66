package times

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/text/wordfilter"
)

// token is a word, a number or a punctuation mark of the text.
type token struct {
	e      *entry // lexicon entry of the key, nil when none
	start  int32  // byte offsets into the text
	end    int32
	keyEnd int32 // the key, lower-cased with possessive 's removed, is low[start:keyEnd]
	num    int32 // the value of a digits token of at most 9 digits, else -1
	sent   int32 // index of the sentence it belongs to
	gap    bool  // whitespace (or the start of the text) precedes it
	upper  bool  // starts with an upper-case letter
	digits bool  // ASCII digits only
}

// tokenize splits text into tokens. low is text with ASCII letters folded to
// lower case (same length), so keys are substrings and cost no allocation.
//
// A word is a run of letters and digits with inner apostrophes ("Friday's",
// "don't"); in a word that starts with a digit, ",./:-" between two digits stay
// inside ("1,700", "10/10/2020", "2020-10-10", "3-5", "10:35"). Anything else
// is a one-character punctuation token. Sentences end at ".", "!" or "?"
// followed by a capitalised word or quote, and at blank lines.
func tokenize(text, low string, lex map[string]*entry, inLex *wordfilter.Filter) []token {
	toks := make([]token, 0, len(text)/5+16)
	sent := 0
	gap, newlines, terminal := true, 0, false
	for i := 0; i < len(text); {
		c := text[i]
		size := 1
		var r rune = rune(c)
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if c == '\n' {
			newlines++
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c >= utf8.RuneSelf && unicode.IsSpace(r)) {
			gap = true
			i += size
			continue
		}
		end := i + size
		if isLetterRune(r) || isDigit(c) {
			end = scanWord(text, i)
		}
		t := token{start: int32(i), end: int32(end), gap: gap, num: -1}
		word := end > i+size || isLetterRune(r) || isDigit(c)
		if len(toks) > 0 && (newlines >= 2 || (terminal && gap && (isUpper(c) || c == '"' || c == '\'' || c == '`'))) {
			sent++
		}
		t.sent = int32(sent)
		key := low[i:end]
		if word {
			t.upper = isUpper(c)
			if n := len(key); n > 2 && key[n-2:] == "'s" {
				key = key[:n-2]
			} else if n > 4 && key[n-4:] == "\u2019s" {
				key = key[:n-4]
			}
			t.digits = isDigits(key)
			if t.digits && len(key) <= 9 {
				t.num = int32(atoi(key))
			}
			if inLex.May(key) {
				t.e = lex[key]
			}
			terminal = false
		} else {
			switch c {
			case '.', '!', '?':
				terminal = true
			case '"', '\'', ')', '`':
				// closing quotes keep the sentence end pending
			default:
				terminal = false
			}
		}
		t.keyEnd = int32(i + len(key))
		toks = append(toks, t)
		gap, newlines = false, 0
		i = end
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	numeric := isDigit(text[i])
	j := i
	for j < len(text) {
		c := text[j]
		if isDigit(c) || isASCIILetter(c) {
			j++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isLetterRune(r) {
				j += size
				continue
			}
			if r == '\u2019' && j > i && j+size < len(text) && isASCIILetter(text[j+size]) {
				j += size
				continue
			}
			break
		}
		next := byte(0)
		if j+1 < len(text) {
			next = text[j+1]
		}
		if c == '\'' && j > i && isASCIILetter(next) {
			j++
			continue
		}
		if numeric && isDigit(text[j-1]) && isDigit(next) && (c == ',' || c == '.' || c == '/' || c == ':' || c == '-') {
			j++
			continue
		}
		break
	}
	return j
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isUpper(c byte) bool       { return 'A' <= c && c <= 'Z' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// asciiLower folds A-Z to a-z and leaves every other byte alone, so offsets
// in the result are offsets in s.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !isUpper(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder // one allocation, where []byte and back are two
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}
