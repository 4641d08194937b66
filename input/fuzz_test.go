package input

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// FuzzRead feeds arbitrary bytes to Read as stdin and as a .jsonl and an
// .html file: it must not panic, and every item must be either a readable
// article or an invalid-input error.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"",
		"Plain text.\n",
		`{"id":"a","text":"One.","published":"2024-01-02"}` + "\n" + `{"html":"<p>Two</p>"}`,
		"{\"text\":\"x\"}\n{bad\n\n{\"text\":\"\\u0000\"}\n",
		"<!DOCTYPE html><html><head><meta charset=latin1><script type=\"application/ld+json\">{\"datePublished\":\"2024\"}</script></head><body><p>Caf\xe9</p></body></html>",
		"<p>a<br>b<pre>c\nd</pre></p>",
		"\uFEFF\xff\xfe\x00",
		"{\"text\":\"" + strings.Repeat("y", 300) + "\"}",
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := Options{MaxBytes: 256, Outlet: "Fuzz"}
		check := func(it Item) {
			if it.Err != nil {
				if sitrep.ErrorCode(it.Err) != sitrep.EInvalid {
					t.Errorf("error %v has code %q", it.Err, sitrep.ErrorCode(it.Err))
				}
				if it.Article.Source == "" {
					t.Errorf("error %v names no source", it.Err)
				}
				return
			}
			a := it.Article
			if a.ID == "" || a.Source == "" || isBlank(a.Text) || !utf8.ValidString(a.Text) {
				t.Errorf("bad article %+v", a)
			}
		}
		for it := range Read(context.Background(), nil, bytes.NewReader(data), opts) {
			check(it)
		}
		for _, name := range []string{"in.jsonl", "in.html"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			for it := range Read(context.Background(), []string{p}, nil, opts) {
				check(it)
			}
		}
	})
}
