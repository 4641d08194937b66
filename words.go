package sitrep

import "strings"

// LowerWords returns the texts of the sentence's tokens in lower case
// (strings.ToLower), in dst's storage. The stages that read words look
// them up lower-cased; the ASCII words with capitals, most of those that
// change, are lowered into one string rather than one string each.
func (s *Sentence) LowerWords(dst []string) []string {
	toks := s.Tokens
	lw := append(dst[:0], make([]string, len(toks))...)
	size := 0
	lowered := false
	for i, t := range toks {
		ascii, upper := caseASCII(t.Text)
		switch {
		case !ascii:
			lw[i] = strings.ToLower(t.Text)
		case upper:
			size += len(t.Text)
			lowered = true
		default:
			lw[i] = t.Text
		}
	}
	if !lowered {
		return lw
	}
	var b strings.Builder
	b.Grow(size)
	for _, t := range toks {
		if ascii, upper := caseASCII(t.Text); ascii && upper {
			for k := 0; k < len(t.Text); k++ {
				c := t.Text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		}
	}
	all, at := b.String(), 0
	for i, t := range toks {
		if ascii, upper := caseASCII(t.Text); ascii && upper {
			lw[i] = all[at : at+len(t.Text)]
			at += len(t.Text)
		}
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
