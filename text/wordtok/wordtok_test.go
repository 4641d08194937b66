package wordtok_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/text"
	"github.com/sitrep-project/sitrep/text/emoticon"
	"github.com/sitrep-project/sitrep/text/wordtok"
)

// tricky are written for the tests: every rule of the tokenizer, alone,
// together and at the edges of a word.
var tricky = []struct {
	name, s string
}{
	{"empty", ""},
	{"spaces only", " \t\n\u00a0\u2003 "},
	{"news", "Twelve civilians were killed in Ganja on Saturday, officials said."},
	{"contractions", "They'll say don't, won't, can't, I'm, we're, it's and she'd."},
	{"curly contractions", "They\u2019ll say don\u2019t, I\u2019m, we\u2019re, it\u2019s, N\u2019T."},
	{"contractions in capitals", "THEY'LL DON'T I'M WE'RE IT'S They'Ll DoN'T"},
	{"contraction at the start", "'s 's's 'll'll 'sn't n'tn't 'm'M ’s’s n’t’s 'Re're"},
	{"contractions twice", "it's's rock'n'roll O'Neill's ma'am y'all ol' 'twas"},
	{"possessives", "the U.S.'s army, Mr.'s hat, the Ministry's statement, the ministries'"},
	{"initials", "U.S. U.K. e.g. i.e. a.m. p.m. A.B.C.D. U.S U.S.A U.S.. .U.S. U.S.1."},
	{"abbreviations", "Mr. Mrs. Dr. Gen. Col. Sgt. Ms Mr.. MR. Mrs.' St.) mR. Abcd. A. É."},
	{"abbreviations in brackets", "(Mr.) [U.S.] \"Dr.\" \u201cGen.\u201d (U.S.), $U.S."},
	{"emoticons", ":) :-) (-8 8-D xD XDD O_o ¯\\(ツ)/¯ (ಠ_ಠ) (╯°□°）╯︵┻━┻ :)) (:) ((: :((( :`-("},
	{"emoticons in quotes", "\":)\" (:-)) [=D] \u201c:P\u201d 8D. :-), :o)"},
	{"quotes", "\"We will not,\" he said. \u201cNo,\u201d she said \u2018never\u2019. 'Quoted' ''double'' ``tex''"},
	{"brackets", "(Reuters) [1] ((nested)) ([{mixed}]) (( )) ([ ]) )( ]["},
	{"money", "$100 $1.5bn ($20) $ $$ $(x) US$5"},
	{"dashes", "2020-10-17 - -- \u2014 \u2013 well-known \u2014word\u2014 -1 --x--"},
	{"punctuation runs", "What?! No... Yes!!! Wait:; end.\" end.\u201d end.)' ,,, ... ?!?!?!?!?!?!"},
	{"urls", "See https://www.aljazeera.com/news/2020/10/17/ganja?x=1&y=2, or http://t.co/x)."},
	{"mail and handles", "@reuters #Ganja user@example.com (@AJEnglish)"},
	{"numbers", "1,200 3.5% 10:30 +123 -1234 1/2 40-year-old 155mm"},
	{"non-ASCII", "São Paulo, Düsseldorf, İstanbul, Ñuñoa, Ἀθῆναι, ǅemal, 北京, مرحبا."},
	{"unicode spaces", "a\u00a0b\u2009c\u3000d\u0085e\u2028f\u200bg\u180eh\ufeffi\u1680j\u202fk\u205fl"},
	{"controls", "a\x00b\x1fc\x7fd\re\ff\vg"},
	{"invalid UTF-8", "\xff\xfe bad \xe2\x80 \xe2\x80\x9c\xff \xff\xe2\x80\x9d 'll\xe2 n\xe2\x80\x99 \xc2 \xc2\xa0x"},
	{"broken curly quotes", "\xe2\x80\x9c \xe2\x80\x9d \xe2\x80\x98\xe2\x80\x99 \xe2\x80\x99\xe2\x80\x99s \xe2\x80 \xe2"},
	{"apostrophes alone", "' '' ''' \u2019 \u2019\u2019 n' n\u2019 n't 'll"},
	{"one byte", "x"},
	{"one mark", "."},
	{"long run of marks", strings.Repeat(")", 20) + "x" + strings.Repeat(".", 20)},
}

// tokens is a comparable form of a tokenization.
func tokens(toks []token.Token) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%d:%q ", t.Start, t.Text)
	}
	return b.String()
}

// differ returns a description of how wordtok's tokens of s differ from
// prose's, or "".
func differ(prose *tokenize.Tokenizer, s string) string {
	want := prose.Tokenize(s)
	got := wordtok.Tokenize(s)
	if len(got) == len(want) {
		same := true
		for i := range got {
			if got[i].Text != want[i].Text || got[i].Start != want[i].Start {
				same = false
				break
			}
		}
		if same {
			return ""
		}
	}
	return fmt.Sprintf("%q:\n got  %s\n want %s", s, tokens(got), tokens(want))
}

// TestSameTokensAsProse checks that wordtok gives prose's tokens, at
// prose's offsets, on the strings above, each alone, all together, and
// every emoticon alone and within marks.
func TestSameTokensAsProse(t *testing.T) {
	prose := tokenize.New()
	var all []string
	for _, c := range tricky {
		t.Run(c.name, func(t *testing.T) {
			if d := differ(prose, c.s); d != "" {
				t.Error(d)
			}
		})
		all = append(all, c.s)
	}
	if d := differ(prose, strings.Join(all, " ")); d != "" {
		t.Errorf("all together: %s", d)
	}
	n := 0
	for e := range emoticon.All() {
		n++
		for _, s := range []string{e, "(" + e + ")", "\"" + e, e + ".", "x" + e, e + "'s"} {
			if d := differ(prose, s); d != "" {
				t.Error(d)
			}
		}
	}
	if n != 58 {
		t.Errorf("%d emoticons, prose has 58", n)
	}
}

// TestTokensKeepTheirPlace checks the cases where a rule applies, and where
// it does not, by their tokens.
func TestTokensKeepTheirPlace(t *testing.T) {
	cases := []struct{ s, want string }{
		{"U.S.", `0:"U.S." `},
		{"(Mr.)", `0:"(" 1:"Mr." 4:")" `},
		{"don\u2019t.", `0:"do" 2:"n’t" 7:"." `},
		{"they'll", `0:"they" 4:"'ll" `},
		{"'s's", `0:"'s's" `}, // a contraction at the start is none anywhere
		{"it's's", `0:"it" 2:"'s's" `},
		{"\u201c:-)\u201d", `0:"“" 3:":-)" 6:"”" `},
		{":)", `0:":" 1:")" `}, // no emoticon of prose's
		{"a  b", `0:"a" 3:"b" `},
	}
	for _, c := range cases {
		if got := tokens(wordtok.Tokenize(c.s)); got != c.want {
			t.Errorf("%q: got %s, want %s", c.s, got, c.want)
		}
	}
}

// corpora returns the texts of the shared corpora (TR-News, GeoVirus, the
// ACLED notes, the seed article), each as read and as package text
// normalises it, or skips.
func corpora(tb testing.TB) []string {
	news, err := eval.NewsArticles()
	if err != nil {
		tb.Skipf("TR-News/GeoVirus not found (%v): set SITREP_SHARED to the shared data directory", err)
	}
	notes, err := eval.ACLEDNotes()
	if err != nil {
		tb.Skipf("ACLED notes not found (%v): set SITREP_SHARED to the shared data directory", err)
	}
	seed, err := os.ReadFile(filepath.Join(eval.SharedDir(), "seed", "ganja-2020-10-17.txt"))
	if err != nil {
		tb.Skipf("seed article not found (%v): set SITREP_SHARED to the shared data directory", err)
	}
	var texts []string
	for _, a := range append(news, notes...) {
		texts = append(texts, a.Text, text.Normalize(a.Text).Text)
	}
	return append(texts, string(seed), text.Normalize(string(seed)).Text)
}

// sentences returns the sentences of texts as prose's segmenter cuts them.
func sentences(tb testing.TB, texts []string) []string {
	seg, err := segment.New()
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, tx := range texts {
		for _, s := range seg.Segment(tx) {
			out = append(out, s.Text)
		}
	}
	return out
}

// TestSameTokensOnCorpora checks that wordtok gives prose's tokens, at
// prose's offsets, on every sentence of the shared corpora, and on each
// whole text.
func TestSameTokensOnCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	texts := corpora(t)
	sents := sentences(t, texts)
	prose := tokenize.New()
	var diffs []string
	toks := 0
	for _, s := range append(sents, texts...) {
		if d := differ(prose, s); d != "" {
			diffs = append(diffs, d)
		}
		toks += len(prose.Tokenize(s))
	}
	t.Logf("%d texts, %d sentences, %d tokens: %d sentences or texts tokenized unlike prose", len(texts), len(sents), toks, len(diffs))
	if toks < 200000 {
		t.Errorf("only %d tokens: corpora incomplete?", toks)
	}
	if len(diffs) > 0 {
		t.Errorf("%d differ, first:\n%s", len(diffs), strings.Join(diffs[:min(len(diffs), 10)], "\n"))
	}
}

// FuzzSameTokensAsProse checks that wordtok gives prose's tokens, at
// prose's offsets, on any string.
func FuzzSameTokensAsProse(f *testing.F) {
	for _, c := range tricky {
		f.Add(c.s)
	}
	prose := tokenize.New()
	f.Fuzz(func(t *testing.T, s string) {
		if d := differ(prose, s); d != "" {
			t.Error(d)
		}
	})
}

// BenchmarkTokenize tokenizes the sentences of the shared corpora, or of
// the strings above when they are absent, with wordtok and with prose.
func BenchmarkTokenize(b *testing.B) {
	var sents []string
	if _, err := eval.NewsArticles(); err == nil {
		sents = sentences(b, corpora(b))
	} else {
		for _, c := range tricky {
			sents = append(sents, c.s)
		}
	}
	prose := tokenize.New()
	var buf []token.Token // of the calls that reuse one, as package text does
	n, size := 0, 0
	for _, s := range sents {
		n += len(prose.Tokenize(s))
		size += len(s)
	}
	for _, tk := range []struct {
		name     string
		tokenize func(string) []token.Token
	}{
		{"wordtok", wordtok.Tokenize},
		{"wordtok-reused", func(s string) []token.Token { buf = wordtok.Append(buf[:0], s); return buf }},
		{"prose", prose.Tokenize},
	} {
		b.Run(tk.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, s := range sents {
					tk.tokenize(s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/token")
		})
	}
}
