package actors

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// resolve links later mentions to the ones they stand for and carries the
// country, sector and role across: surnames to full names, titles alone
// ("the Azerbaijani president") to the person holding them, pronouns to the
// last speaker, "the latter" to the last mention, "its army" to the state
// last named. ms is in text order.
func resolve(ms []mention) {
	surnames := map[string]int{}
	for i := range ms {
		m := &ms[i]
		switch m.Ref {
		case -2: // its/their + agent noun
			m.Ref = -1
			if j := lastWith(ms, i, func(o *mention) bool { return o.Country != "" }); j >= 0 {
				m.Country = ms[j].Country
			}
			continue
		case -3: // he/she
			m.Ref = sentenceSubject(ms, i)
			if m.Ref < 0 {
				m.Ref = lastSpeaker(ms, i)
			}
		case -4: // the latter
			m.Ref = lastWith(ms, i, func(o *mention) bool { return o.sent == m.sent || o.sent == m.sent-1 })
		}
		if m.Ref >= 0 {
			inherit(m, &ms[m.Ref])
			continue
		}
		if m.Kind != sitrep.KindPerson {
			continue
		}
		if m.title == "counterpart" {
			if j := lastWith(ms, i, func(o *mention) bool {
				return o.sent == m.sent && o.Kind == sitrep.KindPerson && o.title != "" && o.title != "counterpart"
			}); j >= 0 {
				m.Sector, m.Inter, m.title = ms[j].Sector, ms[j].Inter, ms[j].title
			}
		}
		name := properName(m)
		if name == "" {
			continue
		}
		words := strings.Fields(name)
		key := strings.ToLower(words[len(words)-1])
		if j, ok := surnames[key]; ok && (len(words) == 1 || strings.EqualFold(properName(&ms[j]), name)) {
			m.Ref = j
			inherit(m, &ms[j])
			continue
		}
		if len(words) >= 2 || m.title != "" {
			surnames[key] = i
		}
	}
	// a named person whose title lacks a country takes it from a mention of
	// the same title that has one ("the Azerbaijani president" ... "President
	// Ilham Aliyev"), and the title-only mention points at the named person
	for i := range ms {
		m := &ms[i]
		if m.Kind != sitrep.KindPerson || m.title == "" || properName(m) == "" {
			continue
		}
		for j := range ms {
			o := &ms[j]
			if j == i || o.title != m.title || properName(o) != "" || o.Ref >= 0 {
				continue
			}
			if m.Country == "" && o.Country != "" && countryOnly(ms, o.Country, m.title) {
				m.Country = o.Country
				if m.fixed && m.Cameo == "" {
					m.fixed = false
				}
			}
			if o.Country == m.Country && o.Country != "" {
				o.Ref = i
			}
		}
	}
	// a title alone with no country ("the Secretary-General") stands for
	// the last person named with that title
	for i := range ms {
		m := &ms[i]
		if m.Kind != sitrep.KindPerson || m.title == "" || properName(m) != "" || m.Ref >= 0 || m.Country != "" {
			continue
		}
		if j := lastWith(ms, i, func(o *mention) bool { return o.title == m.title && properName(o) != "" }); j >= 0 {
			m.Ref = j
		}
	}
	for i := range ms {
		if r := ms[i].Ref; r >= 0 && r != i {
			inherit(&ms[i], &ms[r])
		}
	}
}

// countryOnly reports whether country is the only country any title-only
// mention of title names, so that borrowing it is safe.
func countryOnly(ms []mention, country, title string) bool {
	for i := range ms {
		if ms[i].title == title && properName(&ms[i]) == "" && ms[i].Country != "" && ms[i].Country != country {
			return false
		}
	}
	return true
}

// properName returns the personal name of a person mention, or "" for a
// title alone.
func properName(m *mention) string {
	if m.Kind != sitrep.KindPerson || m.Ref == -3 {
		return ""
	}
	if m.Role != "" && strings.EqualFold(strings.TrimSpace(m.Name), strings.TrimSpace(m.Role)) {
		return ""
	}
	return m.Name
}

// inherit copies what the referent knows into a mention that stands for it.
func inherit(m, r *mention) {
	if m.Country == "" {
		m.Country = r.Country
	}
	if m.Sector == "" || m.Kind == sitrep.KindOther || m.Ref >= 0 && r.Sector != "" {
		m.Sector, m.Inter, m.Cameo = r.Sector, r.Inter, r.Cameo
		m.role, m.prefix, m.fixed, m.acled = r.role, r.prefix, r.fixed, r.acled
	}
	if m.Kind == sitrep.KindOther || m.Kind == sitrep.KindPerson && r.Kind != sitrep.KindPerson {
		m.Kind = r.Kind
	}
	if m.Role == "" {
		m.Role = r.Role
	}
	if n := properName(r); n != "" {
		m.Name = n
	} else if m.Ref >= 0 {
		m.Name = r.Name
	}
	if m.title == "" {
		m.title = r.title
	}
}

// lastWith returns the index of the last mention before i that ok accepts,
// or -1.
func lastWith(ms []mention, i int, ok func(*mention) bool) int {
	for j := i - 1; j >= 0; j-- {
		if ok(&ms[j]) {
			return j
		}
	}
	return -1
}

// lastSpeaker returns the mention a subject pronoun stands for: the first
// person or media mention of the latest earlier sentence that has one, which
// is where news names its speaker.
func lastSpeaker(ms []mention, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ms[j].sent == ms[i].sent {
			continue
		}
		s := ms[j].sent
		first := -1
		for k := j; k >= 0 && ms[k].sent == s; k-- {
			if speakerKind(&ms[k]) {
				first = k
			}
		}
		if first >= 0 {
			if r := ms[first].Ref; r >= 0 {
				return r
			}
			return first
		}
	}
	return -1
}

// sentenceSubject returns the first person mention of i's own sentence
// before it ("Aliyev announced the capture of X, which he described as"),
// or -1.
func sentenceSubject(ms []mention, i int) int {
	for j := i - 1; j >= 0 && ms[j].sent == ms[i].sent; j-- {
		if ms[j].Kind == sitrep.KindPerson && ms[j].Ref != -3 && (j == 0 || ms[j-1].sent != ms[i].sent) {
			if r := ms[j].Ref; r >= 0 {
				return r
			}
			return j
		}
	}
	return -1
}

func speakerKind(m *mention) bool {
	return m.Kind == sitrep.KindPerson || m.Kind == sitrep.KindMedia
}

// placeCountries gives the actors that name no country of their own
// ("protesters", "the police", "civilians", "gunmen") the country where they
// act, as ACLED names them: of the places named in their sentence, the one
// whose country the article names most (the nearest on a tie), else the
// country the article's places name most. People, organisations, the media
// and mentions that stand for another keep what they have; the CAMEO code,
// which records what the text says, is not changed.
func (x *Extractor) placeCountries(ms []mention, in Input) {
	if len(in.Places) == 0 {
		return
	}
	var own []sitrep.Place // places that are not themselves actor mentions
	for _, p := range in.Places {
		if p.Country == "" || p.Cue == "demonym" || p.Kind == sitrep.PlaceCountry && adjectivalUse(in, p) {
			continue
		}
		sp := sitrep.Span{Start: p.Start, End: p.End}
		actor := false
		for i := range ms {
			if ms[i].Kind != sitrep.KindCivilians && sp.Overlaps(sitrep.Span{Start: ms[i].Start, End: ms[i].End}) {
				actor = true
				break
			}
		}
		if !actor {
			own = append(own, p)
		}
	}
	count := map[string]int{}
	focus := ""
	for _, p := range own {
		count[p.Country]++
		if focus == "" || count[p.Country] > count[focus] {
			focus = p.Country
		}
	}
	for i := range ms {
		m := &ms[i]
		// transnational armed groups are named by where they act
		// ("Islamic State (Iraq)"); other organisations keep their code's
		if m.Country != "" || m.Ref >= 0 || m.fixed && m.Kind != sitrep.KindArmedGroup || m.Inter == 0 {
			continue
		}
		switch m.Kind {
		case sitrep.KindPerson, sitrep.KindMedia, sitrep.KindOrganization:
			continue
		}
		if m.Sector == "IGO" || m.Sector == "NGO" || m.Sector == "MED" {
			continue
		}
		m.Country = focus
		if m.sent >= len(in.Sentences) {
			continue
		}
		sent := in.Sentences[m.sent].Span
		best := -1
		for j, p := range own {
			if !sent.Contains(sitrep.Span{Start: p.Start, End: p.End}) {
				continue
			}
			if best < 0 || count[p.Country] > count[own[best].Country] ||
				count[p.Country] == count[own[best].Country] && distance(p, m) < distance(own[best], m) {
				best = j
			}
		}
		if best >= 0 {
			m.Country = own[best].Country
		}
	}
}

// adjectivalUse reports whether a country name modifies the noun after it
// ("the US dollar", "a Russia visit"), naming no place where anyone acts.
func adjectivalUse(in Input, p sitrep.Place) bool {
	for _, s := range in.Sentences {
		if !s.Span.Contains(sitrep.Span{Start: p.Start, End: p.End}) {
			continue
		}
		for k, t := range s.Tokens {
			if t.Start >= p.End {
				return strings.HasPrefix(t.Tag, "NN") && !isCapitalised(t.Text) && k > 0
			}
		}
	}
	return false
}

func distance(p sitrep.Place, m *mention) int {
	if p.Start >= m.End {
		return p.Start - m.End
	}
	return max(0, m.Start-p.End)
}
