package actors

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed agents.tsv
var agentsTSV string

//go:embed orgs.tsv
var orgsTSV string

// agent is an agent noun or title from agents.tsv.
type agent struct {
	phrase string
	kind   string
	sector string
	inter  int
	person bool // a title naming one person
}

// org is an organisation from orgs.tsv.
type org struct {
	name, kind, sector, cameo string
	inter                     int
}

// lexicon holds the embedded agent nouns, titles and organisations, keyed by
// the phrase as tokens joined by spaces (see key).
type lexicon struct {
	agents    map[string]agent
	agentLen  int // most tokens in an agent phrase
	orgs      map[string]org
	orgsExact map[string]org // all-capital aliases, matched as written
	orgLen    int
	// first words of every phrase, lower case: a token that begins none is
	// skipped without building phrases
	agentFirst, orgFirst map[string]bool
}

var defaultLexicon = sync.OnceValues(func() (*lexicon, error) {
	l := &lexicon{agents: map[string]agent{}, orgs: map[string]org{}, orgsExact: map[string]org{}, agentFirst: map[string]bool{}, orgFirst: map[string]bool{}}
	if err := l.loadAgents(agentsTSV); err != nil {
		return nil, err
	}
	if err := l.loadOrgs(orgsTSV); err != nil {
		return nil, err
	}
	return l, nil
})

func rows(data string, ncol int, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != ncol {
			return fmt.Errorf("line %d: %d fields, want %d", n, len(f), ncol)
		}
		if err := fn(n, f); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func (l *lexicon) loadAgents(data string) error {
	return rows(data, 5, func(_ int, f []string) error {
		inter, err := strconv.Atoi(f[3])
		if err != nil {
			return err
		}
		k := phraseKey(f[0])
		l.agents[k] = agent{phrase: f[0], kind: f[1], sector: f[2], inter: inter, person: f[4] == "1"}
		l.agentFirst[strings.Fields(k)[0]] = true
		l.agentLen = max(l.agentLen, strings.Count(k, " ")+1)
		return nil
	})
}

func (l *lexicon) loadOrgs(data string) error {
	return rows(data, 6, func(_ int, f []string) error {
		inter, err := strconv.Atoi(f[5])
		if err != nil {
			return err
		}
		o := org{name: f[1], kind: f[2], sector: f[3], cameo: f[4], inter: inter}
		for _, alias := range strings.Split(f[0], "|") {
			k := phraseKey(alias)
			if isAcronym(alias) {
				l.orgsExact[strings.Join(strings.Fields(splitPossessive(alias)), " ")] = o
			} else {
				l.orgs[k] = o
			}
			l.orgLen = max(l.orgLen, strings.Count(k, " ")+1)
			l.orgFirst[strings.Fields(k)[0]] = true
		}
		return nil
	})
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
