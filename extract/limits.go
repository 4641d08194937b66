package extract

import (
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// limitsPrefix opens the warnings that say an article was cut short.
const limitsPrefix = "limits: "

// limits is the clock of one article's processing deadline, and what the
// limits cut from it.
type limits struct {
	deadline time.Duration // <= 0: none
	start    time.Time
	timedOut bool // the text stage stopped at the deadline
	// read is set when the text was read up to byte read of size only.
	read, size int
	skipped    []string // the stages not run
}

func newLimits(d time.Duration) *limits { return &limits{deadline: d, start: time.Now()} }

// halfway reports whether half the deadline has passed: the text stage
// stops there, leaving the other half to the stages after it.
func (l *limits) halfway() bool {
	if l.deadline > 0 && time.Since(l.start) > l.deadline/2 {
		l.timedOut = true
	}
	return l.timedOut
}

// passed reports whether the deadline has passed.
func (l *limits) passed() bool {
	return l.deadline > 0 && time.Since(l.start) > l.deadline
}

// warning says in one line what the limits cut, or "".
func (l *limits) warning() string {
	var cut []string
	if l.size > 0 {
		cut = append(cut, fmt.Sprintf("only the first %d of its %d bytes were read", l.read, l.size))
	}
	if len(l.skipped) > 0 {
		cut = append(cut, strings.Join(l.skipped, ", ")+" not extracted")
	}
	if len(cut) == 0 {
		return ""
	}
	why := fmt.Sprintf("article longer than %d sentences or %d words", MaxSentences, MaxTokens)
	if l.timedOut || len(l.skipped) > 0 {
		why = fmt.Sprintf("processing deadline of %v reached", l.deadline)
	}
	return limitsPrefix + why + ": " + strings.Join(cut, "; ")
}

// Cut returns the warnings of doc that say it was cut short by a limit on
// its size or processing time, to be shown to the user beside the output.
func Cut(doc sitrep.Document) []string {
	var out []string
	for _, w := range doc.Warnings {
		if strings.HasPrefix(w, limitsPrefix) {
			out = append(out, w)
		}
	}
	return out
}
