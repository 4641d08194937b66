package gazetteer

import (
	"math"
	"strings"
	"testing"
)

// near reports whether two points are within km kilometres.
func near(lat1, lon1, lat2, lon2, km float64) bool {
	const r = 6371
	p := math.Pi / 180
	dlat, dlon := (lat2-lat1)*p, (lon2-lon1)*p
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*p)*math.Cos(lat2*p)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2*r*math.Asin(math.Sqrt(h)) <= km
}

func TestCountry(t *testing.T) {
	g := Default()
	tests := []struct {
		name, want string // want "" for no match
	}{
		{"Azerbaijan", "AZE"},
		{"azerbaijan", "AZE"},
		{"Republic of Azerbaijan", "AZE"},
		{"the United States", "USA"},
		{"United States of America", "USA"},
		{"U.S.", "USA"},
		{"US", "USA"},
		{"USA", "USA"},
		{"AZE", "AZE"},
		{"AZ", "AZE"},
		{"Iran", "IRN"},
		{"Islamic Republic of Iran", "IRN"},
		{"Persia", "IRN"},
		{"UK", "GBR"},
		{"Britain", "GBR"},
		{"Great Britain", "GBR"},
		{"Turkey", "TUR"},
		{"Türkiye", "TUR"},
		{"Jordan", "JOR"},
		{"Georgia", "GEO"},
		{"Burma", "MMR"},
		{"Ivory Coast", "CIV"},
		{"Côte d'Ivoire", "CIV"},
		{"Cote d’Ivoire", "CIV"},
		{"DRC", "COD"},
		{"Palestinian territories", "PSE"},
		{"UAE", "ARE"},
		// Negatives: words, lower-case codes, unknown names.
		{"us", ""},
		{"per", ""},
		{"May", ""},
		{"Armenian", ""},
		{"Karabakh", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := g.Country(tt.name)
			if got := c.ISO3; got != tt.want || ok != (tt.want != "") {
				t.Errorf("Country(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
			}
		})
	}
}

func TestCountryName(t *testing.T) {
	g := Default()
	for name, want := range map[string]string{"U.S.": "USA", "UK": "GBR", "UAE": "ARE", "Armenia": "ARM", "IN": "", "AM": "", "IT": "", "AZE": ""} {
		c, ok := g.CountryName(name)
		if c.ISO3 != want || ok != (want != "") {
			t.Errorf("CountryName(%q) = %q, %v; want %q", name, c.ISO3, ok, want)
		}
	}
}

func TestCountryFields(t *testing.T) {
	g := Default()
	c, ok := g.CountryByISO3("aze")
	if !ok {
		t.Fatal("CountryByISO3(aze) not found")
	}
	if c.ISO2 != "AZ" || c.Name != "Azerbaijan" || c.Capital != "Baku" || !c.Independent || !c.UNMember {
		t.Errorf("Azerbaijan = %+v", c)
	}
	if !near(c.Lat, c.Lon, 40.5, 47.5, 50) {
		t.Errorf("Azerbaijan at %v,%v", c.Lat, c.Lon)
	}
	if _, ok := g.CountryByISO3("XYZ"); ok {
		t.Error("CountryByISO3(XYZ) found")
	}
	if c, ok := g.CountryByISO2("ir"); !ok || c.ISO3 != "IRN" {
		t.Errorf("CountryByISO2(ir) = %q, %v", c.ISO3, ok)
	}
	if n := len(g.Countries()); n < 240 {
		t.Errorf("%d countries", n)
	}
}

func TestDemonym(t *testing.T) {
	g := Default()
	tests := []struct{ word, want string }{
		{"Armenian", "ARM"},
		{"Armenians", "ARM"},
		{"Azerbaijani", "AZE"},
		{"Azerbaijanis", "AZE"},
		{"Azeri", "AZE"},
		{"Azeris", "AZE"},
		{"Iranian", "IRN"},
		{"Syrian", "SYR"},
		{"Ukrainian", "UKR"},
		{"Russian", "RUS"},
		{"American", "USA"},
		{"Americans", "USA"},
		{"British", "GBR"},
		{"Briton", "GBR"},
		{"Israeli", "ISR"},
		{"Palestinian", "PSE"},
		{"Emirati", "ARE"},
		{"Saudi", "SAU"},
		{"Turkish", "TUR"},
		{"Indian", "IND"},
		{"French", "FRA"},
		{"Dutch", "NLD"},
		{"Congolese", "COD"},
		{"Georgian", "GEO"},
		{"Lebanese", "LBN"},
		{"Filipino", "PHL"},
		{"Kurdish", ""},
		{"Arab", ""},
		{"Armenia", ""},
		{"Monday", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			c, ok := g.Demonym(tt.word)
			if c.ISO3 != tt.want || ok != (tt.want != "") {
				t.Errorf("Demonym(%q) = %q, %v; want %q", tt.word, c.ISO3, ok, tt.want)
			}
		})
	}
}

func TestCapital(t *testing.T) {
	g := Default()
	tests := []struct{ name, want string }{
		{"Tehran", "IRN"},
		{"Moscow", "RUS"},
		{"Kyiv", "UKR"},
		{"Kiev", "UKR"},
		{"Baku", "AZE"},
		{"Yerevan", "ARM"},
		{"Washington", "USA"},
		{"Washington D.C.", "USA"},
		{"Damascus", "SYR"},
		{"Victoria", "SYC"},
		{"Ganja", ""},
		{"Aleppo", ""},
		{"Armenia", ""},
		{"May", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := g.Capital(tt.name)
			if c.ISO3 != tt.want || ok != (tt.want != "") {
				t.Errorf("Capital(%q) = %q, %v; want %q", tt.name, c.ISO3, ok, tt.want)
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	g := Default()
	tests := []struct {
		name     string
		country  string // of the best entry
		kind     string
		lat, lon float64
		id       int // 0: do not check
	}{
		{"Ganja", "AZE", KindCity, 40.68, 46.36, 586523},
		{"Gəncə", "AZE", KindCity, 40.68, 46.36, 586523},
		{"Fuzuli", "AZE", KindCity, 39.60, 47.14, 148106},
		{"Füzuli", "AZE", KindCity, 39.60, 47.14, 148106},
		{"Moscow", "RUS", KindCity, 55.75, 37.62, 524901},
		{"Tehran", "IRN", KindCity, 35.69, 51.42, 112931},
		{"TEHRAN", "IRN", KindCity, 35.69, 51.42, 112931},
		{"Kiev", "UKR", KindCity, 50.45, 30.52, 703448},
		{"Idlib", "SYR", KindCity, 35.93, 36.63, 0},
		{"Donetsk", "UKR", KindCity, 48.02, 37.80, 0},
		{"Gaza", "PSE", KindCity, 31.50, 34.47, 0},
		{"Gaza Strip", "PSE", KindAdmin1, 31.4, 34.4, 0},
		{"Nagorno-Karabakh", "AZE", KindRegion, 39.8, 46.8, 0},
		{"Nagorno Karabakh", "AZE", KindRegion, 39.8, 46.8, 0},
		{"Karabakh", "AZE", KindRegion, 39.8, 46.8, 0},
		{"Donbas", "UKR", KindRegion, 48.0, 38.5, 0},
		{"Lorestan", "IRN", KindAdmin1, 33.5, 48.3, 0},
		{"New York", "USA", KindAdmin1, 42.9, -75.5, 0},
		{"New York City", "USA", KindCity, 40.71, -74.01, 0},
		{"Victoria", "AUS", KindAdmin1, -36.5, 145.5, 0},
		{"Tskhinvali", "GEO", KindCity, 42.23, 43.97, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := g.Places(tt.name)
			if len(es) == 0 {
				t.Fatalf("Places(%q) is empty", tt.name)
			}
			e := es[0]
			if e.Country != tt.country || e.Kind != tt.kind || !near(e.Lat, e.Lon, tt.lat, tt.lon, 60) {
				t.Errorf("Places(%q)[0] = %s %s %s at %.2f,%.2f; want %s %s at %.2f,%.2f",
					tt.name, e.Name, e.Country, e.Kind, e.Lat, e.Lon, tt.country, tt.kind, tt.lat, tt.lon)
			}
			if tt.id != 0 && e.GeonameID != tt.id {
				t.Errorf("Places(%q)[0].GeonameID = %d, want %d", tt.name, e.GeonameID, tt.id)
			}
		})
	}
}

func TestPlacesOrder(t *testing.T) {
	g := Default()
	es := g.Places("Washington")
	if len(es) < 10 || !es[0].Capital || es[0].Country != "USA" {
		t.Fatalf("Places(Washington)[0] = %+v of %d", es[0], len(es))
	}
	// A place comes before the same-named division it lies in.
	es = g.Places("Idlib")
	if len(es) < 2 || es[0].Kind != KindCity || es[1].Kind != KindAdmin1 {
		t.Errorf("Places(Idlib) = %+v", es)
	}
	if es[0].Admin1 != "Idlib" || es[0].Admin1Code != "SY.12" {
		t.Errorf("Idlib's admin1 = %q (%q)", es[0].Admin1, es[0].Admin1Code)
	}
	if n := len(g.Candidates("Washington", 3)); n != 3 {
		t.Errorf("Candidates(Washington, 3) gave %d", n)
	}
}

// A third-order seat GeoNames gives no population weighs as a typical
// one, so that it is no lighter than a hamlet of ten people.
func TestMinorSeatWeight(t *testing.T) {
	seat := Entry{Kind: KindCity, Feature: "PPLA3"}
	if w := seat.Weight(); w != minorSeatPopulation {
		t.Errorf("weight of a third-order seat of unknown population = %v", w)
	}
	seat.Population = 200
	if w := seat.Weight(); w != 200 {
		t.Errorf("weight of a third-order seat of 200 people = %v", w)
	}
	if w := (Entry{Kind: KindCity, Feature: "PPL"}).Weight(); w != 0 {
		t.Errorf("weight of a place of unknown population = %v", w)
	}
	var found bool
	for _, e := range Default().Places("Valenzuela") {
		found = found || e.Country == "PHL" && e.Feature == "PPLA3"
	}
	if !found {
		t.Error("Places(Valenzuela) lacks the Philippine city, a third-order seat")
	}
}

// A settlement keeps its alternate names whatever its size.
func TestSettlementAlternates(t *testing.T) {
	var found bool
	for _, e := range Default().Places("Yitzhar") {
		found = found || e.Feature == "STLMT"
	}
	if !found {
		t.Error("Places(Yitzhar) lacks the settlement Yiẕhar")
	}
}

func TestPlacesNegative(t *testing.T) {
	g := Default()
	for _, name := range []string{"Monday", "May", "Gentile", "Aliyev", "Guterres", "Armenian", "", "   ", "--"} {
		if es := g.Places(name); len(es) != 0 {
			t.Errorf("Places(%q) = %s %s, want none", name, es[0].Name, es[0].Country)
		}
	}
	// Countries are looked up with Country, not Places.
	for _, name := range []string{"Azerbaijan", "Iran"} {
		for _, e := range g.Places(name) {
			if e.Kind == "country" {
				t.Errorf("Places(%q) has a country", name)
			}
		}
	}
}

func TestNamed(t *testing.T) {
	g := Default()
	for _, name := range []string{"Ganja", "ganja", "Saint-Denis", "São Paulo", "Springfield", "Monday", "Aliyev", "Azerbaijan", "", "--", strings.Repeat("Long ", 20)} {
		if got, want := g.Named(name), len(g.Places(name)) > 0; got != want {
			t.Errorf("Named(%q) = %v, want %v as Places says", name, got, want)
		}
	}
}

func TestAliasOnly(t *testing.T) {
	g := Default()
	for _, name := range []string{"Rasin", "Racine", "Geneva", "Genève", "Kiev", "Bombay", "Springfield", "Monday", ""} {
		for _, n := range []int{0, 1, 5} {
			want := true
			for _, e := range g.Candidates(name, n) {
				want = want && e.Alias
			}
			if got := g.AliasOnly(name, n); got != want {
				t.Errorf("AliasOnly(%q, %d) = %v, want %v as Candidates says", name, n, got, want)
			}
		}
	}
	if !g.AliasOnly("Rasin", 0) || g.AliasOnly("Racine", 0) {
		t.Error(`want "Rasin" only an alternate name, "Racine" a name of its own`)
	}
}

func TestCommonWord(t *testing.T) {
	g := Default()
	for word, want := range map[string]bool{"Nice": true, "Reading": true, "police": true, "Of": true, "Will": true, "Gentile": true, "Ganja": false, "Moscow": false, "Aliyev": false} {
		if _, got := g.CommonWord(word); got != want {
			t.Errorf("CommonWord(%q) = %v, want %v", word, got, want)
		}
	}
}

func TestHasAndMaxWords(t *testing.T) {
	g := Default()
	if !g.Has("ganja") || g.Has("Ganja") || g.Has("monday") {
		t.Error("Has works on folded keys only")
	}
	if n := g.MaxWords(); n < 3 {
		t.Errorf("MaxWords = %d", n)
	}
}

// BenchmarkLoad loads the gazetteer as the program does, with the
// prebuilt name index.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if g, err := load(true); err != nil || !g.prebuilt {
			b.Fatal(err, "or the prebuilt index unused")
		}
	}
}

// BenchmarkLoadFromRows loads the gazetteer building the name index from
// the rows, as when the prebuilt one is stale.
func BenchmarkLoadFromRows(b *testing.B) {
	for b.Loop() {
		if _, err := load(false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlaces(b *testing.B) {
	g := Default()
	names := []string{"Ganja", "Washington", "Nagorno-Karabakh", "Nowhere Special", "Idlib"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.Places(names[i%len(names)])
	}
}

func TestGeoNamesIDs(t *testing.T) {
	g := Default()
	for iso3, id := range map[string]int{"USA": 6252001, "CAN": 6251999, "AZE": 587116, "ARM": 174982, "SYR": 163843} {
		c, ok := g.CountryByISO3(iso3)
		if !ok || c.GeonameID != id {
			t.Errorf("CountryByISO3(%s).GeonameID = %d, want %d", iso3, c.GeonameID, id)
		}
	}
	for name, id := range map[string]int{"Alberta": 5883102, "Ontario": 6093943} {
		es := g.Places(name)
		if len(es) == 0 || es[0].Kind != KindAdmin1 || es[0].GeonameID != id {
			t.Errorf("Places(%q)[0] = %+v, want the division with GeoNames id %d", name, es, id)
		}
	}
}

func TestAliases(t *testing.T) {
	g := Default()
	for alias, id := range map[string]int{"Hodeidah": 79415, "Deir Ezzor": 170794, "Ras al-Ain": 165509, "Nabatieh": 278913} {
		es := g.Places(alias)
		if len(es) == 0 || es[0].GeonameID != id || es[0].Alias {
			t.Errorf("Places(%q) = %+v, want GeoNames %d as its own name", alias, es, id)
		}
	}
}

func TestSoundCandidates(t *testing.T) {
	g := Default()
	for name, id := range map[string]int{"Mirpurkhas": 1170295, "Gyandja": 586523, "Qalqiliyah": 282457} {
		es := g.SoundCandidates(name, 3)
		found := false
		for _, e := range es {
			found = found || e.GeonameID == id
		}
		if !found {
			t.Errorf("SoundCandidates(%q) = %+v, want GeoNames %d among them", name, es, id)
		}
	}
	if es := g.SoundCandidates("Kiv", 0); es != nil {
		t.Errorf("SoundCandidates of a short key = %+v, want none", es)
	}
}
