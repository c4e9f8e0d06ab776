package standards

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Analyze tokenises doc in one pass per block — sentences, words, numbers,
// URLs and punctuation, with syllables for each word — and computes its
// [Stats] and [Readability].
//
// Sentences end at '.', '!', '?' or '…' (with any closing quotes or
// brackets) followed by white space and a word that can start a sentence,
// and at the end of every block: headings and list items are sentences of
// their own. Abbreviations common in UK council text (Cllr., Mr., No. 5,
// St., e.g., i.e., etc., a.m., p.m.), decimals (2.5), amounts (£2.5m),
// URLs and email addresses do not end sentences.
//
// Words and numbers count as words; URLs and email addresses do not. Words
// keep inner hyphens and straight or curly apostrophes.
func Analyze(doc *Document) *Analysis { return analyzeFor(doc, nil) }

// analyzeFor is Analyze that, given a rule set's vocab v, also looks each
// token up in it as prepare would (see [Analysis.ids]).
func analyzeFor(doc *Document, v *vocab) *Analysis {
	a := newAnalysis(doc, v)
	for bi := range doc.Blocks {
		a.block(bi)
	}
	a.finish()
	return a
}

// analyzeStop is Analyze that polls stop after each MiB of block text and
// gives up with its error.
//
// With more than one CPU, a document of more than parallelText bytes of
// text is tokenised in two halves at once, split between two blocks: no
// token, sentence or paragraph crosses a block, so the halves joined are
// the analysis one pass makes.
func analyzeStop(doc *Document, stop Canceler, v *vocab) (*Analysis, error) {
	n := textBytes(doc)
	if parallelBuild && n >= parallelText && parallel() {
		return analyzeHalves(doc, n, stop, v)
	}
	a := newAnalysis(doc, v)
	if err := a.blocks(0, len(doc.Blocks), stop); err != nil {
		return nil, err
	}
	a.finish()
	return a, nil
}

// parallelText is the least text, in bytes, that analyzeStop tokenises in
// two halves at once.
const parallelText = 256 << 10

// blocks tokenises and segments blocks [from, to), polling stop after
// each MiB of text.
func (a *Analysis) blocks(from, to int, stop Canceler) error {
	done := 0
	for bi := from; bi < to; bi++ {
		a.block(bi)
		if done += len(a.Doc.Blocks[bi].Text); done >= 1<<20 {
			done = 0
			if err := stop.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// analyzeHalves tokenises and counts the blocks of doc, which hold n bytes
// of text, in two halves at once, and joins them; v is as for analyzeFor.
func analyzeHalves(doc *Document, n int, stop Canceler, v *vocab) (*Analysis, error) {
	stop = &lockedCanceler{c: stop}
	mid, half := 0, 0
	for mid < len(doc.Blocks) && half < n/2 {
		half += len(doc.Blocks[mid].Text)
		mid++
	}
	// one token array for both halves: the first fills it from the
	// start, the second from a quarter of the first half's bytes on (a
	// token takes about five bytes of text), and the second's tokens move
	// down once to follow the first's; a half that outgrows its room
	// moves to an array of its own, as append does
	tokens := make([]Token, 0, n/4+1)
	room := min(half/4+1, cap(tokens))
	// each half makes its own cache, in its own goroutine: newSylCache
	// writes its slots, some hundreds of kB
	a := &Analysis{Doc: doc, Tokens: tokens[:0:room], Sentences: make([]Sentence, 0, n/48+1)}
	b := &Analysis{Doc: doc, Tokens: tokens[room:room], Sentences: make([]Sentence, 0, (n-half)/48+1)}
	var ids, cids []int32
	if v != nil {
		// the ids likewise, in two arrays shared the same way
		ids, cids = make([]int32, 0, cap(tokens)), make([]int32, 0, cap(tokens))
		a.ids, a.cids = ids[:0:room], cids[:0:room]
		b.ids, b.cids = ids[room:room], cids[room:room]
		a.setVocab(v)
		b.setVocab(v)
	}
	done := make(chan error, 1)
	go func() {
		b.cache = newSylCache(n - half)
		err := b.blocks(mid, len(doc.Blocks), stop)
		if err == nil {
			b.count()
		}
		done <- err
	}()
	a.cache = newSylCache(half)
	err := a.blocks(0, mid, stop)
	if err == nil {
		a.count()
	}
	if err2 := <-done; err == nil {
		err = err2
	}
	if err != nil {
		return nil, err
	}
	off := int32(len(a.Tokens))
	if unsafe.SliceData(a.Tokens) == unsafe.SliceData(tokens) {
		a.Tokens = tokens[:len(a.Tokens)] // the first half's room ends where the second's begins
	}
	a.Tokens = append(a.Tokens, b.Tokens...)
	if v != nil {
		if unsafe.SliceData(a.ids) == unsafe.SliceData(ids) {
			a.ids, a.cids = ids[:len(a.ids)], cids[:len(a.cids)]
		}
		a.ids, a.cids = append(a.ids, b.ids...), append(a.cids, b.cids...)
		a.idsFor, a.vocab, a.tab = v, nil, nil
	}
	for _, s := range b.Sentences {
		s.First += off
		s.Last += off
		a.Sentences = append(a.Sentences, s)
	}
	x, y := &a.Stats, &b.Stats
	x.Sentences = len(a.Sentences)
	x.add(y)
	x.Paragraphs += y.Paragraphs
	a.cache, a.text = nil, ""
	a.Readability = ComputeReadability(a.Stats)
	return a, nil
}

// textBytes is the length of doc's block texts together.
func textBytes(doc *Document) int {
	n := 0
	for i := range doc.Blocks {
		n += len(doc.Blocks[i].Text)
	}
	return n
}

// newAnalysis sizes an analysis of doc; v is as for analyzeFor.
func newAnalysis(doc *Document, v *vocab) *Analysis {
	a := &Analysis{Doc: doc}
	n := textBytes(doc)
	a.Tokens = make([]Token, 0, n/4+1)
	if v != nil {
		a.ids, a.cids = make([]int32, 0, n/4+1), make([]int32, 0, n/4+1)
		a.setVocab(v)
	}
	a.Sentences = make([]Sentence, 0, n/48+1) // room not filled is never touched
	a.cache = newSylCache(n)
	return a
}

// block tokenises and segments block bi.
func (a *Analysis) block(bi int) {
	first := len(a.Tokens)
	a.text = a.Doc.Blocks[bi].Text
	a.tokenise(int32(bi), a.text)
	a.segment(int32(bi), first)
}

// setVocab has the tokeniser look each token up in v.
func (a *Analysis) setVocab(v *vocab) { a.vocab, a.tab = v, v.table() }

// finish counts and scores the tokens.
func (a *Analysis) finish() {
	if a.vocab != nil {
		a.idsFor, a.vocab, a.tab = a.vocab, nil, nil
	}
	a.count()
	a.cache, a.text = nil, ""
	a.Readability = ComputeReadability(a.Stats)
}

// asciiClass classifies the ASCII bytes for the tokeniser's and the
// counters' fast paths; bytes from 0x80 are 0 and take the slow path.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLetter | cLower
		t[c-'a'+'A'] = cLetter | cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range " \t\n\r\f\v" {
		t[c] = cSpace
	}
	return t
}()

// The asciiClass bits.
const (
	cLetter = 1 << iota
	cDigit
	cSpace
	cUpper
	cLower

	cAlnum = cLetter | cDigit
)

// isSpace reports whether r separates tokens.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0:
		return true
	}
	return r >= 0x1000 && unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

// isAlnum reports whether r belongs to a word or number.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// runeAt decodes the rune at text[i], fast for ASCII.
func runeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// currency returns the byte length of a currency sign at text[i], or 0.
func currency(text string, i int) int {
	switch {
	case text[i] == '$':
		return 1
	case len(text)-i >= 2 && text[i] == 0xC2 && text[i+1] == 0xA3: // £
		return 2
	case len(text)-i >= 3 && text[i] == 0xE2 && text[i+1] == 0x82 && text[i+2] == 0xAC: // €
		return 3
	}
	return 0
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix p,
// ignoring case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// trailingPunct reports whether the rune is punctuation that may follow a
// URL or email address without belonging to it.
func trailingPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '\u201d', '\u2019', '\u00bb', '>', '*':
		return true
	}
	return false
}

// tokenise appends the tokens of one block's text.
func (a *Analysis) tokenise(bi int32, text string) {
	n := len(text)
	prevSpace := true
	for i := 0; i < n; {
		if c := text[i]; c < utf8.RuneSelf {
			switch cls := asciiClass[c]; {
			case cls&cSpace != 0:
				i++
				prevSpace = true
				continue
			case cls&cAlnum != 0 && !(prevSpace && (c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'm' || c == 'M')):
				i = a.word(bi, text, i)
				prevSpace = false
				continue
			}
		}
		r, size := runeAt(text, i)
		switch {
		case isSpace(r):
			i += size
			prevSpace = true
			continue
		case prevSpace && (hasPrefixFold(text[i:], "http://") || hasPrefixFold(text[i:], "https://") || hasPrefixFold(text[i:], "www.") || hasPrefixFold(text[i:], "mailto:")):
			j := a.spanURL(text, i)
			a.add(bi, i, j, TokenURL, 0)
			i = j
		case isAlnum(r) || currency(text, i) > 0 && i+currency(text, i) < n && isDigit(text[i+currency(text, i)]):
			i = a.word(bi, text, i)
		default:
			j := i + size
			kind := TokenSymbol
			if unicode.IsPunct(r) || r < utf8.RuneSelf {
				kind = TokenPunct
			}
			if r == '.' || r == '!' || r == '?' || r == '\u2026' {
				for j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?' || hasPrefixFold(text[j:], "\u2026")) {
					_, s := runeAt(text, j)
					j += s
				}
				kind = TokenPunct
			}
			a.add(bi, i, j, kind, 0)
			i = j
		}
		prevSpace = false
	}
}

// spanURL returns the end of a URL or email address starting at i: up to
// white space, less trailing punctuation.
func (a *Analysis) spanURL(text string, i int) int {
	j := i
	for j < len(text) {
		r, s := runeAt(text, j)
		if isSpace(r) || r == '<' || r == '"' || r == '\u201d' {
			break
		}
		j += s
	}
	for j > i {
		r, s := utf8.DecodeLastRuneInString(text[i:j])
		if !trailingPunct(r) {
			break
		}
		if r == ')' && countByte(text[i:j], '(') >= countByte(text[i:j], ')') {
			break // a URL with balanced brackets, as Wikipedia's
		}
		j -= s
	}
	return j
}

func countByte(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// word scans a word, number or email address starting at i and returns its
// end.
func (a *Analysis) word(bi int32, text string, i int) int {
	n := len(text)
	j := i
	number := false
	if c := currency(text, i); c > 0 {
		j += c
		number = true
	} else if isDigit(text[i]) {
		number = true
	}
	dotted := false
	letters, digits, other := 0, 0, j > i // a currency sign is not ASCII
	for j < n {
		if c := text[j]; asciiClass[c]&cAlnum != 0 {
			if asciiClass[c]&cLetter != 0 {
				letters++
			} else {
				digits++
			}
			j++
			continue
		} else if c == '.' {
			dotted = true
		}
		r, s := runeAt(text, j)
		if isAlnum(r) {
			other = true
			j += s
			continue
		}
		// Joiners stay inside a word only between letters or digits.
		next, _ := runeAt(text, j+s)
		switch {
		case (r == '-' || r == '\'' || r == '\u2019' || r == '\u2010' || r == '.' || r == '&') && j+s < n && isAlnum(next):
			j += s
			continue
		case (r == ',' || r == ':') && number && j > i && isDigit(text[j-1]) && j+s < n && isDigit(text[j+s]):
			j += s // 1,000 and 19:30
			continue
		case r == '%' && number:
			j += s
		case r == '@' && j+s < n && isAlnum(next):
			k := a.spanURL(text, j)
			if countByte(text[j:k], '.') > 0 {
				a.add(bi, i, k, TokenEmail, 0)
				return k
			}
		}
		break
	}
	kind, flags := TokenWord, TokenFlag(0)
	if number {
		kind = TokenNumber
	}
	// An abbreviation takes its full stop: Cllr., e.g., No. 5.
	if j < n && text[j] == '.' && kind == TokenWord && isAbbrev(text[i:j+1], text[j+1:]) {
		j++
		flags |= FlagAbbrev
	}
	// A plural possessive takes its apostrophe: residents' views.
	if kind == TokenWord && j < n && (text[j-1] == 's' || text[j-1] == 'S') {
		if r, s := runeAt(text, j); r == '\'' || r == '\u2019' {
			if nr, _ := runeAt(text, j+s); j+s >= n || !isAlnum(nr) {
				j += s
			}
		}
	}
	if kind == TokenWord && flags&FlagAbbrev == 0 && dotted && isDomain(text[i:j]) {
		kind = TokenURL
	}
	if kind == TokenURL {
		a.add(bi, i, j, kind, flags|caseFlags(text[i:j]))
		return j
	}
	var ascii uint8
	if !other {
		switch {
		case digits == 0 && letters < 128:
			ascii = uint8(letters + 1)
		case letters == 0 && digits < 127:
			ascii = uint8(129 + digits)
		}
	}
	a.addWord(bi, i, j, kind, flags, ascii)
	return j
}

// isDomain reports whether a dotted word is a web address: kirklees.gov.uk.
func isDomain(w string) bool {
	dot := -1
	for k := len(w) - 1; k >= 0; k-- {
		if w[k] == '.' {
			dot = k
			break
		}
	}
	if dot <= 0 {
		return false
	}
	switch tld := w[dot+1:]; {
	case hasPrefixFold(tld, "uk") && len(tld) == 2, hasPrefixFold(tld, "com") && len(tld) == 3,
		hasPrefixFold(tld, "org") && len(tld) == 3, hasPrefixFold(tld, "net") && len(tld) == 3,
		hasPrefixFold(tld, "gov") && len(tld) == 3, hasPrefixFold(tld, "wales") && len(tld) == 5,
		hasPrefixFold(tld, "scot") && len(tld) == 4, hasPrefixFold(tld, "io") && len(tld) == 2:
		return true
	}
	return false
}

// caseFlags returns FlagCapital and FlagAllCaps for a word.
func caseFlags(w string) TokenFlag {
	var f TokenFlag
	upper, lower := 0, 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c < utf8.RuneSelf {
			cls := asciiClass[c]
			if cls&cUpper != 0 {
				upper++
				if k == 0 {
					f |= FlagCapital
				}
			} else if cls&cLower != 0 {
				lower++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(w[k:])
		if unicode.IsUpper(r) {
			upper++
			if k == 0 {
				f |= FlagCapital
			}
		} else if unicode.IsLower(r) {
			lower++
		}
		k += size - 1
	}
	if upper >= 2 && lower == 0 {
		f |= FlagAllCaps
	}
	return f
}

// add appends a token that is not a word or number (those go through
// addWord).
func (a *Analysis) add(bi int32, start, end int, kind TokenKind, flags TokenFlag) {
	if a.vocab != nil {
		a.ids, a.cids = append(a.ids, -1), append(a.cids, -1)
	}
	a.Tokens = append(a.Tokens, Token{Block: bi, Start: int32(start), End: int32(end), Kind: kind, Flags: flags})
}

// addWord adds a word or number token with flags and the word's case flags,
// its syllables, and (with a vocab) its ids, each found once per distinct
// word through the cache.
func (a *Analysis) addWord(bi int32, start, end int, kind TokenKind, flags TokenFlag, ascii uint8) {
	w := a.text[start:end]
	s := a.cache.find(w)
	if s.known&knownFlags == 0 {
		s.flags, s.known = caseFlags(w), s.known|knownFlags
	}
	if a.vocab != nil {
		if s.known&knownIDs == 0 {
			s.id, s.cid = a.vocab.lookup(a.tab, w, &a.lower)
			s.known |= knownIDs
		}
		a.ids, a.cids = append(a.ids, s.id), append(a.cids, s.cid)
	}
	// the fields are stored one by one where the token goes: a Token
	// built whole on the stack was written there a byte at a time and
	// read back in one 16-byte load, which the processor cannot forward
	// from the pending stores (a stall on every word)
	n := len(a.Tokens)
	if n == cap(a.Tokens) {
		a.Tokens = append(a.Tokens, Token{})
	} else {
		a.Tokens = a.Tokens[:n+1]
	}
	t := &a.Tokens[n]
	t.Block, t.Start, t.End = bi, int32(start), int32(end)
	t.Kind, t.Flags, t.Syllables, t.ascii = kind, flags|s.flags, s.syl, ascii
}
