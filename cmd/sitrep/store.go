package main

import (
	"context"
	"os"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/postgres"
	"github.com/sitrep-project/sitrep/sqlite"
)

// store is what the commands use of a store: both engines implement it.
type store interface {
	sitrep.EventStore
	sitrep.EventBrowser
}

// openStore opens the store that --db (or $SITREP_DB) names: a PostgreSQL
// database for a postgres:// or postgresql:// URL, else a SQLite file,
// created when missing. Every command opens its store here.
func openStore(ctx context.Context, db string) (store, error) {
	if postgres.IsURL(db) {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openExisting opens a store that must exist already: a query on a
// mistyped path should not create an empty SQLite file. (A PostgreSQL
// database exists or the connection fails.)
func openExisting(ctx context.Context, db string) (store, error) {
	if !postgres.IsURL(db) {
		if _, err := os.Stat(db); err != nil {
			return nil, sitrep.Errorf(sitrep.ENotFound, "no database at %s (ingest articles first, or give --db)", db)
		}
	}
	return openStore(ctx, db)
}
