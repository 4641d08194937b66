package events

import (
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/text"
)

// FuzzExtract checks that the events stage never panics on any text, with
// no actors, places or times found before it, and that every event and
// claim lies inside the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Rebels attacked a convoy near Gao on Monday, killing three soldiers, the army said. Mali denied this.",
		"The death toll rose to 13. Up to 20 were killed so far, officials estimated.",
		"projectiles/explosions/shots 46 100 -- , , killed killed",
		"\"They said nothing\" and fired on the positions; protesters threw stones.",
	} {
		f.Add(s)
	}
	pub := time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := text.Analyze(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range Extract(Input{Text: s, Sentences: sents, Published: &pub}) {
			if e.Start < 0 || e.End < e.Start || e.End > len(s) {
				t.Fatalf("event at %d:%d outside %d bytes", e.Start, e.End, len(s))
			}
			for _, c := range e.Claims {
				if c.Start < 0 || c.End < c.Start || c.End > len(s) {
					t.Fatalf("claim at %d:%d outside %d bytes", c.Start, c.End, len(s))
				}
			}
		}
	})
}
