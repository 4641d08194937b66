package sitrep_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// textStages are the packages that read text a user supplies; each must
// have at least one fuzz target.
var textStages = []string{"text", "numbers", "times", "places", "actors", "claims", "events", "extract", "input"}

// fuzzTargetRE matches the declaration of a Go fuzz target.
var fuzzTargetRE = regexp.MustCompile(`^func (Fuzz\w+)\(\w+ \*testing\.F\)`)

// fuzzTarget is one fuzz function and the package directory holding it.
type fuzzTarget struct{ dir, name string }

// fuzzTargets lists the fuzz targets of every package below root.
func fuzzTargets(t *testing.T, root string) []fuzzTarget {
	t.Helper()
	var out []fuzzTarget
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") ||
			d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if m := fuzzTargetRE.FindStringSubmatch(sc.Text()); m != nil {
				rel, _ := filepath.Rel(root, filepath.Dir(p))
				out = append(out, fuzzTarget{dir: filepath.ToSlash(rel), name: m[1]})
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFuzzTargets runs every fuzz target of the module for a bounded time
// (SITREP_FUZZTIME, 4s each by default; "0" skips the runs), one after the
// other, and fails on the first crash. Go keeps a crashing input under the
// package's testdata/fuzz, where it stays as a regression case. It also
// checks that every stage reading user text has a fuzz target.
func TestFuzzTargets(t *testing.T) {
	targets := fuzzTargets(t, ".")
	for _, stage := range textStages {
		if !slices.ContainsFunc(targets, func(f fuzzTarget) bool { return f.dir == stage }) {
			t.Errorf("package %s reads text but has no fuzz target", stage)
		}
	}
	if testing.Short() {
		t.Skip("fuzzing skipped in -short mode")
	}
	budget := os.Getenv("SITREP_FUZZTIME")
	if budget == "" {
		budget = "4s"
	}
	if d, err := time.ParseDuration(budget); err != nil {
		t.Fatalf("SITREP_FUZZTIME=%q: %v", budget, err)
	} else if d == 0 {
		t.Skip("SITREP_FUZZTIME=0: fuzzing skipped")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to fuzz with: %v", err)
	}
	for _, f := range targets {
		t.Run(f.dir+"/"+f.name, func(t *testing.T) {
			// Go's fuzzing coordinator can report "context deadline
			// exceeded" when the time is up while its worker, starved of
			// CPU by the rest of the suite, has not answered: no input
			// failed and none is saved. Such a run is tried once more; a
			// crash, a hang or a second such failure fails the test.
			for attempt := 1; ; attempt++ {
				cmd := exec.Command(goTool, "test", "-run", "^$", "-fuzz", "^"+f.name+"$", "-fuzztime", budget,
					"-parallel", "1", "./"+f.dir)
				out, err := cmd.CombinedOutput()
				if err == nil {
					return
				}
				if attempt == 1 && coordinatorTimeout(string(out)) {
					t.Logf("go test -fuzz %s ./%s: the fuzzing coordinator timed out with no failing input; trying again", f.name, f.dir)
					continue
				}
				t.Fatalf("go test -fuzz %s ./%s: %v\n%s", f.name, f.dir, err, out)
			}
		})
	}
}

// coordinatorTimeout reports whether go test -fuzz failed only because its
// coordinator's time ran out, with no failing input written.
func coordinatorTimeout(out string) bool {
	return strings.Contains(out, "context deadline exceeded") && !strings.Contains(out, "Failing input written to")
}

func TestCoordinatorTimeout(t *testing.T) {
	for out, want := range map[string]bool{
		"--- FAIL: FuzzExtract (5.03s)\n    context deadline exceeded\nFAIL":                                                       true,
		"--- FAIL: FuzzExtract (0.2s)\n    Failing input written to testdata/fuzz/FuzzExtract/ab12\n    context deadline exceeded": false,
		"--- FAIL: FuzzExtract (0.2s)\n    panic: runtime error: index out of range":                                               false,
		"fuzzing process hung or terminated unexpectedly":                                                                          false,
	} {
		if got := coordinatorTimeout(out); got != want {
			t.Errorf("coordinatorTimeout(%q) = %v, want %v", out, got, want)
		}
	}
}
