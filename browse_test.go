package sitrep

import "testing"

func TestParseBBox(t *testing.T) {
	tests := []struct {
		in   string
		want *BBox
	}{
		{"44,38,51,42", &BBox{44, 38, 51, 42}},
		{" -10.5, -5 ,10,5.25", &BBox{-10.5, -5, 10, 5.25}},
		{"1,2,3", nil},
		{"51,38,44,42", nil}, // min after max
		{"-190,0,0,10", nil}, // off the globe
		{"a,b,c,d", nil},
		{"", nil},
	}
	for _, tc := range tests {
		got, err := ParseBBox(tc.in)
		switch {
		case tc.want == nil && (err == nil || ErrorCode(err) != EInvalid):
			t.Errorf("ParseBBox(%q) = %v, %v; want an EInvalid error", tc.in, got, err)
		case tc.want != nil && (err != nil || *got != *tc.want):
			t.Errorf("ParseBBox(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestEventFilterValidate(t *testing.T) {
	tests := []struct {
		name string
		f    EventFilter
		ok   bool
	}{
		{"empty", EventFilter{}, true},
		{"dates", EventFilter{From: "2020-10-01", To: "2020-10-31"}, true},
		{"a month is not a day", EventFilter{From: "2020-10"}, false},
		{"no such day", EventFilter{To: "2020-02-30"}, false},
		{"scope", EventFilter{Scope: ScopeAggregate}, true},
		{"unknown scope", EventFilter{Scope: "everything"}, false},
		{"negative killed", EventFilter{MinKilled: -1}, false},
		{"negative limit", EventFilter{Limit: -5}, false},
	}
	for _, tc := range tests {
		err := tc.f.Validate()
		if tc.ok != (err == nil) || err != nil && ErrorCode(err) != EInvalid {
			t.Errorf("%s: Validate() = %v", tc.name, err)
		}
	}
}

func TestPageCursorRoundTrip(t *testing.T) {
	c := PageCursor{Key: "2020-10-16", ID: 2366}
	got, err := ParsePageCursor(c.String())
	if err != nil || got == nil || *got != c {
		t.Fatalf("ParsePageCursor(%q) = %+v, %v", c.String(), got, err)
	}
	if got, err := ParsePageCursor(""); got != nil || err != nil {
		t.Errorf("empty cursor = %+v, %v; want none", got, err)
	}
	for _, bad := range []string{"not base64!", "eHl6", PageCursor{Key: "a-very-long-key", ID: 1}.String()} {
		if _, err := ParsePageCursor(bad); ErrorCode(err) != EInvalid {
			t.Errorf("ParsePageCursor(%q) error %v, want EInvalid", bad, err)
		}
	}
}
