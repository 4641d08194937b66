package extract_test

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

// FuzzArticle feeds arbitrary text through the whole pipeline: it must
// never panic, and every offset it reports must lie inside the text.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{
		"Rebels attacked a convoy near Gao on Monday, killing three soldiers, the army said.",
		"\u201cWe were shelled,\u201d residents said \u2014 12 killed.",
		"Armenia denied this. He also said that 40 were injured in the suburbs of the city.",
		"On 1 May 2020, the OSCE SMM observed a total of 46 projectiles/explosions/shots near Popasna.",
		"\xff\xfe broken \x00 bytes",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := extractor(t).Article(sitrep.Article{Text: text, Published: "2020-10-17"})
		if err != nil {
			if sitrep.ErrorCode(err) == sitrep.EInternal {
				t.Fatalf("internal error on %q: %v", text, err)
			}
			return
		}
		in := func(what string, start, end int) {
			if start < 0 || end < start || end > len(text) {
				t.Fatalf("%s offsets %d:%d outside a text of %d bytes", what, start, end, len(text))
			}
		}
		for _, p := range doc.Places {
			in("place", p.Start, p.End)
		}
		for _, a := range doc.Actors {
			in("actor", a.Start, a.End)
		}
		for _, tm := range doc.Times {
			in("time", tm.Start, tm.End)
		}
		for _, e := range doc.Events {
			in("event", e.Start, e.End)
			for _, c := range e.Claims {
				in("claim", c.Start, c.End)
			}
		}
	})
}
