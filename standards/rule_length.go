package standards

// sentenceLength reports sentences with more words than the preset allows
// (25 for GOV.UK). The finding spans the sentence.
type sentenceLength struct {
	rule
	max int
}

// Check reports each long sentence in a.
func (r *sentenceLength) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *sentenceLength) check(p *prepared, report func(Finding)) tally {
	a := p.a
	t := tally{total: len(a.Sentences)}
	if r.max <= 0 {
		return t
	}
	for i := range a.Sentences {
		s := &a.Sentences[i]
		if int(s.Words) <= r.max {
			continue
		}
		t.bad++
		report(a.Span(r.id, r.sev, int(s.Block), int(s.Start), int(s.End),
			"sentence has "+itoa(int(s.Words))+" words: keep sentences to "+itoa(r.max)+" words or fewer",
			"Split it into shorter sentences, one idea in each."))
	}
	return t
}

// paragraphLength reports paragraphs with more sentences or words than the
// preset allows. Headings, list items and table cells are not paragraphs.
// The finding spans the paragraph's sentences.
type paragraphLength struct {
	rule
	maxSentences, maxWords int
}

// Check reports each long paragraph in a.
func (r *paragraphLength) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *paragraphLength) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	for i := 0; i < len(a.Sentences); {
		b := a.Sentences[i].Block
		j, words := i, 0
		for ; j < len(a.Sentences) && a.Sentences[j].Block == b; j++ {
			words += int(a.Sentences[j].Words)
		}
		first, last, n := &a.Sentences[i], &a.Sentences[j-1], j-i
		i = j
		if int(b) >= len(a.Doc.Blocks) || a.Doc.Blocks[b].Kind != BlockParagraph {
			continue
		}
		t.total++
		var msg string
		switch {
		case r.maxSentences > 0 && n > r.maxSentences:
			msg = "paragraph has " + itoa(n) + " sentences: keep paragraphs to " + itoa(r.maxSentences) + " sentences or fewer"
		case r.maxWords > 0 && words > r.maxWords:
			msg = "paragraph has " + itoa(words) + " words: keep paragraphs to " + itoa(r.maxWords) + " words or fewer"
		default:
			continue
		}
		t.bad++
		report(a.Span(r.id, r.sev, int(b), int(first.Start), int(last.End), msg,
			"Break it into shorter paragraphs, or use a list."))
	}
	return t
}
