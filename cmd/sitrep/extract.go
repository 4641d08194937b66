package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/input"
)

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts input.Options
	fs.StringVar(&opts.Published, "published", "", "publication date of plain-text inputs (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&opts.Outlet, "outlet", "", "outlet that published plain-text inputs")
	fs.StringVar(&opts.URL, "url", "", "URL of plain-text inputs")
	fs.Int64Var(&opts.MaxBytes, "max-bytes", input.DefaultMaxBytes, "largest file or JSONL line read")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep extract [--published DATE] [--outlet NAME] [--url URL] [FILE|DIR|- ...]")
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
	x, err := extract.New()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep extract: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	status := 0
	for item := range input.Read(ctx, fs.Args(), stdin, opts) {
		if item.Err != nil {
			fmt.Fprintf(stderr, "sitrep extract: %v\n", item.Err)
			status = 1
			continue
		}
		doc, err := x.Article(item.Article)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep extract: %s: %v\n", item.Article.Source, err)
			status = 1
			continue
		}
		if err := enc.Encode(doc); err != nil {
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
