package standards

// Draft scores successive versions of one text as it is edited, as the
// browser widget does on each pause in typing. It keeps the tokens and
// sentences of the last version's blocks, by their text, and analyses
// again only the blocks whose text changed: a block's tokens and sentences
// depend on its text alone (no token or sentence crosses a block), so the
// scorecard is the one [Checker.CheckDocument] gives, which the tests
// hold it to, byte for byte, over random edits. The rules run over the
// whole document each time.
//
// A Draft is not safe for concurrent use; its zero value scores with the
// GOV.UK preset, as a zero Checker does.
type Draft struct {
	// Checker holds the preset and configuration; nil means a zero
	// Checker.
	Checker *Checker

	memo map[string]draftBlock // by block text: the last version's blocks
}

// draftBlock is one block's analysis kept by a Draft: its tokens (their
// Block field left as it was) and its sentences, whose First and Last
// count from the block's first token.
type draftBlock struct {
	tokens    []Token
	sentences []Sentence
}

// Check scores doc as [Checker.CheckDocument] does, analysing again only
// the blocks whose text is not that of a block of the last version.
func (d *Draft) Check(name string, doc *Document) *Scorecard {
	if d.Checker == nil {
		d.Checker = &Checker{}
	}
	rs, err := d.Checker.RuleSet()
	if err != nil {
		rs, _ = Compile("", nil, nil)
	}
	return rs.CheckAnalysis(name, d.analyze(doc))
}

// analyze is Analyze, taking each block whose text the last version had
// from the memo.
func (d *Draft) analyze(doc *Document) *Analysis {
	a := newAnalysis(doc)
	next := make(map[string]draftBlock, len(doc.Blocks))
	for bi := range doc.Blocks {
		text := doc.Blocks[bi].Text
		m, ok := next[text]
		if !ok {
			m, ok = d.memo[text]
		}
		if ok {
			off := int32(len(a.Tokens))
			for _, t := range m.tokens {
				t.Block = int32(bi)
				a.Tokens = append(a.Tokens, t)
			}
			for _, s := range m.sentences {
				s.Block = int32(bi)
				s.First += off
				s.Last += off
				a.Sentences = append(a.Sentences, s)
			}
			next[text] = m
			continue
		}
		first, firstSentence := len(a.Tokens), len(a.Sentences)
		a.block(bi)
		m = draftBlock{
			tokens:    append([]Token(nil), a.Tokens[first:]...),
			sentences: append([]Sentence(nil), a.Sentences[firstSentence:]...),
		}
		for i := range m.sentences {
			m.sentences[i].First -= int32(first)
			m.sentences[i].Last -= int32(first)
		}
		next[text] = m
	}
	d.memo = next
	a.finish()
	return a
}
