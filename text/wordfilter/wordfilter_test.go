package wordfilter

import (
	"fmt"
	"testing"
)

func TestFilter(t *testing.T) {
	var f Filter
	added := []string{"a", "five", "fourth", "é", "a-very-long-word-of-more-than-sixty-three-bytes-that-still-passes-the-filter"}
	for _, w := range added {
		f.Add(w)
	}
	f.Add("")
	for _, w := range added {
		if !f.May(w) {
			t.Errorf("May(%q) = false for an added word", w)
		}
	}
	for _, w := range []string{"", "b", "an", "fifth", "é-", "x"} {
		if f.May(w) {
			t.Errorf("May(%q) = true, want false", w)
		}
	}
	if !f.May("a-word-just-as-long-as-the-long-one-above-and-so-passed-by-the-filter-too") {
		t.Error("a word of 63 bytes or more with a long word's first byte was rejected")
	}
}

func ExampleFilter() {
	var f Filter
	for _, w := range []string{"monday", "may", "march"} {
		f.Add(w)
	}
	fmt.Println(f.May("march"), f.May("marsh"), f.May("soldiers"))
	// Output: true true false
}
