package input

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseHTML(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{
			name: "paragraphs and headings",
			page: "<h1>Clashes  in\nthe north</h1><p>First   paragraph,\n  wrapped.</p><h2>Aftermath</h2><p>Second.</p>",
			want: "Clashes in the north\n\nFirst paragraph, wrapped.\n\nAftermath\n\nSecond.",
		},
		{
			name: "inline elements stay in the paragraph",
			page: "<p>Troops <b>entered</b> the <a href='/x'>village</a>, <em>witnesses</em> said.</p>",
			want: "Troops entered the village, witnesses said.",
		},
		{
			name: "line breaks",
			page: "<p>Line one<br>Line two<br/><br><br>Line three</p>",
			want: "Line one\nLine two\n\nLine three",
		},
		{
			name: "scripts, styles and hidden elements dropped",
			page: "<p>Kept.</p><script>alert(1)</script><style>p{}</style><noscript>Enable JS</noscript>" +
				"<p hidden>Hidden.</p><p aria-hidden=\"true\">Also hidden.</p><p style=\"display: none\">None.</p><p>Also kept.</p>",
			want: "Kept.\n\nAlso kept.",
		},
		{
			name: "page furniture dropped",
			page: "<header><a>Logo</a></header><nav>Home | World</nav><div role=\"navigation\">Sections</div>" +
				"<p>Body text.</p><aside>Most read</aside><form>Subscribe <button>Go</button></form><footer>Copyright</footer>",
			want: "Body text.",
		},
		{
			name: "article header kept, page header dropped",
			page: "<header>Site name</header><article><header><h1>Headline</h1></header><p>Story.</p></article>",
			want: "Headline\n\nStory.",
		},
		{
			name: "the article with most text wins",
			page: "<article><p>Teaser.</p></article><article><h1>Main story</h1><p>The main story text is longer.</p></article>",
			want: "Main story\n\nThe main story text is longer.",
		},
		{
			name: "a small article in a long page is not taken for the body",
			page: "<div><p>" + strings.Repeat("Long body text. ", 20) + "</p></div><article><p>Tiny.</p></article>",
			want: strings.TrimSpace(strings.Repeat("Long body text. ", 20)) + "\n\nTiny.",
		},
		{
			name: "lists and tables",
			page: "<ul><li>Item one</li><li>Item two</li></ul><table><tr><th>Town</th><th>Dead</th></tr><tr><td>Ardo</td><td>4</td></tr></table>",
			want: "Item one\n\nItem two\n\nTown Dead\n\nArdo 4",
		},
		{
			name: "preformatted text keeps its lines",
			page: "<pre>col a   col b\nrow 1   row 2</pre>",
			want: "col a   col b\nrow 1   row 2",
		},
		{
			name: "entities decoded, no-break space kept",
			page: "<p>Smith &amp; Sons&nbsp;Ltd &#8212; &quot;fine&quot;</p>",
			want: "Smith & Sons\u00a0Ltd \u2014 \"fine\"",
		},
		{
			name: "text directly in the body",
			page: "<body>Loose text<div>Block</div>more loose</body>",
			want: "Loose text\n\nBlock\n\nmore loose",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainText(parseHTML(t, tt.page)); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// newsPage is a long article page with the boilerplate news sites carry.
const newsPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Dam damaged in overnight strike - Riverside Times</title></head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<header class="site-header"><a href="/">Riverside Times</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Dam damaged in overnight strike</h1>
<div class="share"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
<p>A drone strike damaged the spillway of the Kerran dam early on Sunday, the regional water authority said, forcing engineers to open two sluice gates to relieve pressure on the structure.</p>
<p>No one was hurt in the attack, according to the authority, but about 3,000 residents of villages downstream were told to prepare to leave their homes if the water level kept rising through the afternoon.</p>
<h2>Repairs could take weeks</h2>
<p>An engineer at the site said repairs to the spillway could take several weeks and would depend on whether the reservoir level could be lowered safely before the spring rains began in the hills.</p>
<p>The authority said it had asked the national government for emergency funding and for help from military engineers, who have repaired bridges in the region after earlier strikes this year.</p>
</article>
<section class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Bridge reopens after repairs</a></li><li><a href="/b">Local team wins cup final</a></li></ul></section>
<div id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Reader123: This is terrible news for the valley and for everyone living downstream.</p></div></div>
</main>
<div class="newsletter">Sign up for our newsletter and never miss a story.</div>
<footer><p>Copyright 2024 Riverside Times. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`

func TestArticleTextDropsBoilerplate(t *testing.T) {
	text, _ := articleText(parseHTML(t, newsPage))
	paras := strings.Split(text, "\n\n")
	wantStarts := []string{
		"Dam damaged in overnight strike",
		"A drone strike damaged the spillway",
		"No one was hurt in the attack",
		"Repairs could take weeks",
		"An engineer at the site said",
		"The authority said it had asked",
	}
	i := 0
	for _, p := range paras {
		if i < len(wantStarts) && strings.HasPrefix(p, wantStarts[i]) {
			i++
		}
	}
	if i < len(wantStarts) {
		t.Errorf("paragraph %q missing or out of order in\n%s", wantStarts[i], text)
	}
	for _, junk := range []string{"cookies", "Sport", "Share on social", "Related stories", "Local team",
		"Reader123", "newsletter", "Copyright", "Privacy"} {
		if strings.Contains(text, junk) {
			t.Errorf("boilerplate %q kept in\n%s", junk, text)
		}
	}
}

func TestPageMeta(t *testing.T) {
	tests := []struct {
		name, head, body string
		want             fields
	}{
		{
			name: "open graph and article tags",
			head: `<meta property="og:site_name" content="Coast Daily"><meta property="og:title" content="Storm  warning">
<meta property="article:published_time" content="2024-02-10T06:00:00+01:00"><meta property="og:url" content="https://coast.example/storm">`,
			want: fields{Published: "2024-02-10", Outlet: "Coast Daily", Title: "Storm  warning", URL: "https://coast.example/storm"},
		},
		{
			name: "JSON-LD with a graph",
			head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebSite","name":"Site","datePublished":"2001-01-01"},
{"@type":["NewsArticle"],"headline":"Ceasefire  agreed","datePublished":"2024-04-02T18:20:00Z","publisher":{"@type":"Organization","name":"Wire Service"}}]}</script>`,
			want: fields{Published: "2024-04-02", Outlet: "Wire Service", Title: "Ceasefire agreed"},
		},
		{
			name: "article:published_time wins over JSON-LD and time",
			head: `<meta name="article:published_time" content="2024-05-01"><script type="application/ld+json">{"@type":"Article","datePublished":"2024-05-02"}</script>`,
			body: `<time datetime="2024-05-03">3 May</time>`,
			want: fields{Published: "2024-05-01"},
		},
		{
			name: "JSON-LD wins over other meta names",
			head: `<meta name="date" content="2024-05-04"><script type="application/ld+json">[{"@type":"ReportageNewsArticle","datePublished":"2024-05-02"}]</script>`,
			want: fields{Published: "2024-05-02"},
		},
		{
			name: "meta itemprop and odd date forms",
			head: `<meta itemprop="datePublished" content="2024/07/08 10:00">`,
			want: fields{Published: "2024-07-08"},
		},
		{
			name: "time marked as the publication date",
			body: `<nav><time datetime="2030-01-01">today</time></nav><article><time datetime="2024-08-01">1 Aug</time>` +
				`<time itemprop="datePublished" datetime="2024-07-31T23:00:00-04:00">31 July</time></article>`,
			want: fields{Published: "2024-07-31"},
		},
		{
			name: "time in the article before time elsewhere",
			body: `<div><time datetime="2024-01-01">x</time></div><article><time datetime="2024-08-01">1 Aug</time></article>`,
			want: fields{Published: "2024-08-01"},
		},
		{
			name: "time in page furniture ignored",
			body: `<header><time datetime="2030-01-01">today</time></header><p>Text.</p>`,
			want: fields{},
		},
		{
			name: "unreadable dates skipped",
			head: `<meta property="article:published_time" content="last Tuesday"><meta name="pubdate" content="Tue, 05 Mar 2024 10:00:00 GMT">`,
			want: fields{Published: "2024-03-05"},
		},
		{
			name: "title without the outlet's name",
			head: `<title>Floods spread | Valley Herald</title><meta property="og:site_name" content="Valley Herald">`,
			want: fields{Title: "Floods spread", Outlet: "Valley Herald"},
		},
		{
			name: "title kept when it is only the outlet",
			head: `<title> | Valley Herald</title><meta property="og:site_name" content="Valley Herald">`,
			want: fields{Title: "| Valley Herald", Outlet: "Valley Herald"},
		},
		{
			name: "canonical link, relative URLs ignored",
			head: `<link rel="canonical" href="/relative"><meta property="og:url" content="https://site.example/full">`,
			want: fields{URL: "https://site.example/full"},
		},
		{
			name: "canonical link first",
			head: `<link rel="Canonical" href="https://site.example/canon"><meta property="og:url" content="https://site.example/og">`,
			want: fields{URL: "https://site.example/canon"},
		},
		{
			name: "language from the locale",
			head: `<meta property="og:locale" content="pt_BR">`,
			want: fields{Lang: "pt"},
		},
		{
			name: "bad JSON-LD ignored",
			head: `<script type="application/ld+json">{"datePublished": </script><meta name="application-name" content="App News">`,
			want: fields{Outlet: "App News"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTML(t, "<html><head>"+tt.head+"</head><body>"+tt.body+"</body></html>")
			if got := pageMeta(doc); got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	doc := parseHTML(t, `<html lang="en-US"><head></head><body></body></html>`)
	if got := pageMeta(doc).Lang; got != "en" {
		t.Errorf("lang %q, want en", got)
	}
}

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name, raw, want, err string
	}{
		{name: "UTF-8", raw: "<p>caf\u00e9</p>", want: "<p>caf\u00e9</p>"},
		{name: "byte order mark", raw: "\uFEFF<p>x</p>", want: "<p>x</p>"},
		{name: "declared Latin-1", raw: `<meta charset="iso-8859-1"><p>caf` + "\xe9</p>", want: `<meta charset="iso-8859-1"><p>caf` + "\u00e9</p>"},
		{
			name: "declared in http-equiv",
			raw:  `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>` + "\x93quoted\x94</p>",
			want: `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>` + "\u201cquoted\u201d</p>",
		},
		{name: "undeclared", raw: "<p>caf\xe9</p>", err: "invalid UTF-8 at byte 6"},
		{name: "declared UTF-8 but not", raw: `<meta charset="utf-8"><p>caf` + "\xe9</p>", err: "invalid UTF-8 at byte 28"},
		{name: "binary", raw: "<p>\x00</p>", err: "binary data, not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeHTML(tt.raw)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestArticleTextLargePage(t *testing.T) {
	para := "Officials said the shelling began early on Tuesday and went on for hours, damaging homes."
	page := "<html><body><nav>Home</nav><article>" + strings.Repeat("<p>"+para+"</p>\n", 4000) + "</article></body></html>"
	text, _ := articleText(parseHTML(t, page))
	want := strings.TrimSuffix(strings.Repeat(para+"\n\n", 4000), "\n\n")
	if text != want {
		t.Errorf("text of %d bytes, want %d", len(text), len(want))
	}
}
