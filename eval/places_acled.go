package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/gazetteer"
	"github.com/sitrep-project/sitrep/gazetteer/fold"
)

// Why an ACLED note's main event is not within eventKm of ACLED's point.
const (
	missNoEvent   = "no event with an ACLED type"
	missNoPlace   = "no place found in the note"
	missNotTaken  = "a place of the note is within 25 km, the event took another or none"
	missNamesake  = "ACLED's place named, a namesake chosen"
	missNotRecog  = "ACLED's place named, not recognised as a place"
	missLacksText = "gazetteer lacks ACLED's place (named in the note)"
	missLacks     = "gazetteer lacks ACLED's place (not named as ACLED spells it)"
	missUnnamed   = "gazetteer has ACLED's place, the note does not name it so"
)

// Why an ACLED note's main event is in the wrong country.
const (
	countryNoEvent   = "no event with an ACLED type"
	countryNone      = "event has no place; the note names the country nowhere"
	countryImplied   = "event has no place; the country only implied (nationality word, mission, actor)"
	countryNamed     = "event has no place; a place of the country is in the note"
	countryElsewhere = "event placed in another country"
	countryFocus     = "event given the wrong focus country"
)

// classifyMiss says why the main event of an ACLED note is not within
// eventKm of ACLED's point (lat, lon), given ACLED's name of the location
// and whether the note has an event with an ACLED type.
func classifyMiss(g *gazetteer.Gazetteer, doc *sitrep.Document, hasEvent bool, text, location string, lat, lon float64) string {
	if !hasEvent {
		return missNoEvent
	}
	// ACLED writes "City-Quarter" for a town's part; any part will do.
	names := []string{location}
	if strings.Contains(location, "-") {
		names = append(names, strings.Split(location, "-")...)
	}
	any, near, namesake := false, false, false
	for i := range doc.Places {
		p := &doc.Places[i]
		if p.Cue == "demonym" || p.Cue == "mission" {
			continue
		}
		any = true
		switch {
		case p.Resolved() && Km(*p.Lat, *p.Lon, lat, lon) <= eventKm:
			near = true
		case spelled(p.Text, names):
			namesake = true
		}
	}
	has := false
	for _, n := range names {
		for _, e := range g.Places(n) {
			if Km(e.Lat, e.Lon, lat, lon) <= eventKm {
				has = true
			}
		}
	}
	folded := fold.Key(text)
	named := -1
	for _, n := range names {
		if k := fold.Key(n); k != "" {
			if i := strings.Index(folded, k); i >= 0 {
				named = i
				break
			}
		}
	}
	switch {
	case namesake && has:
		return missNamesake
	case near:
		return missNotTaken
	case !has && named >= 0:
		return missLacksText
	case !has:
		return missLacks
	case named < 0:
		if !any {
			return missNoPlace
		}
		return missUnnamed
	}
	return missNotRecog
}

// spelled reports whether a place's text is one of names, folded.
func spelled(text string, names []string) bool {
	k := fold.Key(text)
	for _, n := range names {
		if fold.Key(n) == k {
			return true
		}
	}
	return false
}

// classifyCountry says why the main event of an ACLED note is not in
// ACLED's country (ISO3 want).
func classifyCountry(doc *sitrep.Document, hasEvent bool, loc *sitrep.Place, want string) string {
	switch {
	case !hasEvent:
		return countryNoEvent
	case loc != nil && loc.Cue == "focus":
		return countryFocus
	case loc != nil && loc.Country != "":
		return countryElsewhere
	}
	implied := false
	for i := range doc.Places {
		if p := &doc.Places[i]; p.Country == want {
			if p.Cue != "demonym" && p.Cue != "mission" {
				return countryNamed
			}
			implied = true
		}
	}
	for i := range doc.Actors {
		if doc.Actors[i].Country == want {
			implied = true
		}
	}
	if implied {
		return countryImplied
	}
	return countryNone
}

// tally counts notes by reason, keeping the first few of each.
type tally struct {
	n        map[string]int
	examples map[string][]string
}

func (t *tally) add(why, example string, keep int) {
	if t.n == nil {
		t.n, t.examples = map[string]int{}, map[string][]string{}
	}
	t.n[why]++
	if len(t.examples[why]) < keep {
		t.examples[why] = append(t.examples[why], example)
	}
}

func (t *tally) write(w io.Writer, title string, total, examples int) {
	fmt.Fprintf(w, "  %s:\n", title)
	keys := sortedKeys(t.n)
	sort.SliceStable(keys, func(i, j int) bool { return t.n[keys[i]] > t.n[keys[j]] })
	for _, k := range keys {
		fmt.Fprintf(w, "    %-72s %5d  %5.1f%%\n", k, t.n[k], 100*ratio(t.n[k], total))
		for _, e := range t.examples[k][:min(examples, len(t.examples[k]))] {
			fmt.Fprintf(w, "        %s\n", e)
		}
	}
}
