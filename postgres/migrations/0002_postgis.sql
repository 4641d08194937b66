-- 0002: a PostGIS point on each event, with a GiST index, when the server
-- has the PostGIS extension and this role may create it (or it exists
-- already). Without PostGIS the store answers bounding-box queries from
-- events.pt (migration 0001). Setting sitrep.postgis to 'off' for the
-- session that migrates (a connection URL with ?sitrep.postgis=off) keeps
-- PostGIS out even where it is installed.
DO $$
BEGIN
	IF coalesce(current_setting('sitrep.postgis', true), '') = 'off'
		OR NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
		RETURN;
	END IF;
	BEGIN
		CREATE EXTENSION IF NOT EXISTS postgis;
	EXCEPTION WHEN insufficient_privilege THEN
		RAISE NOTICE 'PostGIS is installed but this role may not create it: bounding boxes use events.pt';
		RETURN;
	END;
	EXECUTE 'ALTER TABLE events ADD COLUMN geom geometry(Point, 4326)';
	EXECUTE 'UPDATE events SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326) WHERE lat IS NOT NULL AND lon IS NOT NULL';
	EXECUTE 'CREATE INDEX events_geom ON events USING gist (geom)';
END
$$;
