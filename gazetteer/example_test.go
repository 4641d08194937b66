package gazetteer_test

import (
	"fmt"

	"github.com/sitrep-project/sitrep/gazetteer"
)

func Example() {
	g := gazetteer.Default()
	c, _ := g.Demonym("Azeri")
	fmt.Println(c.Name, c.ISO3)
	c, _ = g.Capital("Kiev")
	fmt.Println(c.Name)
	e := g.Places("Gəncə")[0]
	fmt.Println(e.Name, e.Country, e.Kind, e.GeonameID, e.Lat, e.Lon)
	// Output:
	// Azerbaijan AZE
	// Ukraine
	// Ganja AZE city 586523 40.68278 46.36056
}
