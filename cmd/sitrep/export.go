package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/export"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	format := fs.String("format", "", "the format: "+strings.Join(export.Formats, ", ")+" (required)")
	out := fs.String("o", "", "write to this file instead of stdout")
	var ff filterFlags
	ff.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: sitrep export [--db PATH] --format %s [-o FILE] [filters]\n", strings.Join(export.Formats, "|"))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if !slices.Contains(export.Formats, *format) {
		fmt.Fprintf(stderr, "sitrep export: --format %q: want one of %s\n", *format, strings.Join(export.Formats, ", "))
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep export: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	f, err := ff.filter()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: %v\n", err)
		return 2
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: %v\n", err)
		return 1
	}
	defer store.Close()
	evs, err := store.Events(ctx, f)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: %v\n", err)
		return exitFor(err)
	}
	w := stdout
	if *out != "" {
		file, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep export: %v\n", err)
			return 1
		}
		defer file.Close()
		w = file
	}
	res, err := export.Write(w, *format, evs, export.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: write: %v\n", err)
		return 1
	}
	if res.Skipped > 0 {
		fmt.Fprintf(stderr, "sitrep export: %d events written; %d the %s format cannot hold were left out (see docs/formats.md)\n", res.Written, res.Skipped, *format)
	}
	if *out != "" {
		if err := w.(*os.File).Close(); err != nil {
			fmt.Fprintf(stderr, "sitrep export: %v\n", err)
			return 1
		}
	}
	return 0
}
