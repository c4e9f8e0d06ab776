package standards

import (
	"unicode"
	"unicode/utf8"
)

// Syllables returns the number of syllables in word as it is read aloud in
// British English.
//
// Ordinary words are counted case-insensitively by spelling rules, with a
// table of the words the rules miscount ("Council" and "council" both
// give 2). A hyphenated word is the sum of its parts; a possessive 's adds a
// syllable only after a hissing sound ("council's" 2, "church's" 2); n't adds
// one after a consonant ("didn't" 2, "don't" 1).
//
// Other tokens count as they are read:
//
//   - numbers as words, with the British "and": "12" is twelve (1), "1,500"
//     one thousand five hundred (6), "105" one hundred and five (5);
//     four-digit numbers from 1100 to 2099 as years, read in pairs: "1984"
//     nineteen eighty-four (5), "2025" twenty twenty-five (5), "1900"
//     nineteen hundred (4), "2005" two thousand and five (5); numbers with a
//     leading zero and numbers of 16 digits or more digit by digit, 0 as
//     "oh" ("01632" 5); decimals with "point" and their digits one by one
//     ("2.05" two point oh five, 4);
//   - money: "£2.5m" two point five million pounds (6), "£2.50" two pounds
//     fifty (4), "50p" fifty p (3); percentages ("10%" ten per cent, 3);
//     ordinals ("1st" 1, "21st" twenty-first 3, "20th" twentieth 3); times
//     ("10am" 3, "10:30" 3); suffixes k, m, bn (thousand, million, billion);
//   - all-capital acronyms letter by letter, W as three ("NHS" 3, "WHO" 5),
//     unless they are read as words: a short list (NATO, SEND, COVID, ...)
//     and capitals of five letters or more that look pronounceable
//     ("UNESCO", "IMPORTANT"); plurals such as "GPs" (2);
//   - abbreviations as their words: "Cllr" councillor (3), "Dr" doctor (2),
//     "St" street or saint (1), "etc." et cetera (4); dotted letters one by
//     one ("e.g." 2, "a.m." 2);
//   - accented Latin letters as their base letters, with a final é read
//     ("café" 2) and a diaeresis starting a syllable ("naïve" 2); Chinese,
//     Japanese and Korean characters one syllable each; other scripts
//     estimated at one syllable per two letters.
//
// Syllables returns at least 1 for any string with a letter or digit, and 0
// for the empty string and pure punctuation. It does not allocate for words
// of ASCII letters and apostrophes.
func Syllables(word string) int {
	var buf [maxRuleWord]byte
	n, upper := 0, 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case 'a' <= c && c <= 'z', c == '\'':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			upper++
		default:
			return readAloud(word)
		}
		if n == len(buf) {
			return readAloud(word)
		}
		buf[n] = c
		n++
	}
	return letterRun(buf[:n], upper, word)
}

// letterRun counts the syllables of a run of letters and apostrophes: w is
// the run in lower case, upper the number of its letters that were upper
// case and orig the run as written (for the case of its letters; it may
// hold other letters than w when w was folded from accented letters, but
// then upper is 0 or len(w)).
func letterRun(w []byte, upper int, orig string) int {
	// Apostrophes: contractions and possessives.
	for a := 0; a < len(w); a++ {
		if w[a] != '\'' {
			continue
		}
		stem, tail := w[:a], w[a+1:]
		if len(stem) == 0 {
			return letterRun(tail, upperIn(orig, 1), orig[min(1, len(orig)):])
		}
		stemOrig := orig
		if len(orig) == len(w) {
			stemOrig = orig[:a]
		}
		switch string(tail) {
		case "":
			return letterRun(stem, upperIn(stemOrig, 0), stemOrig)
		case "s":
			c := letterRun(stem, upperIn(stemOrig, 0), stemOrig)
			if endsHissing(stem, upperIn(stemOrig, 0) == len(stem) && len(stem) > 1) {
				c++
			}
			return c
		case "t":
			if len(stem) > 1 && stem[len(stem)-1] == 'n' {
				// n't is a syllable after a consonant: didn't, isn't,
				// haven't, but don't, can't, won't.
				s := stem[:len(stem)-1]
				c := ruleSyllables(s)
				last := s[len(s)-1]
				if !isVowelByte(last) && last != 'y' && last != '\'' ||
					last == 'e' && len(s) > 2 && !isVowelByte(s[len(s)-2]) {
					c++
				}
				return c
			}
		case "ll", "re", "ve", "d", "m":
			return letterRun(stem, upperIn(stemOrig, 0), stemOrig)
		}
		for _, c := range tail {
			if c == '\'' {
				return letterRun(stem, 0, "") + letterRun(tail, 0, "") // rock'n'roll
			}
		}
		// o'clock, O'Brien, d'Arcy: read as one word.
		var joined [maxRuleWord]byte
		j := copy(joined[:], stem)
		j += copy(joined[j:], tail)
		return letterRun(joined[:j], 0, "")
	}
	n := len(w)
	if n == 0 {
		return 0
	}
	// Acronyms in capitals: NHS, GPs.
	if n >= 2 && (upper == n || upper == n-1 && w[n-1] == 's' && n >= 3 && isLowerAt(orig, n-1)) {
		letters := w
		if upper == n-1 {
			letters = w[:n-1]
		}
		if !readAsWord(letters) {
			return spell(letters)
		}
		if upper == n-1 {
			return wordSyllables(letters) // SENDs
		}
	}
	if n == 1 {
		return spell(w)
	}
	return wordSyllables(w)
}

// wordSyllables counts a lower-case word of the letters a to z.
func wordSyllables(w []byte) int {
	if c := abbreviation(w); c > 0 {
		return c
	}
	if c := tableSyllables(w); c > 0 {
		return c
	}
	vowel := false
	for _, c := range w {
		if isVowelByte(c) || c == 'y' {
			vowel = true
			break
		}
	}
	if !vowel {
		return spell(w) // bbc, cctv
	}
	return ruleSyllables(w)
}

// spell counts the letters of w read by name: one syllable each, three for
// w ("double-u").
func spell(w []byte) int {
	c := 0
	for _, b := range w {
		if b == 'w' {
			c += 3
		} else {
			c++
		}
	}
	return c
}

// upperIn counts the ASCII upper-case letters of s from byte offset from.
func upperIn(s string, from int) int {
	c := 0
	for i := from; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			c++
		}
	}
	return c
}

// isLowerAt reports whether s has a lower-case ASCII letter at byte i.
func isLowerAt(s string, i int) bool {
	return i < len(s) && 'a' <= s[i] && s[i] <= 'z'
}

// endsHissing reports whether w ends in a sound after which a possessive
// 's is a syllable: s, x, z, ch, sh, ce, ge, se, ze; spelled says w is an
// acronym read letter by letter (NHS's).
func endsHissing(w []byte, spelled bool) bool {
	n := len(w)
	last := w[n-1]
	if spelled {
		return last == 's' || last == 'x' || last == 'h' || last == 'z'
	}
	switch last {
	case 's', 'x', 'z':
		return true
	case 'h':
		return n >= 2 && (w[n-2] == 'c' || w[n-2] == 's')
	case 'e':
		if n >= 2 {
			switch w[n-2] {
			case 'c', 'g', 's', 'z':
				return true
			}
		}
	}
	return false
}

// readAsWord reports whether the capitals w (in lower case) are read as a
// word rather than letter by letter.
func readAsWord(w []byte) bool {
	if inSorted(spokenCaps[:], w) {
		return true
	}
	if len(w) < 5 {
		return false
	}
	// Five capitals or more: a word if it has vowels enough, starts as
	// an English word can and has no run of four consonants.
	vowels, run := 0, 0
	for _, c := range w {
		if isVowelByte(c) || c == 'y' {
			vowels++
			run = 0
		} else if run++; run >= 4 {
			return false
		}
	}
	if 3*vowels < len(w) {
		return false
	}
	if isVowelByte(w[0]) || isVowelByte(w[1]) || w[1] == 'y' {
		return true
	}
	for k := 0; k+1 < len(onsets); k += 2 {
		if w[0] == onsets[k] && w[1] == onsets[k+1] {
			return true
		}
	}
	return false
}

// spokenCaps lists, sorted, the acronyms read as words and the short words
// often set in capitals, with their plurals: capitals read as a word, not
// letter by letter. A sorted table is a fraction of the code of a switch.
var spokenCaps = [...]string{
	"acas", "act", "aids", "all", "an", "and", "are", "asbo", "asbos", "ask", "back", "be", "bill",
	"bins", "book", "but", "by", "cafcass", "call", "can", "city", "cop", "covid", "date", "defra",
	"do", "ehcp", "faq", "faqs", "fee", "fees", "find", "for", "free", "from", "get", "gif", "gifs",
	"go", "hall", "have", "he", "help", "here", "home", "how", "if", "in", "info", "is", "isa",
	"isas", "job", "jobs", "lane", "laser", "last", "live", "may", "me", "more", "must", "my", "nasa",
	"nato", "new", "news", "next", "nice", "nimby", "no", "not", "note", "now", "of", "ofcom", "off",
	"ofgem", "ofsted", "ofwat", "on", "one", "opec", "open", "or", "our", "out", "park", "pay", "pdf",
	"pdfs", "pin", "pins", "plan", "poll", "read", "rent", "road", "rule", "sage", "scuba", "see",
	"sen", "send", "she", "six", "so", "stop", "tax", "ten", "that", "the", "them", "they", "this",
	"time", "to", "town", "two", "unesco", "unicef", "up", "view", "vote", "ward", "we", "what",
	"when", "why", "will", "with", "yes", "you", "your",
}

// onsets are the two-consonant starts of English words, in pairs.
const onsets = "blbrchclcrdrdwflfrglgrknphplprquscshskslsmsnspstswthtrtwwhwr"

// inSorted reports whether the sorted list holds w.
func inSorted(list []string, w []byte) bool {
	lo, hi := 0, len(list)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if list[m] < string(w) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(list) && list[lo] == string(w)
}

// abbreviation returns the syllables of w read as the words it abbreviates,
// or 0 if w is not an abbreviation.
func abbreviation(w []byte) int {
	switch string(w) {
	case "st", "rd", "ft", "lb", "lbs", "yr", "yrs", "wk", "wks":
		return 1 // street or saint, road, feet, pounds, years, weeks
	case "dr", "mr", "mrs", "vs", "hrs", "mins", "tues", "thurs", "nb", "ps", "pm":
		return 2 // doctor, mister, missus, versus, hours, minutes, Tuesday, Thursday, N B, P S, P M
	case "cllr", "cllrs", "dept", "govt", "ltd", "plc":
		return 3 // councillor(s), department, government, limited, P L C
	case "etc", "km", "cm", "mm", "ml":
		return 4 // et cetera, kilometres, centimetres, millimetres, millilitres
	case "kg", "mg":
		return 3 // kilograms, milligrams
	case "approx":
		return 5 // approximately
	case "ie", "eg":
		return 2 // i e, e g
	}
	return 0
}

// readAloud counts any string: letters, digits, symbols and punctuation.
func readAloud(s string) int {
	total, amp := 0, 0
	var buf [maxRuleWord]byte
	for i := 0; i < len(s); {
		c := s[i]
		// Numbers.
		if '0' <= c && c <= '9' {
			j, syl := number(s, i, 0)
			total += syl
			i = j
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == '£' || r == '$' || r == '€' || r == '¥':
			if i+size < len(s) && '0' <= s[i+size] && s[i+size] <= '9' {
				j, syl := number(s, i+size, currencySyllables(r))
				total += syl
				i = j
				continue
			}
		case r == '&':
			amp++ // R&D: "and"
		case isLetterOrMark(r) || r == '\'' || r == '’' || r == 'ʼ':
			j, syl := letters(s, i, &buf)
			// "No." before a number is read "number".
			if j-i == 2 && j < len(s) && s[j] == '.' && (s[i:j] == "No" || s[i:j] == "no") {
				syl = 2
			}
			total += syl
			i = j
			continue
		case unicode.IsDigit(r):
			total++ // a digit of another script
		}
		i += size
	}
	if total > 0 {
		total += amp // an ampersand alone is punctuation
	}
	return total
}

// isLetterOrMark reports whether r is a letter or a combining mark.
func isLetterOrMark(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// letters counts the run of letters and apostrophes starting at s[i] and
// returns the index just past it. Latin letters are folded to a to z;
// a vowel with a diaeresis after a vowel starts a new syllable; other
// scripts are estimated.
func letters(s string, i int, buf *[maxRuleWord]byte) (int, int) {
	total := 0
	n, upper, lower := 0, 0, 0
	start := i
	other := 0 // letters of other scripts in the current piece
	flush := func(end int) {
		if n > 0 {
			total += letterRun(buf[:n], upper, s[start:end])
		}
		total += (other + 1) / 2
		n, upper, lower, other = 0, 0, 0, 0
		start = end
	}
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isLetterOrMark(r) && !isApostrophe(r) {
			break
		}
		if n >= maxRuleWord-2 {
			flush(i)
		}
		switch {
		case isApostrophe(r):
			buf[n] = '\''
			n++
		case r < utf8.RuneSelf:
			b := byte(r)
			if b <= 'Z' {
				b += 'a' - 'A'
				upper++
			} else {
				lower++
			}
			buf[n] = b
			n++
		case unicode.Is(unicode.Mn, r):
			// a combining accent: part of the letter before it
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush(i)
			total++
			start = i + size
		default:
			f, diaeresis, upperCase := fold(r)
			if f == "" {
				other++
				break
			}
			if diaeresis && n > 0 && isVowelByte(buf[n-1]) {
				flush(i)
			}
			if f == "e" && r != 'ë' && r != 'Ë' && r != 'ê' && r != 'è' && endOfWord(s, i+size) {
				f = "ay" // café, résumé
			}
			for k := 0; k < len(f) && n < maxRuleWord; k++ {
				buf[n] = f[k]
				n++
				if upperCase {
					upper++
				} else {
					lower++
				}
			}
		}
		i += size
	}
	flush(i)
	return i, total
}

// endOfWord reports whether s has no letter at i, or only a final s.
func endOfWord(s string, i int) bool {
	if i < len(s) && (s[i] == 's' || s[i] == 'S') {
		i++
	}
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isLetterOrMark(r)
}

// fold returns the ASCII letters of an accented Latin letter, whether it
// carries a diaeresis and whether it is upper case; "" for letters of
// other scripts.
func fold(r rune) (string, bool, bool) {
	upper := unicode.IsUpper(r)
	l := unicode.ToLower(r)
	switch l {
	case 'à', 'á', 'â', 'ã', 'å', 'ā', 'ă', 'ą':
		return "a", false, upper
	case 'ä':
		return "a", true, upper
	case 'æ':
		return "ae", false, upper
	case 'ç', 'ć', 'č':
		return "c", false, upper
	case 'è', 'é', 'ê', 'ē', 'ė', 'ę', 'ě':
		return "e", false, upper
	case 'ë':
		return "e", true, upper
	case 'ì', 'í', 'î', 'ī', 'į', 'ı':
		return "i", false, upper
	case 'ï':
		return "i", true, upper
	case 'ñ', 'ń', 'ň':
		return "n", false, upper
	case 'ò', 'ó', 'ô', 'õ', 'ø', 'ō', 'ő':
		return "o", false, upper
	case 'ö':
		return "o", true, upper
	case 'œ':
		return "oe", false, upper
	case 'ù', 'ú', 'û', 'ū', 'ů', 'ű', 'ų':
		return "u", false, upper
	case 'ü':
		return "u", true, upper
	case 'ý', 'ÿ', 'ŷ':
		return "y", false, upper
	case 'ŵ':
		return "w", false, upper
	case 'ß':
		return "ss", false, false
	case 'ð', 'þ':
		return "th", false, upper
	case 'ł', 'ľ', 'ĺ':
		return "l", false, upper
	case 'ś', 'š', 'ş', 'ș':
		return "s", false, upper
	case 'ź', 'ž', 'ż':
		return "z", false, upper
	case 'ř', 'ŕ':
		return "r", false, upper
	case 'ť', 'ţ', 'ț':
		return "t", false, upper
	case 'ď', 'đ':
		return "d", false, upper
	case 'ğ':
		return "g", false, upper
	}
	return "", false, false
}

// currencySyllables returns the syllables of the name of a currency symbol.
func currencySyllables(r rune) int {
	switch r {
	case '£', '¥':
		return 1 // pounds, yen
	}
	return 2 // dollars, euros
}
