package standards

import "strings"

// accessibility reports what keeps content from people who use screen
// readers, magnifiers or no colour vision (WCAG 2.2 and the GOV.UK
// guidance on accessible content):
//
//   - in HTML and Markdown, images without alt text, empty links and
//     tables without header cells (found by the reader of the markup; see
//     [markupIssue]);
//   - in HTML and Markdown, headings that skip a level (an h2 followed by
//     an h4);
//   - links to PDF, Word and other documents that do not say the file's
//     format and size, in the link or just after it ("Annual report (PDF,
//     2.3MB)");
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
// "the green box" names a real container.
var colourPhrases = [...]string{
	"shown/marked/highlighted/coloured/colored/printed/written/displayed/shaded/outlined/underlined in C",
	"coloured/colored/shaded C",
	"C button/buttons/link/links/text/area/areas/section/sections/icon/icons/tab/tabs/circle/circles/dot/dots/line/lines/field/fields/rows/cells/items/markers",
	"text/items/words/sections/fields/rows/dates/entries/links/areas/options in C",
	"in C below/above",
}

func newAccessibility(b rule) *accessibility {
	r := &accessibility{rule: b}
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
	markup := d.Format == FormatHTML || d.Format == FormatMarkdown
	if d.markup != nil {
		for _, m := range d.markup(d) {
			line, col := 0, 0 // filled in by the checker
			if !a.deferPos {
				line, col = d.Position(m.off)
			}
			msg, sug := m.message()
			emit(Finding{Rule: r.id, Severity: r.sev, Message: msg, Suggestion: sug,
				Match: excerpt(d.Source[m.off : m.off+m.n]), Line: line, Column: col, Offset: m.off, Length: m.n})
		}
	}
	prev := 0 // the level of the last heading
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if markup && b.Kind == BlockHeading && b.Level > 0 {
			if prev > 0 && b.Level > prev+1 {
				emit(a.Span(r.id, r.sev, bi, 0, len(b.Text),
					"heading level "+itoa(b.Level)+" after level "+itoa(prev)+": screen-reader users move by heading level and will think a part is missing",
					"Try: make it a level "+itoa(prev+1)+" heading, or style it without changing its level."))
			}
			prev = b.Level
		}
		for li := range b.Links {
			if f, ok := r.docLink(a, bi, &b.Links[li]); ok {
				emit(f)
			}
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
			if n == 2 {
				switch strings.ToLower(a.Text(first)) + " " + strings.ToLower(a.Text(first+1)) {
				case "yellow line", "yellow lines", "white line", "white lines", "red line", "red lines":
					return // road markings and a site's red line: names, not colour cues
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

// docLink returns a finding for a link to a document file whose text, or
// the few words after it, does not give the file's format and size.
func (r *accessibility) docLink(a *Analysis, bi int, l *Link) (Finding, bool) {
	kind := docKind(l.Href)
	if kind == "" || l.End <= l.Start {
		return Finding{}, false
	}
	text := a.Doc.Blocks[bi].Text
	if l.Start < 0 || l.End > len(text) {
		return Finding{}, false
	}
	around := text[l.Start:min(len(text), l.End+48)]
	hasFormat, hasSize := mentionsFormat(around, kind), mentionsSize(around)
	if hasFormat && hasSize {
		return Finding{}, false
	}
	name := kind
	if kind == "word" {
		name = "Word document"
	} else if kind == "spreadsheet" {
		name = "spreadsheet"
	} else {
		name = "PDF"
	}
	msg := "link to a " + name + " does not say its format or size: readers need to know before they download it"
	sug := "Try: \"Annual report (" + docLabel(kind) + ", 2.3MB)\"."
	if hasFormat {
		msg = "link to a " + name + " does not say how big the file is"
		sug = "Try: add the size after the format, like \"(" + docLabel(kind) + ", 2.3MB)\"."
	}
	return a.Span(r.id, r.sev, bi, l.Start, l.End, msg, sug), true
}

// docKind returns "pdf", "word" or "spreadsheet" for a link to such a
// file, judged by the extension of its path, else "".
func docKind(href string) string {
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	dot := strings.LastIndexByte(href, '.')
	if dot < 0 || len(href)-dot > 5 {
		return ""
	}
	switch ext := href[dot+1:]; {
	case equalFoldASCII(ext, "pdf"):
		return "pdf"
	case equalFoldASCII(ext, "doc"), equalFoldASCII(ext, "docx"), equalFoldASCII(ext, "odt"), equalFoldASCII(ext, "rtf"):
		return "word"
	case equalFoldASCII(ext, "xls"), equalFoldASCII(ext, "xlsx"), equalFoldASCII(ext, "ods"), equalFoldASCII(ext, "csv"):
		return "spreadsheet"
	}
	return ""
}

func docLabel(kind string) string {
	switch kind {
	case "word":
		return "Word"
	case "spreadsheet":
		return "Excel"
	}
	return "PDF"
}

// mentionsFormat reports whether s names a file format of kind.
func mentionsFormat(s, kind string) bool {
	var names string
	switch kind {
	case "pdf":
		names = " pdf "
	case "word":
		names = " word doc docx odt rtf opendocument "
	default:
		names = " excel xls xlsx ods csv spreadsheet opendocument "
	}
	for i := 0; i < len(s); {
		for i < len(s) && !isAlpha(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isAlpha(s[j]) {
			j++
		}
		if j > i && hasFoldWord(names, s[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// mentionsSize reports whether s gives a file size: a number followed by
// KB, MB, GB, kB or bytes.
func mentionsSize(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == ',') {
			j++
		}
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		for k < len(s) && isAlpha(s[k]) {
			k++
		}
		if hasFoldWord(" kb mb gb k m bytes kilobytes megabytes ", s[j:k]) {
			return true
		}
		i = k
	}
	return false
}

// excerpt returns s, cut to 120 bytes at a character boundary.
func excerpt(s []byte) string {
	if len(s) <= 120 {
		return string(s)
	}
	n := 120
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return string(s[:n])
}

// markupIssue is an accessibility problem in the markup of a document,
// which its reader finds: bytes [off, off+n) of the source.
type markupIssue struct {
	off, n int
	kind   uint8
}

// The markup issue kinds.
const (
	issueImageAlt uint8 = iota
	issueEmptyLink
	issueTableHeader
)

func (m markupIssue) message() (msg, sug string) {
	switch m.kind {
	case issueImageAlt:
		return "image without alt text: screen-reader users will not know what it shows",
			"Try: alt text that says what the image tells the reader, or an empty alt (alt=\"\") if it is decoration."
	case issueEmptyLink:
		return "link with no text: screen readers read out only its address, or nothing",
			"Try: link text that says where the link goes."
	}
	return "table without header cells: screen-reader users cannot tell which column or row a cell is in",
		"Try: mark the header row or column as header cells (<th>)."
}
