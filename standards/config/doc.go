// Package config reads a council's own settings for package standards
// from JSON or YAML, as a Vale style is read, and provides the snowball
// English stemmer for the council's own words.
//
// It lives apart from package standards so that the scoring path, which
// compiles to WebAssembly for the browser, needs neither a YAML parser nor
// the stemmer. A config looks like this:
//
//	preset: govuk
//	thresholds:
//	  reading_age: 10
//	  max_sentence_words: 30
//	disable: [passive-voice]
//	severity:
//	  acronym: error
//	plain_english:
//	  add:
//	    harmonise: make the same
//	  remove: [deliver]
//	jargon:
//	  add:
//	    place shaping: planning how an area will grow
//	acronyms:
//	  known: [SEND]
//	  expand:
//	    BCP: Bournemouth, Christchurch and Poole
//
// JSON is read by the same parser (JSON is YAML), so errors in either name
// the file, line, column and field. Use it with a [standards.Checker]:
//
//	cfg, err := config.Load("civickit.yaml")
//	if err != nil { ... } // civickit.yaml:4:3: config: thresholds.reading_ag: unknown threshold ...
//	c := standards.Checker{Config: cfg, Stemmer: config.Snowball{}}
//	card, err := c.Check("notice.html", src)
package config
