package sitrep

import (
	"strings"
	"testing"
)

func TestLowerWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words []string
	}{
		{"none", nil},
		{"lower", []string{"the", "army", "said"}},
		{"capitals", []string{"The", "UN", "said", "U.S.", "forces", "KILLED"}},
		{"not ASCII", []string{"Gəncə", "ÉCOLE", "Ganja", "", "naïve"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Sentence{}
			for _, w := range tc.words {
				s.Tokens = append(s.Tokens, Token{Text: w})
			}
			got := s.LowerWords([]string{"stale", "words", "here"})
			if len(got) != len(tc.words) {
				t.Fatalf("got %d words, want %d", len(got), len(tc.words))
			}
			for i, w := range tc.words {
				if got[i] != strings.ToLower(w) {
					t.Errorf("word %d = %q, want %q", i, got[i], strings.ToLower(w))
				}
			}
		})
	}
}

func BenchmarkLowerWords(b *testing.B) {
	var s Sentence
	for _, w := range strings.Fields(`Malian Prime Minister Amadou Keita said on Monday that the army had retaken the town of Talu from rebels , the UN mission in Gao said .`) {
		s.Tokens = append(s.Tokens, Token{Text: w})
	}
	b.ReportAllocs()
	var lw []string
	for b.Loop() {
		lw = s.LowerWords(lw)
	}
}
