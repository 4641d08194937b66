package extract_test

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/verbs"
)

// TestVerbDictionary checks that a verb dictionary codes events between
// the actors of a sentence, also a country the text names as a place.
func TestVerbDictionary(t *testing.T) {
	if got := verbCoded(t, "--- DEPART [032] ---\nDEPART\n- * FOR_GOOD  [161]\n", "Norway departed from Chile on Monday."); got != "NOR>CHL 032" {
		t.Errorf("events %v, want NOR>CHL 032", got)
	}
	// without the dictionary, nothing is coded from the verb
	plain, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := plain.Article(sitrep.Article{Text: "Norway departed from Chile on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Events {
		if e.Trigger == "departed" {
			t.Errorf("built-in pipeline coded %q", e.Trigger)
		}
	}
}

// TestVerbDictionaryPossessive checks that with a verb dictionary a country
// in the possessive is an actor, as PETRARCH reads it: "Chile's capital".
func TestVerbDictionaryPossessive(t *testing.T) {
	if got := verbCoded(t, "--- CRITICIZE [121] ---\nCRITICIZE\n", "Norway criticized the new rules in Chile's capital on Monday."); got != "NOR>CHL 121" {
		t.Errorf("events %v, want NOR>CHL 121", got)
	}
}

// verbCoded extracts text with the verb dictionary dict and gives its
// events that have both actors as "SOURCE>TARGET CODE", space-separated.
func verbCoded(t *testing.T, dict, text string) string {
	t.Helper()
	d, err := verbs.Read("test", strings.NewReader(dict))
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.NewWith(extract.Options{Verbs: d})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Article(sitrep.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Events {
		if e.Actor1 != nil && e.Actor2 != nil {
			got = append(got, e.Actor1.Cameo+">"+e.Actor2.Cameo+" "+e.Cameo)
		}
	}
	return strings.Join(got, " ")
}
