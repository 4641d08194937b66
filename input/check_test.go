package input

import (
	"strings"
	"testing"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2024-03-05", "2024-03-05", true},
		{" 2024-03-05 ", "2024-03-05", true},
		{"2024-03-05T10:00:00Z", "2024-03-05", true},
		{"2024-03-05T23:30:00-05:00", "2024-03-05", true},
		{"2024-03-06T00:30:00+03:00", "2024-03-06", true},
		{"2024-03-05T10:00:00.123456Z", "2024-03-05", true},
		{"2024-02-30", "", false},
		{"2024-3-5", "", false},
		{"05/03/2024", "", false},
		{"2024-03-05 10:00", "", false},
		{"yesterday", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := NormalizeDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), `"`+tt.in+`"`) {
			t.Errorf("NormalizeDate(%q): error %q does not name the value", tt.in, err)
		}
	}
}

func TestPageDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-05T10:00:00+0300", "2024-03-05"},
		{"2024-03-05 10:00:00", "2024-03-05"},
		{"2024/03/05", "2024-03-05"},
		{"Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"},
		{"March 5, 2024", "2024-03-05"},
		{"5 March 2024", "2024-03-05"},
		{"20240305", "2024-03-05"},
		{"2024-13-45T00:00:00", ""},
		{"soon", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := pageDate(tt.in); got != tt.want {
			t.Errorf("pageDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head string
		want format
	}{
		{"empty", "", formatText},
		{"text", "Troops withdrew.", formatText},
		{"JSON line", "\n  {\"text\":\"x\"}\n{broken", formatJSONL},
		{"JSON line without newline", `{"text":"x"}`, formatJSONL},
		{"brace text", "{x} happened\n", formatText},
		{"pretty-printed JSON", "{\n  \"text\": \"x\"\n}\n", formatJSON},
		{"pretty-printed JSON with more after it", "{\n  \"text\": \"x\"\n}\n{", formatText},
		{"JSON array", `[{"text":"x"}]`, formatText},
		{"doctype", "<!DOCTYPE html><p>x", formatHTML},
		{"upper-case html", "<HTML>", formatHTML},
		{"comment first", "<!-- saved -->\n<html>", formatHTML},
		{"xml declaration", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, formatHTML},
		{"paragraph", "<p>Text</p>", formatHTML},
		{"paragraph with attributes", `<p class="x">Text</p>`, formatHTML},
		{"not a tag name", "<pre-war> talks resumed", formatText},
		{"tag-like text", "<htmlish> is not a tag", formatText},
		{"unclosed comment", "<!-- never ends", formatText},
		{"angle text", "<3 from the team", formatText},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.head), true); got != tt.want {
			t.Errorf("%s: sniff(%q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestSniffIncomplete(t *testing.T) {
	long := []byte(`{"text":"` + strings.Repeat("x", 100))
	if got := sniff(long, false); got != formatJSONL {
		t.Errorf("long first line: %v, want JSONL", got)
	}
	if got := sniff(long, true); got != formatText {
		t.Errorf("unfinished object: %v, want text", got)
	}
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"plain text\twith tabs\r\nand lines\f", false},
		{"one stray \x1b escape in a long enough line of text", false},
		{"nul\x00", true},
		{"\x01\x02\x03abc", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := isBinary(tt.in); got != tt.want {
			t.Errorf("isBinary(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"ascii", -1},
		{"caf\u00e9 \u4e2d\u6587", -1},
		{"ab\xc3", 2},
		{"\u00e9\xff", 2},
		{"ok\xed\xa0\x80", 2}, // an encoded surrogate is not UTF-8
	}
	for _, tt := range tests {
		if got := invalidUTF8(tt.in); got != tt.want {
			t.Errorf("invalidUTF8(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestTextID(t *testing.T) {
	id := TextID("Shelling was reported.")
	if len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Errorf("TextID = %q, want 16 hex digits", id)
	}
	if TextID("Shelling was reported.") != id || TextID("Shelling was reported!") == id {
		t.Error("TextID is not a function of the text")
	}
}
