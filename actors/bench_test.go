package actors

import (
	"testing"

	"github.com/sitrep-project/sitrep/text"
)

// benchText is a report written for the benchmark, with the constructions
// the stage reads.
const benchText = `Malian Prime Minister Amadou Keita said on Monday that the army had retaken the town of Talu from rebels. ` +
	`Omar Traore, adviser to the President of Mali, said pro-government militias and French troops took part. ` +
	`Residents protested outside the governor's office, and a group of nurses staged a sit-in at the clinic. ` +
	`Unidentified gunmen later killed two farmers and a child near the market, the UN mission said. ` +
	`Keita added that the government would investigate. He also said Russia's envoy had phoned his Malian counterpart.`

func BenchmarkExtract(b *testing.B) {
	sents, err := text.Analyze(benchText)
	if err != nil {
		b.Fatal(err)
	}
	x, err := New(fakeCountries{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for range b.N {
		x.Extract(benchText, sents, "Daily Courier")
	}
}
