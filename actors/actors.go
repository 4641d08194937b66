// Package actors is the pipeline stage that finds who acts, is acted on or
// speaks: states, their forces and offices, people introduced by a title or
// an apposition, organisations, armed groups, civilians and the media. Each
// mention is resolved to a country, a sector, an ACLED inter code and a
// CAMEO actor code, and later mentions (a surname, a title alone, a pronoun,
// "the latter") point back to the mention they stand for.
package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	// Name returns a country's common English name.
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

// New returns an Extractor that resolves countries through c.
func New(c Countries) (*Extractor, error) {
	lex, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	return &Extractor{lex: lex, countries: c}, nil
}

// Extract returns the actor mentions of an article in text order. outlet is
// the publishing outlet, which "our correspondent" and "the <outlet>
// correspondent" stand for.
func (x *Extractor) Extract(text string, sents []sitrep.Sentence, outlet string) []sitrep.Actor {
	var ms []mention
	surnames := map[string]bool{}
	for si := range sents {
		s := &sents[si]
		p := parser{x: x, toks: s.Tokens, lw: lowerWords(s.Tokens), text: text, outlet: outlet, sent: si, surnames: surnames}
		p.run()
		for _, m := range p.out {
			if n := properName(&m); m.Kind == sitrep.KindPerson && strings.Contains(n, " ") {
				f := strings.Fields(n)
				surnames[f[len(f)-1]] = true
			}
		}
		ms = append(ms, p.out...)
	}
	resolve(ms)
	out := make([]sitrep.Actor, len(ms))
	for i := range ms {
		out[i] = ms[i].Actor
		x.code(&out[i])
	}
	return out
}

func lowerWords(toks []sitrep.Token) []string {
	lw := make([]string, len(toks))
	for i, t := range toks {
		lw[i] = strings.ToLower(t.Text)
	}
	return lw
}

// parser finds the mentions of one sentence.
type parser struct {
	x      *Extractor
	toks   []sitrep.Token
	lw     []string
	text   string
	outlet string
	sent   int
	out    []mention
	// the token index after the last apposition read, and the mention it
	// described
	roleEnd, roleOf int
	// surnames of the people named so far in the article, so that a
	// surname alone is a mention ("Guterres had made two calls")
	surnames map[string]bool
	// roleOnly makes agentPhrase read a title without the name after it,
	// for an apposition ("X, spokesman for the UN Secretary-General, Y")
	roleOnly bool
}

// mention is an actor mention with what resolution needs to know of it.
type mention struct {
	sitrep.Actor
	sent  int    // sentence index
	title string // the title's lexicon phrase, for people ("president")
}

func (p *parser) add(a sitrep.Actor, title string) {
	p.out = append(p.out, mention{Actor: a, sent: p.sent, title: title})
}

func (p *parser) run() {
	for i := 0; i < len(p.toks); {
		if n := p.try(i); n > i {
			i = n
			continue
		}
		i++
	}
}

// try recognises a mention starting at token i and returns the index after
// it, or i when there is none.
func (p *parser) try(i int) int {
	if n := p.pronoun(i); n > i {
		return n
	}
	if n := p.agentPhrase(i); n > i {
		return n
	}
	if n := p.namedPerson(i); n > i {
		return n
	}
	if n := p.orgMention(i); n > i {
		return n
	}
	return p.state(i)
}

// qualifier is what stands before or after an agent noun to say whose it
// is: a country, a demonym, an organisation, a possessive pronoun.
type qualifier struct {
	country string
	org     *org
	orgText string
	pronoun string // its, their, his, her
}

func (q *qualifier) empty() bool { return q.country == "" && q.org == nil && q.pronoun == "" }

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "our": true, "this": true, "these": true, "those": true}

var modifiers = map[string]bool{"deputy": true, "acting": true, "former": true, "senior": true, "top": true, "chief": true, "local": true, "regional": true, "federal": true, "national": true, "state-run": true, "pro-government": true, "government": false, "first": true, "new": true, "own": true, "official": false, "interim": true, "de": false}

// agentPhrase recognises "[det] [qualifiers] agent-noun [of|in|for Q] [Name]"
// and a person named by apposition after it.
func (p *parser) agentPhrase(i int) int {
	j := i
	var q qualifier
	det := ""
	if j < len(p.lw) && determiners[p.lw[j]] {
		det = p.lw[j]
		if det == "its" || det == "his" || det == "her" || det == "their" {
			q.pronoun = det
		}
		j++
	}
	var mods []string
	for j < len(p.toks) {
		if modifiers[p.lw[j]] {
			mods = append(mods, p.toks[j].Text)
			j++
			continue
		}
		if n := p.qualify(j, &q); n > j {
			j = n
			if j < len(p.lw) && p.lw[j] == "'s" {
				j++
			}
			continue
		}
		break
	}
	a, end := p.agentAt(j)
	if end == j {
		return i
	}
	if adjectival[a.phrase] && end < len(p.toks) && strings.HasPrefix(p.toks[end].Tag, "NN") && !isCapitalised(p.toks[end].Text) {
		return i // "military losses", "civilian areas", "government buildings"
	}
	agentEnd := end
	// "the Foreign Ministry in Armenia", "spokesman for the United Nations"
	if end < len(p.lw) && (p.lw[end] == "of" || p.lw[end] == "in" || p.lw[end] == "for" || p.lw[end] == "to") {
		k := end + 1
		if k < len(p.lw) && p.lw[k] == "the" {
			k++
		}
		var q2 qualifier
		if n := p.qualify(k, &q2); n > k {
			// "assistant to the President of Azerbaijan": a title of a
			// title belongs to that title's country
			if q2.country != "" || q2.org != nil {
				q.country, q.org, q.orgText = firstNonEmpty(q.country, q2.country), orgOr(q.org, q2.org), q.orgText+q2.orgText
				end = n
				// "spokesman for the UN Secretary-General"
				if b, m := p.agentAt(n); m > n && b.person {
					end = m
				}
			}
		} else if a.person {
			if b, n := p.agentAt(k); n > k && b.person {
				end = n
				if n < len(p.lw) && p.lw[n] == "of" {
					var q3 qualifier
					if m := p.qualify(n+1, &q3); m > n+1 {
						q.country, q.org = firstNonEmpty(q.country, q3.country), orgOr(q.org, q3.org)
						end = m
					} else if m := p.qualify(n+2, &q3); n+2 < len(p.lw) && p.lw[n+1] == "the" && m > n+2 {
						q.country, q.org = firstNonEmpty(q.country, q3.country), orgOr(q.org, q3.org)
						end = m
					}
				}
			}
		}
	}
	role := p.span(i, end)
	if det != "" {
		role = p.span(i+1, end)
	}
	act := p.build(i, end, a, q)
	title := ""
	if a.person {
		title = a.phrase
	}
	act.Role = strings.TrimSpace(strings.Join(append(mods, p.span(firstAfter(i, det != "", len(mods)), agentEnd)), " "))
	if a.person {
		act.Role = role
		// "Armenian Prime Minister Nikol Pashinyan"
		if n := p.nameAt(end); n > end && !p.roleOnly {
			act.Name = p.span(end, n)
			act.Start, act.End = p.toks[i].Start, p.toks[n-1].End
			act.Text = p.text[act.Start:act.End]
			p.add(act, title)
			return n
		}
		// "his Azerbaijani counterpart, Jihon Piramov"; "the UN
		// Secretary-General, Antonio Guterres,"
		if end+1 < len(p.lw) && p.lw[end] == "," && !p.roleOnly {
			if n := p.nameAt(end + 1); n > end+2 {
				act.Name = p.span(end+1, n)
				act.Start, act.End = p.toks[i].Start, p.toks[n-1].End
				act.Text = p.text[act.Start:act.End]
				p.add(act, title)
				return n
			}
		}
		if det == "" && q.empty() && len(mods) == 0 {
			return i // a bare title word ("general", "minister") names nobody
		}
		if end < len(p.toks) && strings.HasPrefix(p.toks[end].Tag, "NN") && !isCapitalised(p.toks[end].Text) {
			return i // "the general assembly": the title word modifies a noun
		}
		act.Name = strings.TrimSpace(role)
	}
	p.add(act, title)
	return end
}

func firstAfter(i int, det bool, mods int) int {
	if det {
		i++
	}
	return i + mods
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func orgOr(a, b *org) *org {
	if a != nil {
		return a
	}
	return b
}

// qualify reads a country name, a demonym, a capital or an organisation at
// token j into q and returns the index after it, or j.
func (p *parser) qualify(j int, q *qualifier) int {
	if j >= len(p.toks) {
		return j
	}
	if o, n := p.orgAt(j); n > j {
		q.org = &o
		q.orgText = p.span(j, n)
		return n
	}
	if !isCapitalised(p.toks[j].Text) {
		return j
	}
	if iso, ok := p.x.countries.Demonym(p.toks[j].Text); ok {
		q.country = iso
		return j + 1
	}
	if iso, n := p.countryAt(j); n > j {
		q.country = iso
		return n
	}
	return j
}

// countryAt matches a country name of up to four tokens at j, longest first.
func (p *parser) countryAt(j int) (string, int) {
	for n := min(len(p.toks), j+4); n > j; n-- {
		if !isCapitalised(p.toks[n-1].Text) && n-1 != j {
			continue
		}
		if iso, ok := p.x.countries.Country(p.span(j, n)); ok {
			return iso, n
		}
	}
	return "", j
}

func (p *parser) agentAt(j int) (agent, int) {
	if j >= len(p.lw) || !p.x.lex.agentFirst[p.lw[j]] {
		return agent{}, j
	}
	for n := min(len(p.lw), j+p.x.lex.agentLen); n > j; n-- {
		if a, ok := p.x.lex.agents[strings.Join(p.lw[j:n], " ")]; ok {
			return a, n
		}
	}
	return agent{}, j
}

func (p *parser) orgAt(j int) (org, int) {
	if j >= len(p.lw) || !p.x.lex.orgFirst[p.lw[j]] {
		return org{}, j
	}
	for n := min(len(p.lw), j+p.x.lex.orgLen); n > j; n-- {
		if o, ok := p.x.lex.orgsExact[p.joinTokens(j, n)]; ok {
			return o, n
		}
		if !isCapitalised(p.toks[j].Text) {
			continue
		}
		if o, ok := p.x.lex.orgs[strings.Join(p.lw[j:n], " ")]; ok {
			return o, n
		}
	}
	return org{}, j
}

func (p *parser) joinTokens(j, n int) string {
	parts := make([]string, 0, n-j)
	for _, t := range p.toks[j:n] {
		parts = append(parts, t.Text)
	}
	return strings.Join(parts, " ")
}

// span returns the text from token i to token n-1.
func (p *parser) span(i, n int) string {
	if n <= i {
		return ""
	}
	return p.text[p.toks[i].Start:p.toks[n-1].End]
}

// build builds the actor for tokens [i, end) headed by agent a.
func (p *parser) build(i, end int, a agent, q qualifier) sitrep.Actor {
	act := sitrep.Actor{
		Start: p.toks[i].Start, End: p.toks[end-1].End,
		Kind: a.kind, Sector: a.sector, Inter: a.inter, Country: q.country, Ref: -1,
	}
	act.Text = p.text[act.Start:act.End]
	act.Name = act.Text
	if a.person {
		act.Kind = sitrep.KindPerson
	}
	if q.org != nil {
		switch {
		case q.org.kind == sitrep.KindMedia || a.kind == sitrep.KindMedia:
			act.Kind, act.Sector, act.Inter = sitrep.KindMedia, "MED", 0
			act.Name = q.org.name
			if a.person {
				act.Kind = sitrep.KindPerson
			}
		case q.org.sector == "IGO" || q.org.sector == "NGO":
			act.Sector, act.Inter, act.Cameo = q.org.sector, q.org.inter, q.org.cameo
			if !a.person {
				act.Kind = sitrep.KindOrganization
			}
		default:
			act.Kind, act.Sector, act.Inter, act.Cameo = q.org.kind, q.org.sector, q.org.inter, q.org.cameo
		}
	}
	if a.kind == sitrep.KindMedia && q.org == nil {
		// "our correspondent", "the correspondent": the outlet itself
		act.Name = strings.TrimSpace(p.outlet + " " + a.phrase)
	}
	if q.pronoun != "" && q.country == "" && q.org == nil {
		act.Ref = -2 // "its army": resolved against the previous mention
	}
	return act
}

// adjectival are agent nouns that more often modify another noun than name
// an actor.
var adjectival = map[string]bool{"military": true, "government": true, "opposition": true, "police": true,
	"civilian": true, "administration": true, "presidency": true, "court": true, "parliament": true, "television": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true}

// pronoun records a subject pronoun or "the latter"/"the former", to be
// resolved to the person or state it stands for.
func (p *parser) pronoun(i int) int {
	w := p.lw[i]
	if pronouns[w] && i+1 < len(p.toks) && isVerbish(p.toks[i+1]) {
		p.add(sitrep.Actor{Text: p.toks[i].Text, Start: p.toks[i].Start, End: p.toks[i].End, Name: p.toks[i].Text, Kind: sitrep.KindPerson, Ref: -3}, "")
		return i + 1
	}
	if w == "the" && i+1 < len(p.lw) && (p.lw[i+1] == "latter" || p.lw[i+1] == "former") {
		p.add(sitrep.Actor{Text: p.span(i, i+2), Start: p.toks[i].Start, End: p.toks[i+1].End, Name: p.span(i, i+2), Kind: sitrep.KindOther, Ref: -4}, "")
		return i + 2
	}
	return i
}

func isVerbish(t sitrep.Token) bool {
	return strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Tag == "RB"
}

// namedPerson recognises a name followed by an apposition ("Hikmat Hajiyev,
// assistant to the President of Azerbaijan"), or by a verb of saying, or a
// surname already introduced.
func (p *parser) namedPerson(i int) int {
	n := p.nameAt(i)
	if n == i {
		return i
	}
	// apposition
	if n+1 < len(p.lw) && p.lw[n] == "," {
		before := len(p.out)
		p.roleOnly = true
		m := p.agentPhrase(n + 1)
		p.roleOnly = false
		if m > n+1 && len(p.out) > before {
			role := p.out[len(p.out)-1]
			if role.Kind == sitrep.KindPerson && role.Name == strings.TrimSpace(role.Role) {
				p.out = p.out[:before]
				act := role.Actor
				act.Name = p.span(i, n)
				act.Start, act.End = p.toks[i].Start, p.toks[n-1].End
				act.Text = p.text[act.Start:act.End]
				p.add(act, role.title)
				p.roleEnd, p.roleOf = m, len(p.out)-1
				return m
			}
			p.out = p.out[:before]
		}
	}
	if (n-i >= 2 || p.nameCue(i, n)) && !p.x.countries.Place(p.span(i, n)) {
		act := sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Kind: sitrep.KindPerson, Ref: -1}
		act.Text = p.text[act.Start:act.End]
		act.Name = act.Text
		title := ""
		// "spokesman for the UN Secretary-General, Antonio Guterres": the
		// name after an apposition that ends in a title holds that title
		if p.roleEnd > 0 && i == p.roleEnd+1 && p.lw[p.roleEnd] == "," {
			if a, ok := p.x.lex.agents[p.lw[p.roleEnd-1]]; ok && a.person {
				prev := p.out[p.roleOf]
				act.Country, act.Sector, act.Inter, act.Cameo = prev.Country, prev.Sector, prev.Inter, prev.Cameo
				act.Role, title = p.toks[p.roleEnd-1].Text, a.phrase
			}
		}
		p.add(act, title)
		return n
	}
	return i
}

// nameCue reports whether a single capitalised word reads as a person: it is
// followed by a verb of saying, or it is the surname of someone named before.
func (p *parser) nameCue(i, n int) bool {
	return n < len(p.lw) && sayVerbs[p.lw[n]] || n == i+1 && p.surnames[p.toks[i].Text]
}

var sayVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true, "announced": true, "stressed": true, "asked": true, "noted": true, "emphasized": true, "emphasised": true, "warned": true, "explained": true, "pointed": true, "confirmed": true, "denied": true, "urged": true, "wrote": true, "tweeted": true, "reported": true}

// nameAt returns the end of a personal name starting at token i: one to four
// capitalised words that are not places, titles, months or function words.
func (p *parser) nameAt(i int) int {
	n := i
	for n < len(p.toks) && n-i < 4 {
		t := p.toks[n]
		if !isCapitalised(t.Text) || !isNameWord(t.Text) || p.isKnownWord(n) {
			break
		}
		n++
	}
	return n
}

// isKnownWord reports whether token j is a word sitrep knows as something
// other than a name: a title, an agent noun, an organisation, a country, a
// demonym, a month or weekday, a function word.
func (p *parser) isKnownWord(j int) bool {
	w := p.lw[j]
	if stopNames[w] {
		return true
	}
	if _, ok := p.x.lex.agents[w]; ok {
		return true
	}
	if _, n := p.orgAt(j); n > j {
		return true
	}
	if _, ok := p.x.countries.Demonym(p.toks[j].Text); ok {
		return true
	}
	if _, n := p.countryAt(j); n > j {
		return true
	}
	if _, ok := p.x.countries.Capital(p.toks[j].Text); ok {
		return true
	}
	return false
}

// stopNames are capitalised words that begin sentences or name dates, never
// people.
var stopNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an this that these those it its he she they we i you his her their our
	on in at of for from to with by since after before during as and but or if when while where who what which
	today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
	january february march april june july august september october november december
	also meanwhile however earlier later there here both all some many several other another each
	commenting speaking according following despite although because so then now recently
	mr mrs ms dr sir madam`) {
		m[w] = true
	}
	return m
}()

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isNameWord(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '.':
		default:
			return false
		}
	}
	return letters >= 2
}

// orgMention records an organisation named on its own ("the United Nations
// condemned").
func (p *parser) orgMention(i int) int {
	j := i
	if p.lw[j] == "the" {
		j++
	}
	o, n := p.orgAt(j)
	if n == j {
		return i
	}
	act := sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Name: o.name, Kind: o.kind, Sector: o.sector, Inter: o.inter, Cameo: o.cameo, Ref: -1}
	act.Text = p.text[act.Start:act.End]
	if o.kind == sitrep.KindMedia {
		act.Inter = 0
	}
	p.add(act, "")
	return n
}

// state records a country or capital named as an actor: the subject of a
// verb ("Azerbaijan announced", "Tehran issued"), or the party of an
// interaction ("between Armenia and Azerbaijan", "a warning to Armenia").
func (p *parser) state(i int) int {
	if !isCapitalised(p.toks[i].Text) {
		return i
	}
	iso, n := p.countryAt(i)
	capital := false
	if n == i {
		if c, ok := p.x.countries.Capital(p.toks[i].Text); ok {
			iso, n, capital = c, i+1, true
		} else {
			return i
		}
	}
	if n < len(p.lw) && p.lw[n] == "'s" {
		return i // "Armenia's army" is read by agentPhrase
	}
	subject := p.verbFollows(n)
	party := i > 0 && partyCue[p.lw[i-1]] || i > 1 && p.lw[i-1] == "neighboring" && partyCue[p.lw[i-2]]
	if !subject && !(party && !capital) && !p.coordinated(i) {
		return i
	}
	act := sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Kind: sitrep.KindState, Country: iso, Sector: "GOV", Inter: 1, Ref: -1}
	act.Text = p.text[act.Start:act.End]
	act.Name = p.x.countries.Name(iso)
	p.add(act, "")
	return n
}

// coordinated reports whether token i follows "X and" where X was just
// recorded as a state ("Azerbaijan and Armenia exchanged").
func (p *parser) coordinated(i int) bool {
	if i < 2 || p.lw[i-1] != "and" || len(p.out) == 0 {
		return false
	}
	last := p.out[len(p.out)-1]
	return last.Kind == sitrep.KindState && last.End == p.toks[i-2].End
}

var partyCue = map[string]bool{"between": true, "against": true, "by": true, "to": true, "with": true, "warned": true, "urged": true, "accused": true, "attacked": true, "told": true}

// verbFollows reports whether a verb follows at n, allowing auxiliaries,
// adverbs and a coordinated country ("Azerbaijan and Armenia exchanged").
func (p *parser) verbFollows(n int) bool {
	for k := n; k < len(p.toks) && k < n+6; k++ {
		t := p.toks[k]
		switch {
		case strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD":
			return true
		case t.Tag == "RB" || p.lw[k] == "and" || isCapitalised(t.Text):
			continue
		default:
			return false
		}
	}
	return false
}
