package actors

import (
	"testing"

	"github.com/sitrep-project/sitrep/text"
)

// FuzzExtract checks that the actor grammar never panics on any sentence
// and that every mention lies inside the text and refers to an existing
// mention.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Hikmat Hajiyev, assistant to the President of Azerbaijan, said the latter was concerned.",
		"His Malian counterpart, Issa Konate, and the Foreign Ministry in Ukraine denied it. He said so.",
		"the the , , Minister of of ,",
		"\u00e9\u00e9 Al-Qaeda's pro-Houthi forces",
	} {
		f.Add(s)
	}
	x, err := New(fakeCountries{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := text.Analyze(s)
		if err != nil {
			t.Fatal(err)
		}
		as := x.Extract(s, sents, "Wire")
		for _, a := range as {
			if a.Start < 0 || a.End < a.Start || a.End > len(s) {
				t.Fatalf("mention %q at %d:%d outside %d bytes", a.Text, a.Start, a.End, len(s))
			}
			if a.Ref < -1 || a.Ref >= len(as) {
				t.Fatalf("mention %q refers to %d of %d", a.Text, a.Ref, len(as))
			}
		}
	})
}
