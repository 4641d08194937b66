package input

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// feed reads an RSS or Atom feed, named name and read from p's directory
// (dir, "" for stdin): one article per item. An item's article is the page
// its link names when that is a local file (a relative path or a file: URL),
// else the item's content, else its description; the item's title, link
// and date and the feed's title (the outlet) fill the article's fields. A
// bad item gives one error and reading goes on. In a directory walk (inDir)
// an .xml file that is not a feed is skipped.
func (r *reader) feed(name, base, dir, raw string, inDir bool) bool {
	if reason := encodingProblem(raw); reason != "" {
		return r.fail(name, invalid(nil, "%s: %s", name, reason))
	}
	if inDir && !looksLikeFeed([]byte(raw)) && strings.EqualFold(filepath.Ext(name), ".xml") {
		return true // XML of another kind; .rss and .atom files claim to be feeds
	}
	f, err := gofeed.NewParser().ParseString(strings.TrimPrefix(raw, bom))
	if err != nil {
		return r.fail(name, invalid(err, "%s: not an RSS or Atom feed: %v", name, err))
	}
	if len(f.Items) == 0 {
		return r.fail(name, invalid(nil, "%s: empty feed: no items", name))
	}
	for i, item := range f.Items {
		if !r.emit(r.feedItem(name, base, dir, f, i+1, item)) {
			return false
		}
	}
	return true
}

// feedItem makes the article of item n of feed f.
func (r *reader) feedItem(name, base, dir string, f *gofeed.Feed, n int, item *gofeed.Item) Item {
	source := name + ": item " + strconv.Itoa(n)
	given := fields{Title: strings.TrimSpace(item.Title), Outlet: strings.TrimSpace(f.Title), Lang: primaryLang(f.Language)}
	if t := firstTime(item.PublishedParsed, item.UpdatedParsed); t != nil {
		given.Published = t.Format(dayLayout)
	}
	link := strings.TrimSpace(item.Link)
	given.URL = absoluteURL(link)
	id := firstOf(strings.TrimSpace(item.GUID), link)
	if id == "" && base != "" {
		id = base + ":item" + strconv.Itoa(n)
	}
	var it Item
	switch page := localPage(dir, link); {
	case page != "":
		it = r.feedPage(source, id, page, given)
	case strings.TrimSpace(item.Content) != "":
		it = r.feedContent(source, id, item.Content, given)
	case strings.TrimSpace(item.Description) != "":
		it = r.feedContent(source, id, item.Description, given)
	default:
		it = Item{Err: invalid(nil, "%s: no content, and its link is not a local page", source)}
	}
	it.Article.Source = source
	return it
}

// feedContent makes an article of an item's content, HTML or plain text.
func (r *reader) feedContent(source, id, content string, given fields) Item {
	if strings.Contains(content, "<") && strings.Contains(content, ">") {
		return r.htmlArticle(source, id, content, given)
	}
	return r.textArticle(source, id, content, given)
}

// feedPage makes an article of the local page an item links to.
func (r *reader) feedPage(source, id, page string, given fields) Item {
	fi, err := os.Stat(page)
	if err != nil {
		return Item{Err: cannotRead(page, err)}
	}
	fh, err := os.Open(page)
	if err != nil {
		return Item{Err: cannotRead(page, err)}
	}
	defer fh.Close()
	raw, err := readLimited(page, fh, fi.Size(), r.opts.MaxBytes)
	if err != nil {
		return Item{Err: err}
	}
	form := formatOf(page)
	if form == formatUnknown {
		form = sniff([]byte(raw[:min(len(raw), sniffSize)]), true)
	}
	if form == formatHTML {
		return r.htmlArticle(source+" ("+page+")", id, raw, given)
	}
	return r.textArticle(source+" ("+page+")", id, raw, given)
}

// localPage returns the path of the local file a feed link names: a file:
// URL or a path, relative to the feed's directory; "" when the link is a
// web address or names no existing file.
func localPage(dir, link string) string {
	if link == "" {
		return ""
	}
	p := link
	if u, err := url.Parse(link); err == nil && u.Scheme != "" {
		if u.Scheme != "file" {
			return ""
		}
		p = u.Path
	}
	if !filepath.IsAbs(p) {
		if dir == "" {
			return ""
		}
		p = filepath.Join(dir, p)
	}
	if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	return p
}

func firstTime(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil && !t.IsZero() {
			return t
		}
	}
	return nil
}

// feedOpenings are the root elements of RSS 2.0, Atom and RSS 1.0 (RDF).
var feedOpenings = []string{"<rss", "<feed", "<rdf:rdf"}

// looksLikeFeed reports whether head opens like an RSS or Atom document,
// after any XML declaration, comments and processing instructions.
func looksLikeFeed(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte(bom))
	for {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			_, rest, ok := bytes.Cut(head, []byte("?>"))
			if !ok {
				return false
			}
			head = rest
			continue
		case bytes.HasPrefix(head, []byte("<!--")):
			_, rest, ok := bytes.Cut(head, []byte("-->"))
			if !ok {
				return false
			}
			head = rest
			continue
		}
		break
	}
	lower := strings.ToLower(string(head[:min(len(head), 16)]))
	for _, o := range feedOpenings {
		if strings.HasPrefix(lower, o) && len(lower) > len(o) && strings.ContainsRune(" \t\r\n>", rune(lower[len(o)])) {
			return true
		}
	}
	return false
}
