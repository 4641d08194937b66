package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// articleObject is an article as a JSON object, one line of a JSONL input
// or a whole .json file. Only Text or HTML is required.
type articleObject struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	Published string          `json:"published"`
	Outlet    string          `json:"outlet"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Lang      string          `json:"lang"`
}

// jsonl reads one article per line of br, named name. Blank lines are
// skipped; a bad line gives an error item and reading goes on with the
// next. Lines without an id are named base:lineN, or by a hash of their
// text when base is empty (stdin).
func (r *reader) jsonl(name, base string, br *bufio.Reader) bool {
	// A file of binary data would give an error for every "line".
	head, _ := br.Peek(sniffSize)
	if reason := dataProblem(string(head)); reason != "" {
		return r.fail(name, invalid(nil, "%s: %s", name, reason))
	}
	seen := false
	for n := 1; ; n++ {
		line, size, readErr := readLine(br, r.opts.MaxBytes)
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte(bom))
		}
		source := name + ":" + strconv.Itoa(n)
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return r.fail(source, invalid(readErr, "%s: line %d: cannot read: %v", name, n, readErr))
		}
		switch {
		case size > r.opts.MaxBytes:
			seen = true
			if !r.fail(source, tooLarge(name+": line "+strconv.Itoa(n), "line", size, r.opts.MaxBytes)) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			seen = true
			if !r.emit(r.lineArticle(name, base, n, line)) {
				return false
			}
		}
		if readErr != nil {
			break
		}
	}
	if !seen {
		return r.fail(name, invalid(nil, "%s: empty article", name))
	}
	return true
}

// readLine returns the next line of br without its line ending, and its
// length. A line longer than limit is read through but not kept: line is
// nil and size tells its length. err is io.EOF after the last line.
func readLine(br *bufio.Reader, limit int64) (line []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= limit+1 { // +1: the newline does not count
			line = append(line, chunk...)
		} else {
			line = nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if bytes.HasSuffix(chunk, []byte("\n")) {
			size--
			line = bytes.TrimSuffix(line, []byte("\n"))
			if bytes.HasSuffix(line, []byte("\r")) {
				size--
				line = line[:len(line)-1]
			}
		}
		if size > limit {
			line = nil
		}
		return line, size, err
	}
}

// lineArticle decodes line n of the JSONL input name.
func (r *reader) lineArticle(name, base string, n int, line []byte) Item {
	source := name + ":" + strconv.Itoa(n)
	where := fmt.Sprintf("%s: line %d", name, n)
	fail := func(err error) Item { return Item{Article: sitrep.Article{Source: source}, Err: err} }
	if !utf8.Valid(line) {
		return fail(invalid(nil, "%s: invalid UTF-8 at byte %d of the line", where, invalidUTF8(string(line))))
	}
	obj, err := decodeArticle(line)
	if err != nil {
		return fail(invalid(err, "%s: %v", where, err))
	}
	id, err := objectID(obj.ID)
	if err != nil {
		return fail(invalid(nil, "%s: %v", where, err))
	}
	if id == "" {
		id = lineID(base, n)
	}
	return r.objectArticle(source, where, id, obj)
}

// jsonArticle reads a .json file holding one article object. ok is false
// when the file is not an article object at all (not JSON, or an object
// without text or html), which a directory walk skips.
func (r *reader) jsonArticle(name, base, raw string) (it Item, ok bool) {
	fail := func(err error) Item { return Item{Article: sitrep.Article{Source: name}, Err: err} }
	if reason := encodingProblem(raw); reason != "" {
		return fail(invalid(nil, "%s: %s", name, reason)), false
	}
	raw = strings.TrimPrefix(raw, bom)
	if isBlank(raw) {
		return fail(invalid(nil, "%s: empty article", name)), false
	}
	obj, err := decodeArticle([]byte(raw))
	if err != nil {
		return fail(invalid(err, "%s: %v", name, err)), false
	}
	if obj.Text == nil && obj.HTML == nil {
		return fail(invalid(nil, "%s: no \"text\" or \"html\" field: not a JSON article object", name)), false
	}
	id, err := objectID(obj.ID)
	if err != nil {
		return fail(invalid(nil, "%s: %v", name, err)), true
	}
	return r.objectArticle(name, name, firstOf(id, base), obj), true
}

// decodeArticle decodes one JSON article object, with messages that say
// what is wrong with it.
func decodeArticle(data []byte) (*articleObject, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		if json.Valid(data) {
			return nil, errors.New("not a JSON object")
		}
		var v any
		err := json.Unmarshal(data, &v)
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	var obj articleObject
	if err := json.Unmarshal(data, &obj); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("not JSON: %w", err)
		case errors.As(err, &te) && te.Field != "":
			return nil, fmt.Errorf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
		}
		return nil, fmt.Errorf("not an article object: %w", err)
	}
	return &obj, nil
}

// jsonObject reports whether data is one valid JSON object.
func jsonObject(data []byte) bool {
	return len(data) > 0 && data[0] == '{' && json.Valid(data)
}

// objectID returns an article object's id, a string or a number as written.
func objectID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("field \"id\": %w", err)
		}
		return strings.TrimSpace(s), nil
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err != nil {
		return "", errors.New(`field "id": want a string or a number`)
	}
	return num.String(), nil
}

// objectArticle makes the article of a decoded object: its text, else the
// text extracted from its HTML. where names it in messages.
func (r *reader) objectArticle(source, where, id string, obj *articleObject) Item {
	given := fields{Published: obj.Published, Outlet: obj.Outlet, URL: obj.URL, Title: obj.Title, Lang: obj.Lang}
	var it Item
	switch {
	case obj.Text != nil:
		it = r.textArticle(where, id, *obj.Text, given)
	case obj.HTML != nil:
		it = r.htmlArticle(where, id, *obj.HTML, given)
	default:
		return Item{Article: sitrep.Article{Source: source}, Err: invalid(nil, "%s: no \"text\" or \"html\" field", where)}
	}
	it.Article.Source = source
	return it
}
