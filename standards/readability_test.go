package standards

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestComputeReadability(t *testing.T) {
	tests := []struct {
		name string
		st   Stats
		want Readability
		tol  float64
	}{{
		// Hand-computed: 20 words, 2 sentences, 30 syllables, so 10 words
		// per sentence and 1.5 syllables per word.
		// FRE = 206.835 - 1.015*10 - 84.6*1.5 = 69.785
		// FKGL = 0.39*10 + 11.8*1.5 - 15.59 = 6.01
		// Fog = 0.4*(10 + 100*2/20) = 8
		// SMOG = 1.0430*sqrt(3*30/2) + 3.1291 = 10.1257567...
		// CLI = 0.0588*450 - 0.296*10 - 15.8 = 7.7
		// ARI = 4.71*92/20 + 0.5*10 - 21.43 = 5.236
		name: "hand computed",
		st:   Stats{Sentences: 2, Words: 20, Syllables: 30, Letters: 90, Characters: 92, Polysyllables: 3, ComplexWords: 2},
		want: Readability{FleschReadingEase: 69.785, FleschKincaidGrade: 6.01, GunningFog: 8,
			SMOG: 10.125756701338, ColemanLiau: 7.7, ARI: 5.236, ReadingAge: 11.01},
		tol: 1e-9,
	}, {
		// Flesch (1948) scale anchors: one-syllable words in 8-word
		// sentences: 206.835 - 1.015*8 - 84.6*1 = 114.115.
		// FKGL = 0.39*8 + 11.8 - 15.59 = -0.67.
		// SMOG with no polysyllables = 3.1291.
		// CLI: 4 letters a word, 12.5 sentences per 100 words:
		// 0.0588*400 - 0.296*12.5 - 15.8 = 23.52 - 3.7 - 15.8 = 4.02.
		// ARI = 4.71*4 + 0.5*8 - 21.43 = 1.41.
		name: "monosyllables",
		st:   Stats{Sentences: 5, Words: 40, Syllables: 40, Letters: 160, Characters: 160},
		want: Readability{FleschReadingEase: 114.115, FleschKincaidGrade: -0.67, GunningFog: 3.2,
			SMOG: 3.1291, ColemanLiau: 4.02, ARI: 1.41, ReadingAge: 4.33},
		tol: 1e-9,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ComputeReadability(tc.st)
			assert.InDelta(t, tc.want.FleschReadingEase, got.FleschReadingEase, tc.tol, "flesch reading ease")
			assert.InDelta(t, tc.want.FleschKincaidGrade, got.FleschKincaidGrade, tc.tol, "flesch-kincaid grade")
			assert.InDelta(t, tc.want.GunningFog, got.GunningFog, tc.tol, "gunning fog")
			assert.InDelta(t, tc.want.SMOG, got.SMOG, tc.tol, "smog")
			assert.InDelta(t, tc.want.ColemanLiau, got.ColemanLiau, tc.tol, "coleman-liau")
			assert.InDelta(t, tc.want.ARI, got.ARI, tc.tol, "ari")
			assert.InDelta(t, tc.want.ReadingAge, got.ReadingAge, tc.tol, "reading age")
			assert.NotEmpty(t, got.Notes, "small samples are flagged")
		})
	}
}

func TestReadabilityEmpty(t *testing.T) {
	r := ComputeReadability(Stats{})
	assert.Zero(t, r.FleschReadingEase)
	require.Len(t, r.Notes, 1)
	assert.Contains(t, r.Notes[0], "no words")
}

func TestAnalyzeStats(t *testing.T) {
	// Hand-counted: 7 words, 2 sentences; letters 3+7+3+2+6+3+6 = 30.
	a := Analyze(textDoc("The council met. It agreed the budget."))
	assert.Equal(t, 2, a.Stats.Sentences)
	assert.Equal(t, 7, a.Stats.Words)
	assert.Equal(t, 30, a.Stats.Letters)
	assert.Equal(t, 30, a.Stats.Characters)
	assert.Equal(t, 1, a.Stats.Paragraphs)
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string // token texts
		kind []TokenKind
	}{
		{"£2.5m", []string{"£2.5m"}, []TokenKind{TokenNumber}},
		{"1,250,000 people", []string{"1,250,000", "people"}, []TokenKind{TokenNumber, TokenWord}},
		{"10% rise", []string{"10%", "rise"}, []TokenKind{TokenNumber, TokenWord}},
		{"at 19:30.", []string{"at", "19:30", "."}, []TokenKind{TokenWord, TokenNumber, TokenPunct}},
		{"don't", []string{"don't"}, []TokenKind{TokenWord}},
		{"council’s", []string{"council’s"}, []TokenKind{TokenWord}},
		{"residents' views", []string{"residents'", "views"}, []TokenKind{TokenWord, TokenWord}},
		{"COVID-19 rules", []string{"COVID-19", "rules"}, []TokenKind{TokenWord, TokenWord}},
		{"well-being", []string{"well-being"}, []TokenKind{TokenWord}},
		{"e.g. this", []string{"e.g.", "this"}, []TokenKind{TokenWord, TokenWord}},
		{"(see https://example.gov.uk/a_b).", []string{"(", "see", "https://example.gov.uk/a_b", ")", "."},
			[]TokenKind{TokenPunct, TokenWord, TokenURL, TokenPunct, TokenPunct}},
		{"mail a.b@example.org.", []string{"mail", "a.b@example.org", "."}, []TokenKind{TokenWord, TokenEmail, TokenPunct}},
		{"visit kirklees.gov.uk", []string{"visit", "kirklees.gov.uk"}, []TokenKind{TokenWord, TokenURL}},
		{"and/or", []string{"and", "/", "or"}, []TokenKind{TokenWord, TokenPunct, TokenWord}},
		{"Wait...", []string{"Wait", "..."}, []TokenKind{TokenWord, TokenPunct}},
		{"café naïve", []string{"café", "naïve"}, []TokenKind{TokenWord, TokenWord}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			a := Analyze(textDoc(tc.in))
			var got []string
			var kinds []TokenKind
			for i := range a.Tokens {
				got = append(got, a.Text(i))
				kinds = append(kinds, a.Tokens[i].Kind)
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.kind, kinds)
		})
	}
}

func TestTokenFlags(t *testing.T) {
	a := Analyze(textDoc("The NHS and Cllr. Smith met."))
	flags := map[string]TokenFlag{}
	for i := range a.Tokens {
		flags[a.Text(i)] = a.Tokens[i].Flags
	}
	assert.Equal(t, FlagCapital|FlagSentence, flags["The"])
	assert.Equal(t, FlagCapital|FlagAllCaps, flags["NHS"])
	assert.Equal(t, FlagCapital|FlagAbbrev, flags["Cllr."])
	assert.Equal(t, TokenFlag(0), flags["and"])
}

// TestAnalyzeAllocations checks that tokenising allocates nothing per word:
// ten times the text costs about the same number of allocations.
func TestAnalyzeAllocations(t *testing.T) {
	para := "The Cabinet will decide on 12 March whether to approve the £2.5m scheme. Residents' views, e.g. from the consultation, are in Appendix A. "
	small := textDoc(strings.Repeat(para, 100))
	big := textDoc(strings.Repeat(para, 1000))
	as := testing.AllocsPerRun(5, func() { Analyze(small) })
	ab := testing.AllocsPerRun(5, func() { Analyze(big) })
	words := float64(Analyze(big).Stats.Words)
	t.Logf("allocations: %.0f for 100 paragraphs, %.0f for 1000 (%.0f words)", as, ab, words)
	assert.Less(t, ab, 64.0, "allocations must not grow with the number of words")
}
