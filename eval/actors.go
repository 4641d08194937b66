package eval

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/actors"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/gazetteer"
	"github.com/sitrep-project/sitrep/verbs"
)

// ActorsReport scores who the pipeline says acted on whom. Events are the
// whole pipeline's (the events stage assigns actor1 and actor2); the actors
// stage gives their codes.
//
// On the PETRARCH validation records every event of a sentence gives a
// triple (actor1 CAMEO code, actor2 CAMEO code, event code), compared with
// the gold triples of the sentence as multisets; a missing actor is "" and
// gold's unknown country "---" is dropped ("---GOV" is "GOV"). The unit-test
// records are run with the validation dictionaries of their fictional
// actors loaded, the AFP/GSR records with the embedded lexicon alone, each
// sentence an article dated on its record's date.
//
// On the ACLED notes the main event (see mainEvent) gives inter1 and inter2
// (0 for a missing actor), and actor1's country is compared with the
// country ACLED's actor1 name gives ("Military Forces of Ukraine (2019-)",
// "Protesters (Lebanon)"); rows whose actor1 names no country ("Taliban")
// are left out of that figure.
type ActorsReport struct {
	PetrSentences          int
	TriplePred, TripleGold int
	TripleHit              int
	PairPred, PairGold     int
	PairHit                int
	NoEventSentences       int // gold says: no event
	FalseEvents            int // our events on those
	FalseEventSentences    int // of those sentences, with one event or more
	ByFile                 map[string]*petrCounts
	// what the actors stage offers: gold source and target codes (other
	// than unknown ones) that some mention of the sentence has
	CodesGold, CodesFound int
	CodesMissed           []string
	// the AFP/GSR records again, without dictionaries (the built-in
	// triggers and actor lexicon), and with the CAMEO verb dictionary and
	// the embedded actor lexicon (nil when the dictionaries are absent)
	PlainGSR, CameoGSR       *petrCounts
	PetrMissed, PetrSpurious []string

	ACLEDRows int
	// what the actors stage offers role assignment: rows where a mention
	// of the article has the gold inter1 (inter2) type, and, of those, one
	// also the gold actor1 country
	MentionInter1, MentionInter1Of int
	MentionInter2, MentionInter2Of int
	MentionCountry                 int
	MentionMissed                  []string
	MentionCountryMissed           []string
	Inter1, Inter2                 *Confusion
	CountryScored, CountryRight    int
	Inter1Wrong, CountryWrong      []string
	Inter2Wrong                    []string
	NoEvent                        int // ACLED rows where we found no event
	NoEventRows                    []string
}

type petrCounts struct {
	sentences, triplePred, tripleGold, tripleHit, pairPred, pairGold, pairHit int
	// relaxed: (source, target, root code), source alone, target alone
	rootHit, sourceHit, targetHit int
}

// TripleF1 is the micro F1 of exact (source, target, event code) triples.
func (r *ActorsReport) TripleF1() float64 {
	return f1(ratio(r.TripleHit, r.TriplePred), ratio(r.TripleHit, r.TripleGold))
}

// PairF1 is the micro F1 of (source, target) pairs.
func (r *ActorsReport) PairF1() float64 {
	return f1(ratio(r.PairHit, r.PairPred), ratio(r.PairHit, r.PairGold))
}

// Inter1Accuracy is the share of ACLED rows whose inter1 we give.
func (r *ActorsReport) Inter1Accuracy() float64 { return r.Inter1.Accuracy() }

// Inter2Accuracy is the share of ACLED rows whose inter2 we give.
func (r *ActorsReport) Inter2Accuracy() float64 { return r.Inter2.Accuracy() }

// CountryAccuracy is the share of scored ACLED rows whose actor1 country
// we give.
func (r *ActorsReport) CountryAccuracy() float64 { return ratio(r.CountryRight, r.CountryScored) }

type petrEvent struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	EventCode string `json:"eventcode"`
}

type petrRecord struct {
	ID       string      `json:"id"`
	Date     string      `json:"date"`
	Text     string      `json:"text"`
	Gold     []petrEvent `json:"gold_events"`
	NoEvents bool        `json:"gold_noevents"`
	File     string      `json:"file"`
}

// Actors runs the pipeline x (built without dictionaries) over the ACLED
// development notes and the PETRARCH validation records under dataDir
// (<shared>/data), and a pipeline with the validation dictionaries over
// the PETRARCH unit-test records.
func Actors(x *extract.Extractor, dataDir string) (*ActorsReport, error) {
	r := &ActorsReport{Inter1: NewConfusion(), Inter2: NewConfusion(), ByFile: map[string]*petrCounts{}}
	if err := r.petrarch(x, filepath.Join(dataDir, "petrarch-validation")); err != nil {
		return nil, err
	}
	if err := r.acled(x, filepath.Join(dataDir, "acled-dev-2020", "gold.jsonl")); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *ActorsReport) petrarch(plain *extract.Extractor, dir string) error {
	var dicts []*actors.Dictionary
	for _, f := range []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt"} {
		d, err := actors.LoadDictionary(filepath.Join(dir, "validation_dictionaries", f))
		if err != nil {
			return err
		}
		dicts = append(dicts, d)
	}
	vd, err := verbs.LoadDictionary(filepath.Join(dir, "validation_dictionaries", "PETR.Validate.verbs.txt"))
	if err != nil {
		return err
	}
	withDicts, err := extract.NewWith(extract.Options{Actors: dicts, Verbs: vd})
	if err != nil {
		return err
	}
	// the real-world records with the dictionaries their gold was coded
	// with, PETRARCH-2's CAMEO verbs and Phoenix actors, when present
	pdir := filepath.Join(filepath.Dir(dir), "petrarch2-dictionaries")
	phoenix, err := cameoExtractor(pdir, true)
	if err != nil {
		return err
	}
	cameo, err := cameoExtractor(pdir, false)
	if err != nil {
		return err
	}
	if phoenix == nil {
		phoenix = plain
	}
	recs, err := readJSONL[petrRecord](filepath.Join(dir, "petrarch_gold.jsonl"))
	if err != nil {
		return err
	}
	r.PlainGSR = &petrCounts{}
	if cameo != nil {
		r.CameoGSR = &petrCounts{}
	}
	for _, g := range recs {
		if strings.HasPrefix(g.File, "PETR.UnitTest") {
			doc, err := petrDoc(withDicts, g)
			if err != nil {
				return err
			}
			r.addPetr(g, doc)
			continue
		}
		doc, err := petrDoc(phoenix, g)
		if err != nil {
			return err
		}
		r.addPetr(g, doc)
		// the same records without dictionaries, and with the verbs alone
		for _, v := range []struct {
			x *extract.Extractor
			c *petrCounts
		}{{plain, r.PlainGSR}, {cameo, r.CameoGSR}} {
			if v.x == nil {
				continue
			}
			doc, err := petrDoc(v.x, g)
			if err != nil {
				return err
			}
			pred, gold := petrEvents(g, doc)
			v.c.add(pred, gold)
		}
	}
	return nil
}

// cameoExtractor returns a pipeline with PETRARCH-2's CAMEO verb
// dictionary of dir loaded and, with phoenix, its Phoenix actor and agent
// dictionaries; nil when they are absent.
func cameoExtractor(dir string, phoenix bool) (*extract.Extractor, error) {
	vd, err := verbs.LoadDictionary(filepath.Join(dir, "CAMEO.2.0.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var dicts []*actors.Dictionary
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"} {
		if !phoenix {
			break
		}
		d, err := actors.LoadDictionary(filepath.Join(dir, f))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		dicts = append(dicts, d)
	}
	return extract.NewWith(extract.Options{Actors: dicts, Verbs: vd})
}

// petrDoc runs the pipeline on one record, dated on its record's date.
func petrDoc(x *extract.Extractor, g petrRecord) (sitrep.Document, error) {
	art := sitrep.Article{ID: g.ID, Text: g.Text}
	if len(g.Date) == 8 {
		art.Published = g.Date[:4] + "-" + g.Date[4:6] + "-" + g.Date[6:]
	}
	doc, err := x.Article(art)
	if err != nil {
		// a record date the pipeline rejects: code it undated
		art.Published = ""
		if doc, err = x.Article(art); err != nil {
			return doc, fmt.Errorf("petrarch %s: %w", g.ID, err)
		}
	}
	return doc, nil
}

// petrEvents returns our triples and gold's for a record. An event with
// neither a source nor a target CAMEO can name ("an investigation
// determined ...") is no (source, target, code) record: PETRARCH codes
// none without actors.
func petrEvents(g petrRecord, doc sitrep.Document) (pred, gold []petrEvent) {
	for _, e := range doc.Events {
		if code(e.Actor1) == "" && code(e.Actor2) == "" {
			continue
		}
		pred = append(pred, petrEvent{code(e.Actor1), code(e.Actor2), e.Cameo})
	}
	for _, e := range g.Gold {
		gold = append(gold, petrEvent{strings.TrimPrefix(e.Source, "---"), strings.TrimPrefix(e.Target, "---"), e.EventCode})
	}
	return pred, gold
}

func tripleKey(e petrEvent) string { return e.Source + "|" + e.Target + "|" + e.EventCode }
func pairKey(e petrEvent) string   { return e.Source + "|" + e.Target }

// add counts one sentence.
func (c *petrCounts) add(pred, gold []petrEvent) (tripleHits, pairHits int) {
	th, ph := multisetHits(pred, gold, tripleKey), multisetHits(pred, gold, pairKey)
	c.rootHit += multisetHits(pred, gold, func(e petrEvent) string { return pairKey(e) + "|" + safePrefix(e.EventCode, 2) })
	c.sourceHit += multisetHits(pred, gold, func(e petrEvent) string { return e.Source })
	c.targetHit += multisetHits(pred, gold, func(e petrEvent) string { return e.Target })
	c.sentences++
	c.triplePred += len(pred)
	c.tripleGold += len(gold)
	c.tripleHit += th
	c.pairPred += len(pred)
	c.pairGold += len(gold)
	c.pairHit += ph
	return th, ph
}

func (r *ActorsReport) addPetr(g petrRecord, doc sitrep.Document) {
	c := r.ByFile[g.File]
	if c == nil {
		c = &petrCounts{}
		r.ByFile[g.File] = c
	}
	r.PetrSentences++
	pred, gold := petrEvents(g, doc)
	have := map[string]bool{}
	for _, a := range doc.Actors {
		have[a.Cameo] = true
	}
	for _, e := range gold {
		for _, c := range []string{e.Source, e.Target} {
			if c == "" || strings.ContainsAny(c, "\"#") {
				continue
			}
			r.CodesGold++
			if have[c] {
				r.CodesFound++
			} else {
				r.CodesMissed = append(r.CodesMissed, fmt.Sprintf("%s: %s | %s", g.ID, c, g.Text))
			}
		}
	}
	if g.NoEvents {
		r.NoEventSentences++
		r.FalseEvents += len(pred)
		if len(pred) > 0 {
			r.FalseEventSentences++
			r.PetrSpurious = append(r.PetrSpurious, fmt.Sprintf("%s: ours %s | %s", g.ID, triples(pred), g.Text))
		}
	}
	th, ph := c.add(pred, gold)
	r.TriplePred += len(pred)
	r.TripleGold += len(gold)
	r.TripleHit += th
	r.PairPred += len(pred)
	r.PairGold += len(gold)
	r.PairHit += ph
	if ph < len(gold) || ph < len(pred) {
		r.PetrMissed = append(r.PetrMissed, fmt.Sprintf("%s: gold %s ours %s | %s", g.ID, triples(gold), triples(pred), g.Text))
	}
}

// code is an event actor's CAMEO code, "" when there is none.
func code(a *sitrep.Actor) string {
	if a == nil {
		return ""
	}
	return a.Cameo
}

func triples(es []petrEvent) string {
	var parts []string
	for _, e := range es {
		parts = append(parts, fmt.Sprintf("(%s,%s,%s)", e.Source, e.Target, e.EventCode))
	}
	if len(parts) == 0 {
		return "()"
	}
	return strings.Join(parts, "")
}

// multisetHits counts the items of pred and gold that match by key, each
// used once.
func multisetHits(pred, gold []petrEvent, key func(petrEvent) string) int {
	left := map[string]int{}
	for _, g := range gold {
		left[key(g)]++
	}
	hits := 0
	for _, p := range pred {
		if k := key(p); left[k] > 0 {
			left[k]--
			hits++
		}
	}
	return hits
}

type acledActorRow struct {
	ID      string `json:"event_id_cnty"`
	Text    string `json:"text"`
	Date    string `json:"event_date"`
	Actor1  string `json:"actor1"`
	Actor2  string `json:"actor2"`
	Inter1  string `json:"inter1"`
	Inter2  string `json:"inter2"`
	Country string `json:"country"`
}

func (r *ActorsReport) acled(x *extract.Extractor, path string) error {
	rows, err := readJSONL[acledActorRow](path)
	if err != nil {
		return err
	}
	gaz := gazetteer.Default()
	for _, g := range rows {
		doc, err := x.Article(sitrep.Article{ID: g.ID, Text: g.Text, Published: g.Date})
		if err != nil {
			return fmt.Errorf("%s: %w", g.ID, err)
		}
		r.ACLEDRows++
		e := mainEvent(doc)
		var a1, a2 *sitrep.Actor
		if e != nil {
			a1, a2 = e.Actor1, e.Actor2
		} else {
			r.NoEvent++
			r.NoEventRows = append(r.NoEventRows, g.ID+": "+g.Text)
		}
		// ACLED codes a state's forces abroad as external forces (8)
		where := ""
		if e != nil && e.Location != nil {
			where = e.Location.Country
		}
		i1, i2 := inter(a1, where), inter(a2, where)
		r.Inter1.Add(g.Inter1, i1)
		r.Inter2.Add(g.Inter2, i2)
		if i1 != g.Inter1 {
			r.Inter1Wrong = append(r.Inter1Wrong, fmt.Sprintf("%s: gold %s %q, ours %s %s | %s", g.ID, g.Inter1, g.Actor1, i1, describeActor(a1), g.Text))
		}
		if i2 != g.Inter2 {
			r.Inter2Wrong = append(r.Inter2Wrong, fmt.Sprintf("%s: gold %s %q, ours %s %s | %s", g.ID, g.Inter2, g.Actor2, i2, describeActor(a2), g.Text))
		}
		want := acledCountry(gaz, g.Actor1)
		r.mentions(doc, g, want, gaz)
		if want == "" {
			continue
		}
		r.CountryScored++
		got := ""
		if a1 != nil {
			got = a1.Country
			if got == "" {
				// an ACLED-style name carries the country an actor is
				// coded under ("Unidentified Armed Group (Mexico)")
				got = acledCountry(gaz, a1.ACLEDName)
			}
		}
		if got == want {
			r.CountryRight++
		} else {
			r.CountryWrong = append(r.CountryWrong, fmt.Sprintf("%s: gold %s %q, ours %q %s | %s", g.ID, want, g.Actor1, got, describeActor(a1), g.Text))
		}
	}
	return nil
}

// mentions counts whether the article's actor mentions hold the gold
// actor types (inter 8 for a state's forces outside their country, see
// actors.InterAt) and the gold actor1 country.
func (r *ActorsReport) mentions(doc sitrep.Document, g acledActorRow, want string, gaz *gazetteer.Gazetteer) {
	where := ""
	if c, ok := gaz.CountryName(g.Country); ok {
		where = c.ISO3
	}
	has := func(gold string, country string) (typ, ctry bool) {
		for i := range doc.Actors {
			a := &doc.Actors[i]
			if strconv.Itoa(actors.InterAt(a, where)) == gold {
				typ = true
				if country != "" && a.Country == country {
					ctry = true
				}
			}
		}
		return typ, ctry
	}
	if g.Inter1 != "0" {
		r.MentionInter1Of++
		typ, ctry := has(g.Inter1, want)
		if typ {
			r.MentionInter1++
		} else {
			r.MentionMissed = append(r.MentionMissed, fmt.Sprintf("%s: gold %s %q, mentions %s | %s", g.ID, g.Inter1, g.Actor1, describeActors(doc.Actors), g.Text))
		}
		if ctry {
			r.MentionCountry++
		} else if typ && want != "" {
			r.MentionCountryMissed = append(r.MentionCountryMissed, fmt.Sprintf("%s: gold %s %q, mentions %s | %s", g.ID, want, g.Actor1, describeActors(doc.Actors), g.Text))
		}
	}
	if g.Inter2 != "0" {
		r.MentionInter2Of++
		if typ, _ := has(g.Inter2, ""); typ {
			r.MentionInter2++
		}
	}
}

func inter(a *sitrep.Actor, where string) string {
	if a == nil {
		return "0"
	}
	return strconv.Itoa(actors.InterAt(a, where))
}

// describeActors describes every mention of a document, for reading.
func describeActors(as []sitrep.Actor) string {
	parts := make([]string, len(as))
	for i := range as {
		parts[i] = describeActor(&as[i])
	}
	return strings.Join(parts, " ")
}

func describeActor(a *sitrep.Actor) string {
	if a == nil {
		return "(none)"
	}
	return fmt.Sprintf("[%s %s/%s/%s %d]", a.Text, a.Kind, a.Country, a.Sector, a.Inter)
}

var (
	acledForcesOf = regexp.MustCompile(`(?:Forces|Government) of (?:the )?(.+?)(?: \(|$)`)
	acledParen    = regexp.MustCompile(`\(([^()]+)\)\s*$`)
)

// acledCountry returns the ISO alpha-3 code of the country an ACLED actor
// name gives, or "".
func acledCountry(gaz *gazetteer.Gazetteer, name string) string {
	var cand string
	if m := acledForcesOf.FindStringSubmatch(name); m != nil {
		cand = m[1]
	} else if m := acledParen.FindStringSubmatch(name); m != nil {
		cand = m[1]
	}
	if cand == "" {
		return ""
	}
	if c, ok := gaz.CountryName(cand); ok {
		return c.ISO3
	}
	return ""
}

// Write prints the report as a table.
func (r *ActorsReport) Write(w io.Writer, details bool) {
	row := func(label string, n, of int) {
		if of > 0 {
			fmt.Fprintf(w, "  %-52s %5d / %5d  %5.1f%%\n", label, n, of, 100*ratio(n, of))
		} else {
			fmt.Fprintf(w, "  %-52s %5d\n", label, n)
		}
	}
	prf := func(label string, hit, pred, gold int) {
		p, rc := ratio(hit, pred), ratio(hit, gold)
		fmt.Fprintf(w, "  %-40s P %.3f (%d/%d)  R %.3f (%d/%d)  F1 %.3f\n", label, p, hit, pred, rc, hit, gold, f1(p, rc))
	}
	fmt.Fprintf(w, "PETRARCH validation records: %d sentences (unit tests with the PETR.Validate dictionaries, GSR with CAMEO.2.0 verbs and Phoenix actors)\n", r.PetrSentences)
	prf("(source, target, code) triples, exact", r.TripleHit, r.TriplePred, r.TripleGold)
	prf("(source, target) pairs", r.PairHit, r.PairPred, r.PairGold)
	var all petrCounts
	for _, c := range r.ByFile {
		all.rootHit += c.rootHit
		all.sourceHit += c.sourceHit
		all.targetHit += c.targetHit
	}
	prf("relaxed: (source, target, root code)", all.rootHit, r.TriplePred, r.TripleGold)
	prf("relaxed: source alone", all.sourceHit, r.TriplePred, r.TripleGold)
	prf("relaxed: target alone", all.targetHit, r.TriplePred, r.TripleGold)
	files := make([]string, 0, len(r.ByFile))
	for f := range r.ByFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		c := r.ByFile[f]
		prf(fmt.Sprintf("  %s (%d): triples", f, c.sentences), c.tripleHit, c.triplePred, c.tripleGold)
		prf(fmt.Sprintf("  %s: pairs", f), c.pairHit, c.pairPred, c.pairGold)
	}
	if c := r.PlainGSR; c != nil {
		prf("  PETR2_GSR, no dictionaries: triples", c.tripleHit, c.triplePred, c.tripleGold)
		prf("  PETR2_GSR, no dictionaries: pairs", c.pairHit, c.pairPred, c.pairGold)
	}
	if c := r.CameoGSR; c != nil {
		prf("  PETR2_GSR, CAMEO verbs alone: triples", c.tripleHit, c.triplePred, c.tripleGold)
		prf("  PETR2_GSR, CAMEO verbs alone: pairs", c.pairHit, c.pairPred, c.pairGold)
	}
	row("gold source/target codes some mention has (actors stage)", r.CodesFound, r.CodesGold)
	row("false events on the no-event sentences", r.FalseEvents, 0)
	row("  no-event sentences with an event", r.FalseEventSentences, r.NoEventSentences)
	fmt.Fprintf(w, "ACLED dev notes: %d rows, main event's actors\n", r.ACLEDRows)
	row("inter1 accuracy", r.Inter1.right, r.Inter1.N())
	row("inter2 accuracy", r.Inter2.right, r.Inter2.N())
	row("actor1 country accuracy (rows whose actor1 names one)", r.CountryRight, r.CountryScored)
	row("rows without an event", r.NoEvent, r.ACLEDRows)
	fmt.Fprintln(w, "  what the actors stage offers (any mention of the article, inter 8 for forces abroad):")
	row("  a mention of actor1's type", r.MentionInter1, r.MentionInter1Of)
	row("  a mention of actor2's type", r.MentionInter2, r.MentionInter2Of)
	row("  a mention of actor1's type and country", r.MentionCountry, r.CountryScored)
	if details {
		fmt.Fprintln(w, "inter1 (gold -> ours):")
		r.Inter1.Write(w, 12)
		fmt.Fprintln(w, "inter2 (gold -> ours):")
		r.Inter2.Write(w, 12)
	}
}

// WriteErrors prints up to n examples of each kind of error.
func (r *ActorsReport) WriteErrors(w io.Writer, n int) {
	list := func(title string, xs []string) {
		fmt.Fprintf(w, "%s (%d):\n", title, len(xs))
		for i, x := range xs {
			if i == n {
				break
			}
			fmt.Fprintf(w, "  %s\n", x)
		}
	}
	list("PETRARCH sentences with a wrong or missing pair", r.PetrMissed)
	list("PETRARCH no-event sentences with events", r.PetrSpurious)
	list("PETRARCH gold codes no mention has", r.CodesMissed)
	list("ACLED inter1 wrong", r.Inter1Wrong)
	list("ACLED inter2 wrong", r.Inter2Wrong)
	list("ACLED actor1 country wrong", r.CountryWrong)
	list("ACLED actor1's type among no mention", r.MentionMissed)
	list("ACLED rows without an event", r.NoEventRows)
	list("ACLED actor1's type found, its country not", r.MentionCountryMissed)
}
