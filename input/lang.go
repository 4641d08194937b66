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
	if latin >= other && plainEnglish(sample) {
		// most articles: told without the cost of trigram profiles
		return ""
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

// plainEnglish reports whether a text reads as English by its commonest
// words alone: at least 40 words, a tenth of them English function words.
// English news runs at 12 to 25 per cent; French, Spanish, German or
// Indonesian text at almost none, so those still go to the trigram test.
func plainEnglish(s string) bool {
	words, function := englishWords(s)
	return words >= 40 && function*10 >= words
}

// englishFunctionWords are common English words that are rare in the other
// languages written in the Latin script ("the", "which"); words such as
// "in", "to", "on" or "is", common in several, are left out.
var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "of": true, "was": true, "were": true, "said": true, "that": true,
	"with": true, "from": true, "which": true, "have": true, "has": true, "been": true, "for": true,
	"they": true, "their": true, "would": true, "will": true, "this": true, "by": true,
}

// englishWords counts the words of ASCII letters in s, and how many of
// them are englishFunctionWords, without allocating.
func englishWords(s string) (words, function int) {
	var buf [8]byte
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		words++
		if n := j - i; n <= len(buf) {
			for k := range n {
				buf[k] = s[i+k] | 0x20 // lower case
			}
			if englishFunctionWords[string(buf[:n])] {
				function++
			}
		}
		i = j
	}
	return words, function
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
