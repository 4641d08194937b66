package places

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed lexicon.tsv
var lexiconTSV string

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
)

var classNames = map[string]int{
	"stop": classStop, "title": classTitle, "speech": classSpeech, "locative": classLocative,
	"feature": classFeature, "suffix": classSuffix, "area": classArea, "capital": classCapital,
	"connector": classConnector, "modifier": classModifier,
}

// lexicon maps a folded word to its classes and, for features and
// suffixes, the kind of place they call for.
type lexicon struct {
	class map[string]int
	// featureKind and suffixKind are "city" or "admin".
	featureKind, suffixKind map[string]string
}

func (l *lexicon) is(key string, class int) bool { return l.class[key]&class != 0 }

func parseLexicon(text string) (*lexicon, error) {
	l := &lexicon{class: map[string]int{}, featureKind: map[string]string{}, suffixKind: map[string]string{}}
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
		}
	}
	return l, nil
}
