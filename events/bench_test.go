package events

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/text"
	"github.com/sitrep-project/sitrep/times"
)

// benchArticle is a conflict report of typical length (about 2,500 bytes):
// shelling, casualty figures, claims and denials, a protest, an arrest.
var benchArticle = strings.Repeat(`Shelling resumed late on Friday in the northern districts, two days after
the truce agreed in Moscow on October 10 collapsed, officials said on Saturday.
The prosecutor's office said 12 civilians were killed and more than 40 others
injured when rockets hit a market, bringing the death toll since the fighting
began to 47 dead and 222 wounded. The defence ministry denied that its forces
had fired on residential areas and accused the rebels of staging the attack.
Unconfirmed reports said a policeman was shot dead at a checkpoint near the
airport. Hundreds of students protested in the capital on Sunday, demanding
the release of detained activists; police fired tear gas and arrested ten
protesters. "We have seen the heaviest bombardment of the past three weeks,"
a resident said, adding that gunmen had looted shops and set fire to houses.
`, 3)

func BenchmarkExtract(b *testing.B) {
	sents, err := text.Analyze(benchArticle)
	if err != nil {
		b.Fatal(err)
	}
	pub := time.Date(2020, 10, 17, 0, 0, 0, 0, time.UTC)
	ts, _ := times.Extract(benchArticle, &pub)
	in := Input{Text: benchArticle, Sentences: sents, Times: ts, Published: &pub}
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(in)
	}
}
