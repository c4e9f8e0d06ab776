package standards

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
	sec := sections(dataFile("passive.txt"))
	b.v.tag(words(sec["be"]), tagBe)
	b.v.tag(words(sec["adverbs"]), tagAdverb)
	b.v.tag(words(sec["irregular"]), tagIrregular)
	b.v.tag(words(sec["adjectives"]), tagNotParticiple)
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
			bt, pt := &a.Tokens[i], &a.Tokens[j]
			match := a.Doc.Blocks[bt.Block].Text[bt.Start:pt.End]
			report(a.Span(r.id, r.sev, int(bt.Block), int(bt.Start), int(pt.End),
				quoteMsg("passive voice: ", match, " does not say who does it"),
				"Use the active voice and name who acts: \"the committee approved the plan\", not \"the plan was approved\"."))
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
	if r.v.is(p.ids[j], tagIrregular) {
		return true
	}
	w := p.a.Text(j)
	n := len(w)
	return n >= 4 && (w[n-2]|0x20) == 'e' && (w[n-1]|0x20) == 'd'
}
