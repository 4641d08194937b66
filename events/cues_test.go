package events

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// containsCue is hasCue as a search of words for every phrase of the set.
func containsCue(words, set string) bool {
	for _, p := range cueSets[set] {
		if strings.Contains(words, p) {
			return true
		}
	}
	return false
}

// TestHasCueIndex checks the indexed lookup against a plain search, on
// texts made of cue words, their prefixes and other words, with odd
// spacing.
func TestHasCueIndex(t *testing.T) {
	var vocab []string
	for _, ps := range cueSets {
		for _, p := range ps {
			for _, w := range strings.Fields(p) {
				vocab = append(vocab, w, w[:len(w)/2], w+"s")
			}
		}
	}
	vocab = append(vocab, "the", "a", "", "said", "police", "é", "reports,")
	r := rand.New(rand.NewPCG(1, 2))
	cases := []string{"", " ", "  ", " allegedly", "allegedly ", " allegedly ", " could not be verified ", " could not  be verified "}
	for range 20000 {
		var b strings.Builder
		if r.IntN(4) > 0 {
			b.WriteByte(' ')
		}
		for range r.IntN(12) {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteByte(' ')
		}
		cases = append(cases, b.String())
	}
	for _, words := range cases {
		for set := range cueSets {
			if got, want := hasCue(words, set), containsCue(words, set); got != want {
				t.Fatalf("hasCue(%q, %q) = %v, want %v", words, set, got, want)
			}
		}
	}
	if hasCue(" allegedly ", "no such set") {
		t.Error("a set not in cues.tsv matched")
	}
}
