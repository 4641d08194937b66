package claims

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/text"
)

// FuzzSplit checks that splitting any sentence into clauses never panics
// and that every clause lies inside its sentence and names an actor that exists, with or without
// actor mentions marked in it.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Armenia denied that its forces had shelled the town, the ministry said.",
		"\"We did not fire,\" a spokesman said; officials, however, claimed otherwise.",
		"According to the UN, at least 40 were killed -- but Baku rejected the report.",
		"said said said , , ; ; \" \" according to",
	} {
		f.Add(s, "Armenia")
	}
	f.Fuzz(func(t *testing.T, s, actor string) {
		sents, err := text.Analyze(s)
		if err != nil {
			t.Fatal(err)
		}
		for i := range sents {
			sent := &sents[i]
			for _, marked := range [][]string{nil, {actor}, strings.Fields(sent.Text)} {
				actors := actorsAt(s, marked...)
				for _, c := range Split(sent, actors) {
					if c.Start < sent.Start || c.End > sent.End || c.End < c.Start {
						t.Fatalf("clause %d:%d outside sentence %d:%d of %q", c.Start, c.End, sent.Start, sent.End, s)
					}
					if c.Claimant < -1 || c.Claimant >= len(actors) {
						t.Fatalf("clause claimant %d of %d actors in %q", c.Claimant, len(actors), s)
					}
				}
			}
		}
	})
}
