package events

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestSubsumed checks that an unspecified statement gives way to another
// coding of the same sentence between the same actors.
func TestSubsumed(t *testing.T) {
	nor := &sitrep.Actor{Cameo: "NOR"}
	chl := &sitrep.Actor{Cameo: "CHLCVL"}
	swe := &sitrep.Actor{Cameo: "SWE"}
	evs := []sitrep.Event{
		{Cameo: "010", Actor1: nor, Actor2: chl}, // "said": the release's announcement
		{Cameo: "0841", Actor1: nor, Actor2: chl},
		{Cameo: "010", Actor1: nor, Actor2: swe}, // a statement on its own stays
		{Cameo: "010", Actor1: chl, Actor2: nor}, // the other way round is another pair
	}
	var got []string
	for _, e := range subsumed(evs) {
		got = append(got, e.Actor1.Cameo+">"+e.Actor2.Cameo+" "+e.Cameo)
	}
	want := "NOR>CHLCVL 0841 NOR>SWE 010 CHLCVL>NOR 010"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got %q, want %q", g, want)
	}
}
