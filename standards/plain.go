package standards

import (
	"strings"
	"sync"
)

// lexEntry is one line of the generated table data/lexicon.txt. Its
// lists of forms are kept as written, to be split as the rule is built,
// so that parsing the table allocates only the entries.
type lexEntry struct {
	_                        [0]func() // not comparable: no generated equality function in the binary
	rule, phrase, suggestion string
	caseful                  bool
	// forms holds the forms allowed at each word: words by spaces, a
	// word's forms by |. notBefore and notAfter hold forms by |, or "".
	forms               string
	notBefore, notAfter string
}

var (
	lexOnce sync.Once
	lexData []lexEntry
)

// loadLexicon parses the embedded table once.
func loadLexicon() []lexEntry {
	lexOnce.Do(func() { lexData = parseLexicon(dataFile("lexicon.txt")) })
	return lexData
}

// parseLexicon reads the generated table: tab-separated rule, phrase,
// suggestion, flags, forms (words by spaces, forms by |), not-before and
// not-after forms (by |).
func parseLexicon(src string) []lexEntry {
	out := make([]lexEntry, 0, strings.Count(src, "\n")+1)
	for rest := src; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.Count(line, "\t") != 6 {
			panic("standards: malformed data/lexicon.txt line: " + line)
		}
		var f [7]string
		r := line
		for i := range 6 {
			f[i], r, _ = strings.Cut(r, "\t")
		}
		f[6] = r
		out = append(out, lexEntry{rule: f[0], phrase: f[1], suggestion: f[2], caseful: f[3] == "case",
			forms: f[4], notBefore: f[5], notAfter: f[6]})
	}
	return out
}

// lexRule finds words and phrases from a list and suggests what to write
// instead. Neither rule reports a match inside a proper name written in
// Title Case (see inTitleCaseName). Two rules are of this kind: plain-english (plain words for
// formal ones: utilise → use), reported at every use, and jargon (council
// terms to explain or replace: S106, call-in, "the Authority"), reported
// at its first use, where it should be explained. Each word matches every
// inflection of the listed word; the finding spans just the word or
// phrase.
type lexRule struct {
	rule
	set phraseSet
	sug []string // what to write instead, by phrase label
}

// newLexRule builds a lexRule from the embedded entries for b.id, with a
// council's changes.
func newLexRule(b rule, lex []lexEntry, wl WordList) *lexRule {
	r := &lexRule{rule: b}
	var removed map[string]bool
	for _, p := range wl.Remove {
		if removed == nil {
			removed = map[string]bool{}
		}
		removed[strings.ToLower(strings.Join(strings.Fields(p), " "))] = true
	}
	n := len(wl.Add)
	for i := range lex {
		if lex[i].rule == b.id {
			n++
		}
	}
	r.sug = make([]string, 0, n)
	r.set.reserve(n)
	v := r.v
	for i := range lex {
		e := &lex[i]
		if e.rule != b.id || removed != nil && removed[strings.ToLower(e.phrase)] {
			continue
		}
		pos := appendSplit(v.scratch[:0], e.forms, ' ')
		ph := phrase{words: v.rows(len(pos)), caseful: e.caseful, label: len(r.sug)}
		for k, forms := range pos {
			v.forms = appendSplit(v.forms[:0], forms, '|')
			ph.words[k] = v.addAll(v.forms)
		}
		v.scratch = pos[:0]
		if e.caseful {
			v.caseful = true
		}
		v.forms = appendSplit(v.forms[:0], e.notBefore, '|')
		ph.notBefore = v.set(v.forms)
		v.forms = appendSplit(v.forms[:0], e.notAfter, '|')
		ph.notAfter = v.set(v.forms)
		r.sug = append(r.sug, e.suggestion)
		r.set.addPhrase(ph)
	}
	for _, s := range wl.Add {
		words := strings.Fields(strings.ToLower(s.Phrase))
		if len(words) == 0 {
			continue
		}
		ph := phrase{label: len(r.sug)}
		for _, w := range words {
			if b.st != nil && isLetters(w) {
				ph.words = append(ph.words, v.addAll([]string{w}))
				ph.stems = append(ph.stems, b.st.Stem(w))
			} else if isLetters(w) {
				ph.words = append(ph.words, v.addAll(inflections(w)))
				ph.stems = append(ph.stems, "")
			} else {
				ph.words = append(ph.words, v.addAll([]string{w}))
				ph.stems = append(ph.stems, "")
			}
		}
		r.sug = append(r.sug, strings.TrimSpace(s.Suggestion))
		r.set.addPhrase(ph)
	}
	r.set.index(b.v)
	return r
}

// isLetters reports whether w is all ASCII letters.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// Check reports each listed word or phrase in a.
func (r *lexRule) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *lexRule) check(p *prepared, report func(Finding)) tally {
	var t tally
	a := p.a
	var seen []bool             // jargon: explained once, at its first use
	var seenKey map[string]bool // jargon: by term, so "key decision" and "key decisions" are one
	if r.id == RuleJargon {
		seen = make([]bool, len(r.sug))
		seenKey = map[string]bool{}
	}
	r.set.each(p, 0, len(a.Tokens), func(ph *phrase, first, n int) {
		if seen != nil && seen[ph.label] {
			return // jargon: explained, or reported, at its first use
		}
		ft, lt := &a.Tokens[first], &a.Tokens[first+n-1]
		match := a.Doc.Blocks[ft.Block].Text[ft.Start:lt.End]
		if inTitleCaseName(a, first, n) {
			return // the Key Decision Schedule, the Chief Operating Officer
		}
		if fieldLabel(a, first, n) || fieldValue(a, first, n) {
			return // "Is Key decision?: No", "Decision type: Key": a form's field, not prose
		}
		if r.id == RulePlainEnglish && inQuotedTerm(a, first, n) {
			return // defined as 'key decisions': a quoted term, not the writer's word
		}
		if r.id == RulePlainEnglish && definedWord(a, first, n) {
			return // "which decisions are Key": a term the page defines
		}
		if seen != nil {
			if a.Doc.Blocks[ft.Block].Kind == BlockHeading {
				return // a heading names what the text below explains
			}
			key := termKey(match)
			if seen[ph.label] || seenKey[key] {
				return
			}
			seen[ph.label], seenKey[key] = true, true
			if explainedHere(a, first, n) {
				return
			}
		}
		var msg string
		if r.id == RuleJargon {
			msg = quoteMsg("explain ", match, " or say it plainly: readers outside the council may not know it")
		} else {
			msg = quoteMsg("use plain English: ", match, " has a simpler alternative")
		}
		report(a.Span(r.id, r.sev, int(ft.Block), int(ft.Start), int(lt.End), msg, r.sug[ph.label]))
		t.bad++
	})
	t.total = a.Stats.Words
	return t
}

// termKey folds a jargon match to its term: lower case, hyphens as spaces,
// and each word without an -s, -es, -ed or -ing ending, so that "call-in"
// and "called in", "key decision" and "key decisions" are one term.
func termKey(m string) string {
	b := make([]byte, 0, len(m))
	word := func(w []byte) []byte {
		for _, suf := range [...]string{"ing", "ed", "es", "s"} {
			if len(w) > len(suf)+2 && string(w[len(w)-len(suf):]) == suf {
				return w[:len(w)-len(suf)]
			}
		}
		return w
	}
	start := 0
	for i := 0; i <= len(m); i++ {
		if i == len(m) || m[i] == ' ' || m[i] == '-' || m[i] == '\n' {
			w := []byte(m[start:i])
			for k, c := range w {
				if c >= 'A' && c <= 'Z' {
					w[k] = c + 'a' - 'A'
				}
			}
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, word(w)...)
			start = i + 1
		}
	}
	return string(b)
}

// explainedHere reports whether the jargon at tokens [first, first+n) is
// explained where it is used: followed by a bracket ("virement (moving
// money between budgets)"), by "is", "are" or "means" when it opens its
// sentence (a definition: "A key decision is ..."), or
// in a sentence that says "known as", "called", "means", "refers to" or
// "defined as", or that is just "These are" or "This is" and the term
// (naming what the sentence before described); or when the next sentence
// opens by defining it ("Key decisions are decisions that ...") or by
// describing it ("This is a legal process that ...", "These include ...").
func explainedHere(a *Analysis, first, n int) bool {
	toks := a.Tokens
	blk := toks[first].Block
	// the sentence holding the match
	lo, hi := first, first+n
	for lo > 0 && toks[lo-1].Block == blk && toks[lo].Flags&FlagSentence == 0 {
		lo--
	}
	for hi < len(toks) && toks[hi].Block == blk && toks[hi].Flags&FlagSentence == 0 {
		hi++
	}
	lower := func(i int) string {
		w := a.Text(i)
		if len(w) > 0 && w[0] >= 'A' && w[0] <= 'Z' {
			return string(w[0]+'a'-'A') + w[1:]
		}
		return w
	}
	if first > 0 && toks[first-1].Block == blk && a.Text(first-1) == "(" &&
		first+n < len(toks) && toks[first+n].Block == blk && a.Text(first+n) == ")" {
		// "Traffic Regulation Order (TRO)", "before they were made
		// (pre-decision scrutiny)": the bracketed term names what comes
		// before it
		return true
	}
	if k := first + n; k < len(toks) && toks[k].Block == blk {
		switch a.Text(k) {
		case "(":
			return true
		case "is", "are", "means", "mean":
			// a definition: the term opens its sentence and is said to
			// be something ("A key decision is a decision that ...",
			// "Call-in means ..."), not "The call in of key decisions is
			// ..." nor "Call-in is explained below"
			opens := first == lo || first == lo+1 && (lower(lo) == "a" || lower(lo) == "an" || lower(lo) == "the")
			def := a.Text(k) == "means" || a.Text(k) == "mean"
			if k+1 < hi {
				switch lower(k + 1) {
				case "a", "an", "the", "when", "where", "how", "what":
					def = true
				}
			}
			if opens && def {
				return true
			}
		}
	}
	if first == lo+2 && first+n == hi-1 && a.Text(hi-1) == "?" && lower(lo) == "what" {
		// "What is call-in?": a question the text goes on to answer
		return true
	}
	if first == lo+2 && first+n == hi-1 && a.Tokens[hi-1].Kind == TokenPunct {
		// "These are key decisions.": naming what the sentence before
		// described
		if s := lower(lo) + " " + lower(lo+1); s == "this is" || s == "these are" {
			return true
		}
	}
	// explained by examples or a description in the next sentence:
	// "... only consider material planning considerations. These
	// include: ...", "Councillors can use call-in to ... This is a legal
	// process that lets ..."
	if k := hi; k+1 < len(toks) && toks[k].Kind == TokenWord && toks[k+1].Block == toks[k].Block {
		switch lower(k) + " " + lower(k+1) {
		case "these include", "this includes", "these are", "this means", "this lets", "this allows":
			return true
		case "this is":
			// "This is a legal process ...", "This is when ...", not
			// "This is known as ...", which names the term it follows
			if k+2 < len(toks) && toks[k+2].Block == toks[k].Block {
				switch lower(k + 2) {
				case "a", "an", "the", "when", "where", "how":
					return true
				}
			}
		}
	}
	// defined by the next sentence: "... on which key decisions will be
	// made. Key decisions are decisions that ..."
	// (the next sentence's first n tokens must lie in one block: read
	// across a block boundary, their offsets are of two texts)
	if k := hi; k+n < len(toks) && toks[k].Kind == TokenWord && toks[k+n-1].Block == toks[k].Block {
		b := &a.Doc.Blocks[toks[k].Block]
		if next := b.Text[toks[k].Start:toks[k+n-1].End]; termKey(next) == termKey(a.Doc.Blocks[blk].Text[toks[first].Start:toks[first+n-1].End]) {
			switch a.Text(k + n) {
			case "is", "are", "means", "mean":
				return true
			}
		}
	}
	for i := lo; i < hi; i++ {
		if i >= first && i < first+n {
			continue
		}
		switch lower(i) {
		case "means", "meaning", "called", "defined", "definition":
			return true
		case "known", "refers":
			if i+1 < hi && (a.Text(i+1) == "as" || a.Text(i+1) == "to") {
				return true
			}
		}
	}
	return false
}

// fieldLabel reports whether the match at tokens [first, first+n) is in
// the label of a label-and-value line: no punctuation stands before it in
// its block, and ":" or "?:" follows it within three words ("Is Key
// decision?: No", "Accompanying Documents:").
func fieldLabel(a *Analysis, first, n int) bool {
	toks := a.Tokens
	k := first + n
	for w := 0; w < 3 && k < len(toks) && toks[k].Block == toks[first].Block && toks[k].Kind == TokenWord; w++ {
		k++ // "Accompanying Documents:": the label goes on to the colon
	}
	if k < len(toks) && toks[k].Block == toks[first].Block && a.Text(k) == "?" {
		k++
	}
	if k >= len(toks) || toks[k].Block != toks[first].Block || a.Text(k) != ":" {
		return false
	}
	for i := first - 1; i >= 0 && toks[i].Block == toks[first].Block; i-- {
		if toks[i].Kind == TokenPunct {
			return false
		}
	}
	return true
}

// fieldValue reports whether the match at tokens [first, first+n) is the
// whole value of a label-and-value line: ":" stands just before it and it
// ends its block ("Decision type: Key").
func fieldValue(a *Analysis, first, n int) bool {
	toks := a.Tokens
	k := first + n
	return first > 0 && toks[first-1].Block == toks[first].Block && a.Text(first-1) == ":" &&
		(k == len(toks) || toks[k].Block != toks[first].Block)
}

// inQuotedTerm reports whether the match at tokens [first, first+n) lies
// inside a short quoted term of at most six words, such as a defined term
// ("defined as 'key decisions'") or the name of a document: an opening
// quote (after a space, a bracket or the start of its block) and a closing
// one (before a space, punctuation or the end) on either side of it, with
// no sentence end between them.
func inQuotedTerm(a *Analysis, first, n int) bool {
	toks := a.Tokens
	text := a.Doc.Blocks[toks[first].Block].Text
	start, end := int(toks[first].Start), int(toks[first+n-1].End)
	open := -1
	for i, words := start-1, 0; i >= 0 && i >= start-60; i-- {
		c := text[i]
		if c == '.' || c == '!' || c == '?' || c == ';' {
			return false
		}
		if c == ' ' {
			words++
			if words > 5 {
				return false
			}
		}
		if q := quoteAt(text, i); q > 0 && (i == 0 || text[i-1] == ' ' || text[i-1] == '(' || text[i-1] == '\n') {
			open = i
			break
		}
	}
	if open < 0 {
		return false
	}
	for i, words := end, 0; i < len(text) && i < end+60; i++ {
		c := text[i]
		if c == '.' && i+1 < len(text) && text[i+1] == ' ' || c == '!' || c == ';' {
			return false
		}
		if c == ' ' {
			words++
			if words > 5 {
				return false
			}
		}
		if q := quoteAt(text, i); q > 0 {
			if j := i + q; j == len(text) || !isWordByte(text[j]) {
				return true
			}
			i += q - 1 // an apostrophe inside a word: council's
		}
	}
	return false
}

// quoteAt returns the length of the quotation mark at text[i] (' " or a
// curly one), or 0.
func quoteAt(text string, i int) int {
	switch text[i] {
	case '\'', '"':
		return 1
	case 0xe2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x98 || text[i+2] == 0x99 || text[i+2] == 0x9c || text[i+2] == 0x9d) {
			return 3
		}
	}
	return 0
}

// isWordByte reports whether c is an ASCII letter or digit.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// inTitleCaseName reports whether the match at tokens [first, first+n) is
// part of a proper name written in Title Case: it starts with a capital
// but does not start its sentence, and a capitalised word stands next to
// it ("the Key Decision Schedule", "the Chief Operating Officer") or
// after "for", "of" or "and" ("Cabinet Member for Corporate Services").
func inTitleCaseName(a *Analysis, first, n int) bool {
	toks := a.Tokens
	if n > 1 && toks[first].Flags&FlagCapital == 0 && toks[first+1].Flags&FlagCapital != 0 {
		switch a.Text(first) {
		case "the", "this", "a", "an":
			// "the Executive Councillor for Housing": the name after
			// the article
			first, n = first+1, n-1
		}
	}
	ft := &toks[first]
	if ft.Flags&FlagCapital == 0 || ft.Flags&FlagSentence != 0 {
		return false
	}
	capWord := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].Block == ft.Block && toks[i].Kind == TokenWord && toks[i].Flags&FlagCapital != 0
	}
	if capWord(first-1) && toks[first-1].Flags&FlagSentence == 0 || capWord(first+n) {
		return true
	}
	if first >= 2 && toks[first-1].Block == ft.Block {
		switch a.Text(first - 1) {
		case "and", "of", "for":
			// "Overview and Scrutiny members"
			if capWord(first - 2) {
				return true
			}
		}
	}
	if k := first + n; k+1 < len(toks) && toks[k].Block == ft.Block {
		switch a.Text(k) {
		case "for", "of", "and":
			return capWord(k + 1)
		}
	}
	return false
}

// definedWord reports whether the one-word match at first is written
// with a capital inside its sentence, as a page writes a term it defines
// or a name ("decide which decisions are Key"): not the writer's own
// word, which a plainer one could replace. A word in capitals is not.
func definedWord(a *Analysis, first, n int) bool {
	if n != 1 {
		return false
	}
	t := &a.Tokens[first]
	return t.Flags&FlagCapital != 0 && t.Flags&(FlagSentence|FlagAllCaps) == 0
}
