package text

import "testing"

// FuzzAnalyze checks that normalising and splitting any text never panics,
// that every sentence and token locates its own text, and that offsets map
// back inside the original.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Shells fall in Iran\n\nTroops attacked a village on Monday. Two people died.",
		"\u201cWe were shelled,\u201d residents said \u2014 12 killed.\u00a0",
		"\xff\xfe\x00 broken",
		"'State terrorism'\n(Al Jazeera)\nThe army said that it had\nretaken the town.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		n := Normalize(raw)
		sents, err := Analyze(n.Text)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			if n.Text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %q does not locate its text", s.Text)
			}
			for _, tk := range s.Tokens {
				if tk.Start < s.Start || tk.End > s.End || n.Text[tk.Start:tk.End] != tk.Text {
					t.Fatalf("token %q at %d:%d outside its sentence %d:%d", tk.Text, tk.Start, tk.End, s.Start, s.End)
				}
			}
			a, b := n.OrigSpan(s.Start, s.End)
			if a < 0 || b < a || b > len(raw) {
				t.Fatalf("sentence maps back to %d:%d of %d bytes", a, b, len(raw))
			}
		}
	})
}
