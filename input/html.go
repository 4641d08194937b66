package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/sitrep-project/sitrep"
)

// htmlArticle makes an article of the HTML page raw, read from the input
// name: the text is the page's extracted article body, which is what
// offsets refer to; the raw HTML is not kept. The page's metadata fills
// what neither given nor the options say.
func (r *reader) htmlArticle(name, id, raw string, given fields) Item {
	fail := func(err error) Item { return Item{Article: sitrep.Article{Source: name}, Err: err} }
	page, err := decodeHTML(raw)
	if err != nil {
		return fail(invalid(nil, "%s: %v", name, err))
	}
	if isBlank(page) {
		return fail(invalid(nil, "%s: empty article", name))
	}
	if tooMany(page) {
		return fail(invalid(nil, "%s: HTML page too complex: more than %d elements", name, maxHTMLElements))
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return fail(invalid(err, "%s: cannot parse HTML: %v", name, err))
	}
	meta := pageMeta(doc)
	text, extracted := articleText(doc)
	if isBlank(text) {
		return fail(invalid(nil, "%s: empty article: no text found in the HTML", name))
	}
	it := r.article(name, id, text, given, fields{
		Published: firstOf(meta.Published, extracted.Published),
		Outlet:    firstOf(meta.Outlet, extracted.Outlet),
		URL:       firstOf(meta.URL, extracted.URL),
		Title:     firstOf(meta.Title, extracted.Title),
		Lang:      firstOf(meta.Lang, extracted.Lang),
	})
	it.Article.FromHTML = it.Err == nil
	return it
}

// maxHTMLElements is the most elements a page may have. A news page has a
// few thousand; a parsed element costs hundreds of bytes and the body
// extraction walks them many times, so a page of millions of tiny elements
// would take gigabytes and minutes.
const maxHTMLElements = 200_000

// tooMany reports whether page has more than maxHTMLElements elements.
func tooMany(page string) bool {
	if strings.Count(page, "<") <= maxHTMLElements {
		return false
	}
	z := html.NewTokenizer(strings.NewReader(page))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.SelfClosingTagToken:
			if n++; n > maxHTMLElements {
				return true
			}
		}
	}
}

// decodeHTML returns the page as UTF-8, less a byte order mark. A page that
// is not valid UTF-8 is decoded with the character set it declares; one
// that declares none, or declares UTF-8, is an error rather than a guess.
func decodeHTML(raw string) (string, error) {
	reason := encodingProblem(raw)
	if reason == "" {
		return strings.TrimPrefix(raw, bom), nil
	}
	head := strings.ToLower(raw[:min(len(raw), 1024)])
	if dataProblem(raw) == "" && strings.Contains(head, "charset") {
		enc, name, _ := charset.DetermineEncoding([]byte(head), "text/html")
		if name != "utf-8" {
			if page, err := enc.NewDecoder().String(raw); err == nil {
				return page, nil
			}
		}
	}
	return "", errors.New(reason)
}

// Metadata names, lower case, by what they give, best first.
var (
	publishedMetas = []string{
		"article:published_time", "og:article:published_time", "datepublished",
		"pubdate", "publishdate", "publish-date", "publish_date", "date",
		"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
		"parsely-pub-date", "sailthru.date", "article.published",
	}
	titleMetas  = []string{"og:title", "twitter:title"}
	outletMetas = []string{"og:site_name"}
	urlMetas    = []string{"og:url"}
)

// pageFacts are what a page says about itself, gathered in one walk.
type pageFacts struct {
	lang      string
	title     string
	canonical string
	metas     map[string]string // first content of each meta name
	ldScripts []string
	// Dates of <time datetime> elements: marked as the publication date,
	// inside the article, anywhere outside page furniture.
	timeMarked, timeArticle, timeAny string
}

// pageMeta reads the publication date, title, outlet, URL and language a
// page gives in its metadata: meta tags, JSON-LD, <time datetime>,
// <title>, <link rel=canonical> and <html lang>.
func pageMeta(doc *html.Node) fields {
	p := &pageFacts{metas: map[string]string{}}
	p.walk(doc, false, false)
	ld := readJSONLD(p.ldScripts)

	var f fields
	for _, k := range publishedMetas[:1] {
		f.Published = firstOf(f.Published, pageDate(p.metas[k]))
	}
	f.Published = firstOf(f.Published, pageDate(ld.published))
	for _, k := range publishedMetas[1:] {
		f.Published = firstOf(f.Published, pageDate(p.metas[k]))
	}
	for _, t := range []string{p.timeMarked, p.timeArticle, p.timeAny} {
		f.Published = firstOf(f.Published, pageDate(t))
	}

	for _, k := range titleMetas {
		f.Title = firstOf(f.Title, p.metas[k])
	}
	for _, k := range outletMetas {
		f.Outlet = firstOf(f.Outlet, p.metas[k])
	}
	f.Outlet = firstOf(f.Outlet, ld.publisher, p.metas["application-name"])
	f.Title = firstOf(f.Title, ld.headline, trimOutlet(p.title, f.Outlet))

	f.URL = absoluteURL(p.canonical)
	for _, k := range urlMetas {
		f.URL = firstOf(f.URL, absoluteURL(p.metas[k]))
	}
	f.Lang = primaryLang(firstOf(p.lang, p.metas["content-language"], p.metas["og:locale"]))
	return f
}

// walk gathers the facts below n. inArticle and inFurniture tell whether n
// lies inside <article>/<main>, or inside navigation, headers, footers or
// asides.
func (p *pageFacts) walk(n *html.Node, inArticle, inFurniture bool) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			p.lang = firstOf(p.lang, strings.TrimSpace(attr(n, "lang")))
		case atom.Title:
			if p.title == "" {
				p.title = collapseSpace(textContent(n))
			}
			return
		case atom.Meta:
			p.meta(n)
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				p.ldScripts = append(p.ldScripts, textContent(n))
			}
			return
		case atom.Time:
			if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
				_, pubdate := attrValue(n, "pubdate")
				switch {
				case p.timeMarked == "" && (pubdate || strings.EqualFold(attr(n, "itemprop"), "datePublished")):
					p.timeMarked = dt
				case p.timeArticle == "" && inArticle:
					p.timeArticle = dt
				case p.timeAny == "" && !inFurniture:
					p.timeAny = dt
				}
			}
		case atom.Article, atom.Main:
			inArticle = true
		case atom.Nav, atom.Header, atom.Footer, atom.Aside:
			inFurniture = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, inArticle, inFurniture)
	}
}

// meta records a <meta> element under its property, name, itemprop or
// http-equiv.
func (p *pageFacts) meta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, key := range []string{"property", "name", "itemprop", "http-equiv"} {
		k := strings.ToLower(strings.TrimSpace(attr(n, key)))
		if k != "" {
			if _, seen := p.metas[k]; !seen {
				p.metas[k] = content
			}
		}
	}
}

// ldFacts are what a page's JSON-LD says about the article.
type ldFacts struct {
	published, headline, publisher string
}

// readJSONLD reads the publication date, headline and publisher from JSON-LD
// scripts, preferring objects typed as articles over any other object.
func readJSONLD(scripts []string) ldFacts {
	var typed, other ldFacts
	for _, s := range scripts {
		var v any
		if json.Unmarshal(bytes.TrimSpace([]byte(s)), &v) != nil {
			continue
		}
		visitObjects(v, func(m map[string]any) {
			into := &other
			if isArticleType(m["@type"]) {
				into = &typed
			}
			if s, ok := m["datePublished"].(string); ok && into.published == "" {
				into.published = s
			}
			if s, ok := m["headline"].(string); ok && into.headline == "" {
				into.headline = collapseSpace(s)
			}
			if into.publisher == "" {
				into.publisher = publisherName(m["publisher"])
			}
		})
	}
	return ldFacts{
		published: firstOf(typed.published, other.published),
		headline:  firstOf(typed.headline, other.headline),
		publisher: firstOf(typed.publisher, other.publisher),
	}
}

// visitObjects calls f on every JSON object within v, depth first.
func visitObjects(v any, f func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		f(v)
		for _, c := range v {
			visitObjects(c, f)
		}
	case []any:
		for _, c := range v {
			visitObjects(c, f)
		}
	}
}

// isArticleType reports whether a JSON-LD @type names a kind of article
// (Article, NewsArticle, ReportageNewsArticle, BlogPosting...).
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.Contains(t, "Article") || t == "BlogPosting" || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// publisherName reads a JSON-LD publisher, an object with a name or a bare
// name.
func publisherName(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		if s, ok := v["name"].(string); ok {
			return strings.TrimSpace(s)
		}
	case []any:
		for _, e := range v {
			if s := publisherName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// trimOutlet removes the outlet's name that page titles often end with
// ("Floods hit river towns | Valley Herald").
func trimOutlet(title, outlet string) string {
	if outlet == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "} {
		if head, ok := strings.CutSuffix(title, sep+outlet); ok && strings.TrimSpace(head) != "" {
			return strings.TrimSpace(head)
		}
	}
	return title
}

// absoluteURL returns u if it is an absolute http(s) URL, else "".
func absoluteURL(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}

// primaryLang returns the primary subtag of a language tag, lower case:
// "en-GB" and "en_US" give "en".
func primaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

func attr(n *html.Node, key string) string {
	v, _ := attrValue(n, key)
	return v
}

func attrValue(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// textContent is all the text below n, as written.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
