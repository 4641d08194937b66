package input

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	unicode16 "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of an input is looked at to tell its format, and
// the read buffer of JSONL inputs.
const sniffSize = 1 << 20

const bom = "\uFEFF"

// readLimited reads all of rd, named name, refusing more than limit bytes.
// size is the input's size when known, else -1; an input over the limit
// whose size is unknown is drained to count its bytes for the message.
func readLimited(name string, rd io.Reader, size, limit int64) (string, error) {
	what := "file"
	if name == stdinName {
		what = "input"
	}
	if size > limit {
		return "", tooLarge(name, what, size, limit)
	}
	var sb strings.Builder
	if size >= 0 {
		sb.Grow(int(size))
	}
	n, err := io.Copy(&sb, io.LimitReader(rd, limit+1))
	if err != nil {
		return "", invalid(err, "%s: cannot read: %v", name, err)
	}
	if n > limit {
		rest, err := io.Copy(io.Discard, rd)
		if err != nil {
			return "", tooLarge(name, what, -1, limit)
		}
		return "", tooLarge(name, what, n+rest, limit)
	}
	return sb.String(), nil
}

// checkText returns raw, less a UTF-8 byte order mark, if it is an
// article's text: not empty, not binary data, valid UTF-8. Otherwise it
// returns an error naming the input and the reason. The text is not
// repaired or normalised.
func checkText(name, raw string) (string, error) {
	if reason := textProblem(raw); reason != "" {
		return "", invalid(nil, "%s: %s", name, reason)
	}
	return strings.TrimPrefix(raw, bom), nil
}

// textProblem says what keeps raw from being an article's text, or "".
func textProblem(raw string) string {
	if reason := encodingProblem(raw); reason != "" {
		return reason
	}
	if isBlank(raw) {
		return "empty article"
	}
	return ""
}

// isBlank reports whether s holds nothing but white space and invisible
// format characters (byte order marks, zero-width spaces).
func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r)
	}) < 0
}

// encodingProblem says why raw is not UTF-8 text, or "". Byte offsets
// count from the start of the input, byte order mark included.
func encodingProblem(raw string) string {
	if reason := dataProblem(raw); reason != "" {
		return reason
	}
	if i := invalidUTF8(raw); i >= 0 {
		return "invalid UTF-8 at byte " + strconv.Itoa(i)
	}
	return ""
}

// decodeUTF16 returns br decoded to UTF-8 when it opens with a UTF-16 byte
// order mark, and the size of what it returns: size, or -1 once decoded,
// as the size limit counts the bytes of the text as UTF-8.
func decodeUTF16(br *bufio.Reader, size int64) (io.Reader, int64) {
	head, _ := br.Peek(2)
	if string(head) != "\xFF\xFE" && string(head) != "\xFE\xFF" {
		return br, size
	}
	return transform.NewReader(br, unicode16.UTF16(unicode16.LittleEndian, unicode16.ExpectBOM).NewDecoder()), -1
}

// dataProblem says why raw is not text in any 8-bit encoding, or "".
func dataProblem(raw string) string {
	if strings.HasPrefix(raw, "\xFF\xFE") || strings.HasPrefix(raw, "\xFE\xFF") {
		return "UTF-16 text (byte order mark); convert it to UTF-8"
	}
	if isUTF16(raw) {
		return "UTF-16 text without a byte order mark; convert it to UTF-8"
	}
	if isBinary(raw) {
		return "binary data, not text"
	}
	return ""
}

// isUTF16 reports whether s looks like UTF-16 text without a byte order
// mark: mostly ASCII characters, so that nearly every other byte is NUL.
func isUTF16(s string) bool {
	s = s[:min(len(s), 4096)]
	if len(s) < 8 {
		return false
	}
	var zeros [2]int
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			zeros[i%2]++
		}
	}
	half := len(s) / 2
	return max(zeros[0], zeros[1])*10 >= half*9 && min(zeros[0], zeros[1])*10 < half
}

// isBinary reports whether s holds a NUL byte or more than 5% of control
// bytes other than the usual whitespace: data, not text.
func isBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	ctrl := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
		case c < 0x20, c == 0x7F:
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*20 > len(s)
}

// invalidUTF8 returns the offset of the first byte of s that is not valid
// UTF-8, or -1.
func invalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// sniff tells the format of an input from its first bytes, head, which are
// all of it when complete: JSONL when the first non-space byte is '{' and
// the first line is a JSON object, a JSON article when the whole input is
// one (pretty-printed) JSON object, HTML when it opens like an HTML
// document, else plain text.
func sniff(head []byte, complete bool) format {
	head = bytes.TrimPrefix(head, []byte(bom))
	head = bytes.TrimLeft(head, " \t\r\n\f\v")
	if len(head) == 0 {
		return formatText
	}
	if head[0] == '{' {
		line, _, ended := bytes.Cut(head, []byte("\n"))
		switch {
		case jsonObject(bytes.TrimSpace(line)):
			return formatJSONL
		case !ended && !complete:
			// A first line longer than the buffer is taken for a long
			// JSON object rather than text that opens with a brace.
			return formatJSONL
		case complete && jsonObject(bytes.TrimSpace(head)):
			return formatJSON
		}
		return formatText
	}
	if looksLikeFeed(head) {
		return formatFeed
	}
	if looksLikeHTML(head) {
		return formatHTML
	}
	return formatText
}

// htmlOpenings are the ways an HTML document usually starts.
var htmlOpenings = []string{
	"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article",
	"<div", "<p>", "<p ", "<h1", "<h2", "<section", "<main", "<script", "<style", "<link",
}

// looksLikeHTML reports whether head, with leading space removed, opens
// like an HTML document, after any comments or XML declaration.
func looksLikeHTML(head []byte) bool {
	for {
		switch {
		case bytes.HasPrefix(head, []byte("<!--")):
			_, rest, ok := bytes.Cut(head, []byte("-->"))
			if !ok {
				return false
			}
			head = bytes.TrimLeft(rest, " \t\r\n\f")
			continue
		case bytes.HasPrefix(head, []byte("<?xml")):
			_, rest, ok := bytes.Cut(head, []byte("?>"))
			if !ok {
				return false
			}
			head = bytes.TrimLeft(rest, " \t\r\n\f")
			continue
		}
		break
	}
	if len(head) > 64 {
		head = head[:64]
	}
	lower := strings.ToLower(string(head))
	for _, o := range htmlOpenings {
		if strings.HasPrefix(lower, o) {
			if len(lower) == len(o) || o[len(o)-1] == ' ' || o[len(o)-1] == '>' {
				return true
			}
			// "<html" must not be "<htmlfoo": the tag name has to end.
			switch lower[len(o)] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				return true
			}
		}
	}
	return false
}
