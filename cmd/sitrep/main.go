// Command sitrep turns news about armed conflict into source-attributed,
// geocoded, dated events. See the README for the commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	// Starts loading the gazetteer and text models while the runtime
	// initialises the other packages, for the commands that extract.
	_ "github.com/sitrep-project/sitrep/cmd/sitrep/internal/warm"
)

const usage = `usage: sitrep <command> [flags] [args]

commands:
  extract   read articles and write one JSON object per article (JSONL)
  ingest    extract articles and store them in the database, merging reports of one event
  events    list the stored events (filters; --format table|jsonl|csv); 'events show ID' explains one
  export    write the stored events as acled, ucdp, cameo, plover, geojson or jsonl
  merge     merge events by hand: sitrep merge INTO OTHER ...
  split     take reports out of an event: sitrep split EVENT REPORT ...
  worker    consume the articles 'ingest --queue' publishes (NATS JetStream) and store them
  serve     web interface and HTTP JSON API over the database
  eval      print accuracy figures on the development data (../shared/data)
  version   print the version

Run 'sitrep <command> -h' for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command and returns the exit status: 0 success, 1 some
// input failed, 2 bad usage.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdin, stdout, stderr)
	case "ingest":
		return runIngest(ctx, args[1:], stdin, stdout, stderr)
	case "events":
		return runEvents(ctx, args[1:], stdout, stderr)
	case "export":
		return runExport(ctx, args[1:], stdout, stderr)
	case "merge", "split":
		return runMerge(ctx, args[0], args[1:], stdout, stderr)
	case "eval":
		return runEval(ctx, args[1:], stdout, stderr)
	case "worker":
		return runWorker(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "sitrep", version)
		return 0
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "sitrep: unknown command %q\n%s", args[0], usage)
	return 2
}

const version = "0.1.0"
