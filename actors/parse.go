package actors

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// parser finds the mentions of one sentence.
type parser struct {
	x      *Extractor
	toks   []sitrep.Token
	lw     []string
	text   string
	outlet string
	sent   int
	date   *time.Time
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
	// everyState reads every country named as an actor (Input.EveryState)
	everyState bool
	// at caches what the lexicon and the countries say of the phrases that
	// start at each token: the readings ask it of a token many times.
	at []lookups
	// key is the buffer phrase keys are built in for map look-ups.
	key []byte
}

// lookups are the phrases that start at one token of the sentence, each
// looked up once, when first asked for.
type lookups struct {
	done                                   uint8
	agentEnd, orgEnd, namedEnd, countryEnd int
	agent                                  agent
	org                                    org
	named                                  *entry
	country                                string
	demonym, capital                       string
	demonymOK, capitalOK                   bool
}

// The bits of lookups.done.
const (
	doneAgent = 1 << iota
	doneOrg
	doneNamed
	doneCountry
	doneDemonym
	doneCapital
)

// once returns the pair find gives, calling it only when bit is not yet
// set in done; the pair is kept in a and b.
func once[A, B any](done *uint8, bit uint8, a *A, b *B, find func() (A, B)) (A, B) {
	if *done&bit == 0 {
		*a, *b = find()
		*done |= bit
	}
	return *a, *b
}

// phrase returns the words [j, n) of ws joined by spaces, in p.key: a map
// indexed with string(phrase) does not copy it.
func (p *parser) phrase(ws []string, j, n int) []byte {
	p.key = appendJoined(p.key[:0], ws[j:n])
	return p.key
}

// appendJoined appends the words joined by spaces to dst.
func appendJoined(dst []byte, words []string) []byte {
	for k, w := range words {
		if k > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
}

// tokenPhrase is phrase over the tokens as written.
func (p *parser) tokenPhrase(j, n int) []byte {
	p.key = p.key[:0]
	for k := j; k < n; k++ {
		if k > j {
			p.key = append(p.key, ' ')
		}
		p.key = append(p.key, p.toks[k].Text...)
	}
	return p.key
}

// mention is an actor mention with what resolution and coding need to know
// of it.
type mention struct {
	sitrep.Actor
	sent  int    // sentence index
	title string // the title's lexicon phrase, for people ("president")
	role  string // CAMEO role code when not the sector's ("LEG", "REL")
	// prefix puts the role before the country in the CAMEO code (NGO~)
	prefix bool
	// fixed: the CAMEO code comes from an organisation or a dictionary and
	// is kept as it is
	fixed bool
	acled string // ACLED name, or a pattern with {country}
}

func (p *parser) add(m mention) {
	m.sent = p.sent
	p.out = append(p.out, m)
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
// it, or i when there is none. The readings are tried in order, the first
// that reads something wins.
func (p *parser) try(i int) int {
	for _, read := range readings {
		if n := read(p, i); n > i {
			return n
		}
	}
	return i
}

var readings = []func(*parser, int) int{
	(*parser).pronoun,
	(*parser).author,
	(*parser).longName,
	(*parser).agentPhrase,
	(*parser).namedActor,
	(*parser).namedGroup,
	(*parser).namedPerson,
	(*parser).orgMention,
	(*parser).state,
}

// longName reads a dictionary's name of two words or more before the
// grammar does ("the Prince of Dol Amroth", "UN Secretary General Ban
// Ki-moon"): the dictionary knows that actor better than its title says.
func (p *parser) longName(i int) int {
	if _, n := p.namedAt(i); n > i+1 {
		return p.namedActor(i)
	}
	return i
}

// qualifier is what stands before or after an agent noun to say whose it
// is: a country, a demonym, an organisation, a possessive pronoun, or the
// side a "pro-" word takes.
type qualifier struct {
	country string
	org     *org
	orgText string
	pronoun string // its, their, his, her
	pro     string // "pro-government" -> "government"
}

func (q *qualifier) empty() bool { return q.country == "" && q.org == nil && q.pronoun == "" }

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "our": true, "this": true, "these": true, "those": true}

var modifiers = map[string]bool{"deputy": true, "acting": true, "former": true, "senior": true, "top": true, "chief": true, "local": true,
	"regional": true, "federal": true, "national": true, "state-run": true, "first": true, "new": true, "own": true, "interim": true,
	"suspected": true, "alleged": true, "masked": true, "heavily-armed": true, "loyalist": true, "retired": true, "off-duty": true}

// backers are the second halves of hyphenated words that make the first the
// side an armed group fights for ("Iranian-backed militias", "al-Qaeda-linked
// rebels"), read as "pro-" words.
var backers = map[string]bool{"backed": true, "linked": true, "affiliated": true, "allied": true, "aligned": true, "sponsored": true,
	"supported": true, "trained": true, "funded": true, "loyal": true}

// authors are the second halves of hyphenated words that make the first who
// did it ("a Taliban-planted bomb").
var authors = map[string]bool{"planted": true, "laid": true, "fired": true, "launched": true, "placed": true, "claimed": true}

// agentPhrase recognises "[det] [qualifiers] agent-noun [of|in|for|to|from
// Q] [Name]" and a person named by apposition after it.
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
		if _, n := p.agentAt(j); n > j+1 {
			break // "national security adviser", "deputy prime minister"
		}
		if modifiers[p.lw[j]] {
			mods = append(mods, p.toks[j].Text)
			j++
			continue
		}
		// "pro-government militias", "pro-Houthi forces", "anti-government
		// protesters"
		if side, ok := strings.CutPrefix(p.lw[j], "pro-"); ok && side != "" {
			q.pro = p.toks[j].Text[4:]
			mods = append(mods, p.toks[j].Text)
			j++
			j = p.alliedSide(j)
			continue
		}
		if side, how, ok := hyphenated(p.toks[j].Text); ok && backers[how] && p.sideKnown(side) {
			q.pro = side
			mods = append(mods, p.toks[j].Text)
			j++
			continue
		}
		if strings.HasPrefix(p.lw[j], "anti-") && len(p.lw[j]) > 5 {
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
		// "Ithilen's awful and cool minister": other adjectives
		if p.plainAdjective(j) || p.lw[j] == "and" && j > i && p.plainAdjective(j-1) && p.plainAdjective(j+1) {
			j++
			continue
		}
		break
	}
	a, end := p.agentAt(j)
	if end == j {
		return i
	}
	if adjectival[a.phrase] && end < len(p.toks) && strings.HasPrefix(p.toks[end].Tag, "NN") && !isCapitalised(p.toks[end].Text) && !acts(p.headOf(end)) {
		return i // "military losses", "civilian areas", "government buildings"
	}
	// "Turkish Army forces", "Gendarmerie forces": an agent noun that
	// heads another names the same actor
	for !a.person {
		b, m := p.agentAt(end)
		if m == end || b.person || b.kind != a.kind {
			break
		}
		if adjectival[a.phrase] {
			a = b
		}
		end = m
	}
	end = p.portfolio(a, end)
	agentEnd := end
	// "the Foreign Ministry in Armenia", "spokesman for the United Nations",
	// "soldiers from Gondor"
	if end < len(p.lw) && (p.lw[end] == "of" || p.lw[end] == "in" || p.lw[end] == "for" || p.lw[end] == "to" || p.lw[end] == "from" && !a.person) {
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
	m := p.build(i, end, a, q)
	if a.person {
		m.title = a.phrase
	}
	m.Role = strings.TrimSpace(strings.Join(append(mods, p.span(firstAfter(i, det != "", len(mods)), agentEnd)), " "))
	if a.person {
		m.Role = role
		// "Armenian Prime Minister Nikol Pashinyan"
		if n := p.titledName(end); n > end && !p.roleOnly {
			m.Name = p.span(end, n)
			m.Start, m.End = p.toks[i].Start, p.toks[n-1].End
			m.Text = p.text[m.Start:m.End]
			p.add(m)
			return n
		}
		// "his Azerbaijani counterpart, Jihon Piramov"; "the UN
		// Secretary-General, Antonio Guterres,"
		if end+1 < len(p.lw) && p.lw[end] == "," && !p.roleOnly {
			k := end + 1
			if b, n := p.agentAt(k); n > k && b.person && n < len(p.toks) && isCapitalised(p.toks[k].Text) {
				k = n // "the US commander in Iraq, General David Petraeus"
			}
			if n := p.nameAt(k); n > k+1 || n > k && k > end+1 {
				m.Name = p.span(k, n)
				m.Start, m.End = p.toks[i].Start, p.toks[n-1].End
				m.Text = p.text[m.Start:m.End]
				p.add(m)
				return n
			}
		}
		if det == "" && q.empty() && len(mods) == 0 {
			return i // a bare title word ("general", "minister") names nobody
		}
		if end < len(p.toks) && strings.HasPrefix(p.toks[end].Tag, "NN") && !isCapitalised(p.toks[end].Text) {
			return i // "the general assembly": the title word modifies a noun
		}
		m.Name = strings.TrimSpace(role)
	}
	p.add(m)
	// "lawmakers and officials in Fornost": the first of two coordinated
	// agent nouns shares the qualifier of the second
	if !a.person && m.Country != "" && len(p.out) >= 2 && j == firstAfter(i, det != "", 0) && i >= 2 && p.lw[i-1] == "and" {
		if prev := &p.out[len(p.out)-2]; prev.End == p.toks[i-2].End && prev.Country == "" && prev.Kind != sitrep.KindPerson && !prev.fixed && prev.Ref == -1 {
			prev.Country = m.Country
		}
	}
	// "lawmakers in Fornost and Gondor": the agent noun is shared by
	// each country of the list
	if !a.person && q.country != "" && q.org == nil && end > agentEnd {
		for k := end; k+1 < len(p.lw) && (p.lw[k] == "and" || p.lw[k] == "," && p.listGoesOn(k+1)); {
			var q2 qualifier
			n := p.qualify(k+1, &q2)
			if n == k+1 || q2.country == "" || q2.org != nil {
				break
			}
			if _, m := p.agentAt(n); m > n || n < len(p.lw) && p.lw[n] == "'s" {
				break // "in Fornost and Gondor officials", "and Gondor's"
			}
			m2 := p.build(k+1, n, a, q2)
			m2.Role = m.Role
			p.add(m2)
			end = n
			k = n
		}
		if end > agentEnd && p.out[len(p.out)-1].Start != m.Start {
			return end
		}
	}
	// "Danish media and government": a second agent noun shares the
	// qualifier of the first
	if !a.person && !q.empty() && end+1 < len(p.lw) && p.lw[end] == "and" {
		if b, n := p.agentAt(end + 1); n > end+1 && !b.person {
			m2 := p.build(end+1, n, b, q)
			m2.Role = p.span(end+1, n)
			p.add(m2)
			return n
		}
	}
	return end
}

// listGoesOn reports whether a list whose comma comes before token k goes
// on to a coordinator: "Bree, Rohan and Gondor".
func (p *parser) listGoesOn(k int) bool {
	for n := k; n < len(p.lw) && n < k+8; n++ {
		switch p.lw[n] {
		case "and", "or":
			return true
		case ",":
		default:
			if !isCapitalised(p.toks[n].Text) {
				return false
			}
		}
	}
	return false
}

// plainAdjective reports whether token j is a lower-case adjective that is
// neither an agent noun nor a qualifier ("awful", "main", "dramatic").
func (p *parser) plainAdjective(j int) bool {
	if j >= len(p.toks) || !strings.HasPrefix(p.toks[j].Tag, "JJ") || isCapitalised(p.toks[j].Text) {
		return false
	}
	if _, n := p.agentAt(j); n > j {
		return false
	}
	return true
}

// portfolio extends a ministry or minister by the portfolio its name gives
// ("Minister of Silly Walks", "the Ministry of Magic"): capitalised words
// after "of" that name no country or organisation.
func (p *parser) portfolio(a agent, end int) int {
	last := a.phrase[strings.LastIndex(a.phrase, " ")+1:]
	switch strings.ToLower(last) {
	case "minister", "ministers", "ministry", "ministries", "department", "secretary", "office":
	default:
		return end
	}
	if end+1 >= len(p.lw) || p.lw[end] != "of" {
		return end
	}
	k := end + 1
	var q qualifier
	if p.qualify(k, &q) > k || k < len(p.lw) && p.lw[k] == "the" && p.qualify(k+1, &q) > k+1 {
		return end
	}
	n := k
	for n < len(p.toks) && (isCapitalised(p.toks[n].Text) || n > k && p.lw[n] == "and" && n+1 < len(p.toks) && isCapitalised(p.toks[n+1].Text)) {
		if p.qualify(n, &q) > n {
			break
		}
		n++
	}
	if n == k {
		return end
	}
	return n
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

// qualify reads a country name, a demonym, a capital, an organisation or a
// dictionary actor at token j into q and returns the index after it, or j.
func (p *parser) qualify(j int, q *qualifier) int {
	if j >= len(p.toks) {
		return j
	}
	// a loaded dictionary's names first, then the embedded organisations
	if e, n := p.namedAt(j); n > j {
		nc := p.x.entryCode(e, p.date)
		if nc.isCountry {
			iso, m := p.countryAt(j)
			q.country = iso
			return m
		}
		if !nc.person || !p.personLike(j, n) {
			q.org = &nc.org
			q.orgText = p.span(j, n)
			return n
		}
	}
	if _, n := p.orgAt(j); n > j {
		o := p.at[j].org // copied here, so that only a match is allocated
		q.org = &o
		q.orgText = p.span(j, n)
		return n
	}
	if !isCapitalised(p.toks[j].Text) {
		return j
	}
	if iso, ok := p.demonym(j); ok {
		q.country = iso
		return j + 1
	}
	if iso, n := p.countryAt(j); n > j {
		q.country = iso
		return n
	}
	return j
}

// countryAt matches a country name of up to four tokens at j, longest
// first, or a dictionary actor whose code is a country's.
func (p *parser) countryAt(j int) (string, int) {
	if j >= len(p.toks) {
		return "", j
	}
	c := &p.at[j]
	return once(&c.done, doneCountry, &c.country, &c.countryEnd, func() (string, int) { return p.findCountry(j) })
}

func (p *parser) findCountry(j int) (string, int) {
	dict, dn := "", j
	if e, n := p.namedAt(j); n > j {
		if nc := p.x.entryCode(e, p.date); nc.isCountry {
			dict, dn = nc.country, n
		}
	}
	for n := min(len(p.toks), j+4); n > dn; n-- {
		if !isCapitalised(p.toks[n-1].Text) && n-1 != j {
			continue
		}
		if iso, ok := p.x.countries.Country(p.span(j, n)); ok {
			return iso, n
		}
	}
	return dict, dn
}

// agentAt matches the longest agent noun or title at token j.
func (p *parser) agentAt(j int) (agent, int) {
	if j >= len(p.lw) {
		return agent{}, j
	}
	c := &p.at[j]
	return once(&c.done, doneAgent, &c.agent, &c.agentEnd, func() (agent, int) { return p.findAgent(j) })
}

func (p *parser) findAgent(j int) (agent, int) {
	longest := p.x.lex.agentFirst[p.lw[j]]
	for n := min(len(p.lw), j+longest); n > j; n-- {
		if a, ok := p.x.lex.agents[string(p.phrase(p.lw, j, n))]; ok {
			return a, n
		}
	}
	return agent{}, j
}

// orgAt matches the longest organisation at token j.
func (p *parser) orgAt(j int) (org, int) {
	if j >= len(p.lw) {
		return org{}, j
	}
	c := &p.at[j]
	return once(&c.done, doneOrg, &c.org, &c.orgEnd, func() (org, int) { return p.findOrg(j) })
}

func (p *parser) findOrg(j int) (org, int) {
	longest := p.x.lex.orgFirst[p.lw[j]]
	for n := min(len(p.lw), j+longest); n > j; n-- {
		if o, ok := p.x.lex.orgsExact[string(p.tokenPhrase(j, n))]; ok {
			return o, n
		}
		if !isCapitalised(p.toks[j].Text) {
			continue
		}
		if o, ok := p.x.lex.orgs[string(p.phrase(p.lw, j, n))]; ok {
			return o, n
		}
	}
	return org{}, j
}

// namedAt matches the longest dictionary actor at token j. A name must be
// capitalised as written ("the" may lead it); a name of three letters or
// fewer must be written in capitals, so that "us" is not the US.
func (p *parser) namedAt(j int) (*entry, int) {
	if j >= len(p.lw) {
		return nil, j
	}
	c := &p.at[j]
	return once(&c.done, doneNamed, &c.named, &c.namedEnd, func() (*entry, int) { return p.findNamed(j) })
}

func (p *parser) findNamed(j int) (*entry, int) {
	lx := p.x.lex
	if lx.namedFirst[p.lw[j]] == 0 {
		return nil, j
	}
	first := j
	if p.lw[j] == "the" && j+1 < len(p.toks) {
		first = j + 1
	}
	if !isCapitalised(p.toks[first].Text) {
		return nil, j
	}
	for n := min(len(p.lw), j+lx.namedFirst[p.lw[j]]); n > j; n-- {
		e, ok := lx.named[string(p.phrase(p.lw, j, n))]
		if !ok {
			continue
		}
		if n == first+1 && utf8.RuneCountInString(p.toks[first].Text) <= 3 && !isAcronym(p.toks[first].Text) {
			continue
		}
		return e, n
	}
	return nil, j
}

// demonym resolves token j as a nationality word.
func (p *parser) demonym(j int) (string, bool) {
	c := &p.at[j]
	return once(&c.done, doneDemonym, &c.demonym, &c.demonymOK, func() (string, bool) { return p.x.countries.Demonym(p.toks[j].Text) })
}

// capital resolves token j as a capital standing for its state.
func (p *parser) capital(j int) (string, bool) {
	c := &p.at[j]
	return once(&c.done, doneCapital, &c.capital, &c.capitalOK, func() (string, bool) { return p.x.countries.Capital(p.toks[j].Text) })
}

// span returns the text from token i to token n-1.
func (p *parser) span(i, n int) string {
	if n <= i {
		return ""
	}
	return p.text[p.toks[i].Start:p.toks[n-1].End]
}

// build builds the mention for tokens [i, end) headed by agent a.
func (p *parser) build(i, end int, a agent, q qualifier) mention {
	m := mention{Actor: sitrep.Actor{
		Start: p.toks[i].Start, End: p.toks[end-1].End,
		Kind: a.kind, Sector: a.sector, Inter: a.inter, Country: q.country, Ref: -1,
	}, role: a.role, prefix: a.prefix, acled: a.acled}
	m.Text = p.text[m.Start:m.End]
	m.Name = m.Text
	if a.person {
		m.Kind = sitrep.KindPerson
	}
	if q.org != nil {
		switch {
		case q.org.kind == sitrep.KindMedia || a.kind == sitrep.KindMedia:
			m.Kind, m.Sector, m.Inter = sitrep.KindMedia, "MED", 0
			m.Name = q.org.name
			if a.person {
				m.Kind = sitrep.KindPerson
			}
		case q.org.sector == "IGO" || q.org.sector == "NGO":
			m.Sector, m.Inter, m.Cameo, m.fixed = q.org.sector, q.org.inter, q.org.cameo, true
			if !a.person {
				m.Kind = sitrep.KindOrganization
				// "UN troops": the organisation's code with the agent's role
				if r := firstNonEmpty(a.role, cameoSector[a.sector]); r != "" && r != q.org.sector && !strings.HasSuffix(q.org.cameo, r) {
					m.Cameo += r
				}
			}
		default:
			m.Kind, m.Sector, m.Inter, m.Cameo, m.fixed = q.org.kind, q.org.sector, q.org.inter, q.org.cameo, true
			m.acled = q.org.acledName()
			if m.Country == "" {
				m.Country = q.org.country
			}
			if a.person {
				m.Kind = sitrep.KindPerson
			}
		}
	}
	if a.kind == sitrep.KindMedia && q.org == nil {
		// "our correspondent", "the correspondent": the outlet itself
		m.Name = strings.TrimSpace(p.outlet + " " + a.phrase)
	}
	if q.pronoun != "" && q.country == "" && q.org == nil {
		m.Ref = -2 // "its army": resolved against the previous mention
	}
	if q.pro != "" {
		p.pro(&m, a, q.pro)
	}
	return m
}

// pro codes forces that fight for a side without being its own ("pro-
// government militias", "pro-Houthi forces", "pro-Russian separatists"):
// armed men are a militia of that side (ACLED's political militias, inter
// 3, "Militia (Pro-Government)"), or the side's own fighters when it is an
// armed group; they take no country from the side they back.
func (p *parser) pro(m *mention, a agent, side string) {
	if a.person || a.sector != "MIL" && a.sector != "MIL_NONSTATE" && a.sector != "REB" {
		return // pro-government protesters are protesters
	}
	if m.Country != "" && m.Country == p.sideCountry(side) {
		m.Country = ""
	}
	if o, ok := p.orgIn(side); ok && o.kind == sitrep.KindState && (o.sector == "MIL" || o.sector == "POL") {
		// "pro-Hadi forces": a government's forces named by its leader
		m.Kind, m.Sector, m.Inter, m.Cameo, m.fixed = sitrep.KindState, o.sector, o.inter, o.cameo, true
		m.Country, m.acled = o.country, o.acled
		return
	}
	if o, ok := p.orgIn(side); ok && o.kind == sitrep.KindArmedGroup {
		m.Kind, m.Sector, m.Inter, m.Cameo, m.fixed = sitrep.KindArmedGroup, o.sector, o.inter, o.cameo, true
		m.Country = o.country
		m.acled = o.acledName()
		return
	}
	if a.sector == "REB" {
		return // pro-Russian separatists are separatists
	}
	m.Kind, m.Sector, m.Inter, m.role = sitrep.KindArmedGroup, "MIL_NONSTATE", 3, "UAF"
	switch strings.ToLower(side) {
	case "government", "regime", "state":
		m.acled = "Militia (Pro-Government)"
	default:
		m.acled = "Militia ({country})"
	}
}

// alliedSide returns, for "and" at j after a "pro-" word, the start of
// the agent noun that a group allied to the side comes before ("pro-Hadi
// and Popular Resistance forces", "pro-Hadi and affiliated snipers"): the
// forces are read as the first side's. Else j.
func (p *parser) alliedSide(j int) int {
	if j >= len(p.lw) || p.lw[j] != "and" {
		return j
	}
	k := j + 1
	for k < len(p.toks) && k <= j+4 && (quoteMark(p.lw[k]) || isCapitalised(p.toks[k].Text) || p.lw[k] == "affiliated" || p.lw[k] == "allied") {
		k++
	}
	if k == j+1 {
		return j
	}
	if _, n := p.agentAt(k); n > k {
		return k
	}
	return j
}

// quoteMark reports whether a token is a quotation mark.
func quoteMark(w string) bool {
	switch w {
	case "\"", "``", "''", "\u201c", "\u201d", "'":
		return true
	}
	return false
}

// sideCountry returns the country a "pro-" side names ("Russian" in
// "pro-Russian"), or "".
func (p *parser) sideCountry(side string) string {
	if iso, ok := p.x.countries.Demonym(side); ok {
		return iso
	}
	if iso, ok := p.x.countries.Country(side); ok {
		return iso
	}
	return ""
}

// orgIn looks a side ("Houthi") up among the organisations. It runs once
// a "pro-" word is read, not per token.
func (p *parser) orgIn(side string) (org, bool) {
	if o, ok := p.x.lex.orgs[phraseKey(side)]; ok {
		return o, true
	}
	if o, ok := p.x.lex.orgsExact[side]; ok {
		return o, true
	}
	// "pro-Hadi": the forces named after a leader ("Hadi forces")
	if o, ok := p.x.lex.orgs[phraseKey(side+" forces")]; ok {
		return o, true
	}
	return org{}, false
}

// adjectival are agent nouns that more often modify another noun than name
// an actor.
var adjectival = map[string]bool{"military": true, "government": true, "opposition": true, "police": true,
	"civilian": true, "administration": true, "presidency": true, "court": true, "parliament": true, "television": true,
	"regime": true, "mob": true, "radio": true, "family": true, "child": true, "youth": true, "embassy": true, "ministry": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true}

// pronoun records a subject pronoun or "the latter"/"the former", to be
// resolved to the person or state it stands for.
func (p *parser) pronoun(i int) int {
	w := p.lw[i]
	if pronouns[w] && i+1 < len(p.toks) && isVerbish(p.toks[i+1]) {
		p.add(mention{Actor: sitrep.Actor{Text: p.toks[i].Text, Start: p.toks[i].Start, End: p.toks[i].End, Name: p.toks[i].Text, Kind: sitrep.KindPerson, Ref: -3}})
		return i + 1
	}
	if w == "the" && i+1 < len(p.lw) && (p.lw[i+1] == "latter" || p.lw[i+1] == "former") {
		p.add(mention{Actor: sitrep.Actor{Text: p.span(i, i+2), Start: p.toks[i].Start, End: p.toks[i+1].End, Name: p.span(i, i+2), Kind: sitrep.KindOther, Ref: -4}})
		return i + 2
	}
	return i
}

func isVerbish(t sitrep.Token) bool {
	return strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Tag == "RB"
}

// namedActor records an actor of a loaded dictionary that is not a country
// (those are read by state and as qualifiers): a person ("Ilham Aliyev"),
// an organisation, an armed group, with the code valid on the article's
// date.
func (p *parser) namedActor(i int) int {
	e, n := p.namedAt(i)
	if n == i {
		return i
	}
	nc := p.x.entryCode(e, p.date)
	if nc.isCountry {
		return i
	}
	o := nc.org
	m := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Name: e.name, Kind: o.kind,
		Country: o.country, Sector: o.sector, Inter: o.inter, Cameo: o.cameo, Ref: -1}, fixed: true, acled: o.acledName()}
	m.Text = p.text[m.Start:m.End]
	if nc.person && p.personLike(i, n) {
		m.Kind = sitrep.KindPerson
	}
	p.add(m)
	return n
}

// personLike reports whether tokens [i, n) read as a personal name: no
// agent noun, organisation or place among them.
func (p *parser) personLike(i, n int) bool {
	if p.x.countries.Place(p.span(i, n)) {
		return false
	}
	for k := i; k < n; k++ {
		if _, ok := p.x.lex.agents[p.lw[k]]; ok || stopNames[p.lw[k]] {
			return false
		}
	}
	return true
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
				role.Name = p.span(i, n)
				role.Start, role.End = p.toks[i].Start, p.toks[n-1].End
				role.Text = p.text[role.Start:role.End]
				p.add(role)
				p.roleEnd, p.roleOf = m, len(p.out)-1
				return m
			}
			p.out = p.out[:before]
		}
	}
	if end, ok := p.namedThing(i, n); ok {
		return end
	}
	if i > 0 && locatives[p.lw[i-1]] && !p.nameCue(i, n) {
		return n // "in Barangay Minuyan Proper": a place the gazetteer lacks
	}
	if (n-i >= 2 || p.nameCue(i, n)) && !p.x.countries.Place(p.span(i, n)) {
		m := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Kind: sitrep.KindPerson, Ref: -1}}
		m.Text = p.text[m.Start:m.End]
		m.Name = m.Text
		// "spokesman for the UN Secretary-General, Antonio Guterres": the
		// name after an apposition that ends in a title holds that title
		if p.roleEnd > 0 && i == p.roleEnd+1 && p.lw[p.roleEnd] == "," {
			if a, ok := p.x.lex.agents[p.lw[p.roleEnd-1]]; ok && a.person {
				prev := p.out[p.roleOf]
				m.Country, m.Sector, m.Inter, m.Cameo, m.fixed = prev.Country, prev.Sector, prev.Inter, prev.Cameo, prev.fixed
				m.Role, m.title = p.toks[p.roleEnd-1].Text, a.phrase
			}
		}
		p.add(m)
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

// titledName returns the end of the name after a title: nameAt, where a
// dictionary actor may also be the name ("Prime Minister Romendacil").
func (p *parser) titledName(i int) int {
	if n := p.nameAt(i); n > i {
		return n
	}
	if _, n := p.namedAt(i); n > i && p.personLike(i, n) {
		if _, country := p.x.countries.Country(p.span(i, n)); !country {
			return n
		}
	}
	return i
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
	if _, ok := p.demonym(j); ok {
		return true
	}
	if _, n := p.countryAt(j); n > j {
		return true
	}
	if _, ok := p.capital(j); ok {
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
	m := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Name: o.name, Kind: o.kind, Sector: o.sector,
		Inter: o.inter, Cameo: o.cameo, Country: o.country, Ref: -1}, fixed: true, acled: o.acledName()}
	m.Text = p.text[m.Start:m.End]
	if o.kind == sitrep.KindMedia {
		m.Inter = 0
	}
	if o.kind == sitrep.KindOrganization && o.sector == "IGO" && p.headOf(n) == "arms" {
		// "a NATO airstrike": the organisation's forces
		m.Sector = "MIL"
		if !strings.HasSuffix(m.Cameo, "MIL") {
			m.Cameo += "MIL"
		}
	}
	p.add(m)
	return n
}

// acts reports whether a head word is a deed or the means of one ("a
// police raid", "army tanks"), which leaves the agent before it an actor.
func acts(head string) bool { return head == "act" || head == "arms" }

// state records a country or capital named as an actor: the subject of a
// verb ("Azerbaijan announced", "Tehran issued"), or the party of an
// interaction ("between Armenia and Azerbaijan", "a warning to Armenia").
func (p *parser) state(i int) int {
	if !isCapitalised(p.toks[i].Text) && (i+1 == len(p.toks) || !isCapitalised(p.toks[i+1].Text)) {
		return i // no name in capitals starts here
	}
	iso, n := p.countryAt(i)
	if n > i && !isCapitalised(p.toks[i].Text) && !isCapitalised(p.toks[min(i+1, n-1)].Text) {
		return i
	}
	capital := false
	if n == i {
		if !isCapitalised(p.toks[i].Text) {
			return i
		}
		if c, ok := p.capital(i); ok {
			iso, n, capital = c, i+1, true
		} else {
			return i
		}
	}
	if n < len(p.lw) && p.lw[n] == "'s" && n+1 < len(p.toks) && (strings.HasPrefix(p.toks[n+1].Tag, "NN") || strings.HasPrefix(p.toks[n+1].Tag, "JJ")) && !p.everyState {
		// "Armenia's army" is read by agentPhrase; a possessive that owns
		// nothing ("a treaty with Libya's") names the state; read as
		// PETRARCH reads, every country named is one ("Kenya's capital")
		return i
	}
	subject := p.verbFollows(n) && !(i > 0 && locatives[p.lw[i-1]])
	party := i > 0 && partyCue[p.lw[i-1]] || i > 1 && p.lw[i-1] == "neighboring" && partyCue[p.lw[i-2]] ||
		i > 1 && p.lw[i-1] == "the" && partyCue[p.lw[i-2]]
	if !subject && !(party && !capital) && !p.coordinated(i) && !p.everyState {
		return i
	}
	m := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Kind: sitrep.KindState, Country: iso, Sector: "GOV", Inter: 1, Cameo: iso, Ref: -1}, fixed: true}
	m.Text = p.text[m.Start:m.End]
	if capital {
		m.Cameo = iso + "GOV" // the government seated there
	}
	m.Name = p.x.countries.Name(iso)
	if m.Name == iso {
		m.Name = m.Text
	}
	p.add(m)
	return n
}

// coordinated reports whether token i follows "X and" or "X," where X was
// just recorded as a state ("Azerbaijan and Armenia exchanged", "Mordor,
// Rohan and Bree welcomed").
func (p *parser) coordinated(i int) bool {
	if i < 2 || p.lw[i-1] != "and" && p.lw[i-1] != "," && p.lw[i-1] != "or" || len(p.out) == 0 {
		return false
	}
	last := p.out[len(p.out)-1]
	k := i - 2
	if p.lw[i-1] == "and" && k > 0 && p.lw[k] == "," {
		k-- // "Mordor, Rohan, and Bree"
	}
	return last.Kind == sitrep.KindState && last.Sector == "GOV" && last.End == p.toks[k].End
}

var partyCue = map[string]bool{"between": true, "against": true, "by": true, "to": true, "with": true, "warned": true, "urged": true,
	"accused": true, "attacked": true, "told": true, "toward": true, "towards": true, "at": true}

// locatives before a country make it the place of something, not an actor
// ("in Syria, Assad said").
var locatives = map[string]bool{"in": true, "inside": true, "near": true, "across": true, "throughout": true, "into": true,
	"outside": true, "of": true, "from": true, "within": true, "around": true}

// verbFollows reports whether a verb follows at n, allowing auxiliaries,
// adverbs and coordinated countries ("Azerbaijan and Armenia exchanged",
// "Mordor, Rohan, Fornost and the old Bree welcomed").
func (p *parser) verbFollows(n int) bool {
	for k := n; k < len(p.toks) && k < n+12; k++ {
		t := p.toks[k]
		switch {
		case strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD":
			return true
		case t.Tag == "RB" || p.lw[k] == "and" || p.lw[k] == "," || isCapitalised(t.Text):
			continue
		case (t.Tag == "DT" || strings.HasPrefix(t.Tag, "JJ")) && k > n && (p.lw[k-1] == "and" || p.lw[k-1] == "," || p.toks[k-1].Tag == "DT" || strings.HasPrefix(p.toks[k-1].Tag, "JJ")):
			continue // "Fornost and the old Gondor welcomed"
		default:
			return false
		}
	}
	return false
}
