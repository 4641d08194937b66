package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/sitrep-project/sitrep/eval"
)

// evaluations are the figures 'sitrep eval' can print, by name.
var evaluations = []struct {
	name, about string
	run         func(shared string, w io.Writer) error
}{
	{"times", "TimeBank/AQUAINT (TBAQ): DATE expressions found and normalised", func(shared string, w io.Writer) error {
		r, err := eval.TimeBank(filepath.Join(shared, "data", "timebank-tbaq"))
		if err != nil {
			return err
		}
		r.Write(w)
		return nil
	}},
}

func runEval(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "", "the shared data directory (default $SITREP_SHARED, else ../shared)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep eval [--shared DIR] [NAME ...]\n\nevaluations (all by default):")
		for _, e := range evaluations {
			fmt.Fprintf(stderr, "  %-8s %s\n", e.name, e.about)
		}
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dir := *shared
	if dir == "" {
		dir = eval.SharedDir()
	}
	want := map[string]bool{}
	for _, n := range fs.Args() {
		want[n] = true
	}
	status := 0
	ran := 0
	for _, e := range evaluations {
		if len(want) > 0 && !want[e.name] {
			continue
		}
		ran++
		fmt.Fprintf(stdout, "== %s: %s\n", e.name, e.about)
		if err := e.run(dir, stdout); err != nil {
			fmt.Fprintf(stderr, "sitrep eval %s: %v\n", e.name, err)
			status = 1
		}
	}
	if ran < len(want) {
		fmt.Fprintf(stderr, "sitrep eval: unknown evaluation in %v\n", fs.Args())
		return 2
	}
	return status
}
