-- 0001: the first schema. Articles as read (with full-text search on their
-- text), the events extraction found in each article (mentions), the merged
-- events they were merged into (with an R*Tree on their points), the claims,
-- actors and places of the mentions, and the analysts' overrides.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	article_id  TEXT NOT NULL UNIQUE,  -- the input's id, made unique
	hash        TEXT NOT NULL UNIQUE,  -- hex SHA-256 of the text
	url         TEXT UNIQUE,
	outlet      TEXT,
	published   TEXT,                  -- YYYY-MM-DD
	title       TEXT,
	lang        TEXT,
	source      TEXT,                  -- the input it was read from
	text        TEXT NOT NULL,
	warnings    TEXT NOT NULL,         -- JSON array
	ingested_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');

CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	scope          TEXT NOT NULL,
	family         TEXT NOT NULL,      -- merge.Key.Family: reports are compared within it
	event_type     TEXT,
	sub_event_type TEXT,
	cameo          TEXT,
	plover         TEXT,
	country        TEXT NOT NULL,      -- '' when unknown
	admin1         TEXT,
	location       TEXT,
	lat            REAL,
	lon            REAL,
	date_start     TEXT,
	date_end       TEXT,
	win_from       TEXT NOT NULL,      -- date window compared when merging; '' when none
	win_to         TEXT NOT NULL,
	killed_low     INTEGER,
	disputed       INTEGER NOT NULL,
	mentions       INTEGER NOT NULL,
	sources        INTEGER NOT NULL,
	match_key      TEXT NOT NULL,      -- merge.Key as JSON
	data           TEXT NOT NULL,      -- sitrep.MergedEvent as JSON
	updated_at     TEXT NOT NULL
);
CREATE INDEX events_match ON events(scope, family, country, win_to);
CREATE INDEX events_date ON events(date_start);

CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE mentions (
	id         INTEGER PRIMARY KEY,
	mention_id TEXT NOT NULL UNIQUE,   -- article_id/e1
	article    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	event      INTEGER NOT NULL REFERENCES events(id),
	reason     TEXT NOT NULL,          -- why it was merged into its event
	score      REAL NOT NULL,
	data       TEXT NOT NULL           -- sitrep.Event as JSON
);
CREATE INDEX mentions_event ON mentions(event);
CREATE INDEX mentions_article ON mentions(article);

CREATE TABLE claims (
	id               INTEGER PRIMARY KEY,
	mention          INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
	claimant         TEXT,
	claimant_country TEXT,
	stance           TEXT NOT NULL,
	cue              TEXT,
	start            INTEGER,
	end              INTEGER,
	killed_low       INTEGER,
	killed_best      INTEGER,
	killed_high      INTEGER,
	injured_low      INTEGER,
	injured_best     INTEGER,
	injured_high     INTEGER
);
CREATE INDEX claims_mention ON claims(mention);

CREATE TABLE actors (
	id         INTEGER PRIMARY KEY,
	mention    INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
	role       TEXT NOT NULL,          -- actor1, actor2, claimant
	text       TEXT,
	name       TEXT,
	acled_name TEXT,
	kind       TEXT,
	country    TEXT,
	sector     TEXT,
	inter      INTEGER,
	cameo      TEXT
);
CREATE INDEX actors_mention ON actors(mention);

CREATE TABLE places (
	id        INTEGER PRIMARY KEY,
	article   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	text      TEXT,
	start     INTEGER,
	end       INTEGER,
	name      TEXT,
	country   TEXT,
	admin1    TEXT,
	kind      TEXT,
	lat       REAL,
	lon       REAL,
	geonameid INTEGER
);
CREATE INDEX places_article ON places(article);

-- An analyst's merge keeps two mentions together ('together'); a split
-- keeps them apart ('apart'). Mentions are named by mention_id so that the
-- overrides outlive the rows when an article is ingested again.
CREATE TABLE overrides (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('together', 'apart')),
	a          TEXT NOT NULL,
	b          TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX overrides_a ON overrides(a);
CREATE INDEX overrides_b ON overrides(b);
