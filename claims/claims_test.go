package claims

import (
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

// actorsAt marks the given words of s as actor mentions.
func actorsAt(s string, words ...string) []sitrep.Actor {
	var out []sitrep.Actor
	from := 0
	for _, w := range words {
		i := indexFrom(s, w, from)
		if i < 0 {
			continue
		}
		out = append(out, sitrep.Actor{Text: w, Start: i, End: i + len(w), Kind: sitrep.KindState, Ref: -1})
		from = i + len(w)
	}
	return out
}

func indexFrom(s, w string, from int) int {
	for i := from; i+len(w) <= len(s); i++ {
		if s[i:i+len(w)] == w {
			return i
		}
	}
	return -1
}

func split(t *testing.T, s string, actors []sitrep.Actor) []Clause {
	t.Helper()
	sents, err := text.Analyze(s)
	if err != nil || len(sents) != 1 {
		t.Fatalf("Analyze(%q) = %d sentences, %v", s, len(sents), err)
	}
	return Split(&sents[0], actors)
}

func TestSplit(t *testing.T) {
	type want struct {
		claimant string // text of the claimant, "" for the outlet
		stance   string
		cue      string
		anaph    bool
	}
	cases := []struct {
		name   string
		text   string
		actors []string
		want   []want
	}{
		{"no cue", "Police killed two people.", []string{"Police"}, []want{{"", sitrep.Asserts, "", false}}},
		{"said", "Police said two people were killed.", []string{"Police"}, []want{{"Police", sitrep.Asserts, "said", false}}},
		{"according to", "According to the ministry, ten soldiers died.", []string{"the ministry"}, []want{{"the ministry", sitrep.Asserts, "According to", false}}},
		{"denied this", "Armenia denied the report.", []string{"Armenia"}, []want{{"Armenia", sitrep.Denies, "denied", true}}},
		{"denied that", "The army denied that it had shelled the town.", []string{"The army"}, []want{{"The army", sitrep.Denies, "denied", false}}},
		{"assert then deny", "Mali said rebels attacked, but the rebels denied this.", []string{"Mali", "the rebels"},
			[]want{{"Mali", sitrep.Asserts, "said", false}, {"the rebels", sitrep.Denies, "denied", true}}},
		{"adding carries the speaker", "The ministry reported five dead, adding that two were children.", []string{"The ministry"},
			[]want{{"The ministry", sitrep.Asserts, "reported", false}, {"The ministry", sitrep.Asserts, "adding", false}}},
		{"reported by", "Rebels shelled the town, as reported by the agency.", []string{"Rebels", "the agency"}, []want{{"the agency", sitrep.Asserts, "reported", false}}},
		{"hedge", "Officials estimated that the toll was higher.", []string{"Officials"}, []want{{"Officials", sitrep.Hedges, "estimated", false}}},
		{"adjective is no cue", "Fighting went on in the disputed region.", nil, []want{{"", sitrep.Asserts, "", false}}},
		{"figure estimated at", "Losses estimated at $2 billion mounted.", nil, []want{{"", sitrep.Asserts, "", false}}},
		{"quoted cue ignored", `He wrote: "they said nothing" today.`, []string{"He"}, []want{{"He", sitrep.Asserts, "wrote", false}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			acts := actorsAt(c.text, c.actors...)
			got := split(t, c.text, acts)
			if len(got) != len(c.want) {
				t.Fatalf("got %d clauses %+v, want %d", len(got), got, len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				claimant := ""
				if g.Claimant >= 0 {
					claimant = acts[g.Claimant].Text
				}
				if claimant != w.claimant || g.Stance != w.stance || g.Cue != w.cue || g.Anaphoric != w.anaph {
					t.Errorf("clause %d = {%q %s %q anaphoric=%v}, want {%q %s %q %v}", i, claimant, g.Stance, g.Cue, g.Anaphoric, w.claimant, w.stance, w.cue, w.anaph)
				}
				if !g.Span.Contains(g.Body) {
					t.Errorf("clause %d body %v outside span %v", i, g.Body, g.Span)
				}
			}
		})
	}
}
