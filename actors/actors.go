// Package actors is the pipeline stage that finds who acts, is acted on or
// speaks: states, their forces and offices, people introduced by a title or
// an apposition, organisations, armed groups, civilians and the media. Each
// mention is resolved to a country, a sector, an ACLED inter code, a CAMEO
// actor code and an ACLED-style actor name, and later mentions (a surname, a
// title alone, a pronoun, "the latter") point back to the mention they stand
// for.
//
// It works from the embedded lexicon (agents.tsv, orgs.tsv, roles.tsv,
// regimes.tsv) and the gazetteer's countries alone; dictionaries of named
// actors and agents (PETRARCH/Phoenix files or sitrep's TSV, see
// LoadDictionary) can be added on top, with codes that change over time
// resolved against the article's date.
package actors

import (
	"slices"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Countries resolves country names, demonyms and capitals to ISO 3166-1
// alpha-3 codes. The gazetteer implements it.
type Countries interface {
	// Country resolves a country name ("Azerbaijan", "the United States").
	Country(name string) (iso3 string, ok bool)
	// Demonym resolves a nationality adjective ("Armenian", "Azeri").
	Demonym(word string) (iso3 string, ok bool)
	// Capital resolves a capital city standing for its state ("Tehran").
	Capital(name string) (iso3 string, ok bool)
	// Name returns a country's common English name, or iso3 itself when
	// it knows none.
	Name(iso3 string) string
	// Place reports whether a name is a known place, so that "Nagorno
	// Karabakh said" is not read as a person.
	Place(name string) bool
}

// Extractor finds actor mentions. It is safe for concurrent use.
type Extractor struct {
	lex       *lexicon
	countries Countries
}

// New returns an Extractor that resolves countries through c and knows,
// besides the embedded lexicon, the actors and agents of the dictionaries
// given (later ones win over earlier ones).
func New(c Countries, dicts ...*Dictionary) (*Extractor, error) {
	lex, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	return &Extractor{lex: lex.withDictionaries(dicts), countries: c}, nil
}

// Input is what the actors stage reads of an article.
type Input struct {
	Text      string
	Sentences []sitrep.Sentence
	// Outlet is the publishing outlet, which "our correspondent" and "the
	// <outlet> correspondent" stand for.
	Outlet string
	// Published is the article's date, against which dictionary codes
	// with date ranges and ACLED regime years are resolved; nil if unknown.
	Published *time.Time
	// Places are the place mentions found in the text. Actors that name no
	// country of their own ("protesters", "the police", "civilians") take
	// the country of a place in their sentence, else the country the
	// article's places name most, as ACLED names such actors by the
	// country where they act.
	Places []sitrep.Place
	// EveryState makes every country named a mention, as PETRARCH codes
	// them: also where it names a place ("departed from Libya", "houses
	// in Bree"), which is otherwise left to the places stage. A CAMEO
	// coder that takes the actor of a verb's phrase wants them.
	EveryState bool
	// Lower holds each sentence's lower-case words (Sentence.LowerWords),
	// made once for all the stages that read them; nil, the stage makes
	// them.
	Lower [][]string
}

// Extract returns the actor mentions of an article in text order, without
// a date or places (see ExtractInput).
func (x *Extractor) Extract(text string, sents []sitrep.Sentence, outlet string) []sitrep.Actor {
	return x.ExtractInput(Input{Text: text, Sentences: sents, Outlet: outlet})
}

// ExtractInput returns the actor mentions of an article in text order.
func (x *Extractor) ExtractInput(in Input) []sitrep.Actor {
	var ms []mention
	surnames := map[string]bool{}
	var (
		at  []lookups
		lw  []string
		key []byte
	)
	for si := range in.Sentences {
		s := &in.Sentences[si]
		at = slices.Grow(at[:0], len(s.Tokens))[:len(s.Tokens)]
		clear(at)
		if in.Lower != nil {
			lw = in.Lower[si]
		} else {
			lw = s.LowerWords(lw)
		}
		p := parser{x: x, toks: s.Tokens, lw: lw, text: in.Text, outlet: in.Outlet, sent: si, surnames: surnames, date: in.Published, everyState: in.EveryState,
			at: at, key: key}
		p.run()
		p.conduct()
		key = p.key
		for _, m := range p.out {
			if n := properName(&m); m.Kind == sitrep.KindPerson && strings.Contains(n, " ") {
				f := strings.Fields(n)
				surnames[f[len(f)-1]] = true
			}
		}
		ms = append(ms, p.out...)
	}
	resolve(ms)
	for i := range ms {
		x.code(&ms[i])
	}
	x.placeCountries(ms, in)
	out := make([]sitrep.Actor, len(ms))
	for i := range ms {
		ms[i].ACLEDName = x.acledName(&ms[i], in.Published)
		out[i] = ms[i].Actor
	}
	return out
}

// InterAt returns the ACLED inter code of an actor in an event that took
// place in country (ISO alpha-3; "" if unknown): ACLED codes a state's
// forces acting outside their own country as external forces (8), and
// otherwise the actor's own type.
func InterAt(a *sitrep.Actor, country string) int {
	if a == nil {
		return 0
	}
	if a.Inter == 1 && a.Country != "" && country != "" && a.Country != country {
		return 8
	}
	return a.Inter
}
