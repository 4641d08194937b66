package input

import (
	"os"
	"strings"
	"testing"
)

func TestLanguageProblem(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile("../testdata/badinput/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	cases := []struct {
		name, text, declared, want string
	}{
		{"French", read("fr.txt"), "", "not English: the text reads as French"},
		{"Spanish", read("es.txt"), "", "not English: the text reads as Spanish"},
		{"Russian", read("ru.txt"), "", "not English: the text reads as Russian (Cyrillic script)"},
		{"Arabic", read("ar.txt"), "", "not English: the text reads as Arabic (Arabic script)"},
		{"English article", read("good-gao.txt"), "", ""},
		{"one English sentence", "Police arrested ten protesters in Lagos on Tuesday.", "", ""},
		{"a headline", "Japan decides new sanctions against DPRK over nuke test, rocket launch", "", ""},
		{"foreign names in a note", "On 3 May 2020, in Sao Jose dos Campos, Sao Paulo, police killed a man.", "", ""},
		{"short text declared French", "Trois soldats tués à Gao.", "fr", "not English: its language is given as fr"},
		{"English declared French", read("good-gao.txt"), "fr", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := languageProblem(c.text, c.declared); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestUTF16WithByteOrderMarkIsDecoded(t *testing.T) {
	for _, name := range []string{"good-utf16le.txt", "good-utf16be.txt"} {
		b, err := os.ReadFile("../testdata/badinput/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range collect(t, []string{"-"}, string(b), Options{}) {
			if r.Err != "" || !strings.HasSuffix(r.Text, "said.\n") || strings.ContainsRune(r.Text, 0) {
				t.Errorf("%s on stdin: %q, %v", name, r.Text, r.Err)
			}
		}
	}
}

func TestSizeLimitOnEveryPath(t *testing.T) {
	t.Chdir(t.TempDir())
	big := strings.Repeat("word ", 40) // 200 bytes
	writeFiles(t, map[string]string{
		"a.jsonl": `{"text":"` + big + `"}` + "\n",
		"f.rss":   `<rss><channel><title>T</title><item><title>x</title><description>` + big + `</description></item></channel></rss>`,
		"p.html":  `<meta charset="windows-1252"><p>` + strings.Repeat("\xe9", 68),
	})
	cases := []struct{ path, want string }{
		{"-", "stdin: input too large"},
		{"a.jsonl", "a.jsonl: line 1: line too large"},
		{"f.rss", "f.rss: file too large"},
		{"p.html", "p.html: article text too large: 136 bytes, limit 100"},
	}
	for _, c := range cases {
		got := collect(t, []string{c.path}, big, Options{MaxBytes: 100})
		if len(got) != 1 || !strings.HasPrefix(got[0].Err, c.want) {
			t.Errorf("%s: got %+v, want %q", c.path, got, c.want)
		}
	}
}

func TestPlainEnglish(t *testing.T) {
	english := strings.Repeat("The army said that three of its soldiers were killed by a roadside bomb near the border, and the rebels have denied it. ", 3)
	french := strings.Repeat("L'armée a déclaré que trois de ses soldats ont été tués par une bombe près de la frontière, et les rebelles ont démenti. ", 3)
	mixed := strings.Repeat("Le président a dit « the war is over » devant les journalistes de la presse locale à Paris hier soir. ", 3)
	cases := []struct {
		name string
		text string
		want bool
	}{
		{"English", english, true},
		{"French", french, false},
		{"French quoting English", mixed, false},
		{"too few words", "The army said that the rebels were killed.", false},
	}
	for _, c := range cases {
		if got := plainEnglish(c.text); got != c.want {
			w, f := englishWords(c.text)
			t.Errorf("%s: %v, want %v (%d words, %d function words)", c.name, got, c.want, w, f)
		}
	}
}
