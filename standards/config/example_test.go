package config_test

import (
	"fmt"

	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/standards/config"
)

func ExampleParse() {
	src := []byte(`preset: nhs
disable: [passive-voice]
plain_english:
  add:
    harmonise: make the same
`)
	cfg, err := config.Parse("civickit.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := standards.Checker{Config: cfg, Stemmer: config.Snowball{}}
	card, err := c.Check("post.txt", []byte("We are harmonising the rules."))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(card.Preset)
	for _, f := range card.Findings {
		if f.Rule == standards.RulePlainEnglish {
			fmt.Println(f.Match, "→", f.Suggestion)
		}
	}
	// Output:
	// nhs
	// harmonising → make the same
}

func ExampleParse_error() {
	_, err := config.Parse("civickit.yaml", []byte("thresholds:\n  reading_ag: 9\n"))
	fmt.Println(err)
	// Output:
	// civickit.yaml:2:3: config: thresholds.reading_ag: unknown threshold (want reading_age, max_sentence_words, max_average_sentence_words, max_paragraph_sentences, max_paragraph_words, max_passive_share, max_summary_words or pass_mark)
}
