package text

import (
	"strings"
	"testing"
)

func TestAnalyzeBoundsWordsAndSentences(t *testing.T) {
	cases := []struct {
		name      string
		text      string
		maxTokens int // most tokens in one sentence
		noLong    bool
	}{
		{"a run of dots is no word", "Gao was shelled " + strings.Repeat(".", 10*MaxWordBytes) + " on Monday.", MaxSentenceTokens, true},
		{"a sentence that never ends is split", strings.Repeat("attack ", 3*MaxSentenceTokens), MaxSentenceTokens, true},
		{"a URL is a word", "See https://example.com/" + strings.Repeat("a", 200) + " for more.", 20, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sents, err := Analyze(c.text)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range sents {
				if len(s.Tokens) > c.maxTokens {
					t.Errorf("a sentence of %d tokens", len(s.Tokens))
				}
				if c.text[s.Start:s.End] != s.Text {
					t.Errorf("sentence text %q is not the text at %d:%d", s.Text, s.Start, s.End)
				}
				for _, tok := range s.Tokens {
					if tok.End-tok.Start > MaxWordBytes && c.noLong {
						t.Errorf("a token of %d bytes", tok.End-tok.Start)
					}
					if c.text[tok.Start:tok.End] != tok.Text {
						t.Errorf("token %q is not the text at %d:%d", tok.Text, tok.Start, tok.End)
					}
				}
			}
		})
	}
}

func TestAnalyzeWithinStops(t *testing.T) {
	text := strings.Repeat("Rebels attacked Gao on Monday.\n\nTroops shelled Idlib.\n\n", 50)
	all, end, err := AnalyzeWithin(text, Limits{})
	if err != nil || end != len(text) || len(all) != 100 {
		t.Fatalf("no limits: %d sentences, end %d of %d, err %v", len(all), end, len(text), err)
	}
	sents, end, _ := AnalyzeWithin(text, Limits{MaxSentences: 7})
	if len(sents) != 7 || end != all[7].Start {
		t.Errorf("MaxSentences 7: %d sentences, end %d, want %d", len(sents), end, all[7].Start)
	}
	sents, end, _ = AnalyzeWithin(text, Limits{MaxTokens: 20})
	if n := len(sents); n == 0 || n >= 100 || end != all[n].Start {
		t.Errorf("MaxTokens 20: %d sentences, end %d", n, end)
	}
	calls := 0
	sents, end, _ = AnalyzeWithin(text, Limits{Stop: func() bool { calls++; return calls > 3 }})
	if len(sents) != 3 || end != all[3].Start {
		t.Errorf("Stop after 3: %d sentences, end %d", len(sents), end)
	}
}

func TestAnalyzeCutsVeryLongLines(t *testing.T) {
	line := strings.Repeat("Troops shelled the town ", 2*maxSegment/24) // one line, no full stop
	sents, err := Analyze(line)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		if s.End-s.Start > maxSegment {
			t.Errorf("a sentence of %d bytes", s.End-s.Start)
		}
	}
}
