package places

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/gazetteer"
)

// placeNamed returns the first place whose text is name, or a part of it
// ("Mariupol" of "Mariupol'").
func placeNamed(ps []sitrep.Place, name string) *sitrep.Place {
	for i := range ps {
		if ps[i].Text == name || strings.HasPrefix(name, ps[i].Text) {
			return &ps[i]
		}
	}
	return nil
}

// TestTransliterations checks that every spelling of a place in the
// issue's list (Ganja / Gəncə / Gyandzha / Gandja / Gence, ...) resolves to
// the same GeoNames place, in the same sentence.
func TestTransliterations(t *testing.T) {
	groups := []struct {
		country string
		names   []string
	}{
		{"Azerbaijan", []string{"Ganja", "Gəncə", "Gyandzha", "Gandja", "Gence", "Gyandja"}},
		{"Azerbaijan", []string{"Fuzuli", "Füzuli", "Fizuli"}},
		{"Azerbaijan", []string{"Stepanakert", "Khankendi", "Xankəndi", "Xankendi"}},
		{"Azerbaijan", []string{"Shusha", "Shushi", "Şuşa"}},
		{"Ukraine", []string{"Kyiv", "Kiev"}},
		{"Ukraine", []string{"Mariupol", "Mariupol'"}},
		{"Syria", []string{"Idlib", "Idleb"}},
	}
	for _, g := range groups {
		var first int
		for k, name := range g.names {
			text := "Shells fell on homes in " + name + ", " + g.country + ", on Sunday."
			p := placeNamed(Extract(text, nil), name)
			switch {
			case p == nil || p.GeonameID == nil:
				t.Errorf("%q: %q not resolved", text, name)
			case k == 0:
				first = *p.GeonameID
			case *p.GeonameID != first:
				t.Errorf("%q resolves to %s (%d), %q to %d", name, p.Name, *p.GeonameID, g.names[0], first)
			}
		}
	}
}

func TestBeside(t *testing.T) {
	tests := []struct {
		text, name, country, kind string
	}{
		// The division named after a town contains it, and the town lies in it.
		{"On 1 May, in Jundiai, Sao Paulo, delivery workers protested.", "Sao Paulo", "BRA", sitrep.PlaceAdmin1},
		{"On 1 May, in Jundiai, Sao Paulo, delivery workers protested.", "Jundiai", "BRA", sitrep.PlaceCity},
		{"Users of the electricity company protested in Juliaca, Puno.", "Puno", "PER", sitrep.PlaceAdmin1},
		{"Journalists protested in Halani town (Naushahro Feroze, Sindh).", "Sindh", "PAK", sitrep.PlaceAdmin1},
	}
	for _, tt := range tests {
		p := placeNamed(Extract(tt.text, nil), tt.name)
		if p == nil || p.Country != tt.country || p.Kind != tt.kind {
			t.Errorf("%q: %q = %+v, want %s %s", tt.text, tt.name, p, tt.country, tt.kind)
		}
	}
}

func TestArticleContext(t *testing.T) {
	tests := []struct {
		text, name, country string
	}{
		// Other names of the article put an ambiguous town in their
		// division or country.
		{"Police in Ontario said the crash closed Highway 401 near Toronto. A London man was charged.", "London", "CAN"},
		{"Flooding cut roads south of Cairns, Queensland. Residents of Edmonton were evacuated.", "Edmonton", "AUS"},
		{"The storm reached Kentucky on Monday. Schools in Edmonton and Columbia closed.", "Columbia", "USA"},
		// With no other evidence, the prominent place wins.
		{"The minister flew to London on Monday.", "London", "GBR"},
	}
	for _, tt := range tests {
		p := placeNamed(Extract(tt.text, nil), tt.name)
		if p == nil || p.Country != tt.country {
			t.Errorf("%q: %q = %+v, want %s", tt.text, tt.name, p, tt.country)
		}
	}
}

func TestReasonAndConfidence(t *testing.T) {
	text := "Azerbaijani officials said Armenian forces shelled Ganja and Barda, and that the village of Qaraqayaly was hit."
	ps := Extract(text, nil)
	if len(ps) == 0 {
		t.Fatal("no places")
	}
	for _, p := range ps {
		switch {
		case p.Resolved() && (p.Reason == "" || p.Confidence <= 0 || p.Confidence > 1):
			t.Errorf("%q resolved with reason %q, confidence %v", p.Text, p.Reason, p.Confidence)
		case !p.Resolved() && (p.Reason != "" || p.Confidence != 0):
			t.Errorf("unresolved %q has reason %q, confidence %v", p.Text, p.Reason, p.Confidence)
		}
	}
	if p := placeNamed(ps, "Barda"); p == nil || !strings.Contains(p.Reason, "AZE") {
		t.Errorf("Barda = %+v, want it in Azerbaijan because the article names it", p)
	}
}

// TestSoundNeedsSupport checks that a capitalised word that only sounds
// like a place is not taken for one without the article's support.
func TestSoundNeedsSupport(t *testing.T) {
	for _, text := range []string{
		"The Houthi movement said it would respond.",
		"A statement was read out in Gyandja on Monday.",
	} {
		for _, p := range Extract(text, nil) {
			if p.Cue == CueSound {
				t.Errorf("%q: %q taken as %s, %s by its sound", text, p.Text, p.Name, p.Country)
			}
		}
	}
}

// TestContainer checks that a place named inside a container it cannot lie
// in is left unresolved with the container's country, and that a
// container that is both a seat and its division holds the division's
// towns.
func TestContainer(t *testing.T) {
	text := "Gunmen attacked a checkpoint near the village of Kelly in Idleb province on Sunday."
	p := placeNamed(Extract(text, nil), "Kelly")
	if p == nil || p.Resolved() || p.Country != "SYR" {
		t.Errorf("%q: Kelly = %+v, want unresolved in SYR", text, p)
	}
	g := defaultExtractor().g
	donetsk := mention{cands: g.Candidates("Donetsk", maxCandidates)}
	var seat, inside, outside gazetteer.Entry
	for _, e := range donetsk.cands {
		if e.Kind == gazetteer.KindCity && e.Country == "UKR" {
			seat = e
		}
	}
	inside, outside = g.Candidates("Kramatorsk", 1)[0], g.Candidates("Kalynivka", 1)[0]
	if !withinSeatDivision(donetsk, seat, inside) || withinSeatDivision(donetsk, seat, outside) {
		t.Errorf("withinSeatDivision(Donetsk): Kramatorsk %v, Kalynivka %v; want true, false",
			withinSeatDivision(donetsk, seat, inside), withinSeatDivision(donetsk, seat, outside))
	}
}

// TestNameShapes checks names behind a possessive, a lower-case Arabic
// article or a hyphen.
func TestNameShapes(t *testing.T) {
	tests := []struct {
		text, name, country string // country "" for no place of that name
	}{
		{"Protesters gathered in Beirut's Hamra district on Friday.", "Beirut", "LBN"},
		{"Jets struck a village near al-Hasakeh at dawn.", "al-Hasakeh", "SYR"},
		{"Police arrested youths in Mogadishu-Hodan district.", "Mogadishu", "SOM"},
		{"Drivers blocked the Tripoli-Misrata road with tyres.", "Misrata", "LBY"},
		{"The Middlesex-London Health Unit said cases rose.", "London", ""},
	}
	for _, tt := range tests {
		p := placeNamed(Extract(tt.text, nil), tt.name)
		switch {
		case tt.country == "" && p != nil:
			t.Errorf("%q: %q = %+v, want no place", tt.text, tt.name, p)
		case tt.country != "" && (p == nil || p.Country != tt.country):
			t.Errorf("%q: %q = %+v, want %s", tt.text, tt.name, p, tt.country)
		}
	}
}

func TestJoinedBeside(t *testing.T) {
	for between, want := range map[string]bool{
		", ": true, " (": true, " town (": true, " (Djugu, ": true,
		" in ": true, " in the southern countryside of ": true,
		" and ": false, " in support of ": false, " (Djugu) and ": false,
	} {
		if got := joinedBeside(between); got != want {
			t.Errorf("joinedBeside(%q) = %v, want %v", between, got, want)
		}
	}
}
