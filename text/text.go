// Package text is the first stage of the pipeline: it normalises the article
// text and splits it into paragraphs, headlines, sentences and tagged tokens
// with byte offsets.
package text

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/sitrep-project/sitrep"
)

// models are loaded once per process and shared; all are safe for
// concurrent use.
var models = sync.OnceValues(func() (*analyzer, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, err
	}
	tg, err := tag.New()
	if err != nil {
		return nil, err
	}
	return &analyzer{seg: seg, tok: tokenize.New(), tag: tg}, nil
})

type analyzer struct {
	seg *segment.Segmenter
	tok *tokenize.Tokenizer
	tag *tag.Tagger
}

// Analyze splits normalised text into sentences with tagged tokens. Offsets
// are into s.
func Analyze(s string) ([]sitrep.Sentence, error) {
	a, err := models()
	if err != nil {
		return nil, err
	}
	var out []sitrep.Sentence
	for pi, para := range Paragraphs(s) {
		for _, line := range splitHeadlines(s, para) {
			if line.headline {
				out = append(out, a.sentence(s, line.Span, pi, true))
				continue
			}
			for _, ps := range a.seg.Segment(s[line.Start:line.End]) {
				start := line.Start + ps.Start
				out = append(out, a.sentence(s, sitrep.Span{Start: start, End: start + len(ps.Text)}, pi, false))
			}
		}
	}
	return out, nil
}

func (a *analyzer) sentence(s string, sp sitrep.Span, para int, headline bool) sitrep.Sentence {
	raw := s[sp.Start:sp.End]
	ptoks := a.tok.Tokenize(raw)
	a.tag.TagTokens(ptoks)
	toks := make([]sitrep.Token, len(ptoks))
	for i, t := range ptoks {
		toks[i] = convert(t, sp.Start)
	}
	return sitrep.Sentence{Span: sp, Text: raw, Paragraph: para, Headline: headline, Tokens: toks}
}

func convert(t token.Token, base int) sitrep.Token {
	return sitrep.Token{Span: sitrep.Span{Start: base + t.Start, End: base + t.End()}, Text: t.Text, Tag: t.Tag}
}

// Paragraphs returns the spans of the paragraphs of s: runs of lines
// separated by at least one blank line, trimmed of surrounding space.
func Paragraphs(s string) []sitrep.Span {
	var out []sitrep.Span
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
			out = append(out, trim(s, start, lineStart))
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
		out = append(out, trim(s, start, len(s)))
	}
	return out
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
func splitHeadlines(s string, para sitrep.Span) []line {
	var out []line
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
				if before := trim(s, start, pos); before.Len() > 0 {
					out = append(out, line{Span: before})
				}
			}
			out = append(out, line{Span: ln, headline: true})
			start = end
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	if rest := trim(s, start, para.End); rest.Len() > 0 {
		out = append(out, line{Span: rest})
	}
	return out
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
