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
		// A common word is a town when its division follows in brackets.
		{"Residents blocked roads in Colon (Colon) on Friday.", "Colon", "PAN", sitrep.PlaceCity},
		// A division's noun belongs to its name ("Gujba LGA").
		{"Gunmen attacked a village in Gujba LGA, Yobe, on Monday.", "Gujba LGA", "NGA", sitrep.PlaceAdmin2},
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

// TestSoundForeignForce checks that a nationality word of a force from
// abroad gives no support to a name found by its sound in that country,
// and that the container named beside the name still resolves.
func TestSoundForeignForce(t *testing.T) {
	text := "A joint patrol of Turkish and Russian forces drove to Nayrab town in Idleb countryside on Tuesday."
	ps := Extract(text, nil)
	if p := placeNamed(ps, "Nayrab town"); p == nil || p.Resolved() || p.Country != "SYR" {
		t.Errorf("%q: Nayrab town = %+v, want unresolved in SYR", text, p)
	}
	if p := placeNamed(ps, "Idleb"); p == nil || !p.Resolved() || p.Country != "SYR" {
		t.Errorf("%q: Idleb = %+v, want Idlib, SYR", text, p)
	}
	// A nationality word with nothing against it still supports a name
	// found by its sound.
	text = "Two Indian soldiers were wounded near Shopian district on Monday."
	if p := placeNamed(Extract(text, nil), "Shopian district"); p == nil || !p.Resolved() || p.Country != "IND" {
		t.Errorf("%q: Shopian district = %+v, want IND", text, p)
	}
}

// TestObscureAlternateName checks that a small place known by an
// alternate name only is not taken by that name in an article that names
// nothing of its country, and is where the article names the country.
func TestObscureAlternateName(t *testing.T) {
	tests := []struct {
		text, name, country string // country "" for unresolved
	}{
		{"Herders clashed on Tuesday with farmers who are members of the Balanda near the river.", "Balanda", ""},
		{"Gunmen from Tonj clashed with farmers of the Balanda on Tuesday.", "Balanda", ""},
		{"Gunmen from Tonj clashed with farmers of the Balanda on Tuesday.", "Tonj", "SSD"},
		{"Floods cut off the town of Balanda in Russia on Tuesday.", "Balanda", "RUS"},
		// a division known by another spelling, and a town whose district
		// bears the name as its own
		{"Militiamen attacked a village in Nord-Kivu on Tuesday.", "Nord-Kivu", "COD"},
		{"Migrant workers protested at Reasi city on Tuesday to demand rations.", "Reasi city", "IND"},
		// a seat that bears a region's name as another name, and seats
		// known by other transliterations of their names
		{"Gunmen attacked farmers in Jur River county (Western Bahr el Ghazal) on Monday.", "Bahr el Ghazal", ""},
		{"Protesters marched in Rashayya on Monday.", "Rashayya", "LBN"},
		{"Shells hit a school in Sweida on Monday.", "Sweida", "SYR"},
		// an old name of a major place that is not famous, which a
		// village bears as its own; a famous place by its old name
		{"Asylum seekers held a sit-in outside the camp of Moria on the island of Lesvos.", "Moria", "GRC"},
		{"Traders shut their shops in Canton on Monday.", "Canton", "CHN"},
	}
	for _, tt := range tests {
		p := placeNamed(Extract(tt.text, nil), tt.name)
		switch {
		case p == nil:
			t.Errorf("%q: no place %q", tt.text, tt.name)
		case tt.country == "" && p.Resolved():
			t.Errorf("%q: %q resolved to %s, %s; want it unresolved", tt.text, tt.name, p.Name, p.Country)
		case tt.country != "" && (!p.Resolved() || p.Country != tt.country):
			t.Errorf("%q: %q = %+v, want %s", tt.text, tt.name, p, tt.country)
		}
	}
}

// TestGluedNames checks that a name joined to words of a longer name the
// gazetteer lacks, or given to something built, is kept unresolved rather
// than taken for a namesake abroad, and that qualifiers, place nouns and
// articles the gazetteer knows leave a name whole.
func TestGluedNames(t *testing.T) {
	tests := []struct {
		text, name, country string // country "" for unresolved
		resolved            bool
	}{
		{"Rioters smashed the windows of a bank in Bar Elias on Monday.", "Elias", "", false},
		{"Police seized drugs on a farm in Aral Moreira, Mato Grosso do Sul.", "Aral", "BRA", false},
		{"Rioters burned tyres at the Tal roundabout in el Mina on Monday.", "Tal", "", false},
		{"Rioters burned tyres at the Tal roundabout in el Mina on Monday.", "Mina", "", false},
		{"Afghan forces shelled the villages of Dara i Sufi Bala district on Monday.", "Dara", "", false},
		{"Jets struck a market in Northern Idlib on Monday.", "Idlib", "SYR", true},
		{"Protests spread across Greater Khartoum on Monday.", "Khartoum", "SDN", true},
		{"An airstrike hit a house in Gaza City on Monday.", "Gaza City", "PSE", true},
		{"Protesters marched in el Hermel on Monday.", "Hermel", "LBN", true},
		// a town's roundabout is more often named after the town
		{"Protesters blocked the Zahle roundabout on Monday.", "Zahle", "LBN", true},
	}
	for _, tt := range tests {
		p := placeNamed(Extract(tt.text, nil), tt.name)
		switch {
		case p == nil:
			t.Errorf("%q: no place %q", tt.text, tt.name)
		case p.Resolved() != tt.resolved || p.Country != tt.country:
			t.Errorf("%q: %q = %s, %s (resolved %v), want %q (resolved %v)", tt.text, tt.name, p.Name, p.Country, p.Resolved(), tt.country, tt.resolved)
		}
	}
	if ps := Extract("The wounded were taken to Rafic Hariri University Hospital on Monday.", nil); len(ps) != 0 {
		t.Errorf("a hospital named after a person: places %s", describe(ps))
	}
	// A common word that is only another name of a big city is no place.
	if ps := Extract("Farmers protested against the Central government in Lahore.", nil); placeNamed(ps, "Central") != nil {
		t.Errorf("the Central government: places %s", describe(ps))
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
		{"Crews of Middlesex-London EMS were told to prepare.", "London", ""},
		{"Students marched in Belgrade-Stari Grad, Serbia, on Friday.", "Belgrade", "SRB"},
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
		" area of ": true, " village of ": true,
		" and ": false, " in support of ": false, " (Djugu) and ": false, " of ": false,
	} {
		if got := joinedBeside(between); got != want {
			t.Errorf("joinedBeside(%q) = %v, want %v", between, got, want)
		}
	}
}

// TestMissions checks that a mission's name stands for the country it works
// in, tells the article's country, and is not taken for a place.
func TestMissions(t *testing.T) {
	tests := []struct {
		text, name, country string
	}{
		{"On 1 May, the OSCE SMM observed 46 shots of small arms near Kruta Balka.", "OSCE SMM", "UKR"},
		{"MONUSCO troops repelled an attack on Sunday.", "MONUSCO", "COD"},
		{"Amisom forces shelled the village.", "Amisom", "SOM"},
	}
	for _, tt := range tests {
		p := placeNamed(Extract(tt.text, nil), tt.name)
		if p == nil || p.Cue != CueMission || p.Country != tt.country || p.Kind != sitrep.PlaceCountry {
			t.Errorf("%q: %q = %+v, want a mission of %s", tt.text, tt.name, p, tt.country)
		}
	}
	// "OSCE" alone works in many countries.
	for _, p := range Extract("The OSCE said it would send observers.", nil) {
		t.Errorf("OSCE alone: %+v, want no place", p)
	}
	// The mission's country weighs for the names of the article.
	text := "The OSCE SMM observed an explosion near Kalinovo."
	if p := placeNamed(Extract(text, nil), "Kalinovo"); p == nil || p.Country != "UKR" {
		t.Errorf("%q: Kalinovo = %+v, want it in UKR", text, p)
	}
	if _, err := parseMissions("ABC\tXYZ\tsource\n", defaultExtractor().g.CountryByISO3); err == nil {
		t.Error("parseMissions accepted an unknown country")
	}
	if _, err := parseMissions("ABC\tUKR\n", defaultExtractor().g.CountryByISO3); err == nil {
		t.Error("parseMissions accepted a row without a source")
	}
}

// TestDivisionContainer checks that a village named beside a division it
// cannot lie in is left unresolved when the gazetteer has no namesake in
// the division, and that lists are not read as containers.
func TestDivisionContainer(t *testing.T) {
	tests := []struct {
		text, name string
		resolved   bool
		country    string
	}{
		// The gazetteer's Kamyankas lie in other provinces.
		{"Rebels fired mortars at positions near Kamyanka, Donetsk.", "Kamyanka", false, "UKR"},
		// Bara, Nigeria, is no place in Idlib.
		{"Regime forces shelled Bara in Idleb using artillery fire.", "Bara", false, "SYR"},
		// A district resolved to its seat holds no namesake of another
		// state; a district named as one is followed by its state, not
		// by a list.
		{"Two soldiers were hurt in shelling at Shahpur sector area (Poonch district, J&K).", "Shahpur", false, "IND"},
		{"Police fired tear gas at Goosu town (Pulwama district, J&K) on Friday.", "Goosu town", false, "IND"},
		// A town GeoNames gives no district lies in the district of its state.
		{"Shelling hit two villages in Uri sector area (Baramulla district, J&K).", "Uri", true, "IND"},
		// A town placed by the name after it holds the name before it:
		// the gazetteer's Jaro lies in another region.
		{"Activists marched in Jaro, Iloilo City, Iloilo on Friday.", "Jaro", false, "PHL"},
		// Items of lists stay as they were.
		{"Among the worst hit are Suba, Migori, Homa Bay, Rongo and Siaya in Kenya.", "Migori", true, "KEN"},
		{"Cases were reported in Moonbi, Parkes, Berry and Wyong in New South Wales.", "Moonbi", true, "AUS"},
	}
	for _, tt := range tests {
		p := placeNamed(Extract(tt.text, nil), tt.name)
		if p == nil || p.Resolved() != tt.resolved || p.Country != tt.country {
			t.Errorf("%q: %q = %+v, want resolved %v in %s", tt.text, tt.name, p, tt.resolved, tt.country)
		}
	}
}

// TestQuarters checks that a quarter of a town the article names is not
// taken for a namesake far from the town.
func TestQuarters(t *testing.T) {
	tests := []struct {
		text, name string
	}{
		{"In Monterrey, Nuevo Leon, two armed men attacked a man in Colonia Independencia.", "Colonia Independencia"},
		{"In Tijuana, Baja California, a woman was found dead in Colonia Jardines de la Mesa.", "Mesa"},
		{"In Niteroi, Rio de Janeiro, police raided a slum in Inga neighborhood.", "Inga"},
		{"In Vila Velha, Espirito Santo, gunmen opened fire in Boa Vista community.", "Boa Vista"},
	}
	for _, tt := range tests {
		ps := Extract(tt.text, nil)
		if p := placeNamed(ps, tt.name); p != nil && p.Resolved() {
			t.Errorf("%q: %q = %s, %s (%.2f, %.2f), far from the town", tt.text, tt.name, p.Name, p.Admin1, *p.Lat, *p.Lon)
		}
		for _, p := range ps {
			if p.Text == "Colonia" {
				t.Errorf("%q: Colonia alone taken for a place", tt.text)
			}
		}
	}
	// A quarter near the town keeps its place.
	text := "In Istanbul, police dispersed a march in Kadikoy neighborhood."
	if p := placeNamed(Extract(text, nil), "Kadikoy"); p == nil || !p.Resolved() || p.Country != "TUR" {
		t.Errorf("%q: Kadikoy = %+v, want it resolved in TUR", text, p)
	}
	// A division is no town's quarter.
	text = "In Winnipeg, doctors treated a dog found in a northern Manitoba community."
	if p := placeNamed(Extract(text, nil), "Manitoba"); p == nil || !p.Resolved() || p.Kind != sitrep.PlaceAdmin1 {
		t.Errorf("%q: Manitoba = %+v, want the province", text, p)
	}
}

// TestCountryAsNationality checks that a country's name before a noun of
// its agents stands for a nationality ("Burundi troops"), which does not
// tell the country the article's other names lie in.
func TestCountryAsNationality(t *testing.T) {
	text := "Al Shabab fighters attacked Burundi troops in Buurane village (Jowhar, Middle Shabelle)."
	ps := Extract(text, nil)
	if p := placeNamed(ps, "Burundi"); p == nil || p.Cue != CueDemonym || p.Country != "BDI" {
		t.Errorf("%q: Burundi = %+v, want a nationality word", text, p)
	}
	if p := placeNamed(ps, "Jowhar"); p == nil || p.Country != "SOM" {
		t.Errorf("%q: Jowhar = %+v, want it in SOM", text, p)
	}
	text = "Burundi said the vote would go ahead."
	if p := placeNamed(Extract(text, nil), "Burundi"); p == nil || p.Cue == CueDemonym {
		t.Errorf("%q: Burundi = %+v, want the country", text, p)
	}
}

// TestAbbreviations checks that a state's or province's abbreviation after a
// town names the division the town lies in, and that alone it is no place.
func TestAbbreviations(t *testing.T) {
	tests := []struct {
		text, name, division, town, country string
	}{
		{"COLUMBIA, Ky. (WBKO) - A man is arrested.", "Ky.", "Kentucky", "COLUMBIA", "USA"},
		{"She sold her home in Gatineau, Que., and moved.", "Que.", "Quebec", "Gatineau", "CAN"},
		{"Officials in Newark, N.J. said on Monday.", "N.J.", "New Jersey", "Newark", "USA"},
	}
	for _, tt := range tests {
		ps := Extract(tt.text, nil)
		if p := placeNamed(ps, tt.name); p == nil || p.Name != tt.division || p.Kind != sitrep.PlaceAdmin1 {
			t.Errorf("%q: %q = %+v, want %s", tt.text, tt.name, p, tt.division)
		}
		if p := placeNamed(ps, tt.town); p == nil || p.Country != tt.country || !p.Resolved() {
			t.Errorf("%q: %q = %+v, want it resolved in %s", tt.text, tt.town, p, tt.country)
		}
	}
	for _, text := range []string{"Mass. protests were held.", "He was ill. Man. United won."} {
		for _, p := range Extract(text, nil) {
			t.Errorf("%q: %q taken as %s", text, p.Text, p.Name)
		}
	}
	lookup := func(name, country string) (gazetteer.Entry, bool) { return gazetteer.Entry{}, false }
	if _, err := parseAbbreviations("Ky.\tKentucky\tUSA\tsource\n", lookup); err == nil {
		t.Error("parseAbbreviations accepted a division the gazetteer lacks")
	}
}
