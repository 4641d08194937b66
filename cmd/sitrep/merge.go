package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/sitrep-project/sitrep"
)

// runMerge merges events by hand (merge) or takes reports out of one
// (split). Both are remembered in the database, so that ingesting the
// articles again keeps the analyst's decision.
func runMerge(ctx context.Context, name string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	fs.Usage = func() {
		if name == "merge" {
			fmt.Fprintln(stderr, "usage: sitrep merge [--db PATH] INTO OTHER ...\n\nMoves every report of the OTHER events into the event INTO.")
		} else {
			fmt.Fprintln(stderr, "usage: sitrep split [--db PATH] EVENT REPORT ...\n\nTakes the REPORTs (as 'sitrep events show EVENT' lists them) out of EVENT into a new event.")
		}
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return 2
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep %s: %v\n", name, err)
		return 1
	}
	defer store.Close()
	var ev *sitrep.MergedEvent
	if name == "merge" {
		ev, err = store.Merge(ctx, fs.Arg(0), fs.Args()[1:]...)
	} else {
		ev, err = store.Split(ctx, fs.Arg(0), fs.Args()[1:]...)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sitrep %s: %v\n", name, err)
		return exitFor(err)
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	explain(w, ev)
	return 0
}
