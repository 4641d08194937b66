package actors

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// hyphenated splits "Iranian-backed" into "Iranian" and "backed" (and
// "al-Qaeda-linked" into "al-Qaeda" and "linked").
func hyphenated(word string) (first, second string, ok bool) {
	i := strings.LastIndex(word, "-")
	if i <= 0 || i == len(word)-1 {
		return "", "", false
	}
	return word[:i], strings.ToLower(word[i+1:]), true
}

// sideKnown reports whether a side named in a "pro-" or "-backed" word is a
// country, a nationality or an organisation sitrep knows.
func (p *parser) sideKnown(side string) bool {
	if p.sideCountry(side) != "" {
		return true
	}
	_, ok := p.orgIn(side)
	return ok
}

// author records the actor named in a hyphenated word that says who did
// something: "a Taliban-planted bomb" (the Taliban), "a Turkish-fired shell"
// (Turkey's forces).
func (p *parser) author(i int) int {
	side, how, ok := hyphenated(p.toks[i].Text)
	if !ok || !authors[how] {
		return i
	}
	m := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[i].End, Ref: -1}}
	m.Text = p.text[m.Start:m.End]
	if o, ok := p.orgIn(side); ok {
		m.Name, m.Kind, m.Sector, m.Inter, m.Cameo, m.Country, m.fixed, m.acled = o.name, o.kind, o.sector, o.inter, o.cameo, o.country, true, o.acledName()
	} else if iso := p.sideCountry(side); iso != "" {
		m.Name, m.Kind, m.Sector, m.Inter, m.Country = side+" forces", sitrep.KindState, "MIL", 1, iso
	} else {
		return i
	}
	p.add(m)
	return i + 1
}

// namedGroup records an organisation or armed group the lexicon does not
// know, by what surrounds its name: an armed agent noun after it ("Dan Na
// Ambassagou militiamen", "Ahrar al-Sharqiyah fighters"), or "members of"
// before it ("members of Rouvikonas").
func (p *parser) namedGroup(i int) int {
	n := p.groupName(i)
	if n == i {
		return i
	}
	if a, m := p.agentAt(n); m > n && !a.person && (a.sector == "REB" || a.sector == "MIL_NONSTATE" || a.sector == "MIL" && a.kind == sitrep.KindState) {
		if adjectival[a.phrase] && m < len(p.toks) && strings.HasPrefix(p.toks[m].Tag, "NN") && !isCapitalised(p.toks[m].Text) && !acts(p.headOf(m)) {
			// "the Al Libnat military camp", "an Islah military
			// truck": the name qualifies a thing, it names no group
			return i
		}
		g := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[m-1].End, Name: p.span(i, n), Kind: sitrep.KindArmedGroup,
			Sector: a.sector, Inter: a.inter, Ref: -1}, role: a.role}
		if a.sector == "MIL" {
			// "National Resistance forces": forces under a name that is
			// no state's are an armed group of their own
			g.Sector, g.Inter, g.role = "MIL_NONSTATE", 3, "UAF"
			g.Name = p.span(i, m)
		}
		g.Text = p.text[g.Start:g.End]
		g.acled = g.Name
		p.add(g)
		return m
	}
	if i >= 2 && p.lw[i-1] == "of" && (p.lw[i-2] == "members" || p.lw[i-2] == "member" || p.lw[i-2] == "militants" || p.lw[i-2] == "fighters" || p.lw[i-2] == "supporters") {
		g := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[n-1].End, Name: p.span(i, n), Kind: sitrep.KindOrganization, Sector: "OTHER", Ref: -1}}
		g.Text = p.text[g.Start:g.End]
		if p.headOf(n-1) == "armed" || p.lw[i-2] == "militants" || p.lw[i-2] == "fighters" {
			g.Kind, g.Sector, g.Inter, g.acled = sitrep.KindArmedGroup, "MIL_NONSTATE", 3, g.Name
		}
		p.add(g)
		return n
	}
	return i
}

// groupName returns the end of a group's name at i: capitalised words,
// with the lower-case particles of Arabic and other names inside ("Ahrar al
// Sharqiyah", "Dan Na Ambassagou"), none of them a known place or word.
func (p *parser) groupName(i int) int {
	n := i
	for n < len(p.toks) && n-i < 6 {
		t := p.toks[n]
		switch {
		case isCapitalised(t.Text) && isNameWord(t.Text) && !p.isKnownWord(n):
			n++
		case n > i && particles[p.lw[n]] && n+1 < len(p.toks) && isCapitalised(p.toks[n+1].Text):
			n++
		default:
			if n > i && particles[p.lw[n-1]] {
				n--
			}
			return n
		}
	}
	return n
}

var particles = map[string]bool{"al": true, "el": true, "ad": true, "ash": true, "as": false, "bin": true, "ibn": true, "de": true,
	"del": true, "da": true, "di": true, "du": true, "la": true, "le": true, "na": true, "ul": true, "wal": true, "wa": true, "an": true}

// headOf returns what the word at token j says a name ending in it is
// (heads.tsv: place, day, org, armed), or "".
func (p *parser) headOf(j int) string {
	if j < 0 || j >= len(p.lw) {
		return ""
	}
	return p.x.lex.heads[p.lw[j]]
}

// namedThing reads the capitalised name [i, n) as a place, a day or an
// organisation when its last word, or the word after it, is such a head
// ("Paulista Avenue", "Bamenda town", "Labour Day", "Communist Party",
// "Pashtun Tahafuz Movement"); organisations are recorded. It returns the
// index after what it read and whether it did.
func (p *parser) namedThing(i, n int) (int, bool) {
	// "Green Valley Farmers Union": an organisation's name may hold
	// words the lexicon knows
	for k := n; k < len(p.toks) && k < n+4 && isCapitalised(p.toks[k].Text); k++ {
		if h := p.headOf(k); h == "org" || h == "armed" {
			n = k + 1
			break
		}
	}
	end, head := n, p.headOf(n-1)
	if head == "" && n < len(p.toks) && !isCapitalised(p.toks[n].Text) {
		if h := p.headOf(n); h == "place" || h == "day" {
			end, head = n+1, h
		}
	}
	switch head {
	case "place", "day", "act", "arms":
		return end, true
	case "org", "armed":
		if n-i < 2 && head == "org" {
			return end, true // "Party", "Group" alone
		}
		m := mention{Actor: sitrep.Actor{Start: p.toks[i].Start, End: p.toks[end-1].End, Name: p.span(i, end), Kind: sitrep.KindOrganization, Sector: "OTHER", Ref: -1}}
		if head == "armed" {
			m.Kind, m.Sector, m.Inter = sitrep.KindArmedGroup, "MIL_NONSTATE", 3
			m.acled = m.Name
		}
		m.Text = p.text[m.Start:m.End]
		p.add(m)
		return end, true
	}
	return i, false
}
