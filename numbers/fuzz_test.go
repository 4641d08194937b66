package numbers

import (
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"more than 40 others were injured",
		"between 10 and 15",
		"$5-10 million",
		"October 10, 2020",
		"2020-10-10 10:30",
		"twenty-one-year-old",
		"a hundred and",
		"two hundred and three hundred",
		"no one",
		"US$",
		"1,",
		"1.",
		"9-",
		"\xff12\x80",
		"Ⅻ 12 ١٢",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, q := range Find(text) {
			if q.Start < prev || q.Start >= q.End || q.End > len(text) {
				t.Fatalf("bad offsets [%d,%d) after %d in %q", q.Start, q.End, prev, text)
			}
			if q.Text != text[q.Start:q.End] {
				t.Fatalf("Text %q != text[%d:%d]", q.Text, q.Start, q.End)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[q.Start]) || q.End < len(text) && !utf8.RuneStart(text[q.End])) {
				t.Fatalf("offsets [%d,%d) split a rune in %q", q.Start, q.End, text)
			}
			if q.Low > q.Best && q.Best >= 0 || q.High >= 0 && q.Best > q.High {
				t.Fatalf("figures out of order: %+v", q)
			}
			prev = q.End
		}
	})
}
