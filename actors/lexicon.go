package actors

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"
	"sync"
)

//go:embed agents.tsv
var agentsTSV string

//go:embed orgs.tsv
var orgsTSV string

//go:embed roles.tsv
var rolesTSV string

//go:embed regimes.tsv
var regimesTSV string

//go:embed conduct.tsv
var conductTSV string

//go:embed heads.tsv
var headsTSV string

// agent is an agent noun or title from agents.tsv or a dictionary.
type agent struct {
	phrase string
	kind   string
	sector string
	inter  int
	person bool   // a title naming one person
	role   string // CAMEO role code when it is not the sector's ("LEG", "REL")
	prefix bool   // the role goes before the actor code ("NGO~" agents)
	acled  string // ACLED name pattern ("Military Forces of {country}")
}

// org is an organisation from orgs.tsv.
type org struct {
	name, kind, sector, cameo string
	inter                     int
	acled                     string // ACLED's name, when it differs
	country                   string // the country part of the CAMEO code
}

// role is what a CAMEO role code stands for in sitrep's terms, from
// roles.tsv.
type role struct {
	kind, sector string
	inter        int
}

// lexicon holds the agent nouns, titles, organisations and named actors,
// keyed by the phrase as tokens joined by spaces (see phraseKey): the
// embedded data and, on top, the dictionaries an Extractor was given.
type lexicon struct {
	agents    map[string]agent
	orgs      map[string]org
	orgsExact map[string]org // all-capital aliases, matched as written
	// the first words of the phrases, lower case, with the most tokens a
	// phrase beginning with each has: a token that begins none is skipped
	// without building phrases
	agentFirst, orgFirst map[string]int

	roles   map[string]role
	regimes map[string][]dated // ISO3 -> ACLED regime labels by date
	// conduct: phrases that make the group before them protesters (6) or
	// rioters (5)
	conduct      map[string]act
	conductFirst map[string]int
	// heads: last words that make a capitalised name a place, a day, an
	// organisation or an armed group
	heads map[string]string

	// named actors of the dictionaries
	named      map[string]*entry
	namedFirst map[string]int
}

var defaultLexicon = sync.OnceValues(func() (*lexicon, error) {
	l := &lexicon{agents: map[string]agent{}, orgs: map[string]org{}, orgsExact: map[string]org{},
		agentFirst: map[string]int{}, orgFirst: map[string]int{}, roles: map[string]role{}, regimes: map[string][]dated{}, conduct: map[string]act{}, conductFirst: map[string]int{}, heads: map[string]string{}}
	for _, f := range []struct {
		name string
		load func(string) error
	}{{"roles.tsv", l.loadRoles}, {"agents.tsv", l.loadAgents}, {"orgs.tsv", l.loadOrgs}, {"regimes.tsv", l.loadRegimes}, {"conduct.tsv", l.loadConduct}, {"heads.tsv", l.loadHeads}} {
		data := map[string]string{"agents.tsv": agentsTSV, "orgs.tsv": orgsTSV, "roles.tsv": rolesTSV, "regimes.tsv": regimesTSV,
			"conduct.tsv": conductTSV, "heads.tsv": headsTSV}[f.name]
		if err := f.load(data); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return l, nil
})

// withDictionaries returns a copy of l with the dictionaries' agents and
// named actors added; a dictionary's agent replaces an embedded one of the
// same phrase, and a later dictionary's actor an earlier one's.
func (l *lexicon) withDictionaries(ds []*Dictionary) *lexicon {
	if len(ds) == 0 {
		return l
	}
	c := *l
	c.agents, c.agentFirst = maps.Clone(l.agents), maps.Clone(l.agentFirst)
	c.named, c.namedFirst = map[string]*entry{}, map[string]int{}
	for _, d := range ds {
		for _, a := range d.agents {
			c.addDictAgent(a)
		}
		for _, e := range d.actors {
			for _, k := range e.phrases {
				if k == "" {
					continue
				}
				c.named[k] = e
				firstWord(c.namedFirst, k)
			}
		}
	}
	return &c
}

// addDictAgent adds a dictionary agent noun. Its kind, sector and inter
// come from its role code (roles.tsv); it names one person when the
// embedded lexicon says so of the phrase or of its last word ("culture
// minister" as "minister").
func (l *lexicon) addDictAgent(d dictAgent) {
	r := l.roleOf(d.role)
	a := agent{phrase: d.phrase, kind: r.kind, sector: r.sector, inter: r.inter, role: d.role, prefix: d.prefix}
	ws := strings.Fields(d.phrase)
	if len(ws) == 0 {
		return
	}
	if old, ok := l.agents[d.phrase]; ok {
		a.person, a.acled = old.person, old.acled
	} else if old, ok := l.agents[ws[len(ws)-1]]; ok {
		a.person = old.person
	}
	if a.person {
		a.kind = "person"
	}
	l.agents[d.phrase] = a
	firstWord(l.agentFirst, d.phrase)
}

// roleOf maps a CAMEO role code ("GOV", "GOVMED", "NGO") to sitrep's kind,
// sector and inter by its first known three-letter part.
func (l *lexicon) roleOf(code string) role {
	for i := 0; i+3 <= len(code); i += 3 {
		if r, ok := l.roles[code[i:i+3]]; ok {
			return r
		}
	}
	return role{kind: "other", sector: "OTHER"}
}

// rows calls fn with the tab-separated fields of each line of data that is
// not blank or a "#" comment, padded to maxCol; see readRows.
func rows(data string, minCol, maxCol int, fn func(line int, f []string) error) error {
	return readRows(strings.NewReader(data), minCol, maxCol, fn)
}

// readRows calls fn with the tab-separated fields of each line of r that is
// not blank or a "#" comment, padded to maxCol, and stops at the first error,
// which names the line.
func readRows(r io.Reader, minCol, maxCol int, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minCol || len(f) > maxCol {
			return fmt.Errorf("line %d: %d fields, want %d to %d", n, len(f), minCol, maxCol)
		}
		for len(f) < maxCol {
			f = append(f, "")
		}
		if err := fn(n, f); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func (l *lexicon) loadAgents(data string) error {
	return rows(data, 5, 7, func(_ int, f []string) error {
		inter, err := strconv.Atoi(f[3])
		if err != nil {
			return err
		}
		k := phraseKey(f[0])
		if _, dup := l.agents[k]; dup {
			return fmt.Errorf("%q listed twice", f[0])
		}
		l.agents[k] = agent{phrase: f[0], kind: f[1], sector: f[2], inter: inter, person: f[4] == "1", role: f[5], acled: f[6]}
		firstWord(l.agentFirst, k)
		return nil
	})
}

func (l *lexicon) loadOrgs(data string) error {
	return rows(data, 6, 7, func(_ int, f []string) error {
		inter, err := strconv.Atoi(f[5])
		if err != nil {
			return err
		}
		o := org{name: f[1], kind: f[2], sector: f[3], cameo: f[4], inter: inter, acled: f[6], country: l.codeCountry(f[4])}
		for _, alias := range strings.Split(f[0], "|") {
			k := phraseKey(alias)
			if isAcronym(alias) {
				l.orgsExact[strings.Join(strings.Fields(splitPossessive(alias)), " ")] = o
			} else {
				l.orgs[k] = o
			}
			firstWord(l.orgFirst, k)
		}
		return nil
	})
}

func (l *lexicon) loadRoles(data string) error {
	return rows(data, 4, 4, func(_ int, f []string) error {
		inter, err := strconv.Atoi(f[3])
		if err != nil {
			return err
		}
		l.roles[f[0]] = role{kind: f[1], sector: f[2], inter: inter}
		return nil
	})
}

func (l *lexicon) loadRegimes(data string) error {
	return rows(data, 3, 4, func(_ int, f []string) error {
		dc := dated{code: f[3]}
		var err error
		if dc.from, err = parseISODate(f[1]); err != nil {
			return err
		}
		if f[2] != "" {
			if dc.until, err = parseISODate(f[2]); err != nil {
				return err
			}
		}
		if dc.code == "" {
			dc.code = strconv.Itoa(dc.from.Year()) + "-"
			if !dc.until.IsZero() {
				dc.code += strconv.Itoa(dc.until.Year())
			}
		}
		l.regimes[f[0]] = append(l.regimes[f[0]], dc)
		return nil
	})
}

func (l *lexicon) loadConduct(data string) error {
	return rows(data, 4, 4, func(_ int, f []string) error {
		inter, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		level, err := strconv.Atoi(f[3])
		if err != nil {
			return err
		}
		switch f[2] {
		case "verb", "light", "object":
		default:
			return fmt.Errorf("as %q: want verb, light or object", f[2])
		}
		for _, p := range strings.Split(f[0], "|") {
			k := phraseKey(p)
			if _, dup := l.conduct[f[2]+" "+k]; dup {
				return fmt.Errorf("%q listed twice", p)
			}
			l.conduct[f[2]+" "+k] = act{inter: inter, level: level}
			firstWord(l.conductFirst, k)
		}
		return nil
	})
}

func (l *lexicon) loadHeads(data string) error {
	return rows(data, 2, 2, func(_ int, f []string) error {
		switch f[1] {
		case "place", "day", "org", "armed", "act", "arms":
		default:
			return fmt.Errorf("%q: want place, day, org, armed, act or arms", f[1])
		}
		k := strings.ToLower(f[0])
		if _, dup := l.heads[k]; dup {
			return fmt.Errorf("%q listed twice", f[0])
		}
		l.heads[k] = f[1]
		return nil
	})
}

// firstWord records a phrase key's first word and its length in tokens in
// an index of first words.
func firstWord(index map[string]int, key string) {
	ws := strings.Fields(key)
	if len(ws) > 0 {
		index[ws[0]] = max(index[ws[0]], len(ws))
	}
}

// isAcronym reports whether an alias is written in capitals ("UN", "U.N.",
// "WHO"): such aliases match only as written, so "who" is not an organisation.
func isAcronym(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
	}
	return true
}

// phraseKey turns a phrase into the key its tokens produce: lower case,
// single spaces, the possessive "'s" split off as its own token.
func phraseKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(splitPossessive(s)), " "))
}

func splitPossessive(s string) string {
	return strings.ReplaceAll(s, "'s ", " 's ")
}
