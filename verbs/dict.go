// Package verbs reads PETRARCH verb dictionaries (the CAMEO verb patterns
// of TABARI and PETRARCH, e.g. PETRARCH-2's CAMEO.2.0.txt) and codes the
// verbs of a sentence with them: which CAMEO event a verb tells, who does it
// (the source) and to whom (the target), from the actor mentions the actors
// stage found. Nothing in sitrep needs a verb dictionary; with one loaded
// (sitrep extract --verbs FILE) the events stage codes the verbs it lists.
package verbs

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Dictionary is a set of verbs with their CAMEO codes and patterns, loaded
// from PETRARCH verb files. It is read-only once loaded and may be shared.
type Dictionary struct {
	// Name is where the dictionary came from, for messages.
	Name string
	// Warnings are the lines that were skipped, with the reason.
	Warnings []string

	forms   map[string][]*form // by the verb word's lower-case form
	synsets map[string][]string
}

// block is one "--- NAME [CODE] ---" section: its verbs share its patterns.
type block struct {
	name     string
	code     string
	patterns []*pattern
}

// form is one inflected form of a verb of a block, with the words that
// must stand right before or after it ("wire tap", "break down").
type form struct {
	head          string
	before, after []string
	code          string // the verb's own default, else its block's
	block         *block
}

// pattern is one "- PRE * POST [CODE]" line: words that must come before
// the verb, in order, and words that must follow it.
type pattern struct {
	elems  []elem // in text order, the verb at elems[verb]
	verb   int
	code   string
	weight int // literal words: the pattern with most wins
	line   int
}

type elemKind int

const (
	elemWords elemKind = iota
	elemSource
	elemTarget
	elemCompound
	elemVerb
	elemSkip // "^": the noun phrase here is passed over
)

// elem is one item of a pattern: a word or phrase (its alternatives when
// it names a synonym set), or a marker for the source, target or a
// compound actor. joined asks that the next item (in text order) follow
// without a gap.
type elem struct {
	kind   elemKind
	alts   [][]string // lower-case words; a trailing "_" means no suffix
	joined bool
}

var (
	codeRE  = regexp.MustCompile(`\[([^\]]*)\]\s*$`)
	blockRE = regexp.MustCompile(`^-{3}\s*([^\[]+?)\s*\[([^\]]*)\]`)
)

// LoadDictionary reads one or more PETRARCH verb dictionaries into one;
// for a verb several files list, the later file's block wins.
func LoadDictionary(paths ...string) (*Dictionary, error) {
	d := &Dictionary{forms: map[string][]*form{}, synsets: map[string][]string{}}
	var names []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		err = d.read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		names = append(names, filepath.Base(p))
	}
	d.Name = strings.Join(names, ", ")
	return d, nil
}

// Read reads a verb dictionary from r.
func Read(name string, r io.Reader) (*Dictionary, error) {
	d := &Dictionary{Name: name, forms: map[string][]*form{}, synsets: map[string][]string{}}
	if err := d.read(r); err != nil {
		return nil, err
	}
	return d, nil
}

// Verbs is the number of verb forms the dictionary knows.
func (d *Dictionary) Verbs() int { return len(d.forms) }

type rawPattern struct {
	text string
	line int
	b    *block
}

func (d *Dictionary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var (
		cur     *block
		synset  string
		pending []rawPattern
		fresh   = map[string][]*form{}
	)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			synset = ""
			continue
		}
		if strings.HasPrefix(line, "<!--") {
			continue
		}
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue // a comment
		}
		switch {
		case strings.HasPrefix(line, "---"):
			m := blockRE.FindStringSubmatch(line)
			if m == nil {
				d.Warnings = append(d.Warnings, fmt.Sprintf("line %d: not a verb block heading: %q", n, line))
				cur = nil
				continue
			}
			cur, synset = &block{name: m[1], code: cleanCode(m[2])}, ""
		case strings.HasPrefix(line, "&"):
			synset = strings.TrimRight(strings.Fields(line)[0], "_")
			d.synsets[synset] = nil
		case strings.HasPrefix(line, "+") && synset != "":
			d.synsets[synset] = append(d.synsets[synset], strings.TrimPrefix(line, "+"))
		case strings.HasPrefix(line, "-"):
			if cur == nil {
				d.Warnings = append(d.Warnings, fmt.Sprintf("line %d: pattern outside a verb block", n))
				continue
			}
			// synonym sets may be defined after their first use
			pending = append(pending, rawPattern{strings.TrimSpace(line[1:]), n, cur})
		default:
			if cur == nil {
				d.Warnings = append(d.Warnings, fmt.Sprintf("line %d: verb outside a verb block: %q", n, line))
				continue
			}
			for _, f := range verbForms(line, cur) {
				fresh[f.key()] = append(fresh[f.key()], f)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for _, p := range pending {
		pt, err := d.parsePattern(p.text)
		if err != nil {
			d.Warnings = append(d.Warnings, fmt.Sprintf("line %d: %v", p.line, err))
			continue
		}
		pt.line = p.line
		p.b.patterns = append(p.b.patterns, pt)
	}
	seen := map[*block]bool{}
	for k, fs := range fresh {
		d.forms[k] = fs // a later file's verb replaces an earlier's
		for _, f := range fs {
			if !seen[f.block] {
				seen[f.block] = true
				sort.SliceStable(f.block.patterns, func(i, j int) bool {
					return f.block.patterns[i].weight > f.block.patterns[j].weight
				})
			}
		}
	}
	return nil
}

// cleanCode returns a code as the file gives it, "" for none ("---").
func cleanCode(c string) string {
	c = strings.TrimSpace(c)
	if c == "---" {
		return ""
	}
	return c
}

func (f *form) key() string { return f.head }
