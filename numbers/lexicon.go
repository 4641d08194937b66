package numbers

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/text/wordfilter"
)

//go:embed vague.tsv
var vagueTSV string

//go:embed modifiers.tsv
var modifiersTSV string

//go:embed units.tsv
var unitsTSV string

// phrase is one row of a lexicon: a sequence of lower-cased tokens and what
// the row says about it.
type phrase struct {
	words []string
	glued []bool // glued[k]: token k follows token k-1 without a space
	// vague.tsv: the figures and approximation the phrase stands for.
	low, best, high int
	approx          string
	// modifiers.tsv: the modifier kind; units.tsv: the unit kind.
	kind string
}

// table finds the longest phrase starting at a token.
type table map[string][]*phrase

func (t table) add(p *phrase) {
	first := p.words[0]
	t[first] = append(t[first], p)
	sort.SliceStable(t[first], func(i, j int) bool { return len(t[first][i].words) > len(t[first][j].words) })
}

// lexicon holds the embedded tables, parsed once.
type lexicon struct {
	vague  table
	before table // modifiers before the number
	after  table // modifiers after the number
	units  table
	// starts holds every token that can begin a quantity, so that Find
	// passes over other words with one lookup (most with none: startFilter
	// passes only the words of starts and few others).
	starts      map[string]bool
	startFilter wordfilter.Filter
}

// mayStart reports whether w can begin a quantity.
func (lx *lexicon) mayStart(w string) bool {
	return lx.startFilter.May(w) && lx.starts[w]
}

var loadLexicon = sync.OnceValue(func() *lexicon {
	lx, err := parseLexicon(vagueTSV, modifiersTSV, unitsTSV)
	if err != nil {
		panic(err) // the embedded files are part of the source; tests load them
	}
	return lx
})

func parseLexicon(vague, modifiers, units string) (*lexicon, error) {
	lx := &lexicon{vague: table{}, before: table{}, after: table{}, units: table{}}
	err := eachRow("vague.tsv", vague, 6, func(f []string) error {
		p, err := newPhrase(f[0])
		if err != nil {
			return err
		}
		if p.low, err = figure(f[1]); err != nil {
			return err
		}
		if p.best, err = figure(f[2]); err != nil {
			return err
		}
		if p.high, err = figure(f[3]); err != nil {
			return err
		}
		switch f[4] {
		case ApproxVague, ApproxAbout, ApproxExact, "skip":
		default:
			return fmt.Errorf("unknown approx %q", f[4])
		}
		p.approx = f[4]
		lx.vague.add(p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("modifiers.tsv", modifiers, 3, func(f []string) error {
		p, err := newPhrase(f[0])
		if err != nil {
			return err
		}
		switch f[1] {
		case kMoreThan, kAtLeast, kAbout, kNearly, kAtMost, kLessThan, kBetween:
		default:
			return fmt.Errorf("unknown kind %q", f[1])
		}
		p.kind = f[1]
		switch f[2] {
		case "before":
			lx.before.add(p)
		case "after":
			lx.after.add(p)
		default:
			return fmt.Errorf("position %q is neither before nor after", f[2])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("units.tsv", units, 2, func(f []string) error {
		p, err := newPhrase(f[0])
		if err != nil {
			return err
		}
		switch f[1] {
		case "money", "money_or_weight", "percent", "length", "area", "volume", "weight", "time", "speed", "clock":
		default:
			return fmt.Errorf("unknown unit kind %q", f[1])
		}
		p.kind = f[1]
		lx.units.add(p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	lx.starts = map[string]bool{"a": true, "an": true, "half": true}
	for _, m := range []map[string]float64{smallWords, tensWords} {
		for w := range m {
			lx.starts[w] = true
		}
	}
	for w := range ordinalWords {
		lx.starts[w] = true
	}
	for _, t := range []table{lx.vague, lx.before} {
		for w := range t {
			lx.starts[w] = true
		}
	}
	for w, ps := range lx.units {
		for _, p := range ps {
			if p.kind == "money" {
				lx.starts[w] = true
			}
		}
	}
	for w := range lx.starts {
		lx.startFilter.Add(w)
	}
	return lx, nil
}

// eachRow calls fn with the fields of each row of a TSV file, skipping
// comments and blank lines.
func eachRow(name, data string, nfields int, fn func([]string) error) error {
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < nfields {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, n+1, len(f), nfields)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n+1, err)
		}
	}
	return nil
}

// newPhrase tokenises a lexicon entry the way Find tokenises text.
func newPhrase(s string) (*phrase, error) {
	low := lowerASCII(s)
	toks := lex(low, nil)
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty phrase")
	}
	p := &phrase{}
	for k, t := range toks {
		p.words = append(p.words, low[t.s:t.e])
		p.glued = append(p.glued, k > 0 && !t.sp)
	}
	return p, nil
}

// figure parses a figure column: a non-negative integer or "-" for unknown.
func figure(s string) (int, error) {
	if s == "-" {
		return -1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("figure %q is neither a non-negative integer nor -", s)
	}
	return n, nil
}

// lowerASCII lower-cases ASCII letters only, so that byte offsets into the
// result are offsets into s.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			var b strings.Builder // one allocation, where []byte and back are two
			b.Grow(len(s))
			b.WriteString(s[:i])
			for j := i; j < len(s); j++ {
				c := s[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			return b.String()
		}
	}
	return s
}
