package numbers

// English number words. These are the closed grammar of cardinals and
// ordinals, not a lexicon to tune, so they live here rather than in a TSV.

// smallWords are the cardinals below twenty.
var smallWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

// tensWords are the multiples of ten from twenty to ninety.
var tensWords = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply what precedes them. "lakh" and "crore" are the Indian
// scales (100,000 and 10 million) used in South Asian English.
var scaleWords = map[string]float64{
	"thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
	"million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// scaleAbbrevs are abbreviated scales after digits ("2.5bn", "$5m").
// moneyOnly abbreviations are read as scales only in a money amount: "600m"
// is a length.
var scaleAbbrevs = map[string]struct {
	v         float64
	moneyOnly bool
}{
	"bn": {1e9, false}, "bln": {1e9, false},
	"mn": {1e6, false}, "mln": {1e6, false},
	"tn": {1e12, false}, "trn": {1e12, false},
	"m": {1e6, true}, "b": {1e9, true}, "k": {1e3, true},
}

// ordinal word classes: what the ordinal replaces in a compound.
const (
	ordSmall   = iota // "first" .. "nineteenth"
	ordTens           // "twentieth" .. "ninetieth"
	ordHundred        // "hundredth"
	ordScale          // "thousandth", "millionth"
)

type ordinalWord struct {
	v     float64
	class int
}

var ordinalWords = map[string]ordinalWord{
	"first": {1, ordSmall}, "second": {2, ordSmall}, "third": {3, ordSmall},
	"fourth": {4, ordSmall}, "fifth": {5, ordSmall}, "sixth": {6, ordSmall},
	"seventh": {7, ordSmall}, "eighth": {8, ordSmall}, "ninth": {9, ordSmall},
	"tenth": {10, ordSmall}, "eleventh": {11, ordSmall}, "twelfth": {12, ordSmall},
	"thirteenth": {13, ordSmall}, "fourteenth": {14, ordSmall},
	"fifteenth": {15, ordSmall}, "sixteenth": {16, ordSmall},
	"seventeenth": {17, ordSmall}, "eighteenth": {18, ordSmall},
	"nineteenth": {19, ordSmall},
	"twentieth":  {20, ordTens}, "thirtieth": {30, ordTens}, "fortieth": {40, ordTens},
	"fiftieth": {50, ordTens}, "sixtieth": {60, ordTens}, "seventieth": {70, ordTens},
	"eightieth": {80, ordTens}, "ninetieth": {90, ordTens},
	"hundredth":  {100, ordHundred},
	"thousandth": {1e3, ordScale}, "millionth": {1e6, ordScale}, "billionth": {1e9, ordScale},
}

// fractionWords follow a cardinal to make a fraction ("two-thirds", "three
// quarters"), which is not a count. "seconds" is absent: "30 seconds" is a
// duration.
var fractionWords = map[string]bool{
	"half": true, "halves": true, "third": true, "thirds": true,
	"quarter": true, "quarters": true, "fourths": true, "fifths": true,
	"sixths": true, "sevenths": true, "eighths": true, "ninths": true,
	"tenths": true, "hundredths": true, "thousandths": true,
}

// ordinalSuffixes follow digits: "21st", "3rd".
var ordinalSuffixes = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// months are month names and their abbreviations; a number next to one is a
// date, not a quantity. Only capitalised forms count, so that the verbs
// "may" and "march" are not months.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true,
}

// yearContext are the words after which a bare 1900-2100 number reads as a
// year: "in 2020", "since 2011", "the 2020 election", "the end of 2019".
// "of" and "the" also precede counts ("a toll of 2000"), but news style
// writes counts above 999 with a separator ("2,000"), so a bare four-digit
// number after them is far more often a year.
var yearContext = map[string]bool{
	"in": true, "since": true, "of": true, "by": true, "until": true,
	"till": true, "through": true, "from": true, "during": true,
	"before": true, "after": true, "early": true, "late": true, "mid": true,
	"the": true, "year": true, "circa": true, "summer": true, "winter": true,
	"spring": true, "autumn": true, "fall": true, "(": true,
}
