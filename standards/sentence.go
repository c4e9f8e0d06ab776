package standards

import (
	"unicode"
	"unicode/utf8"
)

// Abbreviation classes: whether the full stop of an abbreviation may also
// end a sentence.
const (
	abbrevInner    = 1 // never ends a sentence: titles (Cllr., Dr.), e.g., No. 5
	abbrevTerminal = 2 // ends a sentence when a capitalised word follows: etc., p.m.
)

// abbrevs lists abbreviations common in UK council text, lower case with
// their final full stop.
var abbrevs = map[string]uint8{
	"cllr.": abbrevInner, "cllrs.": abbrevInner, "mr.": abbrevInner, "mrs.": abbrevInner,
	"ms.": abbrevInner, "mx.": abbrevInner, "dr.": abbrevInner, "prof.": abbrevInner,
	"rev.": abbrevInner, "revd.": abbrevInner, "st.": abbrevInner, "messrs.": abbrevInner,
	"capt.": abbrevInner, "col.": abbrevInner, "lt.": abbrevInner, "sgt.": abbrevInner,
	"insp.": abbrevInner, "supt.": abbrevInner, "hon.": abbrevInner, "rt.": abbrevInner,
	"no.": abbrevInner, "nos.": abbrevInner, "vol.": abbrevInner, "p.": abbrevInner,
	"pp.": abbrevInner, "para.": abbrevInner, "paras.": abbrevInner, "fig.": abbrevInner,
	"ref.": abbrevInner, "tel.": abbrevInner, "approx.": abbrevInner, "cf.": abbrevInner,
	"vs.": abbrevInner, "v.": abbrevInner, "e.g.": abbrevInner, "i.e.": abbrevInner,
	"viz.": abbrevInner, "incl.": abbrevInner, "min.": abbrevInner, "max.": abbrevInner,
	"sec.": abbrevInner, "s.": abbrevInner, "ss.": abbrevInner, "reg.": abbrevInner,
	"art.": abbrevInner, "ch.": abbrevInner, "cl.": abbrevInner, "sch.": abbrevInner,
	"etc.": abbrevTerminal, "a.m.": abbrevTerminal, "p.m.": abbrevTerminal, "ltd.": abbrevTerminal,
	"inc.": abbrevTerminal, "co.": abbrevTerminal, "dept.": abbrevTerminal, "govt.": abbrevTerminal,
	"est.": abbrevTerminal, "jan.": abbrevTerminal, "feb.": abbrevTerminal, "mar.": abbrevTerminal,
	"apr.": abbrevTerminal, "jun.": abbrevTerminal, "jul.": abbrevTerminal, "aug.": abbrevTerminal,
	"sept.": abbrevTerminal, "oct.": abbrevTerminal, "nov.": abbrevTerminal, "dec.": abbrevTerminal,
	"u.k.": abbrevTerminal, "u.s.": abbrevTerminal, "a.o.b.": abbrevTerminal, "aob.": abbrevInner,
}

// abbrevClass returns the class of an abbreviation w (with its final full
// stop), followed in the text by rest; 0 when w is not an abbreviation.
func abbrevClass(w, rest string) uint8 {
	if len(w) == 2 && 'A' <= w[0] && w[0] <= 'Z' {
		return abbrevInner // an initial: J. Smith
	}
	if len(w) > 8 {
		return 0
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	class := abbrevs[string(buf[:len(w)])]
	switch string(buf[:len(w)]) {
	case "no.", "nos.", "p.", "pp.", "s.", "ss.", "v.", "para.", "paras.", "reg.", "art.", "ch.", "cl.", "sch.", "fig.", "vol.":
		// Only before a number: "No. 5", "s. 100A"; "say no." ends a sentence.
		k := 0
		for k < len(rest) && rest[k] == ' ' {
			k++
		}
		if k == 0 || k >= len(rest) || !isDigit(rest[k]) {
			return 0
		}
	}
	return class
}

// isAbbrev reports whether w, ending in a full stop and followed by rest,
// is an abbreviation.
func isAbbrev(w, rest string) bool { return abbrevClass(w, rest) != 0 }

// isTerminal reports whether a punctuation token ends a sentence when a
// sentence start follows.
func isTerminal(p string) bool {
	switch p[0] {
	case '.', '!', '?':
		return true
	}
	return p == "\u2026" || len(p) > 3 && p[:3] == "\u2026"
}

// isCloser reports whether a token closes a quotation or bracket.
func isCloser(p string) bool {
	switch p {
	case ")", "]", "}", "\"", "'", "\u201d", "\u2019", "\u00bb":
		return true
	}
	return false
}

// isOpener reports whether a token opens a quotation or bracket.
func isOpener(p string) bool {
	switch p {
	case "(", "[", "\"", "'", "\u201c", "\u2018", "\u00ab":
		return true
	}
	return false
}

// startsSentence reports whether token k can begin a sentence: a word
// starting with a capital or a non-letter, a number, or an opening quote or
// bracket.
func (a *Analysis) startsSentence(k int) bool {
	t := &a.Tokens[k]
	switch t.Kind {
	case TokenNumber, TokenURL, TokenEmail:
		return true
	case TokenWord:
		r, _ := utf8.DecodeRuneInString(a.Text(k))
		return t.Flags&FlagCapital != 0 || !isLowerRune(r)
	case TokenPunct:
		p := a.Text(k)
		return isOpener(p) || p == "-" || p == "\u2013" || p == "\u2022"
	}
	return true
}

func isLowerRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return r != utf8.RuneError && unicode.IsLower(r)
}

// segment splits the tokens of block bi, from index first, into sentences.
func (a *Analysis) segment(bi int32, first int) {
	end := len(a.Tokens)
	start := first
	for k := first; k < end; k++ {
		t := &a.Tokens[k]
		boundary := false
		switch {
		case t.Kind == TokenPunct && isTerminal(a.Text(k)):
			// Closing quotes and brackets stay with the sentence they end.
			for k+1 < end && a.Tokens[k+1].Kind == TokenPunct && a.Tokens[k+1].Start == a.Tokens[k].End && isCloser(a.Text(k+1)) {
				k++
			}
			boundary = k+1 < end && a.Tokens[k+1].Start > a.Tokens[k].End && a.startsSentence(k+1)
		case t.Flags&FlagAbbrev != 0 && k+1 < end && a.Tokens[k+1].Start > t.End:
			text := a.Text(k)
			nt := &a.Tokens[k+1]
			switch {
			case abbrevClass(text, "") == abbrevTerminal:
				boundary = nt.Kind == TokenWord && nt.Flags&FlagCapital != 0 && nt.Flags&FlagAbbrev == 0
			case len(text) == 2 && nt.Kind == TokenWord:
				// A capital and a full stop is an initial (J. Smith) unless
				// a word that starts sentences and is no surname follows:
				// "We keep Plan B. The old route stays."
				boundary = sentenceStarters[a.Text(k+1)]
			}
		}
		if boundary {
			a.addSentence(bi, start, k+1)
			start = k + 1
		}
	}
	if start < end {
		a.addSentence(bi, start, end)
	}
}

// addSentence records tokens [from, to) of block bi as a sentence if it has
// a word or number.
func (a *Analysis) addSentence(bi int32, from, to int) {
	words := int32(0)
	for k := from; k < to; k++ {
		if kd := a.Tokens[k].Kind; kd == TokenWord || kd == TokenNumber {
			words++
		}
	}
	if words == 0 {
		return
	}
	a.Tokens[firstWord(a.Tokens[from:to])+from].Flags |= FlagSentence
	a.Sentences = append(a.Sentences, Sentence{
		Block: bi, Start: a.Tokens[from].Start, End: a.Tokens[to-1].End,
		First: int32(from), Last: int32(to), Words: words,
	})
}

func firstWord(ts []Token) int {
	for i := range ts {
		if ts[i].Kind == TokenWord || ts[i].Kind == TokenNumber {
			return i
		}
	}
	return 0
}

// sentenceStarters are capitalised words that often start a sentence and
// are not surnames, so an "initial" before them ends a sentence.
var sentenceStarters = map[string]bool{
	"The": true, "This": true, "That": true, "These": true, "Those": true, "It": true, "Its": true,
	"We": true, "Our": true, "You": true, "Your": true, "They": true, "Their": true, "There": true,
	"He": true, "She": true, "His": true, "Her": true, "I": true, "If": true, "In": true, "On": true,
	"At": true, "For": true, "But": true, "And": true, "So": true, "A": true, "An": true, "All": true,
	"When": true, "What": true, "How": true, "Why": true, "Where": true, "Please": true, "Then": true,
}
