// sitrep's web interface: the map, timeline and list of events under the
// filters in the address, an event's page (figures, claims beside the
// sentences they come from, merge reasons) and an article's page.
//
// Article text and everything extracted from it is untrusted. This file
// never writes HTML from data: elements are made with el(), text goes in
// through text nodes, and links to other sites must be http(s).
"use strict";

(function () {
  // ---- DOM helpers -------------------------------------------------------

  // el makes an element. attrs holds attributes (class, href, ...); the
  // rest are children: strings become text nodes, null is skipped.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "href") e.setAttribute("href", v);
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    append(e, children);
    return e;
  }

  function append(parent, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return parent;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  const $ = (id) => document.getElementById(id);

  // safeURL returns u when it is an absolute http(s) address, else null:
  // an article's "url" could be "javascript:...".
  function safeURL(u) {
    if (typeof u !== "string" || u === "") return null;
    try {
      const p = new URL(u);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (_) {
      return null;
    }
  }

  // externalLink links to another site, or writes the address as text
  // when it is not a web address.
  function externalLink(u, label) {
    const safe = safeURL(u);
    if (!safe) return u ? el("span", { class: "muted" }, label || u) : null;
    return el("a", { href: safe, rel: "noopener noreferrer nofollow", target: "_blank" }, label || safe);
  }

  const eventHref = (id) => "/events/" + encodeURIComponent(id);
  const articleHref = (id) => "/articles/" + encodeURIComponent(id);

  // ---- data --------------------------------------------------------------

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await r.json();
    } catch (_) {
      /* not JSON */
    }
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : r.status + " " + r.statusText;
      const err = new Error(msg);
      err.status = r.status;
      throw err;
    }
    return body;
  }

  const TYPES = [
    ["Battles", "#c0392b"],
    ["Explosions/Remote violence", "#e67e22"],
    ["Violence against civilians", "#8e44ad"],
    ["Protests", "#2e86c1"],
    ["Riots", "#138d75"],
    ["Strategic developments", "#5d6d7e"],
    ["", "#a6a04a"], // statements, appeals, threats: CAMEO only
  ];
  const typeColor = new Map(TYPES);
  const colorOf = (type) => typeColor.get(type) || typeColor.get("");

  const FILTERS = ["country", "from", "to", "type", "actor", "text", "disputed"];

  // filtersFromURL reads the filters of the address.
  function filtersFromURL() {
    const q = new URLSearchParams(location.search);
    const f = {};
    for (const k of FILTERS) {
      const v = (q.get(k) || "").trim();
      if (v) f[k] = v;
    }
    return f;
  }

  function query(f, extra) {
    const q = new URLSearchParams();
    for (const k of FILTERS) if (f[k]) q.set(k, f[k]);
    for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
    return q.toString();
  }

  function figure(c) {
    if (!c) return "–";
    const lo = c.low ?? c.best;
    if (lo === null || lo === undefined) return "–";
    if (c.high === null || c.high === undefined) return lo + "+";
    return c.high !== lo ? lo + "–" + c.high : String(lo);
  }

  function figureLong(c) {
    if (!c) return "no figure";
    const v = (x) => (x === null || x === undefined ? "open" : x);
    return figure(c) + " (low " + v(c.low) + ", best " + v(c.best) + ", high " + v(c.high) + ")";
  }

  function typeLabel(ev) {
    if (ev.acled_event_type) return ev.acled_event_type + (ev.acled_sub_event_type ? " / " + ev.acled_sub_event_type : "");
    return "CAMEO " + ev.cameo + " " + (ev.plover || "");
  }

  function dateLabel(d) {
    const s = d.start, e = d.end;
    if (!s && !e) return "date unknown";
    if (!s) return "by " + e;
    if (!e || e === s) return s;
    return s + " to " + e;
  }

  function placeLabel(p) {
    if (!p) return "no place";
    if (p.country && p.kind !== "country") return p.name + ", " + p.country;
    return p.name || p.text;
  }

  function actorName(a) {
    if (!a) return null;
    return a.acled_name || a.name || a.text;
  }

  // claimantLabel names who makes a claim; a pronoun or surname that
  // stands for an earlier mention ("He") is followed by whom it stands for.
  function claimantLabel(c) {
    if (!c.claimant) return (c.outlet || "the outlet") + " (the outlet itself)";
    const a = c.claimant;
    let who = a.text;
    if (a.ref >= 0 && a.name && a.name !== a.text) who += " (" + a.name + ")";
    return who + (a.country ? " (" + a.country + ")" : "");
  }

  const fmt = new Intl.NumberFormat("en");

  // ---- views -------------------------------------------------------------

  let stats = null;

  async function route() {
    for (const v of document.querySelectorAll(".view")) v.hidden = true;
    const path = location.pathname;
    try {
      if (path.startsWith("/events/")) {
        await showEvent(decodeURIComponent(path.slice("/events/".length)));
      } else if (path.startsWith("/articles/")) {
        await showArticle(decodeURIComponent(path.slice("/articles/".length)));
      } else {
        await showMap();
      }
    } catch (err) {
      showError(err);
    }
  }

  function showError(err) {
    const v = $("view-error");
    clear(v);
    append(v, [
      el("h1", null, err.status === 404 ? "Not found" : "Something went wrong"),
      el("p", null, err.message),
      el("p", null, el("a", { href: "/" }, "Back to the map")),
    ]);
    v.hidden = false;
    document.title = "sitrep";
  }

  async function loadStats() {
    stats = await api("/api/stats");
    $("stats").textContent =
      fmt.format(stats.events) + " events from " + fmt.format(stats.articles) + " articles";
    return stats;
  }

  // ---- the map view ------------------------------------------------------

  const board = {
    map: null,
    markers: null,
    plot: null,
    seriesKey: null,
    next: null,
    fitted: false,
    gen: 0, // the filters shown: answers for older ones are dropped
  };

  async function showMap() {
    $("view-map").hidden = false;
    document.title = "sitrep: events";
    const st = stats || (await loadStats());
    if (st.events === 0) {
      $("board").hidden = true;
      $("filters").hidden = true;
      $("empty").hidden = false;
      $("empty-write").hidden = !st.writable;
      return;
    }
    $("empty").hidden = true;
    $("filters").hidden = false;
    $("board").hidden = false;
    const f = filtersFromURL();
    fillForm(f);
    initMap();
    updateExports(f);
    const gen = ++board.gen;
    try {
      await Promise.all([loadPoints(f, gen), loadList(f, false, gen), loadTimeline(f), loadChoices()]);
    } catch (err) {
      if (err.status !== 400) throw err;
      // A filter the server refuses (a bad date, unbalanced quotes in the
      // words): say so where the results would be, and keep the form.
      $("map-status").textContent = "These filters cannot be used: " + err.message;
      clear($("event-list")).append(el("li", { class: "muted none" }, err.message));
    }
  }

  function fillForm(f) {
    const form = $("filters");
    for (const k of FILTERS) {
      const input = form.elements[k];
      if (input.type === "checkbox") input.checked = f[k] === "true";
      else input.value = f[k] || "";
    }
    $("clear-dates").hidden = !(f.from || f.to);
  }

  function formFilters() {
    const form = $("filters");
    const f = {};
    for (const k of FILTERS) {
      const input = form.elements[k];
      const v = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
      if (v) f[k] = k === "country" ? v.toUpperCase() : v;
    }
    return f;
  }

  // navigate shows the filters f, as a new entry of the history unless
  // replace.
  function navigate(f, replace) {
    const q = query(f);
    const url = "/" + (q ? "?" + q : "");
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    return showMap();
  }

  function updateExports(f) {
    $("export-acled").href = "/api/export?" + query(f, { format: "acled" });
    $("export-geojson").href = "/api/export?" + query(f, { format: "geojson" });
  }

  function initMap() {
    if (board.map) {
      board.map.invalidateSize();
      return;
    }
    const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 11, zoomSnap: 0.5 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth (public domain) · Leaflet");
    map.setView([25, 20], 2);
    board.map = map;
    board.markers = L.markerClusterGroup({
      maxClusterRadius: 36,
      disableClusteringAtZoom: 9,
      showCoverageOnHover: false,
      chunkedLoading: true,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(board.markers);
    loadOutlines(map);
    const legend = $("legend");
    clear(legend);
    for (const [type, color] of TYPES) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = color;
      legend.append(el("li", null, swatch, type || "Other (statements, threats, appeals)"));
    }
    legend.append(el("li", null, el("span", { class: "swatch disputed" }), "Disputed: someone denies it"));
    legend.append(el("li", { class: "muted" }, "Circle size: people killed"));
  }

  async function loadOutlines(map) {
    try {
      const r = await fetch("/static/vendor/world-atlas/countries-50m.json");
      const topo = await r.json();
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#8d877a", weight: 0.6, fillColor: "#efebe2", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    } catch (err) {
      $("map-status").textContent = "Country outlines could not be loaded.";
    }
  }

  function clusterIcon(cluster) {
    const n = cluster.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 44 : 52;
    const span = el("span", null, fmt.format(n));
    return L.divIcon({ html: span, className: "cluster", iconSize: L.point(size, size) });
  }

  function radius(killed) {
    if (!killed) return 5;
    return Math.min(30, 5 + 3 * Math.sqrt(killed));
  }

  async function loadPoints(f, gen) {
    $("map-status").textContent = "Loading events…";
    const body = await api("/api/points?" + query(f, { limit: 20000 }));
    if (gen !== board.gen) return;
    board.markers.clearLayers();
    const layers = [];
    for (const p of body.points) {
      const m = L.circleMarker([p.lat, p.lon], {
        radius: radius(p.killed),
        color: p.disputed ? "#111" : "#ffffff",
        weight: p.disputed ? 2.5 : 1,
        dashArray: p.disputed ? "4 3" : null,
        fillColor: colorOf(p.type),
        fillOpacity: 0.8,
        className: "event-marker" + (p.disputed ? " disputed" : ""),
      });
      m.bindTooltip(pointTooltip(p), { direction: "top", offset: [0, -4] });
      m.on("click", () => go(eventHref(p.id)));
      m.eventID = p.id;
      layers.push(m);
    }
    board.markers.addLayers(layers);
    const shown = body.points.length;
    $("map-status").textContent =
      (shown ? fmt.format(shown) + " events on the map" : "No event with a place matches") +
      (body.truncated ? " (the newest; narrow the filter to see all)" : "");
    if (shown && !board.fitted) {
      board.fitted = true;
      const b = L.latLngBounds(body.points.map((p) => [p.lat, p.lon]));
      board.map.fitBounds(b.pad(0.1), { maxZoom: 7 });
    }
  }

  function pointTooltip(p) {
    return el(
      "div",
      { class: "tip" },
      el("strong", null, p.sub_type || p.type || "CAMEO " + p.cameo + " " + p.plover),
      el("br"),
      (p.date || "date unknown") + " · " + (p.place || p.country),
      p.killed ? el("span", null, el("br"), p.killed + " killed") : null,
      p.disputed ? el("span", { class: "badge disputed" }, "disputed") : null
    );
  }

  async function loadList(f, more, gen) {
    const list = $("event-list");
    const extra = { order: "desc", limit: 50 };
    if (more && board.next) extra.cursor = board.next;
    if (!more) {
      clear(list);
      list.setAttribute("aria-busy", "true");
    }
    const body = await api("/api/events?" + query(f, extra));
    if (gen !== undefined && gen !== board.gen) return;
    list.removeAttribute("aria-busy");
    for (const ev of body.events) list.append(listItem(ev));
    board.next = body.next_cursor || null;
    $("more").hidden = !board.next;
    if (!more && body.events.length === 0) {
      list.append(el("li", { class: "muted none" }, "No event matches these filters."));
    }
  }

  function listItem(ev) {
    const killed = ev.killed ? figure(ev.killed) + " killed" : null;
    const dot = el("span", { class: "dot" + (ev.disputed ? " disputed" : "") });
    dot.style.background = colorOf(ev.acled_event_type || "");
    const sources = ev.sources.length + (ev.sources.length === 1 ? " source" : " sources");
    return el(
      "li",
      null,
      el(
        "a",
        { href: eventHref(ev.id), class: "event-link", "data-id": ev.id },
        dot,
        el("span", { class: "when" }, dateLabel(ev.date)),
        el("span", { class: "what" }, typeLabel(ev)),
        el("span", { class: "where" }, placeLabel(ev.location)),
        el(
          "span",
          { class: "meta" },
          [killed, sources].filter(Boolean).join(" · "),
          ev.disputed ? el("span", { class: "badge disputed" }, "disputed") : null
        )
      )
    );
  }

  async function loadChoices() {
    if ($("countries").childElementCount) return;
    const [byCountry, byType] = await Promise.all([
      api("/api/series?by=country&interval=all"),
      api("/api/series?by=type&interval=all"),
    ]);
    for (const [list, body] of [[$("countries"), byCountry], [$("types"), byType]]) {
      const totals = new Map();
      for (const p of body.points) if (p.group) totals.set(p.group, (totals.get(p.group) || 0) + p.events);
      [...totals.entries()]
        .sort((a, b) => b[1] - a[1])
        .forEach(([g, n]) => list.append(el("option", { value: g }, g + " (" + n + ")")));
    }
  }

  // ---- the timeline ------------------------------------------------------

  const DAY = 86400;

  function toDay(secs) {
    return new Date(secs * 1000).toISOString().slice(0, 10);
  }

  // loadTimeline draws the events and killed of every date under the
  // filters other than the dates, which the chart selects.
  async function loadTimeline(f) {
    const g = Object.assign({}, f);
    delete g.from;
    delete g.to;
    const key = query(g);
    if (board.plot && board.seriesKey === key) {
      markSelection(f);
      return;
    }
    const body = await api("/api/series?" + query(g, { interval: "day" }));
    board.seriesKey = key;
    let pts = body.points.map((p) => [Date.parse(p.date) / 1000, p.events, p.killed]);
    const span = pts.length ? pts[pts.length - 1][0] - pts[0][0] : 0;
    pts = span > 180 * DAY ? filled(byWeek(pts), 7 * DAY) : filled(pts, DAY);
    const data = [pts.map((p) => p[0]), pts.map((p) => p[1]), pts.map((p) => p[2])];
    const box = $("timeline");
    if (board.plot) board.plot.destroy();
    clear(box);
    const width = Math.max(280, box.clientWidth);
    const bars = uPlot.paths.bars({ size: [0.8, 24] });
    board.plot = new uPlot(
      {
        width,
        height: 150,
        scales: { x: { time: true }, n: { auto: true }, k: { auto: true } },
        series: [
          { label: "Date", value: (u, v) => (v === null ? "–" : toDay(v)) },
          { label: span > 180 * DAY ? "Events a week" : "Events a day", scale: "n", stroke: "#34495e", fill: "rgba(52,73,94,0.35)", paths: bars, points: { show: false } },
          { label: "Killed", scale: "k", stroke: "#c0392b", width: 1.5, points: { show: false } },
        ],
        axes: [
          { stroke: "#444" },
          { scale: "n", stroke: "#34495e", size: 52 },
          { scale: "k", side: 1, stroke: "#c0392b", grid: { show: false }, size: 52 },
        ],
        cursor: { drag: { x: true, y: false, setScale: false } },
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width < 3 || board.silentSelect) return;
              const from = toDay(u.posToVal(u.select.left, "x"));
              const to = toDay(u.posToVal(u.select.left + u.select.width, "x"));
              const nf = Object.assign(filtersFromURL(), { from, to });
              navigate(nf, true);
            },
          ],
        },
      },
      data,
      box
    );
    markSelection(f);
  }

  // filled adds the empty intervals between the points, so that lines
  // drop to zero where nothing happened.
  function filled(pts, step) {
    const out = [];
    for (const p of pts) {
      const last = out[out.length - 1];
      for (let t = last ? last[0] + step : p[0]; t < p[0]; t += step) out.push([t, 0, 0]);
      out.push(p);
    }
    return out;
  }

  function byWeek(pts) {
    const out = new Map();
    for (const [t, n, k] of pts) {
      const d = new Date(t * 1000);
      const monday = t - ((d.getUTCDay() + 6) % 7) * DAY;
      const w = out.get(monday) || [monday, 0, 0];
      w[1] += n;
      w[2] += k;
      out.set(monday, w);
    }
    return [...out.values()].sort((a, b) => a[0] - b[0]);
  }

  // markSelection shows the date filter as the chart's selection.
  function markSelection(f) {
    const u = board.plot;
    if (!u) return;
    board.silentSelect = true;
    if (f.from || f.to) {
      const x0 = f.from ? u.valToPos(Date.parse(f.from) / 1000, "x") : 0;
      const x1 = f.to ? u.valToPos(Date.parse(f.to) / 1000 + DAY, "x") : u.bbox.width / devicePixelRatio;
      u.setSelect({ left: Math.max(0, x0), top: 0, width: Math.max(2, x1 - Math.max(0, x0)), height: u.bbox.height / devicePixelRatio }, false);
    } else {
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    }
    board.silentSelect = false;
  }

  window.addEventListener("resize", () => {
    if (board.plot && !$("view-map").hidden) {
      board.plot.setSize({ width: Math.max(280, $("timeline").clientWidth), height: 150 });
      markSelection(filtersFromURL());
    }
  });

  // ---- the event page ----------------------------------------------------

  const articleCache = new Map();

  function article(id) {
    if (!articleCache.has(id)) articleCache.set(id, api("/api/articles/" + encodeURIComponent(id)));
    return articleCache.get(id);
  }

  async function showEvent(id) {
    const v = $("view-event");
    clear(v).append(el("p", { class: "muted" }, "Loading event " + id + "…"));
    v.hidden = false;
    const body = await api("/api/events/" + encodeURIComponent(id));
    const ev = body.event;
    document.title = "sitrep: event " + ev.id;
    const published = new Map(ev.sources.map((s) => [s.article_id, s]));
    clear(v);
    append(v, [
      el("p", { class: "crumbs" }, el("a", { href: "/" + (sessionStorage.getItem("sitrep-filters") || "") }, "← Map")),
      el(
        "h1",
        null,
        "Event " + ev.id + ": " + typeLabel(ev),
        ev.disputed ? el("span", { class: "badge disputed big" }, "disputed") : null
      ),
      el("p", { class: "lede" }, ev.text),
      facts(ev),
      el("h2", null, "Claims (" + ev.claims.length + ")"),
      el("p", { class: "muted" }, "Who says what, with their own figures. Choose a claim to see its sentence in the article."),
      claimsBlock(ev, published),
      el("h2", null, "Reports, and why each was merged (" + ev.merge.length + ")"),
      mergeTable(body.mentions, ev),
      el("h2", null, "Sources (" + ev.sources.length + ")"),
      el(
        "ul",
        { class: "sources" },
        ev.sources.map((s) =>
          el(
            "li",
            null,
            el("a", { href: articleHref(s.article_id) }, s.article_id),
            " · " + (s.outlet || "outlet unknown") + " · " + (s.published || "date unknown") + " ",
            s.url ? externalLink(s.url, "original") : null
          )
        )
      ),
      el("p", { class: "muted" }, el("a", { href: "/api/events/" + encodeURIComponent(ev.id) }, "This event as JSON")),
    ]);
  }

  function facts(ev) {
    const rows = [
      ["Date", dateLabel(ev.date) + " (" + ev.date.precision + (ev.date.text ? ', "' + ev.date.text + '"' : "") + ")"],
      ["Place", placeLabel(ev.location) + (ev.location && ev.location.lat !== null ? " (" + ev.location.lat.toFixed(4) + ", " + ev.location.lon.toFixed(4) + ")" : "") + (ev.geo_precision ? ", geo precision " + ev.geo_precision : "")],
      ["Actor 1", actorName(ev.actor1) || "–"],
      ["Actor 2", actorName(ev.actor2) || "–"],
      ["Killed", figureLong(ev.killed)],
      ["Injured", figureLong(ev.injured)],
      ["Victims", ev.victims || "–"],
      ["Scope", ev.scope],
      ["Codes", "CAMEO " + ev.cameo + " · PLOVER " + ev.plover + (ev.plover_mode ? " (" + ev.plover_mode + ")" : "")],
      ["Figures", "reconciled over every report under the " + ev.policy + " policy"],
      ["Confidence", ev.confidence.toFixed(2)],
    ];
    return el(
      "dl",
      { class: "facts" },
      rows.map(([k, val]) => [el("dt", null, k), el("dd", { class: k === "Killed" || k === "Injured" ? "figure" : null }, val)])
    );
  }

  function claimsBlock(ev, sources) {
    const text = el("div", { class: "source-text", tabindex: "0", "aria-label": "Article text" });
    const head = el("div", { class: "source-head" });
    const list = el("ol", { class: "claims", role: "list" });
    const buttons = [];
    ev.claims.forEach((c, i) => {
      const src = sources.get(c.article_id) || {};
      const b = el(
        "button",
        { type: "button", class: "claim " + c.stance, "aria-pressed": "false", "data-i": i },
        el("span", { class: "who" }, claimantLabel(c)),
        el("span", { class: "stance " + c.stance }, c.stance),
        el("span", { class: "cue" }, "“" + c.cue + "”"),
        el(
          "span",
          { class: "figs" },
          c.killed ? "killed " + figure(c.killed) : null,
          c.killed && c.injured ? " · " : null,
          c.injured ? "injured " + figure(c.injured) : null,
          !c.killed && !c.injured ? "no figures" : null
        ),
        el("span", { class: "src" }, (c.outlet || src.outlet || "outlet unknown") + ", " + (src.published || "date unknown"))
      );
      b.addEventListener("click", () => select(i).then(() => {
        // One column: the text is below the claims; bring it up.
        if (window.matchMedia("(max-width: 900px)").matches) text.scrollIntoView({ block: "nearest" });
      }));
      buttons.push(b);
      list.append(el("li", null, b));
    });
    let current = -1;
    async function select(i) {
      if (i === current) return;
      current = i;
      buttons.forEach((b, j) => b.setAttribute("aria-pressed", String(j === i)));
      const c = ev.claims[i];
      clear(head).append(
        el("a", { href: articleHref(c.article_id) }, c.article_id),
        " · " + (c.outlet || "outlet unknown")
      );
      clear(text).append(el("span", { class: "muted" }, "Loading the article…"));
      try {
        const a = await article(c.article_id);
        if (current !== i) return;
        clear(text).append(...highlighted(a.text, [{ start: c.start, end: c.end, cls: "claim-span " + c.stance }]));
        const mark = text.querySelector("mark");
        if (mark) {
          // The sentence a quarter of the way down the panel.
          const below = mark.getBoundingClientRect().top - text.getBoundingClientRect().top;
          text.scrollTop = Math.max(0, text.scrollTop + below - text.clientHeight / 4);
        }
      } catch (err) {
        clear(text).append(el("span", { class: "muted" }, "The article could not be loaded: " + err.message));
      }
    }
    if (ev.claims.length) select(0);
    else list.append(el("li", { class: "muted" }, "No claims."));
    return el("div", { class: "claims-block" }, list, el("div", { class: "source" }, head, text));
  }

  // highlighted returns the nodes of text with the spans (byte offsets into
  // its UTF-8 form, as the API gives them) marked; overlapping spans after
  // the first are left out.
  function highlighted(text, spans) {
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const out = [];
    let at = 0;
    const sorted = spans
      .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= bytes.length)
      .sort((a, b) => a.start - b.start);
    for (const s of sorted) {
      if (s.start < at) continue;
      out.push(document.createTextNode(dec.decode(bytes.subarray(at, s.start))));
      const mark = el("mark", { class: s.cls }, dec.decode(bytes.subarray(s.start, s.end)));
      out.push(s.href ? el("a", { href: s.href, class: "mark-link" }, mark) : mark);
      at = s.end;
    }
    out.push(document.createTextNode(dec.decode(bytes.subarray(at))));
    return out;
  }

  function mergeTable(mentions, ev) {
    return el(
      "table",
      { class: "merge" },
      el("thead", null, el("tr", null, el("th", null, "Report"), el("th", null, "Article"), el("th", null, "Score"), el("th", null, "Why"))),
      el(
        "tbody",
        null,
        mentions.map((m) =>
          el(
            "tr",
            null,
            el("td", null, m.id),
            el("td", null, el("a", { href: articleHref(m.source.article_id) }, m.source.article_id), " ", el("span", { class: "muted" }, (m.source.outlet || "") + " " + (m.source.published || ""))),
            el("td", null, m.score.toFixed(2)),
            el("td", null, m.reason)
          )
        )
      )
    );
  }

  // ---- the article page --------------------------------------------------

  async function showArticle(id) {
    const v = $("view-article");
    clear(v).append(el("p", { class: "muted" }, "Loading article…"));
    v.hidden = false;
    const a = await article(id);
    document.title = "sitrep: article " + a.id;
    const spans = a.events.map((m) => ({ start: m.event.start, end: m.event.end, cls: "event-span", href: eventHref(m.event_id) }));
    clear(v);
    append(v, [
      el("p", { class: "crumbs" }, el("a", { href: "/" }, "← Map")),
      el("h1", null, a.title || a.id),
      el(
        "p",
        { class: "muted" },
        (a.outlet || "outlet unknown") + " · published " + (a.published || "date unknown") + " · id " + a.id + " ",
        a.url ? externalLink(a.url, "original") : null
      ),
      a.warnings.length ? el("ul", { class: "warnings" }, a.warnings.map((w) => el("li", null, w))) : null,
      el("div", { class: "article-grid" },
        el("div", { class: "article-text", tabindex: "0", "aria-label": "Article text" }, ...highlighted(a.text, spans)),
        el("div", null,
          el("h2", null, "Events found (" + a.events.length + ")"),
          el("ol", { class: "found" },
            a.events.map((m) =>
              el("li", null,
                el("a", { href: eventHref(m.event_id) }, typeLabel(m.event)),
                el("br"),
                el("span", { class: "muted" }, dateLabel(m.event.date) + " · " + placeLabel(m.event.location) + (m.event.killed ? " · " + figure(m.event.killed) + " killed" : "") + " · event " + m.event_id)
              )
            )
          ),
          el("h2", null, "Places (" + a.places.length + ")"),
          el("p", { class: "muted" }, a.places.map((p) => p.text + (p.country ? " (" + p.country + ")" : "")).join(" · ") || "none")
        )
      ),
      el("p", { class: "muted" }, el("a", { href: "/api/articles/" + encodeURIComponent(a.id) }, "This article and its extraction as JSON")),
    ]);
  }

  // ---- wiring ------------------------------------------------------------

  // go shows an address of the interface without reloading the page.
  function go(href) {
    if (location.pathname === "/") sessionStorage.setItem("sitrep-filters", location.search);
    history.pushState(null, "", href);
    window.scrollTo(0, 0);
    route().then(() => $("main").focus({ preventScroll: true }));
  }

  document.addEventListener("click", (e) => {
    const a = e.target.closest("a");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (a.target || a.hasAttribute("download")) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    if (url.pathname === "/" || url.pathname.startsWith("/events/") || url.pathname.startsWith("/articles/")) {
      e.preventDefault();
      if (url.pathname === "/") {
        history.pushState(null, "", url.pathname + url.search);
        board.fitted = false;
        route();
      } else {
        go(url.pathname);
      }
    }
  });

  window.addEventListener("popstate", route);

  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    board.fitted = false;
    navigate(formFilters(), false).catch(showError);
  });
  $("clear").addEventListener("click", () => {
    board.fitted = false;
    navigate({}, false).catch(showError);
  });
  $("clear-dates").addEventListener("click", () => {
    const f = filtersFromURL();
    delete f.from;
    delete f.to;
    navigate(f, false).catch(showError);
  });
  $("more").addEventListener("click", () => loadList(filtersFromURL(), true).catch(showError));

  loadStats()
    .catch(() => null)
    .then(route);
})();
