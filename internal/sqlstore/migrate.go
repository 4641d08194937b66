package sqlstore

import (
	"io/fs"
	"path"
	"slices"

	"github.com/sitrep-project/sitrep"
)

// Migrate applies the migrations of fsys (migrations/*.sql, in the order
// of their names) that a database at schema version have lacks: apply runs
// each, given its version, its file's name and its text.
func Migrate(fsys fs.FS, have int, apply func(version int, name string, body []byte) error) error {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	if have > len(names) {
		return sitrep.Errorf(sitrep.EInvalid, "database schema version %d is newer than this sitrep's (%d)", have, len(names))
	}
	for i := have; i < len(names); i++ {
		body, err := fs.ReadFile(fsys, names[i])
		if err != nil {
			return err
		}
		if err := apply(i+1, path.Base(names[i]), body); err != nil {
			return err
		}
	}
	return nil
}
