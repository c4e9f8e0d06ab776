package standards_test

import (
	"fmt"

	"github.com/civickit/civickit/standards"
)

func ExampleChecker_CheckDocument() {
	text := "Members will determine the application prior to the vote."
	doc := &standards.Document{
		Source: []byte(text),
		Format: standards.FormatText,
		Blocks: []standards.Block{{Text: text}},
	}
	var c standards.Checker // GOV.UK preset, embedded word lists
	card := c.CheckDocument("notice.txt", doc)
	for _, f := range card.Findings {
		if f.Rule == standards.RulePlainEnglish || f.Rule == standards.RuleJargon {
			fmt.Printf("%d:%d %s %q → %s\n", f.Line, f.Column, f.Rule, f.Match, f.Suggestion)
		}
	}
	// Output:
	// 1:1 jargon "Members" → councillor or councillors
	// 1:14 jargon "determine the application" → decide the application
	// 1:40 plain-english "prior to" → before
}

func ExampleConfig() {
	cfg := &standards.Config{
		Disable:      []string{standards.RulePassiveVoice},
		PlainEnglish: standards.WordList{Add: []standards.Substitution{{Phrase: "harmonise", Suggestion: "make the same"}}},
	}
	rs, err := standards.Compile("plain-english-campaign", cfg, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "We harmonised the rules."
	card := rs.Check("post.txt", &standards.Document{Source: []byte(text), Blocks: []standards.Block{{Text: text}}})
	for _, f := range card.Findings {
		if f.Rule == standards.RulePlainEnglish {
			fmt.Println(card.Preset, f.Match, "→", f.Suggestion)
		}
	}
	// Output:
	// plain-english-campaign harmonised → make the same
}

func ExamplePresets() {
	for _, p := range standards.Presets() {
		fmt.Printf("%s: reading age %g, sentences up to %d words\n", p.Name, p.ReadingAge, p.MaxSentenceWords)
	}
	// Output:
	// govuk: reading age 9, sentences up to 25 words
	// nhs: reading age 11, sentences up to 25 words
	// plain-english-campaign: reading age 12, sentences up to 30 words
}
