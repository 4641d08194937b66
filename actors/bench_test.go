package actors

import (
	"testing"

	"github.com/sitrep-project/sitrep/gazetteer"
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
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		x.Extract(benchText, sents, "Daily Courier")
	}
}

// gazCountries resolves countries with the embedded gazetteer, as the
// pipeline does.
type gazCountries struct{ g *gazetteer.Gazetteer }

func (c gazCountries) Country(name string) (string, bool) {
	k, ok := c.g.CountryName(name)
	return k.ISO3, ok
}

func (c gazCountries) Demonym(word string) (string, bool) {
	k, ok := c.g.Demonym(word)
	return k.ISO3, ok
}

func (c gazCountries) Capital(name string) (string, bool) {
	k, ok := c.g.Capital(name)
	return k.ISO3, ok
}

func (c gazCountries) Place(name string) bool {
	if _, ok := c.g.Country(name); ok {
		return true
	}
	return len(c.g.Places(name)) > 0
}

func (c gazCountries) Name(iso3 string) string {
	if k, ok := c.g.CountryByISO3(iso3); ok {
		return k.Name
	}
	return iso3
}

// BenchmarkExtractGazetteer is BenchmarkExtract with the countries of the
// embedded gazetteer, whose look-ups are most of the stage's cost.
func BenchmarkExtractGazetteer(b *testing.B) {
	sents, err := text.Analyze(benchText)
	if err != nil {
		b.Fatal(err)
	}
	x, err := New(gazCountries{gazetteer.Default()})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		x.Extract(benchText, sents, "Daily Courier")
	}
}
