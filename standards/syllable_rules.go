package standards

import (
	"math/bits"
	"strings"
)

// This file holds the spelling rules that count the syllables of an
// ordinary lower-case English word. They count vowel groups, split the
// groups that English reads as two syllables (the hiatus in "li-on",
// "vi-a", "cre-ate") and drop the vowels English leaves silent (the final e
// of "make", the -ed of "jumped", the -es of "makes"). The words the rules
// miscount are listed in syllable_table.go.

// maxRuleWord is the longest word the rules count in one piece; longer
// strings (which are not English words) are counted in pieces.
const maxRuleWord = 64

// isVowelByte reports whether b is one of a, e, i, o, u.
func isVowelByte(b byte) bool {
	return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u'
}

// vowelMask marks the letters of w that are read as vowels: a, e, i, o, u
// and y, except y before a vowel at the start ("yes") or after a vowel
// ("day", "player"), u after q ("queen") and u between g and a vowel at the
// start of a word or after n ("guard", "language"). Bit i is set for
// vowel w[i]; w has at most maxRuleWord letters.
func vowelMask(w []byte) uint64 {
	var m uint64
	n := len(w)
	for i := 0; i < n; i++ {
		c := w[i]
		if letterClass[c] == 0 {
			continue
		}
		switch c {
		case 'y':
			switch {
			case i == 0:
				if n > 1 && isVowelByte(w[1]) {
					continue
				}
			case m>>uint(i-1)&1 != 0 && w[i-1] != 'y':
				continue // a diphthong's glide: day, boy, they
			}
		case 'u':
			if i > 0 && w[i-1] == 'q' {
				continue // queen, quote, unique
			}
			if i > 0 && w[i-1] == 'g' && i+1 < n && isVowelByte(w[i+1]) &&
				(i == 1 || w[i-2] == 'n' || (i+2 == n-1 && w[i+1] == 'e') || (i+2 == n && w[i+1] == 'e')) {
				continue // guard, language, league, vague
			}
		}
		m |= 1 << uint(i&63)
	}
	if m&(m<<1)>>1&ys(w) == 0 {
		return m
	}
	// y between a consonant and a vowel is a consonant ("canyon",
	// "lawyer") unless it is the word's first vowel ("cyan", "dryer") or
	// begins -ying ("studying").
	for i := 1; i+1 < n; i++ {
		if w[i] != 'y' || m&(1<<i) == 0 || m&(1<<(i+1)) == 0 || m&(1<<(i-1)) != 0 {
			continue
		}
		if m&(1<<i-1) != 0 && !(i+4 == n && w[i+1] == 'i' && w[i+2] == 'n' && w[i+3] == 'g') {
			m &^= 1 << i
		}
	}
	return m
}

// letterClass is 1 for the bytes a, e, i, o, u and y.
var letterClass = [256]uint8{'a': 1, 'e': 1, 'i': 1, 'o': 1, 'u': 1, 'y': 1}

// ys returns a mask of the letters y in w.
func ys(w []byte) uint64 {
	var m uint64
	for i, c := range w {
		if c == 'y' {
			m |= 1 << uint(i&63)
		}
	}
	return m
}

// hasSuffix reports whether w ends with s.
func hasSuffix(w []byte, s string) bool {
	if len(w) < len(s) {
		return false
	}
	return string(w[len(w)-len(s):]) == s
}

// ruleSyllables counts the syllables of w, a lower-case word of the letters
// a to z, by spelling rules alone. It returns at least 1.
func ruleSyllables(w []byte) int {
	n := len(w)
	if n == 0 {
		return 0
	}
	if n > maxRuleWord {
		return ruleSyllables(w[:maxRuleWord]) + ruleSyllables(w[maxRuleWord:])
	}
	m := vowelMask(w)
	isV := func(i int) bool { return uint(i) < uint(n) && m>>uint(i)&1 != 0 }

	if m == 0 {
		return 1
	}
	starts := m &^ (m << 1) // the first vowel of each group
	groups := bits.OnesCount64(starts)
	count := groups
	for pairs := m & (m >> 1); pairs != 0; pairs &= pairs - 1 {
		// w[k] and w[k+1] are vowels of one group
		k := bits.TrailingZeros64(pairs)
		ge := k + 1 + bits.TrailingZeros64(^(m >> uint(k+1)))
		g := bits.OnesCount64(starts & (1<<uint(k+1) - 1))
		if hiatus(w, k, ge, g) {
			count++
		}
	}
	// the last vowel group [lastStart, lastEnd)
	lastStart := 63 - bits.LeadingZeros64(starts)
	lastEnd := lastStart + bits.TrailingZeros64(^(m >> uint(lastStart)))

	// A lone final e after a consonant is silent ("make"), as is the e of
	// a final -es or -ed when English does not voice it ("makes",
	// "jumped"), unless it is the word's only vowel ("the", "bed").
	if groups > 1 && lastEnd-lastStart == 1 && w[lastStart] == 'e' {
		e := lastStart
		tail := string(w[e+1:])
		prev := w[e-1]
		switch tail {
		case "":
			if !syllabicBeforeE(w, e) {
				count--
			}
		case "s":
			if !syllabicBeforeE(w, e) && !sibilantBeforeE(w, e) {
				count--
			}
		case "d":
			if !syllabicBeforeE(w, e) && prev != 't' && prev != 'd' {
				count--
			}
		}
	}
	// A silent e before a suffix or the second part of a compound:
	// lately, hopeful, statement, fireman, stonehill.
	for e := max(2, n-9); e < n-2; e++ {
		if w[e] != 'e' || !silentESuffix(string(w[e+1:])) {
			continue
		}
		if !isV(e-1) && !isV(e+1) && (isV(e-2) || isV(e-3) && w[e-1] != 'r') && !syllabicBeforeE(w, e) {
			count--
		}
		break
	}

	// A syllabic l before -ing ("bottling") and, after a vowel and one
	// consonant, before -er ("abler").
	if l := n - 4; n >= 6 && hasSuffix(w, "ling") && !isV(l-1) && !isV(l-2) && syllabicL(w[l-1]) {
		count++
	} else if l := n - 3; n >= 5 && hasSuffix(w, "ler") && !isV(l-1) && isV(l-2) && syllabicL(w[l-1]) {
		count++
	}
	// The u of awfully is not read.
	if hasSuffix(w, "awfully") {
		count--
	}
	// -ire is read as two syllables: fire, admired.
	if hasSuffix(w, "shire") || hasSuffix(w, "shires") {
		// -shire is one syllable: Berkshire
	} else if i := n - 3; n >= 4 && w[i] == 'i' && w[i+1] == 'r' && w[i+2] == 'e' && !isV(i-1) ||
		i >= 1 && n >= 5 && w[i-1] == 'i' && w[i] == 'r' && w[i+1] == 'e' && (w[i+2] == 's' || w[i+2] == 'd') && !isV(i-2) {
		count++
	}
	// A syllabic m after s or th: tourism, spasm, rhythm.
	if hasSuffix(w, "sm") || hasSuffix(w, "thm") || hasSuffix(w, "sms") || hasSuffix(w, "thms") {
		count++
	}
	// Mc is read as a syllable: McDonald.
	if n > 3 && w[0] == 'm' && w[1] == 'c' && !isV(2) {
		count++
	}
	if count < 1 {
		count = 1
	}
	return count
}

// syllabicL reports whether an l after consonant c can be syllabic.
func syllabicL(c byte) bool {
	return c != 'l' && c != 'r' && c != 'w' && c != 'h' && c != 'y'
}

// silentESuffix reports whether a lone e before suf is silent: suf is a
// suffix or the second part of a compound.
func silentESuffix(suf string) bool { return inList(silentESuffixes, suf) }

// silentESuffixes lists the suffixes silentESuffix knows, each between
// spaces: a list scanned by inList is a fraction of the code of a switch
// over as many strings.
const silentESuffixes = " ly ful fully ment ments ness nesses less some ty ties" +
	" man men land lands worth wood woods house horn hill hills" +
	" line lines book books way ways ward wards field ville town" +
	" stone side wright water work works walk ridge smith" +
	" brook mark marks maker makers comer comers wife wives" +
	" hold holds holder holders lock locks board boards ship "

// inList reports whether w, which holds no space, is one of the words of
// list, which starts and ends with a space and separates its words by
// single spaces.
func inList(list, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(list[from:], w)
		if i < 0 {
			return false
		}
		i += from
		// list[0] is a space and w holds none, so i >= 1; the last byte
		// of list is a space, so i+len(w) < len(list).
		if list[i-1] == ' ' && list[i+len(w)] == ' ' {
			return true
		}
		from = i + 1
	}
}

// syllabicBeforeE reports whether the final e at index e (in -e, -es or
// -ed) follows a syllabic l or r, as in "table", "tables", "centre",
// "centred", "settled".
func syllabicBeforeE(w []byte, e int) bool {
	if e < 2 {
		return false
	}
	c, p := w[e-1], w[e-2]
	if c != 'l' && c != 'r' {
		return false
	}
	if isVowelByte(p) || p == 'y' || p == c || p == 'w' || p == 'h' && c == 'r' {
		return false
	}
	if c == 'r' && p == 'r' {
		return false
	}
	return true
}

// sibilantBeforeE reports whether the e at index e of a final -es follows a
// sound that makes the -es a syllable: boxes, wishes, churches, pages,
// places, roses, judges.
func sibilantBeforeE(w []byte, e int) bool {
	switch w[e-1] {
	case 's', 'x', 'z', 'c', 'g':
		return true
	case 'h':
		return e >= 2 && (w[e-2] == 'c' || w[e-2] == 's')
	}
	return false
}

// hiatus reports whether the adjacent vowels w[k] and w[k+1], inside the
// vowel group that ends at ge (the word's g-th), are read as two syllables.
func hiatus(w []byte, k, ge, g int) bool {
	a, b := w[k], w[k+1]
	n := len(w)
	var before byte // the letter before the pair, if a consonant
	if k > 0 {
		before = w[k-1]
	}
	after := string(w[k+2:]) // the rest of the word after the pair
	end := ge == n           // the group ends the word
	switch {
	case a == 'y':
		// y as a vowel before another vowel: cyan, dryer, crying
		return true
	case b == 'i' && after == "ng":
		// a vowel before -ing: being, doing, going, seeing
		return true
	}
	switch string([]byte{a, b}) {
	case "ia":
		if before == 't' || before == 'c' || before == 's' || before == 'g' || before == 'x' {
			if end || after == "" || after[0] == 'l' || after[0] == 'n' {
				return false // special, musician, asia
			}
		}
		return true
	case "io":
		if before == 't' || before == 'c' || before == 's' || before == 'g' || before == 'x' {
			if after != "" && (after[0] == 'n' || after[0] == 'u') {
				return false // nation, precious, region
			}
		}
		if (before == 'l' || before == 'n') && after != "" && after[0] == 'n' && k >= 2 && w[k-2] == before {
			return false // million, billion
		}
		return true
	case "iu":
		return !(before == 't' || before == 'g')
	case "ie":
		if end && (after == "" || after == "s" || after == "d") {
			return false // pie, studies, tried
		}
		if after == "r" || after == "rs" || after == "st" {
			return g > 1 || before == 'r' || before == 'l' || isVowelByte(before) // happier, crier, but pier
		}
		if len(after) > 0 && after[0] == 't' {
			return true // quiet, diet, society
		}
		if len(after) >= 2 && after[0] == 'n' && after[1] == 't' {
			return before != 'c' && before != 't' && before != 'r' // client, but ancient, patient, friend
		}
		if len(after) >= 2 && after[0] == 'n' && after[1] == 'c' {
			return before != 'c' && before != 't' || before == 'c' && k >= 1 && w[k-1] == 'c' && k >= 2 && w[k-2] == 's'
		}
		return false
	case "ea":
		if after == "" && g > 1 {
			return true // idea, area
		}
		if after == "te" || after == "tes" {
			return g > 1 || before == 'r' // permeate, create, but eat
		}
		if len(after) >= 2 && after[0] == 't' && k >= 2 && before == 'r' && (w[k-2] == 'c' || w[k-2] == 'g') {
			return true // created, creation, greater
		}
		return false
	case "eo":
		return before != 'g' && before != 'c' // video, theory, but pigeon
	case "ua":
		return before != 'q' && before != 'g'
	case "ue":
		if end && (after == "" || after == "s" || after == "d") {
			return false // blue, values, valued
		}
		return true // cruel, fuel, influence
	case "ui":
		if after == "" {
			return true
		}
		switch after[0] {
		case 't', 'c', 's', 'l', 'd':
			if after[0] == 'd' && after == "d" {
				return true // fluid
			}
			return false // suit, juice, cruise, build
		}
		return true // ruin, genuine
	case "oe":
		return after == "m" || after == "t" || after == "ms" || after == "ts" || after == "try" // poem, poet, but boeing
	case "ao", "eu":
		if a == 'e' {
			return (after == "m" || after == "s") && g > 1 // museum, nucleus
		}
		return true // chaos
	case "oa":
		return end && after == "" && g > 1 // boa
	case "ei":
		return after == "ty" || after == "ties" // deity
	case "ii":
		return true
	case "uo", "uu":
		return true
	case "ai":
		return false
	}
	return false
}
