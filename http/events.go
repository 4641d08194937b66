package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/export"
)

// Page sizes and bounds of the list endpoints.
const (
	defaultEventPage = 100
	maxEventPage     = 1000
	defaultPoints    = 20000
	maxPoints        = 100000
	defaultGeoJSON   = 5000
	maxGeoJSON       = 50000
	maxExport        = 200000
)

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{
		"articles": st.Articles, "reports": st.Mentions, "events": st.Events, "overrides": st.Overrides,
		"policy": st.Policy, "writable": s.Writable(),
	})
}

// eventList is the body of GET /api/events.
type eventList struct {
	Events     []json.RawMessage `json:"events"` // sitrep.MergedEvent as JSON
	NextCursor string            `json:"next_cursor,omitempty"`
	Next       string            `json:"next,omitempty"` // the URL of the next page
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	f, err := p.filter(defaultEventPage, maxEventPage)
	if err != nil {
		return err
	}
	cursor, err := p.get("cursor")
	if err != nil {
		return err
	}
	order, err := p.oneOf("order", "asc", "asc", "desc")
	if err != nil {
		return err
	}
	var out eventList
	if js, ok := s.cfg.Store.(jsonPager); ok {
		out.Events, out.NextCursor, err = js.EventPageJSON(r.Context(), f, cursor, order == "desc")
	} else {
		var page sitrep.EventPage
		page, err = s.cfg.Store.EventPage(r.Context(), f, cursor, order == "desc")
		for _, ev := range page.Events {
			data, err := json.Marshal(ev)
			if err != nil {
				return err
			}
			out.Events = append(out.Events, data)
		}
		out.NextCursor = page.Next
	}
	if err != nil {
		return err
	}
	if out.Events == nil {
		out.Events = []json.RawMessage{}
	}
	if out.NextCursor != "" {
		out.Next = nextURL(r, "cursor", out.NextCursor)
		w.Header().Set("Link", "<"+out.Next+`>; rel="next"`)
	}
	return writeEventList(w, out)
}

// writeEventList writes the body of GET /api/events as writeJSON does,
// but copies each event's JSON as it is: it was written by encoding/json
// (see jsonPager), and checking and compacting it again took a third of
// the server's time under tools/apiload.
func writeEventList(w http.ResponseWriter, out eventList) error {
	var b bytes.Buffer
	b.WriteString(`{"events":[`)
	for i, ev := range out.Events {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(ev)
	}
	b.WriteByte(']')
	for _, f := range [...]struct{ name, value string }{{"next_cursor", out.NextCursor}, {"next", out.Next}} {
		if f.value == "" {
			continue
		}
		v, err := json.Marshal(f.value)
		if err != nil {
			return err
		}
		b.WriteString(`,"` + f.name + `":`)
		b.Write(v)
	}
	b.WriteString("}\n")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(b.Bytes())
	return err
}

// jsonPager is a store that gives pages of events as JSON, sparing the
// server decoding and encoding them (sqlite.Store does). Each event must
// be as encoding/json writes it: compact, with <, > and & escaped.
type jsonPager interface {
	EventPageJSON(ctx context.Context, f sitrep.EventFilter, cursor string, newestFirst bool) ([]json.RawMessage, string, error)
}

// nextURL is the request's URL with one parameter replaced.
func nextURL(r *http.Request, name, value string) string {
	q := r.URL.Query()
	q.Set(name, value)
	return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
}

// eventDetail is the body of GET /api/events/{id}: the merged event and
// every report merged into it, with its article and the reason it joined.
type eventDetail struct {
	Event    *sitrep.MergedEvent `json:"event"`
	Mentions []mentionDetail     `json:"mentions"`
}

type mentionDetail struct {
	sitrep.Mention
	Reason string  `json:"reason"`
	Score  float64 `json:"score"`
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if len(id) > 20 {
		return sitrep.Errorf(sitrep.ENotFound, "no event %q", clipText(id, 20))
	}
	ev, err := s.cfg.Store.Event(r.Context(), id)
	if err != nil {
		return err
	}
	if pol, err := (params{r.URL.Query()}).get("policy"); err != nil {
		return err
	} else if pol != "" && pol != ev.Policy {
		evs, err := s.cfg.Store.Events(r.Context(), sitrep.EventFilter{IDs: []string{id}, Policy: pol})
		if err != nil {
			return err
		}
		if len(evs) == 1 {
			ev = evs[0]
		}
	}
	ms, err := s.cfg.Store.Mentions(r.Context(), id)
	if err != nil {
		return err
	}
	why := map[string]sitrep.MergeNote{}
	for _, n := range ev.Merge {
		why[n.Mention] = n
	}
	out := eventDetail{Event: ev, Mentions: make([]mentionDetail, len(ms))}
	for i, m := range ms {
		out.Mentions[i] = mentionDetail{Mention: m, Reason: why[m.ID].Reason, Score: why[m.ID].Score}
	}
	return writeJSON(w, http.StatusOK, out)
}

// pointList is the body of GET /api/points.
type pointList struct {
	Points    []sitrep.EventPoint `json:"points"`
	Truncated bool                `json:"truncated"`
}

func (s *Server) points(w http.ResponseWriter, r *http.Request) error {
	f, err := params{r.URL.Query()}.filter(defaultPoints, maxPoints)
	if err != nil {
		return err
	}
	limit := f.Limit
	f.Limit++
	pts, err := s.cfg.Store.EventPoints(r.Context(), f)
	if err != nil {
		return err
	}
	out := pointList{Points: pts}
	if len(pts) > limit {
		out.Points, out.Truncated = pts[:limit], true
	}
	return writeJSON(w, http.StatusOK, out)
}

// seriesBody is the body of GET /api/series.
type seriesBody struct {
	Interval string               `json:"interval"`
	By       string               `json:"by"`
	Points   []sitrep.SeriesPoint `json:"points"`
}

func (s *Server) series(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	f, err := p.filter(0, 0)
	if err != nil {
		return err
	}
	interval, err := p.oneOf("interval", sitrep.IntervalDay, sitrep.IntervalDay, sitrep.IntervalWeek, sitrep.IntervalAll)
	if err != nil {
		return err
	}
	by, err := p.oneOf("by", sitrep.ByNone, sitrep.ByCountry, sitrep.ByType)
	if err != nil {
		return err
	}
	pts, err := s.cfg.Store.Series(r.Context(), f, by, interval)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, seriesBody{Interval: interval, By: by, Points: pts})
}

// geojson answers a page of events as a GeoJSON FeatureCollection, the
// next page linked in the Link header.
func (s *Server) geojson(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	f, err := p.filter(defaultGeoJSON, maxGeoJSON)
	if err != nil {
		return err
	}
	cursor, err := p.get("cursor")
	if err != nil {
		return err
	}
	page, err := s.cfg.Store.EventPage(r.Context(), f, cursor, false)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := export.GeoJSON(&buf, page.Events); err != nil {
		return err
	}
	if page.Next != "" {
		w.Header().Set("Link", "<"+nextURL(r, "cursor", page.Next)+`>; rel="next"`)
	}
	w.Header().Set("Content-Type", "application/geo+json")
	_, err = w.Write(buf.Bytes())
	return err
}

// exportFiles are the file extension and media type of each export format.
var exportFiles = map[string]struct{ ext, ctype string }{
	"acled":   {"csv", "text/csv; charset=utf-8"},
	"ucdp":    {"csv", "text/csv; charset=utf-8"},
	"cameo":   {"tsv", "text/tab-separated-values; charset=utf-8"},
	"plover":  {"jsonl", "application/x-ndjson"},
	"geojson": {"geojson", "application/geo+json"},
	"jsonl":   {"jsonl", "application/x-ndjson"},
}

// export answers the events a filter selects in one of export's formats,
// as a download.
func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	format, err := p.oneOf("format", "", export.Formats...)
	if err != nil {
		return err
	}
	if format == "" {
		return sitrep.Errorf(sitrep.EInvalid, "parameter format is required: one of %v", export.Formats)
	}
	f, err := p.filter(maxExport, maxExport)
	if err != nil {
		return err
	}
	limit := f.Limit
	f.Limit++
	evs, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	if len(evs) > limit {
		evs = evs[:limit]
		w.Header().Set("Sitrep-Truncated", strconv.Itoa(limit))
	}
	// Written to memory first, so that a failure is still an error
	// response and not half a file.
	var buf bytes.Buffer
	res, err := export.Write(&buf, format, evs, export.Options{})
	if err != nil {
		return err
	}
	file := exportFiles[format]
	h := w.Header()
	h.Set("Content-Type", file.ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="sitrep-%s-%s.%s"`, format, time.Now().UTC().Format("20060102"), file.ext))
	h.Set("Sitrep-Written", strconv.Itoa(res.Written))
	h.Set("Sitrep-Skipped", strconv.Itoa(res.Skipped))
	_, err = w.Write(buf.Bytes())
	return err
}
