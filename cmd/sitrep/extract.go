package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/actors"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/input"
	"github.com/sitrep-project/sitrep/verbs"
)

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts input.Options
	fs.StringVar(&opts.Published, "published", "", "publication date of plain-text inputs (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&opts.Outlet, "outlet", "", "outlet that published plain-text inputs")
	fs.StringVar(&opts.URL, "url", "", "URL of plain-text inputs")
	fs.Int64Var(&opts.MaxBytes, "max-bytes", input.DefaultMaxBytes, "largest file or JSONL line read")
	deadline := deadlineFlag(fs)
	var actorFiles []string
	fs.Func("actors", "actor or agent dictionary to use besides the embedded lexicon: PETRARCH/Phoenix format, or sitrep TSV (.tsv); repeatable, and added to those $SITREP_ACTORS lists", func(s string) error {
		actorFiles = append(actorFiles, s)
		return nil
	})
	var verbFiles []string
	fs.Func("verbs", "PETRARCH verb dictionary (e.g. CAMEO.2.0.txt) that codes the CAMEO events of the verbs it lists, besides the built-in triggers; repeatable", func(s string) error {
		verbFiles = append(verbFiles, s)
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep extract [--published DATE] [--outlet NAME] [--url URL] [--actors FILE ...] [--verbs FILE ...] [FILE|DIR|- ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if opts.Published != "" {
		if _, err := extract.ParseDate(opts.Published); err != nil {
			fmt.Fprintf(stderr, "sitrep extract: --published %q: not YYYY-MM-DD or RFC 3339\n", opts.Published)
			return 2
		}
	}
	dicts, err := loadActorDictionaries(actorFiles, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep extract: %v\n", err)
		return 2
	}
	var vd *verbs.Dictionary
	if len(verbFiles) > 0 {
		if vd, err = verbs.LoadDictionary(verbFiles...); err != nil {
			fmt.Fprintf(stderr, "sitrep extract: --verbs: %v\n", err)
			return 2
		}
		if n := len(vd.Warnings); n > 0 {
			fmt.Fprintf(stderr, "sitrep extract: --verbs %s: %d lines skipped, the first: %s\n", vd.Name, n, vd.Warnings[0])
		}
	}
	x, err := extract.NewWith(extract.Options{Actors: dicts, Verbs: vd, Deadline: noneIfZero(*deadline)})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep extract: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	status := 0
	type result struct {
		item input.Item
		doc  sitrep.Document
		err  error
	}
	extractOne := func(item input.Item) result {
		r := result{item: item}
		if item.Err == nil {
			r.doc, r.err = x.Article(item.Article)
		}
		return r
	}
	for r := range ordered(input.Read(ctx, fs.Args(), stdin, opts), extractOne) {
		if r.item.Err != nil {
			fmt.Fprintf(stderr, "sitrep extract: %v\n", r.item.Err)
			status = 1
			continue
		}
		if r.err != nil {
			fmt.Fprintf(stderr, "sitrep extract: %s: %v\n", r.item.Article.Source, r.err)
			status = 1
			continue
		}
		for _, w := range extract.Cut(r.doc) {
			fmt.Fprintf(stderr, "sitrep extract: %s: warning: %s\n", r.item.Article.Source, w)
		}
		if err := enc.Encode(r.doc); err != nil {
			fmt.Fprintf(stderr, "sitrep extract: write: %v\n", err)
			return 1
		}
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintf(stderr, "sitrep extract: %v\n", err)
		return 1
	}
	return status
}

// loadActorDictionaries loads the actor dictionaries named by
// $SITREP_ACTORS (a list of paths separated as in $PATH), then those given
// as flags; lines skipped in a file are reported as one warning per file.
func loadActorDictionaries(files []string, stderr io.Writer) ([]*actors.Dictionary, error) {
	if env := os.Getenv("SITREP_ACTORS"); env != "" {
		files = append(filepath.SplitList(env), files...)
	}
	var out []*actors.Dictionary
	for _, f := range files {
		if strings.TrimSpace(f) == "" {
			continue
		}
		d, err := actors.LoadDictionary(f)
		if err != nil {
			return nil, fmt.Errorf("--actors %s: %w", f, err)
		}
		if n := len(d.Warnings); n > 0 {
			fmt.Fprintf(stderr, "sitrep extract: --actors %s: %d lines skipped, the first: %s\n", f, n, d.Warnings[0])
		}
		out = append(out, d)
	}
	return out, nil
}

// deadlineFlag registers --deadline, the processing time of one article.
func deadlineFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("deadline", extract.DefaultDeadline, "processing time of one article: the rest of a longer one is cut, with a warning (0: none)")
}

// noneIfZero turns --deadline 0, no deadline, into extract's value for none.
func noneIfZero(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}
