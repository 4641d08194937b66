package input

import (
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minBodyRunes is the length under which trafilatura's extraction is taken
// to have missed the body, the threshold trafilatura itself uses before it
// falls back to a rougher extraction.
const minBodyRunes = 250

// maxTrafilaturaText is the most page text, in bytes, given to trafilatura,
// whose time grows with the square of the text: about 0.1 s at this size,
// minutes at 10 MB. Larger pages, never ordinary news articles, get the
// plain extraction.
const maxTrafilaturaText = 256 << 10

// articleText returns the article body of a page as plain text, paragraphs
// and headings separated by blank lines, and the metadata trafilatura read
// (used where the page's own tags say nothing).
//
// trafilatura finds the body and drops boilerplate. When it fails or finds
// little, as on short pages, a plainer extraction takes over: the page's
// article, main element or body, without scripts, navigation, headers,
// footers, asides and forms. trafilatura's own rescue is turned off because
// it flattens the page into one run of text with words glued together.
func articleText(doc *html.Node) (string, fields) {
	if visibleTextSize(doc) > maxTrafilaturaText {
		return plainText(doc), fields{}
	}
	text, meta := trafilaturaText(doc)
	if utf8.RuneCountInString(text) < minBodyRunes {
		if plain := plainText(doc); len(plain) > len(text) {
			text = plain
		}
	}
	return text, meta
}

// trafilaturaText runs trafilatura on doc. It returns "" when trafilatura
// finds nothing, or fails in any way, panics included: a page it cannot
// handle still gets the plain extraction.
func trafilaturaText(doc *html.Node) (text string, meta fields) {
	defer func() {
		if recover() != nil {
			text, meta = "", fields{}
		}
	}()
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 0
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		Config:          cfg,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return "", fields{}
	}
	text = renderText(res.ContentNode, nil)
	m := res.Metadata
	meta = fields{Title: m.Title, Outlet: m.Sitename, URL: absoluteURL(m.URL)}
	if !m.Date.IsZero() {
		meta.Published = m.Date.Format(dayLayout)
	}
	// The language is guessed from the text, which needs some length.
	if utf8.RuneCountInString(text) >= minBodyRunes {
		meta.Lang = primaryLang(m.Language)
	}
	return text, meta
}

// plainText extracts the article body without trafilatura: the <article>
// or <main> element holding the most text, unless the rest of the body
// holds far more, else the body.
func plainText(doc *html.Node) string {
	body := findFirst(doc, atom.Body)
	if body == nil {
		body = doc
	}
	bodyText := renderText(body, skipPlain(true))
	best := ""
	forEach(body, func(n *html.Node) {
		if a := tagOf(n); a == atom.Article || a == atom.Main {
			if t := renderText(n, skipPlain(false)); len(t) > len(best) {
				best = t
			}
		}
	})
	if len(best)*3 >= len(bodyText) {
		return best
	}
	return bodyText
}

// skipPlain returns which elements the plain extraction drops: those that
// never hold article text, and page furniture. Headers are dropped only at
// page level (atBody): inside an article they hold its headline.
func skipPlain(atBody bool) func(*html.Node) bool {
	return func(n *html.Node) bool {
		switch tagOf(n) {
		case atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Button, atom.Select,
			atom.Textarea, atom.Figure, atom.Menu, atom.Dialog:
			return true
		case atom.Header:
			return atBody
		}
		switch strings.ToLower(attr(n, "role")) {
		case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog":
			return true
		}
		return false
	}
}

// invisible elements hold no text a reader sees, whatever the extraction.
func invisible(n *html.Node) bool {
	switch tagOf(n) {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title,
		atom.Iframe, atom.Svg, atom.Math, atom.Object, atom.Embed, atom.Canvas,
		atom.Audio, atom.Video, atom.Picture, atom.Img, atom.Input:
		return true
	}
	if _, hidden := attrValue(n, "hidden"); hidden {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// blockElements start and end a paragraph of their own.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true,
}

// renderText writes the text below root as paragraphs separated by blank
// lines: each block element (paragraph, heading, list item, table row...)
// is a paragraph, <br> a line break, and runs of white space one space, as
// a browser shows them. Elements for which skip is true, and invisible ones,
// are left out.
func renderText(root *html.Node, skip func(*html.Node) bool) string {
	var w textWriter
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			w.text(n.Data, pre)
			return
		case html.ElementNode:
			if invisible(n) || skip != nil && skip(n) {
				return
			}
			switch tagOf(n) {
			case atom.Br:
				w.lineBreak()
				return
			case atom.Td, atom.Th:
				w.space()
			case atom.Pre:
				pre = true
			}
		}
		block := n.Type == html.ElementNode && blockElements[tagOf(n)]
		if block {
			w.endParagraph()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if block {
			w.endParagraph()
		}
	}
	walk(root, false)
	w.endParagraph()
	return w.out.String()
}

// textWriter builds text paragraph by paragraph.
type textWriter struct {
	out       strings.Builder
	para      strings.Builder
	pendSpace bool // white space seen since the last word
}

// isHTMLSpace reports whether c is white space in HTML's sense; others,
// such as the no-break space, are kept.
func isHTMLSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func (w *textWriter) text(s string, pre bool) {
	if pre {
		w.flushSpace()
		w.para.WriteString(strings.ReplaceAll(s, "\r\n", "\n"))
		return
	}
	for _, c := range s {
		if isHTMLSpace(c) {
			w.pendSpace = true
			continue
		}
		w.flushSpace()
		w.para.WriteRune(c)
	}
}

// space separates what follows from what precedes, as between table cells.
func (w *textWriter) space() { w.pendSpace = true }

func (w *textWriter) flushSpace() {
	if w.pendSpace && w.para.Len() > 0 && !strings.HasSuffix(w.para.String(), "\n") {
		w.para.WriteByte(' ')
	}
	w.pendSpace = false
}

func (w *textWriter) lineBreak() {
	if w.para.Len() > 0 && !strings.HasSuffix(w.para.String(), "\n\n") {
		w.para.WriteByte('\n')
	}
	w.pendSpace = false
}

func (w *textWriter) endParagraph() {
	p := strings.TrimFunc(w.para.String(), isHTMLSpace)
	w.para.Reset()
	w.pendSpace = false
	if p == "" {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteString("\n\n")
	}
	w.out.WriteString(p)
}

// visibleTextSize is the number of bytes of text below n, less that of
// scripts, styles and the like.
func visibleTextSize(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		return len(n.Data)
	case n.Type == html.ElementNode && invisible(n):
		return 0
	}
	size := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		size += visibleTextSize(c)
	}
	return size
}

// findFirst returns the first element of type a below n, or nil.
func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && tagOf(n) == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

// forEach calls f on every element below n, n included.
func forEach(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		forEach(c, f)
	}
}

// tagOf returns the element's tag. Nodes that trafilatura builds carry
// only the tag name, not its atom.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}
