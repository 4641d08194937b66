package sqlstore

import (
	"strconv"

	"github.com/sitrep-project/sitrep"
)

// OrderKey is what events (e) are listed by, before their id: the start
// day, else the end day.
const OrderKey = `coalesce(e.date_start, e.date_end, '')`

// DefaultPageSize is the page size of a list of events or articles when
// none is given.
const DefaultPageSize = 100

// PageSize is limit, or DefaultPageSize when limit is not positive.
func PageSize(limit int) int {
	if limit <= 0 {
		return DefaultPageSize
	}
	return limit
}

// ArticlesBefore returns the row id that the articles of the page after
// the cursor after are below, the most recently stored first.
func ArticlesBefore(after string) (int64, error) {
	at, err := sitrep.ParsePageCursor(after)
	if err != nil {
		return 0, err
	}
	if at == nil {
		return 1<<63 - 1, nil
	}
	return at.ID, nil
}

// SeriesGroup returns the SQL expression of the group of an event (e) in
// a series by by: none, country or ACLED type.
func SeriesGroup(by string) (string, error) {
	switch by {
	case sitrep.ByNone:
		return `''`, nil
	case sitrep.ByCountry:
		return `e.country`, nil
	case sitrep.ByType:
		return `coalesce(e.event_type, '')`, nil
	}
	return "", sitrep.Errorf(sitrep.EInvalid, "series by %q: want country or type", by)
}

// And adds the condition cond to the WHERE clause where, which may be
// empty.
func And(where, cond string) string {
	if where == "" {
		return " WHERE " + cond
	}
	return where + " AND " + cond
}

// PointsQuery is the query of the map points of the events that the
// WHERE clause where selects, newest first, up to limit when it is
// positive. Points reads its rows.
func PointsQuery(where string, limit int) string {
	q := `SELECT e.id, e.lon, e.lat, ` + OrderKey + `, coalesce(e.event_type, ''), coalesce(e.sub_event_type, ''),
		coalesce(e.plover, ''), coalesce(e.cameo, ''), e.killed_low, e.disputed, coalesce(e.location, ''), e.country
		FROM events e` + where + ` ORDER BY ` + OrderKey + ` DESC, e.id DESC`
	if limit > 0 {
		q += ` LIMIT ` + strconv.Itoa(limit)
	}
	return q
}

// Points reads rows of (id, lon, lat, date, type, sub type, plover, cameo,
// killed, disputed, place, country) into map points; an empty list, not
// nil, when there are none.
func Points(rows Rows) ([]sitrep.EventPoint, error) {
	out := []sitrep.EventPoint{}
	for rows.Next() {
		var p sitrep.EventPoint
		var id int64
		if err := rows.Scan(&id, &p.Lon, &p.Lat, &p.Date, &p.Type, &p.SubType, &p.Plover, &p.Cameo, &p.Killed, &p.Disputed, &p.Place, &p.Country); err != nil {
			return nil, err
		}
		p.ID = strconv.FormatInt(id, 10)
		out = append(out, p)
	}
	return out, nil
}

// Places reads rows of (text, start, end, name, country, admin1, kind, lat,
// lon, geonameid), with empty strings for the names unknown, into the
// places of an article; an empty list, not nil, when there are none.
func Places(rows Rows) ([]sitrep.Place, error) {
	out := []sitrep.Place{}
	for rows.Next() {
		var p sitrep.Place
		if err := rows.Scan(&p.Text, &p.Start, &p.End, &p.Name, &p.Country, &p.Admin1, &p.Kind, &p.Lat, &p.Lon, &p.GeonameID); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
