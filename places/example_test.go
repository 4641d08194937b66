package places_test

import (
	"fmt"

	"github.com/sitrep-project/sitrep/places"
)

func ExampleExtract() {
	text := "Shells fell on the Iranian side of the border, and the city of Ganja was hit again."
	for _, p := range places.Extract(text, nil) {
		fmt.Printf("%s: %s, %s (%s, %s) %.2f %.2f\n", p.Text, p.Name, p.Country, p.Kind, p.Cue, *p.Lat, *p.Lon)
	}
	// Output:
	// Iranian: Iran, IRN (country, pattern) 32.00 53.00
	// Ganja: Ganja, AZE (city, pattern) 40.68 46.36
}
