package places

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/gazetteer"
	"github.com/sitrep-project/sitrep/gazetteer/fold"
)

// Weights of the evidence for a candidate, in the units of score: one is a
// tenfold population.
const (
	// focusBonus favours a place in a country the article is about
	// ("Hamilton" in a New Zealand story).
	focusBonus = 2
	// majorBonus favours a place known on its name alone (Geneva,
	// Switzerland, over Geneva, Illinois).
	majorBonus = 1.3
	// besideBonus favours a place inside the division or country named
	// right after it ("Jundiai, Sao Paulo", "Halani (Naushahro Feroze,
	// Sindh)"), and that division for the place named before it.
	besideBonus = 4
	// admin1Bonus favours a place in a first-order division that another
	// name of the article resolves into ("London" in a story that names
	// Ontario and Toronto).
	admin1Bonus = 1.5
	// listBonus favours, for each item of a list beside it, a place of the
	// item's kind and country ("Washington" the state between Virginia
	// and West Virginia).
	listBonus = 1.5
	maxListed = 3
	// maxTowns bounds the towns a quarter is looked for near.
	maxTowns = 32
	// nearBonus favours a place within nearKm of another place of the
	// article.
	nearBonus = 1
	nearKm    = 60
	// quarterKm bounds the distance of a quarter or suburb from the town
	// named beside it ("Kadikoy, Istanbul").
	quarterKm = 20
	// anchorConfidence is the confidence from which a major place found
	// on its name alone tells which countries an article is about.
	anchorConfidence = 0.9
	// divisionRatio is how many times more populous than a town the
	// division of the same name it lies in must be to be meant by the
	// name alone.
	divisionRatio = 8
	// soundPenalty weighs a name found by its transliteration key.
	soundPenalty = 1
	// passes of resolution: the first on each name's own evidence, the
	// next with what the other names resolved to.
	passes = 3
)

// Confidence of resolutions that weigh no candidates against each other.
const (
	countryConfidence = 0.95
	demonymConfidence = 0.9
	patternConfidence = 0.9
)

// Reasons of sitrep.Place.
const (
	reasonCountry  = "country name"
	reasonDemonym  = "nationality word"
	reasonCapital  = "the capital of the country named"
	reasonOnly     = "the only place of that name"
	reasonMajor    = "the most prominent place of that name"
	reasonFocus    = "in a country the article names (%s)"
	reasonInside   = "inside %s, named beside it"
	reasonContains = "contains %s, named beside it"
	reasonAdmin1   = "in %s, where other places of the article are"
	reasonNear     = "near other places of the article"
	reasonSound    = "another spelling of %s"
	reasonFocusOf  = "a place of a country the article is about, which shares the country's name"
	reasonMission  = "the country the mission works in"
	reasonList     = "of a kind with %s, listed with it"
	reasonSense    = "the place another mention of the name is named beside"
)

// weighing is the resolution state of a mention that weighs candidates.
type weighing struct {
	choice int // index into the mention's cands, -1 for none
	scores []float64
	// prior holds each candidate's score by the name alone (prior), the
	// same in every pass.
	prior []float64
	why   []reason
	// supported marks candidates with evidence beyond the name.
	supported []bool
}

// resolveAll turns the mentions of an article, in text order, into Places.
func (x *Extractor) resolveAll(text string, ms []mention, focus []string) []sitrep.Place {
	beside, mate := besides(text, ms), mates(text, ms)
	named, byName := namedCountries(ms)
	// st[i].scores is nil for mentions resolved without weighing:
	// countries, nationality words, names the gazetteer lacks.
	st := make([]weighing, len(ms))
	weighs := func(m *mention) bool {
		return !m.demonym && !m.capitalOf && len(m.cands) > 0 && (!m.isCountry || ambiguous(m) && !contains(focus, m.country.ISO3))
	}
	// The weighings of all mentions share one array of each kind.
	total := 0
	for i := range ms {
		if weighs(&ms[i]) {
			total += len(ms[i].cands)
		}
	}
	floats, whys, supported := make([]float64, 2*total), make([]reason, total), make([]bool, total)
	for i := range ms {
		m := &ms[i]
		st[i].choice = -1
		if weighs(m) {
			n := len(m.cands)
			st[i].scores, st[i].prior, floats = floats[:n:n], floats[n:2*n:2*n], floats[2*n:]
			st[i].why, whys = whys[:n:n], whys[n:]
			st[i].supported, supported = supported[:n:n], supported[n:]
			for c, e := range m.cands {
				st[i].prior[c] = prior(m, e)
			}
		}
	}
	ctx := articleContext{chosen: func(i int) (gazetteer.Entry, bool) {
		// A name found by its sound alone, or glued to a longer one,
		// with no support, will be left unresolved: it tells nothing of
		// the others.
		if c := st[i].choice; c < 0 || tentative(&ms[i], &st[i], c) {
			return gazetteer.Entry{}, false
		}
		return ms[i].cands[st[i].choice], true
	}}
	for pass := 0; pass < passes; pass++ {
		ctx.gather(ms)
		for i := range ms {
			m := &ms[i]
			if st[i].scores == nil {
				continue
			}
			best := -1
			for c, e := range m.cands {
				s, why, support := x.evidence(text, ms, i, e, st[i].prior[c], named, byName, beside, mate, ctx, pass > 0)
				st[i].scores[c], st[i].why[c], st[i].supported[c] = s, why, support
				if m.want != "" && !kindFits(e.Kind, m.want) && anyFits(m.cands, m.want) {
					continue
				}
				if !m.sound && e.Alias && !contains(named, e.Country) && !anyOther(ctx.countries[e.Country], m.key) && !ownIn(m.cands, e.Country) && obscure(m.key, e) {
					continue
				}
				if best < 0 || s > st[i].scores[best] {
					best = c
				}
			}
			st[i].choice = best
		}
	}
	for i := range ms {
		if c := st[i].choice; c >= 0 && !ms[i].sound && tentative(&ms[i], &st[i], c) {
			st[i].choice = -1
		}
	}
	settleCountries(ms, st, focus, beside, mate)
	countries := articleCountries(ms, st)
	keepHome(ms, st, countries)
	keepInContainer(text, ms, st, beside)
	keepQuartersNear(ms, st)
	oneSense(ms, st)

	out := make([]sitrep.Place, len(ms))
	drop := make([]bool, len(ms))
	for i := range ms {
		m := &ms[i]
		p := &out[i]
		*p = sitrep.Place{Text: text[m.start:m.end], Start: m.start, End: m.end, Cue: m.cue}
		if m.sound {
			p.Cue = CueSound
		}
		if st[i].scores == nil {
			x.resolveFixed(p, m)
			continue
		}
		c := st[i].choice
		// A name found only by its sound needs the article's support:
		// its country named, or a place beside it; or, where a pattern
		// says it is a place ("the town of Maaret Al Naasan"), to be a
		// major place, else it stays a place unresolved.
		if c >= 0 && m.sound && !st[i].supported[c] && (m.cue != CuePattern || !major(m.cands[c])) {
			c = -1
		}
		if c < 0 {
			drop[i] = m.sound && m.cue != CuePattern
			p.Name, p.Kind = p.Text, sitrep.PlaceOther
			continue
		}
		e := m.cands[c]
		setEntry(p, e)
		p.Reason = st[i].why[c].String()
		if w := st[i].why[c].format; m.isCountry && w != reasonContains && w != reasonInside {
			p.Reason = reasonFocusOf
		}
		p.Confidence = confidence(m, st[i].scores, c)
	}
	unresolvedCountries(out, beside, countries)
	kept := out[:0]
	for i := range out {
		if !drop[i] {
			kept = append(kept, out[i])
		}
	}
	return kept
}

// tentative reports whether candidate c of mention m is a guess the
// article does not support: a place found by its sound; a place, but a
// major seat known by that name, of a name glued to a longer one ("Bar
// Elias", where Elias is a town of Colombia); a minor place that is no
// seat, of a name given to something built ("the Saa roundabout"; a
// town's roundabout or hospital is more often named after the town).
func tentative(m *mention, w *weighing, c int) bool {
	if w.supported[c] {
		return false
	}
	e := m.cands[c]
	return m.sound || m.glued && !(major(e) && e.Seat && !e.Alias) || m.built && !major(e) && !e.Seat
}

// settleCountries makes a country of each name of a country that is also a
// major place elsewhere, weighed as a place, unless it is that place: in
// an article about the place's country, or beside a place it holds
// ("Atlanta, Georgia"); never when it is listed with countries ("Benin,
// Ghana, Guinea"). A country so settled is weighed no more.
func settleCountries(ms []mention, st []weighing, focus []string, beside []int, mate []bool) {
	for i := range ms {
		m := &ms[i]
		if !m.isCountry || st[i].scores == nil {
			continue
		}
		if c := st[i].choice; c >= 0 && !listedWithCountry(ms, mate, i) {
			e := m.cands[c]
			if contains(focus, e.Country) && major(e) || holdsBeside(ms, st, beside, i, e) {
				continue
			}
		}
		st[i].scores, st[i].choice = nil, -1
	}
}

// holdsBeside reports whether entry e of mention i holds what the mention
// before it, of which it is the container, resolved to ("Atlanta,
// Georgia"), or lies in what its own container resolved to.
func holdsBeside(ms []mention, st []weighing, beside []int, i int, e gazetteer.Entry) bool {
	if i > 0 && beside[i-1] == i {
		if c := st[i-1].choice; c >= 0 && st[i-1].scores != nil && within(e, ms[i-1].cands[c]) {
			return true
		}
	}
	if j := beside[i]; j >= 0 {
		if c := st[j].choice; c >= 0 && st[j].scores != nil && within(ms[j].cands[c], e) {
			return true
		}
	}
	return false
}

// listedWithCountry reports whether mention i is listed with a country's
// name.
func listedWithCountry(ms []mention, mate []bool, i int) bool {
	return i > 0 && mate[i-1] && ms[i-1].isCountry || i+1 < len(ms) && mate[i] && ms[i+1].isCountry
}

// anchored reports whether mention i tells which countries the article is
// about: a country's name, or a place resolved with support beyond its name,
// or a major place known by its own name and chosen with confidence, or a
// province whose name, no run of common words, only that country's places
// bear ("Samangan"; not "South West").
func anchored(ms []mention, st []weighing, i int) bool {
	c := st[i].choice
	if st[i].scores == nil || c < 0 {
		return st[i].scores == nil
	}
	e := ms[i].cands[c]
	return st[i].supported[c] || major(e) && !e.Alias && confidence(&ms[i], st[i].scores, c) >= anchorConfidence ||
		!ms[i].plain && oneCountry(ms[i].cands) && ownProvince(ms[i].cands)
}

// ownProvince reports whether a first-order division bears the name as its
// own.
func ownProvince(cands []gazetteer.Entry) bool {
	for _, e := range cands {
		if e.Kind == gazetteer.KindAdmin1 && !e.Alias {
			return true
		}
	}
	return false
}

// oneCountry reports whether all the places of a name lie in one country
// ("Samangan", the province and its seat).
func oneCountry(cands []gazetteer.Entry) bool {
	for _, e := range cands {
		if e.Country != cands[0].Country {
			return false
		}
	}
	return true
}

// articleCountries returns the countries the article is about, each with
// the names that say so. Nationality words do not count here: they name
// actors more often than where things happen ("Turkish forces patrolled
// Hasakah"); a mission's name does, for the mission works there.
func articleCountries(ms []mention, st []weighing) map[string][]string {
	countries := map[string][]string{}
	for i := range ms {
		m := &ms[i]
		if c := st[i].choice; c >= 0 && anchored(ms, st, i) {
			countries[m.cands[c].Country] = append(countries[m.cands[c].Country], m.key)
		} else if st[i].scores == nil && m.country.ISO3 != "" && !m.demonym {
			countries[m.country.ISO3] = append(countries[m.country.ISO3], m.key)
		}
	}
	return countries
}

// keepHome re-chooses for each minor place that nothing in the article
// supports, in a country the article is otherwise not about: such a name
// is most likely a place of the article's country that the gazetteer lacks
// ("the town of Kelly in Idleb province"). The best candidate in one of
// the article's countries is taken instead, if there is one; else the name
// is left unresolved.
func keepHome(ms []mention, st []weighing, countries map[string][]string) {
	if len(countries) == 0 {
		return
	}
	foreign := func(i int, e gazetteer.Entry) bool { return !anyOther(countries[e.Country], ms[i].key) }
	for i := range ms {
		c := st[i].choice
		if c < 0 || anchored(ms, st, i) || !foreign(i, ms[i].cands[c]) {
			continue
		}
		st[i].choice = -1
		for k, e := range ms[i].cands {
			if !foreign(i, e) && (st[i].choice < 0 || st[i].scores[k] > st[i].scores[st[i].choice]) {
				st[i].choice = k
			}
		}
	}
}

// keepInContainer re-chooses for each place that nothing but its name
// supports, named beside a division or country it does not lie in ("the
// town of Kelly in Idleb province", "Kamyanka, Donetsk" when the gazetteer
// has only the Kamyankas of other provinces): the best candidate in the
// container, if there is one; else the name is left unresolved, and
// unresolvedCountries gives it the container's country.
func keepInContainer(text string, ms []mention, st []weighing, beside []int) {
	changed := make([]bool, len(ms))
	defer sameElsewhere(ms, st, beside, changed)
	// containers first: "Savar city (Savar, Dhaka)"
	for i := len(ms) - 1; i >= 0; i-- {
		c, j := st[i].choice, beside[i]
		if c < 0 || j < 0 {
			continue
		}
		// "Ara in As-Sweida", "Rio Claro, Lara state": no list
		explicit := joinedIn(text[ms[i].end:ms[j].start]) || ms[j].want == "admin"
		// "Jaro, Iloilo City, Iloilo": a town placed by the name after
		// it is the container of the name before it
		chain := !explicit && chained(ms, st, beside, j)
		home := containerCountry(ms, st, beside, j, explicit || chain)
		// In a list ("Suba, Migori, Homa Bay, Rongo"; "Alabama, Arizona")
		// the next name is no container.
		listed := !chain && listed(text, ms, st, j)
		fits := func(e gazetteer.Entry) bool {
			return e.Country == home && (listed || !outsideDivision(ms, st, j, e, chain))
		}
		if e := ms[i].cands[c]; home == "" || fits(e) {
			continue
		} else if e.Country != home && anchored(ms, st, i) && !(explicit && !famous(e)) || e.Country == home && major(e) {
			// A place known on its own, or supported in another country,
			// may be a list's, unless the container is plainly one; in
			// the container's country, the article's support for the
			// country is no support for the division.
			continue
		}
		st[i].choice, changed[i] = -1, true
		for k, e := range ms[i].cands {
			if fits(e) && (st[i].choice < 0 || st[i].scores[k] > st[i].scores[st[i].choice]) {
				st[i].choice = k
			}
		}
	}
}

// sameElsewhere gives the other mentions of a name that its container
// re-chose (changed) the same choice, where nothing is named beside them:
// "near Kamyanka, Donetsk ... explosions near Kamyanka" is one village.
func sameElsewhere(ms []mention, st []weighing, beside []int, changed []bool) {
	rechosen := firstByKey(ms, func(i int) bool { return changed[i] })
	for k := range ms {
		i, ok := rechosen[ms[k].key]
		if ok && k != i && !changed[k] && beside[k] < 0 && st[k].scores != nil && len(ms[k].cands) == len(ms[i].cands) {
			st[k].choice = st[i].choice
		}
	}
}

// oneSense gives the mentions of a name that nothing beside them places
// the choice of a mention that a place named beside it does ("COLUMBIA,
// Ky. ... of Columbia"): an article names one place by one name.
func oneSense(ms []mention, st []weighing) {
	placed := func(i int) bool {
		c := st[i].choice
		if st[i].scores == nil || c < 0 {
			return false
		}
		w := st[i].why[c].format
		return w == reasonInside || w == reasonContains
	}
	first := firstByKey(ms, placed)
	for k := range ms {
		i, ok := first[ms[k].key]
		if ok && k != i && st[k].scores != nil && len(ms[k].cands) == len(ms[i].cands) && !placed(k) && st[k].choice != st[i].choice {
			st[k].choice = st[i].choice
			if st[k].choice >= 0 {
				st[k].why[st[k].choice] = reason{format: reasonSense}
			}
		}
	}
}

// firstByKey maps the key of each name to the first of its mentions that
// keep accepts; it is nil when keep accepts none.
func firstByKey(ms []mention, keep func(int) bool) map[string]int {
	var first map[string]int
	for i := range ms {
		if keep(i) {
			if first == nil {
				first = map[string]int{}
			}
			if _, ok := first[ms[i].key]; !ok {
				first[ms[i].key] = i
			}
		}
	}
	return first
}

// keepQuartersNear re-chooses for each quarter of a town ("Colonia
// Independencia", "Inga neighborhood") a candidate within nearKm of a town
// the article names; if none is, the name is left unresolved: the town has
// a quarter the gazetteer lacks, and the namesake it has is elsewhere.
func keepQuartersNear(ms []mention, st []weighing) {
	// the first few towns: a quarter's town is named before it, and a
	// text may name thousands
	var towns []gazetteer.Entry
	for i := range ms {
		if c := st[i].choice; c >= 0 && !ms[i].quarter && ms[i].cands[c].Kind == gazetteer.KindCity && !slices.Contains(towns, ms[i].cands[c]) {
			if towns = append(towns, ms[i].cands[c]); len(towns) == maxTowns {
				break
			}
		}
	}
	if len(towns) == 0 {
		return
	}
	near := func(e gazetteer.Entry) bool {
		for _, t := range towns {
			if t != e && km(t.Lat, t.Lon, e.Lat, e.Lon) <= nearKm {
				return true
			}
		}
		return false
	}
	for i := range ms {
		c := st[i].choice
		if !ms[i].quarter || c < 0 || near(ms[i].cands[c]) || ms[i].cands[c].Kind != gazetteer.KindCity {
			// a division is no town's quarter: "a northern Manitoba
			// community" is one of the province
			continue
		}
		st[i].choice = -1
		for k, e := range ms[i].cands {
			if near(e) && (st[i].choice < 0 || st[i].scores[k] > st[i].scores[st[i].choice]) {
				st[i].choice = k
			}
		}
	}
}

// obscure reports whether a place found by key is found only by an
// alternate name and is not known well enough to be meant by it in an
// article about another country: neither famous nor a first-order
// division of bigPopulation, nor a major place or a seat whose name is
// spelled like key ("Balanda", an old name of Kalininsk in Russia, is a
// people of South Sudan; "Bahr el Ghazal" is a region of South Sudan, and
// of Chad, whose seat Moussoro bears it; "Moria" is a village of Lesbos
// before it is an old name of Jerusalem; but "Nord-Kivu" is North Kivu,
// "Hermel" El Hermel and "Canton" Guangzhou).
func obscure(key string, e gazetteer.Entry) bool {
	switch {
	case !e.Alias:
		return false
	case e.Kind == gazetteer.KindAdmin1:
		return e.Population < bigPopulation
	case famous(e):
		return false
	case major(e) || e.Seat:
		return !akin(key, e.Name)
	}
	return true
}

// akin reports whether key spells name, or a word of the one spells a word
// of the other, in another transliteration: their transliteration keys
// differ in few letters ("Sweida", "As-Suwayda"; "Hermel", "El Hermel";
// "Ciudad de Mexico", "Mexico City").
func akin(key, name string) bool {
	close := func(a, b string) bool {
		return float64(fold.Distance(a, b)) <= maxSoundEdits*float64(max(len(a), len(b)))
	}
	if close(fold.Sound(key), fold.Sound(name)) {
		return true
	}
	words := strings.Fields(fold.Key(name))
	for _, k := range strings.Fields(key) {
		if len(k) <= 2 {
			continue
		}
		a := fold.Sound(k)
		for _, w := range words {
			if len(w) > 2 && close(a, fold.Sound(w)) {
				return true
			}
		}
	}
	return false
}

// ownIn reports whether a place of country bears the name as its own
// ("Reasi", the district, beside Riasi, its town).
func ownIn(cands []gazetteer.Entry, country string) bool {
	for _, e := range cands {
		if !e.Alias && e.Country == country {
			return true
		}
	}
	return false
}

// famous reports whether a place is known well enough that a container it
// does not lie in says more about the text than about it ("the war Moscow
// wages in Ukraine"): a capital or a city of a million.
func famous(e gazetteer.Entry) bool {
	return e.Capital || e.Population >= 1000000
}

// joinedIn reports whether the text between a name and its container is
// "in" ("Ara in As-Sweida", "Bara in the southern countryside of Idleb"),
// which makes no list.
func joinedIn(between string) bool {
	s := pastPlaceNouns(between)
	return s == "in" || strings.HasPrefix(s, "in ")
}

// pastPlaceNouns trims the text between two names and skips an article
// and up to two place nouns at its start ("Naushera sector area (Rajouri
// district").
func pastPlaceNouns(between string) string {
	s := trimArticle(strings.TrimSpace(between))
	for range 2 {
		w, rest, _ := strings.Cut(s, " ")
		if !placeNouns[w] {
			break
		}
		s = strings.TrimSpace(rest)
	}
	return s
}

// outsideDivision reports whether e lies outside the division container
// mention j resolved to, or outside the division of the same name as the
// town it resolved to ("Donetsk" the city stands for its province beside a
// village), or outside the first-order division of the town a name of a
// division resolved to ("Poonch district", its seat). A town that names no
// division may be one of a list ("Bara, Kansafra"), and says nothing.
func outsideDivision(ms []mention, st []weighing, j int, e gazetteer.Entry, chain bool) bool {
	c := st[j].choice
	if st[j].scores == nil || c < 0 {
		return false
	}
	d := ms[j].cands[c]
	switch d.Kind {
	case gazetteer.KindAdmin1:
		return e.Kind != gazetteer.KindAdmin1 && !within(d, e)
	case gazetteer.KindAdmin2:
		if e.Kind == gazetteer.KindCity && e.Admin2 == "" {
			// GeoNames gives the town no second-order division
			return e.Admin1Code != d.Admin1Code
		}
		return e.Kind == gazetteer.KindCity && !within(d, e)
	case gazetteer.KindCity:
		if ms[j].want == "admin" || chain {
			// "Poonch district" resolved to its seat: the district lies
			// in the seat's first-order division
			return e.Kind == gazetteer.KindCity && e.Admin1Code != d.Admin1Code
		}
		return e.Kind == gazetteer.KindCity && seatDivision(ms[j], d) && !withinSeatDivision(ms[j], d, e) && !within(d, e)
	}
	return false
}

// chained reports whether the town mention j resolved to is itself placed
// by the name after it: a division that holds it, or its own seat's name
// ("Iloilo City, Iloilo", "Monreal, Masbate").
func chained(ms []mention, st []weighing, beside []int, j int) bool {
	k := beside[j]
	if k < 0 || st[j].choice < 0 || st[k].choice < 0 {
		return false
	}
	t, d := ms[j].cands[st[j].choice], ms[k].cands[st[k].choice]
	if t.Kind != gazetteer.KindCity {
		return false
	}
	return within(d, t) || d == t || d.Kind == gazetteer.KindCity && d.Country == t.Country && d.Admin1Code == t.Admin1Code && ms[k].key != ms[j].key && km(d.Lat, d.Lon, t.Lat, t.Lon) <= nearKm
}

// listed reports whether mention j is an item of a list ("Suba, Migori,
// Homa Bay", "Moonbi, Parkes, Berry and Wyong"): a comma, "and" or "or"
// follows it, then a capitalised word, which is not a country or a
// division that contains j ("Kamyanka, Donetsk, Ukraine"), nor a name that
// is no place after a division named as one.
func listed(text string, ms []mention, st []weighing, j int) bool {
	rest := strings.TrimLeft(text[ms[j].end:], " ")
	joined := false
	if r, ok := strings.CutPrefix(rest, ","); ok {
		rest, joined = strings.TrimLeft(r, " "), true
	}
	for _, w := range []string{"and ", "or ", "& "} {
		if r, ok := strings.CutPrefix(rest, w); ok {
			rest, joined = strings.TrimLeft(r, " "), true
			break
		}
	}
	if !joined || rest == "" || rest[0] < 'A' || rest[0] > 'Z' {
		return false
	}
	k := j + 1
	next := k < len(ms) && ms[k].start == len(text)-len(rest)
	if !next && ms[j].want == "admin" {
		// a division named as one, then a name that is no place: its
		// own division ("Pulwama district, J&K")
		return false
	}
	if next {
		if ms[k].isCountry {
			return false
		}
		if cj, ck := st[j].choice, st[k].choice; cj >= 0 && ck >= 0 && within(ms[k].cands[ck], ms[j].cands[cj]) {
			return false
		}
	}
	return true
}

// seatDivision reports whether the town a container mention resolved to
// shares its name with a division of its own country and first-order
// division ("Donetsk", "Idlib"): the name may stand for either.
func seatDivision(c mention, seat gazetteer.Entry) bool {
	for _, o := range c.cands {
		if (o.Kind == gazetteer.KindAdmin1 || o.Kind == gazetteer.KindAdmin2) && o.Country == seat.Country && o.Admin1Code == seat.Admin1Code {
			return true
		}
	}
	return false
}

// containerCountry returns the country of mention j as a container: a
// country, or a division or region it resolved to; or, for a name the
// gazetteer lacks, that of the container beside it. A town is no
// container, "Bara, Kansafra" may be a list, unless it shares its name
// with its division ("Bara, Idleb"), or town says it is one ("Ara in
// As-Sweida").
func containerCountry(ms []mention, st []weighing, beside []int, j int, town bool) string {
	for range 3 {
		m := &ms[j]
		switch c := st[j].choice; {
		case st[j].scores == nil && (m.isCountry || m.demonym):
			return m.country.ISO3
		case c >= 0 && m.cands[c].Kind != gazetteer.KindCity:
			return m.cands[c].Country
		case c >= 0 && (town || m.want == "admin" || seatDivision(*m, m.cands[c])):
			return m.cands[c].Country // "Idleb province" resolved to its seat
		case c >= 0 || beside[j] < 0:
			return ""
		}
		j, town = beside[j], false
	}
	return ""
}

// unresolvedCountries gives an unresolved name the country of the place
// named beside it ("Qasr Bin Ghashir (Aljfara)"), or the article's country
// when it is about one only.
func unresolvedCountries(out []sitrep.Place, beside []int, countries map[string][]string) {
	only := ""
	if len(countries) == 1 {
		for c := range countries {
			only = c
		}
	}
	for i := range out {
		if p := &out[i]; !p.Resolved() && p.Country == "" {
			if j := beside[i]; j >= 0 && out[j].Country != "" {
				p.Country = out[j].Country
			} else {
				p.Country = only
			}
		}
	}
}

// resolveFixed resolves a mention that has no candidates to weigh: a
// country, a nationality word, "the Syrian capital", or a name the
// gazetteer lacks.
func (x *Extractor) resolveFixed(p *sitrep.Place, m *mention) {
	switch {
	case m.demonym:
		// Gold standards (TR-News, LGL, GeoWebNews) count "Turkish" as a
		// mention of Turkey; the cue lets stages that want only names skip
		// it.
		setCountry(p, m.country)
		p.Cue = CueDemonym
		p.Reason, p.Confidence = reasonDemonym, demonymConfidence
	case m.mission:
		setCountry(p, m.country)
		p.Reason, p.Confidence = reasonMission, demonymConfidence
	case m.capitalOf:
		p.Reason, p.Confidence = reasonCapital, patternConfidence
		for _, e := range x.g.Places(m.country.Capital) {
			if e.Capital && e.Country == m.country.ISO3 {
				setEntry(p, e)
				return
			}
		}
		p.Name, p.Country, p.Kind = m.country.Capital, m.country.ISO3, sitrep.PlaceCity
	case m.isCountry:
		setCountry(p, m.country)
		p.Reason, p.Confidence = reasonCountry, countryConfidence
	default:
		p.Name, p.Country, p.Kind = p.Text, m.country.ISO3, sitrep.PlaceOther
		if m.want == "city" {
			p.Kind = sitrep.PlaceCity
		}
	}
}

// confidence is the chosen candidate's share of the evidence among the
// candidates of the kind the mention asks for, scores being on a log10
// scale.
func confidence(m *mention, scores []float64, chosen int) float64 {
	sum := 0.0
	for k, s := range scores {
		if m.want == "" || kindFits(m.cands[k].Kind, m.want) || !anyFits(m.cands, m.want) {
			sum += math.Pow(10, s-scores[chosen])
		}
	}
	return math.Min(math.Round(100/sum)/100, 0.99)
}

// besides returns, for each mention, the mention named right after it as
// its container ("Jundiai, Sao Paulo", "Halani town (Naushahro Feroze,
// Sindh)"), or -1.
func besides(text string, ms []mention) []int {
	out := make([]int, len(ms))
	for i := range ms {
		out[i] = -1
		if i+1 < len(ms) && joinedBeside(text[ms[i].end:ms[i+1].start]) {
			out[i] = i + 1
		}
	}
	return out
}

// mates returns, for each mention, whether it and the next are items of
// one list ("Alberta, Manitoba, Ontario and New Brunswick"): joined by
// "and" or "or", or by a comma with a third item joined on either side; two
// names joined by a comma alone are more often a town and its division
// ("Juliaca, Puno").
func mates(text string, ms []mention) []bool {
	join := make([]byte, len(ms)) // ',' a comma, 'a' and or or
	for i := 0; i+1 < len(ms); i++ {
		switch strings.TrimSpace(text[ms[i].end:ms[i+1].start]) {
		case ",":
			join[i] = ','
		case "and", "or", ", and", ", or", "&":
			join[i] = 'a'
		}
	}
	out := make([]bool, len(ms))
	for i := range join {
		out[i] = join[i] == 'a' || join[i] == ',' && (i > 0 && join[i-1] != 0 || i+1 < len(join) && join[i+1] != 0)
	}
	return out
}

// joinedBeside reports whether the text between two names puts the second
// beside the first as its container: a comma or an opening bracket, with a
// place noun at most ("Tappita town (Doe", "Sujawal district (Sindh"), or
// after a name the gazetteer lacks ("Bule (Djugu, Ituri"); a place noun
// and "of" ("Yangi Kala area of Qaysar district"); or "in", with words of
// a part at most ("Kelly in Idleb province", "Hajin in the eastern
// countryside of Deir-ez-Zor").
func joinedBeside(between string) bool {
	s := pastPlaceNouns(between)
	if s == "," || s == "(" {
		return true
	}
	if s == "of" && s != strings.TrimSpace(between) {
		// "the Yangi Kala area of Qaysar district", "Duwagaun village
		// of Triveni": a place noun, then "of"
		return true
	}
	if inner, ok := strings.CutPrefix(s, "("); ok && strings.HasSuffix(inner, ",") {
		// one unknown name in between, capitalised, of up to three words
		words := strings.Fields(strings.TrimSuffix(inner, ","))
		if len(words) == 0 || len(words) > 3 || strings.ContainsAny(inner[:len(inner)-1], ",()") {
			return false
		}
		for _, w := range words {
			if r := w[0]; r < 'A' || r > 'Z' {
				return false
			}
		}
		return true
	}
	rest, ok := strings.CutPrefix(s, "in")
	if !ok || rest != "" && rest[0] != ' ' {
		return false
	}
	for _, w := range strings.Fields(rest) {
		if !partWords[w] {
			return false
		}
	}
	return true
}

// trimArticle drops the Arabic article that ends the text before a name,
// outside the name ("in As-" before Sweida, "in Ar-" before Raqqa).
func trimArticle(s string) string {
	if !strings.HasSuffix(s, "-") {
		return s
	}
	k := strings.LastIndexAny(s, " (") + 1
	switch strings.ToLower(s[k : len(s)-1]) {
	case "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "et", "ez", "en", "ath", "adh":
		return strings.TrimSpace(s[:k])
	}
	return s
}

// placeNouns may come between a name and its container: "Tappita town
// (Doe", "Rafi LGA (Niger", "Naushera sector area (Rajouri".
var placeNouns = map[string]bool{
	"town": true, "city": true, "village": true, "district": true, "province": true, "region": true,
	"county": true, "area": true, "state": true, "governorate": true, "municipality": true,
	"commune": true, "sector": true, "subdivision": true, "LGA": true, "tehsil": true, "taluka": true,
	"upazila": true, "department": true, "prefecture": true, "locality": true, "camp": true,
}

// partWords may come between "in" and a container: "in the southern
// countryside of".
var partWords = map[string]bool{
	"the": true, "of": true, "north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north-eastern": true, "north-western": true, "south-eastern": true, "south-western": true,
	"rural": true, "countryside": true, "outskirts": true, "suburbs": true, "part": true,
}

// articleContext is what the names of an article resolved to.
type articleContext struct {
	// countries and admin1 list, by ISO3 code and by GeoNames admin1
	// code, the names resolved into the country or division, or to it.
	countries map[string][]string
	admin1    map[string][]string
	points    []contextPoint
	// chosen returns the entry mention i resolved to, if it weighs
	// candidates and chose one.
	chosen func(i int) (gazetteer.Entry, bool)
}

// anyOther reports whether keys holds a name other than key.
func anyOther(keys []string, key string) bool {
	for _, k := range keys {
		if k != key {
			return true
		}
	}
	return false
}

// elsewhere reports whether a name other than key resolved into a country
// other than country.
func (ctx *articleContext) elsewhere(country, key string) bool {
	for c, keys := range ctx.countries {
		if c != country && anyOther(keys, key) {
			return true
		}
	}
	return false
}

// namedCountries returns the countries an article names, by name,
// nationality word, "the Syrian capital" or a mission there, leaving out country names that
// are also major places elsewhere ("Georgia"); and, of them, those it
// names otherwise than by a nationality word alone, which names an actor
// as often as a place ("Russian forces patrolled Idleb").
func namedCountries(ms []mention) (named, byName []string) {
	for i := range ms {
		m := &ms[i]
		if m.isCountry && !ambiguous(m) || m.demonym || m.capitalOf || m.mission {
			if !contains(named, m.country.ISO3) {
				named = append(named, m.country.ISO3)
			}
			if !m.demonym && !contains(byName, m.country.ISO3) {
				byName = append(byName, m.country.ISO3)
			}
		}
	}
	return named, byName
}

type contextPoint struct {
	key      string
	lat, lon float64
	cos      float64 // latCos(lat), which km needs
}

// gather finds the divisions and points the article's names resolve to,
// by ctx.chosen, in the storage of the last gathering: a pass over the
// names gathers again what the pass before chose.
func (ctx *articleContext) gather(ms []mention) {
	if ctx.countries == nil {
		ctx.countries, ctx.admin1 = map[string][]string{}, map[string][]string{}
	}
	// Emptied lists read as missing ones.
	for k, v := range ctx.countries {
		ctx.countries[k] = v[:0]
	}
	for k, v := range ctx.admin1 {
		ctx.admin1[k] = v[:0]
	}
	ctx.points = ctx.points[:0]
	for i := range ms {
		e, ok := ctx.chosen(i)
		if !ok || e.Kind == gazetteer.KindRegion {
			continue
		}
		if e.Country != "" && !contains(ctx.countries[e.Country], ms[i].key) {
			ctx.countries[e.Country] = append(ctx.countries[e.Country], ms[i].key)
		}
		if e.Admin1Code != "" && !contains(ctx.admin1[e.Admin1Code], ms[i].key) {
			ctx.admin1[e.Admin1Code] = append(ctx.admin1[e.Admin1Code], ms[i].key)
		}
		if e.Kind == gazetteer.KindCity || e.Kind == gazetteer.KindAdmin2 {
			p := contextPoint{ms[i].key, e.Lat, e.Lon, latCos(e.Lat)}
			if !slices.Contains(ctx.points, p) {
				ctx.points = append(ctx.points, p)
			}
		}
	}
}

// prior scores candidate e of mention m by the name alone: the place's
// weight, and whether the name is more often another place's.
func prior(m *mention, e gazetteer.Entry) float64 {
	s := math.Log10(e.Weight() + 10)
	// An alternate name of a major place makes it prominent unless the
	// name is a major place's own ("Puno", not Pune; "Geneva" is still
	// Genève).
	if major(e) && !(e.Alias && ownMajor(m.cands)) {
		s += majorBonus
	}
	if e.Kind == gazetteer.KindCity && namesLargerDivision(m.cands, e) {
		// "Quebec" alone is the province more often than its capital.
		s -= majorBonus
	}
	if m.sound {
		// A name matched by its sound is weaker evidence than one
		// matched as written.
		s -= soundPenalty
	}
	return s
}

// evidence scores candidate e of mention i, whose score by its name alone
// is prior, and names the evidence that weighs most beyond the name
// itself. withContext adds what the other names resolved to.
func (x *Extractor) evidence(text string, ms []mention, i int, e gazetteer.Entry, prior float64, named, byName []string, beside []int, mate []bool, ctx articleContext, withContext bool) (score float64, why reason, supported bool) {
	m := &ms[i]
	s := prior
	why, whyWeight := reason{format: reasonMajor}, 0.0
	if len(m.cands) == 1 {
		why = reason{format: reasonOnly}
	}
	add := func(w float64, r reason) {
		s += w
		if w > whyWeight {
			why, whyWeight = r, w
		}
		supported = supported || w > 0
	}
	if m.sound {
		why = reason{reasonSound, e.Name, true}
	}
	// A country named by a nationality word alone favours its places, but
	// gives a name found by its sound no support where the article's
	// other names lie in another country: the word names a force from
	// abroad ("Russian forces patrolled near Idleb").
	resolvedIn := withContext && anyOther(ctx.countries[e.Country], m.key)
	switch {
	case contains(byName, e.Country) || resolvedIn:
		add(focusBonus, reason{reasonFocus, e.Country, true})
	case contains(named, e.Country) && m.sound && withContext && ctx.elsewhere(e.Country, m.key):
		s += focusBonus
		why, whyWeight = reason{reasonFocus, e.Country, true}, focusBonus
	case contains(named, e.Country):
		add(focusBonus, reason{reasonFocus, e.Country, true})
	}
	// Beside: once the other name is resolved, only its choice counts.
	// A name beside itself ("Savar city (Savar, Dhaka)") is no evidence
	// for the same entry, only for one inside the other ("Rio de
	// Janeiro, Rio de Janeiro").
	if j := beside[i]; j >= 0 {
		self := ms[j].key == m.key
		in := inside(ms[j], e, self)
		if c, ok := ctx.chosen(j); ok && withContext {
			in = c == e && (!self || heldBy(ms, beside, ctx, j, c)) || within(c, e) || withinSeatDivision(ms[j], c, e)
		}
		if in {
			add(besideBonus, reason{reasonInside, text[ms[j].start:ms[j].end], true})
		}
	}
	if i > 0 && beside[i-1] == i {
		self := ms[i-1].key == m.key
		holds := containsAny(e, ms[i-1], self)
		if c, ok := ctx.chosen(i - 1); ok && withContext {
			holds = c == e && !self || within(e, c)
		}
		if holds {
			add(besideBonus*0.75, reason{reasonContains, text[ms[i-1].start:ms[i-1].end], true})
		}
	}
	if !withContext {
		return s, why, supported
	}
	// The items of a list are of a kind ("Virginia, Washington, West
	// Virginia and Wyoming" are states), each of up to maxListed items
	// of the list that agree counting.
	agree, first := 0, -1
	for _, step := range [2]int{-1, 1} {
		// a few items either side: a list may be as long as the text
		for j := i + step; j >= 0 && j < len(ms) && j != i+step*(2*maxListed+1) && mate[min(j, j-step)]; j += step {
			if c, ok := ctx.chosen(j); ok && ms[j].key != m.key && c.Kind == e.Kind && c.Country == e.Country {
				agree++
				if first < 0 {
					first = j
				}
			}
		}
	}
	if agree > 0 {
		add(listBonus*float64(min(agree, maxListed)), reason{reasonList, text[ms[first].start:ms[first].end], true})
	}
	if e.Admin1Code != "" && anyOther(ctx.admin1[e.Admin1Code], m.key) {
		add(admin1Bonus, reason{reasonAdmin1, e.Admin1, true})
	}
	near := math.Inf(1)
	eCos := math.NaN() // latCos(e.Lat), once a point needs it
	for _, p := range ctx.points {
		// A degree of latitude is 111 km: most points are rejected
		// without the trigonometry.
		if p.key != m.key && math.Abs(p.lat-e.Lat)*111 <= nearKm {
			if math.IsNaN(eCos) {
				eCos = latCos(e.Lat)
			}
			near = math.Min(near, kmCos(e.Lat, e.Lon, eCos, p.lat, p.lon, p.cos))
		}
	}
	if near <= nearKm {
		add(nearBonus, reason{format: reasonNear})
	}
	return s, why, supported
}

// heldBy reports whether entry c, which mention j resolved to, lies in the
// container named beside j under another name: "Rafah (Rafah, North
// Sinai)" is the Rafah of North Sinai, "Savar city (Savar, Dhaka)" no
// Swedish Savar.
func heldBy(ms []mention, beside []int, ctx articleContext, j int, c gazetteer.Entry) bool {
	k := beside[j]
	if k < 0 || ms[k].key == ms[j].key {
		return false
	}
	if d, ok := ctx.chosen(k); ok {
		return within(d, c) || withinSeatDivision(ms[k], d, c)
	}
	return inside(ms[k], c, false)
}

// ownMajor reports whether a major town or first-order division bears the
// name as its own (a second-order division is major at a town's size).
func ownMajor(cands []gazetteer.Entry) bool {
	for _, e := range cands {
		if !e.Alias && major(e) && (e.Kind == gazetteer.KindCity || e.Kind == gazetteer.KindAdmin1) {
			return true
		}
	}
	return false
}

// reason is a Place.Reason, formatted only for the candidate chosen.
type reason struct {
	format, arg string
	hasArg      bool // the format takes arg
}

func (r reason) String() string {
	if r.hasArg {
		return fmt.Sprintf(r.format, r.arg)
	}
	return r.format
}

// withinSeatDivision reports whether e lies in a division the container
// mention c may name whose seat, of the same name, c resolved to: in
// "Oleksandrivka, Donetsk", Donetsk is the province more than the city.
func withinSeatDivision(c mention, seat, e gazetteer.Entry) bool {
	if seat.Kind != gazetteer.KindCity {
		return false
	}
	for _, o := range c.cands {
		if (o.Kind == gazetteer.KindAdmin1 || o.Kind == gazetteer.KindAdmin2) && o.Country == seat.Country && o.Admin1Code == seat.Admin1Code && within(o, e) {
			return true
		}
	}
	return false
}

// namesLargerDivision reports whether a town shares its name with the
// first-order division it lies in, and the division is many times more
// populous (Quebec, Veracruz; not New York, whose city is most of its
// state's weight).
func namesLargerDivision(cands []gazetteer.Entry, town gazetteer.Entry) bool {
	for _, d := range cands {
		if d.Kind == gazetteer.KindAdmin1 && d.Admin1Code == town.Admin1Code && d.Population >= divisionRatio*town.Population {
			return true
		}
	}
	return false
}

// inside reports whether e lies in one of the places the container mention
// c may be: its country, or one of its divisions or towns; itself too,
// unless self says c is a mention of the same name.
func inside(c mention, e gazetteer.Entry, self bool) bool {
	if c.isCountry || c.demonym {
		return e.Country == c.country.ISO3
	}
	for _, o := range c.cands {
		if o == e && !self || within(o, e) {
			return true
		}
	}
	return false
}

// containsAny reports whether e contains one of the places mention m may
// be (or is one, unless self says m is a mention of the same name).
func containsAny(e gazetteer.Entry, m mention, self bool) bool {
	for _, o := range m.cands {
		if o == e && !self || within(e, o) {
			return true
		}
	}
	return false
}

// within reports whether inner lies in outer: a division's place, a town's
// quarter or suburb, a region's town.
func within(outer, inner gazetteer.Entry) bool {
	if outer.Country != inner.Country || outer.Kind == inner.Kind && outer.Name == inner.Name {
		return false
	}
	switch outer.Kind {
	case gazetteer.KindAdmin1:
		return inner.Admin1Code == outer.Admin1Code && inner.Kind != gazetteer.KindAdmin1
	case gazetteer.KindAdmin2:
		return inner.Admin1Code == outer.Admin1Code && inner.Admin2 == outer.Name && inner.Kind == gazetteer.KindCity
	case gazetteer.KindRegion:
		return true
	}
	return inner.Kind == gazetteer.KindCity && km(outer.Lat, outer.Lon, inner.Lat, inner.Lon) <= quarterKm
}

func kindFits(kind, want string) bool {
	if want == "admin" {
		return kind == gazetteer.KindAdmin1 || kind == gazetteer.KindAdmin2 || kind == gazetteer.KindRegion
	}
	return kind == gazetteer.KindCity
}

func anyFits(es []gazetteer.Entry, want string) bool {
	for _, e := range es {
		if kindFits(e.Kind, want) {
			return true
		}
	}
	return false
}

// km is the great-circle distance between two points.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	return kmCos(lat1, lon1, latCos(lat1), lat2, lon2, latCos(lat2))
}

// radian is a degree in radians.
const radian = math.Pi / 180

// latCos is the cosine of a latitude, which kmCos takes made already: a
// point is measured against many.
func latCos(lat float64) float64 { return math.Cos(lat * radian) }

// kmCos is km given the cosines of the two latitudes (latCos).
func kmCos(lat1, lon1, cos1, lat2, lon2, cos2 float64) float64 {
	dlat, dlon := (lat2-lat1)*radian, (lon2-lon1)*radian
	sinLat, sinLon := math.Sin(dlat/2), math.Sin(dlon/2)
	h := sinLat*sinLat + cos1*cos2*sinLon*sinLon
	return 12742 * math.Asin(math.Sqrt(math.Min(h, 1)))
}

func setEntry(p *sitrep.Place, e gazetteer.Entry) {
	lat, lon := e.Lat, e.Lon
	p.Name, p.Country, p.Admin1 = e.Name, e.Country, e.Admin1
	p.Lat, p.Lon = &lat, &lon
	if e.GeonameID != 0 {
		id := e.GeonameID
		p.GeonameID = &id
	}
	p.Population = e.Population
	switch e.Kind {
	case gazetteer.KindAdmin1:
		p.Kind = sitrep.PlaceAdmin1
	case gazetteer.KindAdmin2:
		p.Kind = sitrep.PlaceAdmin2
	case gazetteer.KindRegion:
		p.Kind = sitrep.PlaceRegion
	default:
		p.Kind = sitrep.PlaceCity
	}
}

func setCountry(p *sitrep.Place, c gazetteer.Country) {
	lat, lon := c.Lat, c.Lon
	p.Name, p.Country, p.Kind = c.Name, c.ISO3, sitrep.PlaceCountry
	p.Lat, p.Lon = &lat, &lon
	if c.GeonameID != 0 {
		id := c.GeonameID
		p.GeonameID = &id
	}
}
