// Package extract runs the pipeline on one article: text, places, times,
// actors, then events with their claims, and returns the contract's output
// object with every offset pointing into the text as it was read.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/actors"
	"github.com/sitrep-project/sitrep/events"
	"github.com/sitrep-project/sitrep/gazetteer"
	"github.com/sitrep-project/sitrep/places"
	"github.com/sitrep-project/sitrep/text"
	"github.com/sitrep-project/sitrep/times"
	"github.com/sitrep-project/sitrep/verbs"
)

// Extractor runs the pipeline. It is safe for concurrent use; build one per
// process, since it holds the loaded models and gazetteer.
type Extractor struct {
	gaz    *gazetteer.Gazetteer
	actors *actors.Extractor
	verbs  *verbs.Dictionary
	// deadline is the processing time of one article; <= 0: none.
	deadline time.Duration
}

// DefaultDeadline is the processing time one article gets when
// Options.Deadline is not set: a long news article takes a few tens of
// milliseconds.
const DefaultDeadline = 2 * time.Second

// Bounds on the text one article's stages read: far beyond any news
// article (a long one has 150 sentences), and low enough that the later
// stages, whose time grows faster than the text, stay within seconds. The
// text past them is not read, and a warning says so.
const (
	MaxSentences = 2000
	MaxTokens    = 50000
)

// Options configure an Extractor beyond the embedded data.
type Options struct {
	// Actors are dictionaries of named actors and agent nouns (see
	// actors.LoadDictionary), used on top of the embedded lexicon.
	Actors []*actors.Dictionary
	// Verbs is a PETRARCH verb dictionary (see verbs.LoadDictionary) that
	// codes the verbs it lists; nil codes with the built-in triggers alone.
	Verbs *verbs.Dictionary
	// Deadline is the processing time one article gets: the text stage
	// stops reading at half of it, and the stages after it are skipped
	// once it has passed. The article keeps what was found and a warning
	// says what was cut. 0 means DefaultDeadline; a negative value, none.
	Deadline time.Duration
}

// New loads the embedded models and data.
func New() (*Extractor, error) { return NewWith(Options{}) }

// NewWith loads the embedded models and data and what the options add.
func NewWith(o Options) (*Extractor, error) {
	// The text models load beside the gazetteer.
	models := make(chan error, 1)
	go func() { models <- text.Load() }()
	gaz := gazetteer.Default()
	if err := <-models; err != nil {
		return nil, fmt.Errorf("load text models: %w", err)
	}
	ax, err := actors.New(countries{gaz}, o.Actors...)
	if err != nil {
		return nil, fmt.Errorf("load actor lexicon: %w", err)
	}
	d := o.Deadline
	if d == 0 {
		d = DefaultDeadline
	}
	return &Extractor{gaz: gaz, actors: ax, verbs: o.Verbs, deadline: d}, nil
}

// Article extracts the places, times, actors and events of one article. A
// failure inside a stage is returned as an error for this article alone.
func (x *Extractor) Article(art sitrep.Article) (doc sitrep.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = sitrep.Errorf(sitrep.EInternal, "internal error: %v", r)
		}
	}()
	return x.article(art)
}

func (x *Extractor) article(art sitrep.Article) (sitrep.Document, error) {
	doc := sitrep.Document{ID: art.ID, Places: []sitrep.Place{}, Times: []sitrep.Time{}, Actors: []sitrep.Actor{}, Events: []sitrep.Event{}, Warnings: []string{}}
	if doc.ID == "" {
		sum := sha256.Sum256([]byte(art.Text))
		doc.ID = hex.EncodeToString(sum[:8])
	}
	doc.Outlet = optional(art.Outlet)
	doc.URL = optional(art.URL)
	doc.Title = optional(art.Title)
	if art.HTML != "" || art.FromHTML {
		doc.Text = art.Text // the text offsets refer to, which the input did not hold
	}
	var pub *time.Time
	if art.Published != "" {
		t, err := ParseDate(art.Published)
		if err != nil {
			return doc, sitrep.Errorf(sitrep.EInvalid, "published %q: not YYYY-MM-DD or RFC 3339", art.Published)
		}
		pub = &t
		d := t.Format(time.DateOnly)
		doc.Published = &d
	}

	norm := text.Normalize(art.Text)
	lim := newLimits(x.deadline)
	sents, end, err := text.AnalyzeWithin(norm.Text, text.Limits{MaxSentences: MaxSentences, MaxTokens: MaxTokens, Stop: lim.halfway})
	if err != nil {
		return doc, fmt.Errorf("text stage: %w", err)
	}
	if end < len(norm.Text) {
		lim.read, lim.size = norm.Orig(end), len(art.Text)
	}
	// The stages read the text analysed, so that none reads past the cut,
	// and none of the runs of bytes too long to be words.
	s := text.WithoutLongWords(norm.Text[:end])
	// Each sentence's lower-case words, made once and shared by the actors
	// and events stages and the claims the events stage splits.
	var lower [][]string
	stages := []struct {
		name string
		run  func()
	}{
		{"places", func() { doc.Places = nonNil(places.Extract(s, sents)) }},
		{"times", func() {
			ts, warns := times.Extract(s, pub)
			doc.Times = nonNil(ts)
			doc.Warnings = append(doc.Warnings, warns...)
		}},
		{"actors", func() {
			lower = lowerWords(sents)
			doc.Actors = nonNil(x.actors.ExtractInput(actors.Input{Text: s, Sentences: sents, Outlet: art.Outlet, Published: pub, Places: doc.Places, EveryState: x.verbs != nil, Lower: lower}))
		}},
		{"events", func() {
			doc.Events = nonNil(events.Extract(events.Input{
				Text: s, Sentences: sents, Actors: doc.Actors, Places: doc.Places, Times: doc.Times, Published: pub,
				Demonym: func(w string) (string, bool) {
					c, ok := x.gaz.Demonym(w)
					return c.ISO3, ok
				},
				CountryName: countries{x.gaz}.Name,
				Verbs:       x.verbs,
				Lower:       lower,
			}))
		}},
	}
	for i, st := range stages {
		if lim.passed() {
			for _, later := range stages[i:] {
				lim.skipped = append(lim.skipped, later.name)
			}
			break
		}
		st.run()
	}
	if w := lim.warning(); w != "" {
		doc.Warnings = append(doc.Warnings, w)
	}
	remap(&doc, art.Text, norm)
	return doc, nil
}

// lowerWords returns the lower-case words of each sentence.
func lowerWords(sents []sitrep.Sentence) [][]string {
	out := make([][]string, len(sents))
	for i := range sents {
		out[i] = sents[i].LowerWords(nil)
	}
	return out
}

// ParseDate reads a publication date given as YYYY-MM-DD or RFC 3339.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// countries adapts the gazetteer to what the actors stage asks of it.
type countries struct{ g *gazetteer.Gazetteer }

func (c countries) Country(name string) (string, bool) {
	// names and the data's abbreviations ("U.S.", "UAE"), not bare ISO
	// codes, which in running text are mostly other words ("GP", "IN")
	k, ok := c.g.CountryName(name)
	return k.ISO3, ok
}

func (c countries) Demonym(word string) (string, bool) {
	k, ok := c.g.Demonym(word)
	return k.ISO3, ok
}

func (c countries) Capital(name string) (string, bool) {
	k, ok := c.g.Capital(name)
	return k.ISO3, ok
}

func (c countries) Place(name string) bool {
	if _, ok := c.g.Country(name); ok {
		return true
	}
	return c.g.Named(name)
}

func (c countries) Name(iso3 string) string {
	if k, ok := c.g.CountryByISO3(iso3); ok {
		return k.Name
	}
	return iso3
}
