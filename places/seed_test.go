package places

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestSeedArticle checks the places of the project's seed article
// (shared/seed, beside the repository) against what an analyst reads in it.
func TestSeedArticle(t *testing.T) {
	var text string
	for _, dir := range []string{"../../shared/seed", "../../../shared/seed"} {
		if b, err := os.ReadFile(filepath.Join(dir, "ganja-2020-10-17.txt")); err == nil {
			text = string(b)
			break
		}
	}
	if text == "" {
		t.Skip("shared/seed not found")
	}
	ps := Extract(text, nil)
	byText := map[string][]sitrep.Place{}
	for _, p := range ps {
		byText[p.Text] = append(byText[p.Text], p)
	}
	for _, w := range []struct {
		text, country, kind string
		lat, lon            float64
	}{
		{"Ganja", "AZE", "city", 40.68, 46.36},
		{"Fuzuli", "AZE", "city", 39.60, 47.14},
		{"Moscow", "RUS", "city", 55.75, 37.62},
		{"Tehran", "IRN", "city", 35.69, 51.42},
		{"Iran", "IRN", "country", 32, 53},
		{"Armenia", "ARM", "country", 40, 45},
		{"Azerbaijan", "AZE", "country", 40.5, 47.5},
		{"Karabakh", "AZE", "region", 39.8, 46.8},
		{"Russia", "RUS", "country", 60, 100},
	} {
		found := byText[w.text]
		if len(found) == 0 {
			t.Errorf("%s not found", w.text)
			continue
		}
		for _, p := range found {
			if p.Country != w.country || p.Kind != w.kind || !p.Resolved() || km(*p.Lat, *p.Lon, w.lat, w.lon) > 25 {
				t.Errorf("%s at %d = %s %s %s, want %s %s near %.2f,%.2f", w.text, p.Start, p.Name, p.Country, p.Kind, w.country, w.kind, w.lat, w.lon)
			}
		}
	}
	for _, p := range ps {
		switch p.Cue {
		case CueGazetteer, CuePattern, CueDemonym:
		default:
			t.Errorf("%q has cue %q", p.Text, p.Cue)
		}
		if p.Kind != sitrep.PlaceCountry && p.Kind != sitrep.PlaceCity && p.Kind != sitrep.PlaceRegion {
			t.Errorf("unexpected place %q: %s %s", p.Text, p.Kind, p.Country)
		}
	}
	for _, no := range []string{"Gentile", "Aliyev", "Hajiyev", "Pashinyan", "Guterres", "Dujarric", "Al Jazeera", "Al-Jazeera", "State", "United Nations"} {
		if len(byText[no]) > 0 {
			t.Errorf("%q taken as a place", no)
		}
	}
}
