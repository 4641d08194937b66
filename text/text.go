// Package text is the first stage of the pipeline: it normalises the article
// text and splits it into paragraphs, headlines, sentences and tagged tokens
// with byte offsets.
package text

import (
	"iter"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/token"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text/postag"
	"github.com/sitrep-project/sitrep/text/wordtok"
)

// models are loaded once per process and shared; all are safe for
// concurrent use.
var models = sync.OnceValues(func() (*analyzer, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, err
	}
	tg, err := postag.New()
	if err != nil {
		return nil, err
	}
	return &analyzer{seg: seg, tag: tg}, nil
})

type analyzer struct {
	seg *segment.Segmenter
	tag *postag.Tagger
	// tokens are the tagger's tokens of a sentence, reused: the
	// sentence keeps copies
	tokens sync.Pool
}

// Bounds on the work one sentence can cost. The tokenizer's time grows
// with the square of a word's length and the later stages' with the square
// of a sentence's, so input that is no prose (a megabyte of dots, a list of
// numbers without a full stop) is cut down to pieces of a bounded cost.
const (
	// MaxWordBytes is the longest run of non-space bytes read as words; a
	// longer run is no word, not even a URL, and is skipped.
	MaxWordBytes = 256
	// MaxSentenceTokens is the most tokens in a sentence; a longer one is
	// split into sentences of this many tokens.
	MaxSentenceTokens = 256
	// maxSegment is the longest line handed to the sentence segmenter at
	// once; a longer line is cut at a space.
	maxSegment = 64 << 10
)

// Limits bound the work of AnalyzeWithin. Zero values set no limit.
type Limits struct {
	// MaxSentences and MaxTokens stop the analysis before the sentence that
	// would pass them.
	MaxSentences, MaxTokens int
	// Stop is called before each sentence; the analysis stops when it
	// returns true (a deadline has passed, say).
	Stop func() bool
}

// Load loads the models Analyze uses, which it otherwise does on first use;
// callers that start up several stages at once call it beside the others.
func Load() error {
	_, err := models()
	return err
}

// Analyze splits normalised text into sentences with tagged tokens. Offsets
// are into s.
func Analyze(s string) ([]sitrep.Sentence, error) {
	sents, _, err := AnalyzeWithin(s, Limits{})
	return sents, err
}

// AnalyzeWithin is Analyze within limits. The sentences returned are those
// of s[:end]: end is len(s) when the analysis ran to the end of the text,
// else the offset of the first sentence left out.
func AnalyzeWithin(s string, lim Limits) (sents []sitrep.Sentence, end int, err error) {
	a, err := models()
	if err != nil {
		return nil, 0, err
	}
	tokens := 0
	// add appends the sentence at sp and returns -1, or returns where the
	// analysis stops when a limit is reached.
	add := func(sp sitrep.Span, para int, headline bool) int {
		if lim.Stop != nil && lim.Stop() || lim.MaxSentences > 0 && len(sents) >= lim.MaxSentences {
			return sp.Start
		}
		for _, p := range a.sentence(s, sp, para, headline) {
			if lim.MaxSentences > 0 && len(sents) >= lim.MaxSentences || lim.MaxTokens > 0 && tokens+len(p.Tokens) > lim.MaxTokens {
				return p.Start
			}
			tokens += len(p.Tokens)
			sents = append(sents, p)
		}
		return -1
	}
	pi := 0
	for para := range paragraphs(s) {
		for line := range splitHeadlines(s, para) {
			if line.headline {
				if stop := add(line.Span, pi, true); stop >= 0 {
					return sents, stop, nil
				}
				continue
			}
			for piece := range segments(s, line.Span) {
				for _, ps := range a.seg.Segment(s[piece.Start:piece.End]) {
					start := piece.Start + ps.Start
					if stop := add(sitrep.Span{Start: start, End: start + len(ps.Text)}, pi, false); stop >= 0 {
						return sents, stop, nil
					}
				}
			}
		}
		pi++
	}
	return sents, len(s), nil
}

// segments cuts a line into pieces of at most maxSegment bytes, at a space
// where there is one, for the segmenter.
func segments(s string, line sitrep.Span) iter.Seq[sitrep.Span] {
	return func(yield func(sitrep.Span) bool) {
		start := line.Start
		for line.End-start > maxSegment {
			cut := start + maxSegment
			if sp := strings.LastIndexAny(s[start:cut], " \t\n"); sp > 0 {
				cut = start + sp + 1
			} else {
				for cut > start && !utf8.RuneStart(s[cut]) {
					cut--
				}
			}
			if !yield(sitrep.Span{Start: start, End: cut}) {
				return
			}
			start = cut
		}
		yield(sitrep.Span{Start: start, End: line.End})
	}
}

// sentence tokenises and tags the sentence at sp: one sentence, or several
// when it has more than MaxSentenceTokens tokens.
func (a *analyzer) sentence(s string, sp sitrep.Span, para int, headline bool) []sitrep.Sentence {
	raw := s[sp.Start:sp.End]
	buf, _ := a.tokens.Get().(*[]token.Token)
	if buf == nil {
		buf = new([]token.Token)
	}
	ptoks := wordtok.Append((*buf)[:0], WithoutLongWords(raw))
	a.tag.TagTokens(ptoks)
	toks := make([]sitrep.Token, len(ptoks))
	for i, t := range ptoks {
		toks[i] = convert(t, sp.Start)
	}
	clear(ptoks) // lets the text go
	*buf = ptoks[:0]
	a.tokens.Put(buf)
	if len(toks) <= MaxSentenceTokens {
		return []sitrep.Sentence{{Span: sp, Text: raw, Paragraph: para, Headline: headline, Tokens: toks}}
	}
	var out []sitrep.Sentence
	for len(toks) > 0 {
		n := min(len(toks), MaxSentenceTokens)
		part := sitrep.Span{Start: toks[0].Start, End: toks[n-1].End}
		out = append(out, sitrep.Sentence{Span: part, Text: s[part.Start:part.End], Paragraph: para, Headline: headline, Tokens: toks[:n:n]})
		toks = toks[n:]
	}
	return out
}

// WithoutLongWords returns s with every run of more than MaxWordBytes
// non-space bytes blanked out with spaces, so that offsets stay those of s:
// the text the stages after this one read.
func WithoutLongWords(s string) string {
	var b []byte
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !isSpace(s[i]) {
			run++
			continue
		}
		if run > MaxWordBytes {
			if b == nil {
				b = []byte(s)
			}
			for j := i - run; j < i; j++ {
				b[j] = ' '
			}
		}
		run = 0
	}
	if b == nil {
		return s
	}
	return string(b)
}

func convert(t token.Token, base int) sitrep.Token {
	return sitrep.Token{Span: sitrep.Span{Start: base + t.Start, End: base + t.End()}, Text: t.Text, Tag: t.Tag}
}

// Paragraphs returns the spans of the paragraphs of s: runs of lines
// separated by at least one blank line, trimmed of surrounding space.
func Paragraphs(s string) []sitrep.Span {
	var out []sitrep.Span
	for p := range paragraphs(s) {
		out = append(out, p)
	}
	return out
}

// paragraphs yields the spans Paragraphs returns, one at a time.
func paragraphs(s string) iter.Seq[sitrep.Span] {
	return func(yield func(sitrep.Span) bool) {
		start := -1
		lineStart := 0
		for lineStart <= len(s) {
			nl := strings.IndexByte(s[lineStart:], '\n')
			lineEnd := len(s)
			if nl >= 0 {
				lineEnd = lineStart + nl
			}
			blank := strings.TrimSpace(s[lineStart:lineEnd]) == ""
			if blank && start >= 0 {
				if !yield(trim(s, start, lineStart)) {
					return
				}
				start = -1
			} else if !blank && start < 0 {
				start = lineStart
			}
			if nl < 0 {
				break
			}
			lineStart = lineEnd + 1
		}
		if start >= 0 {
			yield(trim(s, start, len(s)))
		}
	}
}

func trim(s string, start, end int) sitrep.Span {
	for start < end && isSpace(s[start]) {
		start++
	}
	for end > start && isSpace(s[end-1]) {
		end--
	}
	return sitrep.Span{Start: start, End: end}
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

type line struct {
	sitrep.Span
	headline bool
}

// splitHeadlines splits a paragraph into its lines when a line ends without
// final punctuation: such a line is a headline or heading, not the start of
// the sentence on the next line. Lines that run on (a sentence wrapped over
// several lines) stay together.
func splitHeadlines(s string, para sitrep.Span) iter.Seq[line] {
	return func(yield func(line) bool) {
		start := para.Start
		pos := para.Start
		for pos < para.End {
			nl := strings.IndexByte(s[pos:para.End], '\n')
			end := para.End
			if nl >= 0 {
				end = pos + nl
			}
			ln := trim(s, pos, end)
			if ln.Len() > 0 && IsHeadline(s[ln.Start:ln.End]) && !runsOn(s, end, para.End) {
				if ln.Start > start {
					if before := trim(s, start, pos); before.Len() > 0 && !yield(line{Span: before}) {
						return
					}
				}
				if !yield(line{Span: ln, headline: true}) {
					return
				}
				start = end
			}
			if nl < 0 {
				break
			}
			pos = end + 1
		}
		if rest := trim(s, start, para.End); rest.Len() > 0 {
			yield(line{Span: rest})
		}
	}
}

// runsOn reports whether the line after offset end continues a sentence:
// it starts with a lower-case letter or a digit.
func runsOn(s string, end, limit int) bool {
	for i := end; i < limit; i++ {
		c := s[i]
		if isSpace(c) {
			continue
		}
		return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	return false
}

// IsHeadline reports whether a line reads as a headline: short, and not
// ending in sentence-final punctuation. A quoted line ("'State terrorism'")
// is judged by what comes before its closing quote.
func IsHeadline(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || len(l) > 200 {
		return false
	}
	last := l[len(l)-1]
	switch last {
	case '.', '!', '?', ':', ';', ',':
		return false
	case '"', '\'', ')':
		// "... ended." closes a sentence; 'State terrorism' does not
		if len(l) > 1 {
			switch l[len(l)-2] {
			case '.', '!', '?':
				return false
			}
		}
		if last == ')' && strings.HasPrefix(l, "(") {
			return true // a credit line such as "(Al Jazeera)"
		}
	}
	return true
}
