package input

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFeeds(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("pages/clash.html", `<html><head><title>Clash</title></head><body><article><p>Rebels clashed with soldiers near Gao on Monday, the army said.</p></article></body></html>`)
	rss := write("wire.rss", `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Wire</title><language>en-gb</language>
<item><title>Shelling hits town</title><link>https://wire.example/shelling</link><guid>w-1</guid>
<pubDate>Tue, 05 Mar 2024 08:00:00 +0000</pubDate>
<description>&lt;p&gt;Artillery shelled the town of Kharkiv on Monday, killing two.&lt;/p&gt;</description></item>
<item><title>Local page</title><link>pages/clash.html</link><pubDate>Wed, 06 Mar 2024 08:00:00 +0000</pubDate></item>
<item><title>Nothing</title><link>https://wire.example/empty</link></item>
<item><title>Plain</title><guid>w-4</guid><description>Police arrested ten protesters in Lagos.</description></item>
</channel></rss>`)
	atom := write("feed.atom", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Strike</title><id>urn:a:1</id><link href="https://atom.example/1"/><updated>2024-03-07T10:00:00Z</updated>
<content type="html">&lt;p&gt;A drone strike hit a convoy in Idlib on Thursday.&lt;/p&gt;</content></entry>
</feed>`)
	write("notes.xml", `<?xml version="1.0"?><config><x/></config>`)
	write("broken.rss", `<rss><channel><item>`)

	type got struct{ id, pub, outlet, url, title, text, err string }
	read := func(paths ...string) []got {
		var out []got
		for it := range Read(context.Background(), paths, nil, Options{}) {
			if it.Err != nil {
				out = append(out, got{err: it.Err.Error()})
				continue
			}
			a := it.Article
			out = append(out, got{id: a.ID, pub: a.Published, outlet: a.Outlet, url: a.URL, title: a.Title, text: a.Text})
		}
		return out
	}

	items := read(rss)
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4: %+v", len(items), items)
	}
	first := items[0]
	if first.id != "w-1" || first.pub != "2024-03-05" || first.outlet != "Valley Wire" || first.url != "https://wire.example/shelling" || first.title != "Shelling hits town" || !strings.Contains(first.text, "Kharkiv") || strings.Contains(first.text, "<p>") {
		t.Errorf("item 1 = %+v", first)
	}
	if page := items[1]; page.id != "pages/clash.html" || !strings.Contains(page.text, "Gao") || page.pub != "2024-03-06" {
		t.Errorf("item 2 (a local page) = %+v", page)
	}
	if bad := items[2]; !strings.Contains(bad.err, "wire.rss: item 3: no content") {
		t.Errorf("item 3 = %+v, want an error naming it", bad)
	}
	if plain := items[3]; plain.id != "w-4" || plain.text != "Police arrested ten protesters in Lagos." {
		t.Errorf("item 4 = %+v", plain)
	}

	if a := read(atom); len(a) != 1 || a[0].id != "urn:a:1" || a[0].pub != "2024-03-07" || a[0].outlet != "Atom Desk" || !strings.Contains(a[0].text, "Idlib") {
		t.Errorf("atom = %+v", a)
	}

	// A directory walk reads the feeds, skips XML that is not a feed and
	// reports a broken feed once.
	all := read(dir)
	var errs []string
	n := 0
	for _, g := range all {
		if g.err != "" {
			errs = append(errs, g.err)
		} else {
			n++
		}
	}
	// broken.rss, item 3 of wire.rss; clash.html is read by itself too.
	if len(errs) != 2 || !strings.Contains(strings.Join(errs, "\n"), "broken.rss: not an RSS or Atom feed") {
		t.Errorf("errors = %q", errs)
	}
	if n != 1+3+1 {
		t.Errorf("%d articles from the directory, want 5", n)
	}

	// A feed on stdin is sniffed.
	n = 0
	for it := range Read(context.Background(), nil, strings.NewReader(`<?xml version="1.0"?><rss version="2.0"><channel><title>S</title><item><description>Troops shelled Idlib.</description></item></channel></rss>`), Options{}) {
		if it.Err != nil || it.Article.Outlet != "S" {
			t.Errorf("stdin feed: %+v %v", it.Article, it.Err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("stdin feed: %d articles, want 1", n)
	}
}
