package verbs

import (
	"fmt"
	"strings"
)

// verbForms reads a verb line of a block: "HURRY {HURRIES HURRIED}",
// "+BREAK_DOWN {+BROKE_DOWN}", "WIRE_+TAP", "KLM_NOP_+RST [002]". The word
// marked "+" is the verb (the first word when none is); regular forms are
// generated, irregular ones are those in braces.
func verbForms(line string, b *block) []*form {
	code := b.code
	if m := codeRE.FindStringSubmatch(line); m != nil {
		code = cleanCode(m[1])
		line = strings.TrimSpace(line[:len(line)-len(m[0])])
	}
	var irregular []string
	if i := strings.Index(line, "{"); i >= 0 {
		j := strings.Index(line, "}")
		if j < i {
			j = len(line)
		}
		// "{+WAS_DETERMINED , +BE_DETERMINED}": commas between forms
		// separate them, they are none
		irregular = strings.FieldsFunc(line[i+1:j], func(r rune) bool { return r == ' ' || r == '\t' || r == ',' })
		line = strings.TrimSpace(line[:i])
	}
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return nil
	}
	before, head, after := splitVerb(fields[0])
	if head == "" {
		return nil
	}
	var out []*form
	add := func(before []string, h string, after []string) {
		out = append(out, &form{head: h, before: before, after: after, code: code, block: b})
	}
	for _, h := range inflect(head) {
		add(before, h, after)
	}
	for _, ir := range irregular {
		if bf, h, af := splitVerb(ir); h != "" {
			add(bf, h, af)
		}
	}
	return out
}

// splitVerb splits "WIRE_+TAP" into the words before the verb, the verb
// and the words after, lower case.
func splitVerb(phrase string) (before []string, head string, after []string) {
	words := strings.Split(strings.ToLower(phrase), "_")
	hi := -1
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			hi = i
			break
		}
	}
	if hi < 0 {
		hi = 0
	}
	var clean []string
	for i, w := range words {
		w = strings.TrimPrefix(w, "+")
		if w == "" {
			if i < hi {
				hi--
			}
			continue
		}
		clean = append(clean, w)
	}
	if hi >= len(clean) {
		return nil, "", nil
	}
	return clean[:hi], clean[hi], clean[hi+1:]
}

// inflect returns a verb's base form and its regular inflections.
func inflect(v string) []string {
	out := []string{v}
	last := v[len(v)-1]
	consonantY := strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2]))
	switch {
	case consonantY:
		out = append(out, v[:len(v)-1]+"ies", v[:len(v)-1]+"ied")
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		out = append(out, v+"es")
	default:
		out = append(out, v+"s")
	}
	switch {
	case consonantY:
	case last == 'e':
		out = append(out, v+"d")
	default:
		out = append(out, v+"ed")
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		out = append(out, v[:len(v)-2]+"ying")
	case last == 'e' && !strings.HasSuffix(v, "ee"):
		out = append(out, v[:len(v)-1]+"ing")
	default:
		out = append(out, v+"ing")
	}
	// a short verb ending consonant-vowel-consonant doubles its last
	// letter ("stop", "stopped")
	if n := len(v); n >= 3 && !strings.ContainsRune("aeiouwxy", rune(last)) &&
		strings.ContainsRune("aeiou", rune(v[n-2])) && !strings.ContainsRune("aeiou", rune(v[n-3])) {
		out = append(out, v+string(last)+"ed", v+string(last)+"ing")
	}
	return out
}

// parsePattern reads "PRE * POST [CODE]".
func (d *Dictionary) parsePattern(text string) (*pattern, error) {
	m := codeRE.FindStringSubmatch(text)
	if m == nil {
		return nil, fmt.Errorf("pattern without a code: %q", text)
	}
	p := &pattern{code: cleanCode(m[1])}
	text = strings.TrimSpace(text[:len(text)-len(m[0])])
	// PETRARCH-2's phrase brackets group words; the words stay in order
	text = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(text)
	var elems []elem
	verb := -1
	for _, tok := range strings.Fields(text) {
		parts := strings.Split(tok, "_")
		for i, w := range parts {
			joined := i < len(parts)-1 && parts[i+1] != ""
			if w == "" {
				// a trailing "_": the word before takes no suffix
				if n := len(elems); n > 0 && elems[n-1].kind == elemWords && len(elems[n-1].alts) == 1 {
					a := elems[n-1].alts[0]
					a[len(a)-1] += "_"
				}
				continue
			}
			switch {
			case w == "*":
				if verb >= 0 {
					return nil, fmt.Errorf("two verbs in %q", text)
				}
				verb = len(elems)
				elems = append(elems, elem{kind: elemVerb, joined: joined})
			case w == "$":
				elems = append(elems, elem{kind: elemSource, joined: joined})
			case w == "+":
				elems = append(elems, elem{kind: elemTarget, joined: joined})
			case w == "%":
				elems = append(elems, elem{kind: elemCompound, joined: joined})
			case w == "^":
				// a noun phrase passed over ("IFTAR IN ^ +": the place
				// after "in" is not the target)
				elems = append(elems, elem{kind: elemSkip, joined: joined})
			case strings.HasPrefix(w, "&"):
				alts, err := d.expand(strings.ToUpper(w), 0)
				if err != nil {
					return nil, err
				}
				elems = append(elems, elem{kind: elemWords, alts: alts, joined: joined})
				p.weight++
			default:
				elems = append(elems, elem{kind: elemWords, alts: [][]string{{strings.ToLower(w)}}, joined: joined})
				p.weight++
			}
		}
	}
	if verb < 0 {
		return nil, fmt.Errorf("no verb (*) in %q", text)
	}
	p.elems, p.verb = elems, verb
	return p, nil
}

// expand returns the phrases of a synonym set, lower case, with the sets
// it names expanded.
func (d *Dictionary) expand(name string, depth int) ([][]string, error) {
	name = strings.TrimRight(name, "_")
	members, ok := d.synsets[name]
	if !ok {
		return nil, fmt.Errorf("unknown synonym set %s", name)
	}
	if depth > 8 {
		return nil, fmt.Errorf("synonym set %s nests too deep", name)
	}
	var out [][]string
	for _, m := range members {
		if strings.HasPrefix(m, "&") {
			sub, err := d.expand(strings.Fields(m)[0], depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			continue
		}
		words := strings.FieldsFunc(strings.ToLower(m), func(r rune) bool { return r == ' ' || r == '_' })
		if strings.HasSuffix(m, "_") && len(words) > 0 {
			words[len(words)-1] += "_"
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out, nil
}
