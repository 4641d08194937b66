package times

import (
	"testing"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Civilians were killed yesterday, on Oct. 10, 2020, and last Monday.",
		"between 3 and 5 May; the past three weeks; since the fighting began",
		"the third quarter; a year earlier; 10/11/2020; the 1990s; mid-1996",
		"Über Nacht — Friday's attack, 2020-10-10 ... '80s",
		"May", "the", "since", "from now to", "31/31/2031", "the 99th century",
	} {
		f.Add(s, true)
	}
	precisions := map[string]bool{precDay: true, precWeek: true, precMonth: true, precYear: true, precUnknown: true}
	kinds := map[string]bool{KindDate: true, KindDuration: true, KindSince: true}
	f.Fuzz(func(t *testing.T, text string, withPub bool) {
		p := &pub
		if !withPub {
			p = nil
		}
		ts, _ := Extract(text, p)
		last := 0
		for _, x := range ts {
			if x.Start < last || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("bad span %d-%d after %d in %q", x.Start, x.End, last, text)
			}
			if text[x.Start:x.End] != x.Text {
				t.Fatalf("Text %q is not text[%d:%d]", x.Text, x.Start, x.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(x.Text) {
				t.Fatalf("span %d-%d splits a character", x.Start, x.End)
			}
			if !precisions[x.Precision] || !kinds[x.Kind] {
				t.Fatalf("bad precision %q or kind %q", x.Precision, x.Kind)
			}
			if x.Value == nil && x.Precision != precUnknown {
				t.Fatalf("nil value with precision %q", x.Precision)
			}
			last = x.End
		}
	})
}
