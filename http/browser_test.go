package httpapi_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep"
	httpapi "github.com/sitrep-project/sitrep/http"
	"github.com/sitrep-project/sitrep/input"
)

var screenshots = flag.String("screenshots", "", "save the browser tests' screenshots in this `directory` (make screenshots: ../docs)")

// browser starts a headless Chromium for one test, or skips the test when
// there is none; under CI=true a missing browser fails the test instead.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("SITREP_CHROMIUM")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path != "" {
			break
		}
		path, _ = exec.LookPath(name)
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium binary found, and CI=true: install Debian's chromium (apt-get install chromium) or set SITREP_CHROMIUM")
		}
		t.Skip("browser test skipped: no chromium binary found (apt-get install chromium, or set SITREP_CHROMIUM to a Chrome or Chromium binary)")
	}
	// The flags of a root user on a machine without network: no sandbox,
	// no GPU, no background connections.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "en-GB"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 860),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	// Any error the page logs (an exception, a refused script or style, a
	// failed request) fails the test.
	var mu sync.Mutex
	var errs []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if (m.Type == chromedp.ConsoleError || m.IsException()) && !strings.Contains(m.URL, "favicon") {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range errs {
			t.Errorf("the page logged an error: %s", e)
		}
	})
	return ctx
}

// must runs browser actions and fails the test on an error.
func must(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func jsEval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waited 20s for %s (%s)", what, js)
}

// screenshot saves a PNG of the page as name, in -screenshots or the
// test's temporary directory.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// TestBrowserMapEventAndFilter loads the interface on the seed article and
// the ACLED development notes, as the README's first command does: the
// markers show, the Ganja event opens from the list with its claims and
// the Armenian denial beside the sentence that carries it, the timeline
// filters the map when brushed, and a filter typed in the form lands in the
// address.
func TestBrowserMapEventAndFilter(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) { browseMapEventAndFilter(t, e.open) })
	}
}

func browseMapEventAndFilter(t *testing.T, open func(testing.TB) httpapi.Store) {
	seed := sharedFile(t, "seed/ganja-2020-10-17.txt")
	acled := sharedFile(t, "data/acled-dev-2020/gold.jsonl")
	ctx := browser(t)
	store := open(t)
	ingest(t, store, input.Options{}, acled)
	ingest(t, store, seedOptions, seed)
	srv := serve(t, httpapiConfig(store))

	ganja := findEvent(t, store, sitrep.EventFilter{Country: "AZE", From: "2020-10-16", To: "2020-10-16", Type: "Shelling/artillery/missile attack"}, "Ganja")

	// The map: outlines, markers and clusters, the list, the timeline.
	must(t, ctx, "open the map", chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "markers", `document.querySelectorAll("path.event-marker, .cluster").length > 10`)
	waitFor(t, ctx, "country outlines", `document.querySelectorAll(".leaflet-overlay-pane path").length > 100`)
	waitFor(t, ctx, "the list", `document.querySelectorAll("#event-list a.event-link").length > 10`)
	waitFor(t, ctx, "the timeline", `!!document.querySelector("#timeline .u-over")`)
	status := jsEval[string](t, ctx, `document.getElementById("map-status").textContent`)
	if !strings.Contains(status, "events on the map") {
		t.Errorf("map status %q", status)
	}
	screenshot(t, ctx, "screenshot-map.png")

	// Narrow to Azerbaijan in October 2020 with the form, then open the
	// Ganja event from the list.
	must(t, ctx, "filter by country and dates",
		chromedp.SendKeys(chromedp.CSS(`#filters input[name=country]`), "AZE"),
		chromedp.SetValue(chromedp.CSS(`#filters input[name=from]`), "2020-10-01"),
		chromedp.SetValue(chromedp.CSS(`#filters input[name=to]`), "2020-10-31"),
		chromedp.Click(chromedp.CSS(`#apply`)),
	)
	waitFor(t, ctx, "the filter in the address", `location.search.includes("country=AZE") && location.search.includes("from=2020-10-01")`)
	link := fmt.Sprintf(`#event-list a.event-link[data-id="%s"]`, ganja)
	waitFor(t, ctx, "the Ganja event in the list", fmt.Sprintf(`!!document.querySelector(%q)`, link))
	waitFor(t, ctx, "the map fitted to Azerbaijan", `document.querySelectorAll("path.event-marker").length >= 1`)
	mapped := jsEval[int](t, ctx, `document.querySelectorAll("path.event-marker, .cluster").length`)
	if mapped == 0 {
		t.Error("no marker for Azerbaijan in October 2020")
	}
	screenshot(t, ctx, "screenshot-filtered.png")

	// The Ganja event is the one disputed event drawn on its own there:
	// click its circle.
	if n := jsEval[int](t, ctx, `document.querySelectorAll("path.event-marker.disputed").length`); n != 1 {
		t.Fatalf("%d disputed circles drawn alone, want the Ganja event's", n)
	}
	must(t, ctx, "open the Ganja event from the map", chromedp.Click(chromedp.CSS(`path.event-marker.disputed`)))
	waitFor(t, ctx, "the event page", `location.pathname === "/events/`+ganja+`" && document.querySelectorAll("#view-event button.claim").length > 2`)
	waitFor(t, ctx, "the first claim's sentence", `!!document.querySelector("#view-event .source-text mark")`)
	title := jsEval[string](t, ctx, `document.querySelector("#view-event h1").textContent`)
	if !strings.Contains(title, "Shelling") || !strings.Contains(title, "disputed") {
		t.Errorf("event title %q", title)
	}
	figures := jsEval[string](t, ctx, `document.querySelector("#view-event .facts").textContent`)
	if !strings.Contains(figures, "Ganja") || !strings.Contains(figures, "12 (low 12") {
		t.Errorf("reconciled figures: %q", figures)
	}
	denial := jsEval[int](t, ctx, `[...document.querySelectorAll("#view-event button.claim")].findIndex(b => b.classList.contains("denies") && b.textContent.includes("the Armenian authorities"))`)
	if denial < 0 {
		t.Fatalf("no claim of the Armenian authorities that denies the event: %s",
			jsEval[string](t, ctx, `[...document.querySelectorAll("#view-event button.claim")].map(b => b.textContent).join(" | ")`))
	}
	// With the keyboard: focus the denial and press Enter.
	must(t, ctx, "choose the denial",
		chromedp.Focus(chromedp.CSS(fmt.Sprintf(`#view-event ol.claims > li:nth-child(%d) > button`, denial+1))),
		chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "the denial highlighted", `(document.querySelector("#view-event .source-text mark.denies") || {}).textContent?.includes("the Armenian authorities denied")`)
	if n := jsEval[int](t, ctx, `document.querySelectorAll("#view-event table.merge tbody tr").length`); n < 1 {
		t.Errorf("%d merge reasons shown", n)
	}
	if href := jsEval[string](t, ctx, `document.querySelector("#view-event ul.sources a").getAttribute("href")`); !strings.HasPrefix(href, "/articles/") {
		t.Errorf("source link %q", href)
	}
	must(t, ctx, "a taller window", chromedp.EmulateViewport(1280, 1000))
	jsEval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
	screenshot(t, ctx, "screenshot-event.png")
	must(t, ctx, "the usual window", chromedp.EmulateViewport(1280, 900))

	// Back to the map; brush the timeline: the dates land in the address
	// and the map and list follow.
	must(t, ctx, "back to the map", chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "the timeline", `!!document.querySelector("#timeline .u-over") && document.querySelectorAll("path.event-marker, .cluster").length > 10`)
	box := jsEval[[]float64](t, ctx, `(() => { const r = document.querySelector("#timeline .u-over").getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	y := box[1] + box[3]/2
	must(t, ctx, "brush the timeline", chromedp.DragAndDropXY(box[0]+box[2]*0.80, y, box[0]+box[2]*0.99, y, 8))
	waitFor(t, ctx, "brushed dates in the address", `location.search.includes("from=") && location.search.includes("to=")`)
	q, _ := url.ParseQuery(strings.TrimPrefix(jsEval[string](t, ctx, `location.search`), "?"))
	from := q.Get("from")
	waitFor(t, ctx, "the list within the dates", fmt.Sprintf(`[...document.querySelectorAll("#event-list .when")].length > 0 && [...document.querySelectorAll("#event-list .when")].every(w => w.textContent.replace("by ", "").slice(-10) >= %q)`, from))

	// A filter typed in the form: only battles.
	must(t, ctx, "filter by type",
		chromedp.Click(chromedp.CSS(`#clear`)),
	)
	waitFor(t, ctx, "cleared", `location.search === ""`)
	must(t, ctx, "filter by type",
		chromedp.SendKeys(chromedp.CSS(`#filters input[name=type]`), "Battles"),
		chromedp.KeyEvent("\r"),
	)
	waitFor(t, ctx, "type=Battles in the address", `location.search.includes("type=Battles")`)
	waitFor(t, ctx, "only battles listed", `document.querySelectorAll("#event-list .what").length > 0 && [...document.querySelectorAll("#event-list .what")].every(w => w.textContent.startsWith("Battles"))`)
	if got := jsEval[string](t, ctx, `document.getElementById("export-acled").getAttribute("href")`); !strings.Contains(got, "type=Battles") || !strings.Contains(got, "format=acled") {
		t.Errorf("the ACLED export does not follow the filter: %q", got)
	}
}

// TestBrowserEscapesArticleText ingests an article whose text, title,
// outlet and address hold markup and a javascript: link, and checks on
// every page that shows them that nothing runs and no element is made of
// them.
func TestBrowserEscapesArticleText(t *testing.T) {
	ctx := browser(t)
	store := openStore(t)
	const attack = `<script>window.__xss = "script"</script> <img src=x onerror="window.__xss = 'img'"> <a href="javascript:window.__xss = 'link'">read more</a>`
	art := sitrep.Article{
		ID:        `xss"><img src=x onerror=alert(1)>`,
		Text:      "Rebels attacked a convoy near Gao on Monday, killing three soldiers, the army said. " + attack + "\n\nThe army denied that any civilians were killed in Gao.",
		Published: "2021-03-10",
		Outlet:    `<img src=x onerror="window.__xss='outlet'">`,
		URL:       "javascript:window.__xss='url'",
		Title:     `<script>window.__xss='title'</script>`,
	}
	doc := ingestArticle(t, store, art)
	if len(doc.Events) == 0 {
		t.Fatal("the test article gives no event")
	}
	srv := serve(t, httpapiConfig(store))
	evs, err := store.Events(context.Background(), sitrep.EventFilter{})
	if err != nil || len(evs) == 0 {
		t.Fatalf("events: %v", err)
	}
	pages := []string{"/", "/events/" + evs[0].ID, "/articles/" + url.PathEscape(doc.ID)}
	for _, page := range pages {
		must(t, ctx, "open "+page, chromedp.Navigate(srv.URL+page))
		waitFor(t, ctx, page+" drawn", `(document.querySelector(".view:not([hidden])") || {}).textContent?.length > 50 && !document.querySelector(".view:not([hidden])").textContent.includes("Loading")`)
		time.Sleep(300 * time.Millisecond)
		if v := jsEval[string](t, ctx, `String(window.__xss)`); v != "undefined" {
			t.Errorf("%s: injected code ran: window.__xss = %q", page, v)
		}
		if n := jsEval[int](t, ctx, `document.querySelectorAll('img[src="x"], script:not([src]), [onerror], a[href^="javascript:" i]').length`); n > 0 {
			t.Errorf("%s: %d elements made from article data: %s", page, n,
				jsEval[string](t, ctx, `[...document.querySelectorAll('img[src="x"], script:not([src]), [onerror], a[href^="javascript:" i]')].map(e => e.outerHTML).join(" ")`))
		}
	}
	// The article page shows the markup as text.
	text := jsEval[string](t, ctx, `document.querySelector(".article-text").textContent`)
	if !strings.Contains(text, `<script>window.__xss = "script"</script>`) || !strings.Contains(text, `<img src=x onerror=`) {
		t.Errorf("the article text is not shown as written: %q", text)
	}
	heading := jsEval[string](t, ctx, `document.querySelector("#view-article h1").textContent`)
	if heading != art.Title {
		t.Errorf("title shown as %q, want the text %q", heading, art.Title)
	}
}

// findEvent returns the id of the one event f selects whose place is named
// place.
func findEvent(t *testing.T, store interface {
	Events(context.Context, sitrep.EventFilter) ([]*sitrep.MergedEvent, error)
}, f sitrep.EventFilter, place string) string {
	t.Helper()
	evs, err := store.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if ev.Location != nil && ev.Location.Name == place {
			return ev.ID
		}
	}
	raw, _ := json.Marshal(evs)
	t.Fatalf("no event at %s among %s", place, raw)
	return ""
}
