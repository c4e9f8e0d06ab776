package standards

import "strings"

// The rule ids: stable kebab-case names that findings carry and configs
// use.
const (
	RulePlainEnglish       = "plain-english"
	RuleJargon             = "jargon"
	RuleSentenceLength     = "sentence-length"
	RuleParagraphLength    = "paragraph-length"
	RulePassiveVoice       = "passive-voice"
	RuleAcronym            = "acronym"
	RuleLinkText           = "link-text"
	RuleJourneySignposting = "journey-signposting"
	RuleCitizenNeeds       = "citizen-needs"

	// The checks editors know from Yoast SEO's readability analysis, the
	// Hemingway editor and the GOV.UK style and accessibility guidance.
	RuleSubheadings       = "subheadings"
	RuleSentenceStarts    = "sentence-starts"
	RuleHardSentence      = "hard-sentence"
	RuleInclusiveLanguage = "inclusive-language"
	RuleAccessibility     = "accessibility"
	RuleGOVUKStyle        = "govuk-style"

	// RuleNoText is the finding, an error, on a document with no words
	// to score: empty, or only markup, scripts or navigation. It is not a
	// rule of the list and cannot be disabled: a page with nothing to
	// score must not pass.
	RuleNoText = "no-text"
)

// RuleInfo describes a rule: its id, a short name and its default
// severity.
type RuleInfo struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Severity Severity `json:"severity" jsonschema:"type=string,enum=error,enum=warning,enum=suggestion"`
}

// ruleInfos lists the rules in the order they run.
var ruleInfos = []RuleInfo{
	{RulePlainEnglish, "Plain English", SeverityWarning},
	{RuleJargon, "Council jargon", SeveritySuggestion},
	{RuleSentenceLength, "Sentence length", SeverityWarning},
	{RuleParagraphLength, "Paragraph length", SeveritySuggestion},
	{RulePassiveVoice, "Passive voice", SeveritySuggestion},
	{RuleAcronym, "Acronyms explained", SeverityWarning},
	{RuleLinkText, "Link text", SeverityWarning},
	{RuleJourneySignposting, "Journey signposting", SeverityWarning},
	{RuleCitizenNeeds, "Citizen needs", SeverityWarning},
	{RuleSubheadings, "Subheadings", SeveritySuggestion},
	{RuleSentenceStarts, "Sentence starts", SeveritySuggestion},
	{RuleHardSentence, "Hard sentences", SeveritySuggestion},
	{RuleInclusiveLanguage, "Inclusive language", SeverityWarning},
	{RuleAccessibility, "Accessibility", SeverityWarning},
	{RuleGOVUKStyle, "GOV.UK style", SeveritySuggestion},
}

// RuleInfos returns every rule with its default severity.
func RuleInfos() []RuleInfo { return append([]RuleInfo(nil), ruleInfos...) }

// knownRule reports whether id is a rule id.
func knownRule(id string) bool {
	for _, r := range ruleInfos {
		if r.ID == id {
			return true
		}
	}
	return false
}

// Config is a council's own settings, laid over the preset and the
// embedded word lists, as a Vale style is. Package config reads it from
// JSON or YAML. The zero Config changes nothing.
type Config struct {
	// Preset names the preset; "" keeps the checker's.
	Preset string `json:"preset,omitempty" jsonschema:"enum=govuk,enum=nhs,enum=plain-english-campaign"`
	// Thresholds override the preset's; zero fields keep its values.
	Thresholds Thresholds `json:"thresholds,omitempty"`
	// Disable lists rule ids to turn off.
	Disable []string `json:"disable,omitempty"`
	// Severity sets a rule's severity by id: error, warning or
	// suggestion.
	Severity map[string]Severity `json:"severity,omitempty"`
	// PlainEnglish adds and removes plain-English alternatives.
	PlainEnglish WordList `json:"plain_english,omitempty"`
	// Jargon adds and removes council jargon.
	Jargon WordList `json:"jargon,omitempty"`
	// Acronyms adds acronyms that need no explaining and expansions to
	// suggest.
	Acronyms AcronymList `json:"acronyms,omitempty"`
}

// WordList changes an embedded word list.
type WordList struct {
	// Add lists phrases to find, each with what to write instead. Each
	// word matches its inflections: by stem with a [Stemmer], else by the
	// regular endings (-s, -es, -ed, -ing).
	Add []Substitution `json:"add,omitempty"`
	// Remove lists embedded phrases, as written in the list, to stop
	// finding.
	Remove []string `json:"remove,omitempty"`
}

// Substitution is a phrase to avoid and what to write instead.
type Substitution struct {
	Phrase     string `json:"phrase"`
	Suggestion string `json:"suggestion"`
}

// AcronymList changes the acronym rule's data.
type AcronymList struct {
	// Known lists acronyms readers know without explanation.
	Known []string `json:"known,omitempty"`
	// Expand gives expansions to suggest, with Phrase the acronym.
	Expand []Substitution `json:"expand,omitempty"`
}

// Validate checks the config's preset, rule ids and entries.
func (c *Config) Validate() error {
	if c == nil {
		return nil
	}
	if c.Preset != "" {
		if _, ok := LookupPreset(c.Preset); !ok {
			return &Error{Msg: "unknown preset " + quoteInput(c.Preset) + " (want " + presetNames() + ")"}
		}
	}
	for _, id := range c.Disable {
		if !knownRule(id) {
			return &Error{Msg: "unknown rule " + quoteInput(id) + " in disable"}
		}
	}
	// Severity is checked by looking up each rule id rather than by
	// ranging over the map: a range links the runtime's map iterator,
	// about 4 KB brotli, into the browser build. A key that is not a rule
	// id shows as a map longer than its known ids; package config, which
	// reads councils' files, names such a key with its line.
	known := 0
	for _, r := range ruleInfos {
		s, ok := c.Severity[r.ID]
		if !ok {
			continue
		}
		known++
		if s < SeveritySuggestion || s > SeverityError {
			return &Error{Msg: "invalid severity for rule " + quoteInput(r.ID)}
		}
	}
	if known < len(c.Severity) {
		return &Error{Msg: "unknown rule in severity (want " + ruleNames() + ")"}
	}
	for _, l := range []WordList{c.PlainEnglish, c.Jargon} {
		for _, s := range l.Add {
			if len(strings.Fields(s.Phrase)) == 0 {
				return &Error{Msg: "empty phrase in word list"}
			}
		}
	}
	t := c.Thresholds
	if t.ReadingAge < 0 || t.MaxSentenceWords < 0 || t.MaxAverageSentenceWords < 0 ||
		t.MaxParagraphSentences < 0 || t.MaxParagraphWords < 0 || t.MaxPassiveShare < 0 ||
		t.MaxPassiveShare > 1 || t.MaxSummaryWords < 0 || t.PassMark < 0 || t.PassMark > 100 {
		return &Error{Msg: "threshold out of range"}
	}
	return nil
}

// ruleNames lists the rule ids, comma-separated.
func ruleNames() string {
	names := make([]string, len(ruleInfos))
	for i, r := range ruleInfos {
		names[i] = r.ID
	}
	return strings.Join(names, ", ")
}

func presetNames() string {
	var names []string
	for _, p := range presets {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// preparedRule is a rule that can share one [prepared] lookup with the
// other rules of its set.
type preparedRule interface {
	Rule
	check(p *prepared, report func(Finding)) tally
}

// tally is what a rule counted, for its standard's score: bad units of
// total (long sentences of all sentences, missing elements of five).
type tally struct {
	_          [0]func() // not comparable: no generated equality function in the binary
	bad, total int
	// skip is set when the rule does not apply to the document.
	skip   bool
	detail string
	// kind and kindWhy classify the document (journey-signposting only).
	kind, kindWhy string
}

// RuleSet is a compiled set of rules for one preset and config. It is safe
// for concurrent use.
type RuleSet struct {
	Preset Preset `json:"preset,omitempty"`
	rules  []preparedRule
	v      *vocab
	st     Stemmer
}

// Rules returns the rules in run order.
func (rs *RuleSet) Rules() []Rule {
	out := make([]Rule, len(rs.rules))
	for i, r := range rs.rules {
		out[i] = r
	}
	return out
}

// Compile builds the rule set for a preset ("" for the default) with cfg
// laid over it; cfg may be nil. st, when not nil, stems a council's own
// words so that every inflection matches.
func Compile(preset string, cfg *Config, st Stemmer) (*RuleSet, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg == nil {
		cfg = &Config{}
	}
	if cfg.Preset != "" {
		preset = cfg.Preset
	}
	p, ok := LookupPreset(preset)
	if !ok {
		return nil, &Error{Msg: "unknown preset " + quoteInput(preset) + " (want " + presetNames() + ")"}
	}
	p.Thresholds = p.Thresholds.merge(cfg.Thresholds)
	rs := &RuleSet{Preset: p, v: newVocab(), st: st}
	disabled := map[string]bool{}
	for _, id := range cfg.Disable {
		disabled[id] = true
	}
	sev := func(id string) Severity {
		if s, ok := cfg.Severity[id]; ok {
			return s
		}
		for _, r := range ruleInfos {
			if r.ID == id {
				return r.Severity
			}
		}
		return SeverityWarning
	}
	base := rule{v: rs.v, st: st}
	lex := loadLexicon()
	for _, info := range ruleInfos {
		if disabled[info.ID] {
			continue
		}
		b := base
		b.id, b.sev = info.ID, sev(info.ID)
		var r preparedRule
		switch info.ID {
		case RulePlainEnglish:
			r = newLexRule(b, lex, cfg.PlainEnglish)
		case RuleJargon:
			r = newLexRule(b, lex, cfg.Jargon)
		case RuleSentenceLength:
			r = &sentenceLength{rule: b, max: p.MaxSentenceWords}
		case RuleParagraphLength:
			r = &paragraphLength{rule: b, maxSentences: p.MaxParagraphSentences, maxWords: p.MaxParagraphWords}
		case RulePassiveVoice:
			r = newPassive(b)
		case RuleAcronym:
			r = newAcronym(b, cfg.Acronyms)
		case RuleLinkText:
			r = newLinkText(b)
		case RuleJourneySignposting:
			r = newSignpost(b)
		case RuleCitizenNeeds:
			r = newNeeds(b, p.MaxSummaryWords)
		case RuleSubheadings:
			r = &subheadings{rule: b, max: maxSectionWords}
		case RuleSentenceStarts:
			b.v.tag(strings.Fields(startExceptions), tagStartsPair)
			r = &sentenceStarts{rule: b}
		case RuleHardSentence:
			long := 0 // sentences over this are sentence-length's
			if !disabled[RuleSentenceLength] {
				long = p.MaxSentenceWords
			}
			r = &hardSentence{rule: b, long: long}
		case RuleInclusiveLanguage:
			r = newInclusive(b)
		case RuleAccessibility:
			r = newAccessibility(b)
		case RuleGOVUKStyle:
			b.v.tag(strings.Fields(monthNames), tagMonthName)
			b.v.tag(strings.Fields(styleWords), tagStyleWord)
			r = &govukStyle{rule: b}
		}
		rs.rules = append(rs.rules, r)
	}
	// The vocab is complete: drop what building it used, so that the
	// rule set holds only what checking reads.
	rs.v.free, rs.v.freeRows, rs.v.scratch, rs.v.forms = nil, nil, nil, nil
	return rs, nil
}

// rule holds what every rule kind shares.
type rule struct {
	_   [0]func() // not comparable: no generated equality function in the binary
	id  string
	sev Severity
	v   *vocab
	st  Stemmer
}

// ID returns the rule's id.
func (r *rule) ID() string { return r.id }

// run checks a on its own, for a rule used outside a [RuleSet].
func run(r preparedRule, v *vocab, st Stemmer, a *Analysis, report func(Finding)) tally {
	return r.check(prepare(a, v, st), report)
}

// docFinding returns a document-level finding for rule, placed on the
// first heading, or at line 1 when there is none.
func docFinding(a *Analysis, id string, sev Severity, msg, suggestion string) Finding {
	for i := range a.Doc.Blocks {
		if b := &a.Doc.Blocks[i]; b.Kind == BlockHeading && len(b.Text) > 0 {
			return a.Span(id, sev, i, 0, len(b.Text), msg, suggestion)
		}
	}
	return Finding{Rule: id, Severity: sev, Message: msg, Suggestion: suggestion, Line: 1, Column: 1}
}

// quoteMsg returns before, the matched text s in double quotes (escaped
// when it holds line breaks, other control characters, quotes or
// backslashes) and after, in one allocation.
func quoteMsg(before, s, after string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == 0x7f {
			return before + quote(s) + after
		}
	}
	return before + "\"" + s + "\"" + after
}
