package standards

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Readability holds the classic readability formulas, each computed from
// [Stats] exactly as its paper defines it, with no intermediate rounding.
type Readability struct {
	FleschReadingEase  float64 `json:"flesch_reading_ease"`
	FleschKincaidGrade float64 `json:"flesch_kincaid_grade"`
	GunningFog         float64 `json:"gunning_fog"`
	SMOG               float64 `json:"smog"`
	ColemanLiau        float64 `json:"coleman_liau"`
	ARI                float64 `json:"ari"`
	// ReadingAge is the UK reading age in years: the Flesch–Kincaid grade
	// plus 5.
	ReadingAge float64 `json:"reading_age"`
	// Notes flag scores resting on too small a sample, such as SMOG on
	// fewer than 30 sentences.
	Notes []string `json:"notes,omitempty"`
}

// count fills a.Stats from the tokens in sentences.
func (a *Analysis) count() {
	st := &a.Stats
	*st = a.countWords(0, len(a.Sentences))
	st.Sentences = len(a.Sentences)
	st.Paragraphs = a.paragraphs()
}

// paragraphs counts the blocks with a sentence that are not headings.
func (a *Analysis) paragraphs() int {
	n := 0
	lastBlock := int32(-1)
	for si := range a.Sentences {
		s := &a.Sentences[si]
		if s.Block != lastBlock {
			lastBlock = s.Block
			if a.Doc.Blocks[s.Block].Kind != BlockHeading {
				n++
			}
		}
	}
	return n
}

// countWords counts the words, syllables, letters, characters,
// polysyllables and complex words of sentences [from, to); the other
// fields are left at 0.
func (a *Analysis) countWords(from, to int) Stats {
	var st Stats
	for si := from; si < to; si++ {
		s := &a.Sentences[si]
		for k := int(s.First); k < int(s.Last); k++ {
			t := &a.Tokens[k]
			if t.Kind != TokenWord && t.Kind != TokenNumber {
				continue
			}
			st.Words++
			st.Syllables += int(t.Syllables)
			switch v := int(t.ascii); {
			case v >= 129: // ASCII digits
				st.Characters += v - 129
			case v >= 1: // ASCII letters
				st.Letters += v - 1
				st.Characters += v - 1
			}
			if t.ascii != 0 && t.Syllables < 3 {
				// the text is read only when needed: to count letters
				// beyond ASCII and hard words (the token's block,
				// somewhere in a MB of blocks, is seldom in cache)
				continue
			}
			w := a.Text(k)
			for i := 0; i < len(w) && t.ascii == 0; i++ {
				if c := asciiClass[w[i]]; c != 0 || w[i] < utf8.RuneSelf {
					if c&cLetter != 0 {
						st.Letters++
					}
					if c&cAlnum != 0 {
						st.Characters++
					}
					continue
				}
				r, size := utf8.DecodeRuneInString(w[i:])
				i += size - 1
				switch {
				case isLetter(r):
					st.Letters++
					st.Characters++
				case isDigitRune(r):
					st.Characters++
				}
			}
			if t.Syllables >= 3 {
				st.Polysyllables++
				if a.complex(k, w) {
					st.ComplexWords++
				}
			}
		}
	}
	return st
}

// add adds the counts of words and the like of b (those countWords
// makes) to st.
func (st *Stats) add(b *Stats) {
	st.Words += b.Words
	st.Syllables += b.Syllables
	st.Letters += b.Letters
	st.Characters += b.Characters
	st.Polysyllables += b.Polysyllables
	st.ComplexWords += b.ComplexWords
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// complex reports whether word k of three or more syllables is a "hard
// word" as Gunning defines them: not a capitalised proper noun, not a
// compound of easy words joined by a hyphen, and not made three syllables
// by an -es, -ed or -ing ending.
func (a *Analysis) complex(k int, w string) bool {
	t := &a.Tokens[k]
	if t.Kind != TokenWord {
		return false
	}
	if t.Flags&FlagCapital != 0 && t.Flags&FlagSentence == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			return false
		}
	}
	for _, suf := range [...]string{"es", "ed", "ing"} {
		if len(w) > len(suf)+2 && hasSuffixFold(w, suf) {
			stem := w[:len(w)-len(suf)]
			n := 0
			if a.cache != nil {
				n = int(a.cache.syllables(stem)) // while tokenising: the stems repeat as the words do
			} else {
				n = Syllables(stem)
			}
			if n < 3 {
				return false
			}
		}
	}
	return true
}

func hasSuffixFold(s, suf string) bool {
	return len(s) >= len(suf) && hasPrefixFold(s[len(s)-len(suf):], suf)
}

// ComputeReadability computes the readability formulas from counts, each
// with its published constants and no intermediate rounding. With no words
// or sentences every score is 0 and a note says why.
func ComputeReadability(st Stats) Readability {
	var r Readability
	if st.Words == 0 || st.Sentences == 0 {
		r.Notes = append(r.Notes, "no words: readability cannot be computed")
		return r
	}
	w, s := float64(st.Words), float64(st.Sentences)
	wps := w / s                     // words per sentence
	spw := float64(st.Syllables) / w // syllables per word

	// Flesch, R. (1948). A new readability yardstick. Journal of Applied
	// Psychology, 32(3), 221–233.
	r.FleschReadingEase = 206.835 - 1.015*wps - 84.6*spw

	// Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S.
	// (1975). Derivation of new readability formulas for Navy enlisted
	// personnel. Research Branch Report 8-75, Naval Technical Training.
	r.FleschKincaidGrade = 0.39*wps + 11.8*spw - 15.59

	// Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
	r.GunningFog = 0.4 * (wps + 100*float64(st.ComplexWords)/w)

	// McLaughlin, G. H. (1969). SMOG grading: a new readability formula.
	// Journal of Reading, 12(8), 639–646; the regression form
	// 1.0430 √(polysyllables × 30 / sentences) + 3.1291.
	r.SMOG = 1.0430*math.Sqrt(float64(st.Polysyllables)*30/s) + 3.1291

	// Coleman, M. & Liau, T. L. (1975). A computer readability formula
	// designed for machine scoring. Journal of Applied Psychology, 60(2),
	// 283–284: 0.0588 L − 0.296 S − 15.8, with L letters and S sentences
	// per 100 words.
	r.ColemanLiau = 0.0588*(100*float64(st.Letters)/w) - 0.296*(100*s/w) - 15.8

	// Smith, E. A. & Senter, R. J. (1967). Automated Readability Index.
	// AMRL-TR-66-220, Wright-Patterson Air Force Base: characters (letters
	// and digits) per word and words per sentence.
	r.ARI = 4.71*float64(st.Characters)/w + 0.5*wps - 21.43

	// The UK reading age is the US grade plus five years.
	r.ReadingAge = r.FleschKincaidGrade + 5

	// Each score is rounded to nine decimal places, far below any
	// formula's precision, so that binary floating point's last bits
	// (-1.6449999999999996 for -1.645) do not reach reports and JSON.
	for _, p := range [...]*float64{&r.FleschReadingEase, &r.FleschKincaidGrade, &r.GunningFog,
		&r.SMOG, &r.ColemanLiau, &r.ARI, &r.ReadingAge} {
		*p = roundNano(*p)
	}

	if st.Sentences < 30 {
		r.Notes = append(r.Notes, "smog: "+itoa(st.Sentences)+" sentences, fewer than the 30 it was calibrated on")
	}
	if st.Words < 100 {
		r.Notes = append(r.Notes, "sample of "+itoa(st.Words)+" words, under 100: scores are unreliable")
	}
	return r
}

// roundNano rounds x to nine decimal places.
func roundNano(x float64) float64 { return math.Round(x*1e9) / 1e9 }
