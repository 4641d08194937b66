package input

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// result is what the tests compare of an item. Err is matched as a prefix of
// the error message, so that the wording of encoding/json's own errors does
// not need repeating.
type result struct {
	ID, Text, Published, Outlet, URL, Title, Lang, Source, Err string
}

func toResult(t *testing.T, it Item) result {
	t.Helper()
	if it.Err != nil {
		if code := sitrep.ErrorCode(it.Err); code != sitrep.EInvalid {
			t.Errorf("%s: error code %q, want %q", it.Err, code, sitrep.EInvalid)
		}
		if strings.Contains(it.Err.Error(), "\n") {
			t.Errorf("error message is not one line: %q", it.Err)
		}
		return result{Source: it.Article.Source, Err: it.Err.Error()}
	}
	a := it.Article
	if a.HTML != "" {
		t.Errorf("%s: HTML kept", a.Source)
	}
	return result{ID: a.ID, Text: a.Text, Published: a.Published, Outlet: a.Outlet, URL: a.URL,
		Title: a.Title, Lang: a.Lang, Source: a.Source}
}

// collect reads paths, with stdin as standard input.
func collect(t *testing.T, paths []string, stdin string, opts Options) []result {
	t.Helper()
	var out []result
	for it := range Read(context.Background(), paths, strings.NewReader(stdin), opts) {
		out = append(out, toResult(t, it))
	}
	return out
}

// writeFiles writes files, named relative to the working directory, making
// the directories they need.
func writeFiles(t *testing.T, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func compare(t *testing.T, got, want []result) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d items, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if w.Err != "" && strings.HasPrefix(g.Err, w.Err) {
			g.Err = w.Err
		}
		if g != w {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	for i := len(want); i < len(got); i++ {
		t.Errorf("extra item %d: %+v", i, got[i])
	}
}

const (
	story1 = "Shelling was reported near the border town of Varos on Monday.\n"
	story2 = "Two aid workers were injured when their convoy was hit, officials said.\n"
	story3 = "Police dispersed a protest outside the ministry on Friday.\n"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		stdin string
		opts  Options
		want  []result
	}{
		{
			name:  "text file",
			files: map[string]string{"varos.txt": story1},
			paths: []string{"varos.txt"},
			want:  []result{{ID: "varos", Text: story1, Source: "varos.txt"}},
		},
		{
			name:  "text file with options",
			files: map[string]string{"varos.txt": story1},
			paths: []string{"varos.txt"},
			opts:  Options{Published: "2024-03-05T22:10:00-05:00", Outlet: "Border Post", URL: "https://post.example/1"},
			want: []result{{ID: "varos", Text: story1, Published: "2024-03-05", Outlet: "Border Post",
				URL: "https://post.example/1", Source: "varos.txt"}},
		},
		{
			name:  "byte order mark stripped",
			files: map[string]string{"bom.txt": "\uFEFF" + story1},
			paths: []string{"bom.txt"},
			want:  []result{{ID: "bom", Text: story1, Source: "bom.txt"}},
		},
		{
			name:  "upper-case extension",
			files: map[string]string{"LOUD.TXT": story1},
			paths: []string{"LOUD.TXT"},
			want:  []result{{ID: "LOUD", Text: story1, Source: "LOUD.TXT"}},
		},
		{
			name:  "other extension read as text",
			files: map[string]string{"notes.md": "# Varos\n\n" + story1},
			paths: []string{"notes.md"},
			want:  []result{{ID: "notes", Text: "# Varos\n\n" + story1, Source: "notes.md"}},
		},
		{
			name:  "text opening with a brace is not JSONL",
			files: map[string]string{"brace": "{draft} " + story1},
			paths: []string{"brace"},
			want:  []result{{ID: "brace", Text: "{draft} " + story1, Source: "brace"}},
		},
		{
			name:  "other extension sniffed as HTML",
			files: map[string]string{"saved": "<!DOCTYPE html><html><body><p>" + story1 + "</p><p>" + story2 + "</p></body></html>"},
			paths: []string{"saved"},
			want: []result{{ID: "saved", Text: strings.TrimSpace(story1) + "\n\n" + strings.TrimSpace(story2),
				Source: "saved"}},
		},
		{
			name:  "other extension sniffed as JSONL",
			files: map[string]string{"feed.ndjson": `{"text":"One."}` + "\n" + `{"text":"Two."}` + "\n"},
			paths: []string{"feed.ndjson"},
			want: []result{
				{ID: "feed:line1", Text: "One.", Source: "feed.ndjson:1"},
				{ID: "feed:line2", Text: "Two.", Source: "feed.ndjson:2"},
			},
		},
		{
			name: "JSONL fields, options fill what a line lacks",
			files: map[string]string{"batch.jsonl": `{"id":"a-1","text":"One.","published":"2024-02-01","outlet":"Own Outlet","url":"https://own.example/a","title":"First","lang":"en"}
{"text":"Two."}
{"id":17,"text":"Three.","published":"2024-02-03T01:00:00Z"}
`},
			paths: []string{"batch.jsonl"},
			opts:  Options{Published: "2024-01-31", Outlet: "Flag Outlet", URL: "https://flag.example/"},
			want: []result{
				{ID: "a-1", Text: "One.", Published: "2024-02-01", Outlet: "Own Outlet", URL: "https://own.example/a",
					Title: "First", Lang: "en", Source: "batch.jsonl:1"},
				{ID: "batch:line2", Text: "Two.", Published: "2024-01-31", Outlet: "Flag Outlet",
					URL: "https://flag.example/", Source: "batch.jsonl:2"},
				{ID: "17", Text: "Three.", Published: "2024-02-03", Outlet: "Flag Outlet",
					URL: "https://flag.example/", Source: "batch.jsonl:3"},
			},
		},
		{
			name:  "JSONL line with HTML",
			files: map[string]string{"web.jsonl": `{"id":"w1","html":"<html><head><meta property=\"og:site_name\" content=\"Page Outlet\"></head><body><p>Four <b>bold</b> words.</p></body></html>","title":"Given"}` + "\n"},
			paths: []string{"web.jsonl"},
			want: []result{{ID: "w1", Text: "Four bold words.", Outlet: "Page Outlet", Title: "Given",
				Source: "web.jsonl:1"}},
		},
		{
			name:  "JSONL with CRLF line ends, blank lines and a byte order mark",
			files: map[string]string{"crlf.jsonl": "\uFEFF{\"text\":\"One.\"}\r\n\r\n   \r\n{\"text\":\"Two.\"}\r\n"},
			paths: []string{"crlf.jsonl"},
			want: []result{
				{ID: "crlf:line1", Text: "One.", Source: "crlf.jsonl:1"},
				{ID: "crlf:line4", Text: "Two.", Source: "crlf.jsonl:4"},
			},
		},
		{
			name:  "JSON article file",
			files: map[string]string{"one.json": `{"text":"` + strings.TrimSpace(story3) + `","outlet":"Capital Daily"}`},
			paths: []string{"one.json"},
			want:  []result{{ID: "one", Text: strings.TrimSpace(story3), Outlet: "Capital Daily", Source: "one.json"}},
		},
		{
			name:  "JSON article file with its own id",
			files: map[string]string{"one.json": `{"id":"c-9","text":"Three."}`},
			paths: []string{"one.json"},
			want:  []result{{ID: "c-9", Text: "Three.", Source: "one.json"}},
		},
		{
			name: "HTML file, options override the page",
			files: map[string]string{"page.html": `<html lang="en-GB"><head><title>Protest | The Courier</title>
<meta property="og:site_name" content="The Courier">
<meta property="article:published_time" content="2024-06-01T09:00:00+02:00"></head>
<body><nav>Home</nav><p>The police dispersed a protest.</p><footer>Legal notice</footer></body></html>`},
			paths: []string{"page.html"},
			opts:  Options{Outlet: "Flag Outlet", Published: "2024-06-02"},
			want: []result{{ID: "page", Text: "The police dispersed a protest.", Published: "2024-06-02",
				Outlet: "Flag Outlet", Title: "Protest", Lang: "en", Source: "page.html"}},
		},
		{
			name:  "inputs in the order given",
			files: map[string]string{"b.txt": story2, "a.txt": story1, "c.txt": story3},
			paths: []string{"c.txt", "a.txt", "missing.txt", "b.txt"},
			want: []result{
				{ID: "c", Text: story3, Source: "c.txt"},
				{ID: "a", Text: story1, Source: "a.txt"},
				{Source: "missing.txt", Err: "missing.txt: cannot read: no such file or directory"},
				{ID: "b", Text: story2, Source: "b.txt"},
			},
		},
		{
			name:  "stdin mixed with files",
			files: map[string]string{"a.txt": story1},
			paths: []string{"a.txt", "-"},
			stdin: story2,
			want: []result{
				{ID: "a", Text: story1, Source: "a.txt"},
				{ID: TextID(story2), Text: story2, Source: "stdin"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			writeFiles(t, tt.files)
			compare(t, collect(t, tt.paths, tt.stdin, tt.opts), tt.want)
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		opts  Options
		want  []result
	}{
		{
			name:  "missing file",
			paths: []string{"nowhere.txt"},
			want:  []result{{Source: "nowhere.txt", Err: "nowhere.txt: cannot read: no such file or directory"}},
		},
		{
			name:  "empty file",
			files: map[string]string{"empty.txt": ""},
			paths: []string{"empty.txt"},
			want:  []result{{Source: "empty.txt", Err: "empty.txt: empty article"}},
		},
		{
			name:  "only white space",
			files: map[string]string{"blank.txt": " \n\t\r\n  \uFEFF"},
			paths: []string{"blank.txt"},
			want:  []result{{Source: "blank.txt", Err: "blank.txt: empty article"}},
		},
		{
			name:  "byte order mark alone",
			files: map[string]string{"bom.txt": "\uFEFF\n"},
			paths: []string{"bom.txt"},
			want:  []result{{Source: "bom.txt", Err: "bom.txt: empty article"}},
		},
		{
			name:  "NUL bytes",
			files: map[string]string{"image.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
			paths: []string{"image.txt"},
			want:  []result{{Source: "image.txt", Err: "image.txt: binary data, not text"}},
		},
		{
			name:  "many control bytes",
			files: map[string]string{"ctrl.txt": "ab\x01\x02cd\x03\x04ef\x05\x06"},
			paths: []string{"ctrl.txt"},
			want:  []result{{Source: "ctrl.txt", Err: "ctrl.txt: binary data, not text"}},
		},
		{
			name:  "invalid UTF-8",
			files: map[string]string{"latin1.txt": "Caf\xe9 owners said"},
			paths: []string{"latin1.txt"},
			want:  []result{{Source: "latin1.txt", Err: "latin1.txt: invalid UTF-8 at byte 3"}},
		},
		{
			name:  "invalid UTF-8 offset counts the byte order mark",
			files: map[string]string{"bom.txt": "\uFEFFab\xff"},
			paths: []string{"bom.txt"},
			want:  []result{{Source: "bom.txt", Err: "bom.txt: invalid UTF-8 at byte 5"}},
		},
		{
			name:  "UTF-16",
			files: map[string]string{"wide.txt": "H\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00"},
			paths: []string{"wide.txt"},
			want:  []result{{Source: "wide.txt", Err: "wide.txt: UTF-16 text without a byte order mark; convert it to UTF-8"}},
		},
		{
			name:  "file too large",
			files: map[string]string{"big.txt": strings.Repeat("word ", 30)},
			paths: []string{"big.txt"},
			opts:  Options{MaxBytes: 100},
			want:  []result{{Source: "big.txt", Err: "big.txt: file too large: 150 bytes, limit 100"}},
		},
		{
			name:  "HTML file too large",
			files: map[string]string{"big.html": "<p>" + strings.Repeat("word ", 30) + "</p>"},
			paths: []string{"big.html"},
			opts:  Options{MaxBytes: 100},
			want:  []result{{Source: "big.html", Err: "big.html: file too large: 157 bytes, limit 100"}},
		},
		{
			name:  "bad published option",
			files: map[string]string{"a.txt": story1},
			paths: []string{"a.txt"},
			opts:  Options{Published: "5 March 2024"},
			want:  []result{{Source: "a.txt", Err: `a.txt: bad published date "5 March 2024": want YYYY-MM-DD or RFC 3339`}},
		},
		{
			name:  "HTML without text",
			files: map[string]string{"bare.html": "<html><head><title>Only a title</title><script>x()</script></head><body><nav>Home</nav></body></html>"},
			paths: []string{"bare.html"},
			want:  []result{{Source: "bare.html", Err: "bare.html: empty article: no text found in the HTML"}},
		},
		{
			name:  "empty HTML file",
			files: map[string]string{"void.htm": "\n"},
			paths: []string{"void.htm"},
			want:  []result{{Source: "void.htm", Err: "void.htm: empty article"}},
		},
		{
			name:  "binary HTML file",
			files: map[string]string{"blob.html": "<p>\x00\x01</p>"},
			paths: []string{"blob.html"},
			want:  []result{{Source: "blob.html", Err: "blob.html: binary data, not text"}},
		},
		{
			name:  "JSON file that is not an article",
			files: map[string]string{"config.json": `{"threshold": 3}`},
			paths: []string{"config.json"},
			want:  []result{{Source: "config.json", Err: `config.json: no "text" or "html" field: not a JSON article object`}},
		},
		{
			name:  "JSON file that is not JSON",
			files: map[string]string{"broken.json": `{"text": "x"`},
			paths: []string{"broken.json"},
			want:  []result{{Source: "broken.json", Err: "broken.json: not JSON: "}},
		},
		{
			name:  "empty JSONL file",
			files: map[string]string{"none.jsonl": "\n\n"},
			paths: []string{"none.jsonl"},
			want:  []result{{Source: "none.jsonl", Err: "none.jsonl: empty article"}},
		},
		{
			name: "bad JSONL lines do not lose the lines after them",
			files: map[string]string{"mixed.jsonl": `{"text":"One."}
{"text": "Two." 
["not", "an", "object"]
{"title":"no body"}
{"text":"   "}
{"text":"Six.","published":"yesterday"}
{"text":7}
{"id":{"x":1},"text":"Eight."}
{"text":"Nine \u0000 zero."}
{"text":"Ten.","id":"t10"}
`},
			paths: []string{"mixed.jsonl"},
			want: []result{
				{ID: "mixed:line1", Text: "One.", Source: "mixed.jsonl:1"},
				{Source: "mixed.jsonl:2", Err: "mixed.jsonl: line 2: not JSON: "},
				{Source: "mixed.jsonl:3", Err: "mixed.jsonl: line 3: not a JSON object"},
				{Source: "mixed.jsonl:4", Err: `mixed.jsonl: line 4: no "text" or "html" field`},
				{Source: "mixed.jsonl:5", Err: "mixed.jsonl: line 5: empty article"},
				{Source: "mixed.jsonl:6", Err: `mixed.jsonl: line 6: bad published date "yesterday": want YYYY-MM-DD or RFC 3339`},
				{Source: "mixed.jsonl:7", Err: `mixed.jsonl: line 7: field "text": want string, got number`},
				{Source: "mixed.jsonl:8", Err: `mixed.jsonl: line 8: field "id": want a string or a number`},
				{Source: "mixed.jsonl:9", Err: "mixed.jsonl: line 9: binary data, not text"},
				{ID: "t10", Text: "Ten.", Source: "mixed.jsonl:10"},
			},
		},
		{
			name:  "JSONL line with invalid UTF-8",
			files: map[string]string{"bytes.jsonl": "{\"text\":\"ok\"}\n{\"text\":\"caf\xe9\"}\n{\"text\":\"fine\"}\n"},
			paths: []string{"bytes.jsonl"},
			want: []result{
				{ID: "bytes:line1", Text: "ok", Source: "bytes.jsonl:1"},
				{Source: "bytes.jsonl:2", Err: "bytes.jsonl: line 2: invalid UTF-8 at byte 12 of the line"},
				{ID: "bytes:line3", Text: "fine", Source: "bytes.jsonl:3"},
			},
		},
		{
			name: "JSONL line over the limit",
			files: map[string]string{"long.jsonl": `{"text":"short"}` + "\n" +
				`{"text":"` + strings.Repeat("x", 200) + `"}` + "\n" + `{"text":"after"}`},
			paths: []string{"long.jsonl"},
			opts:  Options{MaxBytes: 100},
			want: []result{
				{ID: "long:line1", Text: "short", Source: "long.jsonl:1"},
				{Source: "long.jsonl:2", Err: "long.jsonl: line 2: line too large: 211 bytes, limit 100"},
				{ID: "long:line3", Text: "after", Source: "long.jsonl:3"},
			},
		},
		{
			name:  "binary JSONL file gives one error",
			files: map[string]string{"blob.jsonl": "\x00\x01\x02\n\x03\x04\n\x05\n"},
			paths: []string{"blob.jsonl"},
			want:  []result{{Source: "blob.jsonl", Err: "blob.jsonl: binary data, not text"}},
		},
		{
			name:  "UTF-16 JSONL file",
			files: map[string]string{"wide.jsonl": utf16LE(`{"text":"Hi"}` + "\n" + `{"text":`)},
			paths: []string{"wide.jsonl"},
			want: []result{{ID: "wide:line1", Text: "Hi", Source: "wide.jsonl:1"},
				{Source: "wide.jsonl:2", Err: "wide.jsonl: line 2: not JSON: unexpected end of JSON input"}},
		},
		{
			name:  "JSONL line with bad HTML",
			files: map[string]string{"web.jsonl": `{"html":"<script>only()</script>"}` + "\n"},
			paths: []string{"web.jsonl"},
			want:  []result{{Source: "web.jsonl:1", Err: "web.jsonl: line 1: empty article: no text found in the HTML"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			writeFiles(t, tt.files)
			compare(t, collect(t, tt.paths, "", tt.opts), tt.want)
		})
	}
}

func TestMissingFileUnwraps(t *testing.T) {
	t.Chdir(t.TempDir())
	for it := range Read(context.Background(), []string{"gone.txt"}, nil, Options{}) {
		if !errors.Is(it.Err, fs.ErrNotExist) {
			t.Errorf("error %v does not unwrap to fs.ErrNotExist", it.Err)
		}
		var appErr *sitrep.Error
		if !errors.As(it.Err, &appErr) || appErr.Code != sitrep.EInvalid {
			t.Errorf("error %v is not a sitrep.EInvalid error", it.Err)
		}
	}
}

func TestStdin(t *testing.T) {
	long := strings.Repeat("The convoy moved north. ", 20)
	tests := []struct {
		name  string
		paths []string
		stdin string
		opts  Options
		want  []result
	}{
		{
			name:  "plain text",
			stdin: story1,
			want:  []result{{ID: TextID(story1), Text: story1, Source: "stdin"}},
		},
		{
			name:  "dash",
			paths: []string{"-"},
			stdin: story1,
			opts:  Options{Outlet: "Wire"},
			want:  []result{{ID: TextID(story1), Text: story1, Outlet: "Wire", Source: "stdin"}},
		},
		{
			name:  "JSONL",
			stdin: "  \n" + `{"text":"One."}` + "\n" + `{"id":"b","text":"Two."}` + "\n",
			want: []result{
				{ID: TextID("One."), Text: "One.", Source: "stdin:2"},
				{ID: "b", Text: "Two.", Source: "stdin:3"},
			},
		},
		{
			name:  "JSONL after a byte order mark",
			stdin: "\uFEFF" + `{"text":"One."}`,
			want:  []result{{ID: TextID("One."), Text: "One.", Source: "stdin:1"}},
		},
		{
			name:  "JSONL whose later lines are bad stays JSONL",
			stdin: `{"text":"One."}` + "\nnot json\n",
			want: []result{
				{ID: TextID("One."), Text: "One.", Source: "stdin:1"},
				{Source: "stdin:2", Err: "stdin: line 2: not JSON: "},
			},
		},
		{
			name:  "pretty-printed JSON article",
			stdin: "{\n  \"id\": \"p1\",\n  \"text\": \"Pretty.\"\n}\n",
			want:  []result{{ID: "p1", Text: "Pretty.", Source: "stdin"}},
		},
		{
			name:  "pretty-printed JSON without text",
			stdin: "{\n  \"id\": \"p1\"\n}\n",
			want:  []result{{Source: "stdin", Err: `stdin: no "text" or "html" field: not a JSON article object`}},
		},
		{
			name:  "brace that is not JSON is text",
			stdin: "{Update} " + story1,
			want:  []result{{ID: TextID("{Update} " + story1), Text: "{Update} " + story1, Source: "stdin"}},
		},
		{
			name:  "HTML",
			stdin: "\n<!-- saved page -->\n<HTML><body><p>" + long + "</p></body></HTML>",
			want: []result{{ID: TextID(strings.TrimSpace(long)), Text: strings.TrimSpace(long), Lang: "en",
				Source: "stdin"}},
		},
		{
			name:  "HTML fragment",
			stdin: "<p>First.</p><p>Second.</p>",
			want:  []result{{ID: TextID("First.\n\nSecond."), Text: "First.\n\nSecond.", Source: "stdin"}},
		},
		{
			name:  "text that mentions a tag",
			stdin: "Use <p> for paragraphs.",
			want:  []result{{ID: TextID("Use <p> for paragraphs."), Text: "Use <p> for paragraphs.", Source: "stdin"}},
		},
		{
			name: "empty",
			want: []result{{Source: "stdin", Err: "stdin: empty article"}},
		},
		{
			name:  "too large",
			stdin: strings.Repeat("a", 250),
			opts:  Options{MaxBytes: 100},
			want:  []result{{Source: "stdin", Err: "stdin: input too large: 250 bytes, limit 100"}},
		},
		{
			name:  "binary",
			stdin: "\x1f\x8b\x08\x00\x00\x00",
			want:  []result{{Source: "stdin", Err: "stdin: binary data, not text"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compare(t, collect(t, tt.paths, tt.stdin, tt.opts), tt.want)
		})
	}
}

func TestNoStdin(t *testing.T) {
	var got []result
	for it := range Read(context.Background(), nil, nil, Options{}) {
		got = append(got, toResult(t, it))
	}
	compare(t, got, []result{{Source: "stdin", Err: "stdin: no standard input"}})
}

func TestDirectory(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFiles(t, map[string]string{
		"corpus/b.txt":              story2,
		"corpus/a.txt":              story1,
		"corpus/sub/c.html":         "<p>" + story3 + "</p>",
		"corpus/sub/d.jsonl":        `{"text":"D one."}` + "\n" + `{"text":"D two."}` + "\n",
		"corpus/sub/e.json":         `{"text":"E."}`,
		"corpus/sub/settings.json":  `{"colour":"blue"}`,
		"corpus/sub/list.json":      `[1, 2]`,
		"corpus/data.csv":           "a,b\n1,2\n",
		"corpus/README":             "not an article",
		"corpus/.hidden.txt":        "hidden file",
		"corpus/.git/HEAD.txt":      "hidden directory",
		"corpus/Z.txt":              story3,
		"corpus/empty.txt":          "",
		"corpus/zz/deeper/last.htm": "<p>Last.</p>",
	})
	want := []result{
		{ID: "Z", Text: story3, Source: "corpus/Z.txt"},
		{ID: "a", Text: story1, Source: "corpus/a.txt"},
		{ID: "b", Text: story2, Source: "corpus/b.txt"},
		{Source: "corpus/empty.txt", Err: "corpus/empty.txt: empty article"},
		{ID: "c", Text: strings.TrimSpace(story3), Source: "corpus/sub/c.html"},
		{ID: "d:line1", Text: "D one.", Source: "corpus/sub/d.jsonl:1"},
		{ID: "d:line2", Text: "D two.", Source: "corpus/sub/d.jsonl:2"},
		{ID: "e", Text: "E.", Source: "corpus/sub/e.json"},
		{ID: "last", Text: "Last.", Source: "corpus/zz/deeper/last.htm"},
	}
	compare(t, collect(t, []string{"corpus"}, "", Options{}), want)

	t.Run("trailing slash and hidden root", func(t *testing.T) {
		writeFiles(t, map[string]string{".drafts/x.txt": story1})
		compare(t, collect(t, []string{".drafts/"}, "", Options{}),
			[]result{{ID: "x", Text: story1, Source: ".drafts/x.txt"}})
	})
	t.Run("nothing to read", func(t *testing.T) {
		writeFiles(t, map[string]string{"other/notes.csv": "a,b\n"})
		compare(t, collect(t, []string{"other"}, "", Options{}),
			[]result{{Source: "other", Err: "other: no .txt, .html, .htm, .jsonl or .json files in the directory"}})
	})
	t.Run("broken link", func(t *testing.T) {
		writeFiles(t, map[string]string{"linked/ok.txt": story1})
		if err := os.Symlink("nowhere.txt", "linked/broken.txt"); err != nil {
			t.Skip("no symbolic links:", err)
		}
		compare(t, collect(t, []string{"linked"}, "", Options{}), []result{
			{Source: "linked/broken.txt", Err: "linked/broken.txt: cannot read: no such file or directory"},
			{ID: "ok", Text: story1, Source: "linked/ok.txt"},
		})
	})
	t.Run("unreadable directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads any directory")
		}
		writeFiles(t, map[string]string{"locked/inner/x.txt": story1, "locked/y.txt": story2})
		if err := os.Chmod("locked/inner", 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod("locked/inner", 0o755) })
		compare(t, collect(t, []string{"locked"}, "", Options{}), []result{
			{Source: "locked/inner", Err: "locked/inner: cannot read: permission denied"},
			{ID: "y", Text: story2, Source: "locked/y.txt"},
		})
	})
}

func TestLargeText(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	t.Chdir(t.TempDir())
	line := "Fighting continued in the eastern districts, the ministry said.\n"
	text := strings.Repeat(line, 50<<20/len(line))
	writeFiles(t, map[string]string{"big.txt": text, "small.txt": line})
	var got []Item
	for it := range Read(context.Background(), []string{"big.txt", "small.txt"}, nil, Options{}) {
		got = append(got, it)
	}
	if len(got) != 2 {
		t.Fatalf("%d items, want 2", len(got))
	}
	if got[0].Err == nil || !strings.Contains(got[0].Err.Error(), "big.txt") || !strings.Contains(got[0].Err.Error(), "too large") {
		t.Errorf("50 MB article: err = %v, want a 'too large' error naming the file", got[0].Err)
	}
	if got[1].Err != nil || got[1].Article.Text != line {
		t.Errorf("the input after the large one was not read: %+v", got[1])
	}
	// with a higher limit the same file is read whole
	for it := range Read(context.Background(), []string{"big.txt"}, nil, Options{MaxBytes: 64 << 20}) {
		if it.Err != nil || len(it.Article.Text) != len(text) {
			t.Errorf("with a 64 MiB limit: err %v, %d bytes", it.Err, len(it.Article.Text))
		}
	}
}

func TestLongJSONLLine(t *testing.T) {
	t.Chdir(t.TempDir())
	long := strings.Repeat("word ", 3*sniffSize/5) + "end"
	writeFiles(t, map[string]string{"long.jsonl": `{"id":"L","text":"` + long + `"}` + "\n" + `{"id":"S","text":"short"}`})
	compare(t, collect(t, []string{"long.jsonl"}, "", Options{}), []result{
		{ID: "L", Text: long, Source: "long.jsonl:1"},
		{ID: "S", Text: "short", Source: "long.jsonl:2"},
	})
	// The same from stdin, where the first line is longer than the
	// sniffing buffer.
	compare(t, collect(t, nil, `{"id":"L","text":"`+long+`"}`, Options{}), []result{
		{ID: "L", Text: long, Source: "stdin:1"},
	})
}

func TestStopEarly(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFiles(t, map[string]string{
		"d/a.txt": story1, "d/b.txt": story2,
		"many.jsonl": strings.Repeat(`{"text":"x"}`+"\n", 10),
	})
	for _, paths := range [][]string{{"d", "many.jsonl"}, {"many.jsonl", "d"}} {
		n := 0
		for range Read(context.Background(), paths, nil, Options{}) {
			n++
			if n == 2 {
				break
			}
		}
		if n != 2 {
			t.Errorf("%v: %d items before break, want 2", paths, n)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range Read(ctx, []string{"many.jsonl", "d"}, nil, Options{}) {
		n++
		if n == 3 {
			cancel()
		}
	}
	if n != 3 {
		t.Errorf("%d items after cancelling at 3", n)
	}
}

// utf16LE encodes s, ASCII, as UTF-16 little-endian with a byte order mark.
func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return string(b)
}
