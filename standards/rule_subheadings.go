package standards

// maxSectionWords is the most words a section may run without a
// subheading: Yoast SEO's readability analysis warns above 300.
const maxSectionWords = 300

// subheadings reports a long text with no subheading, and each section
// (the prose between two headings) of more than max words, as Yoast SEO's
// readability analysis does. Paragraphs, list items and quotations count;
// table cells do not. The finding spans the first sentence of the section.
type subheadings struct {
	rule
	max int
}

// Check reports long text without subheadings in a.
func (r *subheadings) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *subheadings) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	headings := false
	words, first := 0, -1 // the open section's words and first sentence
	flush := func() {
		if first >= 0 {
			t.total++
		}
		if words > r.max && first >= 0 {
			t.bad++
			s := &a.Sentences[first]
			msg := "section of " + itoa(words) + " words without a subheading: keep sections to " + itoa(r.max) + " words or fewer"
			sug := "Try: break it up with subheadings that say what each part is about."
			if !headings {
				msg = "text of " + itoa(words) + " words without subheadings: readers scan for the part they need"
				sug = "Try: add a subheading at least every " + itoa(r.max) + " words, saying what each part is about."
			}
			report(a.Span(r.id, r.sev, int(s.Block), int(s.Start), int(s.End), msg, sug))
		}
		words, first = 0, -1
	}
	for i := range a.Doc.Blocks {
		if a.Doc.Blocks[i].Kind == BlockHeading {
			headings = true
			break
		}
	}
	for i := range a.Sentences {
		s := &a.Sentences[i]
		switch a.Doc.Blocks[s.Block].Kind {
		case BlockHeading:
			flush()
			continue
		case BlockTableCell:
			continue
		}
		if first < 0 {
			first = i
		}
		words += int(s.Words)
	}
	flush()
	return t
}
