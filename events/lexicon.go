package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed triggers.tsv
var triggersTSV string

// trigger is a word or phrase that says an event happened, with the codes
// the event gets.
type trigger struct {
	class       string
	cameo       string
	plover      string
	mode        string
	acledType   string
	acledSub    string
	needs       string
	violent     bool
	specificity int // higher wins when one sentence has several violent triggers
}

// specificity ranks violent classes: when a sentence says "12 were killed
// in shelling", the event is shelling, not a killing.
var specificity = map[string]int{
	"air": 9, "suicide": 8, "shelling": 7, "explosive": 6, "grenade": 5,
	"capture": 4, "abduct": 3, "attack": 2, "clash": 2, "kill": 1,
}

type triggerTable struct {
	phrases map[string]trigger
	longest int
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
	t := triggerTable{phrases: map[string]trigger{}, longest: 1}
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
		tr.specificity, tr.violent = specificity[tr.class]
		for _, form := range strings.Split(f[0], "|") {
			k := strings.Join(strings.Fields(form), " ")
			if _, dup := t.phrases[k]; dup {
				return t, fmt.Errorf("line %d: %q listed twice", line, k)
			}
			t.phrases[k] = tr
			t.longest = max(t.longest, strings.Count(k, " ")+1)
		}
	}
	return t, sc.Err()
}
