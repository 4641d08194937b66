package actors

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

// fakeCountries knows a few countries, enough to test the grammar apart
// from the gazetteer.
type fakeCountries struct{}

var (
	testCountries = map[string]string{"armenia": "ARM", "azerbaijan": "AZE", "iran": "IRN", "russia": "RUS", "syria": "SYR", "mali": "MLI", "france": "FRA", "ukraine": "UKR"}
	testDemonyms  = map[string]string{"armenian": "ARM", "azerbaijani": "AZE", "iranian": "IRN", "russian": "RUS", "syrian": "SYR", "malian": "MLI", "french": "FRA", "ukrainian": "UKR"}
	testCapitals  = map[string]string{"tehran": "IRN", "moscow": "RUS", "damascus": "SYR", "bamako": "MLI", "kyiv": "UKR"}
)

func (fakeCountries) Country(n string) (string, bool) {
	c, ok := testCountries[strings.ToLower(n)]
	return c, ok
}
func (fakeCountries) Demonym(n string) (string, bool) {
	c, ok := testDemonyms[strings.ToLower(n)]
	return c, ok
}
func (fakeCountries) Capital(n string) (string, bool) {
	c, ok := testCapitals[strings.ToLower(n)]
	return c, ok
}
func (fakeCountries) Name(iso string) string {
	for n, c := range testCountries {
		if c == iso {
			return strings.ToUpper(n[:1]) + n[1:]
		}
	}
	return iso
}

func (fakeCountries) Place(n string) bool { return strings.EqualFold(n, "New Haven") }

func extract(t *testing.T, s string) []sitrep.Actor {
	t.Helper()
	sents, err := text.Analyze(s)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(fakeCountries{})
	if err != nil {
		t.Fatal(err)
	}
	return x.Extract(s, sents, "Daily Courier")
}

// find returns the first mention whose text or name contains sub.
func find(as []sitrep.Actor, sub string) *sitrep.Actor {
	for i := range as {
		if strings.Contains(as[i].Text, sub) || strings.Contains(as[i].Name, sub) {
			return &as[i]
		}
	}
	return nil
}

func TestActors(t *testing.T) {
	cases := []struct {
		name, text, mention string
		country, sector     string
		kind                string
		inter               int
		cameo               string
	}{
		{"demonym forces", "Syrian forces shelled the town.", "Syrian forces", "SYR", "MIL", "state", 1, "SYRMIL"},
		{"demonym prosecutor's office", "The Malian Prosecutor's Office opened a case.", "Prosecutor", "MLI", "JUD", "state", 1, "MLIJUD"},
		{"agent of country", "The Foreign Ministry in Ukraine rejected the claim.", "Foreign Ministry", "UKR", "GOV", "state", 1, "UKRGOV"},
		{"possessive country", "Russia's army advanced.", "army", "RUS", "MIL", "state", 1, "RUSMIL"},
		{"clan militiamen", "Suspected clan militiamen ambushed a convoy.", "militiamen", "", "MIL_NONSTATE", "armed_group", 4, "UAF"},
		{"tribal militias", "Two tribal militias clashed over a well.", "militias", "", "MIL_NONSTATE", "armed_group", 4, "UAF"},
		{"troopers", "Troopers fired on the crowd.", "Troopers", "", "MIL", "state", 1, "MIL"},
		{"police elements", "Suspected police elements shot the activist.", "police elements", "", "POL", "state", 1, "COP"},
		{"forces named by their vehicles", "Two Syrian military convoys entered the town.", "Syrian military", "SYR", "MIL", "state", 1, "SYRMIL"},
		{"a police unit", "Members of the anti-cult police unit shot a student.", "police", "", "POL", "state", 1, "COP"},
		{"unnamed islamists", "Islamic militants attacked two Syrian villages.", "militants", "", "MIL_NONSTATE", "armed_group", 3, "REB"},
		{"title and name", "French Defence Minister Pierre Lagarde visited Bamako.", "Lagarde", "FRA", "MIL", "person", 1, "FRAMIL"},
		{"apposition", "Omar Traore, adviser to the President of Mali, said the talks failed.", "Traore", "MLI", "GOV", "person", 1, "MLIGOV"},
		{"title of organisation", "Maria Lund, deputy spokesperson for the United Nations, said aid was blocked.", "Lund", "", "IGO", "person", 8, "IGOUNO"},
		{"capital as state", "Tehran issued a warning.", "Tehran", "IRN", "GOV", "state", 1, "IRNGOV"},
		{"country as subject", "Armenia denied the report.", "Armenia", "ARM", "GOV", "state", 1, "ARM"},
		{"civilians", "Ten Malian civilians were killed.", "civilians", "MLI", "CVL", "civilians", 7, "MLICVL"},
		{"rebels", "Rebels attacked a checkpoint.", "Rebels", "", "REB", "armed_group", 2, "REB"},
		{"protesters", "Protesters gathered in the square.", "Protesters", "", "OPP", "other", 6, "OPP"},
		{"organisation", "The United Nations condemned the attack.", "United Nations", "", "IGO", "organization", 8, "IGOUNO"},
		{"organisation's means of war", "A NATO airstrike hit the village.", "NATO", "", "MIL", "organization", 8, "IGOWSTNATMIL"},
		{"correspondent", "Our correspondent reported heavy fire.", "correspondent", "", "MED", "media", 0, "MED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := extract(t, c.text)
			a := find(as, c.mention)
			if a == nil {
				t.Fatalf("no mention %q in %+v", c.mention, as)
			}
			if a.Country != c.country || a.Sector != c.sector || a.Kind != c.kind || a.Inter != c.inter || a.Cameo != c.cameo {
				t.Errorf("%q = %s/%s/%s/%d/%s, want %s/%s/%s/%d/%s", a.Text, a.Country, a.Sector, a.Kind, a.Inter, a.Cameo,
					c.country, c.sector, c.kind, c.inter, c.cameo)
			}
		})
	}
}

func TestActorsNotMentions(t *testing.T) {
	cases := []struct{ name, text, notMention string }{
		{"country as place", "Shells fell on villages inside Armenia.", "Armenia"},
		{"bare title word", "The general assembly met on Monday.", "general"},
		{"month is no name", "On Monday, March was cold.", "March"},
		{"a name before a military thing", "Gunmen ambushed a Kandor military truck.", "Kandor"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := extract(t, c.text)
			if a := find(as, c.notMention); a != nil {
				t.Errorf("unexpected mention %+v", *a)
			}
		})
	}
}

func TestCoreference(t *testing.T) {
	s := "The Malian president spoke on Monday. President Amadou Keita said that the army would withdraw. " +
		"Keita added that talks would resume. He also said that aid was coming. " +
		"Foreign Minister of Syria Samir Haddad phoned his Malian counterpart, Issa Konate, and urged calm."
	as := extract(t, s)
	keita := find(as, "Amadou Keita")
	if keita == nil || keita.Country != "MLI" || keita.Sector != "GOV" {
		t.Fatalf("Keita not resolved to MLI GOV: %+v", keita)
	}
	var surname, pronoun *sitrep.Actor
	for i := range as {
		switch as[i].Text {
		case "Keita":
			surname = &as[i]
		case "He":
			pronoun = &as[i]
		}
	}
	if surname == nil || surname.Ref < 0 || as[surname.Ref].Name != "Amadou Keita" {
		t.Errorf("surname not linked: %+v", surname)
	}
	if pronoun == nil || pronoun.Name != "Amadou Keita" || pronoun.Country != "MLI" {
		t.Errorf("pronoun not resolved to Keita: %+v", pronoun)
	}
	konate := find(as, "Konate")
	if konate == nil || konate.Country != "MLI" || konate.Sector != "GOV" || konate.Kind != "person" {
		t.Errorf("counterpart not resolved: %+v", konate)
	}
	haddad := find(as, "Haddad")
	if haddad == nil || haddad.Country != "SYR" {
		t.Errorf("title of country not resolved: %+v", haddad)
	}
}

func TestTheLatterAndIts(t *testing.T) {
	as := extract(t, "The Syrian army said the latter had fired first. The Foreign Ministry in Armenia said its army withdrew.")
	latter := find(as, "the latter")
	if latter == nil || latter.Country != "SYR" {
		t.Errorf("the latter not resolved: %+v", latter)
	}
	var army *sitrep.Actor
	for i := range as {
		if as[i].Text == "its army" {
			army = &as[i]
		}
	}
	if army == nil || army.Country != "ARM" || army.Sector != "MIL" {
		t.Errorf("its army not resolved: %+v", army)
	}
}
