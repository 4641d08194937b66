package times_test

import (
	"fmt"
	"time"

	"github.com/sitrep-project/sitrep/times"
)

func ExampleExtract() {
	published := time.Date(2020, 10, 17, 0, 0, 0, 0, time.UTC)
	text := "Shelling killed 12 civilians yesterday, a week after the truce of October 10; 47 have died since the fighting began."
	ts, _ := times.Extract(text, &published)
	for _, t := range ts {
		value, end := "null", "null"
		if t.Value != nil {
			value = *t.Value
		}
		if t.EndValue != nil {
			end = *t.EndValue
		}
		fmt.Printf("%-40q %-5s %s..%s %s\n", t.Text, t.Kind, value, end, t.Precision)
	}
	// Output:
	// "yesterday"                              date  2020-10-16..null day
	// "October 10"                             date  2020-10-10..null day
	// "since the fighting began"               since null..2020-10-17 unknown
}
