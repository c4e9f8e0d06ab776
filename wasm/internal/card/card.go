// Package card writes a [standards.Scorecard] onto a [Tape], field for
// field as encoding/json writes it, so that the browser widget can hand
// JavaScript the very object that "civickit check --format json" prints
// without linking encoding/json and strconv's float formatting (about
// 120 KB brotli) into the WebAssembly module. The worker rebuilds the
// objects from the tape; the tests replay it as JSON text and compare it
// with encoding/json's, so a field added to the Scorecard and not here
// fails the tests. The tape is a concrete type, not an interface: dynamic
// calls for each field cost the module about 1.7 KB brotli.
package card

import "github.com/civickit/civickit/standards"

// Scorecard writes c as encoding/json would.
func Scorecard(e *Tape, c *standards.Scorecard) {
	e.BeginObject()
	str(e, "file", c.File)
	str(e, "format", c.Format)
	if c.Kind != "" {
		str(e, "kind", c.Kind)
	}
	if c.KindReason != "" {
		str(e, "kind_reason", c.KindReason)
	}
	e.Key("stats")
	stats(e, &c.Stats)
	e.Key("readability")
	readability(e, &c.Readability)
	e.Key("standards")
	if c.Standards == nil {
		e.Null()
	} else {
		e.BeginArray()
		for i := range c.Standards {
			standard(e, &c.Standards[i])
		}
		e.EndArray()
	}
	e.Key("findings")
	if c.Findings == nil {
		e.Null()
	} else {
		e.BeginArray()
		for i := range c.Findings {
			finding(e, &c.Findings[i])
		}
		e.EndArray()
	}
	num(e, "score", c.Score)
	str(e, "preset", c.Preset)
	e.EndObject()
}

func stats(e *Tape, s *standards.Stats) {
	e.BeginObject()
	num(e, "sentences", float64(s.Sentences))
	num(e, "words", float64(s.Words))
	num(e, "syllables", float64(s.Syllables))
	num(e, "letters", float64(s.Letters))
	num(e, "characters", float64(s.Characters))
	num(e, "polysyllables", float64(s.Polysyllables))
	num(e, "complex_words", float64(s.ComplexWords))
	num(e, "paragraphs", float64(s.Paragraphs))
	e.EndObject()
}

func readability(e *Tape, r *standards.Readability) {
	e.BeginObject()
	num(e, "flesch_reading_ease", r.FleschReadingEase)
	num(e, "flesch_kincaid_grade", r.FleschKincaidGrade)
	num(e, "gunning_fog", r.GunningFog)
	num(e, "smog", r.SMOG)
	num(e, "coleman_liau", r.ColemanLiau)
	num(e, "ari", r.ARI)
	num(e, "reading_age", r.ReadingAge)
	if len(r.Notes) > 0 {
		e.Key("notes")
		e.BeginArray()
		for _, n := range r.Notes {
			e.String(n)
		}
		e.EndArray()
	}
	e.EndObject()
}

func standard(e *Tape, s *standards.StandardScore) {
	e.BeginObject()
	str(e, "id", s.ID)
	str(e, "name", s.Name)
	num(e, "score", s.Score)
	e.Key("passed")
	e.Bool(s.Passed)
	if s.Detail != "" {
		str(e, "detail", s.Detail)
	}
	num(e, "weight", s.Weight)
	e.EndObject()
}

func finding(e *Tape, f *standards.Finding) {
	e.BeginObject()
	str(e, "rule", f.Rule)
	str(e, "severity", f.Severity.String())
	str(e, "message", f.Message)
	str(e, "suggestion", f.Suggestion)
	if f.Match != "" {
		str(e, "match", f.Match)
	}
	num(e, "line", float64(f.Line))
	num(e, "column", float64(f.Column))
	num(e, "offset", float64(f.Offset))
	num(e, "length", float64(f.Length))
	e.EndObject()
}

func str(e *Tape, k, v string) {
	e.Key(k)
	e.String(v)
}

func num(e *Tape, k string, v float64) {
	e.Key(k)
	e.Number(v)
}

// UTF16Spans returns, for each finding, its start and end as UTF-16 code
// unit offsets into src, which is what a textarea's selection and the
// DOM's ranges count in: findings give byte offsets. Invalid UTF-8 bytes
// count one unit each, as the browser's decoder turns each into U+FFFD.
// Findings come sorted by offset, so the starts take one pass over src
// and each end a walk over its finding's own text.
func UTF16Spans(src string, fs []standards.Finding) []int {
	out := make([]int, 2*len(fs))
	b, u := 0, 0 // the cursor: a byte offset and its UTF-16 offset
	for i, f := range fs {
		if f.Offset < b {
			b, u = 0, 0 // out of order: start again
		}
		b, u = advance(src, b, u, f.Offset)
		_, ue := advance(src, b, u, f.Offset+f.Length)
		out[2*i], out[2*i+1] = u, ue
	}
	return out
}

// advance walks src from byte b (UTF-16 offset u) to byte to, or the end.
func advance(src string, b, u, to int) (int, int) {
	for b < to && b < len(src) {
		c := src[b]
		n := 1
		switch {
		case c < 0x80:
		case c >= 0xF0 && c < 0xF8 && b+3 < len(src) && cont(src[b+1]) && cont(src[b+2]) && cont(src[b+3]):
			n, u = 4, u+1 // a surrogate pair
		case c >= 0xE0 && c < 0xF0 && b+2 < len(src) && cont(src[b+1]) && cont(src[b+2]):
			n = 3
		case c >= 0xC0 && c < 0xE0 && b+1 < len(src) && cont(src[b+1]):
			n = 2
		}
		b += n
		u++
	}
	return b, u
}

func cont(c byte) bool { return c&0xC0 == 0x80 }
