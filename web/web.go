// Package web holds sitrep's web interface: a page (index.html), its
// script and style sheet, written by hand and served as they are, and the
// front-end libraries it uses, copied from pinned npm packages by
// `make web` (tools/web) into static/vendor/. Everything is embedded in the
// binary: the interface needs no network connection.
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var files embed.FS

// Assets returns the interface's files, index.html at the root.
func Assets() fs.FS {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		panic(err) // the directory is embedded: it is there
	}
	return sub
}
