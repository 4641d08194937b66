package numbers

import (
	"strings"
	"testing"
)

// want is the part of a Quantity a test case checks; flags are listed by
// name in want.flags ("money", "ordinal", "year", "percent").
type want struct {
	text            string
	low, best, high int
	approx          string
	unit            string
	flags           string
}

func (w want) check(t *testing.T, q Quantity) {
	t.Helper()
	got := want{q.Text, q.Low, q.Best, q.High, q.Approx, q.Unit, flags(q)}
	if got != w {
		t.Errorf("got  %+v\nwant %+v", got, w)
	}
}

func flags(q Quantity) string {
	var f []string
	for _, x := range []struct {
		on   bool
		name string
	}{{q.Money, "money"}, {q.Ordinal, "ordinal"}, {q.Year, "year"}, {q.Percent, "percent"}} {
		if x.on {
			f = append(f, x.name)
		}
	}
	return strings.Join(f, ",")
}

func TestFind(t *testing.T) {
	const u = -1 // unknown
	tests := []struct {
		name string
		text string
		want []want
	}{
		// Digits and number words.
		{"word number", "Police said two people were killed.", []want{{"two", 2, 2, 2, ApproxExact, "", ""}}},
		{"digits", "The army said 17 soldiers died.", []want{{"17", 17, 17, 17, ApproxExact, "", ""}}},
		{"thousands separator", "About 1,700 people fled.", []want{{"About 1,700", 1700, 1700, u, ApproxAbout, "", ""}}},
		{"decimal with scale", "2.5 million people were displaced", []want{{"2.5 million", 2500000, 2500000, 2500000, ApproxExact, "", ""}}},
		{"hyphenated compound", "Twenty-one people were wounded", []want{{"Twenty-one", 21, 21, 21, ApproxExact, "", ""}}},
		{"spaced compound", "twenty one", []want{{"twenty one", 21, 21, 21, ApproxExact, "", ""}}},
		{"hundreds", "two hundred civilians", []want{{"two hundred", 200, 200, 200, ApproxExact, "", ""}}},
		{"hundred and", "one hundred and five", []want{{"one hundred and five", 105, 105, 105, ApproxExact, "", ""}}},
		{"compound with scale", "three thousand five hundred troops", []want{{"three thousand five hundred", 3500, 3500, 3500, ApproxExact, "", ""}}},
		{"and before a larger scale", "one hundred and twenty thousand", []want{{"one hundred and twenty thousand", 120000, 120000, 120000, ApproxExact, "", ""}}},
		{"a hundred", "a hundred homes", []want{{"a hundred", 100, 100, 100, ApproxExact, "", ""}}},
		{"a dozen", "a dozen villagers", []want{{"a dozen", 12, 12, 12, ApproxExact, "", ""}}},
		{"two dozen", "two dozen fighters", []want{{"two dozen", 24, 24, 24, ApproxExact, "", ""}}},
		{"half a million", "half a million refugees", []want{{"half a million", 500000, 500000, 500000, ApproxExact, "", ""}}},
		{"and a half", "two and a half million", []want{{"two and a half million", 2500000, 2500000, 2500000, ApproxExact, "", ""}}},
		{"upper case words", "ONE HUNDRED DEAD", []want{{"ONE HUNDRED", 100, 100, 100, ApproxExact, "", ""}}},
		{"zero", "zero casualties", []want{{"zero", 0, 0, 0, ApproxExact, "", ""}}},
		{"decimal without scale", "a 2.5 rating", []want{{"2.5", 2, 3, 3, ApproxExact, "", ""}}},
		{"two numbers", "15 killed, 20 injured", []want{{"15", 15, 15, 15, ApproxExact, "", ""}, {"20", 20, 20, 20, ApproxExact, "", ""}}},

		// "one" as pronoun and number.
		{"one person", "one person was killed", []want{{"one", 1, 1, 1, ApproxExact, "", ""}}},
		{"one of the", "one of the attackers died", []want{{"one", 1, 1, 1, ApproxExact, "", ""}}},
		{"no one", "No one was hurt in the blast", []want{{"No one", 0, 0, 0, ApproxExact, "", ""}}},

		// Ranges.
		{"between and", "between 10 and 15 people", []want{{"between 10 and 15", 10, 10, 15, ApproxRange, "", ""}}},
		{"to", "10 to 15 people", []want{{"10 to 15", 10, 10, 15, ApproxRange, "", ""}}},
		{"hyphen", "10-15 people", []want{{"10-15", 10, 10, 15, ApproxRange, "", ""}}},
		{"en dash spaced", "10 – 15 people", []want{{"10 – 15", 10, 10, 15, ApproxRange, "", ""}}},
		{"or", "10 or 12 people", []want{{"10 or 12", 10, 10, 12, ApproxRange, "", ""}}},
		{"one or two", "one or two shells", []want{{"one or two", 1, 1, 2, ApproxRange, "", ""}}},
		{"shared scale", "two to three hundred", []want{{"two to three hundred", 200, 200, 300, ApproxRange, "", ""}}},
		{"between word hundreds", "between two hundred and three hundred", []want{{"between two hundred and three hundred", 200, 200, 300, ApproxRange, "", ""}}},
		{"descending is not a range", "won 3-2", []want{{"3", 3, 3, 3, ApproxExact, "", ""}, {"2", 2, 2, 2, ApproxExact, "", ""}}},
		{"from to is a change", "rose from 10 to 15", []want{{"10", 10, 10, 10, ApproxExact, "", ""}, {"15", 15, 15, 15, ApproxExact, "", ""}}},

		// Approximations.
		{"more than", "more than 40 others were injured", []want{{"more than 40", 41, 41, u, ApproxMoreThan, "", ""}}},
		{"over", "over 40 people", []want{{"over 40", 41, 41, u, ApproxMoreThan, "", ""}}},
		{"more than a dozen", "more than a dozen", []want{{"more than a dozen", 13, 13, u, ApproxMoreThan, "", ""}}},
		{"at least", "At least 5 soldiers", []want{{"At least 5", 5, 5, u, ApproxAtLeast, "", ""}}},
		{"no fewer than", "no fewer than 12", []want{{"no fewer than 12", 12, 12, u, ApproxAtLeast, "", ""}}},
		{"or more", "40 or more", []want{{"40 or more", 40, 40, u, ApproxAtLeast, "", ""}}},
		{"plus sign", "40+ dead", []want{{"40+", 40, 40, u, ApproxAtLeast, "", ""}}},
		{"hyphen plus", "40-plus dead", []want{{"40-plus", 40, 40, u, ApproxAtLeast, "", ""}}},
		{"nearly", "nearly 100 people", []want{{"nearly 100", 99, 99, 99, ApproxAtMost, "", ""}}},
		{"almost", "almost 20", []want{{"almost 20", 19, 19, 19, ApproxAtMost, "", ""}}},
		{"about", "about 300", []want{{"about 300", 300, 300, u, ApproxAbout, "", ""}}},
		{"around", "around 12 militants", []want{{"around 12", 12, 12, u, ApproxAbout, "", ""}}},
		{"some before a number", "some 40 people", []want{{"some 40", 40, 40, u, ApproxAbout, "", ""}}},
		{"approximately", "approximately 70", []want{{"approximately 70", 70, 70, u, ApproxAbout, "", ""}}},
		{"an estimated", "an estimated 300 people", []want{{"an estimated 300", 300, 300, u, ApproxAbout, "", ""}}},
		{"or so", "a dozen or so", []want{{"a dozen or so", 12, 12, u, ApproxAbout, "", ""}}},
		{"up to", "up to 20 people", []want{{"up to 20", u, u, 20, ApproxAtMost, "", ""}}},
		{"as many as", "as many as 40", []want{{"as many as 40", u, u, 40, ApproxAtMost, "", ""}}},
		{"fewer than", "fewer than 10", []want{{"fewer than 10", u, u, 9, ApproxLessThan, "", ""}}},
		{"less than", "less than 10", []want{{"less than 10", u, u, 9, ApproxLessThan, "", ""}}},

		// Vague quantities (vague.tsv).
		{"dozens", "dozens of people were killed", []want{{"dozens", 12, 12, u, ApproxVague, "", ""}}},
		{"tens", "tens of people", []want{{"tens", 10, 10, u, ApproxVague, "", ""}}},
		{"hundreds", "hundreds were killed", []want{{"hundreds", 100, 100, u, ApproxVague, "", ""}}},
		{"tens of thousands", "tens of thousands fled", []want{{"tens of thousands", 10000, 10000, u, ApproxVague, "", ""}}},
		{"several", "several civilians", []want{{"several", 10, 10, u, ApproxVague, "", ""}}},
		{"a few", "a few soldiers", []want{{"a few", 10, 10, u, ApproxVague, "", ""}}},
		{"a number of", "a number of fighters", []want{{"a number of", 10, 10, u, ApproxVague, "", ""}}},
		{"some alone", "some were killed", []want{{"some", 3, 3, u, ApproxVague, "", ""}}},
		{"several hundred", "several hundred protesters", []want{{"several hundred", 100, 100, u, ApproxVague, "", ""}}},
		{"a couple of", "a couple of shells", []want{{"a couple of", 2, 2, u, ApproxAbout, "", ""}}},
		{"vague with unit", "a few days later", []want{{"a few days", 10, 10, u, ApproxVague, "days", ""}}},

		// Money, units, percent.
		{"dollar sign", "$2 billion", []want{{"$2 billion", 2e9, 2e9, 2e9, ApproxExact, "", "money"}}},
		{"currency word", "two billion dollars", []want{{"two billion dollars", 2e9, 2e9, 2e9, ApproxExact, "dollars", "money"}}},
		{"euros", "5,000 euros", []want{{"5,000 euros", 5000, 5000, 5000, ApproxExact, "euros", "money"}}},
		{"abbreviated scale", "US$5m in aid", []want{{"US$5m", 5e6, 5e6, 5e6, ApproxExact, "", "money"}}},
		{"money range", "$5-10 million", []want{{"$5-10 million", 5e6, 5e6, 1e7, ApproxRange, "", "money"}}},
		{"modifier and money", "more than $5 million", []want{{"more than $5 million", 5000001, 5000001, u, ApproxMoreThan, "", "money"}}},
		{"pounds with scale", "2 million pounds", []want{{"2 million pounds", 2e6, 2e6, 2e6, ApproxExact, "pounds", "money"}}},
		{"pounds of explosives", "500 pounds of explosives", []want{{"500 pounds", 500, 500, 500, ApproxExact, "pounds", ""}}},
		{"km", "600 km away", []want{{"600 km", 600, 600, 600, ApproxExact, "km", ""}}},
		{"glued unit", "155mm shells", []want{{"155mm", 155, 155, 155, ApproxExact, "mm", ""}}},
		{"metres, not millions", "600m from the border", []want{{"600m", 600, 600, 600, ApproxExact, "m", ""}}},
		{"hyphenated age", "a 10-year-old boy", []want{{"10-year", 10, 10, 10, ApproxExact, "year", ""}}},
		{"duration", "for 48 hours", []want{{"48 hours", 48, 48, 48, ApproxExact, "hours", ""}}},
		{"percent sign", "40% of homes", []want{{"40%", 40, 40, 40, ApproxExact, "%", "percent"}}},
		{"per cent", "40 per cent", []want{{"40 per cent", 40, 40, 40, ApproxExact, "per cent", "percent"}}},

		// Ordinals and years.
		{"ordinal word", "for the third time", []want{{"third", 3, 3, 3, ApproxExact, "", "ordinal"}}},
		{"ordinal digits", "the 21st brigade", []want{{"21st", 21, 21, 21, ApproxExact, "", "ordinal"}}},
		{"compound ordinal", "twenty-first", []want{{"twenty-first", 21, 21, 21, ApproxExact, "", "ordinal"}}},
		{"year after in", "in 2020", []want{{"2020", 2020, 2020, 2020, ApproxExact, "", "year"}}},
		{"year after since", "fighting since 2011", []want{{"2011", 2011, 2011, 2011, ApproxExact, "", "year"}}},
		{"decade", "the 1990s", []want{{"1990s", 1990, 1990, 1990, ApproxExact, "", "year"}}},
		{"season", "the 2019-20 season", []want{{"2019-20", 2019, 2019, 2020, ApproxRange, "", "year"}}},
		{"period", "from 2019 to 2021", []want{{"2019 to 2021", 2019, 2019, 2021, ApproxRange, "", "year"}}},
		{"count, not year", "killed 2000 people", []want{{"2000", 2000, 2000, 2000, ApproxExact, "", ""}}},
		{"approximate count, not year", "about 2000 people", []want{{"about 2000", 2000, 2000, u, ApproxAbout, "", ""}}},

		// Not quantities.
		{"day month", "on 10 October", nil},
		{"month day", "on October 10", nil},
		{"month day year", "October 10, 2020", nil},
		{"month day range", "October 10-12", nil},
		{"abbreviated month", "Oct. 10", nil},
		{"full date", "On 28 April 2020, gunmen attacked", nil},
		{"ordinal date", "the 10th of October", nil},
		{"iso date", "2020-10-10", nil},
		{"clock", "at 10:30", nil},
		{"clock am", "at 10 am", nil},
		{"clock a.m.", "at 10 a.m.", nil},
		{"clock gmt", "at 1400 GMT", nil},
		{"slash date", "10/10/2020", nil},
		{"version", "version 1.2.3", nil},
		{"zero padded", "0800", nil},
		{"identifier", "COVID-19 and Su-25 and MH17 and G7", nil},
		{"mid year", "mid-2020", nil},
		{"number sign", "No. 5 and #3", nil},
		{"code", "a 4x4 and 3D", nil},
		{"ages", "in their 20s", nil},
		{"fraction", "two-thirds and three quarters", nil},
		{"pronoun", "they blamed one another", nil},
		{"question", "how many died", nil},
		{"as many as possible", "as many as possible", nil},
		{"lower-case may", "10 may die", []want{{"10", 10, 10, 10, ApproxExact, "", ""}}},
		{"a without scale", "a man", nil},
		{"huge", "99999999999999999999999", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d quantities %+v, want %d", tt.text, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				w.check(t, got[i])
				if got[i].Text != tt.text[got[i].Start:got[i].End] {
					t.Errorf("Text %q, text[Start:End] %q", got[i].Text, tt.text[got[i].Start:got[i].End])
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int // Best; -2: not a number
	}{
		{"twenty-one", 21},
		{"2,300", 2300},
		{"a dozen", 12},
		{"  seven ", 7},
		{"more than 40", 41},
		{"dozens", 12},
		{"1.2 million", 1200000},
		{"killed", -2},
		{"", -2},
		{"two people", -2},
		{"10 October", -2},
		{"10 and 12", -2},
	}
	for _, tt := range tests {
		q, ok := Parse(tt.in)
		switch {
		case tt.want == -2 && ok:
			t.Errorf("Parse(%q) = %+v, want no number", tt.in, q)
		case tt.want != -2 && (!ok || q.Best != tt.want):
			t.Errorf("Parse(%q) = %d, %v, want %d", tt.in, q.Best, ok, tt.want)
		}
	}
}

func TestLexiconRows(t *testing.T) {
	lx := loadLexicon()
	for first, ps := range lx.vague {
		for _, p := range ps {
			if p.approx != "skip" && (p.low < 0 || p.low != p.best) {
				t.Errorf("vague.tsv %q (%s): low %d best %d; a vague phrase stands for the figure ACLED codes, so low = best", strings.Join(p.words, " "), first, p.low, p.best)
			}
		}
	}
	for _, name := range []string{"several", "dozens", "hundreds", "tens", "a few"} {
		if _, ok := Parse(name); !ok {
			t.Errorf("vague.tsv lacks %q, which codebooks.md names", name)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ name, vague, modifiers, units string }{
		{"short row", "several\t10\n", "", ""},
		{"bad figure", "several\tten\t10\t-\tvague\tx\n", "", ""},
		{"bad approx", "several\t10\t10\t-\tsome\tx\n", "", ""},
		{"bad kind", "", "over\tmore\tbefore\n", ""},
		{"bad position", "", "over\tmore_than\taround\n", ""},
		{"bad unit kind", "", "", "km\tdistance\n"},
	}
	for _, tt := range tests {
		if _, err := parseLexicon(tt.vague, tt.modifiers, tt.units); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}
