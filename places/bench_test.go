package places

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// benchArticle is a made-up report of about 700 words (4.5 KB) in the
// style of wire copy, with places, people, organisations, dates and
// numbers.
var benchArticle = strings.Repeat(`Syrian government forces shelled the town of Saraqib in Idlib province on Tuesday, killing at least seven civilians, a war monitor said.
The Britain-based Syrian Observatory for Human Rights said the dead included two children, and that more than 20 people were wounded in the attack on the outskirts of the town.
Turkish President Recep Tayyip Erdogan warned Damascus that Ankara would respond, while Russian officials in Moscow denied that their aircraft had taken part.
The United Nations envoy Geir Pedersen told reporters in Geneva that the fighting threatened talks planned for next month.
In Aleppo, residents reported explosions near the airport, and the Kurdish-led authorities in Qamishli said a drone had struck a checkpoint east of the city.
Meanwhile, Iraqi security forces said they had killed three militants in a raid near Mosul, in the north of Iraq, and arrested a suspect in Baghdad.
Police in Jordan said they had closed the border crossing with Syria as a precaution.
"We will not accept any attack on our people," the minister said on Monday, speaking at a news conference in the Lebanese capital.
`, 4)

func benchSentences(text string) []sitrep.Sentence {
	var out []sitrep.Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			if i > start {
				out = append(out, sitrep.Sentence{Span: sitrep.Span{Start: start, End: i}})
			}
			start = i + 1
		}
	}
	return out
}

// BenchmarkExtract measures the stage on one article of 4.5 KB, a typical
// news article; articles per second are 1e9 / ns/op. The stage should cost
// well under a millisecond.
func BenchmarkExtract(b *testing.B) {
	x := defaultExtractor()
	sents := benchSentences(benchArticle)
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(benchArticle, sents)
	}
}

// BenchmarkExtractNoSentences is BenchmarkExtract without sentence spans.
func BenchmarkExtractNoSentences(b *testing.B) {
	x := defaultExtractor()
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(benchArticle, nil)
	}
}
