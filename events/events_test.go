package events

import (
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

func sentence(t *testing.T, s string) *sitrep.Sentence {
	t.Helper()
	sents, err := text.Analyze(s)
	if err != nil || len(sents) != 1 {
		t.Fatalf("Analyze(%q): %d sentences, %v", s, len(sents), err)
	}
	return &sents[0]
}

func TestTriggers(t *testing.T) {
	cases := []struct {
		text  string
		class string // "" for no trigger
	}{
		{"Rockets hit the market.", "shelling"},
		{"The rockets were on display at the parade.", ""},
		{"Both sides agreed a ceasefire on Monday.", "truce"},
		{"The ceasefire was on everyone's mind.", ""},
		{"An air strike hit the hospital.", "air"},
		{"Gunmen stormed the village.", "attack"},
		{"Police arrested ten protesters.", "arrest"},
		{"Rebels fired 14.5mm and 12.7mm machine guns, in addition to sniper rifles, at the villages.", "shoot"},
		{"The firm fired three managers, citing losses at the plant.", ""},
		{"Soldiers continued to loot the shops.", "loot"},
		{"Residents were burning debris on the highway to demand water.", "protest"},
		{"Youths engaged in a street-fight with the police.", "clash"},
		{"Armed men stormed the farm, setting on fire two barns.", "loot"},
	}
	for _, c := range cases {
		s := sentence(t, c.text)
		hs := findTriggers(s, s.LowerWords(nil))
		got := ""
		for _, h := range hs {
			if h.trig.violent || got == "" {
				got = h.trig.class
			}
		}
		if c.class == "" && len(hs) > 0 {
			got = hs[0].trig.class
		}
		if got != c.class {
			t.Errorf("%q: trigger class %q, want %q", c.text, got, c.class)
		}
	}
}

func TestIsTopic(t *testing.T) {
	cases := []struct {
		text  string
		topic bool
	}{
		{"The UN condemned all attacks on civilians.", true},
		{"Fighting continued on many fronts.", true},
		{"They said the clashes would end soon.", false},
		{"Iran warned Armenia after shells fell on its side.", false},
		{"Troops shelled the town.", false},
		{`He said "the attacks will not break us".`, true},
		{"Police arrested a man suspected of kidnapping.", true},
		{"Rebels tried to capture the town.", true},
		{"Rebels managed to capture the town.", false},
		{"Soldiers continued to loot the shops.", false},
		{"Soldiers stopped the continued looting of the shops.", true},
		{"Ann Lee, who lost her son when a bomb exploded on a bus, said the memorial mattered.", true},
		{"Ann Lee, who lost her son when a bomb exploded on a bus, said: the memorial mattered.", true},
		{"Ann Lee said a bomb exploded on a bus, who knows why.", false},
		{"A bomb exploded on a bus, police said.", false},
	}
	for _, c := range cases {
		s := sentence(t, c.text)
		lw := s.LowerWords(nil)
		hs := findTriggers(s, lw)
		var v *hit
		for i := range hs {
			if hs[i].trig.violent {
				v = &hs[i]
			}
		}
		if v == nil {
			t.Fatalf("%q: no violent trigger", c.text)
		}
		if got := isTopic(*v, hs, s, lw); got != c.topic {
			t.Errorf("%q: isTopic(%s) = %v, want %v", c.text, v.word, got, c.topic)
		}
	}
}

func TestFigures(t *testing.T) {
	cases := []struct {
		text    string
		killed  []int
		injured []int
		victims string
	}{
		{"Twelve civilians were killed and more than 40 others were injured.", []int{12}, []int{41}, "civilians"},
		{"Shells fell on a house, wounding one person.", nil, []int{1}, "unknown"},
		{"Militants announced the killing of 600 soldiers.", []int{600}, nil, "military"},
		{"Troops destroyed 20 houses and two schools.", nil, nil, ""},
		{"The convoy travelled 600 km in 2020.", nil, nil, ""},
		{"Police said two people were killed and 40 wounded.", []int{2}, []int{40}, "unknown"},
		{"Two soldiers were shot and killed near the bridge.", []int{2}, nil, "military"},
		{"A man was killed.", []int{1}, nil, "unknown"},
		{"Gunmen shot dead a civilian near the market.", []int{1}, nil, "civilians"},
		{"Gunmen shot dead a retired policeman near the market.", []int{1}, nil, "civilians"},
	}
	for _, c := range cases {
		s := sentence(t, c.text)
		figs := figures(s, s.LowerWords(nil))
		var k, i []int
		v := ""
		for _, f := range figs {
			n, _ := f.count.Value()
			if f.killed {
				k = append(k, n)
			} else {
				i = append(i, n)
			}
			if v == "" {
				v = f.victims
			}
		}
		if !same(k, c.killed) || !same(i, c.injured) || v != c.victims {
			t.Errorf("%q: killed %v injured %v victims %q, want %v %v %q", c.text, k, i, v, c.killed, c.injured, c.victims)
		}
	}
}

func same(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCombineIsConservative(t *testing.T) {
	c := combine([]*sitrep.Count{sitrep.NewCount(12, 12, 12), sitrep.NewCount(14, 14, 14)})
	if *c.Low != 12 || *c.Best != 12 || *c.High != 14 {
		t.Errorf("12 and 14 reconcile to %d/%d/%d, want 12/12/14", *c.Low, *c.Best, *c.High)
	}
	c = combine([]*sitrep.Count{sitrep.NewCount(41, 41, -1), sitrep.NewCount(40, 40, 40)})
	if *c.Low != 40 || *c.Best != 40 || c.High != nil {
		t.Errorf("'more than 40' and 40 reconcile to %+v, want 40/40/open", c)
	}
	vague := figure{killed: true, count: sitrep.NewCount(10, 10, -1), vague: true}
	exact := figure{killed: true, count: sitrep.NewCount(12, 12, 12)}
	if got := reconcile([]figure{vague, exact}, true); *got.Best != 12 {
		t.Errorf("an exact figure should win over a vague one, got %d", *got.Best)
	}
	if reconcile([]figure{exact}, false) != nil {
		t.Errorf("no injured figure should give nil")
	}
}

func TestSameFiguresWithOpenCounts(t *testing.T) {
	upTo := figure{killed: true, count: sitrep.NewCount(-1, -1, 20)}
	e := &event{cands: []*candidate{{figures: []figure{upTo}}}}
	c := &candidate{figures: []figure{upTo}}
	if sameFigures(e, c) {
		t.Errorf("counts with no best figure matched")
	}
	ten := figure{killed: true, count: sitrep.NewCount(10, 10, 10)}
	if !sameFigures(&event{cands: []*candidate{{figures: []figure{ten}}}}, &candidate{figures: []figure{ten}}) {
		t.Errorf("equal figures did not match")
	}
}
