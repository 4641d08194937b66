package places

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// want is an expected place: its text, country, kind, and optionally a point
// it must lie within 50 km of and a cue.
type want struct {
	text, country, kind string
	lat, lon            float64 // 0, 0: not checked
	cue                 string  // "": not checked
}

func describe(ps []sitrep.Place) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  %q %s %s %s", p.Text, p.Name, p.Country, p.Kind)
	}
	return b.String()
}

// check compares the places found in text with ws, in order.
func check(t *testing.T, text string, sents []sitrep.Sentence, ws []want) {
	t.Helper()
	ps := Extract(text, sents)
	if len(ps) != len(ws) {
		t.Fatalf("Extract(%q) found %d places, want %d:%s", text, len(ps), len(ws), describe(ps))
	}
	for i, w := range ws {
		p := ps[i]
		if p.Text != w.text || p.Country != w.country || p.Kind != w.kind {
			t.Errorf("place %d = %q %s %s, want %q %s %s", i, p.Text, p.Country, p.Kind, w.text, w.country, w.kind)
		}
		if text[p.Start:p.End] != p.Text {
			t.Errorf("place %d: text[%d:%d] = %q, Text %q", i, p.Start, p.End, text[p.Start:p.End], p.Text)
		}
		if w.lat != 0 || w.lon != 0 {
			if !p.Resolved() {
				t.Errorf("place %d (%q) is unresolved", i, p.Text)
			} else if d := km(*p.Lat, *p.Lon, w.lat, w.lon); d > 50 {
				t.Errorf("place %d (%q) at %.2f,%.2f is %.0f km from %.2f,%.2f", i, p.Text, *p.Lat, *p.Lon, d, w.lat, w.lon)
			}
		}
		if w.cue != "" && p.Cue != w.cue {
			t.Errorf("place %d (%q) cue %q, want %q", i, p.Text, p.Cue, w.cue)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"city of pattern", "Shelling hit the city of Ganja in western Azerbaijan overnight.", []want{
			{"Ganja", "AZE", "city", 40.68, 46.36, CuePattern},
			{"Azerbaijan", "AZE", "country", 0, 0, CueGazetteer},
		}},
		{"alternate name", "Troops entered the town of Fuzuli on Saturday.", []want{
			{"Fuzuli", "AZE", "city", 39.60, 47.14, CuePattern},
		}},
		{"capitals", "Talks in Moscow stalled while officials in Tehran warned both sides.", []want{
			{"Moscow", "RUS", "city", 55.75, 37.62, ""},
			{"Tehran", "IRN", "city", 35.69, 51.42, ""},
		}},
		{"capital as actor", "Tehran issued a warning to its neighbours.", []want{
			{"Tehran", "IRN", "city", 35.69, 51.42, ""},
		}},
		{"demonym side of the border", "Two shells fell on the Iranian side of the border.", []want{
			{"Iranian", "IRN", "country", 0, 0, CuePattern},
		}},
		{"demonym territory", "The drone crashed in Syrian territory.", []want{
			{"Syrian", "SYR", "country", 0, 0, CuePattern},
		}},
		{"demonyms", "Armenian and Azerbaijani forces traded fire.", []want{
			{"Armenian", "ARM", "country", 0, 0, CueDemonym},
			{"Azerbaijani", "AZE", "country", 0, 0, CueDemonym},
		}},
		{"demonym not a town", "Canadian officials said so.", []want{
			{"Canadian", "CAN", "country", 0, 0, CueDemonym},
		}},
		{"demonym capital", "Protests spread through the Syrian capital on Friday.", []want{
			{"Syrian capital", "SYR", "city", 33.51, 36.29, CuePattern},
		}},
		{"region hyphen", "Fighting resumed in Nagorno-Karabakh.", []want{
			{"Nagorno-Karabakh", "AZE", "region", 39.8, 46.8, ""},
		}},
		{"region two words and suffix", "A truce was agreed for the Nagorno Karabakh region.", []want{
			{"Nagorno Karabakh region", "AZE", "region", 39.8, 46.8, CuePattern},
		}},
		{"region short name", "Clashes continued in Karabakh.", []want{
			{"Karabakh", "AZE", "region", 39.8, 46.8, ""},
		}},
		{"province suffix", "Air strikes hit Idlib province again.", []want{
			{"Idlib province", "SYR", "admin1", 35.86, 36.61, CuePattern},
		}},
		{"city over division", "Air strikes hit Idlib again.", []want{
			{"Idlib", "SYR", "city", 35.93, 36.63, ""},
		}},
		{"suburbs of", "One person was killed in the suburbs of Aleppo.", []want{
			{"Aleppo", "SYR", "city", 36.20, 37.16, CuePattern},
		}},
		{"multi-word city", "She flew from San Francisco to Gaza.", []want{
			{"San Francisco", "USA", "city", 37.77, -122.42, ""},
			{"Gaza", "PSE", "city", 31.50, 34.47, ""},
		}},
		{"division multi-word", "Aid reached the Gaza Strip.", []want{
			{"Gaza Strip", "PSE", "admin1", 0, 0, ""},
		}},
		{"possessive", "Azerbaijan's army said Armenia's forces withdrew.", []want{
			{"Azerbaijan", "AZE", "country", 0, 0, ""},
			{"Armenia", "ARM", "country", 0, 0, ""},
		}},
		{"abbreviation", "U.S. and UK officials met in Geneva, Switzerland.", []want{
			{"U.S.", "USA", "country", 0, 0, ""},
			{"UK", "GBR", "country", 0, 0, ""},
			{"Geneva", "CHE", "city", 46.20, 6.14, ""},
			{"Switzerland", "CHE", "country", 0, 0, ""},
		}},
		{"the United States", "Washington said the United States would act.", []want{
			{"Washington", "USA", "city", 38.90, -77.04, ""},
			{"United States", "USA", "country", 0, 0, ""},
		}},
		{"Jordan the country", "Jordan closed its border with Syria.", []want{
			{"Jordan", "JOR", "country", 0, 0, ""},
			{"Syria", "SYR", "country", 0, 0, ""},
		}},
		{"Jordan the person", "Fans cheered as Michael Jordan arrived.", nil},
		{"Georgia the country", "Russia and Georgia fought a war; Tbilisi still objects.", []want{
			{"Russia", "RUS", "country", 0, 0, ""},
			{"Georgia", "GEO", "country", 0, 0, ""},
			{"Tbilisi", "GEO", "city", 41.69, 44.83, ""},
		}},
		{"Georgia the state", "Voters in Atlanta, Georgia, queued for hours across the United States.", []want{
			{"Atlanta", "USA", "city", 33.75, -84.39, ""},
			{"Georgia", "USA", "admin1", 0, 0, ""},
			{"United States", "USA", "country", 0, 0, ""},
		}},
		{"months and weekdays", "On Monday, May 4, and again in March, nothing happened.", nil},
		{"common word towns", "Police said they will act. Of those held, Will was freed.", nil},
		{"common word city mid-sentence", "Fans in Split celebrated the win.", []want{
			{"Split", "HRV", "city", 43.51, 16.44, ""},
		}},
		{"common word city sentence-initial", "Reading the report, he frowned.", nil},
		{"title before a town name", "President Kennedy was greeted warmly.", nil},
		{"unknown village after pattern", "Soldiers searched the village of Zqxwvillage at dawn.", []want{
			{"Zqxwvillage", "", "city", 0, 0, CuePattern},
		}},
		{"unknown with demonym", "Jets struck the Syrian town of Zqxwtown.", []want{
			{"Syrian", "SYR", "country", 0, 0, CueDemonym},
			{"Zqxwtown", "SYR", "city", 0, 0, CuePattern},
		}},
		{"person names", "Spokesman Stefan Dujarric said Antonio Guterres was concerned.", nil},
		{"no names across commas", "They met in Tehran, Iran, last week.", []want{
			{"Tehran", "IRN", "city", 35.69, 51.42, ""},
			{"Iran", "IRN", "country", 0, 0, ""},
		}},
		{"diacritics", "Gəncə and Füzuli were shelled.", []want{
			{"Gəncə", "AZE", "city", 40.68, 46.36, ""},
			{"Füzuli", "AZE", "city", 39.60, 47.14, ""},
		}},
		{"capitals", "SHELLS FALL IN IRAN AND GAZA", []want{
			{"IRAN", "IRN", "country", 0, 0, ""},
			{"GAZA", "PSE", "city", 31.50, 34.47, ""},
		}},
		{"acronyms", "The UN and NATO met; the IRGC and the US did not.", []want{
			{"US", "USA", "country", 0, 0, ""},
		}},
		{"empty", "", nil},
		{"no capitals", "nothing here at all.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, tt.text, nil, tt.want)
		})
	}
}

func TestExtractFocus(t *testing.T) {
	// "Hamilton" is in Canada, New Zealand and Bermuda; the article's
	// country decides.
	text := "New Zealand police said a man was arrested in Hamilton."
	ps := Extract(text, nil)
	if len(ps) != 2 || ps[1].Country != "NZL" {
		t.Errorf("Extract(%q) = %s", text, describe(ps))
	}
	text = "Canadian police said a man was arrested in Hamilton."
	ps = Extract(text, nil)
	if len(ps) != 2 || ps[1].Country != "CAN" {
		t.Errorf("Extract(%q) = %s", text, describe(ps))
	}
}

func TestExtractSentences(t *testing.T) {
	text := "Shells Fall In Iran\n\nArmenia said the attack on Ganja was not its doing."
	sents := []sitrep.Sentence{
		{Span: sitrep.Span{Start: 0, End: 19}, Headline: true},
		{Span: sitrep.Span{Start: 21, End: len(text)}},
	}
	ganja := want{"Ganja", "AZE", "city", 40.68, 46.36, ""}
	all := []want{
		{"Iran", "IRN", "country", 0, 0, ""},
		{"Armenia", "ARM", "country", 0, 0, ""},
		ganja,
	}
	check(t, text, sents, all)
	check(t, text, nil, all)

	// Headlines: title case, and a short credit line.
	text = "Shelling Hits Ganja Overnight\n(Al Jazeera)"
	sents = []sitrep.Sentence{
		{Span: sitrep.Span{Start: 0, End: 29}, Headline: true},
		{Span: sitrep.Span{Start: 30, End: len(text)}, Headline: true},
	}
	check(t, text, sents, []want{ganja})

	// Spans out of range are clipped, not a panic.
	Extract(text, []sitrep.Sentence{{Span: sitrep.Span{Start: -5, End: 1000}}})
}

func TestExtractFields(t *testing.T) {
	text := "Shelling hit Ganja."
	ps := Extract(text, nil)
	if len(ps) != 1 {
		t.Fatalf("Extract(%q) = %s", text, describe(ps))
	}
	p := ps[0]
	if p.Name != "Ganja" || p.Admin1 == "" || p.GeonameID == nil || *p.GeonameID != 586523 ||
		p.Population < 100000 || p.Cue != CueGazetteer || p.Start != 13 || p.End != 18 {
		t.Errorf("Ganja = %+v", p)
	}
	ps = Extract("Fighting in Azerbaijan.", nil)
	if len(ps) != 1 || !ps[0].Resolved() || ps[0].Kind != sitrep.PlaceCountry || ps[0].Name != "Azerbaijan" {
		t.Errorf("Azerbaijan = %+v", ps)
	}
	ps = Extract("They searched the village of Zqxwvillage.", nil)
	if len(ps) != 1 || ps[0].Resolved() || ps[0].GeonameID != nil {
		t.Errorf("unknown village = %+v", ps)
	}
}

func TestLexicon(t *testing.T) {
	if _, err := parseLexicon(lexiconTSV); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"word", "word\tnoclass", "city\tfeature", "city\tsuffix\tcountry"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q) succeeded", bad)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Shelling hit the city of Ganja.", "U.S.-Iran talks", "the Iranian side of", "Azerbaijan's", "of of of City of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Extract(s, nil) {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End || s[p.Start:p.End] != p.Text {
				t.Fatalf("bad span %d:%d %q in %q", p.Start, p.End, p.Text, s)
			}
		}
	})
}
