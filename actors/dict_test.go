package actors

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

// A dictionary in PETRARCH's format, written for these tests: fictional
// actors, date-ranged codes, synonyms, comments and agents.
const petrarchSample = `<!-- test actors -->
# a comment line
VELMORIA_  [VLM]
+VELMORIAN_
+KASTRO_ ; the capital, legacy comment

<!-- a comment
over two lines -->
ODRIC_BALLAN_  # a person whose office changes
	[VLMELI <20100301]
	[VLMGOV 20100301-20151231]
	[VLMOPP >20151231]
TESSA_MORN [VLM]
	[VLMMIL 150101-151231]
NORTHERN_LEAGUE_OF_TOWNS [IGOVLM]
PERRIN_HOLT [---]
GOVERNOR_OF_KASTRO [VLMGOVKAS]

!PERSON! = MAN, MEN
CHORUS!PERSON! [~CHR]
TAX_COLLECTOR [~GOVTAX]
ALMSHOUSE {} [NGO~]
FERRY {FERRIES} [~BUS]
BAD_DATE
	[VLMGOV 2004017-20061201]
`

func readSample(t *testing.T) *Dictionary {
	t.Helper()
	d, err := ReadPetrarch(strings.NewReader(petrarchSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func day(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestReadPetrarch(t *testing.T) {
	d := readSample(t)
	byPhrase := map[string]*entry{}
	for _, e := range d.actors {
		for _, p := range e.phrases {
			byPhrase[p] = e
		}
	}
	for _, p := range []string{"velmoria", "velmorian", "kastro", "odric ballan", "tessa morn", "northern league of towns", "perrin holt"} {
		if byPhrase[p] == nil {
			t.Errorf("phrase %q not read", p)
		}
	}
	if byPhrase["velmorian"] != byPhrase["velmoria"] {
		t.Error("synonym not attached to its entry")
	}
	if got := byPhrase["odric ballan"].name; got != "Odric Ballan" {
		t.Errorf("display name %q", got)
	}
	codes := []struct {
		phrase string
		date   *time.Time
		want   string
	}{
		{"odric ballan", day("2009-12-31"), "VLMELI"},
		{"odric ballan", day("2010-03-01"), "VLMELI"}, // both limits are included: the first listed wins
		{"odric ballan", day("2012-06-01"), "VLMGOV"},
		{"odric ballan", day("2016-01-01"), "VLMOPP"},
		{"odric ballan", nil, "VLMOPP"}, // no date: the code valid last
		{"tessa morn", day("2015-06-01"), "VLMMIL"},
		{"tessa morn", day("2016-06-01"), "VLM"}, // the default outside its range
		{"tessa morn", nil, "VLM"},
		{"perrin holt", nil, ""},
	}
	for _, c := range codes {
		got, _ := byPhrase[c.phrase].codeAt(c.date)
		if got != c.want {
			t.Errorf("%s on %v: %q, want %q", c.phrase, c.date, got, c.want)
		}
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "2004017") {
		t.Errorf("warnings %q, want one for the bad date", d.Warnings)
	}
	agents := map[string]dictAgent{}
	for _, a := range d.agents {
		agents[a.phrase] = a
	}
	for phrase, want := range map[string]dictAgent{
		"chorusman":      {role: "CHR"},
		"chorusmen":      {role: "CHR"},
		"tax collector":  {role: "GOVTAX"},
		"tax collectors": {role: "GOVTAX"},
		"almshouse":      {role: "NGO", prefix: true},
		"ferries":        {role: "BUS"},
	} {
		got, ok := agents[phrase]
		if !ok || got.role != want.role || got.prefix != want.prefix {
			t.Errorf("agent %q = %+v (%v), want %+v", phrase, got, ok, want)
		}
	}
	if _, ok := agents["almshouses"]; ok {
		t.Error("{} should keep the plural from being formed")
	}
	if _, ok := agents["ferrys"]; ok {
		t.Error("an explicit plural replaces the regular one")
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"SOLDIER": "SOLDIERS", "MILITIA_BOSS": "MILITIA_BOSSES", "AUTHORITY": "AUTHORITIES", "ATTORNEY": "ATTORNEYS"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

const tsvSample = "# aliases\tname\tkind\tsector\tcameo\tinter\tfrom\tuntil\tacled_name\n" +
	"Mara Quell|Quell\tMara Quell\tperson\tGOV\tMLIGOV\t1\t2019-01-01\t\t\n" +
	"Mara Quell|Quell\tMara Quell\tperson\tOPP\tMLIOPP\t6\t\t2018-12-31\t\n" +
	"Red Hand Brigade\tRed Hand Brigade\tarmed_group\tREB\tMLIREB\t2\t\t\tRed Hand Brigade (Mali)\n" +
	"warden\t\t\t\t~JUD\n"

func TestReadTSV(t *testing.T) {
	d, err := ReadTSV(strings.NewReader(tsvSample), "sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.actors) != 2 {
		t.Fatalf("%d actors, want 2 (rows of one name make one actor)", len(d.actors))
	}
	q := d.actors[0]
	if c, _ := q.codeAt(day("2020-05-01")); c != "MLIGOV" {
		t.Errorf("2020: %q", c)
	}
	if c, _ := q.codeAt(day("2017-05-01")); c != "MLIOPP" {
		t.Errorf("2017: %q", c)
	}
	if len(d.agents) != 1 || d.agents[0].role != "JUD" {
		t.Errorf("agents %+v", d.agents)
	}
	if _, err := ReadTSV(strings.NewReader("only\ttwo\n"), "bad.tsv"); err == nil {
		t.Error("a short row should be an error")
	}
}

func extractWith(t *testing.T, s, published string, d ...*Dictionary) []sitrep.Actor {
	t.Helper()
	sents, err := text.Analyze(s)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(fakeCountries{}, d...)
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Text: s, Sentences: sents}
	if published != "" {
		in.Published = day(published)
	}
	return x.ExtractInput(in)
}

func TestDictionaryActors(t *testing.T) {
	d := readSample(t)
	cases := []struct {
		name, text, date, mention string
		kind, country, cameo      string
	}{
		{"dated person", "Odric Ballan visited the port.", "2012-05-05", "Odric Ballan", "person", "VLM", "VLMGOV"},
		{"dated person later", "Odric Ballan visited the port.", "2017-05-05", "Odric Ballan", "person", "VLM", "VLMOPP"},
		{"country as subject", "Velmoria signed the treaty.", "", "Velmoria", "state", "VLM", "VLM"},
		{"country qualifies an agent", "The Velmoria government rejected the offer.", "", "government", "state", "VLM", "VLMGOV"},
		{"possessive", "Velmoria's army crossed the river.", "", "army", "state", "VLM", "VLMMIL"},
		{"of country", "The army of Velmoria crossed the river.", "", "army", "state", "VLM", "VLMMIL"},
		{"from country", "Soldiers from Velmoria crossed the river.", "", "Soldiers", "state", "VLM", "VLMMIL"},
		{"synonym as capital", "Kastro warned the rebels.", "", "Kastro", "state", "VLM", "VLM"},
		{"dictionary agent role", "A Velmorian tax collector was seized.", "", "tax collector", "state", "VLM", "VLMGOVTAX"},
		{"prefix agent", "The Velmoria almshouse appealed for food.", "", "almshouse", "organization", "VLM", "NGOVLM"},
		{"international code", "The Northern League of Towns met on Monday.", "", "Northern League", "organization", "", "IGOVLM"},
		{"title before a dictionary name", "Velmorian President Odric Ballan spoke.", "2012-05-05", "Odric Ballan", "person", "VLM", "VLMGOV"},
		{"dictionary name before the grammar", "The Governor of Kastro closed the port.", "", "Governor of Kastro", "state", "VLM", "VLMGOVKAS"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := extractWith(t, c.text, c.date, d)
			a := find(as, c.mention)
			if a == nil {
				t.Fatalf("no mention %q in %+v", c.mention, as)
			}
			if a.Kind != c.kind || a.Country != c.country || a.Cameo != c.cameo {
				t.Errorf("%q = %s/%s/%s, want %s/%s/%s", a.Text, a.Kind, a.Country, a.Cameo, c.kind, c.country, c.cameo)
			}
		})
	}
	// without the dictionary, the same text names nobody known
	if a := find(extractWith(t, "Velmoria signed the treaty.", ""), "Velmoria"); a != nil && a.Cameo == "VLM" {
		t.Errorf("dictionary actor known without the dictionary: %+v", *a)
	}
}

func TestDictionaryAcronymCase(t *testing.T) {
	d, err := ReadPetrarch(strings.NewReader("UNA_ [IGOUNA]\n"), "s")
	if err != nil {
		t.Fatal(err)
	}
	if a := find(extractWith(t, "Una said the talks failed.", "", d), "Una"); a != nil && a.Cameo == "IGOUNA" {
		t.Errorf("a short name matched in lower case: %+v", *a)
	}
	if a := find(extractWith(t, "UNA said the talks failed.", "", d), "UNA"); a == nil || a.Cameo != "IGOUNA" {
		t.Errorf("UNA not matched: %+v", a)
	}
}

func TestTSVDictionary(t *testing.T) {
	d, err := ReadTSV(strings.NewReader(tsvSample), "sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	as := extractWith(t, "Mara Quell met the Red Hand Brigade on Monday. Quell said the warden agreed.", "2020-05-01", d)
	q := find(as, "Mara Quell")
	if q == nil || q.Kind != "person" || q.Cameo != "MLIGOV" || q.Country != "MLI" || q.Sector != "GOV" {
		t.Errorf("Mara Quell: %+v", q)
	}
	b := find(as, "Red Hand")
	if b == nil || b.Kind != "armed_group" || b.Inter != 2 || b.ACLEDName != "Red Hand Brigade (Mali)" {
		t.Errorf("Red Hand Brigade: %+v", b)
	}
	var later *sitrep.Actor
	for i := range as {
		if as[i].Text == "Quell" {
			later = &as[i]
		}
	}
	if later == nil || later.Name != "Mara Quell" || later.Cameo != "MLIGOV" {
		t.Errorf("surname not linked: %+v", later)
	}
}
