package export

import (
	"encoding/json"
	"io"

	"github.com/sitrep-project/sitrep"
)

// Feature is a GeoJSON feature (RFC 7946) of one event: a point, or a null
// geometry for an event without coordinates.
type Feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   *Point         `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// Point is a GeoJSON point, [longitude, latitude].
type Point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// GeoJSON writes every event as a feature of one FeatureCollection.
func GeoJSON(w io.Writer, evs []*sitrep.MergedEvent) (Result, error) {
	if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
		return Result{}, err
	}
	var res Result
	for i, ev := range evs {
		f := Feature{Type: "Feature", ID: ev.ID, Properties: properties(ev)}
		if ev.Location.Resolved() {
			f.Geometry = &Point{Type: "Point", Coordinates: [2]float64{*ev.Location.Lon, *ev.Location.Lat}}
		}
		raw, err := json.Marshal(f)
		if err != nil {
			return res, err
		}
		if i > 0 {
			raw = append([]byte{','}, raw...)
		}
		if _, err := w.Write(append(raw, '\n')); err != nil {
			return res, err
		}
		res.Written++
	}
	_, err := io.WriteString(w, "]}\n")
	return res, err
}

func properties(ev *sitrep.MergedEvent) map[string]any {
	var sources []string
	for _, s := range ev.Sources {
		sources = append(sources, s.ArticleID)
	}
	p := map[string]any{
		"date_start": ev.Date.Start, "date_end": ev.Date.End, "date_precision": ev.Date.Precision,
		"scope": ev.Scope, "cameo": ev.Cameo, "plover": ev.Plover,
		"acled_event_type": ev.ACLEDEventType, "acled_sub_event_type": ev.ACLEDSubEventType,
		"actor1": actorName(ev.Actor1), "actor2": actorName(ev.Actor2),
		"killed": ev.Killed, "injured": ev.Injured, "fatalities": fatalities(ev),
		"disputed": ev.Disputed, "confidence": ev.Confidence, "sources": sources, "reports": len(ev.Merge),
		"geo_precision": ev.GeoPrecision,
	}
	if l := ev.Location; l != nil {
		p["location"], p["country"], p["admin1"], p["geonameid"] = l.Name, l.Country, l.Admin1, l.GeonameID
	}
	return p
}
