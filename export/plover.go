package export

import (
	"encoding/json"
	"io"

	"github.com/sitrep-project/sitrep"
)

// PLOVERActor is an actor in a PLOVER record.
type PLOVERActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code,omitempty"`
	Sector    string `json:"sector,omitempty"`
}

// PLOVERLocation is a PLOVER record's eventLoc.
type PLOVERLocation struct {
	Name        string   `json:"name"`
	CountryCode string   `json:"country code,omitempty"` // ISO 3166-1 alpha-2
	Admin1      string   `json:"admin1,omitempty"`
	Lat         *float64 `json:"lat,omitempty"`
	Lon         *float64 `json:"lon,omitempty"`
	GeonameID   *int     `json:"geonameid,omitempty"`
}

// PLOVERRecord is one event in the layout of PLOVER's gold standard
// records (OEDA, PLOVER 0.5), with sitrep's figures and sources.
type PLOVERRecord struct {
	ID          string          `json:"id"`
	Date        string          `json:"date"`
	Source      []PLOVERActor   `json:"source"`
	Target      []PLOVERActor   `json:"target"`
	Event       string          `json:"event"`
	Mode        string          `json:"mode,omitempty"`
	Context     string          `json:"context,omitempty"`
	EventText   string          `json:"eventText"`
	Text        string          `json:"text"`
	EventLoc    *PLOVERLocation `json:"eventLoc,omitempty"`
	Dead        *int            `json:"dead,omitempty"`
	Injured     *int            `json:"injured,omitempty"`
	Language    string          `json:"language"`
	Publication string          `json:"publication"`
	Coder       string          `json:"coder"`
	Disputed    bool            `json:"disputed"`
	URLs        []string        `json:"urls,omitempty"`
}

// PLOVER writes every event as a PLOVER record, one per line.
func PLOVER(w io.Writer, evs []*sitrep.MergedEvent) (Result, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var res Result
	for _, ev := range evs {
		r := PLOVERRecord{
			ID: ev.ID, Date: day(ev), Source: ploverActors(ev.Actor1), Target: ploverActors(ev.Actor2),
			Event: ev.Plover, Mode: str(ev.PloverMode), EventText: ev.Trigger, Text: ev.Text,
			Language: "en", Coder: "sitrep", Disputed: ev.Disputed,
		}
		for i, o := range outlets(ev) {
			if i > 0 {
				r.Publication += "; "
			}
			r.Publication += o
		}
		for _, s := range ev.Sources {
			if u := str(s.URL); u != "" {
				r.URLs = append(r.URLs, u)
			}
		}
		if p := ev.Location; p != nil {
			r.EventLoc = &PLOVERLocation{Name: p.Name, CountryCode: countries()[p.Country].iso2, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, GeonameID: p.GeonameID}
		}
		if v, ok := ev.Killed.Value(); ok {
			r.Dead = &v
		}
		if v, ok := ev.Injured.Value(); ok {
			r.Injured = &v
		}
		if err := enc.Encode(r); err != nil {
			return res, err
		}
		res.Written++
	}
	return res, nil
}

func ploverActors(a *sitrep.Actor) []PLOVERActor {
	if a == nil {
		return []PLOVERActor{}
	}
	code := a.Country
	if a.Sector == "IGO" && a.Cameo != "" {
		code = a.Cameo
	}
	return []PLOVERActor{{ActorText: a.Text, Code: code, Sector: a.Sector}}
}
