package verbs_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
	"github.com/sitrep-project/sitrep/verbs"
)

// testVerbs is a small dictionary in PETRARCH's format, written for these
// tests.
const testVerbs = `
# money words
&MONEY
+DOLLARS
+EUROS

--- PROMISE [050] ---
PROMISE   # a comment
- * &MONEY  [071]
- NOT *  [112]

--- MEET [040:040] ---
MEET {MET}
- % *  [046:046]

--- ARRIVE [032:033] ---
ARRIVE

--- CRITICIZE [121] ---
CRITICIZE {CRITICISED}

--- WANT [---] ---
WANT
- * TO STRIKE  [138]

--- STRIKE [190] ---
STRIKE {STRUCK}

--- BREAK [---] ---
+BREAK_OFF {+BROKE_OFF +BROKEN_OFF}
- * RELATIONS  [161]

--- DELAY [---]
DELAY

--- SAY [010] ---
SAY {SAID SAYS}

--- URGE [102] ---
URGE

--- RENEW [---] ---
RENEW
- * TIES  [064:064]
- % * TIES  [064:064]

--- MAKE [---] ---
MAKE {MADE}
- * TRIP  [036]

--- CELEBRATE [---] ---
CELEBRATE
- * FEAST IN ^ +  [045]
`

// codes of the test's countries, found as whole words
var testActors = map[string]string{"Norway": "NOR", "Chile": "CHL", "Peru": "PER", "Sweden": "SWE"}

func mentions(s string) []sitrep.Actor {
	var out []sitrep.Actor
	for i := 0; i < len(s); i++ {
		for name, code := range testActors {
			if strings.HasPrefix(s[i:], name) && (i == 0 || s[i-1] == ' ') {
				out = append(out, sitrep.Actor{Text: name, Start: i, End: i + len(name), Cameo: code, Ref: -1})
			}
		}
	}
	return out
}

func TestCode(t *testing.T) {
	d, err := verbs.Read("test", strings.NewReader(testVerbs))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) > 0 {
		t.Fatalf("warnings: %v", d.Warnings)
	}
	for _, tc := range []struct {
		name, text string
		want       string // (sources>targets code/reverse) per coding
	}{
		{"pattern with a synonym set", "Norway promised ten million dollars to Chile on Monday.", "NOR>CHL 071/"},
		{"verb default", "Norway promised support to Chile.", "NOR>CHL 050/"},
		{"pattern before the verb", "Norway did not promise anything to Chile.", "NOR>CHL 112/"},
		{"compound subject meets", "Peru and Chile met in Lima.", "PER,CHL> 046/046 mutual"},
		{"reverse code", "Norway arrived in Chile on Tuesday.", "NOR>CHL 032/033"},
		{"passive with an agent", "Norway was criticised by Sweden over the deal.", "SWE>NOR 121/"},
		{"the governing verb's pattern reads the infinitive", "Norway wants to strike Chile.", "NOR>CHL 138/"},
		{"the infinitive tells what is done", "Norway is about to strike Chile.", "NOR>CHL 190/"},
		{"an act meant is not returned", "Norway wants to arrive in Chile.", "NOR>CHL 032/"},
		{"an act done is returned", "Norway arrived in Chile.", "NOR>CHL 032/033"},
		{"multi-word verb", "Norway broke off relations with Chile.", "NOR>CHL 161/"},
		{"list of sources", "Norway, Peru and Chile criticized Sweden.", "NOR,PER,CHL>SWE 121/"},
		{"time between subject and verb", "Norway on Friday criticized Chile.", "NOR>CHL 121/"},
		{"parenthesis between subject and verb", "Norway, in a speech on Friday, criticized Chile.", "NOR>CHL 121/"},
		{"coordinated verbs share the subject", "Norway criticized Chile and promised aid to Peru.", "NOR>CHL 121/ NOR>PER 050/"},
		{"apposition is not a list", "Norway criticized Chile, Sweden's ally.", "NOR>CHL 121/"},
		{"the object of an apposition", "Norway criticized its neighbour, Sweden.", "NOR>SWE 121/"},
		{"a phrase after a subordinator is not the target", "Norway criticized the plan after Sweden left.", "NOR> 121/"},
		{"no code", "Norway will delay the vote.", ""},
		{"a possibility is no event", "Norway might criticize Chile.", ""},
		{"a possibility with auxiliaries is no event", "Norway might not have criticized Chile.", ""},
		{"a modal of what may come still codes", "Norway may criticize Chile.", "NOR>CHL 121/"},
		{"a subordinate clause is coded when the main one is not", "Norway will delay the vote after Sweden criticized Chile.", "SWE>CHL 121/"},
		{"a subordinate clause is left when the main one is coded", "Norway criticized Chile before Sweden promised aid to Peru.", "NOR>CHL 121/"},
		{"a relative clause is left when the main one is coded", "Norway, which Sweden criticized, promised aid to Peru.", "NOR>PER 050/"},
		{"adjectives in a row", "Norway broke off old, formal relations with Chile.", "NOR>CHL 161/"},
		{"an aside between commas", "Norway criticized, it seems, Chile.", "NOR>CHL 121/"},
		{"a pattern stops at another clause's verb", "Norway promised Sweden that the bank lost ten million dollars.", "NOR>SWE 050/"},
		{"a possessive pronoun is no target", "Norway criticized its army and Chile.", "NOR>CHL 121/"},
		{"an infinitive after the object is part of the governing verb", "Norway urged Chile to strike Peru.", "NOR>CHL 102/"},
		{"an infinitive after the agent is part of the governing verb", "Norway was urged by Sweden to strike Peru.", "SWE>NOR 102/"},
		{"a compound subject takes the pattern for compounds", "Norway and Chile renewed ties.", "NOR,CHL> 064/064 mutual"},
		{"a single subject takes the plain pattern", "Norway renewed ties with Chile.", "NOR>CHL 064/064"},
		{"an actor inside a that-clause subject's phrase is not the target", "Norway promised that the disputes in Chile would end.", "NOR> 050/"},
		{"the subject of a that-clause is the target", "Norway promised that Chile would get aid.", "NOR>CHL 050/"},
		{"a pattern's first word is in the verb's object", "Norway made a trip to Chile.", "NOR>CHL 036/"},
		{"a pattern's first word is not looked for past the object", "Norway made its remarks in Chile at the start of a trip.", ""},
		{"a passed-over noun phrase is not the target", "Norway celebrated the feast in Chile with Peru.", "NOR>PER 045/"},
		{"what is said is a clause of its own", "Norway said the plan enjoyed support in Chile.", "NOR> 010/"},
		{"the subject of what is said is the target", "Norway said Chile criticized the plan.", "NOR>CHL 010/ CHL> 121/"},
		{"a participle between a noun and its object is a verb", "Norway said a new law criticized harsh police methods in Chile.", "NOR> 010/ >CHL 121/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sents, err := text.Analyze(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			acts := mentions(tc.text)
			var got []string
			for i := range sents {
				for _, c := range d.Code(&sents[i], acts) {
					got = append(got, describe(c, acts))
				}
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("%q: got %q, want %q", tc.text, g, tc.want)
			}
		})
	}
}

func describe(c verbs.Coding, acts []sitrep.Actor) string {
	codes := func(is []int) string {
		var cs []string
		for _, i := range is {
			cs = append(cs, acts[i].Cameo)
		}
		return strings.Join(cs, ",")
	}
	s := fmt.Sprintf("%s>%s %s/%s", codes(c.Sources), codes(c.Targets), c.Code, c.Reverse)
	if c.Mutual {
		s += " mutual"
	}
	return s
}

func TestReadWarnings(t *testing.T) {
	d, err := verbs.Read("bad", strings.NewReader("- * TIES [064]\nRESTORE\n--- RESTORE [064] ---\nRESTORE\n- * &NOSUCH [065]\n- * TIES\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 4 {
		t.Errorf("warnings %d, want 4: %v", len(d.Warnings), d.Warnings)
	}
	if d.Verbs() == 0 {
		t.Error("the verb after the bad lines was not read")
	}
}

// TestUnresolvedPronoun checks that a pronoun mention the actors stage
// left without a code stands for the subject of the clause that holds it.
func TestUnresolvedPronoun(t *testing.T) {
	d, err := verbs.Read("test", strings.NewReader(testVerbs))
	if err != nil {
		t.Fatal(err)
	}
	s := "Norway said they would criticize Chile."
	sents, err := text.Analyze(s)
	if err != nil {
		t.Fatal(err)
	}
	acts := mentions(s)
	i := strings.Index(s, "they")
	acts = append(acts, sitrep.Actor{Text: "they", Start: i, End: i + 4, Ref: -1})
	var got []string
	for _, c := range d.Code(&sents[0], acts) {
		got = append(got, describe(c, acts))
	}
	if g, want := strings.Join(got, " "), "NOR> 010/ NOR>CHL 121/"; g != want {
		t.Errorf("got %q, want %q", g, want)
	}
}

// TestBraceCommas checks that commas between a verb's irregular forms
// separate them and are no form of their own.
func TestBraceCommas(t *testing.T) {
	d, err := verbs.Read("test", strings.NewReader("--- DETERMINE [030] ---\n+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED}\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := "Norway, Chile and Peru was determined to act."
	sents, err := text.Analyze(s)
	if err != nil {
		t.Fatal(err)
	}
	acts := mentions(s)
	var got []string
	for _, c := range d.Code(&sents[0], acts) {
		got = append(got, c.Word)
	}
	if g := strings.Join(got, "|"); g != "was determined" {
		t.Errorf("coded verbs %q, want \"was determined\"", g)
	}
}
