package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/export"
)

// storeStories ingests three short articles of my own: two reports of one
// shelling of Kharkiv and one of a clash near Gao.
func storeStories(t *testing.T, db string) {
	t.Helper()
	dir := t.TempDir()
	stories := map[string]string{
		"kharkiv-wire.txt":  "Russian artillery shelled Kharkiv on Monday, killing four civilians, regional officials said.",
		"kharkiv-daily.txt": "Four civilians were killed when Russian forces shelled Kharkiv on Monday, the governor said.",
		"gao.txt":           "Rebels attacked an army convoy near Gao on Sunday, killing three soldiers, the army said.",
	}
	for name, text := range stories {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	code, _, errs := runCmd(t, "", "ingest", "--db", db, "--published", "2022-03-08", "--outlet", "Wire", dir)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
}

func TestEventsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	storeStories(t, db)

	evs := mergedEvents(t, db)
	var kharkiv, gao, gaoReport string
	for _, ev := range evs {
		switch {
		case ev.Location != nil && ev.Location.Name == "Kharkiv":
			kharkiv = ev.ID
			if len(ev.Sources) != 2 || len(ev.Merge) != 2 {
				t.Errorf("Kharkiv: %d sources, %d merge notes; want the two reports merged", len(ev.Sources), len(ev.Merge))
			}
		case ev.Location != nil && ev.Location.Name == "Gao":
			gao, gaoReport = ev.ID, ev.Merge[0].Mention
		}
	}
	if kharkiv == "" || gao == "" {
		t.Fatalf("events %v: want Kharkiv and Gao", evs)
	}

	code, out, _ := runCmd(t, "", "events", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "ID ") || !strings.Contains(out, "Kharkiv, UKR") {
		t.Errorf("table: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "events", "--db", db, "--format", "csv", "--country", "UKR")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(recs) != 2 || recs[0][0] != "id" || recs[1][0] != kharkiv {
		t.Errorf("csv: exit %d, %v\n%s", code, err, out)
	}

	// The SITREP_DB variable names the default database.
	t.Setenv("SITREP_DB", db)
	code, out, _ = runCmd(t, "", "events", "show", gao)
	if code != 0 || !strings.Contains(out, "Event "+gao+":") || !strings.Contains(out, "first report") {
		t.Errorf("show: exit %d\n%s", code, out)
	}
	if code, _, errs := runCmd(t, "", "events", "show", "12345"); code != 1 || !strings.Contains(errs, "no event 12345") {
		t.Errorf("show a missing event: exit %d %s", code, errs)
	}

	// An analyst merges Gao into Kharkiv, then splits it out again.
	code, out, errs := runCmd(t, "", "merge", kharkiv, gao)
	if code != 0 || !strings.Contains(out, "merged from event "+gao+" by an analyst") {
		t.Fatalf("merge: exit %d\n%s%s", code, out, errs)
	}
	if n := len(mergedEvents(t, db)); n != len(evs)-1 {
		t.Errorf("%d events after the merge, want %d", n, len(evs)-1)
	}
	code, out, errs = runCmd(t, "", "split", kharkiv, gaoReport)
	if code != 0 || !strings.Contains(out, "split from event "+kharkiv) {
		t.Fatalf("split: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := runCmd(t, "", "split", kharkiv, "nosuch/e9"); code != 2 || !strings.Contains(errs, "not part of event") {
		t.Errorf("split an unknown report: exit %d %s", code, errs)
	}

	for _, f := range export.Formats {
		out := filepath.Join(t.TempDir(), "out."+f)
		code, _, errs := runCmd(t, "", "export", "--format", f, "-o", out)
		data, _ := os.ReadFile(out)
		if code != 0 || len(data) == 0 {
			t.Errorf("export %s: exit %d, %d bytes\n%s", f, code, len(data), errs)
		}
	}
	code, out, _ = runCmd(t, "", "export", "--format", "acled", "--type", "Battles")
	if recs, err := csv.NewReader(strings.NewReader(out)).ReadAll(); code != 0 || err != nil || len(recs) != 2 || len(recs[0]) != 31 {
		t.Errorf("acled export of battles: exit %d %v\n%s", code, err, out)
	}
}
