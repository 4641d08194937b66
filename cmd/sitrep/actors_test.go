package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractActorDictionaries checks that --actors loads both dictionary
// formats, that a code with a date range follows --published, and that a
// missing file is a usage error.
func TestExtractActorDictionaries(t *testing.T) {
	dir := t.TempDir()
	petr := filepath.Join(dir, "people.actors.txt")
	tsv := filepath.Join(dir, "groups.tsv")
	if err := os.WriteFile(petr, []byte("ODRIC_BALLAN_\n\t[MLIGOV 20190101-20211231]\n\t[MLIELI]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tsv, []byte("Red Hand Brigade\tRed Hand Brigade\tarmed_group\tREB\tMLIREB\t2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	story := "Odric Ballan said the Red Hand Brigade attacked a convoy near Gao.\n"
	codes := func(published string) map[string]string {
		code, out, errs := runCmd(t, story, "extract", "--published", published, "--actors", petr, "--actors", tsv)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var doc struct {
			Actors []struct{ Text, Cameo string }
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, a := range doc.Actors {
			m[a.Text] = a.Cameo
		}
		return m
	}
	if got := codes("2020-05-01"); got["Odric Ballan"] != "MLIGOV" || got["Red Hand Brigade"] != "MLIREB" {
		t.Errorf("2020: %v", got)
	}
	if got := codes("2023-05-01"); got["Odric Ballan"] != "MLIELI" {
		t.Errorf("2023: %v", got)
	}
	code, _, errs := runCmd(t, story, "extract", "--actors", filepath.Join(dir, "missing.txt"))
	if code != 2 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing dictionary: exit %d, %q", code, errs)
	}
}
