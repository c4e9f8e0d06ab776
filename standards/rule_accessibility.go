package standards

import "strings"

// accessibility reports what keeps content from people who use screen
// readers, magnifiers or no colour vision (WCAG 2.2 and the GOV.UK
// guidance on accessible content):
//
//   - in HTML and Markdown, images without alt text, empty links, tables
//     without header cells, headings that skip a level (an h2 followed by
//     an h4), and links to PDF, Word and other documents that do not say
//     the file's format and size, in the link or just after it ("Annual
//     report (PDF, 2.3MB)"): the readers of markup attach these checks to
//     the document (see a11y_markup.go), so that a program reading only
//     plain text, such as the browser widget, does not link them;
//   - blocks of four or more words in capital letters (headings of plain
//     text, which only capitals can mark, excepted);
//   - instructions by colour alone ("shown in red", "the green button"),
//     not names in capitals ("Red Lion Street").
type accessibility struct {
	rule
	colour phraseSet
}

// colourWords are the colours of colour-only instructions.
const colourWords = "red/green/blue/yellow/orange/purple/pink/grey/gray/amber/brown"

// colourPhrases are the shapes of an instruction by colour, "C" standing
// for a colour: "a/b" lists a word's forms. Bins and boxes are left out:
// "the green box" names a real container, and "double yellow lines" a
// road marking.
var colourPhrases = [...]string{
	"shown/marked/highlighted/coloured/colored/printed/written/displayed/shaded/outlined/underlined in C",
	"coloured/colored/shaded C",
	"C button/buttons/link/links/text/area/areas/section/sections/icon/icons/tab/tabs/circle/circles/dot/dots/field/fields/rows/cells/items/markers",
	"text/items/words/sections/fields/rows/dates/entries/links/areas/options in C",
	"in C below/above",
}

func newAccessibility(b rule) *accessibility {
	r := &accessibility{rule: b}
	r.colour.reserve(len(colourPhrases))
	for _, s := range colourPhrases {
		var ph phrase
		for _, w := range strings.Fields(s) {
			if w == "C" {
				w = colourWords
			}
			ph.words = append(ph.words, b.v.addAll(strings.Split(w, "/")))
		}
		r.colour.addPhrase(ph)
	}
	r.colour.index(b.v)
	return r
}

// Check reports each accessibility problem in a.
func (r *accessibility) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *accessibility) check(p *prepared, report func(Finding)) tally {
	a := p.a
	d := a.Doc
	var t tally
	emit := func(f Finding) {
		t.bad++
		report(f)
	}
	markup := d.markup != nil
	if markup {
		for _, m := range d.markup(d) {
			line, col := 0, 0 // filled in by the checker
			if !a.deferPos {
				line, col = d.Position(m.off)
			}
			emit(Finding{Rule: r.id, Severity: r.sev, Message: m.msg, Suggestion: m.sug,
				Match: m.match, Line: line, Column: col, Offset: m.off, Length: m.n})
		}
	}
	r.capitals(a, markup, emit)
	for si := range a.Sentences {
		s := &a.Sentences[si]
		r.colour.each(p, int(s.First), int(s.Last), func(_ *phrase, first, n int) {
			for k := first; k < first+n; k++ {
				if t := &a.Tokens[k]; t.Flags&FlagCapital != 0 && t.Flags&FlagSentence == 0 {
					return // a name: Red Lion Street, the Green Line
				}
			}
			tf, tl := &a.Tokens[first], &a.Tokens[first+n-1]
			m := d.Blocks[tf.Block].Text[tf.Start:tl.End]
			emit(a.Span(r.id, r.sev, int(tf.Block), int(tf.Start), int(tl.End),
				quoteMsg("instruction by colour alone: ", m, ": readers who cannot tell colours apart will miss it"),
				"Try: say it in words too, or add a symbol or label."))
		})
	}
	return t
}

// capitals reports blocks of four or more words nearly all in capitals.
// It walks the sentences, so that a block whose first word is in lower
// case is passed over at once.
func (r *accessibility) capitals(a *Analysis, markup bool, emit func(Finding)) {
	for k := 0; k < len(a.Sentences); {
		bi := a.Sentences[k].Block
		first := int(a.Sentences[k].First)
		last := k
		for last+1 < len(a.Sentences) && a.Sentences[last+1].Block == bi {
			last++
		}
		end := int(a.Sentences[last].Last)
		k = last + 1
		if t := &a.Tokens[first]; t.Kind == TokenWord && t.Flags&FlagAllCaps == 0 && t.End-t.Start > 1 {
			continue // starts in lower case
		}
		b := &a.Doc.Blocks[bi]
		if b.Kind == BlockHeading && !markup {
			continue
		}
		words, caps, lastWord := 0, 0, first
		for j := first; j < end; j++ {
			if a.Tokens[j].Kind == TokenWord {
				words++
				lastWord = j
				if a.Tokens[j].Flags&FlagAllCaps != 0 {
					caps++
				}
			}
		}
		if words < 4 || caps*10 < words*9 {
			continue
		}
		emit(a.Span(r.id, r.sev, int(bi), int(a.Tokens[first].Start), int(a.Tokens[lastWord].End),
			itoa(words)+" words in capital letters are hard to read, and some screen readers spell them out",
			"Try: sentence case, with bold for emphasis if it must stand out."))
	}
}
