package actors

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Dictionary is a set of named actors and agent nouns loaded from a file, to
// be used on top of the embedded lexicon (see New). Two formats are read:
//
//   - PETRARCH/Phoenix actor and agent dictionaries (the TABARI-derived
//     format of the Open Event Data Alliance): "NAME_WITH_UNDERSCORES
//     [CODE]", synonyms on "+" lines, date-ranged codes on indented lines
//     ("[AZEGOV 030804-031104]", "[HOB <950601]", "[HOBREB >990816]"),
//     agents as "NOUN {PLURAL} [~ROLE]" or "[ROLE~]", substitution sets
//     ("!PERSON! = MAN, MEN, ...").
//   - sitrep's own TSV (files ending in .tsv), the format of the embedded
//     orgs.tsv with optional date columns; see docs/actors.md.
//
// A Dictionary is read-only once loaded and may be shared by Extractors.
type Dictionary struct {
	// Name is where the dictionary came from, for messages.
	Name string
	// Warnings are the lines that were skipped, with the reason.
	Warnings []string

	actors []*entry
	agents []dictAgent
}

// entry is a named actor: its phrases and the codes it takes over time.
type entry struct {
	phrases []string // lexicon keys (see phraseKey)
	name    string   // display name
	codes   []dated
	// explicit values from a TSV row; zero means "derive from the code"
	kind, sector, acled string
	inter               int
	hasInter            bool
}

// dated is one code of an entry with the dates it applies to. A zero from
// or until leaves that end open; def marks a code without restriction,
// used when no dated code applies.
type dated struct {
	code        string
	from, until time.Time
	def         bool
}

// dictAgent is an agent noun from a dictionary: "cleric" [~REL], "MSF"
// [NGO~].
type dictAgent struct {
	phrase string
	role   string // CAMEO role code: REL, GOVMED, NGO
	prefix bool   // the role goes before the actor's code (NGO~)
}

// LoadDictionary reads a dictionary file: sitrep TSV when the name ends in
// .tsv, a PETRARCH/Phoenix dictionary otherwise.
func LoadDictionary(path string) (*Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".tsv") {
		return ReadTSV(f, path)
	}
	return ReadPetrarch(f, path)
}

// codeAt returns the entry's code on date d (nil: no date known). Dated
// codes are tried in the order the file lists them and the first that
// covers d wins, as in PETRARCH; else the undated code applies. Without a
// date the undated code applies, else the code valid last.
func (e *entry) codeAt(d *time.Time) (string, bool) {
	def, hasDef := "", false
	for _, c := range e.codes {
		if c.def {
			if !hasDef {
				def, hasDef = c.code, true
			}
			continue
		}
		if d != nil && (c.from.IsZero() || !d.Before(c.from)) && (c.until.IsZero() || !d.After(c.until)) {
			return c.code, true
		}
	}
	if hasDef || d != nil {
		return def, hasDef
	}
	var best *dated
	for i := range e.codes {
		c := &e.codes[i]
		if best == nil || c.until.IsZero() || !best.until.IsZero() && c.until.After(best.until) {
			best = c
		}
	}
	if best == nil {
		return "", false
	}
	return best.code, true
}

// ReadPetrarch reads a PETRARCH/Phoenix actor or agent dictionary. Entries
// whose code holds "~" are agents; the others are actors. Comments ("#",
// ";", "<!-- -->") and blank lines are skipped; a malformed date range is
// skipped with a warning.
func ReadPetrarch(r io.Reader, name string) (*Dictionary, error) {
	d := &Dictionary{Name: name}
	subst := map[string][]string{}
	var cur *entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	inComment := false
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Text()
		s, still := stripComments(raw, inComment)
		inComment = still
		if strings.TrimSpace(s) == "" {
			continue
		}
		warn := func(format string, args ...any) {
			d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
		}
		indented := s[0] == ' ' || s[0] == '\t'
		s = strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(s, "!") && strings.Contains(s, "="):
			// "!PERSON! = MAN, MEN, WOMAN"
			k, v, _ := strings.Cut(s, "=")
			var forms []string
			for _, f := range strings.Split(v, ",") {
				if f = strings.TrimSpace(f); f != "" {
					forms = append(forms, f)
				}
			}
			subst[strings.TrimSpace(k)] = forms
			continue
		case strings.HasPrefix(s, "+"):
			if cur == nil {
				warn("synonym %q before any entry", s)
				continue
			}
			phrase, code := splitCode(s[1:])
			if phrase != "" {
				cur.phrases = append(cur.phrases, petrarchKey(phrase))
			}
			if code != "" {
				if dc, ok := parseDated(code); ok {
					cur.codes = append(cur.codes, dc)
				}
			}
			continue
		case indented && strings.HasPrefix(s, "["):
			if cur == nil {
				warn("code %q before any entry", s)
				continue
			}
			_, code := splitCode(s)
			dc, ok := parseDated(code)
			if !ok {
				warn("bad code or date restriction %q", code)
				continue
			}
			cur.codes = append(cur.codes, dc)
			continue
		}
		phrase, code := splitCode(s)
		if phrase == "" {
			continue
		}
		if strings.Contains(code, "~") {
			cur = nil
			d.addPetrarchAgent(phrase, code, subst)
			continue
		}
		cur = &entry{name: displayName(phrase)}
		cur.phrases = append(cur.phrases, petrarchKey(phrase))
		if code != "" {
			if dc, ok := parseDated(code); ok {
				cur.codes = append(cur.codes, dc)
			} else {
				warn("bad code %q", code)
			}
		}
		d.actors = append(d.actors, cur)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// addPetrarchAgent adds an agent line: "COPTIC_CHRISTIAN {} [~CHRCPT]",
// "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]", "CONGRESS!PERSON! [~LEG]".
func (d *Dictionary) addPetrarchAgent(phrase, code string, subst map[string][]string) {
	code = strings.Join(strings.Fields(code), "")
	role, prefix := strings.TrimPrefix(code, "~"), false
	if strings.HasSuffix(code, "~") {
		role, prefix = strings.TrimSuffix(code, "~"), true
	}
	plurals, explicit := []string(nil), false
	if i := strings.Index(phrase, "{"); i >= 0 {
		j := strings.Index(phrase[i:], "}")
		if j < 0 {
			j = len(phrase) - i - 1
		}
		explicit = true
		plurals = append(plurals, strings.Fields(phrase[i+1:i+j])...)
		phrase = strings.TrimSpace(phrase[:i])
	}
	var forms []string
	if k := strings.Index(phrase, "!"); k >= 0 {
		if m := strings.Index(phrase[k+1:], "!"); m >= 0 {
			marker := phrase[k : k+m+2]
			for _, f := range subst[marker] {
				forms = append(forms, strings.Replace(phrase, marker, f, 1))
			}
		}
	} else {
		forms = append(forms, phrase)
		if !explicit {
			forms = append(forms, plural(phrase))
		}
		forms = append(forms, plurals...)
	}
	for _, f := range forms {
		d.agents = append(d.agents, dictAgent{phrase: petrarchKey(f), role: strings.ToUpper(role), prefix: prefix})
	}
}

// plural forms the regular plural PETRARCH generates: +S, Y to IES, SS to
// SSES.
func plural(s string) string {
	u := strings.ToUpper(s)
	switch {
	case strings.HasSuffix(u, "SS"):
		return s + "ES"
	case strings.HasSuffix(u, "Y") && !strings.HasSuffix(u, "AY") && !strings.HasSuffix(u, "EY") && !strings.HasSuffix(u, "OY"):
		return s[:len(s)-1] + "IES"
	}
	return s + "S"
}

// stripComments removes "#", ";" and "<!-- -->" comments from a line;
// inComment says a multi-line XML comment is open, and the second result
// whether one still is at the end of the line.
func stripComments(s string, inComment bool) (string, bool) {
	var b strings.Builder
	for len(s) > 0 {
		if inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				return b.String(), true
			}
			s, inComment = s[i+3:], false
			continue
		}
		i := strings.IndexAny(s, "#;<")
		if i < 0 {
			b.WriteString(s)
			break
		}
		switch s[i] {
		case '<':
			if !strings.HasPrefix(s[i:], "<!") {
				b.WriteString(s[:i+1])
				s = s[i+1:]
				continue
			}
			b.WriteString(s[:i])
			s, inComment = s[i:], true
			if j := strings.Index(s, "--"); j >= 0 && j < 4 {
				s = s[j+2:]
			} else {
				s = s[2:]
			}
		default:
			b.WriteString(s[:i])
			return b.String(), false
		}
	}
	return b.String(), inComment
}

// splitCode splits "NAME_OF_ACTOR [CODE ...]" into the phrase and what the
// brackets hold.
func splitCode(s string) (phrase, code string) {
	i := strings.Index(s, "[")
	if i < 0 {
		return strings.TrimSpace(s), ""
	}
	j := strings.Index(s[i:], "]")
	if j < 0 {
		j = len(s) - i
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : i+j])
}

// petrarchKey turns a dictionary phrase ("ILHAM_ALIYEV_", "Minas Tirith")
// into the lexicon key of the tokens it matches.
func petrarchKey(p string) string {
	return phraseKey(strings.ReplaceAll(p, "_", " "))
}

// displayName turns "ILHAM_ALIYEV_" into "Ilham Aliyev".
func displayName(p string) string {
	ws := strings.Fields(strings.ReplaceAll(p, "_", " "))
	for i, w := range ws {
		if isAcronym(w) && len(w) > 1 && !strings.ContainsAny(w, "AEIOU") || strings.Contains(w, ".") {
			continue // "U.S.", "NPA"
		}
		ws[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
	}
	return strings.Join(ws, " ")
}

// parseDated reads a code with an optional date restriction: "AZEGOV",
// "AZEGOV 030804-031104", "HOB < 950601", "HOBREB >990816". As in
// PETRARCH, the limits are included ("<" is "on or before"). Null codes
// ("---") give an empty code.
func parseDated(s string) (dated, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return dated{}, false
	}
	// "ELR/GAL" codes an actor as several; sitrep keeps the first
	code, _, _ := strings.Cut(strings.ToUpper(f[0]), "/")
	if strings.Trim(code, "-+#") == "" {
		code = ""
	}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return dated{code: code, def: true}, true
	}
	dc := dated{code: code}
	var err error
	switch {
	case rest[0] == '<':
		dc.until, err = parseDictDate(rest[1:])
	case rest[0] == '>':
		dc.from, err = parseDictDate(rest[1:])
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return dated{}, false
		}
		if dc.from, err = parseDictDate(a); err == nil {
			dc.until, err = parseDictDate(b)
		}
	}
	return dc, err == nil
}

// parseDictDate reads YYYYMMDD or YYMMDD; two-digit years below 30 are in
// the 2000s, the others in the 1900s.
func parseDictDate(s string) (time.Time, error) {
	switch len(s) {
	case 8:
		return time.Parse("20060102", s)
	case 6:
		yy, err := strconv.Atoi(s[:2])
		if err != nil {
			return time.Time{}, err
		}
		century := "19"
		if yy < 30 {
			century = "20"
		}
		return time.Parse("20060102", century+s)
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYYMMDD or YYMMDD", s)
}

// ReadTSV reads sitrep's own dictionary format: the columns of the embedded
// orgs.tsv (aliases, name, kind, sector, cameo, inter) followed by optional
// from, until (YYYY-MM-DD, either may be empty) and acled_name. Rows that
// share their aliases and name are one actor with several dated codes. A
// cameo code with "~" ("~GOV", "NGO~") makes the row an agent noun.
func ReadTSV(r io.Reader, name string) (*Dictionary, error) {
	d := &Dictionary{Name: name}
	byKey := map[string]*entry{}
	err := readRows(r, 5, 9, func(_ int, f []string) error {
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		aliases, cameo := f[0], strings.ToUpper(f[4])
		if strings.Contains(cameo, "~") {
			for _, a := range strings.Split(aliases, "|") {
				d.addPetrarchAgent(a+" {}", cameo, nil)
			}
			return nil
		}
		dc := dated{code: cameo, def: f[6] == "" && f[7] == ""}
		var err error
		if f[6] != "" {
			if dc.from, err = parseISODate(f[6]); err != nil {
				return fmt.Errorf("from: %w", err)
			}
		}
		if f[7] != "" {
			if dc.until, err = parseISODate(f[7]); err != nil {
				return fmt.Errorf("until: %w", err)
			}
		}
		key := aliases + "\t" + f[1]
		e := byKey[key]
		if e == nil {
			e = &entry{name: f[1], kind: f[2], sector: strings.ToUpper(f[3]), acled: f[8]}
			if e.name == "" {
				e.name = strings.Split(aliases, "|")[0]
			}
			if f[5] != "" {
				if e.inter, err = strconv.Atoi(f[5]); err != nil || e.inter < 0 || e.inter > 8 {
					return fmt.Errorf("inter %q: want 0 to 8", f[5])
				}
				e.hasInter = true
			}
			for _, a := range strings.Split(aliases, "|") {
				if a = strings.TrimSpace(a); a != "" {
					e.phrases = append(e.phrases, phraseKey(a))
				}
			}
			byKey[key] = e
			d.actors = append(d.actors, e)
		}
		e.codes = append(e.codes, dc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w (columns: aliases, name, kind, sector, cameo[, inter, from, until, acled_name])", name, err)
	}
	return d, nil
}

func parseISODate(s string) (time.Time, error) {
	return time.Parse(time.DateOnly, strings.TrimSpace(s))
}
