// Package warm starts loading the gazetteer and the text models as soon as
// the program starts, for the commands that extract.
//
// The binary links the HTML extractor, whose date parser builds its tables
// for some 200 locales while the Go runtime initialises packages: about
// 150 ms on one core before main runs. This package depends on little, so
// it is initialised before that, and the loading it starts runs on another
// core meanwhile instead of after it. Commands that do not extract load
// nothing; a command that extracts waits, when it needs them, for loads
// already under way (both are sync.Once).
package warm

import (
	"os"

	"github.com/sitrep-project/sitrep/gazetteer"
)

func init() {
	if Extracts(os.Args[1:]) {
		go gazetteer.Default()
	}
}

// Extracts reports whether the command line runs a command that extracts
// articles.
func Extracts(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "extract", "ingest", "worker", "eval":
		return true
	}
	return false
}
