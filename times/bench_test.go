package times

import (
	"strings"
	"testing"
)

// benchArticle is a news report of typical length (about 3,500 bytes) with
// the usual density of time expressions.
var benchArticle = strings.Repeat(`Shelling resumed late on Friday in the northern districts, two days after
the truce agreed in Moscow on October 10 collapsed, officials said on Saturday.
The prosecutor's office said 12 civilians were killed and more than 40 others
injured, bringing the toll since the fighting began to 47 dead and 222 wounded.
Last week, the defence ministry reported that 600 soldiers had died since
September 27, and the army said it expected the offensive to continue into next
month. "We have seen the heaviest bombardment of the past three weeks in the
last 24 hours," a resident said. The United Nations, which called for a
ceasefire in early October, will meet again on Tuesday; in 2016, a four-day war
ended with a similar agreement. Markets fell 3.5% in the third quarter.
`, 4)

func BenchmarkExtract(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(benchArticle, &pub)
	}
}
