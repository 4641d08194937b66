-- 0002: indexes for browsing the events (sitrep serve, sitrep events):
-- events in the order they are listed (start day, else end day, then id),
-- and by country in that order. Each index also holds every column the
-- filters read, so that a filtered page is found in the index alone and
-- only the rows of the page are read from the table, whose rows are large
-- (the merged event's JSON); the map's points are read from them alone. The covering index on mentions serves the
-- full-text filter (articles -> their events) without reading the reports.

CREATE INDEX events_browse ON events(
	coalesce(date_start, date_end, ''), id,
	country COLLATE NOCASE, admin1 COLLATE NOCASE, event_type, sub_event_type, plover, cameo,
	disputed, killed_low, scope, date_start, date_end, lat, lon, location);

CREATE INDEX events_browse_country ON events(
	country COLLATE NOCASE, coalesce(date_start, date_end, ''), id,
	admin1 COLLATE NOCASE, event_type, sub_event_type, plover, cameo,
	disputed, killed_low, scope, date_start, date_end, lat, lon, location);

CREATE INDEX mentions_article_event ON mentions(article, event);

-- The actor filter matches part of a name ("forces of Armenia"), which no
-- index serves. actor_names holds every distinct name, ACLED name, text
-- and CAMEO code of the actors of the reports (not of claimants): the
-- filter matches the pattern against this short list, then finds the
-- actors by the indexes below. Names are only ever added: a name no actor
-- has any more matches nothing.
CREATE TABLE actor_names (name TEXT PRIMARY KEY) WITHOUT ROWID;

INSERT OR IGNORE INTO actor_names
	SELECT name FROM actors WHERE role <> 'claimant' AND name IS NOT NULL
	UNION SELECT acled_name FROM actors WHERE role <> 'claimant' AND acled_name IS NOT NULL
	UNION SELECT text FROM actors WHERE role <> 'claimant' AND text IS NOT NULL
	UNION SELECT cameo FROM actors WHERE role <> 'claimant' AND cameo IS NOT NULL;

CREATE TRIGGER actors_add_names AFTER INSERT ON actors WHEN new.role <> 'claimant' BEGIN
	INSERT OR IGNORE INTO actor_names
		SELECT v FROM (SELECT new.name AS v UNION ALL SELECT new.acled_name UNION ALL SELECT new.text UNION ALL SELECT new.cameo)
		WHERE v IS NOT NULL;
END;

CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_acled_name ON actors(acled_name);
CREATE INDEX actors_text ON actors(text);
CREATE INDEX actors_cameo ON actors(cameo);
