package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// ACLEDColumns are the 31 columns of an ACLED export, in order.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
}

// ACLED writes the events ACLED codes (those with an ACLED event type that
// are incidents, not totals) as ACLED's CSV.
func ACLED(w io.Writer, evs []*sitrep.MergedEvent, opts Options) (Result, error) {
	cw := csv.NewWriter(w)
	cw.Write(ACLEDColumns)
	var res Result
	stamp := strconv.FormatInt(opts.Now.Unix(), 10)
	for _, ev := range evs {
		if ev.ACLEDEventType == nil || ev.Scope == sitrep.ScopeAggregate {
			res.Skipped++
			continue
		}
		c := countryOf(ev)
		iso := ""
		if c.numeric > 0 {
			iso = itoa(c.numeric)
		}
		var admin1, location string
		if p := ev.Location; p != nil {
			admin1, location = p.Admin1, p.Name
		}
		lat, lon := "", ""
		if ev.Location.Resolved() {
			lat, lon = optFloat(ev.Location.Lat, 4), optFloat(ev.Location.Lon, 4)
		}
		d := day(ev)
		year := ""
		if len(d) >= 4 {
			year = d[:4]
		}
		i1, i2 := inter(ev.Actor1), inter(ev.Actor2)
		cw.Write([]string{
			c.iso3 + ev.ID, d, year, itoa(timePrecision(ev)), disorderType(ev), *ev.ACLEDEventType, str(ev.ACLEDSubEventType),
			actorName(ev.Actor1), "", itoa(i1), actorName(ev.Actor2), "", itoa(i2), interaction(i1, i2), civilianTargeting(ev),
			iso, c.acledRegion, c.name, admin1, "", "", location, lat, lon, optInt(ev.GeoPrecision),
			strings.Join(outlets(ev), "; "), "", notes(ev), itoa(fatalities(ev)), "", stamp,
		})
		res.Written++
	}
	cw.Flush()
	return res, cw.Error()
}

// timePrecision is ACLED's: 1 the day, 2 about a week, 3 the month or less
// precise.
func timePrecision(ev *sitrep.MergedEvent) int {
	switch ev.Date.Precision {
	case sitrep.PrecisionDay:
		return 1
	case sitrep.PrecisionWeek:
		return 2
	}
	return 3
}

// disorderType is ACLED's disorder type of an event type and sub-type.
func disorderType(ev *sitrep.MergedEvent) string {
	sub := str(ev.ACLEDSubEventType)
	switch *ev.ACLEDEventType {
	case "Protests":
		if sub == "Excessive force against protesters" {
			return "Political violence; Demonstrations"
		}
		return "Demonstrations"
	case "Riots":
		if sub == "Mob violence" {
			return "Political violence"
		}
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return "Political violence"
}

// interaction is ACLED's two-digit code of the actor types, the lower
// first; a lone actor is followed by 0.
func interaction(i1, i2 int) string {
	if i1 == 0 && i2 == 0 {
		return ""
	}
	if i2 == 0 || i1 == 0 {
		return itoa(max(i1, i2) * 10)
	}
	return itoa(min(i1, i2)*10 + max(i1, i2))
}

func civilianTargeting(ev *sitrep.MergedEvent) string {
	if !violent[*ev.ACLEDEventType] {
		return ""
	}
	if inter(ev.Actor2) == 7 || str(ev.Victims) == sitrep.VictimsCivilians {
		return "Civilian targeting"
	}
	return ""
}

// notes is the event's evidence, and when sources disagree, who denied it
// and which figures were given: ACLED keeps disputes in the notes.
func notes(ev *sitrep.MergedEvent) string {
	n := strings.TrimSpace(strings.Join(strings.Fields(ev.Text), " "))
	if ev.Disputed {
		if who := claimants(ev, sitrep.Denies); len(who) > 0 {
			n += " [disputed: denied by " + strings.Join(who, "; ") + "]"
		} else {
			n += " [disputed]"
		}
	}
	var figs []string
	seen := map[string]bool{}
	for _, c := range ev.Claims {
		if c.Killed == nil || c.Stance != sitrep.Asserts {
			continue
		}
		v, ok := c.Killed.Value()
		if !ok {
			continue
		}
		who := "the outlet"
		if c.Claimant != nil {
			who = c.Claimant.Text
		}
		f := who + ": " + itoa(v)
		if !seen[f] {
			seen[f] = true
			figs = append(figs, f)
		}
	}
	if len(figs) > 1 {
		n += " [killed, by source: " + strings.Join(figs, "; ") + "]"
	}
	return n
}
