package actors

import "github.com/sitrep-project/sitrep"

// cameoSector maps sitrep sectors to CAMEO agent codes (CAMEO manual,
// Schrodt 2012: GOV, MIL, JUD, COP for police, REB, OPP, CVL, MED, ...).
var cameoSector = map[string]string{
	"GOV": "GOV", "MIL": "MIL", "JUD": "JUD", "POL": "COP", "REB": "REB",
	"MIL_NONSTATE": "UAF", "OPP": "OPP", "CVL": "CVL", "MED": "MED",
	"IGO": "IGO", "NGO": "NGO", "BUS": "BUS",
}

// code fills the CAMEO code and the ACLED-style actor name of a mention.
func (x *Extractor) code(a *sitrep.Actor) {
	if a.Cameo == "" {
		switch {
		case a.Kind == sitrep.KindState && a.Sector == "GOV" && a.Role == "" && a.Country != "" && a.Text == a.Name:
			a.Cameo = a.Country // a state named by itself
		case a.Country != "" || a.Sector != "":
			a.Cameo = a.Country + cameoSector[a.Sector]
		}
	}
	a.ACLEDName = x.acledName(a)
}

// acledName follows ACLED's actor naming ("Military Forces of Armenia",
// "Civilians (Azerbaijan)", "Protesters (India)"); ACLED adds the regime's
// years, which sitrep leaves to the export.
func (x *Extractor) acledName(a *sitrep.Actor) string {
	country := ""
	if a.Country != "" {
		country = x.countries.Name(a.Country)
	}
	paren := func(s string) string {
		if country == "" {
			return s
		}
		return s + " (" + country + ")"
	}
	of := func(s string) string {
		if country == "" {
			return ""
		}
		return s + " of " + country
	}
	switch {
	case a.Sector == "MIL" && a.Kind != sitrep.KindArmedGroup:
		return of("Military Forces")
	case a.Sector == "POL":
		return of("Police Forces")
	case a.Sector == "GOV" || a.Sector == "JUD":
		return of("Government")
	case a.Inter == 7:
		return paren("Civilians")
	case a.Inter == 6:
		return paren("Protesters")
	case a.Inter == 5:
		return paren("Rioters")
	case a.Kind == sitrep.KindOrganization || a.Kind == sitrep.KindArmedGroup:
		return a.Name
	}
	return ""
}
