package standards

import "strings"

// minSameStarts is the shortest run of sentences starting with the same
// word that sentence-starts reports: Yoast SEO's readability analysis
// flags three or more.
const minSameStarts = 3

// sentenceStarts reports three or more sentences in a row that start with
// the same word, as Yoast SEO's readability analysis does. When the first
// word is an article, demonstrative or number ("The", "This", "Two"), the
// first two words are compared. Runs continue across paragraphs and
// quotations; headings, list items and table cells end them, since
// parallel list items are good style. The finding spans the first word of
// the run.
type sentenceStarts struct{ rule }

// Check reports runs of sentences starting the same way in a.
func (r *sentenceStarts) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

// startExceptions are the words after which the next word is compared
// too (Yoast's firstWordExceptions for English), space-separated.
const startExceptions = " the a an one two three four five six seven eight nine ten this that these those "

func (r *sentenceStarts) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	runStart, runLen := -1, 0
	var key1, key2 string
	end := func() {
		if runLen >= minSameStarts {
			t.bad++
			tk := &a.Tokens[a.Sentences[runStart].First]
			for k := a.Sentences[runStart].First; k < a.Sentences[runStart].Last; k++ {
				if a.Tokens[k].Kind == TokenWord {
					tk = &a.Tokens[k]
					break
				}
			}
			w := a.Doc.Blocks[tk.Block].Text[tk.Start:tk.End]
			report(a.Span(r.id, r.sev, int(tk.Block), int(tk.Start), int(tk.End),
				itoa(runLen)+quoteMsg(" sentences in a row start with ", w, ""),
				"Try: vary how they begin, or make them a list."))
		}
		runStart, runLen = -1, 0
	}
	for i := range a.Sentences {
		s := &a.Sentences[i]
		t.total++
		k := a.Doc.Blocks[s.Block].Kind
		if k != BlockParagraph && k != BlockQuote {
			end()
			continue
		}
		// the first word, and the second after an exception
		var w1, w2 string
		j := int(s.First)
		if j < int(s.Last) && a.Tokens[j].Kind == TokenWord {
			w1 = a.Text(j)
			if r.v.is(p.ids[j], tagStartsPair) {
				for j++; j < int(s.Last) && a.Tokens[j].Kind != TokenWord; j++ {
				}
				if j < int(s.Last) {
					w2 = a.Text(j)
				}
			}
		}
		if w1 == "" {
			end()
			continue
		}
		if runLen > 0 && equalFoldASCII(w1, key1) && equalFoldASCII(w2, key2) {
			runLen++
			continue
		}
		end()
		runStart, runLen, key1, key2 = i, 1, w1, w2
	}
	end()
	return t
}

// equalFoldASCII reports whether a and b are equal with ASCII letters
// folded to lower case.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// hasFoldWord reports whether list, words between single spaces with a
// space at each end, holds w folded to lower case.
func hasFoldWord(list, w string) bool {
	if len(w) == 0 || len(w) > 16 {
		return false
	}
	var buf [18]byte
	buf[0] = ' '
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i+1] = c
	}
	buf[len(w)+1] = ' '
	return strings.Contains(list, string(buf[:len(w)+2]))
}
