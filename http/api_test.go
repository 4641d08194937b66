package httpapi_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	httpapi "github.com/sitrep-project/sitrep/http"
)

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("not JSON: %v: %.200s", err, body)
	}
	return v
}

type apiError struct {
	Error struct{ Code, Message string } `json:"error"`
}

type eventList struct {
	Events     []*sitrep.MergedEvent `json:"events"`
	NextCursor string                `json:"next_cursor"`
	Next       string                `json:"next"`
}

// plainStore hides the store's EventPageJSON: the server then encodes the
// events itself.
type plainStore struct{ httpapi.Store }

func TestEventsPaginate(t *testing.T) {
	store := seedStore(t)
	t.Run("events as stored", func(t *testing.T) { testPaginate(t, store, httpapiConfig(store)) })
	t.Run("events encoded by the server", func(t *testing.T) { testPaginate(t, store, httpapi.Config{Store: plainStore{store}}) })
}

func testPaginate(t *testing.T, store httpapi.Store, cfg httpapi.Config) {
	srv := serve(t, cfg)
	all, err := store.Events(context.Background(), sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 10 {
		t.Fatalf("the seed article gives %d events", len(all))
	}
	for _, order := range []string{"asc", "desc"} {
		var got []string
		path := "/api/events?limit=4&order=" + order
		for pages := 0; path != ""; pages++ {
			if pages > len(all) {
				t.Fatal("pagination does not end")
			}
			status, body, h := get(t, srv, path)
			if status != http.StatusOK {
				t.Fatalf("%s: %d %s", path, status, body)
			}
			page := decode[eventList](t, body)
			if len(page.Events) > 4 {
				t.Fatalf("%s: %d events in a page of 4", path, len(page.Events))
			}
			for _, ev := range page.Events {
				got = append(got, ev.ID)
			}
			path = page.Next
			if page.Next != "" && !strings.Contains(h.Get("Link"), `rel="next"`) {
				t.Errorf("no Link header: %q", h.Get("Link"))
			}
		}
		var want []string
		for _, ev := range all {
			want = append(want, ev.ID)
		}
		if order == "desc" {
			for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
				want[i], want[j] = want[j], want[i]
			}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s pages give %v, want %v", order, got, want)
		}
	}
}

// TestEventsAsStoredAreWhatEncodingJSONWrites checks that a page of the
// store's JSON, which the server copies as it is, comes out byte for byte
// as encoding/json writes it, and as the server writes the events it
// encodes itself.
func TestEventsAsStoredAreWhatEncodingJSONWrites(t *testing.T) {
	store := seedStore(t)
	stored, plain := serve(t, httpapiConfig(store)), serve(t, httpapi.Config{Store: plainStore{store}})
	for _, path := range []string{"/api/events?limit=3&country=AZE", "/api/events?limit=1000", "/api/events?country=XXX"} {
		_, body, _ := get(t, stored, path)
		_, want, _ := get(t, plain, path)
		if body != want {
			t.Errorf("%s: the events as stored differ from those the server encodes:\n%s\n%s", path, body, want)
		}
		var page struct {
			Events     []json.RawMessage `json:"events"`
			NextCursor string            `json:"next_cursor,omitempty"`
			Next       string            `json:"next,omitempty"`
		}
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var b strings.Builder
		if err := json.NewEncoder(&b).Encode(page); err != nil {
			t.Fatal(err)
		}
		if b.String() != body {
			t.Errorf("%s: the body is not as encoding/json writes it:\n%s\n%s", path, body, b.String())
		}
	}
}

func TestEventFilters(t *testing.T) {
	store := seedStore(t)
	srv := serve(t, httpapiConfig(store))
	tests := []struct {
		name  string
		query string
		check func(*sitrep.MergedEvent) bool
		min   int
	}{
		{"country", "country=aze", func(e *sitrep.MergedEvent) bool { return e.Location != nil && e.Location.Country == "AZE" }, 2},
		{"disputed", "disputed=true", func(e *sitrep.MergedEvent) bool { return e.Disputed }, 1},
		{"type", "type=Explosions/Remote%20violence", func(e *sitrep.MergedEvent) bool { return *e.ACLEDEventType == "Explosions/Remote violence" }, 1},
		{"min killed", "min_killed=10", func(e *sitrep.MergedEvent) bool { return *e.Killed.Low >= 10 }, 1},
		{"actor", "actor=forces%20of%20armenia", func(e *sitrep.MergedEvent) bool { return true }, 1},
		{"text", "text=Ganja", func(e *sitrep.MergedEvent) bool { return true }, 1},
		{"dates", "from=2020-10-16&to=2020-10-16", func(e *sitrep.MergedEvent) bool { return e.Date.Start != nil && *e.Date.Start <= "2020-10-16" }, 1},
		{"bbox", "bbox=44,38,51,42", func(e *sitrep.MergedEvent) bool { return *e.Location.Lon >= 44 && *e.Location.Lon <= 51 }, 1},
		{"nothing", "country=XXX", nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := get(t, srv, "/api/events?"+tc.query)
			if status != http.StatusOK {
				t.Fatalf("%d %s", status, body)
			}
			page := decode[eventList](t, body)
			if len(page.Events) < tc.min || tc.min == 0 && len(page.Events) > 0 {
				t.Fatalf("%d events, want at least %d", len(page.Events), tc.min)
			}
			for _, ev := range page.Events {
				if !tc.check(ev) {
					t.Errorf("event %s does not match %s", ev.ID, tc.query)
				}
			}
		})
	}
}

func TestBadRequests(t *testing.T) {
	srv := serve(t, httpapiConfig(seedStore(t)))
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/api/events?from=yesterday", 400, "invalid"},
		{"/api/events?limit=100000", 400, "invalid"},
		{"/api/events?limit=-1", 400, "invalid"},
		{"/api/events?bbox=1,2,3", 400, "invalid"},
		{"/api/events?cursor=nonsense", 400, "invalid"},
		{"/api/events?order=sideways", 400, "invalid"},
		{"/api/events?country=AZE&country=ARM", 400, "invalid"},
		{"/api/events?text=%22unbalanced", 400, "invalid"},
		{"/api/events?policy=generous", 400, "invalid"},
		{"/api/events?actor=" + strings.Repeat("a", 600), 400, "invalid"},
		{"/api/events?text=" + strings.Repeat("a", 5000), 414, "invalid"},
		{"/api/events/999999", 404, "not_found"},
		{"/api/events/abc", 404, "not_found"},
		{"/api/articles/no-such-article", 404, "not_found"},
		{"/api/series?by=colour", 400, "invalid"},
		{"/api/export?format=xlsx", 400, "invalid"},
		{"/api/export", 400, "invalid"},
		{"/api/nothing-here", 404, "not_found"},
	}
	for _, tc := range tests {
		status, body, h := get(t, srv, tc.path)
		if status != tc.status {
			t.Errorf("%.60s: status %d, want %d (%s)", tc.path, status, tc.status, body)
			continue
		}
		if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%.60s: Content-Type %q", tc.path, ct)
		}
		if e := decode[apiError](t, body); e.Error.Code != tc.code || e.Error.Message == "" {
			t.Errorf("%.60s: error %+v, want code %s", tc.path, e.Error, tc.code)
		}
	}
}

func TestEventDetailAndArticle(t *testing.T) {
	store := seedStore(t)
	srv := serve(t, httpapiConfig(store))
	id := findEvent(t, store, sitrep.EventFilter{Disputed: ptr(true), Country: "AZE", Type: "Shelling/artillery/missile attack"}, "Ganja")
	status, body, _ := get(t, srv, "/api/events/"+id)
	if status != http.StatusOK {
		t.Fatalf("%d %s", status, body)
	}
	detail := decode[struct {
		Event    sitrep.MergedEvent `json:"event"`
		Mentions []struct {
			ID     string          `json:"id"`
			Source sitrep.Source   `json:"source"`
			Event  sitrep.Event    `json:"event"`
			Reason string          `json:"reason"`
			Score  float64         `json:"score"`
			Extra  json.RawMessage `json:"-"`
		} `json:"mentions"`
	}](t, body)
	if len(detail.Mentions) == 0 || detail.Mentions[0].Reason != "first report" {
		t.Fatalf("mentions %+v", detail.Mentions)
	}
	var denial *sitrep.SourcedClaim
	for i, c := range detail.Event.Claims {
		if c.Stance == sitrep.Denies && c.Claimant != nil && strings.Contains(c.Claimant.Text, "Armenian") {
			denial = &detail.Event.Claims[i]
		}
	}
	if denial == nil {
		t.Fatal("no Armenian denial among the claims")
	}

	status, body, _ = get(t, srv, "/api/articles/"+url.PathEscape(denial.ArticleID))
	if status != http.StatusOK {
		t.Fatalf("%d %s", status, body)
	}
	art := decode[sitrep.StoredArticle](t, body)
	if got := art.Text[denial.Start:denial.End]; !strings.HasPrefix(got, "the Armenian authorities denied") {
		t.Errorf("the denial's span reads %q", got)
	}
	if art.Outlet == nil || *art.Outlet != "Al Jazeera" || art.Published == nil || *art.Published != "2020-10-17" {
		t.Errorf("article metadata: %+v", art.ArticleSummary)
	}
	found := false
	for _, m := range art.Events {
		found = found || m.EventID == id
	}
	if !found || len(art.Places) == 0 {
		t.Errorf("the article's events %v do not name event %s, or it has no places", art.Events, id)
	}
	// The raw body escapes markup, so no browser reads it as HTML.
	if strings.Contains(body, "<") {
		t.Error("an API answer holds a raw <")
	}

	status, body, _ = get(t, srv, "/api/articles?limit=1")
	list := decode[struct {
		Articles []sitrep.ArticleSummary `json:"articles"`
	}](t, body)
	if status != http.StatusOK || len(list.Articles) != 1 || list.Articles[0].ID != art.ID {
		t.Errorf("article list: %d %s", status, body)
	}
}

func TestMapSeriesAndExports(t *testing.T) {
	store := seedStore(t)
	srv := serve(t, httpapiConfig(store))

	status, body, _ := get(t, srv, "/api/points?country=AZE")
	points := decode[struct {
		Points    []sitrep.EventPoint `json:"points"`
		Truncated bool                `json:"truncated"`
	}](t, body)
	if status != http.StatusOK || len(points.Points) == 0 || points.Truncated {
		t.Fatalf("points: %d %s", status, body)
	}
	status, body, _ = get(t, srv, "/api/points?limit=1")
	if p := decode[struct{ Truncated bool }](t, body); status != http.StatusOK || !p.Truncated {
		t.Errorf("one point of many is not marked truncated: %s", body)
	}

	status, body, _ = get(t, srv, "/api/series?interval=week&by=country")
	series := decode[struct {
		Interval string               `json:"interval"`
		Points   []sitrep.SeriesPoint `json:"points"`
	}](t, body)
	if status != http.StatusOK || series.Interval != "week" || len(series.Points) == 0 {
		t.Fatalf("series: %d %s", status, body)
	}
	for _, p := range series.Points {
		if d, err := time.Parse(time.DateOnly, p.Date); err != nil || d.Weekday() != time.Monday {
			t.Errorf("weekly point dated %s", p.Date)
		}
	}

	status, body, h := get(t, srv, "/api/geojson?country=AZE")
	fc := decode[struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}](t, body)
	if status != http.StatusOK || fc.Type != "FeatureCollection" || len(fc.Features) == 0 || h.Get("Content-Type") != "application/geo+json" {
		t.Errorf("geojson: %d %s %.200s", status, h.Get("Content-Type"), body)
	}

	status, body, h = get(t, srv, "/api/export?format=acled&country=AZE")
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if status != http.StatusOK || err != nil || len(rows) < 2 || rows[0][0] != "event_id_cnty" {
		t.Fatalf("acled export: %d %v %.300s", status, err, body)
	}
	if cd := h.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, ".csv") {
		t.Errorf("Content-Disposition %q", cd)
	}
	for _, r := range rows[1:] {
		if r[15] != "31" { // ISO numeric code of Azerbaijan
			t.Errorf("exported an event outside the filter: %v", r[:16])
		}
	}
}

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	srv := serve(t, httpapiConfig(openStore(t)))
	status, body, _ := get(t, srv, "/api/openapi.json")
	if status != http.StatusOK {
		t.Fatal(status)
	}
	doc := decode[struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}](t, body)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	for _, route := range []string{
		"GET /healthz", "GET /metrics", "GET /api/openapi.json", "GET /api/stats", "GET /api/events", "GET /api/events/{id}",
		"GET /api/points", "GET /api/series", "GET /api/geojson", "GET /api/export", "GET /api/articles", "GET /api/articles/{id}", "POST /api/articles",
	} {
		method, path, _ := strings.Cut(route, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("openapi.json lacks %s", route)
		}
	}
}

// fakeSubmit stores nothing; it answers one document per request.
func fakeSubmit(calls *int) httpapi.SubmitFunc {
	return func(ctx context.Context, body io.Reader, opts httpapi.SubmitOptions) (httpapi.Submission, error) {
		*calls++
		b, err := io.ReadAll(body)
		if err != nil {
			return httpapi.Submission{}, err
		}
		return httpapi.Submission{Documents: []sitrep.Document{{ID: "doc", Warnings: []string{string(b[:min(len(b), 10)])}}}}, nil
	}
}

func TestWritesNeedTheToken(t *testing.T) {
	var calls int
	t.Run("read-only by default", func(t *testing.T) {
		srv := serve(t, httpapi.Config{Store: openStore(t), Submit: fakeSubmit(&calls)})
		status, body := do(t, srv, "POST", "/api/articles", "anything", "Troops shelled Idlib on Friday.")
		if status != http.StatusForbidden || decode[apiError](t, body).Error.Code != "read_only" {
			t.Errorf("%d %s", status, body)
		}
	})
	srv := serve(t, httpapi.Config{Store: openStore(t), Submit: fakeSubmit(&calls), WriteToken: "s3cret-token", MaxBodyBytes: 1 << 10})
	tests := []struct {
		name, token, body string
		status            int
	}{
		{"no token", "", "Troops shelled Idlib on Friday.", 401},
		{"wrong token", "s3cret-tokeN", "Troops shelled Idlib on Friday.", 401},
		{"a prefix of the token", "s3cret", "Troops shelled Idlib on Friday.", 401},
		{"the token and more", "s3cret-token-and-more", "Troops shelled Idlib on Friday.", 401},
		{"the token", "s3cret-token", "Troops shelled Idlib on Friday.", 201},
		{"a body too large", "s3cret-token", strings.Repeat("x", 2<<10), 413},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := calls
			status, body := do(t, srv, "POST", "/api/articles", tc.token, tc.body)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, body)
			}
			if tc.status == 401 && calls != before {
				t.Error("an unauthorized request reached the submission")
			}
		})
	}
	// The scheme is Bearer, in any case; a token in the query is not read.
	req, _ := http.NewRequest("POST", srv.URL+"/api/articles?token=s3cret-token", strings.NewReader("x"))
	req.Header.Set("Authorization", "Basic s3cret-token")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("Basic scheme: %d %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
}

// brokenStore fails in the ways a store can: an error that must not reach
// the client, a panic, and a query that takes too long.
type brokenStore struct {
	httpapi.Store
	mode string
}

func (b brokenStore) Stats(ctx context.Context) (sitrep.StoreStats, error) {
	switch b.mode {
	case "panic":
		panic("database file /secret/path.db is corrupt")
	case "slow":
		<-ctx.Done()
		return sitrep.StoreStats{}, ctx.Err()
	}
	return sitrep.StoreStats{}, errors.New("open /secret/path.db: permission denied")
}

func TestFailuresTellNothingOfTheServer(t *testing.T) {
	for _, mode := range []string{"error", "panic", "slow"} {
		t.Run(mode, func(t *testing.T) {
			var logs bytes.Buffer
			srv := serve(t, httpapi.Config{
				Store:        brokenStore{Store: openStore(t), mode: mode},
				Logger:       slog.New(slog.NewTextHandler(&logs, nil)),
				QueryTimeout: 50 * time.Millisecond,
			})
			status, body, _ := get(t, srv, "/api/stats")
			want := map[string]int{"error": 500, "panic": 500, "slow": 503}[mode]
			if status != want {
				t.Errorf("status %d, want %d", status, want)
			}
			if strings.Contains(body, "secret") || strings.Contains(body, "goroutine") || strings.Contains(body, ".go:") {
				t.Errorf("the answer tells of the server: %s", body)
			}
			if mode != "slow" && !strings.Contains(logs.String(), "secret") {
				t.Errorf("the log lacks the cause: %s", logs.String())
			}
			if mode == "panic" && !strings.Contains(logs.String(), "goroutine") {
				t.Error("the log lacks the panic's stack")
			}
		})
	}
}

func TestHealthMetricsHeadersAndLogs(t *testing.T) {
	var logs bytes.Buffer
	srv := serve(t, httpapi.Config{Store: openStore(t), Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	status, body, _ := get(t, srv, "/healthz")
	if status != 200 || body != "ok\n" {
		t.Errorf("healthz: %d %q", status, body)
	}
	get(t, srv, "/api/events?country=AZE")
	get(t, srv, "/api/events/12345")
	status, body, _ = get(t, srv, "/metrics")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^sitrep_http_requests_total\{route="GET /api/events",code="200"\} 1$`),
		regexp.MustCompile(`(?m)^sitrep_http_requests_total\{route="GET /api/events/\{id\}",code="404"\} 1$`),
		regexp.MustCompile(`(?m)^sitrep_http_request_duration_seconds_bucket\{route="GET /api/events",le="\+Inf"\} 1$`),
		regexp.MustCompile(`(?m)^sitrep_store_rows\{kind="events"\} 0$`),
		regexp.MustCompile(`(?m)^# TYPE sitrep_http_request_duration_seconds histogram$`),
	} {
		if status != 200 || !want.MatchString(body) {
			t.Errorf("metrics lack %s:\n%s", want, body)
		}
	}
	for _, path := range []string{"/", "/api/events"} {
		_, _, h := get(t, srv, path)
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
	var entry struct {
		Msg, Method, Path, Route string
		Status                   int
	}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if err := json.Unmarshal([]byte(line), &entry); err == nil && entry.Path == "/api/events/12345" {
			break
		}
	}
	if entry.Msg != "request" || entry.Route != "GET /api/events/{id}" || entry.Status != 404 {
		t.Errorf("request log %+v in:\n%s", entry, logs.String())
	}
}

func TestPagesOfTheInterface(t *testing.T) {
	srv := serve(t, httpapiConfig(openStore(t)))
	for _, path := range []string{"/", "/events/12", "/articles/some-id", "/static/app.js", "/static/vendor/leaflet/leaflet.js", "/static/vendor/world-atlas/countries-50m.json"} {
		status, body, _ := get(t, srv, path)
		if status != 200 || len(body) < 100 {
			t.Errorf("%s: %d, %d bytes", path, status, len(body))
		}
	}
	for _, path := range []string{"/nothing", "/static/", "/static/vendor/"} {
		if status, _, _ := get(t, srv, path); status != 404 {
			t.Errorf("%s: %d, want 404", path, status)
		}
	}
}

func ptr[T any](v T) *T { return &v }
