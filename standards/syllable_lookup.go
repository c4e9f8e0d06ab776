package standards

import "sync"

// The exception table (syllableTable in syllable_table.go) lists the words
// whose syllables the spelling rules miscount, sorted, front-coded: each
// entry is the word's syllables as a digit ('1' + n - 1 ... up to '?' for
// 16), then the length of the prefix it shares with the entry before as a
// letter ('A' for 0, 'B' for 1, ...), then the rest of the word in a to z.

var (
	tableOnce   sync.Once
	table       map[string]uint8
	tableFilter [1 << 16 / 64]uint64 // bits set by filterHash of the table's words
)

// filterHash is a cheap hash of w that lets most words skip the map.
func filterHash(w []byte) uint32 {
	n := len(w)
	h := uint32(n)*0x9e3779b1 ^ uint32(w[0])<<8 ^ uint32(w[n-1]) ^ uint32(w[n/2])<<4
	if n > 2 {
		h ^= uint32(w[1])<<12 ^ uint32(w[n-2])<<2
	}
	h *= 0x85ebca6b
	return h >> 16
}

// loadTable decodes syllableTable into a map, once.
func loadTable() {
	m := make(map[string]uint8, syllableTableEntries)
	var prev [maxRuleWord]byte
	pn := 0
	t := syllableTable
	for i := 0; i < len(t); {
		count := t[i] - '0'
		if i+1 >= len(t) {
			break
		}
		shared := int(t[i+1] - 'A')
		j := i + 2
		for j < len(t) && t[j] >= 'a' {
			j++
		}
		if shared > pn || shared+j-(i+2) > len(prev) {
			panic("standards: corrupt syllable table") // a generator bug, caught by the tests
		}
		pn = shared + copy(prev[shared:], t[i+2:j])
		m[string(prev[:pn])] = count
		if pn > 0 {
			h := filterHash(prev[:pn])
			tableFilter[h/64] |= 1 << (h % 64)
		}
		i = j
	}
	table = m
}

// tableSyllables returns the syllables of w from the exception table, or 0
// if w is not in it.
func tableSyllables(w []byte) int {
	tableOnce.Do(loadTable)
	if len(w) == 0 {
		return 0
	}
	if h := filterHash(w); tableFilter[h/64]&(1<<(h%64)) == 0 {
		return 0
	}
	return int(table[string(w)])
}
