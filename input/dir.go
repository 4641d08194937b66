package input

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// errStop ends a directory walk when the consumer has stopped.
var errStop = errors.New("stop")

// dir reads every supported file below root in lexical order, skipping
// hidden files and directories. A directory with nothing to read is an
// error, so that a mistyped path does not pass silently.
func (r *reader) dir(root string) bool {
	found := false
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			found = true
			if !r.fail(p, cannotRead(p, err)) {
				return errStop
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(p) == formatUnknown {
			return nil
		}
		// Stat follows a symbolic link; links to directories are not
		// followed, which keeps the walk free of cycles.
		fi, err := os.Stat(p)
		if err != nil {
			found = true
			if !r.fail(p, cannotRead(p, err)) {
				return errStop
			}
			return nil
		}
		if !fi.Mode().IsRegular() {
			return nil
		}
		found = true
		if !r.file(p, fi.Size(), true) {
			return errStop
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return false
	}
	if !found {
		return r.fail(root, invalid(nil, "%s: no .txt, .html, .htm, .jsonl or .json files in the directory", root))
	}
	return true
}
