package places

import (
	_ "embed"
	"errors"
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
	classQualifier
	classFacility
)

var classNames = map[string]int{
	"stop": classStop, "title": classTitle, "speech": classSpeech, "locative": classLocative,
	"feature": classFeature, "suffix": classSuffix, "area": classArea, "capital": classCapital,
	"connector": classConnector, "modifier": classModifier, "quarter": classQuarter, "agent": classAgent,
	"qualifier": classQualifier, "facility": classFacility,
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
	err := eachRow("lexicon.tsv", text, func(f []string) error {
		if len(f) < 2 {
			return errors.New("want word and class")
		}
		c, ok := classNames[f[1]]
		if !ok {
			return fmt.Errorf("unknown class %q", f[1])
		}
		w := strings.ToLower(f[0])
		l.class[w] |= c
		switch c {
		case classFeature, classSuffix:
			if len(f) < 3 || (f[2] != "city" && f[2] != "admin") {
				return fmt.Errorf("%s needs a kind, city or admin", f[1])
			}
			if c == classFeature {
				l.featureKind[w] = f[2]
			} else {
				l.suffixKind[w] = f[2]
			}
		case classQuarter:
			if len(f) < 3 || (f[2] != "before" && f[2] != "after") {
				return errors.New("quarter needs before or after")
			}
			if f[2] == "before" {
				l.quarterBefore[w] = true
			} else {
				l.quarterAfter[w] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// eachRow calls fn with the tab-separated fields of each line of text that
// is not blank or a "#" comment, and stops at the first error, which it
// gives with the file's name and the line.
func eachRow(file, text string, fn func(f []string) error) error {
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s line %d: %w", file, n+1, err)
		}
	}
	return nil
}

// parseMissions reads missions.tsv: the folded name of each mission and the
// country it works in, which country(iso3) must know.
func parseMissions(text string, country func(iso3 string) (gazetteer.Country, bool)) (map[string]gazetteer.Country, error) {
	out := map[string]gazetteer.Country{}
	err := eachRow("missions.tsv", text, func(f []string) error {
		if len(f) < 3 || f[0] == "" || f[2] == "" {
			return errors.New("want name, country and source")
		}
		c, ok := country(f[1])
		if !ok {
			return fmt.Errorf("unknown country %q", f[1])
		}
		k := fold.Key(f[0])
		if _, dup := out[k]; dup {
			return fmt.Errorf("%q listed twice", f[0])
		}
		out[k] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// parseAbbreviations reads abbreviations.tsv: each abbreviation as written
// and the first-order division it stands for, which lookup(name, country)
// must find.
func parseAbbreviations(text string, lookup func(name, country string) (gazetteer.Entry, bool)) (map[string]gazetteer.Entry, error) {
	out := map[string]gazetteer.Entry{}
	err := eachRow("abbreviations.tsv", text, func(f []string) error {
		if len(f) < 4 || f[0] == "" || f[3] == "" {
			return errors.New("want abbreviation, division, country and source")
		}
		e, ok := lookup(f[1], f[2])
		if !ok {
			return fmt.Errorf("no division %q in %s", f[1], f[2])
		}
		if _, dup := out[f[0]]; dup {
			return fmt.Errorf("%q listed twice", f[0])
		}
		out[f[0]] = e
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
