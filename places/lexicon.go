package places

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/gazetteer"
	"github.com/sitrep-project/sitrep/gazetteer/fold"
)

//go:embed lexicon.tsv
var lexiconTSV string

//go:embed missions.tsv
var missionsTSV string

//go:embed abbreviations.tsv
var abbreviationsTSV string

// Word classes of lexicon.tsv.
const (
	classStop = 1 << iota
	classTitle
	classSpeech
	classLocative
	classFeature
	classSuffix
	classArea
	classCapital
	classConnector
	classModifier
	classQuarter
	classAgent
)

var classNames = map[string]int{
	"stop": classStop, "title": classTitle, "speech": classSpeech, "locative": classLocative,
	"feature": classFeature, "suffix": classSuffix, "area": classArea, "capital": classCapital,
	"connector": classConnector, "modifier": classModifier, "quarter": classQuarter, "agent": classAgent,
}

// lexicon maps a folded word to its classes and, for features and
// suffixes, the kind of place they call for.
type lexicon struct {
	class map[string]int
	// featureKind and suffixKind are "city" or "admin".
	featureKind, suffixKind map[string]string
	// quarterBefore and quarterAfter hold the words of class quarter by
	// where they stand.
	quarterBefore, quarterAfter map[string]bool
}

func (l *lexicon) is(key string, class int) bool { return l.class[key]&class != 0 }

func parseLexicon(text string) (*lexicon, error) {
	l := &lexicon{class: map[string]int{}, featureKind: map[string]string{}, suffixKind: map[string]string{}, quarterBefore: map[string]bool{}, quarterAfter: map[string]bool{}}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("lexicon.tsv line %d: want word and class", n+1)
		}
		c, ok := classNames[f[1]]
		if !ok {
			return nil, fmt.Errorf("lexicon.tsv line %d: unknown class %q", n+1, f[1])
		}
		w := strings.ToLower(f[0])
		l.class[w] |= c
		switch c {
		case classFeature, classSuffix:
			if len(f) < 3 || (f[2] != "city" && f[2] != "admin") {
				return nil, fmt.Errorf("lexicon.tsv line %d: %s needs a kind, city or admin", n+1, f[1])
			}
			if c == classFeature {
				l.featureKind[w] = f[2]
			} else {
				l.suffixKind[w] = f[2]
			}
		case classQuarter:
			if len(f) < 3 || (f[2] != "before" && f[2] != "after") {
				return nil, fmt.Errorf("lexicon.tsv line %d: quarter needs before or after", n+1)
			}
			if f[2] == "before" {
				l.quarterBefore[w] = true
			} else {
				l.quarterAfter[w] = true
			}
		}
	}
	return l, nil
}

// parseMissions reads missions.tsv: the folded name of each mission and the
// country it works in, which country(iso3) must know.
func parseMissions(text string, country func(iso3 string) (gazetteer.Country, bool)) (map[string]gazetteer.Country, error) {
	out := map[string]gazetteer.Country{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || f[0] == "" || f[2] == "" {
			return nil, fmt.Errorf("missions.tsv line %d: want name, country and source", n+1)
		}
		c, ok := country(f[1])
		if !ok {
			return nil, fmt.Errorf("missions.tsv line %d: unknown country %q", n+1, f[1])
		}
		k := fold.Key(f[0])
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("missions.tsv line %d: %q listed twice", n+1, f[0])
		}
		out[k] = c
	}
	return out, nil
}

// parseAbbreviations reads abbreviations.tsv: each abbreviation as written
// and the first-order division it stands for, which lookup(name, country)
// must find.
func parseAbbreviations(text string, lookup func(name, country string) (gazetteer.Entry, bool)) (map[string]gazetteer.Entry, error) {
	out := map[string]gazetteer.Entry{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 || f[0] == "" || f[3] == "" {
			return nil, fmt.Errorf("abbreviations.tsv line %d: want abbreviation, division, country and source", n+1)
		}
		e, ok := lookup(f[1], f[2])
		if !ok {
			return nil, fmt.Errorf("abbreviations.tsv line %d: no division %q in %s", n+1, f[1], f[2])
		}
		if _, dup := out[f[0]]; dup {
			return nil, fmt.Errorf("abbreviations.tsv line %d: %q listed twice", n+1, f[0])
		}
		out[f[0]] = e
	}
	return out, nil
}
