package input

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

const dayLayout = "2006-01-02"

// NormalizeDate returns the calendar day of a publication date given as
// YYYY-MM-DD or RFC 3339, as YYYY-MM-DD. An RFC 3339 time keeps the day of
// its own offset: 2024-03-05T23:30:00-05:00 is 2024-03-05.
func NormalizeDate(s string) (string, error) {
	v := strings.TrimSpace(s)
	if t, err := time.Parse(dayLayout, v); err == nil {
		return t.Format(dayLayout), nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.Format(dayLayout), nil
	}
	return "", fmt.Errorf("bad published date %q: want YYYY-MM-DD or RFC 3339", s)
}

// leadingDay matches the date at the start of the timestamps pages use
// ("2024-03-05T10:00:00+0300", "2024-03-05 10:00").
var leadingDay = regexp.MustCompile(`^(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[T\s_])`)

// pageDateLayouts are other date forms seen in page metadata.
var pageDateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
	"20060102",
}

// pageDate reads the day of a date found in page metadata, leniently since
// pages write dates in many ways. It returns "" for anything it cannot read.
func pageDate(s string) string {
	s = strings.TrimSpace(s)
	if day, err := NormalizeDate(s); err == nil {
		return day
	}
	if m := leadingDay.FindStringSubmatch(s); m != nil {
		if t, err := time.Parse(dayLayout, m[1]+"-"+m[2]+"-"+m[3]); err == nil {
			return t.Format(dayLayout)
		}
	}
	for _, layout := range pageDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(dayLayout)
		}
	}
	return ""
}
