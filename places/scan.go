package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/gazetteer/fold"
)

// word is a word of a sentence, as this stage reads it.
type word struct {
	start, end int    // byte offsets into the article text
	text       string // text[start:end]
	key        string // fold.Key(text)
	// line holds the keys of the sentence's words joined by spaces, key
	// being line[koff:koff+len(key)], so that the key of a run of words is
	// a slice of it (runKey).
	line  string
	koff  int
	cap   bool // starts with an upper-case letter
	upper bool // has no lower-case letter ("UN", "U.S.", "GANJA")
	// initial marks the first word of a sentence or of a quotation or
	// clause opened by a colon, quote or bracket, where capitals say little.
	initial bool
	// gap marks punctuation (other than spaces) between the previous word
	// and this one: a name does not run across it. dot marks a gap that is
	// a single full stop, as after "Mr." or "Gen.".
	gap, dot bool
	// poss marks a word after a possessive "'s" ("Hamra" of "Beirut's
	// Hamra district"): the word before is no first name, and a name it
	// starts is not part of the one before.
	poss bool
	// quarter marks the start of a quarter's name hyphened to its town's
	// ("Stari" of "Belgrade-Stari Grad", "San" of "Lima-San Juan de
	// Lurigancho").
	quarter bool
}

// scan appends the words of text[start:end] to ws. Hyphens and apostrophes
// inside a word keep it whole ("Nagorno-Karabakh", "Ma'arat"), a possessive
// "'s" is left out (the next word is marked poss), and dotted abbreviations ("U.S.") are one word.
// The keys are folded into kb, which is returned for reuse, and the words
// appended share their line.
func scan(ws []word, kb []byte, text string, start, end int) ([]word, []byte) {
	first := len(ws)
	kb = kb[:0]
	gap, initial, marks := true, true, 0
	dot, poss := false, false
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isWordRune(r) {
			switch {
			case r == ' ' || r == '\t' || r == '\u00a0':
			case r == '\n' || r == '\r':
				gap, initial = true, true
				marks += 2
			default:
				gap = true
				marks++
				dot = r == '.'
				if isOpener(r) {
					initial = true
				}
			}
			i += n
			continue
		}
		j := wordEnd(text, i, end)
		w := word{start: i, end: j, text: text[i:j], gap: gap, initial: initial, dot: dot && marks == 1, poss: poss}
		w.koff = len(kb)
		kb = append(fold.AppendKey(kb, w.text), ' ')
		w.cap, w.upper = caseOf(w.text)
		if !w.cap && arabicArticle(w.text) {
			w.cap = true // "al-Hasakeh"
		}
		ws = append(ws, w)
		gap, initial, dot, poss, marks = false, false, false, false, 0
		i = j
		// Skip a possessive "'s".
		if i < end && isApostrophe(text[i:end]) {
			_, an := utf8.DecodeRuneInString(text[i:end])
			if i+an < end && (text[i+an] == 's' || text[i+an] == 'S') {
				k := i + an + 1
				if k >= end {
					i = k
				} else if r, _ := utf8.DecodeRuneInString(text[k:end]); !isWordRune(r) {
					i, poss = k, true
				}
			}
		}
	}
	setLine(ws[first:], string(kb))
	return ws, kb
}

// setLine sets the keys of the words, folded into keys at their koff and
// each followed by a space, to slices of one string.
func setLine(ws []word, keys string) {
	for k := range ws {
		end := len(keys) - 1
		if k+1 < len(ws) {
			end = ws[k+1].koff - 1
		}
		ws[k].key, ws[k].line = keys[ws[k].koff:end], keys
	}
}

// runKey returns the key of a run of words of one sentence: their keys
// joined by spaces.
func runKey(ws []word) string {
	a, b := &ws[0], &ws[len(ws)-1]
	return a.line[a.koff : b.koff+len(b.key)]
}

// arabicArticle reports whether a word is a capitalised name behind a
// lower-case Arabic article: "al-Hasakeh", "ash-Shaddadi", "el-Arish".
func arabicArticle(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 2 || i > 3 || i+1 >= len(w) || w[i+1] < 'A' || w[i+1] > 'Z' {
		return false
	}
	switch w[:i] {
	case "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "et", "ez", "en", "ath", "adh":
		return true
	}
	return false
}

// splitHyphens returns ws with each capitalised word of hyphen-joined
// capitalised parts that the gazetteer lacks whole, and one of whose parts
// it has, and that no capitalised word follows, cut into its parts: "Mogadishu-Bondhere", the "Sidon-Tyr"
// highway. A part after the first follows a gap, as after punctuation.
func (x *Extractor) splitHyphens(ws []word) []word {
	var out []word
	for k, w := range ws {
		// A capitalised everyday word or an acronym after it makes it
		// part of a longer name ("Middlesex-London Health Unit",
		// "Middlesex-London EMS"); another name does not, nor a rarer
		// word ("Belgrade-Stari Grad").
		// After a capitalised word, an article runs the name on ("Bir
		// Al-Abd"); at the start of a name it is no part of it
		// ("Ar-Raqqa").
		mid := k > 0 && !w.gap && ws[k-1].cap
		if parts := x.hyphenParts(w, mid); parts != nil && (k+1 == len(ws) || ws[k+1].gap || !ws[k+1].cap || !ws[k+1].upper && !x.everyday(ws[k+1].key) && !x.runsOn(ws, k)) {
			if out == nil {
				out = append(make([]word, 0, len(ws)+4), ws[:k]...)
			}
			if k+1 < len(ws) && !ws[k+1].gap && ws[k+1].cap && len(parts) == 2 {
				// "City-Quarter Name", as ACLED writes a town's part
				parts[1].quarter = true
			}
			out = append(out, parts...)
		} else if out != nil {
			out = append(out, w)
		}
	}
	if out == nil {
		return ws
	}
	line := joinKeys(out)
	koff := 0
	for k := range out {
		out[k].line, out[k].koff = line, koff
		koff += len(out[k].key) + 1
	}
	return out
}

// hyphenParts returns the parts splitHyphens cuts w into, or nil.
func (x *Extractor) hyphenParts(w word, mid bool) []word {
	if !w.cap || w.upper || strings.IndexByte(w.text, '-') < 0 || x.g.Has(w.key) {
		return nil
	}
	if _, ok := x.g.CountryName(w.key); ok {
		return nil
	}
	var parts []word
	known := false
	at := w.start
	for k, p := range strings.Split(w.text, "-") {
		if len(p) < 2 || p[0] < 'A' || p[0] > 'Z' {
			return nil
		}
		gap := w.gap || k > 0 && !(mid && k == 1 && arabicArticle(strings.ToLower(parts[0].text)+"-"+p))
		pw := word{start: at, end: at + len(p), text: p, key: fold.Key(p), cap: true, gap: gap, initial: w.initial && k == 0}
		pw.upper = !strings.ContainsAny(p, "abcdefghijklmnopqrstuvwxyz")
		known = known || x.g.Has(pw.key)
		parts = append(parts, pw)
		at += len(p) + 1
	}
	if !known {
		return nil
	}
	return parts
}

// wordEnd returns the end of the word starting at i.
func wordEnd(text string, i, end int) int {
	// A dotted abbreviation: "U.S.", "U.K.".
	if j := abbrevEnd(text, i, end); j > i {
		return j
	}
	j := i
	for j < end {
		if c := text[j]; c < utf8.RuneSelf && asciiWord[c] {
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) {
			j += n
			continue
		}
		// A hyphen or apostrophe joins two letters, unless the apostrophe
		// starts a possessive or a contraction ("I've").
		if r == '-' || r == '‐' || isApostropheRune(r) {
			if j+n < end {
				next, _ := utf8.DecodeRuneInString(text[j+n : end])
				if isWordRune(next) && !(isApostropheRune(r) && isClitic(text, j+n, end)) {
					j += n
					continue
				}
			}
		}
		break
	}
	return j
}

// abbrevEnd returns the end of a dotted abbreviation of single capitals at
// i ("U.S."), or i.
func abbrevEnd(text string, i, end int) int {
	j, letters := i, 0
	for j+1 < end && text[j] >= 'A' && text[j] <= 'Z' && text[j+1] == '.' {
		j += 2
		letters++
	}
	if letters < 2 {
		return i
	}
	return j
}

// isClitic reports whether text[i:] starts with the end of a possessive
// or a contraction ("s", "ve", "ll", "re", "d", "m", "t") followed by a
// non-letter.
func isClitic(text string, i, end int) bool {
	for _, c := range [...]string{"s", "ve", "ll", "re", "d", "m", "t"} {
		if i+len(c) > end || !strings.EqualFold(text[i:i+len(c)], c) {
			continue
		}
		if i+len(c) == end {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(text[i+len(c) : end]); !isWordRune(r) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isApostropheRune(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘'
}

func isApostrophe(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isApostropheRune(r)
}

// isOpener reports whether r opens a sentence-like unit after which a
// capital letter is expected anyway.
func isOpener(r rune) bool {
	switch r {
	case '.', '!', '?', ':', ';', '"', '“', '”', '«', '(', '[', '—', '–':
		return true
	}
	return false
}

func caseOf(s string) (capital, upper bool) {
	first, _ := utf8.DecodeRuneInString(s)
	capital = unicode.IsUpper(first)
	if !capital {
		return false, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			return true, false
		}
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsLower(r) {
					return true, false
				}
			}
			break
		}
	}
	return true, true
}

func (x *Extractor) commonWord(key string) bool {
	_, ok := x.g.CommonWord(key)
	return ok
}

// everydayLevel is the SCOWL level up to which a common word is an
// everyday one ("health", "unit"; not "grad").
const everydayLevel = 35

// everyday reports whether key is an everyday English word.
func (x *Extractor) everyday(key string) bool {
	level, ok := x.g.CommonWord(key)
	return ok && level <= everydayLevel
}

// runsOn reports whether the hyphened word ws[k] starts a name of the
// gazetteer with the capitalised words after it ("Mayo-Kebbi Est").
func (x *Extractor) runsOn(ws []word, k int) bool {
	key := ws[k].key
	for j := k + 1; j < len(ws) && j <= k+2 && !ws[j].gap && ws[j].cap; j++ {
		key += " " + ws[j].key
		if x.g.Has(key) {
			return true
		}
	}
	return false
}
