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

// The checks editors know from Yoast SEO, the Hemingway editor and GOV.UK
// guidance run with the rest; accessibility reads the markup of HTML and
// Markdown too.
func ExampleChecker_Check_editors() {
	page := "# Parking\n\nThe drop-in is at 5.30 p.m. on 3rd April for residents who suffer from arthritis.\n\n" +
		"Read the [parking plan](/docs/parking.pdf).\n"
	var c standards.Checker
	card, err := c.Check("parking.md", []byte(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range card.Findings {
		switch f.Rule {
		case standards.RuleGOVUKStyle, standards.RuleInclusiveLanguage, standards.RuleAccessibility:
			fmt.Printf("%d:%d %s %q → %s\n", f.Line, f.Column, f.Rule, f.Match, f.Suggestion)
		}
	}
	// Output:
	// 3:19 govuk-style "5.30 p.m." → Try: "5:30pm".
	// 3:32 govuk-style "3rd April" → Try: "3 April".
	// 3:60 inclusive-language "suffer from" → Try: has (and name the condition or impairment).
	// 5:11 accessibility "parking plan" → Try: "parking plan (PDF, 2.3MB)", with the file's own size.
}

func ExampleDraft() {
	// An editor's text, scored after each pause in typing: the Draft
	// analyses again only the paragraph that changed.
	d := &standards.Draft{Checker: &standards.Checker{Format: standards.FormatText}}
	for _, text := range []string{
		"The cabinet will decide in March.\n\nThe report was approved.",
		"The cabinet will decide in March.\n\nThe committee approved the report.",
	} {
		doc, err := standards.ExtractText([]byte(text))
		if err != nil {
			fmt.Println(err)
			return
		}
		card := d.Check("draft", doc)
		passives := 0
		for _, f := range card.Findings {
			if f.Rule == standards.RulePassiveVoice {
				passives++
			}
		}
		fmt.Printf("%d words, %d passive\n", card.Stats.Words, passives)
	}
	// Output:
	// 10 words, 1 passive
	// 11 words, 0 passive
}
