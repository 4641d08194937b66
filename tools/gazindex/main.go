// Command gazindex writes the gazetteer's prebuilt name index
// (gazetteer/data/index.bin) from the embedded rows. Run it, through
// `make gazetteer`, whenever the rows, the hand-kept files or the folding
// rules change; the gazetteer's tests fail until then.
//
//	go run ./tools/gazindex [-out gazetteer/data/index.bin]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/sitrep-project/sitrep/gazetteer"
)

func main() {
	out := flag.String("out", "gazetteer/data/index.bin", "file to write")
	flag.Parse()
	var b bytes.Buffer
	if err := gazetteer.WriteIndex(&b); err != nil {
		fmt.Fprintln(os.Stderr, "gazindex:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gazindex:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes)\n", *out, b.Len())
}
