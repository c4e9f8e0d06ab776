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
	v    *vocab                // the rule set's vocabulary the memo's ids are of

	// the last analysis's arrays and syllable cache, reused: nothing
	// the scorecard holds points into them, and fewer fresh bytes a
	// score means less work for the garbage collector
	tokens    []Token
	sentences []Sentence
	ids, cids []int32
	cache     *sylCache
}

// draftBlock is one block's analysis kept by a Draft: its tokens (their
// Block field left as it was), its sentences, whose First and Last count
// from the block's first token, and its tokens' ids in the rule set's
// vocabulary (see prepare), then their case-exact ids.
type draftBlock struct {
	tokens    []Token
	sentences []Sentence
	ids       []int32
	stats     Stats // its words, syllables, letters and so on (countWords)
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
	if d.v != rs.v {
		// the memo's ids and the cache's are of the old vocabulary
		d.memo, d.v, d.cache = nil, rs.v, nil
	}
	return rs.CheckAnalysis(name, d.analyze(doc))
}

// analyze is Analyze, taking each block whose text the last version had
// from the memo, with its tokens' ids in d.v, which the tokeniser looks up
// for the others; the rules (prepare) then take them for every token.
func (d *Draft) analyze(doc *Document) *Analysis {
	n := textBytes(doc)
	a := &Analysis{Doc: doc, Tokens: d.tokens[:0], Sentences: d.sentences[:0], cache: d.cache}
	if cap(a.Tokens) < n/4+1 {
		a.Tokens = make([]Token, 0, n/4+1)
	}
	if cap(a.Sentences) < n/48+1 {
		a.Sentences = make([]Sentence, 0, n/48+1)
	}
	if a.cache == nil || len(a.cache.slots) < newSylCacheSize(n) {
		// the syllables of a word are its own: the cache holds across
		// versions
		a.cache = newSylCache(n)
	}
	cache := a.cache
	if d.v != nil {
		a.ids, a.cids = d.ids[:0], d.cids[:0]
		a.setVocab(d.v)
	}
	next := make(map[string]draftBlock, len(doc.Blocks))
	var st Stats // the counts of words and the like, block by block
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
			if d.v != nil {
				k := len(m.tokens)
				a.ids, a.cids = append(a.ids, m.ids[:k]...), append(a.cids, m.ids[k:]...)
			}
			next[text] = m
			st.add(&m.stats)
			continue
		}
		first, firstSentence := len(a.Tokens), len(a.Sentences)
		a.block(bi)
		m = draftBlock{
			tokens:    append([]Token(nil), a.Tokens[first:]...),
			sentences: append([]Sentence(nil), a.Sentences[firstSentence:]...),
		}
		if d.v != nil {
			m.ids = append(append(make([]int32, 0, 2*(len(a.ids)-first)), a.ids[first:]...), a.cids[first:]...)
		}
		for i := range m.sentences {
			m.sentences[i].First -= int32(first)
			m.sentences[i].Last -= int32(first)
		}
		m.stats = a.countWords(firstSentence, len(a.Sentences))
		st.add(&m.stats)
		next[text] = m
	}
	// finish, from the blocks' counts
	st.Sentences, st.Paragraphs = len(a.Sentences), a.paragraphs()
	a.Stats, a.cache, a.text = st, nil, ""
	a.Readability = ComputeReadability(a.Stats)
	d.tokens, d.sentences, d.cache = a.Tokens, a.Sentences, cache
	if d.v != nil {
		a.idsFor, a.vocab, a.tab = d.v, nil, nil
		d.ids, d.cids = a.ids, a.cids
	}
	d.memo = next
	return a
}
