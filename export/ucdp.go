package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// UCDPColumns are the 49 columns of UCDP GED, in order.
var UCDPColumns = []string{
	"id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name",
	"dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
	"number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original",
	"where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid",
	"country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
	"deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
}

// UCDP writes the events UCDP GED records, organised violence (ACLED's
// battles, explosions and violence against civilians) with at least one
// death, as GED's CSV. Totals are written with event_clarity 2.
func UCDP(w io.Writer, evs []*sitrep.MergedEvent) (Result, error) {
	cw := csv.NewWriter(w)
	cw.Write(UCDPColumns)
	var res Result
	for _, ev := range evs {
		low, best, high, ok := ucdpDeaths(ev)
		if ev.ACLEDEventType == nil || !violent[*ev.ACLEDEventType] || !ok || best < 1 {
			res.Skipped++
			continue
		}
		c := countryOf(ev)
		d := day(ev)
		year := ""
		if len(d) >= 4 {
			year = d[:4]
		}
		tv := violenceType(ev)
		sideA, sideB := sides(ev, tv)
		var articles, offices, dates []string
		for _, s := range ev.Sources {
			o := str(s.Outlet)
			articles = append(articles, `"`+strings.ReplaceAll(o+","+str(s.Published)+","+s.ArticleID, `"`, "'")+`"`)
			offices = append(offices, o)
			dates = append(dates, str(s.Published))
		}
		var coords, description, adm1, lat, lon, wkt, grid string
		if p := ev.Location; p != nil {
			coords, description, adm1 = p.Name, p.Text, p.Admin1
			if p.Resolved() {
				lat, lon = optFloat(p.Lat, 6), optFloat(p.Lon, 6)
				wkt = fmt.Sprintf("POINT (%s %s)", lon, lat)
				grid = itoa(priogrid(*p.Lat, *p.Lon))
			}
		}
		clarity := 1
		if ev.Scope == sitrep.ScopeAggregate {
			clarity = 2
		}
		da, db, dc, du := 0, 0, 0, 0
		switch str(ev.Victims) {
		case sitrep.VictimsCivilians:
			dc = best
		case sitrep.VictimsMilitary:
			if tv == 3 {
				du = best
			} else {
				db = best
			}
		default:
			du = best
		}
		dyad := ""
		if sideA != "" || sideB != "" {
			dyad = sideA + " - " + sideB
		}
		start, end := str(ev.Date.Start), str(ev.Date.End)
		if start == "" {
			start = end
		}
		if end == "" {
			end = start
		}
		iso := c.iso3
		if iso == "" {
			iso = "XXX"
		}
		cw.Write([]string{
			ev.ID, iso + "-" + year + "-" + itoa(tv) + "-" + ev.ID, year, "", "", itoa(tv), "", "", "",
			"", "", dyad, "", "", sideA, "", "", sideB,
			itoa(len(ev.Sources)), strings.Join(articles, ";"), strings.Join(offices, ";"), strings.Join(dates, ";"), "", strings.Join(claimants(ev, sitrep.Asserts), "; "),
			itoa(wherePrec(ev)), coords, description, adm1, "", lat, lon, wkt, grid,
			c.name, "", ucdpRegion(c), itoa(clarity), itoa(datePrec(ev)), start, end,
			itoa(da), itoa(db), itoa(dc), itoa(du), itoa(best), itoa(high), itoa(low), "", "",
		})
		res.Written++
	}
	cw.Flush()
	return res, cw.Error()
}

// ucdpDeaths returns the killed figures as GED's low, best and high.
func ucdpDeaths(ev *sitrep.MergedEvent) (low, best, high int, ok bool) {
	k := ev.Killed
	best, ok = k.Value()
	if !ok {
		return 0, 0, 0, false
	}
	low, high = best, best
	if k.Low != nil {
		low = *k.Low
	}
	if k.High != nil {
		high = *k.High
	}
	return min(low, best), best, max(high, best), true
}

// violenceType is GED's type_of_violence: 3 one-sided (against civilians), 1
// state-based (a state on either side), else 2 non-state.
func violenceType(ev *sitrep.MergedEvent) int {
	switch {
	case *ev.ACLEDEventType == "Violence against civilians" || inter(ev.Actor2) == 7:
		return 3
	case inter(ev.Actor1) == 1 || inter(ev.Actor2) == 1:
		return 1
	}
	return 2
}

// sides returns GED's side_a and side_b: in state-based violence side_a is
// the state; in one-sided violence side_b is the civilians.
func sides(ev *sitrep.MergedEvent, tv int) (string, string) {
	a, b := actorName(ev.Actor1), actorName(ev.Actor2)
	if tv == 1 && inter(ev.Actor1) != 1 && inter(ev.Actor2) == 1 {
		a, b = b, a
	}
	if tv == 3 {
		b = "Civilians"
	}
	return a, b
}

// wherePrec is GED's where_prec: 1 the place, 2 within about 25 km, 3 the
// second-order division, 4 the first-order, 5 a larger region, 6 the
// country.
func wherePrec(ev *sitrep.MergedEvent) int {
	p := ev.Location
	if p == nil {
		return 7
	}
	switch p.Kind {
	case sitrep.PlaceCountry:
		return 6
	case sitrep.PlaceRegion:
		return 5
	case sitrep.PlaceAdmin1:
		return 4
	case sitrep.PlaceAdmin2:
		return 3
	}
	if ev.GeoPrecision != nil && *ev.GeoPrecision >= 2 {
		return 2
	}
	return 1
}

// datePrec is GED's date_prec: 1 the day, 2 a range of 2 to 6 days, 3 the
// week, 4 a range of up to a month or the month, 5 longer.
func datePrec(ev *sitrep.MergedEvent) int {
	start, end := str(ev.Date.Start), str(ev.Date.End)
	if start != "" && end != "" {
		s, err1 := time.Parse(time.DateOnly, start)
		e, err2 := time.Parse(time.DateOnly, end)
		if err1 == nil && err2 == nil {
			switch days := int(e.Sub(s).Hours() / 24); {
			case days <= 0:
				return 1
			case days < 6:
				return 2
			case days <= 7:
				return 3
			case days <= 31:
				return 4
			}
			return 5
		}
	}
	switch ev.Date.Precision {
	case sitrep.PrecisionDay:
		return 1
	case sitrep.PrecisionWeek:
		return 3
	case sitrep.PrecisionMonth:
		return 4
	}
	return 5
}

// priogrid returns the PRIO-GRID cell of a point: half-degree cells
// numbered row by row from (-90, -180).
func priogrid(lat, lon float64) int {
	row := int(math.Floor((lat + 90) / 0.5))
	col := int(math.Floor((lon + 180) / 0.5))
	row, col = min(max(row, 0), 359), min(max(col, 0), 719)
	return row*720 + col + 1
}

// ucdpRegion is GED's region (Africa, Americas, Asia, Europe, Middle East),
// derived from ACLED's.
func ucdpRegion(c country) string {
	switch c.iso3 {
	case "EGY":
		return "Middle East"
	case "ARM", "AZE", "GEO":
		return "Europe"
	}
	switch r := c.acledRegion; {
	case r == "":
		return ""
	case strings.HasSuffix(r, "Africa"):
		return "Africa"
	case r == "Middle East", r == "Europe":
		return r
	case r == "Caucasus and Central Asia", strings.HasSuffix(r, "Asia"), r == "Oceania":
		return "Asia"
	}
	return "Americas"
}
