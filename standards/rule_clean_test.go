package standards

import (
	"os"
	"strings"
	"testing"
)

// TestCleanSentences guards against false alarms: each sentence of
// testdata/rules/clean.txt is plain council English and should give no
// word-level finding.
func TestCleanSentences(t *testing.T) {
	src, err := os.ReadFile("testdata/rules/clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Compile("", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(src), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		card := rs.Check("clean.txt", &Document{Source: []byte(line), Format: FormatText, Blocks: []Block{{Text: line}}})
		for _, f := range card.Findings {
			switch f.Rule {
			case RulePlainEnglish, RuleJargon, RulePassiveVoice, RuleAcronym, RuleLinkText, RuleSentenceLength:
				t.Errorf("%q: %s finding on %q: %s", line, f.Rule, f.Match, f.Message)
			}
		}
	}
}
