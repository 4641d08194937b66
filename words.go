package sitrep

import "strings"

// LowerWords returns the texts of the sentence's tokens in lower case
// (strings.ToLower), in dst's storage. The stages that read words look
// them up lower-cased; the ASCII words with capitals, most of those that
// change, are lowered into one string rather than one string each.
func (s *Sentence) LowerWords(dst []string) []string {
	toks := s.Tokens
	lw := append(dst[:0], make([]string, len(toks))...)
	var room [64]int32
	upper := room[:0] // the ASCII words with capitals
	size := 0
	for i, t := range toks {
		switch ascii, capitals := caseASCII(t.Text); {
		case !ascii:
			lw[i] = strings.ToLower(t.Text)
		case capitals:
			upper = append(upper, int32(i))
			size += len(t.Text)
		default:
			lw[i] = t.Text
		}
	}
	if len(upper) == 0 {
		return lw
	}
	var b strings.Builder
	b.Grow(size)
	for _, i := range upper {
		w := toks[i].Text
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
	}
	all, at := b.String(), 0
	for _, i := range upper {
		n := len(toks[i].Text)
		lw[i] = all[at : at+n]
		at += n
	}
	return lw
}

// caseASCII reports whether s is ASCII and whether it has capitals.
func caseASCII(s string) (ascii, upper bool) {
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 0x80 {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}
