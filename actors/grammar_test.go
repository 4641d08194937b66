package actors

import (
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

// TestGrammar covers the phrases the grammar reads beyond titles and
// demonyms; every sentence is written for the test.
func TestGrammar(t *testing.T) {
	cases := []struct {
		name, text, mention string
		kind, country       string
		sector              string
		inter               int
	}{
		{"pro-government militia", "Pro-government militias raided the market.", "militias", "armed_group", "", "MIL_NONSTATE", 3},
		{"pro-country forces take no country", "Pro-Russian forces shelled the village.", "forces", "armed_group", "", "MIL_NONSTATE", 3},
		{"pro-armed-group forces are its fighters", "Pro-Houthi forces attacked a checkpoint.", "forces", "armed_group", "YEM", "REB", 1},
		{"pro-X separatists stay rebels", "Pro-Russian separatists seized the station.", "separatists", "armed_group", "", "REB", 2},
		{"pro-X protesters stay protesters", "Pro-government protesters marched through the capital.", "protesters", "other", "", "OPP", 6},
		{"backed", "Iranian-backed militias fired rockets.", "militias", "armed_group", "", "MIL_NONSTATE", 3},
		{"army of country", "The army of Mali retook the town.", "army", "state", "MLI", "MIL", 1},
		{"ministry of country", "The Ministry of Defence of Ukraine denied it.", "Ministry", "state", "UKR", "MIL", 1},
		{"compound agent", "Syrian army troops entered the village.", "army troops", "state", "SYR", "MIL", 1},
		{"unidentified gunmen", "Unidentified gunmen shot a trader.", "gunmen", "armed_group", "", "MIL_NONSTATE", 3},
		{"unknown persons", "Unknown persons set fire to a bus.", "persons", "armed_group", "", "MIL_NONSTATE", 3},
		{"civilian sub-group", "Two health workers were wounded.", "health workers", "civilians", "", "CVL", 7},
		{"children", "Three children died in the blast.", "children", "civilians", "", "CVL", 7},
		{"IGO office", "UNHCR said the camp was full.", "UNHCR", "organization", "", "IGO", 8},
		{"IGO official", "The OCHA spokesperson, Lena Varga, said roads were closed.", "Lena Varga", "person", "", "IGO", 8},
		{"state media", "State TV said the curfew was lifted.", "State TV", "media", "", "MED", 0},
		{"outlet correspondent", "The Reuters correspondent saw the convoy.", "correspondent", "media", "", "MED", 0},
		{"armed group", "Al-Shabaab claimed the attack.", "Al-Shabaab", "armed_group", "SOM", "REB", 2},
		{"national rebels", "The PKK denied the claim.", "PKK", "armed_group", "TUR", "REB", 2},
		{"named militiamen", "Ras Kebir militiamen burned the granary.", "Ras Kebir", "armed_group", "", "MIL_NONSTATE", 3},
		{"members of a named armed group", "Members of the Zamfara Brigade kidnapped a farmer.", "Zamfara Brigade", "armed_group", "", "MIL_NONSTATE", 3},
		{"author in a hyphenated word", "A Taliban-planted mine hit the bus.", "Taliban", "armed_group", "AFG", "REB", 2},
		{"agent before an act noun", "Two suspects died in a police raid.", "police", "state", "", "POL", 1},
		{"named forces", "Coastal Shield forces repelled the attack.", "Coastal Shield forces", "armed_group", "", "MIL_NONSTATE", 3},
		{"coordinated agents share a qualifier", "Malian police and soldiers arrived.", "soldiers", "state", "MLI", "MIL", 1},
		{"the first of two agents takes the second's", "Judges and prosecutors in Mali went on leave.", "Judges", "state", "MLI", "JUD", 1},
		{"adjectives before the agent", "Mali's tired and angry soldiers left the base.", "soldiers", "state", "MLI", "MIL", 1},
		{"agent phrase before a modifier", "Syria's national security adviser met the envoy.", "national security adviser", "person", "SYR", "GOV", 1},
		{"title after an apposition comma", "The Malian commander, Colonel Issa Sidibe, said the road was open.", "Issa Sidibe", "person", "MLI", "MIL", 1},
		{"a leader's forces are the state's", "Pro-Hadi forces shelled a hill near the airport.", "forces", "state", "YEM", "MIL", 1},
		{"an agent is shared by a list of countries", "Judges in Mali and Syria met the envoy.", "Syria", "state", "SYR", "JUD", 1},
		{"an agent is shared by a longer list", "Soldiers from Iran, Syria and Armenia crossed the river.", "Syria", "state", "SYR", "MIL", 1},
		{"a possessive owning nothing", "Mali signed a treaty with Syria's on Monday.", "Syria", "state", "SYR", "GOV", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := extract(t, c.text)
			a := find(as, c.mention)
			if a == nil {
				t.Fatalf("no mention %q in %+v", c.mention, as)
			}
			if a.Kind != c.kind || a.Country != c.country || a.Sector != c.sector || a.Inter != c.inter {
				t.Errorf("%q = %s/%s/%s/%d, want %s/%s/%s/%d", a.Text, a.Kind, a.Country, a.Sector, a.Inter, c.kind, c.country, c.sector, c.inter)
			}
		})
	}
}

func TestListOfStates(t *testing.T) {
	as := extract(t, "Mali, Syria, Iran and the old Armenia signed the pact.")
	for _, c := range []string{"MLI", "SYR", "IRN", "ARM"} {
		found := false
		for _, a := range as {
			found = found || a.Kind == sitrep.KindState && a.Cameo == c
		}
		if !found {
			t.Errorf("%s not read as a state in %+v", c, as)
		}
	}
}

func TestOrganisationAgents(t *testing.T) {
	as := extract(t, "UN peacekeepers left the town.")
	if a := find(as, "peacekeepers"); a == nil || a.Cameo != "IGOUNOMIL" || a.Sector != "IGO" {
		t.Errorf("UN peacekeepers: %+v", a)
	}
	as = extract(t, "A UN spokesman said the convoy was hit.")
	if a := find(as, "spokesman"); a == nil || a.Cameo != "IGOUNO" {
		t.Errorf("UN spokesman: %+v", a)
	}
}

func TestPortfolio(t *testing.T) {
	as := extract(t, "The Minister of Roads and Bridges of Mali, Seydou Kanta, resigned.")
	a := find(as, "Kanta")
	if a == nil || a.Country != "MLI" || a.Kind != "person" || a.Sector != "GOV" {
		t.Errorf("minister with a portfolio: %+v", a)
	}
}

func TestNotPeople(t *testing.T) {
	cases := []struct{ name, text, notPerson string }{
		{"street", "Crowds filled Mercer Avenue on Friday.", "Mercer"},
		{"place after a preposition", "Shots were heard in Upper Kandi on Friday.", "Upper Kandi"},
		{"place head after the name", "Police raided Lower Tolo village.", "Lower Tolo"},
		{"day", "Workers marked Harvest Day.", "Harvest"},
		{"division noun", "Gunmen attacked Mabai (Kankara LGA, Katsina) at night.", "Kankara LGA"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, a := range extract(t, c.text) {
				if a.Kind == sitrep.KindPerson && a.Text == c.notPerson {
					t.Errorf("%q read as a person", a.Text)
				}
			}
		})
	}
	as := extract(t, "The Green Valley Farmers Union rejected the plan.")
	if a := find(as, "Farmers Union"); a == nil || a.Kind != sitrep.KindOrganization {
		t.Errorf("organisation by its head word: %+v", a)
	}
}

// TestConduct checks that whoever protests is a protester and whoever riots
// a rioter, as ACLED codes them.
func TestConduct(t *testing.T) {
	cases := []struct {
		name, text, mention string
		inter               int
	}{
		{"civilians protest", "Residents protested against the water cuts.", "Residents", 6},
		{"light verb and object", "A group of nurses held a peaceful protest outside the clinic.", "nurses", 6},
		{"complement between", "Workers of the harbour company staged a sit-in on Monday.", "Workers", 6},
		{"unknown group noun", "Dozens of beekeepers demonstrated outside parliament.", "beekeepers", 6},
		{"state forces protesting", "Prison guards went on strike over pay.", "Prison guards", 6},
		{"rioting civilians", "Villagers torched the police post.", "Villagers", 5},
		{"protesters turned rioters", "Protesters hurled stones at the convoy.", "Protesters", 5},
		{"participle after the group", "Police charged at locals protesting outside the office.", "locals", 6},
		{"coordinated modifiers", "Bus and taxi drivers protested over fuel prices.", "drivers", 6},
		{"rioters stay rioters", "Rioters demonstrating against prices blocked the road.", "Rioters", 5},
		{"a crowd of people riots", "A crowd of farmers set fire to the office.", "farmers", 5},
		{"one person who demonstrates protests", "A nurse demonstrated outside the clinic.", "A nurse", 6},
		{"a riot verb in the passive is done to its subject", "The protesters were attacked by supporters of the mayor.", "protesters", 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := extract(t, c.text)
			a := find(as, c.mention)
			if a == nil {
				t.Fatalf("no mention %q in %+v", c.mention, as)
			}
			if a.Inter != c.inter || a.Sector != "OPP" {
				t.Errorf("%q = %s/%d, want OPP/%d", a.Text, a.Sector, a.Inter, c.inter)
			}
		})
	}
	for _, s := range []string{"Soldiers gathered near the border.", "Rebels clashed with the army.", "Clouds gathered over the valley.",
		"Unknown arsonists torched a phone mast.", "A man threw stones at a nurse.", "A farmer set fire to the office."} {
		for _, a := range extract(t, s) {
			if a.Inter == 5 || a.Inter == 6 {
				t.Errorf("%q: %q made a protester or rioter", s, a.Text)
			}
		}
	}
}

func TestPlaceCountries(t *testing.T) {
	s := "On Monday, police dispersed protesters in Talu. Gunmen later killed two farmers. Officials in Bamako said Ukrainian soldiers were not involved."
	sents, err := text.Analyze(s)
	if err != nil {
		t.Fatal(err)
	}
	place := func(name, country string) sitrep.Place {
		i := indexOf(s, name)
		return sitrep.Place{Text: name, Start: i, End: i + len(name), Name: name, Country: country}
	}
	x, err := New(fakeCountries{})
	if err != nil {
		t.Fatal(err)
	}
	as := x.ExtractInput(Input{Text: s, Sentences: sents, Published: day("2020-05-01"),
		Places: []sitrep.Place{place("Talu", "MLI"), place("Bamako", "MLI")}})
	for _, c := range []struct{ mention, country, acled string }{
		{"police", "MLI", "Police Forces of Mali"},
		{"protesters", "MLI", "Protesters (Mali)"},
		{"Gunmen", "MLI", "Unidentified Armed Group (Mali)"}, // the article's country
		{"farmers", "MLI", "Civilians (Mali)"},
		{"Ukrainian soldiers", "UKR", "Military Forces of Ukraine (2019-)"}, // its own country
	} {
		a := find(as, c.mention)
		if a == nil || a.Country != c.country || a.ACLEDName != c.acled {
			t.Errorf("%s: %+v, want %s %q", c.mention, a, c.country, c.acled)
		}
	}
	if a := find(as, "police"); a != nil && a.Cameo != "COP" {
		t.Errorf("the CAMEO code records the text: %q", a.Cameo)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestACLEDNames(t *testing.T) {
	cases := []struct {
		text, date, mention, want string
	}{
		{"Armenian forces shelled the town.", "2020-10-17", "Armenian forces", "Military Forces of Armenia (2018-)"},
		{"Armenian forces shelled the town.", "2016-04-02", "Armenian forces", "Military Forces of Armenia (2008-2018)"},
		{"Armenian forces shelled the town.", "", "Armenian forces", "Military Forces of Armenia"},
		{"Syrian police arrested a journalist.", "2020-05-01", "police", "Police Forces of Syria (2000-2024)"},
		{"Ten Malian civilians were killed.", "2020-05-01", "civilians", "Civilians (Mali)"},
		{"The Malian government denied it.", "2020-05-01", "government", "Government of Mali"},
		{"Pro-government militias raided the market.", "2020-05-01", "militias", "Militia (Pro-Government)"},
		// forces of a side and a group allied to it are the side's
		{"Pro-government and Popular Defence militiamen raided the market.", "2020-05-01", "militiamen", "Militia (Pro-Government)"},
		{"Al-Shabaab claimed the attack.", "2020-05-01", "Al-Shabaab", "Al Shabaab"},
		{"CPI-Maoist cadres blew up a bridge.", "2020-05-01", "CPI-Maoist", "CPI (Maoist): Communist Party of India (Maoist)"},
		{"Ahrar al-Sham fighters shelled the village.", "2020-05-01", "Ahrar al-Sham", "AAS: Ahrar al Sham"},
		// Islamists no group is named for are a political militia
		{"Suspected Islamist militants burned a village.", "2020-05-01", "militants", "Islamist Militia"},
	}
	for _, c := range cases {
		as := extractWith(t, c.text, c.date)
		a := find(as, c.mention)
		if a == nil || a.ACLEDName != c.want {
			t.Errorf("%s (%s): %+v, want %q", c.text, c.date, a, c.want)
		}
	}
}

func TestInterAt(t *testing.T) {
	forces := &sitrep.Actor{Kind: "state", Country: "ARM", Sector: "MIL", Inter: 1}
	if got := InterAt(forces, "AZE"); got != 8 {
		t.Errorf("forces abroad: %d, want 8", got)
	}
	if got := InterAt(forces, "ARM"); got != 1 {
		t.Errorf("forces at home: %d, want 1", got)
	}
	if got := InterAt(forces, ""); got != 1 {
		t.Errorf("no event country: %d, want 1", got)
	}
	if got := InterAt(nil, "ARM"); got != 0 {
		t.Errorf("no actor: %d", got)
	}
}
