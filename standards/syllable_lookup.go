package standards

import "sync"

// The exception table (syllableTable in syllable_table.go) lists the words
// whose syllables the spelling rules miscount, sorted, front-coded: each
// entry is the word's syllables as a digit ('1' + n - 1 ... up to '?' for
// 16), then the length of the prefix it shares with the entry before as a
// letter ('A' for 0, 'B' for 1, ...), then the rest of the word in a to z.

var (
	tableOnce sync.Once
	table     map[string]uint8
)

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
		i = j
	}
	table = m
}

// tableSyllables returns the syllables of w from the exception table, or 0
// if w is not in it.
func tableSyllables(w []byte) int {
	tableOnce.Do(loadTable)
	return int(table[string(w)])
}
