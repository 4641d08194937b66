package actors

import (
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// cameoSector maps sitrep sectors to CAMEO role codes (CAMEO manual,
// Schrodt 2012: GOV, MIL, JUD, COP for police, REB, OPP, CVL, MED, ...).
var cameoSector = map[string]string{
	"GOV": "GOV", "MIL": "MIL", "JUD": "JUD", "POL": "COP", "REB": "REB",
	"MIL_NONSTATE": "UAF", "OPP": "OPP", "CVL": "CVL", "MED": "MED",
	"IGO": "IGO", "NGO": "NGO", "BUS": "BUS",
}

// code fills the CAMEO code of a mention from what the text says of it:
// its country and its role, "AZEGOV", "NGOARN" for a prefix role. Codes
// set by the grammar (a state named by itself is its country code alone),
// an organisation or a dictionary are kept.
func (x *Extractor) code(m *mention) {
	if m.fixed || m.Cameo != "" {
		return
	}
	if m.Country != "" || m.Sector != "" {
		r := m.role
		if r == "" {
			r = cameoSector[m.Sector]
		}
		if m.prefix {
			m.Cameo = r + m.Country
		} else {
			m.Cameo = m.Country + r
		}
	}
}

// namedCode is what a dictionary actor's code says of it on a date.
type namedCode struct {
	org
	// isCountry: the code is a country's alone ("ARN", "AZE"), and the
	// name is read as a country
	isCountry bool
	// person: the code is a country's with a role that suits a person
	// ("AZEGOV"), and the name is a person's if it reads as one
	person bool
}

// entryCode resolves a dictionary actor's code on date d and what it says:
// a country's code alone, an international code (IGO, NGO, IMG ... first),
// or a country's code followed by a role ("AZEGOV"). Explicit kind, sector
// and inter of a TSV row win.
func (x *Extractor) entryCode(e *entry, d *time.Time) namedCode {
	code, _ := e.codeAt(d)
	nc := namedCode{org: org{name: e.name, cameo: code, acled: e.acled, kind: sitrep.KindOther}}
	country := x.lex.codeCountry(code)
	nc.country = country
	switch {
	case code == "":
	case country == "":
		r := x.lex.roleOf(code)
		nc.kind, nc.sector, nc.inter = r.kind, r.sector, r.inter
	case len(code) == 3:
		nc.kind, nc.sector, nc.inter, nc.isCountry = sitrep.KindState, "GOV", 1, true
	default:
		r := x.lex.roleOf(code[3:])
		nc.kind, nc.sector, nc.inter = r.kind, r.sector, r.inter
		switch r.kind {
		case sitrep.KindState, sitrep.KindCivilians, "other":
			nc.person = true
		}
	}
	if e.kind != "" {
		nc.kind = e.kind
		nc.isCountry = e.kind == sitrep.KindState && len(code) == 3 && country != ""
		nc.person = e.kind == sitrep.KindPerson
	}
	if e.sector != "" {
		nc.sector = e.sector
	}
	if e.hasInter {
		nc.inter = e.inter
	}
	return nc
}

// codeCountry returns the country part of a CAMEO actor code: its first
// three letters, unless they are an international or role code ("IGO",
// "NGO", "IMG").
func (l *lexicon) codeCountry(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	if _, ok := l.roles[c]; ok {
		return ""
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	return c
}

// acledName follows ACLED's actor naming: "Military Forces of Armenia
// (2018-)", "Police Forces of India (2014-)", "Government of Azerbaijan
// (2003-)", "Civilians (Azerbaijan)", "Protesters (India)", "Unidentified
// Armed Group (Mexico)", or the organisation's ACLED name. The regime's
// years come from regimes.tsv for the article's date d and are left out
// when no period is known. "" when ACLED would need a country the text
// does not give.
func (x *Extractor) acledName(m *mention, d *time.Time) string {
	country := ""
	if m.Country != "" {
		country = x.countries.Name(m.Country)
		if country == m.Country {
			country = "" // a code the gazetteer does not know
		}
	}
	pattern := m.acled
	if pattern == "" || m.Ref >= 0 && m.Kind == sitrep.KindPerson {
		pattern = defaultACLED(m)
	}
	if !strings.Contains(pattern, "{country}") {
		return pattern
	}
	if country == "" {
		if strings.Contains(pattern, "of {country}") {
			return ""
		}
		return strings.TrimSpace(strings.ReplaceAll(pattern, "({country})", ""))
	}
	name := strings.ReplaceAll(pattern, "{country}", country)
	if strings.Contains(pattern, "of {country}") {
		if years := x.regime(m.Country, d); years != "" {
			name += " (" + years + ")"
		}
	}
	return name
}

// defaultACLED is the ACLED name pattern of a mention by its sector and
// type.
func defaultACLED(m *mention) string {
	switch {
	case m.Kind == sitrep.KindOrganization || m.Kind == sitrep.KindArmedGroup && m.fixed:
		return m.Name
	case m.Sector == "MIL" && m.Kind != sitrep.KindArmedGroup:
		return "Military Forces of {country}"
	case m.Sector == "POL":
		return "Police Forces of {country}"
	case m.Sector == "GOV" || m.Sector == "JUD":
		return "Government of {country}"
	case m.Inter == 7:
		return "Civilians ({country})"
	case m.Inter == 6:
		return "Protesters ({country})"
	case m.Inter == 5:
		return "Rioters ({country})"
	case m.Sector == "REB":
		return "Rebel Group ({country})"
	case m.Sector == "MIL_NONSTATE":
		return "Unidentified Armed Group ({country})"
	}
	return ""
}

// regime returns the years of the regime in power in country on date d
// ("2018-", "2014-2019"), or "".
func (x *Extractor) regime(country string, d *time.Time) string {
	if d == nil {
		return ""
	}
	e := entry{codes: x.lex.regimes[country]}
	years, _ := e.codeAt(d)
	return years
}

// acledName is an organisation's ACLED name.
func (o org) acledName() string {
	if o.acled != "" {
		return o.acled
	}
	return o.name
}
