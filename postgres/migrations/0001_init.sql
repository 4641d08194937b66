-- 0001: the first schema, the same concepts as the SQLite store's: articles
-- as read (with a tsvector for full-text search), the events extraction
-- found in each article (mentions), the merged events (with a point and a
-- GiST index for bounding-box queries), the claims, actors and places of
-- the mentions, and the analysts' overrides.

CREATE TABLE meta (
	key   text PRIMARY KEY,
	value text NOT NULL
);

CREATE TABLE articles (
	id          bigserial PRIMARY KEY,
	article_id  text NOT NULL UNIQUE,  -- the input's id, made unique
	hash        text NOT NULL UNIQUE,  -- hex SHA-256 of the text
	url         text UNIQUE,
	outlet      text,
	published   text,                  -- YYYY-MM-DD
	title       text,
	lang        text,
	source      text,                  -- the input it was read from
	text        text NOT NULL,
	warnings    json NOT NULL,
	ingested_at timestamptz NOT NULL,
	-- 'simple': no stemming and no stop words, as the SQLite store's FTS5
	-- index, so that one query finds the same articles on both engines.
	tsv         tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- A new number each time an event's row is written, never reused (not even
-- by a transaction rolled back): a store may keep what it decoded of an
-- event for as long as the event keeps its version.
CREATE SEQUENCE event_versions;

CREATE TABLE events (
	id             bigserial PRIMARY KEY,
	version        bigint NOT NULL DEFAULT nextval('event_versions'),
	scope          text NOT NULL,
	family         text NOT NULL,      -- merge.Key.Family: reports are compared within it
	event_type     text,
	sub_event_type text,
	cameo          text,
	plover         text,
	country        text NOT NULL,      -- '' when unknown
	admin1         text,
	location       text,
	lat            double precision,
	lon            double precision,
	pt             point,              -- (lon, lat), for bounding-box queries without PostGIS
	date_start     text,
	date_end       text,
	win_from       text NOT NULL,      -- date window compared when merging; '' when none
	win_to         text NOT NULL,
	killed_low     integer,
	disputed       boolean NOT NULL,
	mentions       integer NOT NULL,
	sources        integer NOT NULL,
	-- json, not jsonb: read and written whole by the store, never looked
	-- into by SQL, and json costs no conversion either way.
	match_key      json NOT NULL,      -- merge.Key
	data           json NOT NULL,      -- sitrep.MergedEvent
	updated_at     timestamptz NOT NULL
);
CREATE INDEX events_match ON events (scope, family, country, win_to);
CREATE INDEX events_date ON events (date_start);
-- the order events are listed and paged in
CREATE INDEX events_order ON events ((coalesce(date_start, date_end, '')), id);
CREATE INDEX events_pt ON events USING gist (pt);

CREATE TABLE mentions (
	id         bigserial PRIMARY KEY,
	mention_id text NOT NULL UNIQUE,   -- article_id/e1
	article    bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	event      bigint NOT NULL REFERENCES events (id),
	reason     text NOT NULL,          -- why it was merged into its event
	score      double precision NOT NULL,
	data       json NOT NULL           -- sitrep.Event
);
CREATE INDEX mentions_event ON mentions (event);
CREATE INDEX mentions_article ON mentions (article);

CREATE TABLE claims (
	id               bigserial PRIMARY KEY,
	mention          bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
	claimant         text,
	claimant_country text,
	stance           text NOT NULL,
	cue              text,
	start            integer,
	"end"            integer,
	killed_low       integer,
	killed_best      integer,
	killed_high      integer,
	injured_low      integer,
	injured_best     integer,
	injured_high     integer
);
CREATE INDEX claims_mention ON claims (mention);

CREATE TABLE actors (
	id         bigserial PRIMARY KEY,
	mention    bigint NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
	role       text NOT NULL,          -- actor1, actor2, claimant
	text       text,
	name       text,
	acled_name text,
	kind       text,
	country    text,
	sector     text,
	inter      integer,
	cameo      text
);
CREATE INDEX actors_mention ON actors (mention);

CREATE TABLE places (
	id        bigserial PRIMARY KEY,
	article   bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	text      text,
	start     integer,
	"end"     integer,
	name      text,
	country   text,
	admin1    text,
	kind      text,
	lat       double precision,
	lon       double precision,
	geonameid bigint
);
CREATE INDEX places_article ON places (article);

-- An analyst's merge keeps two mentions together ('together'); a split
-- keeps them apart ('apart'), named by mention_id so that the overrides
-- outlive the rows when an article is ingested again.
CREATE TABLE overrides (
	id         bigserial PRIMARY KEY,
	kind       text NOT NULL CHECK (kind IN ('together', 'apart')),
	a          text NOT NULL,
	b          text NOT NULL,
	created_at timestamptz NOT NULL
);
CREATE INDEX overrides_a ON overrides (a);
CREATE INDEX overrides_b ON overrides (b);
