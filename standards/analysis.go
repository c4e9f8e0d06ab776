package standards

// TokenKind is the kind of a token.
type TokenKind uint8

// The token kinds.
const (
	TokenWord   TokenKind = iota // a word: letters, with inner hyphens and apostrophes
	TokenNumber                  // a number, amount or date part: 12, 2.5, £2.5m, 10%, 1st
	TokenPunct                   // punctuation
	TokenSymbol                  // any other symbol
	TokenURL                     // a URL or a www. address
	TokenEmail                   // an email address
)

// TokenFlag records facts about a token's letters.
type TokenFlag uint8

// The token flags.
const (
	FlagCapital  TokenFlag = 1 << iota // starts with an upper-case letter
	FlagAllCaps                        // two or more letters, all upper case (NHS, SEND)
	FlagAbbrev                         // an abbreviation ending in a full stop (Cllr., e.g.)
	FlagSentence                       // first word of its sentence
)

// Token is a word, number, URL or punctuation mark in a block's text.
// Tokens are small values in one slice: tokenising allocates nothing per
// word.
type Token struct {
	Block     int32     `json:"block"` // index in Document.Blocks
	Start     int32     `json:"start"` // byte offset in the block's text
	End       int32     `json:"end"`   // byte offset just past the token
	Kind      TokenKind `json:"kind"`
	Flags     TokenFlag `json:"flags"`
	Syllables uint8     `json:"syllables"` // syllables as read aloud, for words and numbers
	// ascii holds a word's or number's letters and digits as the
	// tokeniser counted them, for the counts of letters and characters:
	// letters+1 (1 to 128) for ASCII letters and joiners alone, 129+digits
	// for ASCII digits and joiners alone, 0 otherwise (the counter then
	// reads the text). It fits in the struct's padding.
	ascii uint8
}

// Sentence is a span of one block's text and its range of tokens.
type Sentence struct {
	Block int32 `json:"block"` // index in Document.Blocks
	Start int32 `json:"start"` // byte offset in the block's text
	End   int32 `json:"end"`   // byte offset just past the sentence
	First int32 `json:"first"` // index of its first token in Analysis.Tokens
	Last  int32 `json:"last"`  // index just past its last token
	Words int32 `json:"words"` // words and numbers in the sentence
}

// Stats are the counts the readability formulas use.
type Stats struct {
	Sentences int `json:"sentences"`
	Words     int `json:"words" jsonschema:"description=words and numbers"`
	Syllables int `json:"syllables"`
	Letters   int `json:"letters" jsonschema:"description=letters in words"`
	// Characters counts letters and digits in words and numbers, as ARI
	// counts strokes.
	Characters    int `json:"characters"`
	Polysyllables int `json:"polysyllables" jsonschema:"description=words of three or more syllables"`
	// ComplexWords counts Gunning's hard words: three or more syllables,
	// not proper nouns, not made so by -es, -ed or -ing.
	ComplexWords int `json:"complex_words"`
	Paragraphs   int `json:"paragraphs"`
}

// Analysis is a tokenised document: its tokens, sentences, counts and
// readability scores.
type Analysis struct {
	Doc         *Document   `json:"-"`
	Tokens      []Token     `json:"tokens,omitempty"`
	Sentences   []Sentence  `json:"sentences,omitempty"`
	Stats       Stats       `json:"stats,omitempty"`
	Readability Readability `json:"readability,omitempty"`

	cache *sylCache // while tokenising
	text  string    // the block being tokenised
	// deferPos is set while a rule set checks the analysis: Span leaves
	// Line and Column at 0, and the checker fills them in after sorting
	// the findings by offset, one walk of the source in order.
	deferPos bool
	// ids and cids, when idsFor is a rule set's vocab, hold what prepare
	// would look up in it: each token's id and case-exact id. The
	// tokeniser fills them as it goes, from its cache, when vocab is set;
	// a Draft copies them for the blocks it did not analyse again.
	ids, cids []int32
	idsFor    *vocab
	vocab     *vocab     // while tokenising: the vocab to fill ids from
	tab       *foldTable // vocab.table()
	lower     []byte     // lookup's buffer
}

// Text returns the text of token i.
func (a *Analysis) Text(i int) string {
	t := &a.Tokens[i]
	return a.Doc.Blocks[t.Block].Text[t.Start:t.End]
}

// SentenceText returns the text of sentence i.
func (a *Analysis) SentenceText(i int) string {
	s := &a.Sentences[i]
	return a.Doc.Blocks[s.Block].Text[s.Start:s.End]
}

// Span returns a finding for rule over bytes [start, end) of a block's text,
// with its source offset, length, line and column filled in.
func (a *Analysis) Span(rule string, sev Severity, block, start, end int, msg, suggestion string) Finding {
	b := &a.Doc.Blocks[block]
	off := b.SourceOffset(start)
	last := off
	if end > start {
		last = b.SourceOffset(end-1) + 1
	}
	line, col := 0, 0
	if !a.deferPos {
		line, col = a.Doc.Position(off)
	}
	return Finding{
		Rule: rule, Severity: sev, Message: msg, Suggestion: suggestion,
		Match: b.Text[start:end], Line: line, Column: col, Offset: off, Length: last - off,
	}
}

// Rule is a check over an analysed document. Rules are data-driven: a few
// kinds of rule share this interface, configured from embedded data that a
// council can override.
type Rule interface {
	// ID is the rule's stable kebab-case id, such as "plain-english".
	ID() string
	// Check reports each finding in a.
	Check(a *Analysis, report func(Finding))
}
