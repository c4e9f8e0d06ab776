package standards

// Syllables is a provisional vowel-group counter, replaced by the CMUdict-
// checked counter.
func Syllables(word string) int {
	n, prev := 0, false
	for i := 0; i < len(word); i++ {
		c := word[i] | 0x20
		v := c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
		if v && !prev {
			n++
		}
		prev = v
	}
	if n > 1 && len(word) > 2 && word[len(word)-1]|0x20 == 'e' && word[len(word)-2]|0x20 != 'l' {
		n--
	}
	if n == 0 && len(word) > 0 {
		n = 1
	}
	return n
}
