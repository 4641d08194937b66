package text

import (
	"strings"
	"testing"
)

func TestNormalizeMapsOffsetsBack(t *testing.T) {
	in := "He said \u201cstop\u201d \u2014 twelve\u00a0killed."
	n := Normalize(in)
	want := `He said "stop" - twelve killed.`
	if n.Text != want {
		t.Fatalf("Normalize = %q, want %q", n.Text, want)
	}
	i := strings.Index(n.Text, "twelve")
	s, e := n.OrigSpan(i, i+len("twelve"))
	if got := in[s:e]; got != "twelve" {
		t.Errorf("OrigSpan(twelve) = %q", got)
	}
	i = strings.Index(n.Text, `"stop"`)
	s, e = n.OrigSpan(i, i+len(`"stop"`))
	if got := in[s:e]; got != "\u201cstop\u201d" {
		t.Errorf("OrigSpan(quoted) = %q", got)
	}
}

func TestNormalizeLeavesPlainTextAlone(t *testing.T) {
	n := Normalize("Plain text.")
	if n.Text != "Plain text." || n.Orig(3) != 3 {
		t.Errorf("plain text changed: %+v", n)
	}
}

func TestIsHeadline(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"Shells fall in Iran", true},
		{"'State terrorism'", true},
		{"(Al Jazeera)", true},
		{"Police said two people were killed.", false},
		{`He said "it must stop."`, false},
		{"Where does it end?", false},
		{"", false},
	}
	for _, c := range cases {
		if got := IsHeadline(c.line); got != c.want {
			t.Errorf("IsHeadline(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func TestAnalyzeSplitsHeadlinesAndSentences(t *testing.T) {
	s := "Clashes in the north\nTroops attacked a village on Monday. Two people died.\n\nA second paragraph follows here."
	sents, err := Analyze(s)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range sents {
		got = append(got, x.Text)
		if s[x.Start:x.End] != x.Text {
			t.Errorf("sentence offsets do not locate %q", x.Text)
		}
		for _, tk := range x.Tokens {
			if s[tk.Start:tk.End] != tk.Text {
				t.Errorf("token offsets do not locate %q", tk.Text)
			}
		}
	}
	want := []string{"Clashes in the north", "Troops attacked a village on Monday.", "Two people died.", "A second paragraph follows here."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sentences = %q, want %q", got, want)
	}
	if !sents[0].Headline || sents[1].Headline {
		t.Errorf("headline flags wrong: %v %v", sents[0].Headline, sents[1].Headline)
	}
	if sents[3].Paragraph != 1 {
		t.Errorf("paragraph index = %d, want 1", sents[3].Paragraph)
	}
	if sents[1].Tokens[1].Tag != "VBD" {
		t.Errorf("tag of %q = %q, want VBD", sents[1].Tokens[1].Text, sents[1].Tokens[1].Tag)
	}
}

func TestAnalyzeKeepsWrappedSentenceTogether(t *testing.T) {
	s := "The army said that it had\nretaken the town."
	sents, err := Analyze(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("got %d sentences, want 1: %+v", len(sents), sents)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	s := strings.Repeat("Azerbaijan said that 12 civilians were killed in the city of Ganja on Friday. Armenia denied this.\n\n", 20)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		if _, err := Analyze(s); err != nil {
			b.Fatal(err)
		}
	}
}
