package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Targets of the TimeBank evaluation.
const (
	timeRecallTarget = 0.85
	timeValueTarget  = 0.85
)

// TestEvalTimeBank scores the times stage on TimeBank and logs the report;
// with SITREP_EVAL_ERRORS set it also logs every miss, wrong value and
// spurious date.
func TestEvalTimeBank(t *testing.T) {
	dir := filepath.Join(SharedDir(), "data", "timebank-tbaq")
	if _, err := os.Stat(filepath.Join(dir, "timex3.jsonl")); err != nil {
		t.Skipf("TimeBank data not found in %s (set SITREP_SHARED to the shared directory): %v", dir, err)
	}
	r, err := TimeBank(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Write(&b)
	t.Log("\n" + b.String())
	if os.Getenv("SITREP_EVAL_ERRORS") != "" {
		b.Reset()
		r.WriteErrors(&b, 1000)
		t.Log("\n" + b.String())
	}
	if r.Recall() < timeRecallTarget {
		t.Errorf("DATE recall %.1f%%, target %.0f%%", 100*r.Recall(), 100*timeRecallTarget)
	}
	if r.ValueAccuracy() < timeValueTarget {
		t.Errorf("DATE value accuracy %.1f%%, target %.0f%%", 100*r.ValueAccuracy(), 100*timeValueTarget)
	}
}

func TestGoldDays(t *testing.T) {
	dct := date(1998, 8, 8)
	tests := []struct {
		value, from, to, reason string
	}{
		{"1998-08-07", "1998-08-07", "1998-08-07", ""},
		{"1998-08-07TEV", "1998-08-07", "1998-08-07", ""},
		{"1998-08", "1998-08-01", "1998-08-31", ""},
		{"1998", "1998-01-01", "1998-12-31", ""},
		{"198", "1980-01-01", "1989-12-31", ""},
		{"19", "1900-01-01", "1999-12-31", ""},
		{"1998-W32", "1998-08-03", "1998-08-09", ""},
		{"1990-W32-WE", "1990-08-11", "1990-08-12", ""},
		{"1998-Q3", "1998-07-01", "1998-09-30", ""},
		{"1989-H2", "1989-07-01", "1989-12-31", ""},
		{"1998-SU", "1998-06-01", "1998-08-31", ""},
		{"1994-WI", "1994-12-01", "1995-02-28", ""},
		{"PRESENT_REF", "1998-08-08", "1998-08-08", ""},
		{"PAST_REF", "", "", "PAST_REF, FUTURE_REF"},
		{"1998-XX-XX", "", "", "unknown digits (X)"},
		{"P1W", "", "", "duration value (P...)"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			from, to, _, reason := goldDays(tt.value, dct)
			if reason != tt.reason {
				t.Fatalf("reason %q, want %q", reason, tt.reason)
			}
			if reason != "" {
				return
			}
			if got := from.Format(time.DateOnly); got != tt.from {
				t.Errorf("from %s, want %s", got, tt.from)
			}
			if got := to.Format(time.DateOnly); got != tt.to {
				t.Errorf("to %s, want %s", got, tt.to)
			}
		})
	}
}

func TestByteOffsets(t *testing.T) {
	text := "é Friday"
	off := byteOffsets(text)
	if got := text[off[2]:off[8]]; got != "Friday" {
		t.Errorf("characters 2-8 read %q, want Friday", got)
	}
}
