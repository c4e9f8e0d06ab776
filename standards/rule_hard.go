package standards

// hardSentence reports sentences that the Hemingway editor marks very
// hard to read. Hemingway grades a sentence of 14 words or more by the
// Automated Readability Index, rounded:
//
//	grade = 4.71·(letters / words) + 0.5·words − 21.43
//
// with letters the characters of its words (in bytes, with their inner
// hyphens and apostrophes, as Hemingway counts every character but
// spaces; numbers, addresses and punctuation between words left out); 10 to 13 is hard, 14 or more very hard. Hard
// sentences, and very hard ones under 18 words (so graded for their long
// words alone, which plain-english and jargon judge word by word), count
// towards the standard's score; very hard sentences of 18 words or more
// are reported, as on council pages they are the ones an editor splits.
// Headings and table cells are not graded, and a sentence over long (more
// words than the sentence-length rule allows, when that rule runs) is
// left to sentence-length, which already reports it.
type hardSentence struct {
	rule
	long int // sentence-length's limit, or 0 when it does not run
}

// Check reports hard and very hard sentences in a.
func (r *hardSentence) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

// The Hemingway editor's limits: the fewest words of a graded sentence
// and the grades of a hard and a very hard one.
const (
	hardMinWords  = 14
	hardGrade     = 10
	veryHardGrade = 14
	// hardReportWords is the fewest words of a very hard sentence that
	// hard-sentence reports.
	hardReportWords = 18
)

func (r *hardSentence) check(p *prepared, report func(Finding)) tally {
	a := p.a
	t := tally{total: len(a.Sentences)}
	hard, veryHard := 0, 0
	for i := range a.Sentences {
		s := &a.Sentences[i]
		if s.Words < hardMinWords || r.long > 0 && int(s.Words) > r.long {
			continue
		}
		if k := a.Doc.Blocks[s.Block].Kind; k == BlockHeading || k == BlockTableCell {
			continue
		}
		letters, words := 0, 0
		for j := s.First; j < s.Last; j++ {
			if tk := &a.Tokens[j]; tk.Kind == TokenWord {
				letters += int(tk.End - tk.Start)
				words++
			}
		}
		if words < hardMinWords {
			continue
		}
		g := hemingwayGrade(letters, words)
		if g < hardGrade {
			continue
		}
		if g < veryHardGrade {
			hard++
			continue
		}
		veryHard++
		if words < hardReportWords {
			continue
		}
		report(a.Span(r.id, r.sev, int(s.Block), int(s.Start), int(s.End),
			"very hard to read: grade "+itoa(g)+" (Hemingway), "+itoa(words)+" words and many of them long",
			"Try: split it in two and use everyday words."))
	}
	t.bad = hard + 4*veryHard // weighs 50 and 200 points a sentence (see score)
	t.detail = itoa(hard) + " hard and " + itoa(veryHard) + " very hard of " + itoa(t.total) + " sentences"
	return t
}

// hemingwayGrade returns the Automated Readability Index of one sentence,
// rounded half away from zero, and 0 when it is negative.
func hemingwayGrade(letters, words int) int {
	if words == 0 {
		return 0
	}
	// in hundredths, in integers: 471·L/W + 50·W − 2143
	x := (471*letters)/words + 50*words - 2143
	if x <= 0 {
		return 0
	}
	return (x + 50) / 100
}
