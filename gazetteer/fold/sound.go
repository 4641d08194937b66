package fold

import "strings"

// soundGroups rewrite letter groups that transliterations of one sound
// spell differently, tried longest first at each position: Russian-style
// "dzh" and "zh", French "dj", Azerbaijani and Turkish "c" are all the "j"
// of "Ganja"; Azerbaijani "x" is "kh", and both are "h"; "q" is "k"; "ph"
// is "f"; "w" is "v". The sh and ch groups get letters of their own ("S",
// "C"), so that "c" in them is not taken for "j".
var soundGroups = [...]struct{ from, to string }{
	{"dzh", "j"}, {"tch", "C"}, {"sch", "S"},
	{"zh", "j"}, {"dj", "j"}, {"dz", "j"}, {"kh", "h"}, {"gh", "g"}, {"ph", "f"},
	{"ch", "C"}, {"sh", "S"}, {"th", "t"}, {"ck", "k"},
	{"x", "h"}, {"q", "k"}, {"w", "v"}, {"c", "j"},
}

// digraphLetters are letters whose usual romanisation is two letters, which
// Key would fold to one ("ş" to "s"): Azerbaijani and Turkish "Şuşa" is
// "Shusha".
var digraphLetters = strings.NewReplacer(
	"ş", "sh", "Ş", "sh", "š", "sh", "Š", "sh", "ç", "ch", "Ç", "ch", "č", "ch", "Č", "ch",
	"ž", "zh", "Ž", "zh",
)

// Sound returns the transliteration key of s: its folded key (see Key,
// after "ş" is read "sh" and the like) with the letter groups that spell
// one sound across transliterations made one, every vowel (and y) made
// "a", a final "h" after a vowel dropped, doubled letters made single, and
// spaces removed. "Ganja", "Gəncə", "Gyandzha", "Gandja" and "Gence" all
// give "ganja"; "Fuzuli" and "Fizuli" "fazala"; "Xankəndi" and "Khankendi"
// "hankanda"; "Mirpur Khas" and "Mirpurkhas" one key. The key is coarse on
// purpose: it finds candidates for a name the gazetteer does not have as
// written, and the caller must weigh them more carefully than exact
// matches.
func Sound(s string) string {
	return string(AppendSound(nil, s))
}

// AppendSound appends the transliteration key of s (see Sound) to dst and
// returns the extended buffer.
func AppendSound(dst []byte, s string) []byte {
	if strings.ContainsAny(s, "şŞšŠçÇčČžŽ") {
		s = digraphLetters.Replace(s)
	}
	start := len(dst)
	// The folded key goes after dst's end and is rewritten into place:
	// the key is never shorter than its rewriting.
	dst = AppendKey(dst, s)
	key := dst[start:]
	out := dst[:start]
	last := byte(0)
	for i := 0; i < len(key); {
		c, n := key[i], 1
		if c == ' ' {
			i++
			continue
		}
		for _, g := range soundGroups {
			if len(g.from) <= len(key)-i && string(key[i:i+len(g.from)]) == g.from {
				c, n = g.to[0], len(g.from)
				break
			}
		}
		i += n
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			c = 'a'
		case 'h':
			if i == len(key) && last == 'a' {
				continue
			}
		}
		if c == last {
			continue
		}
		out = append(out, c)
		last = c
	}
	return out
}

// Distance is the edit distance (Levenshtein) between two keys, in bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
