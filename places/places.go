// Package places is the pipeline stage that finds place names in an article
// and resolves them against the embedded gazetteer: countries, capitals,
// cities, administrative divisions and regions, each with its GeoNames
// reference where the gazetteer has one.
//
// Recognition is a longest-match lookup of capitalised word sequences in
// each sentence, filtered by context (titles and first names around person
// names, verbs of saying, common English words, months and weekdays), plus
// patterns such as "the city of X", "X province" and "the Iranian side of
// the border". A name the gazetteer lacks as written may be found under its
// transliteration key ("Gyandzha", "Mirpurkhas"; see fold.Sound, cue
// CueSound) where a preposition of place introduces it. Nationality words
// ("Armenian", and a country's name before a noun of its agents: "Burundi
// troops") come out as mentions of their country with the cue
// CueDemonym, as geoparsing gold standards count them; stages that want
// locations skip them, as they skip the names of missions that work in one
// country ("the OSCE SMM", "MONUSCO"; missions.tsv), which come out with
// the cue CueMission. The abbreviation of a US state or Canadian province
// after a town and a comma ("COLUMBIA, Ky."; abbreviations.tsv) names the
// division.
//
// Resolution (resolve.go) weighs each name's candidates by their
// population and kind, then by what the rest of the article says: the
// countries it names, the division or country named right beside a name
// ("Jundiai, Sao Paulo", "Halani (Naushahro Feroze, Sindh)"), the
// divisions and countries the article's other names resolve into, their
// distance, and the kind of the other items of a list ("Virginia,
// Washington, West Virginia"). Each resolved Place says why (Reason) and how sure
// (Confidence: the chosen entry's share of the evidence). A minor place that
// nothing in the article supports, in a country the article is otherwise
// not about, or named inside a division or country it does not lie in
// ("Kelly in Idleb province", "Kamyanka, Donetsk" when the gazetteer's
// Kamyankas lie in other provinces), or a quarter of a town far from the
// town the article names ("Colonia Independencia" in a Monterrey story),
// is left unresolved, with the country the article or the container
// points to. So is, unless the article supports it, a small place abroad
// known only by an alternate name ("the Balanda", a people, is an old name
// of a Russian town), and a name glued to the words of a longer one the
// gazetteer lacks or given to something built ("Bar Elias", "el Mina",
// "the Saa roundabout"): such a name is most likely another place's. A
// nationality word of a force from abroad supports no name found by its
// sound ("Russian forces ... Nayrab town in Idleb").
package places

import (
	"sort"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/gazetteer"
	"github.com/sitrep-project/sitrep/gazetteer/fold"
	"github.com/sitrep-project/sitrep/text/wordfilter"
)

// Cues of sitrep.Place.
const (
	CueGazetteer = "gazetteer"
	CuePattern   = "pattern"
	// CueDemonym marks a nationality word standing for its country
	// ("Armenian forces"): a mention of the country, not a location.
	CueDemonym = "demonym"
	// CueSound marks a name found under another transliteration of it
	// ("Gyandzha" for Ganja; see fold.Sound).
	CueSound = "transliteration"
	// CueMission marks the name of a mission that works in one country
	// ("the OSCE SMM", "MONUSCO"; missions.tsv), standing for that
	// country: it tells what the article is about, not where things
	// happen.
	CueMission = "mission"
)

// Thresholds of the filters.
const (
	// maxWords bounds the length of the names looked up.
	maxWords = 6
	// maxCandidates bounds the entries weighed for one name; the gazetteer
	// gives them best first.
	maxCandidates = 24
	// bigPopulation makes a place safe to take even when its name is a
	// common English word or stands where a person's name could.
	bigPopulation = 100000
	// commonestLevel is the SCOWL level up to which a common word is one
	// of the commonest of English ("island"; not "turkey").
	commonestLevel = 20
	// maxSoundWords bounds the names looked up by transliteration key, and
	// minSoundLetters the length of a one-word one.
	maxSoundWords   = 3
	minSoundLetters = 5
	// maxSoundEdits bounds the share of letters in which a name found by
	// its transliteration key may differ from the entry's name.
	maxSoundEdits = 0.4
)

// Extractor finds and resolves place names with a gazetteer.
type Extractor struct {
	g   *gazetteer.Gazetteer
	lex *lexicon
	// missions maps a mission's folded name to the country it works in;
	// missionKeys passes over most names that are none without a look-up.
	missions    map[string]gazetteer.Country
	missionKeys wordfilter.Filter
	// abbrevs maps the abbreviation of a state or province, as written
	// ("Ky.", "B.C."), to the division.
	abbrevs map[string]gazetteer.Entry
}

// New returns an Extractor that resolves against g.
func New(g *gazetteer.Gazetteer) *Extractor {
	lex, err := parseLexicon(lexiconTSV)
	if err != nil {
		panic(err) // the embedded lexicon is checked by the tests
	}
	missions, err := parseMissions(missionsTSV, g.CountryByISO3)
	if err != nil {
		panic(err) // checked by the tests
	}
	abbrevs, err := parseAbbreviations(abbreviationsTSV, func(name, country string) (gazetteer.Entry, bool) {
		for _, e := range g.Candidates(name, maxCandidates) {
			if e.Kind == gazetteer.KindAdmin1 && e.Country == country && !e.Alias {
				return e, true
			}
		}
		return gazetteer.Entry{}, false
	})
	if err != nil {
		panic(err) // checked by the tests
	}
	x := &Extractor{g: g, lex: lex, missions: missions, abbrevs: abbrevs}
	for k := range missions {
		x.missionKeys.Add(k)
	}
	return x
}

var defaultExtractor = sync.OnceValue(func() *Extractor { return New(gazetteer.Default()) })

// Extract finds place-name mentions in text and resolves them, using the
// embedded gazetteer. sents are the article's sentences; without them the
// whole text is read as one. Places come in text order.
func Extract(text string, sents []sitrep.Sentence) []sitrep.Place {
	return defaultExtractor().Extract(text, sents)
}

// mention is a recognised name before resolution.
type mention struct {
	start, end int // byte offsets
	key        string
	country    gazetteer.Country // for a country, or the country of a demonym pattern
	isCountry  bool
	demonym    bool // a nationality word standing for country
	mission    bool // a mission's name standing for the country it works in
	capitalOf  bool // "the Syrian capital": the capital of country
	cands      []gazetteer.Entry
	cue        string
	// want is the kind a pattern calls for: "city", "admin" or "".
	want string
	// person marks a name read as a person's: no place, and other
	// mentions of the name are suspect.
	person bool
	// plain marks a name of common English words alone ("South West"),
	// looked for only in a name that anchored reads it of: one that a
	// province bears and only one country's places.
	plain bool
	// sound marks a name found by its transliteration key (CueSound),
	// whatever pattern introduced it.
	sound bool
	// quarter marks the name of a quarter of a town ("Colonia
	// Independencia", "Inga neighborhood"), which lies near the town the
	// article names.
	quarter bool
	// glued marks a name joined to words of a longer name the gazetteer
	// lacks ("Bar Elias", "el Mina"), built a name given to something
	// built ("the Saa roundabout"): the places of such a name are likely
	// namesakes of the one meant, taken only with the article's support.
	glued, built bool
}

// Extract finds place-name mentions in text and resolves them. sents are
// the article's sentences; without them the whole text is read as one.
// Places come in text order.
func (x *Extractor) Extract(text string, sents []sitrep.Sentence) []sitrep.Place {
	if len(sents) == 0 {
		sents = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: len(text)}}}
	}
	ms := make([]mention, 0, 32)
	ws := make([]word, 0, 64)
	kb := make([]byte, 0, 512)
	for _, s := range sents {
		start, end := max(s.Start, 0), min(s.End, len(text))
		if start >= end {
			continue
		}
		ws, kb = scan(ws[:0], kb, text, start, end)
		ws = x.splitHyphens(ws)
		shout := shouting(ws)
		if shout {
			for i := range ws {
				ws[i].upper = false // capitals everywhere mark no acronym
			}
		}
		ms = x.sentence(ms, text, ws, s.Headline || shout || titleCase(ws))
	}
	persons := persons(ms)
	focus := x.focus(ms, persons)
	kept := ms[:0]
	for i := range ms {
		if m := &ms[i]; !m.person && !x.personElsewhere(m, persons, focus) {
			kept = append(kept, *m)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return x.resolveAll(text, kept, focus)
}

// quarterBefore reports whether ws[i] is a capitalised word that makes the
// name after it a quarter of a town ("Colonia", "Barangay").
func (x *Extractor) quarterBefore(ws []word, i int) bool {
	return ws[i].cap && x.lex.quarterBefore[ws[i].key]
}

// isQuarter reports whether the name of words ws[i:i+n] is a quarter of a
// town: it starts with or follows a word such as "Colonia", or a word such
// as "neighborhood" follows it.
func (x *Extractor) isQuarter(ws []word, i, n int) bool {
	if ws[i].quarter || n > 1 && x.quarterBefore(ws, i) {
		return true
	}
	// back over the rest of the quarter's name ("Colonia Jardines de la
	// Mesa")
	for k := i - 1; k >= 0 && k >= i-5 && !ws[k+1].gap; k-- {
		if x.quarterBefore(ws, k) {
			return true
		}
		if !ws[k].cap && !x.lex.is(ws[k].key, classConnector) {
			break
		}
	}
	// on over the rest of the quarter's name ("Jardim Catarina
	// neighborhood")
	for j := i + n; j < len(ws) && j <= i+n+3 && !ws[j].gap; j++ {
		if !ws[j].cap && x.lex.quarterAfter[ws[j].key] {
			return true
		}
		if !ws[j].cap && !x.lex.is(ws[j].key, classConnector) {
			break
		}
	}
	return false
}

// titleCase reports whether most words of a line are capitalised, as in a
// headline, where capitals say little.
func titleCase(ws []word) bool {
	long, caps := 0, 0
	for _, w := range ws {
		if len(w.text) > 3 {
			long++
			if w.cap {
				caps++
			}
		}
	}
	return long >= 3 && caps*4 >= long*3
}

// shouting reports whether a line is written in capitals ("SHELLS FALL IN
// IRAN").
func shouting(ws []word) bool {
	upper := 0
	for _, w := range ws {
		if w.upper {
			upper++
		}
	}
	return len(ws) >= 3 && upper*5 >= len(ws)*4
}

// sentence appends the mentions found in the words of one sentence.
func (x *Extractor) sentence(ms []mention, text string, ws []word, headline bool) []mention {
	for i := 0; i < len(ws); {
		m, ok, n := x.match(text, ws, i, headline)
		if n == 0 {
			i++
			continue
		}
		if ok {
			m.quarter = x.isQuarter(ws, i, n)
			ms = append(ms, m)
		}
		i += n
	}
	return ms
}

// match looks for the longest name starting at word i. It returns the
// mention, whether to keep it (a place, or a name read as a person's,
// which tells about the name's other mentions), and the number of words
// the name covers (0 when there is none).
func (x *Extractor) match(text string, ws []word, i int, headline bool) (mention, bool, int) {
	if !ws[i].cap {
		return mention{}, false, 0
	}
	if m, ok := x.abbreviation(text, ws, i); ok {
		return m, true, 1
	}
	// A word never a place alone may start a longer name ("Mar" of "Mar
	// del Plata").
	stop := x.lex.is(ws[i].key, classStop)
	limit := min(len(ws)-i, maxWords, max(x.g.MaxWords(), 1))
	// The longest run of words a name could span here.
	n := 1
	for n < limit {
		w := ws[i+n]
		if w.gap || !(w.cap || x.lex.is(w.key, classConnector)) {
			break
		}
		n++
	}
	for ; n >= 1; n-- {
		last := ws[i+n-1]
		if !last.cap {
			continue
		}
		if stop && (n == 1 || !x.g.Has(runKey(ws[i:i+n]))) {
			if n == 1 {
				return mention{}, false, 0
			}
			continue
		}
		if n == 1 && x.quarterBefore(ws, i) && i+1 < len(ws) && !ws[i+1].gap && ws[i+1].cap {
			return mention{}, false, 1 // "Colonia" of "Colonia La Jauja"
		}
		start, end := ws[i].start, last.end
		key := ws[i].key
		if n > 1 {
			key = runKey(ws[i : i+n])
		}
		surface := text[start:end]
		m := mention{start: start, end: end, key: key, cue: CueGazetteer}
		if c, ok := x.mission(key); ok {
			// "MONUSCO troops", "the OSCE SMM observed"
			m.country, m.mission, m.cue = c, true, CueMission
			return m, true, n
		}
		if next := i + n; next < len(ws) && !ws[next].gap && !ws[next].cap && x.lex.is(ws[next].key, classModifier) {
			return m, false, n // "the US dollar", "Molotov cocktails"
		}
		if c, ok := x.country(surface, key, n == 1); ok {
			m.country, m.isCountry = c, true
			m.cands = x.g.Candidates(key, maxCandidates)
			if x.acceptCountry(ws, i, n, headline) == person {
				m.person = true
				return m, true, n
			}
			if next := i + n; next < len(ws) && !ws[next].gap && !ws[next].cap && x.lex.is(ws[next].key, classAgent) {
				// "Burundi troops", "a UAE ship": a nationality word
				m.isCountry, m.demonym, m.cands = false, true, nil
				return m, true, n
			}
			x.suffix(&m, ws, i+n)
			return m, true, n
		}
		if n == 1 {
			// A nationality word is that, even where a town bears it
			// ("Canadian", Texas).
			if c, ok := x.g.Demonym(key); ok {
				m.country, m.demonym = c, true
				x.demonymPattern(&m, ws, i)
				return m, true, 1
			}
		}
		if x.g.Has(key) {
			m.cands = x.g.Candidates(key, maxCandidates)
			m.plain = ownProvince(m.cands) && oneCountry(m.cands) && x.allCommon(ws[i:i+n])
			x.context(&m, ws, i, n)
			switch x.acceptPlace(&m, ws, i, n, headline) {
			case accept:
				m.glued, m.built = x.glued(ws, i, n, headline)
				return m, true, n
			case person:
				m.person = true
				return m, true, n
			}
			return m, false, n
		}
	}
	if m, ok, n := x.soundMatch(text, ws, i, limit, headline); n > 0 {
		return m, ok, n
	}
	if m, ok := x.unknownAfterFeature(ws, i); ok {
		return m, true, 1
	}
	return mention{}, false, 0
}

// mission returns the country the mission of a folded name works in.
func (x *Extractor) mission(key string) (gazetteer.Country, bool) {
	if !x.missionKeys.May(key) {
		return gazetteer.Country{}, false
	}
	c, ok := x.missions[key]
	return c, ok
}

// abbreviation reads word i as the abbreviation of a state or province
// after a name and a comma ("COLUMBIA, Ky.", "Churchill, Man.",
// "Gatineau, Que."), the division the town lies in.
func (x *Extractor) abbreviation(text string, ws []word, i int) (mention, bool) {
	w := ws[i]
	if i == 0 || !w.gap || !ws[i-1].cap || strings.TrimSpace(text[ws[i-1].end:w.start]) != "," {
		return mention{}, false
	}
	form, end := w.text, w.end
	if !strings.HasSuffix(form, ".") {
		if end >= len(text) || text[end] != '.' {
			return mention{}, false
		}
		form, end = form+".", end+1
	}
	e, ok := x.abbrevs[form]
	if !ok {
		return mention{}, false
	}
	return mention{start: w.start, end: end, key: fold.Key(e.Name), cands: []gazetteer.Entry{e}, cue: CuePattern, want: "admin"}, true
}

// soundMatch looks for the longest run of capitalised words from word i,
// up to limit words, that the gazetteer has under a transliteration of the
// name ("Gyandzha", "Mirpurkhas", "Qalqiliyah"). Such a name is taken only
// where a preposition of place or a place noun introduces it, never when
// it is a common word, and, at resolution, only with the article's support.
func (x *Extractor) soundMatch(text string, ws []word, i, limit int, headline bool) (mention, bool, int) {
	for n := min(limit, maxSoundWords); n >= 1; n-- {
		run := ws[i : i+n]
		if !allCap(run) || n == 1 && (len(ws[i].text) < minSoundLetters || ws[i].upper) {
			continue
		}
		if _, common := x.g.CommonWord(run[n-1].key); common && n == 1 {
			return mention{}, false, 0
		}
		// What introduces the name is known before the look-up.
		m := mention{start: ws[i].start, end: ws[i+n-1].end, cue: CueSound, sound: true}
		x.context(&m, ws, i, n)
		locative := i > 0 && !ws[i].gap && x.lex.is(ws[i-1].key, classLocative)
		if !locative && m.cue != CuePattern {
			continue
		}
		key := runKey(run)
		cands := x.g.SoundCandidates(key, maxCandidates)
		// The key is coarse: keep the entries spelled close to the name.
		kept := cands[:0]
		for _, e := range cands {
			k := strings.ReplaceAll(fold.Key(e.Name), " ", "")
			plain := strings.ReplaceAll(key, " ", "")
			if float64(fold.Distance(plain, k)) <= maxSoundEdits*float64(max(len(plain), len(k))) {
				kept = append(kept, e)
			}
		}
		cands = kept
		if len(cands) == 0 {
			continue
		}
		m.key, m.cands = key, cands
		switch x.acceptPlace(&m, ws, i, n, headline) {
		case accept:
			return m, true, n
		case person:
			m.person = true
			return m, true, n
		}
		return m, false, n
	}
	return mention{}, false, 0
}

func allCap(ws []word) bool {
	for k, w := range ws {
		if !w.cap || k > 0 && w.gap {
			return false
		}
	}
	return true
}

// country looks a span up as a country: as written when it is an
// abbreviation ("U.S."), else by its key ("IRAN" as "iran"). The key of one
// word is its text folded, which CountryName reads the same, so one word
// is looked up as written only when it is in capitals and dots.
func (x *Extractor) country(surface, key string, oneWord bool) (gazetteer.Country, bool) {
	if !oneWord || capitalsAndDots(surface) {
		if c, ok := x.g.CountryName(surface); ok {
			return c, true
		}
	}
	c, ok := x.g.CountryName(key)
	if ok && oneWord && key != fold.Key(c.Name) {
		// One of the commonest English words is no country's other name
		// ("Island", Icelandic for Iceland, in "Plum Island").
		if level, common := x.g.CommonWord(key); common && level <= commonestLevel {
			return gazetteer.Country{}, false
		}
	}
	return c, ok
}

func capitalsAndDots(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && c != '.' {
			return false
		}
	}
	return true
}

func joinKeys(ws []word) string {
	n := len(ws) - 1
	for _, w := range ws {
		n += len(w.key)
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.key)
	}
	return b.String()
}

// context sets the cue and wanted kind from the words around a place name:
// "the city of X", "X province".
func (x *Extractor) context(m *mention, ws []word, i, n int) {
	if i >= 2 && !ws[i].gap && !ws[i-1].gap && ws[i-1].key == "of" {
		if kind, ok := x.lex.featureKind[ws[i-2].key]; ok && !ws[i-2].cap {
			m.cue, m.want = CuePattern, kind
		}
	}
	x.suffix(m, ws, i+n)
}

// suffix takes a division word after a name into it: "Idlib province".
func (x *Extractor) suffix(m *mention, ws []word, next int) {
	if next >= len(ws) || ws[next].gap {
		return
	}
	kind, ok := x.lex.suffixKind[ws[next].key]
	if !ok {
		return
	}
	if m.isCountry && kind == "admin" {
		return // "the Azerbaijan region" is still the country
	}
	m.end = ws[next].end
	m.cue, m.want = CuePattern, kind
}

// acceptCountry filters country names used as person names ("Michael
// Jordan", "Mr. Chad", "Georgia Stevens"), but not after "of" or "in"
// ("the Foreign Minister of Armenia Zohrab Mnatsakanyan").
func (x *Extractor) acceptCountry(ws []word, i, n int, headline bool) verdict {
	if n > 1 || headline {
		return accept
	}
	if x.personBefore(ws, i, true) || x.titleBefore(ws, i) {
		return person
	}
	governed := i > 0 && !ws[i].gap && x.lex.is(ws[i-1].key, classConnector|classLocative)
	if next := i + 1; next < len(ws) && !governed && !ws[next].gap && ws[next].cap && !ws[next].upper && x.surname(ws[next].key) {
		return person
	}
	return accept
}

// personBefore reports whether the word before ws[i] looks like a first
// name or initial: capitalised, adjacent, and neither a common English
// word, a word of the lexicon, a nationality nor a country; nor a major
// place when ws[i] is one too ("Moscow Russia").
func (x *Extractor) personBefore(ws []word, i int, selfMajor bool) bool {
	if i == 0 {
		return false
	}
	p := ws[i-1]
	initial := len(p.text) == 1 && p.upper && ws[i].dot // "Charles W. Murphy"
	if ws[i].gap && !initial {
		return false
	}
	if initial {
		return true
	}
	if !p.cap || p.upper {
		return false
	}
	if _, common := x.g.CommonWord(p.key); common || x.lex.class[p.key] != 0 {
		return false
	}
	if _, ok := x.g.Demonym(p.key); ok {
		return false
	}
	for _, e := range x.g.Candidates(p.key, 1) {
		if selfMajor && major(e) {
			return false // "Moscow Russia" in a careless line
		}
	}
	_, ok := x.g.CountryName(p.key)
	return !ok
}

// verdict is acceptPlace's answer.
type verdict int

const (
	accept verdict = iota
	reject
	// person rejects a name that reads as a person's ("President
	// Kennedy", "Vladimir Putin"): its other mentions are not places
	// either.
	person
)

// acceptPlace applies the filters to a place name that is not a country.
func (x *Extractor) acceptPlace(m *mention, ws []word, i, n int, headline bool) verdict {
	if m.cue == CuePattern && m.want != "" && i > 0 && !ws[i-1].cap {
		return accept // "the city of X"
	}
	if x.titleBefore(ws, i) {
		return person // "President Aliyev", "Mr. Steele"
	}
	best := m.cands[0]
	big := major(best)
	if n > 1 {
		if best.Alias && x.allCommon(ws[i:i+n]) {
			return reject // "White House", an old name of Casablanca
		}
		return accept
	}
	locative := i > 0 && !ws[i].gap && x.lex.is(ws[i-1].key, classLocative)
	w := ws[i]
	if w.upper && len(w.text) <= 4 {
		return reject // an acronym
	}
	if x.lex.is(w.key, classConnector) {
		return reject // "Al" of "Al Jazeera", "Ål" in Norway
	}
	if _, common := x.g.CommonWord(w.key); common {
		if !big && locative && x.divisionInBrackets(ws, i) {
			return accept // "in Colon (Colon)": a town and its division
		}
		if !big || ((w.initial || headline) && !locative) {
			return reject
		}
		if best.Alias && !locative {
			// "the Central government": another name of Davao, but "in
			// Canton" is Guangzhou
			return reject
		}
		if next := i + 1; next < len(ws) && ws[next].cap && !ws[next].gap && !locative {
			return reject // "Food and Drug Administration"
		}
	}
	if m.cue == CuePattern {
		return accept
	}
	if part, strong := x.partOfLongerName(ws, i); part && (strong || !(big && !best.Alias)) {
		return reject // "Abu" of "Abu Salim", "Colonia" of "Colonia La Jauja"
	}
	// A possessive between them parts two names ("Beirut's Hamra").
	nextSurname := i+1 < len(ws) && !ws[i+1].gap && !ws[i+1].poss && ws[i+1].cap && !ws[i+1].upper && x.surname(ws[i+1].key)
	if headline {
		// Capitals say little in a headline, but a surname still makes a
		// first name.
		if nextSurname {
			return person
		}
		return accept
	}
	if x.personBefore(ws, i, big) {
		return person // "Hikmat Hajiyev"
	}
	if nextSurname {
		return person // "Vladimir Putin"
	}
	if i+1 < len(ws) && !ws[i+1].gap {
		next := ws[i+1]
		if next.cap && !big && !locative {
			return reject // "Saraqib Local Council", or a first name
		}
		if x.lex.is(next.key, classSpeech) && !best.Capital && !locative {
			return person // "Steele said"
		}
	}
	return accept
}

// divisionInBrackets reports whether the word after ws[i] opens a bracket
// or a quotation with the name of a place: the division ACLED-style notes
// give after a town ("Colon (Colon)").
func (x *Extractor) divisionInBrackets(ws []word, i int) bool {
	if i+1 >= len(ws) {
		return false
	}
	n := ws[i+1]
	return n.gap && n.initial && n.cap && !n.upper && x.g.Has(n.key)
}

// partOfLongerName reports whether the one-word name ws[i] is the start or
// the end of a longer name the gazetteer lacks: it runs on into a
// capitalised word that is neither a common word nor a place, or only an
// alternate name of one ("Abu Salim", "Abu Rasin"), or across a connector
// into one ("Wata al Msaytbeh", "Qala i Naw", "Qasr Bin Ghashir"), or it
// ends one ("Jardines de la Mesa"). strong reports the run across a
// connector, which makes one name even of a major place's ("Ain al Arab").
func (x *Extractor) partOfLongerName(ws []word, i int) (part, strong bool) {
	unknown := func(w word) bool {
		if !w.cap || w.upper || x.lex.class[w.key] != 0 {
			return false
		}
		if x.g.Has(w.key) && !x.onlyAlias(w.key) {
			return false
		}
		if _, common := x.g.CommonWord(w.key); common {
			return false
		}
		if _, ok := x.g.Demonym(w.key); ok {
			return false
		}
		_, ok := x.g.CountryName(w.key)
		return !ok
	}
	connector := func(w word) bool { return x.lex.is(w.key, classConnector) && !englishWords[w.key] }
	lowConnector := func(w word) bool { return !w.cap && connector(w) }
	if j := i + 1; j < len(ws) && !ws[j].gap && !ws[j].poss {
		if unknown(ws[j]) {
			return true, false
		}
		// "Qasr Bin Ghashir", "Maaret Al Naasan"
		if ws[j].cap && !ws[j].upper && connector(ws[j]) && j+1 < len(ws) && !ws[j+1].gap && ws[j+1].cap && !ws[j+1].upper {
			return true, nameParticles[ws[j].key]
		}
		strong := false
		for j < len(ws) && !ws[j].gap && lowConnector(ws[j]) {
			strong = strong || nameParticles[ws[j].key]
			j++
		}
		if j > i+1 && j < len(ws) && !ws[j].gap && ws[j].cap && !ws[j].upper {
			return true, strong
		}
	}
	j := i
	for j > 0 && !ws[j].gap && lowConnector(ws[j-1]) {
		j--
	}
	return j < i && j > 0 && !ws[j].gap && ws[j-1].cap && !ws[j-1].initial, false
}

// glued reports whether the name of words ws[i:i+n] is joined to a word
// of a longer name: a capitalised word before or after it that is no
// qualifier, title, place noun, nationality, country or major place
// ("Bar Elias", "Aral Moreira"; not "Northern Idlib", "Gaza City"), or a
// lower-case Arabic article before it that the gazetteer does not have
// with it ("el Mina"; not "el Hermel"). built reports a noun of something
// built after it ("the Saa roundabout"). A capitalised word that starts a
// sentence, or any word of a headline, says nothing.
func (x *Extractor) glued(ws []word, i, n int, headline bool) (glued, built bool) {
	if n == 1 && !headline {
		if part, _ := x.partOfLongerName(ws, i); part {
			return true, false // "the villages of Dara i Sufi Bala"
		}
	}
	if i > 0 && !ws[i].gap && !ws[i].quarter {
		p := ws[i-1]
		if !p.cap && nameParticles[p.key] && !x.g.Has(p.key+" "+runKey(ws[i:i+n])) {
			return true, false
		}
		if p.cap && !p.initial && !headline && x.stranger(p) {
			return true, false
		}
	}
	if j := i + n; j < len(ws) && !ws[j].gap && !ws[j].poss {
		w := ws[j]
		// A common word after a name names a thing of the place as
		// often as not ("Hertford Road", "Islington Bay").
		if w.cap && !headline && x.stranger(w) && !x.commonWord(w.key) {
			return true, false
		}
		return false, !w.cap && x.lex.is(w.key, classFacility)
	}
	return false, false
}

// stranger reports whether a capitalised word is no word of the lexicon,
// nationality, country or major place: a word of another name.
func (x *Extractor) stranger(w word) bool {
	if w.upper || x.lex.class[w.key] != 0 {
		return false
	}
	if _, ok := x.g.Demonym(w.key); ok {
		return false
	}
	if _, ok := x.g.CountryName(w.key); ok {
		return false
	}
	for _, e := range x.g.Candidates(w.key, 1) {
		if major(e) {
			return false
		}
	}
	return true
}

// onlyAlias reports whether every place of a name has it only as an
// alternate name ("Rasin" for Racine, Wisconsin).
func (x *Extractor) onlyAlias(key string) bool {
	return x.g.AliasOnly(key, maxCandidates)
}

// nameParticles are the connectors of Arabic and Persian names ("Ain al
// Arab", "Qala i Naw", "Qasr Bin Ghashir"), which join a name to the next
// into one even when the first is a major place's; a Romance connector may
// join a division's name to a direction ("Davao del Sur").
var nameParticles = map[string]bool{"al": true, "el": true, "ash": true, "ad": true, "ar": true, "az": true, "wa": true, "i": true, "bin": true, "ibn": true, "umm": true}

// englishWords are connectors that are also English words, which join
// a name to what follows in running text ("Aleppo and Idlib").
var englishWords = map[string]bool{"a": true, "of": true, "the": true, "and": true, "on": true, "upon": true, "an": true, "en": true, "am": true, "im": true, "e": true, "y": true}

// titleBefore reports whether ws[i] follows a title ("President", "Mr.").
func (x *Extractor) titleBefore(ws []word, i int) bool {
	return i > 0 && (!ws[i].gap || ws[i].dot) && ws[i-1].cap && x.lex.is(ws[i-1].key, classTitle)
}

// surname reports whether a capitalised word after a place name reads as a
// surname: no common word, lexicon word, place, country or nationality.
func (x *Extractor) surname(key string) bool {
	if _, common := x.g.CommonWord(key); common || x.lex.class[key] != 0 || x.g.Has(key) {
		return false
	}
	if _, ok := x.g.Demonym(key); ok {
		return false
	}
	_, ok := x.g.CountryName(key)
	return !ok
}

// allCommon reports whether every word is a common English word.
func (x *Extractor) allCommon(ws []word) bool {
	for _, w := range ws {
		if _, ok := x.g.CommonWord(w.key); !ok {
			return false
		}
	}
	return true
}

// demonymPattern makes a place of a demonym followed by an area noun
// ("Iranian territory", "the Iranian side of the border") or by "capital"
// ("the Syrian capital").
func (x *Extractor) demonymPattern(m *mention, ws []word, i int) {
	if i+1 >= len(ws) || ws[i+1].gap {
		return
	}
	next := ws[i+1].key
	switch {
	case x.lex.is(next, classCapital):
		m.demonym, m.capitalOf = false, true
		m.end = ws[i+1].end
		m.cue = CuePattern
	case next == "side":
		// "side" alone could be any side: ask for the border.
		for j := i + 2; j < len(ws) && j <= i+4 && !ws[j].gap; j++ {
			if ws[j].key == "border" || ws[j].key == "frontier" || ws[j].key == "borders" {
				m.demonym, m.isCountry, m.cue = false, true, CuePattern
				return
			}
		}
	case x.lex.is(next, classArea):
		m.demonym, m.isCountry, m.cue = false, true, CuePattern
	}
}

// unknownAfterFeature takes a capitalised word the gazetteer lacks as a
// place when a pattern says it is one: "the village of Xyz".
func (x *Extractor) unknownAfterFeature(ws []word, i int) (mention, bool) {
	if i < 2 || ws[i].gap || ws[i-1].gap || ws[i-1].key != "of" || ws[i].upper {
		return mention{}, false
	}
	kind, ok := x.lex.featureKind[ws[i-2].key]
	if !ok || ws[i-2].cap {
		return mention{}, false
	}
	if _, common := x.g.CommonWord(ws[i].key); common || x.lex.class[ws[i].key] != 0 {
		return mention{}, false
	}
	m := mention{start: ws[i].start, end: ws[i].end, key: ws[i].key, cue: CuePattern, want: kind}
	// "the Syrian town of X": the demonym gives the country.
	if i >= 3 {
		if c, ok := x.g.Demonym(ws[i-3].key); ok && ws[i-3].cap {
			m.country = c
		}
	}
	return m, true
}

// persons returns the names read as a person's somewhere in the article
// ("Mr. Steele"): elsewhere, too, a minor place of that name is most
// likely the person.
func persons(ms []mention) []string {
	var p []string
	for i := range ms {
		if ms[i].person && !contains(p, ms[i].key) {
			p = append(p, ms[i].key)
		}
	}
	return p
}

// personElsewhere reports whether a mention's name is read as a person's
// elsewhere in the article, and the mention is no safer: a minor place, or
// a country that is not in focus on other grounds.
func (x *Extractor) personElsewhere(m *mention, persons, focus []string) bool {
	if !contains(persons, m.key) || m.cue == CuePattern {
		return false
	}
	if m.isCountry {
		return !contains(focus, m.country.ISO3)
	}
	return len(m.cands) > 0 && !major(m.cands[0])
}

// focus returns the ISO3 codes of the countries the article is about: those
// it names unambiguously, whose capitals it names, or whose demonyms it
// uses; names also read as a person's do not count.
func (x *Extractor) focus(ms []mention, persons []string) []string {
	var f []string
	add := func(c string) {
		if c == "" {
			return
		}
		for _, s := range f {
			if s == c {
				return
			}
		}
		f = append(f, c)
	}
	for i := range ms {
		m := &ms[i]
		switch {
		case m.person || contains(persons, m.key):
		case m.isCountry && ambiguous(m):
		case m.isCountry || m.demonym || m.capitalOf || m.mission:
			add(m.country.ISO3)
		case len(m.cands) > 0 && m.cands[0].Capital:
			add(m.cands[0].Country)
		}
	}
	return f
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// major reports whether a place is well known enough to be taken on its
// name alone: a capital, a region, a city of bigPopulation or a
// first-order division of ten times that.
func major(e gazetteer.Entry) bool {
	switch e.Kind {
	case gazetteer.KindRegion:
		return true
	case gazetteer.KindAdmin1:
		return e.Population >= 10*bigPopulation
	}
	return e.Capital || e.Population >= bigPopulation
}

// ambiguous reports whether a country's name is also the name of a major
// place in another country ("Georgia", "Armenia" in Colombia).
func ambiguous(m *mention) bool {
	for _, e := range m.cands {
		if e.Country != m.country.ISO3 && major(e) {
			return true
		}
	}
	return false
}
