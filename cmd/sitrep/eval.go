package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
)

// evalEnv is what an evaluation needs: where the data is, how much to
// print, and the pipeline (built once).
type evalEnv struct {
	shared    string
	confusion bool
	examples  int
	extractor func() (*extract.Extractor, error)
}

func (e *evalEnv) data(parts ...string) string {
	return filepath.Join(append([]string{e.shared, "data"}, parts...)...)
}

// evaluations are the figures 'sitrep eval' can print, by name.
var evaluations = []struct {
	name, about string
	run         func(env *evalEnv, w io.Writer) error
}{
	{"times", "TimeBank/AQUAINT (TBAQ): DATE expressions found and normalised", func(env *evalEnv, w io.Writer) error {
		r, err := eval.TimeBank(env.data("timebank-tbaq"))
		if err != nil {
			return err
		}
		r.Write(w)
		return nil
	}},
	{"places", "TR-News, GeoVirus: place spans and coordinates; ACLED dev notes: event location", func(env *evalEnv, w io.Writer) error {
		x, err := env.extractor()
		if err != nil {
			return err
		}
		r, err := eval.Places(x, env.data())
		if err != nil {
			return err
		}
		r.Write(w, env.confusion, env.examples)
		return nil
	}},
	{"acled", "ACLED dev notes: event types, sub-types, fatalities", func(env *evalEnv, w io.Writer) error {
		x, err := env.extractor()
		if err != nil {
			return err
		}
		r, err := eval.ACLED(x, env.data("acled-dev-2020", "gold.jsonl"), env.examples)
		if err != nil {
			return err
		}
		r.Write(w, env.confusion)
		return nil
	}},
	{"actors", "PETRARCH validation records: (source, target, code) triples; ACLED dev notes: inter1, inter2, actor1 country", func(env *evalEnv, w io.Writer) error {
		x, err := env.extractor()
		if err != nil {
			return err
		}
		r, err := eval.Actors(x, env.data())
		if err != nil {
			return err
		}
		r.Write(w, env.confusion)
		if env.examples > 0 {
			r.WriteErrors(w, env.examples)
		}
		return nil
	}},
	{"case", "CASE 2021 task 2: ACLED sub-types of news snippets", func(env *evalEnv, w io.Writer) error {
		x, err := env.extractor()
		if err != nil {
			return err
		}
		r, err := eval.CASE(x, env.data("case2021-task2", "gold.jsonl"), env.examples)
		if err != nil {
			return err
		}
		r.Write(w, env.confusion)
		return nil
	}},
	{"plover", "PLOVER gold records: event types and casualties", func(env *evalEnv, w io.Writer) error {
		x, err := env.extractor()
		if err != nil {
			return err
		}
		r, err := eval.PLOVER(x, env.data("plover-gsr", "plover_gsr.jsonl"), env.examples)
		if err != nil {
			return err
		}
		r.Write(w, env.confusion)
		return nil
	}},
	{"ucdp", "UCDP GED sample: casualty figures in headlines", func(env *evalEnv, w io.Writer) error {
		x, err := env.extractor()
		if err != nil {
			return err
		}
		r, err := eval.UCDP(x, env.data("ucdp-ged-sample"))
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
	confusion := fs.Bool("confusion", false, "print per-class figures and the most frequent confusions")
	examples := fs.Int("examples", 0, "with --confusion, print this many texts of each confusion")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep eval [--shared DIR] [--confusion] [--examples N] [NAME ...]\n\nevaluations (all by default):")
		for _, e := range evaluations {
			fmt.Fprintf(stderr, "  %-8s %s\n", e.name, e.about)
		}
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	env := &evalEnv{shared: *shared, confusion: *confusion || *examples > 0, examples: *examples, extractor: sync.OnceValues(extract.New)}
	if env.shared == "" {
		env.shared = eval.SharedDir()
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
		if err := e.run(env, stdout); err != nil {
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
