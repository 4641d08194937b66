package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Confusion counts gold labels against predicted ones for a classification
// and derives accuracy and F1 from them.
type Confusion struct {
	// Examples, when set, is how many texts to keep for each confusion
	Examples int
	examples map[[2]string][]string
	cells    map[[2]string]int
	gold     map[string]int
	pred     map[string]int
	n        int
	right    int
}

// NewConfusion returns an empty confusion table.
func NewConfusion() *Confusion {
	return &Confusion{cells: map[[2]string]int{}, gold: map[string]int{}, pred: map[string]int{}}
}

// AddText counts one item and keeps its text as an example of the
// confusion.
func (c *Confusion) AddText(gold, pred, text string) {
	c.Add(gold, pred)
	k := [2]string{gold, pred}
	if gold != pred && len(c.examples[k]) < c.Examples {
		if c.examples == nil {
			c.examples = map[[2]string][]string{}
		}
		c.examples[k] = append(c.examples[k], text)
	}
}

// Add counts one item.
func (c *Confusion) Add(gold, pred string) {
	c.cells[[2]string{gold, pred}]++
	c.gold[gold]++
	c.pred[pred]++
	c.n++
	if gold == pred {
		c.right++
	}
}

// N is the number of items counted.
func (c *Confusion) N() int { return c.n }

// Accuracy is the share of items whose prediction equals the gold label.
func (c *Confusion) Accuracy() float64 { return ratio(c.right, c.n) }

// F1 returns the F1 of one label.
func (c *Confusion) F1(label string) float64 {
	tp := c.cells[[2]string{label, label}]
	p, r := ratio(tp, c.pred[label]), ratio(tp, c.gold[label])
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// MacroF1 averages the F1 of the given gold labels (all gold labels when
// none are given).
func (c *Confusion) MacroF1(labels ...string) float64 {
	if len(labels) == 0 {
		labels = c.Labels()
	}
	sum := 0.0
	for _, l := range labels {
		sum += c.F1(l)
	}
	if len(labels) == 0 {
		return 0
	}
	return sum / float64(len(labels))
}

// WeightedF1 averages the F1 of the gold labels weighted by their support.
func (c *Confusion) WeightedF1() float64 {
	sum := 0.0
	for l, n := range c.gold {
		sum += c.F1(l) * float64(n)
	}
	return sum / float64(max(c.n, 1))
}

// Labels returns the gold labels, most frequent first.
func (c *Confusion) Labels() []string {
	var ls []string
	for l := range c.gold {
		ls = append(ls, l)
	}
	sort.Slice(ls, func(i, j int) bool {
		if c.gold[ls[i]] != c.gold[ls[j]] {
			return c.gold[ls[i]] > c.gold[ls[j]]
		}
		return ls[i] < ls[j]
	})
	return ls
}

// Write prints per-label support, precision, recall and F1, and the most
// frequent confusions.
func (c *Confusion) Write(w io.Writer, top int) {
	fmt.Fprintf(w, "    %-40s %6s %6s %6s %6s\n", "gold label", "n", "P", "R", "F1")
	for _, l := range c.Labels() {
		tp := c.cells[[2]string{l, l}]
		fmt.Fprintf(w, "    %-40s %6d %5.1f%% %5.1f%% %5.1f%%\n", trunc(l, 40), c.gold[l], 100*ratio(tp, c.pred[l]), 100*ratio(tp, c.gold[l]), 100*c.F1(l))
	}
	type cell struct {
		gold, pred string
		n          int
	}
	var errs []cell
	for k, n := range c.cells {
		if k[0] != k[1] {
			errs = append(errs, cell{k[0], k[1], n})
		}
	}
	sort.Slice(errs, func(i, j int) bool {
		if errs[i].n != errs[j].n {
			return errs[i].n > errs[j].n
		}
		return errs[i].gold+errs[i].pred < errs[j].gold+errs[j].pred
	})
	fmt.Fprintf(w, "    most frequent confusions (gold -> predicted):\n")
	for i, e := range errs {
		if i == top {
			break
		}
		fmt.Fprintf(w, "    %5d  %s -> %s\n", e.n, e.gold, e.pred)
		for _, x := range c.examples[[2]string{e.gold, e.pred}] {
			fmt.Fprintf(w, "             e.g. %s\n", trunc(strings.Join(strings.Fields(x), " "), 200))
		}
	}
}

func trunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "~"
}
