package numbers

import (
	"strings"
	"testing"
)

// benchText is a news-like paragraph dense in numbers, dates and units.
const benchText = `On 28 April 2020, at least 12 Taliban militants were killed and 6 were wounded when Afghan forces shelled their positions in Ghazni, the ministry said on Tuesday. Local officials put the toll at more than 40, including two children, and said dozens of others were injured. Some 1,700 families, about 10,000 people, have fled since 2019; aid agencies have asked for $2.5 million. The attack, the third in a week, happened at 10:30 near a checkpoint 600 km from Kabul. Between 10 and 15 fighters were captured, and a number of vehicles destroyed. Nearly a hundred homes were damaged, according to the 2020 report.`

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(benchText+"\n\n", 20) // about 13 KB, a long article
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}
