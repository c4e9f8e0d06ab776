package standards

// Numbers are counted as they are read in British English words: see
// [Syllables] for the readings chosen.

// onesSyl are the syllables of zero to nineteen as words.
var onesSyl = [20]int8{
	2, 1, 1, 1, 1, 1, 1, 2, 1, 1, // zero one two three four five six seven eight nine
	1, 3, 1, 2, 2, 2, 2, 3, 2, 2, // ten eleven twelve thirteen ... seventeen eighteen nineteen
}

// tensSyl are the syllables of twenty to ninety, by tens digit.
var tensSyl = [10]int8{0, 0, 2, 2, 2, 2, 2, 3, 2, 2} // twenty ... seventy eighty ninety

// below100 counts n (1 to 99) read as words: "twenty-five" 3.
func below100(n int) int {
	if n < 20 {
		return int(onesSyl[n])
	}
	c := int(tensSyl[n/10])
	if n%10 != 0 {
		c += int(onesSyl[n%10])
	}
	return c
}

// below1000 counts n (1 to 999) read as words with the British "and":
// "one hundred and five" 5.
func below1000(n int) int {
	c := 0
	if n >= 100 {
		c += int(onesSyl[n/100]) + 2 // hundred
		if n%100 != 0 {
			c++ // and
		}
	}
	if n%100 != 0 {
		c += below100(n % 100)
	}
	return c
}

// cardinal counts n (below 10^15) read as words: "one thousand five
// hundred" 5, "two million and six" 5.
func cardinal(n uint64) int {
	if n == 0 {
		return 2 // zero
	}
	c := 0
	scales := [...]uint64{1e12, 1e9, 1e6, 1e3}
	for _, s := range scales {
		if g := n / s; g > 0 {
			c += below1000(int(g)) + 2 // trillion, billion, million, thousand
			n %= s
		}
	}
	if n > 0 {
		if n < 100 && c > 0 {
			c++ // "one thousand and five"
		}
		c += below1000(int(n))
	}
	return c
}

// ordinalExtra is what reading n as an ordinal adds to its cardinal:
// "second" has one syllable more than "two", "twentieth" one more than
// "twenty"; first, third, fifth, twelfth, hundredth... keep the count.
func ordinalExtra(n uint64) int {
	switch r := n % 100; {
	case r == 2:
		return 1
	case r >= 20 && r%10 == 0:
		return 1
	}
	return 0
}

// year counts a year from 1100 to 2099 read in pairs: "nineteen
// eighty-four" 5, "nineteen oh five" 4, "nineteen hundred" 4, "two thousand
// and five" 5, "twenty twenty-five" 5.
func year(n int) int {
	hi, lo := n/100, n%100
	switch {
	case n >= 2000 && n < 2010:
		return cardinal(uint64(n))
	case lo == 0:
		return below100(hi) + 2 // hundred
	case lo < 10:
		return below100(hi) + 1 + int(onesSyl[lo]) // oh
	}
	return below100(hi) + below100(lo)
}

// digitsAloud counts the digits of s one by one, 0 as "oh"; other bytes
// are skipped.
func digitsAloud(s string) int {
	c := 0
	for i := 0; i < len(s); i++ {
		if d := s[i]; '1' <= d && d <= '9' {
			c += int(onesSyl[d-'0'])
		} else if d == '0' {
			c++ // oh
		}
	}
	return c
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// number counts the number that starts at the digit s[i], with its
// thousands commas, decimals and suffix (1st, 10am, 50p, 2.5m, 10%), and
// returns the index just past it. cur is the syllables of the name of the
// currency written before it, or 0.
func number(s string, i int, cur int) (int, int) {
	j := i
	var v uint64
	nd := 0
	comma := false
	for j < len(s) {
		c := s[j]
		if isDigitByte(c) {
			if nd < 19 {
				v = v*10 + uint64(c-'0')
			}
			nd++
			j++
			continue
		}
		if c == ',' && j+3 < len(s) && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) && isDigitByte(s[j+3]) &&
			(j+4 == len(s) || !isDigitByte(s[j+4])) {
			comma = true
			j++
			continue
		}
		break
	}
	intEnd := j
	fs, fe := 0, 0 // the decimals, s[fs:fe]
	if j+1 < len(s) && s[j] == '.' && isDigitByte(s[j+1]) {
		fs = j + 1
		for j = fs; j < len(s) && isDigitByte(s[j]); j++ {
		}
		fe = j
	}
	// A suffix of letters.
	k := j
	for k < len(s) && k-j < 5 && ('a' <= s[k] && s[k] <= 'z' || 'A' <= s[k] && s[k] <= 'Z') {
		k++
	}
	if k < len(s) && k-j < 5 && isLetterOrMark(rune(s[k])) {
		k = j // part of a longer word: 4x4, 3Dprint
	}
	var low [5]byte
	suffix := low[:0]
	for p := j; p < k; p++ {
		suffix = append(suffix, s[p]|0x20)
	}
	big := nd >= 16 || s[i] == '0' && nd > 1 && !comma
	extra := 0 // syllables of the suffix
	ordinal, multiplier, clock := false, false, false
	switch string(suffix) {
	case "st", "nd", "rd", "th":
		ordinal = fs == 0 && !big
	case "k", "m", "bn", "tn":
		multiplier = true
		extra = 2 // thousand, million, billion, trillion
	case "am", "pm":
		clock = true
		extra = 2
	case "p":
		extra = 1 // pence, read "p"
	case "s":
		// 1990s, 20s: "nineties" and "twenties" read as many syllables
		// as "ninety" and "twenty"
	default:
		if a := abbreviation(suffix); a > 0 && len(suffix) >= 2 && string(suffix) != "st" {
			extra = a // 5km
		} else {
			k = j // not a suffix: read the letters as a word
		}
	}
	j = k

	total := 0
	switch {
	case big:
		total = digitsAloud(s[i:intEnd])
	case nd == 4 && !comma && fs == 0 && cur == 0 && !ordinal && !multiplier && v >= 1100 && v <= 2099:
		total = year(int(v))
	case ordinal:
		total = cardinal(v) + ordinalExtra(v)
	case cur > 0 && v == 0 && fe-fs == 2 && !multiplier:
		// £0.50: "fifty p"
		if f := int(s[fs]-'0')*10 + int(s[fs+1]-'0'); f > 0 {
			return j, below100(f) + 1
		}
		total = cardinal(0)
	default:
		total = cardinal(v)
	}
	if fs > 0 {
		f := 0
		if fe-fs == 2 {
			f = int(s[fs]-'0')*10 + int(s[fs+1]-'0')
		}
		switch {
		case (cur > 0 && !multiplier || clock) && fe-fs == 2:
			// £2.50 "two pounds fifty", 10.30am "ten thirty", 10.05am
			// "ten oh five"
			if f >= 10 {
				total += below100(f)
			} else if f > 0 {
				total += 1 + below100(f)
			}
		default:
			total += 1 + digitsAloud(s[fs:fe]) // point
		}
	}
	total += extra + cur
	// A time in minutes: 10:30, 9:05; ":00" is not read.
	if !clock && fs == 0 && j+2 < len(s) && s[j] == ':' && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) &&
		(j+3 == len(s) || !isDigitByte(s[j+3])) {
		if m := int(s[j+1]-'0')*10 + int(s[j+2]-'0'); m >= 10 {
			total += below100(m)
		} else if m > 0 {
			total += 1 + int(onesSyl[m])
		}
		j += 3
		if j+1 < len(s) && (s[j]|0x20 == 'a' || s[j]|0x20 == 'p') && s[j+1]|0x20 == 'm' &&
			(j+2 == len(s) || !isLetterOrMark(rune(s[j+2]))) {
			total += 2
			j += 2
		}
	}
	if j < len(s) && s[j] == '%' {
		total += 2 // per cent
		j++
	}
	return j, total
}
