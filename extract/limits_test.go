package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
)

// adversarial are texts that are no prose, each as large as an article may
// be, built to make a stage slow: long runs of punctuation, one word
// repeated, a sentence that never ends, numbers, place names, lines.
func adversarial() map[string]string {
	const size = 16 << 20
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	return map[string]string{
		"dots":             fill("."),
		"punctuation":      fill(`!?.,;:"'()[]{}-/\...`),
		"punctuation runs": fill(strings.Repeat(".,", 200) + " "),
		"one word":         fill("attack "),
		"one long word":    fill("attack"),
		"numbers":          fill("12 "),
		"places":           fill("Gao, "),
		"lines":            fill("Gao\n"),
		"paragraphs":       fill("Killed.\n\n"),
		"story":            fill("Rebels attacked a convoy near Gao on Monday, killing three soldiers, the army said. "),
	}
}

func TestNoInputTakesUnboundedTime(t *testing.T) {
	if testing.Short() {
		t.Skip("16 MiB inputs")
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range adversarial() {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			doc, err := x.Article(sitrep.Article{Text: s, Published: "2021-03-10"})
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			// Generous: the deadline is 2s, and a slow or busy machine
			// may overrun it by the time of one stage.
			if took > 60*time.Second {
				t.Errorf("took %v", took)
			}
			t.Logf("%v, %d places, %d events, warnings %q", took.Round(time.Millisecond), len(doc.Places), len(doc.Events), Cut(doc))
		})
	}
}

func TestDeadlineKeepsWhatWasFound(t *testing.T) {
	art := sitrep.Article{Text: "Rebels attacked an army post near Gao on Monday, killing three soldiers.", Published: "2021-03-10"}
	x, err := NewWith(Options{Deadline: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Article(art)
	if err != nil {
		t.Fatal(err)
	}
	want := "limits: processing deadline of 1ns reached: only the first 0 of its 72 bytes were read; places, times, actors, events not extracted"
	if w := Cut(doc); len(w) != 1 || w[0] != want || len(doc.Events) != 0 {
		t.Errorf("cut %q, %d events", w, len(doc.Events))
	}
	x, _ = NewWith(Options{Deadline: -1})
	doc, _ = x.Article(art)
	if len(Cut(doc)) != 0 || len(doc.Events) == 0 {
		t.Errorf("no deadline: cut %q, %d events", Cut(doc), len(doc.Events))
	}
}
