package standards

import (
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/gen/lexicon
//go:generate go run ./internal/gen/data

// The rules' word lists are compiled in as string constants, written to
// data_gen.go from data/ by internal/gen/data: importing package embed,
// even for strings, would link io/fs, time and syscall into the browser
// build. lexicon.txt is generated from plain.txt and jargon.txt. The
// lists of "[name]" sections (journey, needs, link text, passive) are
// written one constant a section, a normalised phrase a line, so that
// building the rules only splits them; the others are read as they are.

// dataFile returns an embedded data file; a missing one is a build mistake.
func dataFile(name string) string {
	switch name {
	case "lexicon.txt":
		return dataLexicon
	case "acronyms.txt":
		return dataAcronyms
	case "inclusive.txt":
		return dataInclusive
	}
	panic("standards: no embedded data/" + name)
}

// lines returns the lines of a generated word-list section: one phrase
// a line, its words separated by single spaces (see internal/gen/data).
func lines(s string) []string {
	return appendSplit(make([]string, 0, strings.Count(s, "\n")+1), s, '\n')
}

// appendSplit appends the pieces of s between seps to dst, as
// strings.Split returns them, except that "" has none.
func appendSplit(dst []string, s string, sep byte) []string {
	if s == "" {
		return dst
	}
	for {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// vocab interns the words the rules look for, so that each token is looked
// up once per document and rules compare small integers.
type vocab struct {
	ids   map[string]int32
	words []string
	// tags holds bit flags by word id, for word lists that rules test
	// token by token (be-verbs, months).
	tags []uint16
	// caseful is set when some word must match with its capitals.
	caseful bool

	once sync.Once
	tab  *foldTable
	// sets are the phrase sets indexed on this vocab, the first 32 of
	// them each given a bit; starts[id+1] holds the bits of the sets with
	// a phrase whose first word is id (starts[0], for id -1, none). Both
	// are built with tab.
	sets   []*phraseSet
	starts []uint32

	// free and freeRows are what is left of the chunks that the rules'
	// short id lists and phrases' positions are carved from while the
	// rules are built: a few allocations instead of one each.
	free     []int32
	freeRows [][]int32
	// scratch and forms hold a phrase's words and a word's forms while
	// they are interned.
	scratch, forms []string
}

// vocabSize is the room a new vocab makes for words: the default rule
// set interns about 2,400 (TestVocabSize), so its map and slices are not
// regrown one doubling at a time.
const vocabSize = 2560

func newVocab() *vocab {
	return &vocab{
		ids:   make(map[string]int32, vocabSize),
		words: make([]string, 0, vocabSize),
		tags:  make([]uint16, 0, vocabSize),
	}
}

// alloc returns n zeroed ids carved from the vocab's current chunk.
//
// It is not inlined: one copy keeps the browser build small.
//
//go:noinline
func (v *vocab) alloc(n int) []int32 {
	const chunk = 1024
	if n > len(v.free) {
		if n > chunk/4 {
			return make([]int32, n)
		}
		v.free = make([]int32, chunk)
	}
	s := v.free[:n:n]
	v.free = v.free[n:]
	return s
}

// rows returns n empty id lists, for a phrase's positions, carved from
// the vocab's current chunk.
//
// It is not inlined: one copy keeps the browser build small.
//
//go:noinline
func (v *vocab) rows(n int) [][]int32 {
	const chunk = 256
	if n > len(v.freeRows) {
		if n > chunk/4 {
			return make([][]int32, n)
		}
		v.freeRows = make([][]int32, chunk)
	}
	s := v.freeRows[:n:n]
	v.freeRows = v.freeRows[n:]
	return s
}

// add interns w and returns its id.
//
// It is not inlined: every rule's set-up calls it, and one copy keeps the
// browser build small.
//
//go:noinline
func (v *vocab) add(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	v.tags = append(v.tags, 0)
	return id
}

// table returns the vocab's hash table, building it on first use; the
// vocab must not grow after that.
func (v *vocab) table() *foldTable {
	v.once.Do(func() {
		v.tab = newFoldTable(v.words)
		v.starts = make([]uint32, len(v.words)+1)
		for _, ps := range v.sets { // none in the browser build (see index)
			at := ps.firstAt
			for id := 0; id+1 < len(at); id++ {
				if at[id] != at[id+1] {
					v.starts[id+1] |= ps.bit
				}
			}
		}
	})
	return v.tab
}

// foldTable is an open-addressing hash table of the vocab's lower-case
// ASCII words, looked up with a token's text folded to lower case on the
// fly: one pass over the bytes, and no copy.
type foldTable struct {
	mask  uint32
	slots []foldSlot
}

type foldSlot struct {
	hash uint32
	id   int32 // -1 when empty
}

func newFoldTable(words []string) *foldTable {
	size := 64
	for size < 4*len(words) {
		size *= 2
	}
	t := &foldTable{mask: uint32(size - 1), slots: make([]foldSlot, size)}
	for i := range t.slots {
		t.slots[i].id = -1
	}
	for id, w := range words {
		h, plain, ascii := foldHash(w)
		if !plain || !ascii {
			continue // keys with capitals or other letters go through the map
		}
		j := h & t.mask
		for t.slots[j].id >= 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = foldSlot{hash: h, id: int32(id)}
	}
	return t
}

// foldHash returns the FNV-1a hash of s folded to lower case, whether s
// was already lower case, and whether s is all ASCII.
func foldHash(s string) (h uint32, plain, ascii bool) {
	h, plain = 2166136261, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return h, false, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			plain = false
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h, plain, true
}

// lookupFold returns the id of s folded to lower case, or -1; whether s
// was lower case already; and whether s is ASCII (else the caller looks it
// up another way).
func (t *foldTable) lookupFold(words []string, s string) (id int32, plain, ascii bool) {
	h, plain, ascii := foldHash(s)
	if !ascii {
		return -1, false, false
	}
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		sl := t.slots[j]
		if sl.id < 0 {
			return -1, plain, true
		}
		if sl.hash == h && equalLowerFold(words[sl.id], s) {
			return sl.id, plain, true
		}
	}
}

// equalLowerFold reports whether lower-case key equals s folded to lower case.
func equalLowerFold(key, s string) bool {
	if len(key) != len(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if key[i] != c {
			return false
		}
	}
	return true
}

// The word tags.
const (
	tagBe uint16 = 1 << iota
	tagAdverb
	tagIrregular
	tagNotParticiple
	tagMonth
	tagWhen
	tagMonthName  // a month's full name (govuk-style)
	tagStartsPair // a sentence start compared with the next word (sentence-starts)
	tagStyleWord  // e.g., i.e., etc. and noon (govuk-style)
)

// tag interns ws and sets bit on each.
func (v *vocab) tag(ws []string, bit uint16) {
	for _, w := range ws {
		v.tags[v.add(w)] |= bit
	}
}

// is reports whether word id carries tag bit; id -1 carries none.
func (v *vocab) is(id int32, bit uint16) bool {
	return id >= 0 && v.tags[id]&bit != 0
}

// addAll interns ws and returns their ids, sorted.
func (v *vocab) addAll(ws []string) []int32 {
	out := v.alloc(len(ws))
	for i, w := range ws {
		out[i] = v.add(w)
	}
	sortInt32(out, func(a, b int32) bool { return a < b })
	return out
}

// set interns ws and returns a membership table indexed by id; call it
// after every word is added, or use has.
func (v *vocab) set(ws []string) idSet { return idSet(v.addAll(ws)) }

// idSet is a sorted set of word ids.
type idSet []int32

// has reports whether id is in the set.
func (s idSet) has(id int32) bool {
	if id < 0 {
		return false
	}
	if len(s) <= 8 {
		for _, x := range s {
			if x == id {
				return true
			}
		}
		return false
	}
	return searchInt32(s, id)
}

// prepared is an analysis with each token's word id looked up once, shared
// by the rules of a rule set.
type prepared struct {
	a *Analysis
	// ids is the vocab id of each token's lower-case text, or -1.
	ids []int32
	// cids is the vocab id of each token's exact text, or -1; it is
	// looked up only when some phrase must match capitals.
	cids []int32
	stem *stemCache
	// starts is the vocab's marks of the words that start a phrase of
	// each set (vocab.starts).
	starts []uint32
	// kind is the document's kind as journey-signposting classified it,
	// or -1 before (or without) that rule; citizen-needs, which runs
	// after it, reads it.
	kind int
}

// prepare looks up every token of a in v. A large document's tokens are
// looked up in two halves at once, with more than one CPU.
func prepare(a *Analysis, v *vocab, st Stemmer) *prepared {
	n := len(a.Tokens)
	v.table()
	p := &prepared{a: a, kind: -1, starts: v.starts}
	if a.idsFor == v && len(a.ids) == n && len(a.cids) == n {
		p.ids, p.cids = a.ids, a.cids
		if st != nil {
			p.stem = &stemCache{st: st, m: make(map[string]string)}
		}
		return p
	}
	buf := make([]int32, 2*n)
	p.ids, p.cids = buf[:n:n], buf[n:]
	if parallelBuild && n >= parallelTokens && parallel() {
		done := make(chan struct{})
		go func() {
			p.lookup(v, n/2, n)
			close(done)
		}()
		p.lookup(v, 0, n/2)
		<-done
	} else {
		p.lookup(v, 0, n)
	}
	if st != nil {
		p.stem = &stemCache{st: st, m: make(map[string]string)}
	}
	return p
}

// lookup sets the ids and case-exact ids of tokens [from, to) from v.
func (p *prepared) lookup(v *vocab, from, to int) {
	a := p.a
	tab := v.table()
	var lower []byte
	for i := from; i < to; i++ {
		t := &a.Tokens[i]
		p.ids[i], p.cids[i] = -1, -1
		if t.Kind != TokenWord && t.Kind != TokenNumber {
			continue
		}
		p.ids[i], p.cids[i] = v.lookup(tab, a.Doc.Blocks[t.Block].Text[t.Start:t.End], &lower)
	}
}

// lookup returns the id of text folded to lower case in v, and the id of
// text as it is, each -1 when v lacks it; tab is v.table(), and lower a
// buffer to fold text in when it is not ASCII.
func (v *vocab) lookup(tab *foldTable, text string, lower *[]byte) (id, cid int32) {
	id, plain, ascii := tab.lookupFold(v.words, text)
	if !ascii { // rare: letters beyond ASCII, or a curly apostrophe
		var ok bool
		*lower, ok = appendLower((*lower)[:0], text)
		if x, found := v.ids[string(*lower)]; found {
			id = x
		}
		plain = ok
	}
	switch {
	case plain:
		return id, id // lower-case text is its own exact case
	case v.caseful:
		if x, found := v.ids[text]; found {
			return id, x
		}
	}
	return id, -1
}

// appendLower appends the lower-case form of s to dst. It reports true,
// leaving dst alone, when s is already lower case.
func appendLower(dst []byte, s string) ([]byte, bool) {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return dst, true
	}
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r)+'a'-'A')
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		default:
			if r == '’' { // curly apostrophe reads as a straight one
				dst = append(dst, '\'')
				continue
			}
			dst = utf8.AppendRune(dst, toLowerRune(r))
		}
	}
	return dst, false
}

// toLowerRune lowers the letters of Latin-1 and Latin Extended-A, which
// covers the names found in UK council text.
func toLowerRune(r rune) rune {
	switch {
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return r + 0x20
	case r >= 0x100 && r <= 0x17F && r&1 == 0:
		return r + 1
	}
	return r
}

// Stemmer reduces a word to its stem, so that a council's own word lists
// match every inflection. Package config provides the snowball English
// stemmer. The embedded lists need none: their inflections are expanded
// when the lists are generated.
type Stemmer interface {
	// Stem returns the stem of a lower-case word.
	Stem(word string) string
}

// stemCache stems each distinct word of a document once.
type stemCache struct {
	st Stemmer
	m  map[string]string
}

func (c *stemCache) stem(w string) string {
	if s, ok := c.m[w]; ok {
		return s
	}
	s := c.st.Stem(w)
	c.m[w] = s
	return s
}

// phrase is one entry of a phraseSet: a run of words, each matching any of
// a set of forms.
type phrase struct {
	words [][]int32 // sorted ids of the forms allowed at each position
	// stems, when set, match a position by stem instead (a council's own
	// words with a Stemmer).
	stems     []string
	caseful   bool
	notBefore idSet // skip when the next word is one of these
	notAfter  idSet // skip when the word before is one of these
	label     int   // the caller's index for what the phrase means
}

// phraseSet finds phrases in prepared tokens: an index from the id of a
// first word to the phrases that start with it.
type phraseSet struct {
	phrases []phrase
	// firstAt and firstIdx index the phrases by first word, built by
	// index once every phrase is added: the phrases starting with word
	// id are firstIdx[firstAt[id]:firstAt[id+1]], for id below
	// len(firstAt)-1. Two flat slices sized from counts take a few
	// kilobytes where a slice per word id, grown one id at a time, took
	// about a hundred.
	firstAt   []uint32
	firstIdx  []int32
	firstStem map[string][]int32
	// bit is the set's bit in its vocab's starts, or 0 (see maybe): a
	// set whose phrases may start with any word of a stem has none.
	bit uint32
	// pairs, when set, holds every pair of a first and a second word id
	// of the phrases of two words or more, as pairKey, in an
	// open-addressing table of pairMask+1 slots; single marks (one bit an
	// id) the first words of one-word phrases. matchAt tries a token's
	// candidates only when it starts a one-word phrase or it and the next
	// token are such a pair: "the" starts 40 of the kinds of document and
	// 20 jargon terms, and the word after it seldom fits any.
	pairs    []uint64
	pairMask uint64
	single   []uint64
	// stemPrefix holds the first three letters of each stem in firstStem,
	// so that only likely tokens are stemmed; shortStem is set when a stem
	// is shorter than that, and every word is stemmed.
	stemPrefix map[string]bool
	shortStem  bool
}

// add adds a phrase of lower-case words, each matching only itself.
func (ps *phraseSet) add(v *vocab, text string, label int) {
	ws := appendSplit(v.scratch[:0], text, ' ')
	ph := phrase{words: v.rows(len(ws)), label: label}
	for k := range ws {
		ph.words[k] = v.addAll(ws[k : k+1])
	}
	v.scratch = ws[:0]
	ps.addPhrase(ph)
}

// addStems adds a phrase whose words of letters each match their
// regular inflections ([inflections]: petition matches petitions, speak
// matches speaking, comment matches commenting).
func (ps *phraseSet) addStems(v *vocab, text string, label int) {
	ws := appendSplit(v.scratch[:0], text, ' ')
	n := len(ws)
	ph := phrase{words: v.rows(n), label: label}
	for k := range n {
		w := ws[k]
		if isLetters(w) && len(w) > 2 {
			v.forms = appendInflections(v.forms[:0], w)
			ph.words[k] = v.addAll(v.forms)
		} else {
			ph.words[k] = v.addAll(ws[k : k+1])
		}
	}
	v.scratch = ws[:0]
	ps.addPhrase(ph)
}

// reserve makes room for n phrases in an empty set.
func (ps *phraseSet) reserve(n int) { ps.phrases = make([]phrase, 0, n) }

// addPhrase adds ph; call index once every phrase is added.
func (ps *phraseSet) addPhrase(ph phrase) {
	if len(ph.words) == 0 {
		return
	}
	idx := int32(len(ps.phrases))
	ps.phrases = append(ps.phrases, ph)
	if len(ph.stems) > 0 && ph.stems[0] != "" {
		if ps.firstStem == nil {
			ps.firstStem = make(map[string][]int32)
			ps.stemPrefix = make(map[string]bool)
		}
		ps.firstStem[ph.stems[0]] = append(ps.firstStem[ph.stems[0]], idx)
		ps.stemPrefix[prefix3(ph.stems[0])] = true
		if len(ph.stems[0]) < 3 {
			ps.shortStem = true
		}
	}
}

// index builds the first-word index of the phrases added, each word's
// phrases in the order they were added, and registers the set with v, the
// vocab of its words, whose table then marks the words that start one of
// its phrases.
func (ps *phraseSet) index(v *vocab) {
	if fastPaths && len(v.sets) < 32 && v.tab == nil && ps.firstStem == nil {
		ps.bit = 1 << len(v.sets)
		v.sets = append(v.sets, ps)
	}
	n, size := 0, 0
	for i := range ps.phrases {
		for _, id := range ps.phrases[i].words[0] {
			n++
			size = max(size, int(id)+2)
		}
	}
	if size == 0 {
		return
	}
	// count each word's phrases at the slot after its own, and sum them
	// to the start of each word's run
	at, idx := make([]uint32, size), make([]int32, n)
	for i := range ps.phrases {
		for _, id := range ps.phrases[i].words[0] {
			at[id+1]++
		}
	}
	for k := 1; k < size; k++ {
		at[k] += at[k-1]
	}
	// place each phrase at the next free place of its word's run, which
	// leaves at[id] the end of id's run, then shift the ends back to be
	// the starts
	for i := range ps.phrases {
		for _, id := range ps.phrases[i].words[0] {
			idx[at[id]] = int32(i)
			at[id]++
		}
	}
	copy(at[1:], at[:size-1])
	at[0] = 0
	ps.firstAt, ps.firstIdx = at, idx
	if fastPaths {
		ps.indexPairs(size)
	}
}

// indexPairs builds pairs and single, unless a phrase matches its second
// word by stem, which no pair of ids captures.
func (ps *phraseSet) indexPairs(size int) {
	n := 0
	for i := range ps.phrases {
		ph := &ps.phrases[i]
		if len(ph.stems) > 1 && ph.stems[1] != "" {
			return
		}
		if len(ph.words) > 1 {
			n += len(ph.words[0]) * len(ph.words[1])
		}
	}
	slots := 16
	for slots < 2*n {
		slots *= 2
	}
	ps.pairs, ps.pairMask = make([]uint64, slots), uint64(slots-1)
	ps.single = make([]uint64, (size+63)/64)
	for i := range ps.phrases {
		ph := &ps.phrases[i]
		if len(ph.words) == 1 {
			for _, id := range ph.words[0] {
				ps.single[id>>6] |= 1 << (id & 63)
			}
			continue
		}
		for _, a := range ph.words[0] {
			for _, b := range ph.words[1] {
				k := pairKey(a, b)
				j := pairHash(k) & ps.pairMask
				for ps.pairs[j] != 0 && ps.pairs[j] != k {
					j = (j + 1) & ps.pairMask
				}
				ps.pairs[j] = k
			}
		}
	}
}

// pairKey is the pairs key of word ids a and b: never 0, the empty slot.
func pairKey(a, b int32) uint64 { return 1<<63 | uint64(uint32(a))<<32 | uint64(uint32(b)) }

func pairHash(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> 32 }

// hasPair reports whether word ids a and b begin a phrase of two words or
// more.
func (ps *phraseSet) hasPair(a, b int32) bool {
	if a < 0 || b < 0 {
		return false
	}
	k := pairKey(a, b)
	for j := pairHash(k) & ps.pairMask; ; j = (j + 1) & ps.pairMask {
		switch ps.pairs[j] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// startsSingle reports whether word id starts a one-word phrase.
func (ps *phraseSet) startsSingle(id int32) bool {
	return id >= 0 && int(id>>6) < len(ps.single) && ps.single[id>>6]&(1<<(id&63)) != 0
}

func prefix3(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

// tokenID returns token i's id for a phrase: exact-case or lower-case.
func (p *prepared) tokenID(i int, caseful bool) int32 {
	if caseful {
		return p.cids[i]
	}
	return p.ids[i]
}

// adjacent reports whether tokens i and j (j = i+1) are in the same block.
func (p *prepared) adjacent(i, j int) bool {
	return j < len(p.a.Tokens) && p.a.Tokens[i].Block == p.a.Tokens[j].Block
}

// stemOf returns the stem of token i's lower-case text, or "" when the
// token is not a word.
func (p *prepared) stemOf(i int) string {
	if p.stem == nil || p.a.Tokens[i].Kind != TokenWord {
		return ""
	}
	return p.stem.stem(strings.ToLower(p.a.Text(i)))
}

// posMatches reports whether token i fits position k of ph.
func (p *prepared) posMatches(ph *phrase, k, i int) bool {
	if idSet(ph.words[k]).has(p.tokenID(i, ph.caseful)) {
		return true
	}
	if k < len(ph.stems) && ph.stems[k] != "" && p.stem != nil {
		return p.stemOf(i) == ph.stems[k]
	}
	return false
}

// matchAt returns the longest phrase of ps starting at token i and its
// length in tokens, or -1.
func (ps *phraseSet) matchAt(p *prepared, i int) (best, n int) {
	best = -1
	// the phrases starting with the token's lower-case and exact ids
	// (firstAt is read here rather than through a helper, which the
	// browser build, not inlining, would call for every token)
	at := ps.firstAt
	id, cid := p.ids[i], p.cids[i]
	if fastPaths && ps.pairs != nil && ps.firstStem == nil && !ps.startsSingle(id) && !ps.startsSingle(cid) {
		// a phrase of two words or more, matched by id, needs the next
		// token in the block to be its second word: lower-case ids
		// for most phrases, exact ones for those matched by case
		if !p.adjacent(i, i+1) || !ps.hasPair(id, p.ids[i+1]) && !ps.hasPair(cid, p.cids[i+1]) {
			return -1, 0
		}
	}
	if id >= 0 && int(id) < len(at)-1 && at[id] != at[id+1] {
		best, n = ps.try(p, i, ps.firstIdx[at[id]:at[id+1]], best, n)
	}
	if cid != id && cid >= 0 && int(cid) < len(at)-1 && at[cid] != at[cid+1] {
		best, n = ps.try(p, i, ps.firstIdx[at[cid]:at[cid+1]], best, n)
	}
	if ps.firstStem != nil && p.stem != nil && p.a.Tokens[i].Kind == TokenWord {
		if w := p.a.Text(i); ps.shortStem || len(w) >= 3 && ps.stemPrefix[strings.ToLower(w[:3])] {
			best, n = ps.try(p, i, ps.firstStem[p.stemOf(i)], best, n)
		}
	}
	return best, n
}

// try returns the longest of the candidate phrases that matches at token
// i, or best and n when none is longer.
func (ps *phraseSet) try(p *prepared, i int, cands []int32, best, n int) (int, int) {
	for _, c := range cands {
		ph := &ps.phrases[c]
		if len(ph.words) <= n {
			continue
		}
		// the later words first: a candidate's first word mostly
		// matches already, as candidates are found by it
		k := 1
		for ; k < len(ph.words); k++ {
			j := i + k
			if !p.adjacent(j-1, j) || !p.posMatches(ph, k, j) {
				break
			}
		}
		if k < len(ph.words) || !p.posMatches(ph, 0, i) {
			continue
		}
		if len(ph.notBefore) > 0 && p.adjacent(i+k-1, i+k) && ph.notBefore.has(p.ids[i+k]) {
			continue
		}
		if len(ph.notAfter) > 0 && i > 0 && p.adjacent(i-1, i) && ph.notAfter.has(p.ids[i-1]) {
			continue
		}
		best, n = int(c), k
	}
	return best, n
}

// maybe reports whether a phrase of ps may start at token i: a cheap test
// before matchAt.
func (ps *phraseSet) maybe(p *prepared, i int) bool {
	if fastPaths && ps.bit != 0 {
		return (p.starts[p.ids[i]+1]|p.starts[p.cids[i]+1])&ps.bit != 0
	}
	if ps.firstStem != nil {
		return true
	}
	at := ps.firstAt
	id, cid := p.ids[i], p.cids[i]
	return id >= 0 && int(id) < len(at)-1 && at[id] != at[id+1] ||
		cid != id && cid >= 0 && int(cid) < len(at)-1 && at[cid] != at[cid+1]
}

// each calls fn for each non-overlapping longest match in tokens [lo, hi),
// scanning left to right.
func (ps *phraseSet) each(p *prepared, lo, hi int, fn func(ph *phrase, first, n int)) {
	if bit := ps.bit; fastPaths && bit != 0 {
		// the vocab's marks of first words: two loads a token, where
		// maybe's index is four and this loop most of the rules' time
		starts, ids, cids := p.starts, p.ids[:hi], p.cids[:hi]
		for i := lo; i < hi; i++ {
			if (starts[ids[i]+1]|starts[cids[i]+1])&bit == 0 {
				continue
			}
			if best, n := ps.matchAt(p, i); best >= 0 {
				fn(&ps.phrases[best], i, n)
				i += n - 1
			}
		}
		return
	}
	for i := lo; i < hi; i++ {
		if !ps.maybe(p, i) {
			continue
		}
		if best, n := ps.matchAt(p, i); best >= 0 {
			fn(&ps.phrases[best], i, n)
			i += n - 1
		}
	}
}

// has reports whether any phrase of ps occurs in tokens [lo, hi).
func (ps *phraseSet) has(p *prepared, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if !ps.maybe(p, i) {
			continue
		}
		if best, _ := ps.matchAt(p, i); best >= 0 {
			return true
		}
	}
	return false
}

// inflections returns w and its regular inflected spellings: -s, -es, -ed,
// -d, -ing, with the final e dropped, y turned to i, or the last consonant
// doubled. A council's own words are expanded this way when no Stemmer is
// given.
func inflections(w string) []string { return appendInflections(nil, w) }

// appendInflections appends [inflections] of w to dst, the forms sharing
// one allocation.
func appendInflections(dst []string, w string) []string {
	n := len(w)
	// each form is a stem, a middle and an ending
	var forms [11][3]string
	k := 0
	for _, end := range [...]string{"", "s", "es", "ed", "d", "ing"} {
		forms[k] = [3]string{w, "", end}
		k++
	}
	if n > 1 && w[n-1] == 'e' {
		forms[k] = [3]string{w[:n-1], "", "ing"}
		k++
	}
	if n > 1 && w[n-1] == 'y' {
		forms[k], forms[k+1] = [3]string{w[:n-1], "", "ies"}, [3]string{w[:n-1], "", "ied"}
		k += 2
	}
	if n > 1 && !doublesNot(w[n-1]) {
		forms[k], forms[k+1] = [3]string{w, w[n-1:], "ed"}, [3]string{w, w[n-1:], "ing"}
		k += 2
	}
	var sb strings.Builder
	sb.Grow(11*n + 24)
	for _, f := range forms[:k] {
		sb.WriteString(f[0])
		sb.WriteString(f[1])
		sb.WriteString(f[2])
	}
	all := sb.String()
	for _, f := range forms[:k] {
		m := len(f[0]) + len(f[1]) + len(f[2])
		dst = append(dst, all[:m])
		all = all[m:]
	}
	return dst
}

// doublesNot reports whether a final c is one inflections does not double
// before -ed and -ing: a vowel, w, x or y.
func doublesNot(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'w', 'x', 'y':
		return true
	}
	return false
}
