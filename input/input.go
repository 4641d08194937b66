// Package input turns command-line paths into articles: plain-text files,
// HTML pages (whose article body is extracted), JSONL files of articles,
// RSS and Atom feeds (an article per item), and directories holding those.
// Articles are streamed one at a time, in input order, so a large JSONL file
// is never held in memory whole.
//
// An input that cannot be read gives one Item with an error and reading goes
// on with the next input or line; the caller decides what a failure means.
package input

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// DefaultMaxBytes is the size limit of one file or JSONL line when
// Options.MaxBytes is not set. A news article, even as a full HTML page, is
// far below it; a larger single article is bad input, reported as such. A
// JSONL file of many articles may be of any size.
const DefaultMaxBytes = 16 << 20

// stdinName names standard input in messages and sources.
const stdinName = "stdin"

// Options are the command-line defaults applied to the articles read.
type Options struct {
	// Published, Outlet and URL fill the fields an article does not give
	// itself; for HTML pages they override the page's metadata. Published
	// is YYYY-MM-DD or RFC 3339.
	Published string
	Outlet    string
	URL       string
	// MaxBytes is the largest file (or JSONL line) read; 0 or less means
	// DefaultMaxBytes.
	MaxBytes int64
}

// Item is one article read, or the failure to read one input.
type Item struct {
	// Article is the article read. When Err is set only Article.Source,
	// naming the bad input, is meaningful.
	Article sitrep.Article
	// Err, when set, is an application error with code sitrep.EInvalid whose
	// message names the input and the reason.
	Err error
}

// Read returns the articles found at paths, in order. No paths, or the path
// "-", reads stdin, whose format is sniffed from its content. Files are read
// by extension: .txt as plain text, .html and .htm as HTML, .jsonl as one
// article per line, .json as one article object, .rss, .atom and .xml as an
// RSS or Atom feed (one article per item); any other file is sniffed like
// stdin. A directory yields every supported file below it in lexical order,
// skipping hidden names and XML files that are not feeds.
//
// Reading stops when the caller breaks out of the loop or ctx is cancelled;
// after a cancellation the caller should check ctx.Err().
func Read(ctx context.Context, paths []string, stdin io.Reader, opts Options) iter.Seq[Item] {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	return func(yield func(Item) bool) {
		r := &reader{ctx: ctx, opts: opts, stdin: stdin, yield: yield}
		for _, p := range paths {
			if !r.path(p) {
				return
			}
		}
	}
}

// reader carries one call of Read. Its methods return false once the
// consumer has stopped or ctx is done.
type reader struct {
	ctx   context.Context
	opts  Options
	stdin io.Reader
	yield func(Item) bool
}

func (r *reader) emit(it Item) bool {
	if r.ctx.Err() != nil {
		return false
	}
	return r.yield(it)
}

// fail emits an error item for the input named source.
func (r *reader) fail(source string, err error) bool {
	return r.emit(Item{Article: sitrep.Article{Source: source}, Err: err})
}

func (r *reader) path(p string) bool {
	if p == "-" {
		if r.stdin == nil {
			return r.fail(stdinName, invalid(nil, "%s: no standard input", stdinName))
		}
		rd, _ := decodeUTF16(bufio.NewReaderSize(r.stdin, sniffSize), -1)
		return r.sniffed(stdinName, "", rd, -1)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return r.fail(p, cannotRead(p, err))
	}
	if fi.IsDir() {
		return r.dir(p)
	}
	size := fi.Size()
	if !fi.Mode().IsRegular() {
		size = -1 // a pipe or device: its size says nothing
	}
	return r.file(p, size, false)
}

// Input formats, chosen by extension or sniffed from content.
type format int

const (
	formatUnknown format = iota
	formatText
	formatHTML
	formatJSONL
	formatJSON
	formatFeed // RSS or Atom
)

// formatOf returns the format a file's extension stands for.
func formatOf(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return formatText
	case ".html", ".htm":
		return formatHTML
	case ".jsonl":
		return formatJSONL
	case ".json":
		return formatJSON
	case ".rss", ".atom", ".xml":
		return formatFeed
	}
	return formatUnknown
}

// file reads one file of the given size (-1 when unknown). In a directory
// walk (inDir), a .json file that is not an article object is skipped
// silently.
func (r *reader) file(p string, size int64, inDir bool) bool {
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, cannotRead(p, err))
	}
	defer f.Close()
	base := baseName(p)
	form := formatOf(p)
	rd, size := decodeUTF16(bufio.NewReaderSize(f, sniffSize), size)
	switch form {
	case formatJSONL:
		return r.jsonl(p, base, bufio.NewReaderSize(rd, sniffSize))
	case formatUnknown:
		return r.sniffed(p, base, rd, size)
	}
	return r.whole(p, base, form, rd, size, inDir)
}

// sniffed reads an input whose format is told by its content (see sniff).
// size is -1 when unknown.
func (r *reader) sniffed(name, base string, rd io.Reader, size int64) bool {
	br := bufio.NewReaderSize(rd, sniffSize)
	head, err := br.Peek(sniffSize)
	form := sniff(head, err != nil)
	if form == formatJSONL {
		return r.jsonl(name, base, br)
	}
	return r.whole(name, base, form, br, size, false)
}

// whole reads an input that holds one article, in the given format.
func (r *reader) whole(name, base string, form format, rd io.Reader, size int64, inDir bool) bool {
	raw, err := readLimited(name, rd, size, r.opts.MaxBytes)
	if err != nil {
		return r.fail(name, err)
	}
	switch form {
	case formatHTML:
		return r.emit(r.htmlArticle(name, base, raw, fields{}))
	case formatFeed:
		dir := ""
		if name != stdinName {
			dir = filepath.Dir(name)
		}
		return r.feed(name, base, dir, raw, inDir)
	case formatJSON:
		it, ok := r.jsonArticle(name, base, raw)
		if !ok && inDir {
			return true
		}
		return r.emit(it)
	}
	return r.emit(r.textArticle(name, base, raw, fields{}))
}

// textArticle makes a plain-text article of raw, read from the input name.
func (r *reader) textArticle(name, id, raw string, given fields) Item {
	text, err := checkText(name, raw)
	if err != nil {
		return Item{Article: sitrep.Article{Source: name}, Err: err}
	}
	return r.article(name, id, text, given, fields{})
}

// fields are the article metadata that a JSONL line or a page gives.
type fields struct {
	Published, Outlet, URL, Title, Lang string
}

// article builds the article for text: the input's own fields first, then
// the command-line options, then what the page's metadata says. An empty id
// becomes a hash of the text.
func (r *reader) article(name, id, text string, given, page fields) Item {
	a := sitrep.Article{
		ID:        id,
		Text:      text,
		Source:    name,
		Published: firstOf(given.Published, r.opts.Published, page.Published),
		Outlet:    firstOf(given.Outlet, r.opts.Outlet, page.Outlet),
		URL:       firstOf(given.URL, r.opts.URL, page.URL),
		Title:     firstOf(given.Title, page.Title),
		Lang:      firstOf(given.Lang, page.Lang),
	}
	if int64(len(text)) > r.opts.MaxBytes {
		// HTML decoded from an 8-bit character set can outgrow its page
		return Item{Article: sitrep.Article{Source: name}, Err: tooLarge(name, "article text", int64(len(text)), r.opts.MaxBytes)}
	}
	if reason := languageProblem(text, a.Lang); reason != "" {
		return Item{Article: sitrep.Article{Source: name}, Err: invalid(nil, "%s: %s; sitrep reads English text only", name, reason)}
	}
	if a.ID == "" {
		a.ID = TextID(text)
	}
	if a.Published != "" {
		day, err := NormalizeDate(a.Published)
		if err != nil {
			return Item{Article: sitrep.Article{Source: name}, Err: invalid(nil, "%s: %v", name, err)}
		}
		a.Published = day
	}
	return Item{Article: a}
}

// TextID returns the ID of an article that has none: the first 16 hex
// digits of the SHA-256 of its text.
func TextID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// baseName is the file name of p without its extension, an article's ID.
func baseName(p string) string {
	b := filepath.Base(p)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// lineID is the ID of the JSONL line n without an id of its own.
func lineID(base string, n int) string {
	if base == "" {
		return ""
	}
	return base + ":line" + strconv.Itoa(n)
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
