package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/merge"
)

func sp(s string) *string   { return &s }
func ip(n int) *int         { return &n }
func fp(f float64) *float64 { return &f }

// events returns three merged events written for these tests: a shelling
// in Ganja reported twice and denied, a statement with no place, and a
// total.
func events() []*sitrep.MergedEvent {
	ganja := &sitrep.Place{Text: "Ganja", Name: "Ganja", Country: "AZE", Admin1: "Ganja", Kind: sitrep.PlaceCity, GeonameID: ip(587084), Lat: fp(40.68276), Lon: fp(46.36056)}
	shelling := sitrep.Event{
		ID: "e1", Text: "Armenian shelling killed 12 civilians in Ganja,\tthe prosecutor said.", Trigger: "shelling",
		Cameo: "194", Plover: "ASSAULT", PloverMode: sp("heavy-weapons"),
		ACLEDEventType: sp("Explosions/Remote violence"), ACLEDSubEventType: sp("Shelling/artillery/missile attack"),
		Actor1:   &sitrep.Actor{Text: "Armenian", ACLEDName: "Military Forces of Armenia", Country: "ARM", Sector: "MIL", Inter: 1, Cameo: "ARMMIL"},
		Actor2:   &sitrep.Actor{Text: "civilians", ACLEDName: "Civilians (Azerbaijan)", Country: "AZE", Sector: "CVL", Inter: 7, Cameo: "AZECVL"},
		Location: ganja, GeoPrecision: ip(1),
		Date:   sitrep.EventDate{Start: sp("2020-10-16"), End: sp("2020-10-16"), Precision: sitrep.PrecisionDay, Text: sp("yesterday")},
		Killed: sitrep.NewCount(12, 12, 12), Injured: sitrep.NewCount(41, 41, -1), Victims: sp(sitrep.VictimsCivilians),
		Scope: sitrep.ScopeIncident, Confidence: 0.8,
		Claims: []sitrep.Claim{
			{Claimant: &sitrep.Actor{Text: "the Prosecutor's Office", Name: "Prosecutor's Office", Country: "AZE"}, Stance: sitrep.Asserts, Cue: "reported", Killed: sitrep.NewCount(12, 12, 12)},
			{Claimant: &sitrep.Actor{Text: "Armenia", Name: "Armenia", Country: "ARM"}, Stance: sitrep.Denies, Cue: "denied"},
		},
	}
	second := shelling
	second.Claims = []sitrep.Claim{{Stance: sitrep.Asserts, Cue: "said", Killed: sitrep.NewCount(13, 13, 13)}}
	second.Killed = sitrep.NewCount(13, 13, 13)
	aj, rt := "Al Jazeera", "Reuters"
	pub, url := "2020-10-17", "https://example.org/ganja"
	g := merge.Reconcile("1", []sitrep.Mention{
		{ID: "seed/e1", Source: sitrep.Source{ArticleID: "seed", Outlet: &aj, Published: &pub, URL: &url}, Event: shelling},
		{ID: "wire/e1", Source: sitrep.Source{ArticleID: "wire", Outlet: &rt, Published: &pub}, Event: second},
	}, []sitrep.MergeNote{{Mention: "seed/e1", Reason: "first report", Score: 1}, {Mention: "wire/e1", Reason: "same place", Score: 0.9}}, merge.Conservative)

	statement := sitrep.Event{ID: "e2", Text: "The UN condemned attacks on civilians.", Cameo: "111", Plover: "ACCUSE",
		Actor1: &sitrep.Actor{Text: "the UN", Name: "United Nations", Sector: "IGO", Cameo: "IGOUNO"},
		Date:   sitrep.EventDate{End: sp("2020-10-17"), Precision: sitrep.PrecisionUnknown}, Scope: sitrep.ScopeIncident, Confidence: 0.5, Claims: []sitrep.Claim{}}
	s := merge.Reconcile("2", []sitrep.Mention{{ID: "seed/e2", Source: sitrep.Source{ArticleID: "seed", Outlet: &aj}, Event: statement}}, nil, merge.Conservative)

	total := shelling
	total.Scope, total.Killed, total.Location, total.GeoPrecision = sitrep.ScopeAggregate, sitrep.NewCount(47, 47, 47), nil, nil
	total.ACLEDEventType, total.ACLEDSubEventType = sp("Violence against civilians"), sp("Attack")
	agg := merge.Reconcile("3", []sitrep.Mention{{ID: "seed/e3", Source: sitrep.Source{ArticleID: "seed", Outlet: &aj}, Event: total}}, nil, merge.Conservative)
	return []*sitrep.MergedEvent{g, s, agg}
}

func write(t *testing.T, format string) (string, Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Write(&buf, format, events(), Options{Now: time.Unix(1602900000, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return buf.String(), res
}

// readCSV reads a CSV export into its header and rows as maps.
func readCSV(t *testing.T, data string, comma rune) ([]string, []map[string]string) {
	t.Helper()
	r := csv.NewReader(strings.NewReader(data))
	r.Comma = comma
	if comma == '\t' {
		r.LazyQuotes = true
	}
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not %q-separated: %v", comma, err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return recs[0], rows
}

// acledColumns is the export layout as docs/codebooks.md lists it.
const acledColumns = "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp"

func TestACLED(t *testing.T) {
	out, res := write(t, "acled")
	header, rows := readCSV(t, out, ',')
	if strings.Join(header, ", ") != acledColumns || len(header) != 31 {
		t.Errorf("header %v", header)
	}
	if res.Written != 1 || res.Skipped != 2 || len(rows) != 1 {
		t.Fatalf("result %+v, %d rows: want the shelling only", res, len(rows))
	}
	r := rows[0]
	want := map[string]string{
		"event_id_cnty": "AZE1", "event_date": "2020-10-16", "year": "2020", "time_precision": "1",
		"disorder_type": "Political violence", "sub_event_type": "Shelling/artillery/missile attack",
		"actor1": "Military Forces of Armenia", "inter1": "1", "inter2": "7", "interaction": "17", "civilian_targeting": "Civilian targeting",
		"iso": "31", "region": "Caucasus and Central Asia", "country": "Azerbaijan", "location": "Ganja",
		"latitude": "40.6828", "longitude": "46.3606", "geo_precision": "1", "source": "Al Jazeera; Reuters",
		"fatalities": "12", "timestamp": "1602900000",
	}
	for k, v := range want {
		if r[k] != v {
			t.Errorf("%s = %q, want %q", k, r[k], v)
		}
	}
	if !strings.Contains(r["notes"], "denied by Armenia") || !strings.Contains(r["notes"], "the Prosecutor's Office: 12; the outlet: 13") {
		t.Errorf("notes %q", r["notes"])
	}
}

func TestUCDP(t *testing.T) {
	out, res := write(t, "ucdp")
	header, rows := readCSV(t, out, ',')
	if len(header) != 49 {
		t.Errorf("%d columns, want 49", len(header))
	}
	// The published layout, as UCDP's own sample file has it.
	if f, err := os.Open(filepath.Join(eval.SharedDir(), "data", "ucdp-ged-sample", "ucdpged_sample_ged231.csv")); err == nil {
		first, _ := bufio.NewReader(f).ReadString('\n')
		f.Close()
		if strings.TrimSpace(first) != strings.Join(header, ",") {
			t.Errorf("header differs from the GED sample's:\n%s\n%s", strings.Join(header, ","), first)
		}
	}
	if res.Written != 2 || len(rows) != 2 {
		t.Fatalf("result %+v: want the shelling and the total", res)
	}
	r := rows[0]
	want := map[string]string{
		"id": "1", "type_of_violence": "3", "side_a": "Military Forces of Armenia", "side_b": "Civilians",
		"number_of_sources": "2", "source_office": "Al Jazeera;Reuters", "source_original": "Prosecutor's Office",
		"where_prec": "1", "where_coordinates": "Ganja", "latitude": "40.682760", "priogrid_gid": "188373",
		"geom_wkt": "POINT (46.360560 40.682760)", "country": "Azerbaijan", "region": "Europe",
		"event_clarity": "1", "date_prec": "1", "date_start": "2020-10-16", "date_end": "2020-10-16",
		"deaths_civilians": "12", "best": "12", "low": "12", "high": "13",
	}
	for k, v := range want {
		if r[k] != v {
			t.Errorf("%s = %q, want %q", k, r[k], v)
		}
	}
	if rows[1]["event_clarity"] != "2" || rows[1]["where_prec"] != "7" {
		t.Errorf("total: clarity %s, where_prec %s", rows[1]["event_clarity"], rows[1]["where_prec"])
	}
}

func TestPriogrid(t *testing.T) {
	// The cell of the first event of the GED sample.
	if g := priogrid(35.763369, 36.558974); g != 181154 {
		t.Errorf("priogrid = %d, want 181154", g)
	}
}

func TestPhoenix(t *testing.T) {
	out, res := write(t, "cameo")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if res.Written != 3 || len(lines) != 4 {
		t.Fatalf("%+v, %d lines", res, len(lines))
	}
	header := strings.Split(lines[0], "\t")
	if strings.Join(header, ",") != strings.Join(PhoenixColumns, ",") || len(header) != 26 {
		t.Errorf("header %v", header)
	}
	for i, l := range lines[1:] {
		if n := len(strings.Split(l, "\t")); n != 26 {
			t.Errorf("line %d has %d fields", i+2, n)
		}
	}
	f := strings.Split(lines[1], "\t")
	got := map[string]string{}
	for i, h := range header {
		got[h] = f[i]
	}
	want := map[string]string{"Date": "20201016", "SourceActorFull": "ARMMIL", "SourceActorEntity": "ARM", "SourceActorRole": "MIL",
		"TargetActorFull": "AZECVL", "EventCode": "194", "EventRootCode": "19", "QuadClass": "4", "CountryCode": "AZE",
		"SentenceID": "seed/e1", "URLs": "https://example.org/ganja", "NewsSources": "Al Jazeera;Reuters"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if s := strings.Split(lines[2], "\t"); s[15] != "3" || s[6] != "IGO" || s[7] != "UNO" {
		t.Errorf("statement: quad %s, entity %s, role %s", s[15], s[6], s[7])
	}
}

func TestPLOVER(t *testing.T) {
	out, res := write(t, "plover")
	var recs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, m)
	}
	if res.Written != 3 || len(recs) != 3 {
		t.Fatalf("%+v", res)
	}
	r := recs[0]
	loc, _ := r["eventLoc"].(map[string]any)
	src, _ := r["source"].([]any)
	if r["event"] != "ASSAULT" || r["mode"] != "heavy-weapons" || r["date"] != "2020-10-16" || r["dead"] != 12.0 || loc["name"] != "Ganja" || loc["country code"] != "AZ" || len(src) != 1 {
		t.Errorf("record %v", r)
	}
	if a := src[0].(map[string]any); a["code"] != "ARM" || a["sector"] != "MIL" || a["actorText"] != "Armenian" {
		t.Errorf("source actor %v", a)
	}
	if a := recs[1]["source"].([]any)[0].(map[string]any); a["code"] != "IGOUNO" {
		t.Errorf("an IGO's code: %v", a)
	}
}

func TestGeoJSON(t *testing.T) {
	out, res := write(t, "geojson")
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			ID       string `json:"id"`
			Geometry *struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 3 || res.Written != 3 {
		t.Fatalf("%s with %d features", fc.Type, len(fc.Features))
	}
	f := fc.Features[0]
	if f.Type != "Feature" || f.Geometry == nil || f.Geometry.Type != "Point" || f.Geometry.Coordinates[0] != 46.36056 || f.Geometry.Coordinates[1] != 40.68276 {
		t.Errorf("feature %+v", f)
	}
	if f.Properties["fatalities"] != 12.0 || f.Properties["location"] != "Ganja" {
		t.Errorf("properties %v", f.Properties)
	}
	if fc.Features[1].Geometry != nil {
		t.Errorf("an event with no place has a geometry")
	}
}

func TestJSONLRoundTrips(t *testing.T) {
	out, res := write(t, "jsonl")
	want := events()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if res.Written != 3 || len(lines) != 3 {
		t.Fatalf("%+v", res)
	}
	for i, l := range lines {
		var got sitrep.MergedEvent
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&got, want[i]) {
			t.Errorf("event %d does not round-trip:\n%s", i, l)
		}
		var m map[string]any
		json.Unmarshal([]byte(l), &m)
		for _, k := range []string{"id", "cameo", "plover", "killed", "claims", "disputed", "confidence", "sources", "merge"} {
			if _, ok := m[k]; !ok {
				t.Errorf("event %d has no %q", i, k)
			}
		}
	}
	var first map[string]any
	json.Unmarshal([]byte(lines[0]), &first)
	claim := first["claims"].([]any)[0].(map[string]any)
	if claim["article_id"] != "seed" || claim["outlet"] != "Al Jazeera" || claim["stance"] != "asserts" {
		t.Errorf("claim %v", claim)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := Write(&bytes.Buffer{}, "xml", nil, Options{}); sitrep.ErrorCode(err) != sitrep.EInvalid {
		t.Errorf("err = %v", err)
	}
}
