package input

import (
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// sitrep's lexicons, triggers and models are English: an article in another
// language gives nothing right, and may give events that are wrong.

// langSample is how much of a text the language is told from.
const langSample = 8 << 10

// minLangLetters is the fewest letters of the Latin script from which a
// text is judged not to be English: a trigram profile of a sentence or two
// is not reliable, and a short English note must never be refused.
const minLangLetters = 200

// languageProblem says why text is not English, or "". declared is the
// language the input gives (a primary subtag such as "fr"), or "". A text
// mostly in another script than Latin is not English however short; a text
// in the Latin script is not English when it is long enough and reads
// reliably as another language, also against English alone; a declared
// language other than English decides only when the text cannot tell.
func languageProblem(text, declared string) string {
	sample := text
	if len(sample) > langSample {
		sample = sample[:langSample]
		for len(sample) > 0 && !utf8.RuneStart(text[len(sample)]) {
			sample = sample[:len(sample)-1]
		}
	}
	latin, other := 0, 0
	for _, r := range sample {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	info := whatlanggo.Detect(sample)
	switch {
	case other > latin && other >= 20:
		if info.Lang < 0 || info.Lang == whatlanggo.Eng {
			return "not English: the text is in the " + scriptName(info.Script) + " script"
		}
		return "not English: the text reads as " + info.Lang.String() + " (" + scriptName(info.Script) + " script)"
	case latin >= minLangLetters && info.Lang >= 0 && info.Lang != whatlanggo.Eng && info.IsReliable():
		pair := whatlanggo.DetectWithOptions(sample, whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Eng: true, info.Lang: true}})
		if pair.Lang == info.Lang && pair.IsReliable() {
			return "not English: the text reads as " + info.Lang.String()
		}
	}
	if declared != "" && declared != "en" && !(info.Lang == whatlanggo.Eng && info.IsReliable()) {
		return "not English: its language is given as " + declared
	}
	return ""
}

func scriptName(t *unicode.RangeTable) string {
	if name, ok := whatlanggo.Scripts[t]; ok {
		return name
	}
	return "unknown"
}
