package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/text/wordfilter"
)

//go:embed triggers.tsv
var triggersTSV string

//go:embed cues.tsv
var cuesTSV string

// trigger is a word or phrase that says an event happened, with the codes
// the event gets.
type trigger struct {
	class     string
	cameo     string
	plover    string
	mode      string
	acledType string
	acledSub  string
	needs     string
	// violent is set for the classes of political violence and strategic
	// developments, which group into one event per clause; demo for
	// protests, riots and mob violence
	violent, demo bool
	specificity   int // higher wins when one clause has several triggers of its group
}

// readingRank orders the readings of one phrase: incidents before statements,
// then the more specific first.
func readingRank(t trigger) int {
	r := t.specificity
	if t.incident() {
		r += 100
	}
	return r
}

// incident reports whether the trigger tells of an incident ACLED codes as
// violence, a demonstration or a strategic development on the ground, as
// opposed to something said.
func (t trigger) incident() bool { return t.violent || t.demo }

// classSpecificity ranks violent classes: when a sentence says "12 were killed
// in shelling", the event is shelling, not a killing.
var classSpecificity = map[string]int{
	"grave": 15, "disrupt": 14, "chemical": 13, "air": 12, "suicide": 11, "shelling": 10, "explosive": 9, "grenade": 8, "blast": 5,
	"sexual": 7, "capture": 6, "transfer": 6, "abduct": 5, "clash": 5, "attack": 4, "shoot": 3, "kill": 2,
	"base": 2, "arrest": 1, "loot": 1,
}

// demoSpecificity ranks the classes of demonstrations.
var demoSpecificity = map[string]int{"mob": 3, "riot": 2, "stones": 2, "protest": 1}

// triggerTable maps each phrase to the triggers it can be, most specific
// first: "destroyed" is disrupted weapons use with arms near, property
// destruction with a house near.
type triggerTable struct {
	phrases map[string][]trigger
	longest int
	first   map[string]bool // the first words of every phrase
}

var triggers = mustLoadTriggers(triggersTSV)

func mustLoadTriggers(data string) triggerTable {
	t, err := loadTriggers(data)
	if err != nil {
		panic("events: triggers.tsv: " + err.Error())
	}
	return t
}

func loadTriggers(data string) (triggerTable, error) {
	t := triggerTable{phrases: map[string][]trigger{}, longest: 1, first: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 8 {
			return t, fmt.Errorf("line %d: %d fields, want 8", line, len(f))
		}
		tr := trigger{class: f[1], cameo: f[2], plover: f[3], mode: f[4], acledType: f[5], acledSub: f[6], needs: f[7]}
		tr.specificity, tr.violent = classSpecificity[tr.class]
		if n, ok := demoSpecificity[tr.class]; ok {
			tr.specificity, tr.demo = n, true
		}
		for _, form := range strings.Split(f[0], "|") {
			k := strings.Join(strings.Fields(form), " ")
			for _, o := range t.phrases[k] {
				if o.class == tr.class {
					return t, fmt.Errorf("line %d: %q listed twice for %s", line, k, tr.class)
				}
			}
			t.phrases[k] = append(t.phrases[k], tr)
			t.first[strings.Fields(k)[0]] = true
			sort.SliceStable(t.phrases[k], func(i, j int) bool { return readingRank(t.phrases[k][i]) > readingRank(t.phrases[k][j]) })
			t.longest = max(t.longest, strings.Count(k, " ")+1)
		}
	}
	return t, sc.Err()
}

// cueSets holds the phrases of each set in cues.tsv, lower case.
var cueSets = mustLoadCues(cuesTSV)

func mustLoadCues(data string) map[string][]string {
	m := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		s := sc.Text()
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 2 {
			panic("events: cues.tsv: bad line " + s)
		}
		m[f[0]] = append(m[f[0]], " "+strings.Join(strings.Fields(f[1]), " ")+" ")
	}
	return m
}

// cueIndex files each cue set's phrases by their first word, so that
// hasCue looks a clause's words up instead of searching it for every
// phrase of the set.
type cueIndex struct {
	first   wordfilter.Filter   // passes the first words of the phrases
	byFirst map[string][]string // padded phrases by first word
}

var cueIndexes = indexCues(cueSets)

func indexCues(sets map[string][]string) map[string]*cueIndex {
	m := make(map[string]*cueIndex, len(sets))
	for set, ps := range sets {
		x := &cueIndex{byFirst: map[string][]string{}}
		for _, p := range ps {
			f := strings.Fields(p)
			if len(f) == 0 {
				panic("events: cues.tsv: empty phrase in set " + set)
			}
			x.first.Add(f[0])
			x.byFirst[f[0]] = append(x.byFirst[f[0]], p)
		}
		m[set] = x
	}
	return m
}

// hasCue reports whether the padded, lower-case, space-joined words of a
// text hold a phrase of the set.
func hasCue(words, set string) bool {
	x := cueIndexes[set]
	if x == nil {
		return false
	}
	// A phrase, " first ... ", can only start at a space followed by its
	// first word and another space.
	for i := 0; i < len(words); i++ {
		if words[i] != ' ' {
			continue
		}
		n := strings.IndexByte(words[i+1:], ' ')
		if n < 0 {
			break
		}
		if w := words[i+1 : i+1+n]; x.first.May(w) {
			for _, p := range x.byFirst[w] {
				if strings.HasPrefix(words[i:], p) {
					return true
				}
			}
		}
		i += n
	}
	return false
}
