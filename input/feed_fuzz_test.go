package input

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// FuzzFeed feeds arbitrary bytes to Read as an RSS/Atom file: it must not
// panic, and every item must be either a readable article or an
// invalid-input error naming where it came from.
func FuzzFeed(f *testing.F) {
	for _, seed := range []string{
		"",
		`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Shelling</title><description>Troops shelled the town on Monday.</description><pubDate>Mon, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><title>A</title><content type="html">&lt;p&gt;Two killed.&lt;/p&gt;</content><updated>2024-01-02T00:00:00Z</updated></entry></feed>`,
		`<rss><channel><item><link>page.html</link></item><item><description></description></item></channel></rss>`,
		"not xml at all {",
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><description>Caf` + "\xe9" + `</description></item></channel></rss>`,
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "in.xml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for it := range Read(context.Background(), []string{p}, nil, Options{MaxBytes: 1024, Outlet: "Fuzz"}) {
			if it.Err != nil {
				if sitrep.ErrorCode(it.Err) != sitrep.EInvalid {
					t.Errorf("error %v has code %q", it.Err, sitrep.ErrorCode(it.Err))
				}
				if it.Article.Source == "" {
					t.Errorf("error %v names no source", it.Err)
				}
				continue
			}
			a := it.Article
			if a.ID == "" || a.Source == "" || isBlank(a.Text) || !utf8.ValidString(a.Text) {
				t.Errorf("bad article %+v", a)
			}
		}
	})
}
