-- 0003: indexes for reading a page of events (page.go).
--
-- An event's reports with their articles, so that the articles of each
-- event on the way to a full page can be checked against a full-text
-- query without reading the reports. It serves every lookup of a report
-- by event, as mentions_event did.
CREATE INDEX mentions_event_article ON mentions(event, article);
DROP INDEX mentions_event;

-- The events whose first and last days are in different months, in list
-- order, with the columns the filters read (as events_browse). Events are
-- listed by their first day but the from filter selects by the last: every
-- other event that ends on or after from starts in from's month or later,
-- so a page seeks there in events_browse and finds these here. Queries
-- must repeat this WHERE clause for SQLite to use the index.
CREATE INDEX events_browse_spanning ON events(
	coalesce(date_start, date_end, ''), id,
	country COLLATE NOCASE, admin1 COLLATE NOCASE, event_type, sub_event_type, plover, cameo,
	disputed, killed_low, scope, date_start, date_end, lat, lon, location)
	WHERE substr(date_start, 1, 7) <> substr(date_end, 1, 7);
