package postag_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/text"
	"github.com/sitrep-project/sitrep/text/postag"
)

// sentences are written for the tests: news prose, and every kind of word
// the model does not score or normalises (dashes, emoticons, user names,
// Treebank traces and brackets, years, numbers, hyphenated and non-ASCII
// words, upper case) at the start, middle and end of a sentence.
var sentences = []string{
	"Twelve civilians were killed when a missile struck a residential block in Ganja on Saturday, officials said.",
	"The ministry said 1,200 troops had crossed the border in 2020 - more than at any time since 1994.",
	"\"We will not accept this,\" the Prime Minister told reporters in Yerevan.",
	"Protesters in São Paulo and Düsseldorf marched against the government's reforms.",
	"ÉTAT D'URGENCE: Rebels seized the town of Ñuñoa late on Tuesday.",
	"@reuters reported that 40-year-old Ali was shot dead by police :) at 10:30.",
	"- Three people died , -LRB- sources say -RRB- , and *T*-1 0 * *U* *?* *-12 *ICH*-3 *A*-1 followed.",
	"He said :-) xD O_o ¯\\(ツ)/¯ (ಠ_ಠ) and left.",
	"U.S. forces fired 155mm shells at +123 targets; -1234 is no year but 1234 is.",
	"Kubernetes orchestrates containerized workloads efficiently.",
	"I have read the documentation and it explains the configuration options clearly.",
	"Ἀθῆναι ΑΘΗΝΑ İstanbul ǅemal \xff\xfe bad bytes.",
	"-",
	"@",
	"0",
	"",
	"a",
	"The the THE tHe , , . . ? ! ; : ' '' `` \" ( ) [ ] { }",
}

func words(s string) []string {
	var ws []string
	for _, t := range tokenize.New().Tokenize(s) {
		ws = append(ws, t.Text)
	}
	// the tokenizer drops nothing, but test the split on spaces as well
	return append(ws, strings.Fields(s)...)
}

// compare tags words with prose and with postag and returns the tokens
// that differ and the number tagged.
func compare(t testing.TB, ours *postag.Tagger, theirs *tag.Tagger, ws []string) (diff []string, n int) {
	want := theirs.Tag(ws)
	got := ours.Tag(ws)
	for i := range ws {
		if got[i] != want[i].Tag {
			diff = append(diff, fmt.Sprintf("%q: %s, prose %s", ws[i], got[i], want[i].Tag))
		}
	}
	return diff, len(ws)
}

func taggers(t testing.TB) (*postag.Tagger, *tag.Tagger) {
	ours, err := postag.New()
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	return ours, theirs
}

// TestSameTagsAsProse checks that postag gives prose's tag to every token
// of the sentences above, each alone and all as one sentence.
func TestSameTagsAsProse(t *testing.T) {
	ours, theirs := taggers(t)
	var all []string
	for _, s := range sentences {
		ws := words(s)
		all = append(all, ws...)
		if diff, _ := compare(t, ours, theirs, ws); len(diff) > 0 {
			t.Errorf("%q:\n%s", s, strings.Join(diff, "\n"))
		}
	}
	if diff, _ := compare(t, ours, theirs, all); len(diff) > 0 {
		t.Errorf("all sentences as one:\n%s", strings.Join(diff, "\n"))
	}
}

// TestSameTagsOnCorpora checks that postag gives prose's tag to every token
// of the shared corpora (TR-News, GeoVirus, the ACLED notes, the seed
// article), as read and as package text normalises them, split into
// sentences and tokens as package text splits them.
func TestSameTagsOnCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	var texts []string
	news, err := eval.NewsArticles()
	if err != nil {
		t.Skipf("TR-News/GeoVirus not found (%v): set SITREP_SHARED to the shared data directory", err)
	}
	notes, err := eval.ACLEDNotes()
	if err != nil {
		t.Skipf("ACLED notes not found (%v): set SITREP_SHARED to the shared data directory", err)
	}
	for _, a := range append(news, notes...) {
		texts = append(texts, a.Text, text.Normalize(a.Text).Text)
	}
	seed, err := os.ReadFile(filepath.Join(eval.SharedDir(), "seed", "ganja-2020-10-17.txt"))
	if err != nil {
		t.Skipf("seed article not found (%v): set SITREP_SHARED to the shared data directory", err)
	}
	texts = append(texts, string(seed), text.Normalize(string(seed)).Text)

	ours, theirs := taggers(t)
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	tok := tokenize.New()
	var diffs []string
	tokens, sents := 0, 0
	for _, tx := range texts {
		for _, s := range seg.Segment(tx) {
			var ws []string
			for _, tk := range tok.Tokenize(s.Text) {
				ws = append(ws, tk.Text)
			}
			diff, n := compare(t, ours, theirs, ws)
			diffs = append(diffs, diff...)
			tokens += n
			sents++
		}
	}
	t.Logf("%d texts, %d sentences, %d tokens: %d tags differ from prose's", len(texts), sents, tokens, len(diffs))
	if tokens < 100000 {
		t.Errorf("only %d tokens: corpora incomplete?", tokens)
	}
	if len(diffs) > 0 {
		t.Errorf("%d tokens tagged unlike prose, first: %s", len(diffs), strings.Join(diffs[:min(len(diffs), 20)], "\n"))
	}
}

// TestConcurrentTagging tags from several goroutines at once (run with
// -race).
func TestConcurrentTagging(t *testing.T) {
	ours, theirs := taggers(t)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for i := 0; i < 20; i++ {
				for _, s := range sentences {
					if diff, _ := compare(t, ours, theirs, words(s)); len(diff) > 0 {
						t.Errorf("%q: %v", s, diff)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestLoadRejectsBadModels(t *testing.T) {
	good := aptagmodel.English
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a model", []byte("PROSETAX\x01\x00\x00\x00")},
		{"other version", append([]byte("PROSETAG\x02\x00\x00\x00"), good[12:]...)},
		{"truncated", good[:len(good)/2]},
		{"truncated at the end", good[:len(good)-1]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := postag.Load(c.data); err == nil {
				t.Error("no error")
			}
		})
	}
}

// benchSentences are the sentences of the seed article, or of the test
// sentences when it is absent.
func benchSentences(b *testing.B) [][]tag.Token {
	text := strings.Join(sentences[:11], " ")
	if raw, err := os.ReadFile(filepath.Join(eval.SharedDir(), "seed", "ganja-2020-10-17.txt")); err == nil {
		text = string(raw)
	}
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	var out [][]tag.Token
	for _, s := range seg.Segment(text) {
		out = append(out, tokenize.New().Tokenize(s.Text))
	}
	return out
}

// BenchmarkTag tags the sentences of the seed article with postag and with
// prose.
func BenchmarkTag(b *testing.B) {
	ours, theirs := taggers(b)
	sents := benchSentences(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	for _, tg := range []struct {
		name string
		tag  func([]tag.Token)
	}{{"postag", ours.TagTokens}, {"prose", theirs.TagTokens}} {
		b.Run(tg.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range sents {
					tg.tag(s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/token")
		})
	}
}

// BenchmarkLoad measures the start-up cost of a tagger, postag's and
// prose's.
func BenchmarkLoad(b *testing.B) {
	for _, tg := range []struct {
		name string
		load func() error
	}{
		{"postag", func() error { _, err := postag.New(); return err }},
		{"prose", func() error { _, err := tag.FromBytes(aptagmodel.English); return err }},
	} {
		b.Run(tg.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := tg.load(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
