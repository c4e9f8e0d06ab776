package standards

import "math/bits"

// sylCache remembers what one analysis learnt about each distinct word it
// met: its syllables, its case flags and, when the analysis was given a
// rule set's vocabulary, its word ids there. The common words of a text,
// which make up most of its tokens, are then counted and looked up once.
//
// It is two-way set-associative: a word's hash picks a set of two slots,
// and a new word evicts the one used least recently. A slot is 32 bytes,
// so a set is one 64-byte cache line, and it holds a word of up to 16
// bytes itself: a hit compares the token's bytes, which the tokeniser has
// just read, with the slot's, rather than with the word's first use,
// somewhere in a MB of text and seldom still in the processor's cache.
// Longer words are slices of the document's text, kept in long, so
// filling the cache allocates nothing.
type sylCache struct {
	mask  uint32
	shift uint8 // 64 less the bits of a set number: a hash's top bits pick its set
	slots []sylSlot
	long  []string // by slot: the word, when longer than 16 bytes
}

// sylSlot is one word of a sylCache.
type sylSlot struct {
	lo, hi  uint64 // the word's bytes, little-endian, 0 past its end (wordKey)
	id, cid int32  // the word's ids in the vocabulary (see prepared), once known
	n       uint8  // the word's length, or longWord (see sylCache.long)
	syl     uint8  // Syllables(w), capped at 255
	flags   TokenFlag
	known   uint8 // knownFlags and knownIDs
}

// longWord is sylSlot.n for a word longer than 16 bytes.
const longWord = 255

// The sylSlot.known bits: which of a slot's facts are filled in. Its
// syllables always are.
const (
	knownFlags = 1 << iota // flags is caseFlags(w)
	knownIDs               // id and cid are set
)

// newSylCache returns a cache sized for a text of n bytes: about one slot
// per 16 bytes, from 64 to 16,384 slots.
func newSylCache(n int) *sylCache {
	size := newSylCacheSize(n)
	sets := size / 2
	c := &sylCache{mask: uint32(sets - 1), shift: uint8(64 - bits.Len(uint(sets-1))), slots: make([]sylSlot, size), long: make([]string, size)}
	if parallelBuild {
		// Write the new slots once before the first lookup reads them.
		// Fresh memory read first is mapped to the kernel's shared zero
		// page, and the first store to each page then replaces it and
		// flushes the TLB of every CPU running the process: on a
		// virtual machine, tens of microseconds a page, as much as
		// counting the syllables of a MB's distinct words. Written
		// first, each page is simply allocated.
		clear(c.slots)
	}
	return c
}

// newSylCacheSize is the number of slots newSylCache gives a text of n
// bytes.
func newSylCacheSize(n int) int {
	size := 64
	for size < 16384 && size*16 < n {
		size *= 2
	}
	return size
}

// syllables returns Syllables(w), capped at 255.
func (c *sylCache) syllables(w string) uint8 { return c.find(w).syl }

// find returns w's slot, first in its set, with its syllables counted: the
// slot it had, or the set's older slot given to w.
func (c *sylCache) find(w string) *sylSlot {
	lo, hi, n := wordKey(w)
	// Hash the length and the first and last eight bytes (of a short
	// word, its bytes).
	x := (uint64(len(w)) ^ lo ^ hi*0x9e3779b97f4a7c15) * 0xff51afd7ed558ccd
	// The product's top bits, which every bit of x reaches, pick a set
	// of two slots, the word last used first. Bits 40 to 53 of one slot
	// each, used before, sent "for" and "which" to one slot, and the two
	// evicted each other thousands of times on real council pages.
	i := int(uint32(x>>c.shift)&c.mask) << 1
	set := c.slots[i : i+2 : i+2]
	long := c.long[i : i+2 : i+2]
	if w != "" {
		if s := &set[0]; s.lo == lo && s.hi == hi && s.n == n && (n != longWord || long[0] == w) {
			return s
		}
		if s := &set[1]; s.lo == lo && s.hi == hi && s.n == n && (n != longWord || long[1] == w) {
			if set[0].n == longWord || n == longWord {
				long[0], long[1] = long[1], long[0]
			}
			set[0], set[1] = set[1], set[0]
			return &set[0]
		}
	}
	s := Syllables(w)
	if s > 255 {
		s = 255
	}
	// long is written only for long words, and read only for a slot
	// that holds one, so most of its pages are never touched
	if set[0].n == longWord {
		long[1] = long[0]
	}
	set[1] = set[0]
	set[0] = sylSlot{lo: lo, hi: hi, n: n, syl: uint8(s)}
	if n == longWord {
		long[0] = w
	}
	return &set[0]
}

// wordKey returns the bytes of a word of up to 16 bytes as two
// little-endian words, 0 past its end, and its length; of a longer word,
// its first and last eight bytes and longWord.
func wordKey(w string) (lo, hi uint64, n uint8) {
	switch k := len(w); {
	case k > 16:
		return le64(w), le64(w[k-8:]), longWord
	case k >= 8:
		lo = le64(w)
		if k > 8 {
			hi = le64(w[k-8:]) >> (8 * (16 - k))
		}
		return lo, hi, uint8(k)
	default:
		for i := k - 1; i >= 0; i-- {
			lo = lo<<8 | uint64(w[i])
		}
		return lo, 0, uint8(k)
	}
}

// le64 reads the first eight bytes of s, little-endian.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
