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
	be, adverbs, irregular, notParticiple idSet
}

func newPassive(b rule) *passive {
	sec := sections(dataFile("passive.txt"))
	return &passive{
		rule:          b,
		be:            b.v.set(words(sec["be"])),
		adverbs:       b.v.set(words(sec["adverbs"])),
		irregular:     b.v.set(words(sec["irregular"])),
		notParticiple: b.v.set(words(sec["adjectives"])),
	}
}

// Check reports each passive construction in a.
func (r *passive) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *passive) check(p *prepared, report func(Finding)) tally {
	a := p.a
	t := tally{total: len(a.Sentences)}
	lastSent := int32(-1)
	for i := 0; i < len(a.Tokens); i++ {
		if !r.be.has(p.ids[i]) {
			continue
		}
		j := i + 1
		for k := 0; k < 2 && j < len(a.Tokens) && p.sent[j] == p.sent[i] && r.isAdverb(p, j); k++ {
			j++
		}
		if j >= len(a.Tokens) || p.sent[j] != p.sent[i] || a.Tokens[j].Block != a.Tokens[i].Block || !r.isParticiple(p, j) {
			continue
		}
		bt, pt := &a.Tokens[i], &a.Tokens[j]
		match := a.Doc.Blocks[bt.Block].Text[bt.Start:pt.End]
		report(a.Span(r.id, r.sev, int(bt.Block), int(bt.Start), int(pt.End),
			"passive voice: "+quote(match)+" does not say who does it",
			"Use the active voice and name who acts: \"the committee approved the plan\", not \"the plan was approved\"."))
		if s := p.sent[i]; s != lastSent || s < 0 {
			t.bad++
			lastSent = s
		}
		i = j
	}
	return t
}

// isAdverb reports whether token j is an adverb that may stand between a
// be-verb and its participle.
func (r *passive) isAdverb(p *prepared, j int) bool {
	if p.a.Tokens[j].Kind != TokenWord {
		return false
	}
	if r.adverbs.has(p.ids[j]) {
		return true
	}
	w := p.a.Text(j)
	return len(w) > 4 && w[len(w)-2] == 'l' && w[len(w)-1] == 'y'
}

// isParticiple reports whether token j is a past participle.
func (r *passive) isParticiple(p *prepared, j int) bool {
	if p.a.Tokens[j].Kind != TokenWord || r.notParticiple.has(p.ids[j]) {
		return false
	}
	if r.irregular.has(p.ids[j]) {
		return true
	}
	w := p.a.Text(j)
	n := len(w)
	return n >= 4 && (w[n-2]|0x20) == 'e' && (w[n-1]|0x20) == 'd'
}
