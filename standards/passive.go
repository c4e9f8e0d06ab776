package standards

import "strings"

// passive reports the passive voice: a be-verb (am, is, are, was, were,
// be, been, being, or get, got) then up to two adverbs (any word ending
// in -ly, or not, also, already ...), then a past participle: a word ending
// in -ed or an irregular participle from data/passive.txt (written, taken,
// made ...). The finding spans the be-verb to the participle.
//
// Some -ed words after a be-verb usually describe a state rather than an
// action done by someone ("we are interested", "I am pleased", "is
// involved"); they are listed in data/passive.txt and not reported, as
// are -ed words that are not participles (hundred, need). "Is based",
// "is located" and "is closed" are reported: each has an active or
// shorter form.
type passive struct {
	rule
}

func newPassive(b rule) *passive {
	b.v.tag(strings.Fields(dataPassiveBe), tagBe)
	b.v.tag(strings.Fields(dataPassiveAdverbs), tagAdverb)
	b.v.tag(strings.Fields(dataPassiveIrregular), tagIrregular)
	b.v.tag(strings.Fields(dataPassiveAdjectives), tagNotParticiple)
	return &passive{rule: b}
}

// Check reports each passive construction in a.
func (r *passive) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *passive) check(p *prepared, report func(Finding)) tally {
	a := p.a
	t := tally{total: len(a.Sentences)}
	for si := range a.Sentences {
		s := &a.Sentences[si]
		lo, hi := int(s.First), min(int(s.Last), len(a.Tokens))
		counted := false
		if a.Doc.Blocks[s.Block].Kind == BlockHeading {
			continue // "Business to be transacted": an agenda's fixed heading
		}
		resolution := isResolution(a, lo, hi)
		for i := lo; i < hi; i++ {
			if !r.v.is(p.ids[i], tagBe) {
				continue
			}
			j := i + 1
			for k := 0; k < 2 && j < hi && r.isAdverb(p, j); k++ {
				j++
			}
			if j >= hi || !r.isParticiple(p, j) {
				continue
			}
			pw := a.Text(j)
			if resolution || j+1 < hi && stative(pw, a.Text(j+1)) || naming(a, j, hi) {
				continue // "That the report be noted"; "is made up of"; "is known as", "is called the cabinet"
			}
			bt, pt := &a.Tokens[i], &a.Tokens[j]
			match := a.Doc.Blocks[bt.Block].Text[bt.Start:pt.End]
			msg := quoteMsg("passive voice: ", match, " does not say who does it")
			sugg := "Use the active voice and name who acts: \"the committee approved the plan\", not \"the plan was approved\"."
			by := j + 1
			if by+1 < hi {
				switch a.Text(by) {
				case "in", "up", "out", "off", "back", "forward":
					by++ // "can be called in by any five councillors"
				}
			}
			if actor := byActor(a, by, hi); actor != "" {
				msg = quoteMsg("passive voice: ", match, " names who acts after \"by\"")
				sugg = "Put " + actor + " first, as the one who acts."
			} else if byList(a, by) {
				msg = quoteMsg("passive voice: ", match, " names who acts in the list after \"by:\"")
				sugg = "Put those listed after \"by:\" first, as the ones who act."
			}
			report(a.Span(r.id, r.sev, int(bt.Block), int(bt.Start), int(pt.End), msg, sugg))
			if !counted {
				t.bad++
				counted = true
			}
			i = j
		}
	}
	return t
}

// isAdverb reports whether token j is an adverb that may stand between a
// be-verb and its participle.
func (r *passive) isAdverb(p *prepared, j int) bool {
	if p.a.Tokens[j].Kind != TokenWord {
		return false
	}
	if r.v.is(p.ids[j], tagAdverb) {
		return true
	}
	w := p.a.Text(j)
	return len(w) > 4 && w[len(w)-2] == 'l' && w[len(w)-1] == 'y'
}

// isParticiple reports whether token j is a past participle.
func (r *passive) isParticiple(p *prepared, j int) bool {
	if p.a.Tokens[j].Kind != TokenWord || r.v.is(p.ids[j], tagNotParticiple) {
		return false
	}
	w := p.a.Text(j)
	for k := 0; k < len(w); k++ {
		if w[k] == '-' {
			return false // "is customer-focused": a compound adjective
		}
	}
	if r.v.is(p.ids[j], tagIrregular) {
		return true
	}
	n := len(w)
	return n >= 4 && (w[n-2]|0x20) == 'e' && (w[n-1]|0x20) == 'd'
}

// isResolution reports whether tokens [lo, hi) are a council resolution
// in its fixed form, "That the report be noted" or "That the
// recommendations are approved" (after RESOLVED, "It was resolved",
// RECOMMENDED, a "Decision:" label, an item's letter "(a)", a minute
// number and its heading in capitals, or a quotation mark, or on its
// own): its passives are the form of the
// record, which an editor cannot change.
func isResolution(a *Analysis, lo, hi int) bool {
	for i := lo; i < hi && i < lo+12; i++ {
		switch a.Text(i) {
		case "That", "that":
			return true
		case "RESOLVED", "RECOMMENDED", "AGREED", "Resolved", "resolved", "It", "it", "was", "unanimously",
			"Decision", "Decisions", "Resolution", "Recommendation", "Recommendations",
			":", "-", "–", "(", ")", ".", "\"", "“", "'", "‘":
			continue // "Decision :-(a) That ...", as ModernGov's decision records label it
		}
		if i > lo && i+1 < hi && a.Text(i-1) == "(" && a.Text(i+1) == ")" && len(a.Text(i)) <= 4 {
			continue // an item's letter or number: "(a) That ...", "(iv) That ..."
		}
		if t := &a.Tokens[i]; t.Kind == TokenNumber || t.Kind == TokenWord && t.Flags&FlagAllCaps != 0 {
			continue // "1341 CHAIRMAN - Resolved - That ..."
		}
		return false
	}
	return false
}

// naming reports whether the participle at token j names something
// rather than tells of an action: "known as" ("This is known as special
// urgency"), "defined as" ("An interested person is defined as someone
// who ...") or "called" before a name ("is called the cabinet", "is
// called a general exception"), but not "called in" or "called by".
func naming(a *Analysis, j, hi int) bool {
	if j+1 >= hi {
		return false
	}
	next := a.Text(j + 1)
	switch a.Text(j) {
	case "known", "defined":
		return next == "as" // "is known as call-in", "is defined as someone who ..."
	case "called", "termed", "named":
		switch next {
		case "a", "an", "the", "\"", "“", "'", "‘":
			return true
		}
		return a.Tokens[j+1].Flags&FlagCapital != 0
	}
	return false
}

// byList reports whether "by" at token i introduces a list of actors:
// a colon follows it and a word follows the colon, in the same sentence
// ("may have been made by: the cabinet, a cabinet member or an officer")
// or as the first item of a list below.
func byList(a *Analysis, i int) bool {
	toks := a.Tokens
	return i+2 < len(toks) && a.Text(i) == "by" && toks[i+1].Block == toks[i].Block && a.Text(i+1) == ":" &&
		toks[i+2].Kind == TokenWord
}

// byActor returns the actor named after "by" at token i, up to four words
// ("the cabinet", "Cllr Ruth Okafor"), or "".
func byActor(a *Analysis, i, hi int) string {
	if i >= hi || a.Text(i) != "by" {
		return ""
	}
	b := &a.Doc.Blocks[a.Tokens[i].Block]
	start, end := -1, -1
	for k := i + 1; k < hi && k <= i+4; k++ {
		t := &a.Tokens[k]
		if t.Kind != TokenWord {
			break
		}
		w := a.Text(k)
		if start >= 0 && (w == "on" || w == "in" || w == "at" || w == "to" || w == "for" || w == "and" || w == "with") {
			break
		}
		if start < 0 {
			start = int(t.Start)
		}
		end = int(t.End)
	}
	if start < 0 {
		return ""
	}
	return b.Text[start:end]
}

// stative reports whether the participle pw and the word after it
// describe how something is, not who did it: "is made up of", "is
// divided into four sections", "is based on the survey", "is composed
// of".
func stative(pw, next string) bool {
	switch pw {
	case "made":
		return next == "up"
	case "divided":
		return next == "into"
	case "based":
		return next == "on" || next == "in" || next == "at"
	case "composed":
		return next == "of"
	}
	return false
}
