package main

import (
	"math"
	"reflect"
	"testing"
)

func TestAlternates(t *testing.T) {
	got := alternates("Ganja", []string{"Ganja", "GNJ", "Gəncə", "Gence", "Gäncä", "ganja", "Гянджа", "Elisavetpol", "Ka", "Kirovabad2"})
	want := []string{"Gəncə", "Gence", "Elisavetpol"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("alternates = %q, want %q", got, want)
	}
}

func TestUsableName(t *testing.T) {
	for name, want := range map[string]bool{
		"Ganja": true, "Ma'arrat al-Nu'man": true, "Ts’khinvali": true, "St. Louis": true,
		"GNJ": false, "ganja": false, "Ka": false, "Гянджа": false, "Route 66": false, "A/B": false,
	} {
		if got := usableName(name); got != want {
			t.Errorf("usableName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestDivisionAliases(t *testing.T) {
	for name, want := range map[string][]string{
		"Lorestan Province":    {"Lorestan"},
		"Idlib":                nil,
		"Province of Rome":     {"Rome"},
		"Damascus Governorate": {"Damascus"},
	} {
		if got := divisionAliases(name); !reflect.DeepEqual(got, want) {
			t.Errorf("divisionAliases(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLeadingDivisionAliases(t *testing.T) {
	for name, want := range map[string][]string{
		"Province of Laguna":      {"Laguna"},
		"Provincia de Yauyos":     {"Yauyos"},
		"Provincia del Tamarugal": {"Tamarugal"},
		"Partido de La Matanza":   {"La Matanza"},
		"Province du Kadiogo":     {"Kadiogo"},
		"Walsh County":            nil,
		"Comuna Bâra":             nil,
	} {
		if got := leadingDivisionAliases(name); !reflect.DeepEqual(got, want) {
			t.Errorf("leadingDivisionAliases(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestAreaCentre(t *testing.T) {
	var a area
	for _, p := range [][2]float64{{10, 20}, {12, 24}, {11, 21}} {
		a.add(p[0], p[1], 100)
	}
	if lat, lon := a.centre(); lat != 11 || lon != 22 || a.pop != 300 {
		t.Errorf("centre = %v, %v (pop %d)", lat, lon, a.pop)
	}
	// Across the 180th meridian the narrower box wins.
	var b area
	b.add(-17, 178, 0)
	b.add(-18, -179, 0)
	if _, lon := b.centre(); math.Abs(math.Abs(lon)-179.5) > 1e-9 {
		t.Errorf("centre across the meridian at lon %v, want ±179.5", lon)
	}
}

func TestCountryRows(t *testing.T) {
	files := map[string][]byte{
		"data/AU.txt":     []byte("2077456\tCommonwealth of Australia\tx\ty\t-25\t135\tA\tPCLI\tAU\n2147714\tSydney\tx\ty\t-33.9\t151.2\tP\tPPLA\tAU\n"),
		"data/readme.txt": []byte("not a dump"),
	}
	got := countryRows(files)
	if len(got) != 1 || got["AU"] != (point{2077456, -25, 135}) {
		t.Errorf("countryRows = %v", got)
	}
}

func TestSimilarNames(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Gjirokaster", "Gjirokastër County", true},
		{"Fuezuli", "Fuzuli District", true},
		{"Kemerovo Oblast", "Kemerovo", true},
		{"Long An Province", "Bac Ninh", false},
		{"Changhua", "Fukien", false},
		{"Province", "District", false},
	} {
		if got := similarNames(tt.a, tt.b); got != tt.want {
			t.Errorf("similarNames(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestReadIDs(t *testing.T) {
	data := []byte(`{"CA": {"iso": "CA", "reference": {"geonames": 6251999}, "regions": [
		{"name": "Alberta", "names": {"geonames": "Alberta"}, "admin": "01", "reference": {"geonames": 5883102}},
		{"name": "Nowhere", "names": {}, "admin": null, "reference": {"geonames": 1}}]},
		"VN": {"iso": "VN", "reference": {"geonames": 1562822}, "regions": [
		{"name": "Long An Province", "names": {}, "admin": "24", "reference": {"geonames": 1575788}}]}}`)
	ids, err := readIDs(data)
	if err != nil {
		t.Fatal(err)
	}
	if ids.countries["CA"] != 6251999 || ids.countries["VN"] != 1562822 {
		t.Errorf("countries = %v", ids.countries)
	}
	if id, ok := ids.admin1ID("CA.01", "Alberta"); !ok || id != 5883102 {
		t.Errorf("admin1ID(CA.01, Alberta) = %d, %v", id, ok)
	}
	// A code the package lists under another name is not trusted.
	if id, ok := ids.admin1ID("VN.24", "Bac Ninh"); ok {
		t.Errorf("admin1ID(VN.24, Bac Ninh) = %d, want none", id)
	}
}

func TestBareName(t *testing.T) {
	for name, want := range map[string]string{
		"Région de l'Extrême-Nord": "Extrême-Nord",
		"Provincia del Chaco":      "Chaco",
		"Sud-Kivu":                 "Sud-Kivu",
		"Lorestan Province":        "Lorestan",
		"Province":                 "",
	} {
		if got := bareName(name); got != want {
			t.Errorf("bareName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestOtherNames(t *testing.T) {
	words := map[string]int{"far": 10, "north": 10}
	countries := map[string]bool{"congo": true}
	got := otherNames([]string{"Sud-Kivu", "Sud-Kivu", "Nord", "Far North", "Congo", "South Kivu"},
		[]string{"South Kivu"}, words, countries)
	if !reflect.DeepEqual(got, []string{"Sud-Kivu"}) {
		t.Errorf("otherNames = %q, want [Sud-Kivu]", got)
	}
}
