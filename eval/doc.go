// Package eval measures sitrep's stages against third-party gold data kept
// in the shared directory (see SharedDir), outside the repository. Each
// evaluation reads one data set, runs a stage over it and returns a report
// of counts and figures that prints as a table; the tests in this package run
// them, skip when the data is absent, and fail when a figure drops below its
// target:
//
//	go test -run Eval -v ./eval/
//
// prints the reports.
package eval

import (
	"os"
	"path/filepath"
)

// SharedDir returns the directory of shared, read-only development data:
// $SITREP_SHARED when set, else "../shared" next to the repository root
// (the directory holding go.mod, found by walking up from the working
// directory, so that tests running in package directories find it too).
func SharedDir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared")
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("..", "shared")
		}
		dir = parent
	}
}
