package claims

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/text"
)

// benchText is a report written for the benchmark, with the reporting cues
// the stage reads.
var benchText = strings.Repeat(`Officials said on Monday that at least 12 people were killed in the shelling. `+
	`According to the health ministry, more than 40 others were wounded, and the toll was expected to rise. `+
	`The army denied this, saying its forces had only returned fire. `+
	`Residents told reporters that the market was hit twice, while the governor claimed that rebels had fired first. `+
	`A spokesman for the UN mission estimated that 2,000 families had fled, adding that aid convoys could not reach the town. `+
	`The alleged militants were not named.
`, 4)

func BenchmarkSplit(b *testing.B) {
	sents, err := text.Analyze(benchText)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range sents {
			Split(&sents[i], nil)
		}
	}
}
