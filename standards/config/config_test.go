package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/civickit/civickit/standards"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sampleYAML = `preset: nhs
thresholds:
  reading_age: 10
  max_sentence_words: 30
  max_passive_share: 0.15
disable: [passive-voice]
severity:
  acronym: error
plain_english:
  add:
    harmonise: make the same
  remove: [deliver]
jargon:
  add:
    - phrase: place shaping
      suggestion: planning how an area will grow
acronyms:
  known: [SEND]
  expand:
    BCP: Bournemouth, Christchurch and Poole
`

func TestParseYAML(t *testing.T) {
	cfg, err := Parse("civickit.yaml", []byte(sampleYAML))
	require.NoError(t, err)
	assert.Equal(t, "nhs", cfg.Preset)
	assert.Equal(t, 10.0, cfg.Thresholds.ReadingAge)
	assert.Equal(t, 30, cfg.Thresholds.MaxSentenceWords)
	assert.Equal(t, 0.15, cfg.Thresholds.MaxPassiveShare)
	assert.Equal(t, []string{"passive-voice"}, cfg.Disable)
	assert.Equal(t, standards.SeverityError, cfg.Severity["acronym"])
	assert.Equal(t, []standards.Substitution{{Phrase: "harmonise", Suggestion: "make the same"}}, cfg.PlainEnglish.Add)
	assert.Equal(t, []string{"deliver"}, cfg.PlainEnglish.Remove)
	assert.Equal(t, "place shaping", cfg.Jargon.Add[0].Phrase)
	assert.Equal(t, []string{"SEND"}, cfg.Acronyms.Known)
	assert.Equal(t, "Bournemouth, Christchurch and Poole", cfg.Acronyms.Expand[0].Suggestion)
}

func TestParseJSON(t *testing.T) {
	src := "{\n\t\"preset\": \"govuk\",\n\t\"disable\": [\"acronym\"],\n\t\"plain_english\": {\"add\": {\"synergise\": \"work together\"}}\n}\n"
	cfg, err := Parse("civickit.json", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, "govuk", cfg.Preset)
	assert.Equal(t, []string{"acronym"}, cfg.Disable)
	assert.Equal(t, "synergise", cfg.PlainEnglish.Add[0].Phrase)
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "\n", "# nothing\n", "~\n", "{}"} {
		cfg, err := Parse("c.yaml", []byte(src))
		require.NoError(t, err, "%q", src)
		assert.Equal(t, &standards.Config{}, cfg)
	}
}

// Each case names the line, column and field the error must point at,
// counted by hand in its source.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src      string
		line, col      int
		field, message string
	}{
		{"unknown field", "preset: govuk\ncolour: red\n", 2, 1, "colour", "unknown field"},
		{"unknown preset", "preset: bbc\n", 1, 9, "preset", "unknown preset \"bbc\""},
		{"unknown rule", "disable:\n  - passive-voice\n  - spelling\n", 3, 5, "disable", "unknown rule \"spelling\""},
		{"bad severity", "severity:\n  acronym: fatal\n", 2, 12, "severity.acronym", "unknown severity \"fatal\""},
		{"threshold type", "thresholds:\n  reading_age: nine\n", 2, 16, "thresholds.reading_age", "want a number"},
		{"threshold range", "thresholds:\n  max_passive_share: 2\n", 2, 22, "thresholds.max_passive_share", "out of range"},
		{"whole number", "thresholds:\n  max_sentence_words: 25.5\n", 2, 23, "thresholds.max_sentence_words", "want a whole number"},
		{"unknown threshold", "thresholds:\n  max_words: 3\n", 2, 3, "thresholds.max_words", "unknown threshold"},
		{"empty suggestion", "plain_english:\n  add:\n    utilise: \"\"\n", 3, 5, "plain_english.add.utilise", "empty suggestion"},
		{"list item field", "jargon:\n  add:\n    - phrase: x\n      sugestion: y\n", 4, 7, "jargon.add[0].sugestion", "unknown field"},
		{"duplicate key", "preset: govuk\npreset: nhs\n", 2, 1, "preset", "duplicate key"},
		{"not a mapping", "- a\n- b\n", 1, 1, "", "want a mapping"},
		{"json type", "{\"disable\": 3}", 1, 13, "disable", "want a list of strings"},
		{"syntax", "preset: [govuk\n", 1, 1, "", "syntax error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("council.yaml", []byte(tc.src))
			require.Error(t, err)
			var e *Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, "council.yaml", e.File)
			assert.Equal(t, tc.line, e.Line, "line: %v", err)
			if tc.name != "syntax" {
				assert.Equal(t, tc.col, e.Column, "column: %v", err)
			}
			assert.Equal(t, tc.field, e.Field)
			assert.Contains(t, err.Error(), tc.message)
			assert.Contains(t, err.Error(), "council.yaml:")
		})
	}
}

func TestSnowballWithChecker(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte("plain_english:\n  add:\n    harmonise: make the same\n"))
	require.NoError(t, err)
	rs, err := standards.Compile("", cfg, Snowball{})
	require.NoError(t, err)
	doc := &standards.Document{Source: []byte("Harmonisation helps. We harmonised it."),
		Blocks: []standards.Block{{Text: "Harmonisation helps. We harmonised it."}}}
	card := rs.Check("x.txt", doc)
	var got []string
	for _, f := range card.Findings {
		if f.Rule == standards.RulePlainEnglish {
			got = append(got, f.Match)
		}
	}
	// Porter2 stems harmonise, harmonised and harmonisation alike, so
	// the config's word matches all three; the regular-endings fallback
	// used without a stemmer would miss harmonisation.
	for _, w := range []string{"harmonise", "harmonised", "harmonisation"} {
		assert.Equal(t, "harmonis", Snowball{}.Stem(w), w)
	}
	assert.Equal(t, []string{"Harmonisation", "harmonised"}, got)
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(sampleYAML))
	f.Add([]byte("{\"preset\": \"govuk\", \"thresholds\": {\"reading_age\": 9}}"))
	f.Add([]byte("a: &x [*x]"))
	f.Add([]byte("plain_english:\n  add:\n    - {phrase: a, suggestion: b}\n"))
	f.Add([]byte("thresholds: {pass_mark: .nan}"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := Parse("fuzz.yaml", src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if _, err := standards.Compile("", cfg, nil); err != nil {
			t.Fatalf("parsed config does not compile: %v", err)
		}
	})
}

// TestErrorsQuoteShortExcerpts checks that a config error quotes at most a
// short, escaped excerpt of the file: a long unknown key or value does not
// make a long message, and control characters are escaped.
func TestErrorsQuoteShortExcerpts(t *testing.T) {
	long := strings.Repeat("z", 5000)
	for _, src := range []string{
		"preset: " + long + "\n",
		"disable: [\"" + long + "\\x1b[2J\"]\n",
		"severity:\n  \"" + long + "\": error\n",
		"thresholds:\n  reading_age: \"" + long + "\"\n",
	} {
		_, err := Parse("c.yaml", []byte(src))
		require.Error(t, err)
		assert.Less(t, len(err.Error()), 400, err.Error())
		assert.NotContains(t, err.Error(), "\x1b")
	}
}
