package standards

import (
	"strings"
	"unicode/utf8"
)

// linkText reports links whose text does not say where they go: "click
// here", "here", "read more", "more", "this link" and the rest of
// data/linktext.txt, and links whose text is a bare URL (WCAG 2.4.4, link
// purpose). It also reports "click here" in running text, and, in HTML
// and Markdown, where a link could have been made, bare URLs in the text.
// Plain text has no links, so a bare URL there is not reported.
type linkText struct {
	rule
	vague     map[string]bool
	clickHere phraseSet
}

func newLinkText(b rule) *linkText {
	vague := lines(dataLinkTextVague)
	r := &linkText{rule: b, vague: make(map[string]bool, len(vague))}
	for _, p := range vague {
		r.vague[p] = true
	}
	r.clickHere.add(b.v, "click here", 0)
	r.clickHere.index(b.v)
	return r
}

// Check reports each unclear link in a.
func (r *linkText) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *linkText) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	for bi := range a.Doc.Blocks {
		b := &a.Doc.Blocks[bi]
		for _, l := range b.Links {
			if l.Start < 0 || l.End > len(b.Text) || l.Start > l.End {
				continue
			}
			t.total++
			text := normalizeLinkText(b.Text[l.Start:l.End])
			switch {
			case isURL(text):
				t.bad++
				report(a.Span(r.id, r.sev, bi, l.Start, l.End,
					"link text is a bare web address: say where the link goes",
					"Use words that describe the page, such as \"apply for a parking permit\"."))
			case r.vague[text] || text == "":
				t.bad++
				report(a.Span(r.id, r.sev, bi, l.Start, l.End,
					quoteMsg("link text ", text, " does not say where the link goes"),
					"Use words that describe the page, such as \"read the planning committee report\"."))
			}
		}
	}
	linkable := a.Doc.Format == FormatHTML || a.Doc.Format == FormatMarkdown
	for i := 0; i < len(a.Tokens); i++ {
		tk := &a.Tokens[i]
		if tk.Kind != TokenURL && (tk.Kind != TokenWord || !r.clickHere.maybe(p, i)) {
			continue
		}
		if inLink(&a.Doc.Blocks[tk.Block], int(tk.Start)) {
			continue
		}
		if tk.Kind == TokenURL && linkable && !siteName(a.Text(i)) {
			t.total++
			t.bad++
			report(a.Span(r.id, r.sev, int(tk.Block), int(tk.Start), int(tk.End),
				"bare web address in the text",
				"Make a link with words that describe the page, instead of showing the address."))
			continue
		}
		if best, n := r.clickHere.matchAt(p, i); best >= 0 {
			last := &a.Tokens[i+n-1]
			if inLink(&a.Doc.Blocks[last.Block], int(last.Start)) {
				// "click [here](...)": the link's own finding covers it.
				i += n - 1
				continue
			}
			t.bad++
			report(a.Span(r.id, r.sev, int(tk.Block), int(tk.Start), int(last.End),
				"\"click here\" does not say where to go",
				"Describe the page or the action, such as \"apply for a parking permit\"."))
			i += n - 1
		}
	}
	return t
}

// inLink reports whether text offset off of b is inside a link. Links are
// in text order and do not overlap, so a binary search finds the one
// link that may hold off: a paragraph of 100,000 links took 10 s of CPU
// when every token scanned every link.
func inLink(b *Block, off int) bool {
	lo, hi := 0, len(b.Links) // first link starting after off
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if b.Links[mid].Start <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo > 0 && off < b.Links[lo-1].End
}

// normalizeLinkText lowers s, folds runs of spaces and trims punctuation
// and quotes from its ends.
func normalizeLinkText(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	// as strings.Trim(s, ".,:;!?\"'()[]<>“”‘’…"), which would link its
	// Unicode cut-set code into the browser build
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !isLinkTrim(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !isLinkTrim(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// isLinkTrim reports whether normalizeLinkText trims r from the ends of
// link text.
func isLinkTrim(r rune) bool {
	switch r {
	case '.', ',', ':', ';', '!', '?', '"', '\'', '(', ')', '[', ']', '<', '>', '“', '”', '‘', '’', '…':
		return true
	}
	return false
}

// isURL reports whether s is a web address.
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// siteName reports whether a bare domain is written as a name, in
// capitals and without a path: GOV.UK, NHS.UK. The GOV.UK style guide
// names the site so; it is not an address to link.
func siteName(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c == '/' || c == ':' {
			return false
		}
	}
	return true
}
