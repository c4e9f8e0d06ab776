package standards

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleDoc builds a Document from plain text for rule tests: blank lines
// separate blocks, a line starting "# " is a heading, "- " a list item,
// and [text](href) a link.
func ruleDoc(src string) *Document {
	d := &Document{Source: []byte(src), Format: FormatMarkdown}
	off := 0
	for _, para := range strings.Split(src, "\n\n") {
		start := off
		off += len(para) + 2
		trim := strings.TrimSpace(para)
		if trim == "" {
			continue
		}
		lead := strings.Index(para, trim)
		b := Block{Kind: BlockParagraph}
		skip := 0
		switch {
		case strings.HasPrefix(trim, "# "):
			b.Kind, b.Level, skip = BlockHeading, 1, 2
		case strings.HasPrefix(trim, "- "):
			b.Kind, skip = BlockListItem, 2
		}
		src := start + lead + skip
		raw := trim[skip:]
		b.Map = append(b.Map, Anchor{Text: 0, Src: src})
		var text strings.Builder
		for i := 0; i < len(raw); {
			if raw[i] == '[' {
				if cl := strings.Index(raw[i:], "]("); cl > 0 {
					if end := strings.IndexByte(raw[i+cl:], ')'); end > 0 {
						label := raw[i+1 : i+cl]
						href := raw[i+cl+2 : i+cl+end]
						b.Map = append(b.Map, Anchor{Text: text.Len(), Src: src + i + 1})
						b.Links = append(b.Links, Link{Start: text.Len(), End: text.Len() + len(label), Href: href})
						text.WriteString(label)
						i += cl + end + 1
						b.Map = append(b.Map, Anchor{Text: text.Len(), Src: src + i})
						continue
					}
				}
			}
			text.WriteByte(raw[i])
			i++
		}
		b.Text = text.String()
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

// findings runs one rule of the default rule set over src.
func findings(t *testing.T, id string, cfg *Config, st Stemmer, src string) ([]Finding, tally) {
	t.Helper()
	rs, err := Compile("", cfg, st)
	require.NoError(t, err)
	a := Analyze(ruleDoc(src))
	p := prepare(a, rs.v, rs.st)
	for _, r := range rs.rules {
		if r.ID() == id {
			var fs []Finding
			tl := r.check(p, func(f Finding) { fs = append(fs, f) })
			return fs, tl
		}
	}
	t.Fatalf("no rule %s", id)
	return nil, tally{}
}

func matches(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Match)
	}
	return out
}

// The expected matches below are read off the word lists in data/ and the
// rule definitions in their doc comments; each sentence is written for
// these tests.
func TestPlainEnglish(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"base form", "We will utilise the hall.", []string{"utilise"}},
		{"inflection", "The hall was utilised and we are utilising it.", []string{"utilised", "utilising"}},
		{"capital at sentence start", "Utilising the hall helps.", []string{"Utilising"}},
		{"phrase", "Come early in order to get a seat.", []string{"in order to"}},
		{"longest phrase", "We met prior to the vote, in excess of the limit.", []string{"prior to", "in excess of"}},
		{"y to ies", "We will notify you. The council notifies residents.", []string{"notify", "notifies"}},
		{"going forward", "Going forward, the library opens at 9.", []string{"Going forward"}},
		{"going forward not expanded", "The scheme goes forward to cabinet.", []string{}},
		{"deliver", "We will deliver better services.", []string{"deliver"}},
		{"deliver pizzas", "They deliver pizzas to the depot.", []string{}},
		{"derived words left out", "Residents of the locality live locally.", []string{"locality"}},
		{"true negative", "We will use the hall to meet you.", []string{}},
		{"phrase broken by comma", "in order, to", []string{}},
		{"curly apostrophe text", "We won’t commence until May.", []string{"commence"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := findings(t, RulePlainEnglish, nil, nil, tc.src)
			assert.Equal(t, tc.want, matches(fs))
			for _, f := range fs {
				assert.Equal(t, RulePlainEnglish, f.Rule)
				assert.NotEmpty(t, f.Suggestion)
				assert.Equal(t, f.Match, tc.src[f.Offset:f.Offset+f.Length], "offset and length span the match in the source")
			}
		})
	}
}

func TestJargon(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"the Authority", "The scheme is run by the Authority.", []string{"the Authority"}},
		{"authority lower case", "The housing authority agreed.", []string{}},
		{"Members", "Members agreed the budget.", []string{"Members"}},
		{"Members of the public", "Members of the public may attend.", []string{}},
		{"Cabinet Member is plain enough", "The Cabinet Member agreed. The officer wrote to us.", []string{}},
		{"members lower case", "Club members meet on Fridays.", []string{}},
		{"S106 any case", "The s106 money pays for a park.", []string{"s106"}},
		{"CIL", "CIL pays for schools.", []string{"CIL"}},
		{"call-in", "The decision is subject to call-in.", []string{"call-in"}},
		{"first use only", "Call-in is explained below. A call-in takes five days.", []string{"Call-in"}},
		{"key decision", "This is a key decision.", []string{"key decision"}},
		{"determine an application", "The committee will determine the application.", []string{"determine the application"}},
		{"determined adjective", "We are determined to help.", []string{}},
		// Found on real council pages: a term explained where it is used,
		// named in a heading, or used again in another form.
		{"explained in brackets", "Virement (moving money between budgets) is allowed.", []string{}},
		{"explained by definition", "A key decision is a decision that costs over £500,000.", []string{}},
		{"explained by means", "Call-in means councillors can ask for a decision to be looked at again.", []string{}},
		{"known as", "Some decisions are important: these are known as key decisions.", []string{}},
		{"these are", "Some decisions cost a lot or affect many wards. These are key decisions.", []string{}},
		{"not a definition", "The call-in of key decisions is part of scrutiny.", []string{"call-in", "key decisions", "scrutiny"}},
		{"heading is not first use", "# Key decisions\n\nThe council publishes its key decisions.", []string{"key decisions"}},
		{"defined next", "The schedule lists the key decisions to come. Key decisions are decisions that cost a lot.", []string{}},
		{"one term, two forms", "The key decision was made. Other key decisions follow. It was called in, and call-in takes five days.", []string{"key decision", "called in"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := findings(t, RuleJargon, nil, nil, tc.src)
			assert.Equal(t, tc.want, matches(fs))
		})
	}
}

// fakeStemmer strips common English endings: enough to test that a
// council's own words match by stem.
type fakeStemmer struct{}

func (fakeStemmer) Stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ing", "ed", "es", "s", "e"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func TestPlainEnglishConfig(t *testing.T) {
	cfg := &Config{PlainEnglish: WordList{
		Add:    []Substitution{{Phrase: "Harmonise", Suggestion: "make the same"}, {Phrase: "place shaping", Suggestion: "planning"}},
		Remove: []string{"Utilise"},
	}}
	t.Run("added word inflects without a stemmer", func(t *testing.T) {
		fs, _ := findings(t, RulePlainEnglish, cfg, nil, "We harmonised the rules and will harmonise more. Utilise it.")
		assert.Equal(t, []string{"harmonised", "harmonise"}, matches(fs))
		assert.Equal(t, "make the same", fs[0].Suggestion)
	})
	t.Run("added phrase", func(t *testing.T) {
		fs, _ := findings(t, RulePlainEnglish, cfg, nil, "This is place shaping at work.")
		assert.Equal(t, []string{"place shaping"}, matches(fs))
	})
	t.Run("stemmer matches derived forms", func(t *testing.T) {
		fs, _ := findings(t, RulePlainEnglish, cfg, fakeStemmer{}, "Harmonisations help. We harmonised it.")
		assert.Equal(t, []string{"Harmonisations", "harmonised"}, matches(fs))
	})
}

func TestSentenceLength(t *testing.T) {
	long := strings.Repeat("word ", 26) + "end."
	tests := []struct {
		name, src string
		want      int
	}{
		{"27 words", long, 1}, // 26 + "end" = 27 words > 25
		{"25 words", strings.Repeat("word ", 24) + "end.", 0}, // exactly 25
		{"short", "The library is open. Come in.", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, tl := findings(t, RuleSentenceLength, nil, nil, tc.src)
			assert.Len(t, fs, tc.want)
			assert.Equal(t, tc.want, tl.bad)
		})
	}
}

func TestParagraphLength(t *testing.T) {
	six := strings.Repeat("The bins go out on Monday. ", 6)
	fs, tl := findings(t, RuleParagraphLength, nil, nil, "# Bins\n\n"+six+"\n\nShort one.")
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "6 sentences")
	assert.Equal(t, 2, tl.total) // two paragraphs; the heading is not one
	words := strings.Repeat("word ", 110) + "end."
	fs, _ = findings(t, RuleParagraphLength, nil, nil, words)
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "111 words")
}

func TestPassiveVoice(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"regular", "The plan was approved.", []string{"was approved"}},
		{"irregular", "The report was written by officers.", []string{"was written"}},
		{"adverb between", "The road is currently closed.", []string{"is currently closed"}},
		{"been", "The budget has been agreed.", []string{"been agreed"}},
		{"being", "The plan is being considered.", []string{"is being considered"}},
		{"get", "The bins got collected late.", []string{"got collected"}},
		{"to be", "It is to be decided.", []string{"be decided"}},
		{"adjective interested", "We are interested in your views.", []string{}},
		{"adjective pleased", "I am pleased to say yes.", []string{}},
		{"get involved", "Get involved in your ward.", []string{}},
		{"active", "The cabinet approved the plan.", []string{}},
		{"be plus noun", "The hall is a good place.", []string{}},
		{"hundred", "There were hundred people.", []string{}},
		{"not across sentences", "It is. Approved plans follow.", []string{}},
		// Found on real council pages: forms an editor cannot or need not
		// change.
		{"made up of", "The committee is made up of nine councillors.", []string{}},
		{"compound adjective", "The service is customer-focused.", []string{}},
		{"resolution", "RESOLVED: That the report be noted and the plan be agreed.", []string{}},
		{"recommendation", "That the schedule be adopted.", []string{}},
		{"decision record", "Decision :-(a) That the approach be approved and its success be reviewed in six months.", []string{}},
		{"lettered item", "(b) That the report be noted.", []string{}},
		{"not a lettered item", "(a) The report will be noted in May.", []string{"be noted"}},
		{"not a resolution", "The plan will be agreed in May.", []string{"be agreed"}},
		{"heading", "# Business to be transacted\n\nThe chair opened the meeting.", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := findings(t, RulePassiveVoice, nil, nil, tc.src)
			assert.Equal(t, tc.want, matches(fs))
		})
	}
	// When the sentence names the actor after "by", the message says so.
	fs, _ := findings(t, RulePassiveVoice, nil, nil, "The plan was approved by the cabinet on 3 March.")
	require.Len(t, fs, 1)
	assert.Equal(t, `passive voice: "was approved" names who acts after "by"`, fs[0].Message)
	assert.Equal(t, "Put the cabinet first, as the one who acts.", fs[0].Suggestion)
}

func TestAcronym(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"expansion before", "The Community Infrastructure Levy (CIL) pays for schools. CIL is due.", []string{}},
		// Found on real council pages: forms the rule missed and words it
		// took for acronyms.
		{"possessive and plural", "The PPS’s report was late. The TSMs were published. The QRTs met.", []string{"PPS", "TSM", "QRT"}},
		{"plural after use", "The PPSs and the PPS met.", []string{"PPS"}},
		{"postcode", "Write to the Town Hall, Northbridge NB1 1AA or NB12 3CD.", []string{}},
		{"planning reference", "Application 24/01234/FUL and 23/00012/LBC were approved.", []string{}},
		{"PO Box", "Write to PO Box 12.", []string{}},
		{"units", "The site is 5 KM away and the file is 3 MB.", []string{}},
		{"emphasis", "We will NOT accept late forms and you MUST sign them.", []string{}},
		{"expansion after", "SEND (special educational needs and disabilities) support.", []string{}},
		{"unexplained", "The LTN starts in May. The LTN ends in June.", []string{"LTN"}},
		{"well known", "The NHS and the UK.", []string{}},
		{"roman numeral", "This is Part II of the report.", []string{}},
		{"shouting", "PUBLIC NOTICE about roads.", []string{}},
		{"long capitals word", "RESOLVED that the plan be agreed.", []string{}},
		{"heading is not first use", "# What is an HMO?\n\nA house in multiple occupation (HMO) is shared.", []string{}},
		{"config known", "The EHCP is ready.", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &Config{}
			if tc.name == "config known" {
				cfg.Acronyms.Known = []string{"EHCP"}
			}
			fs, _ := findings(t, RuleAcronym, cfg, nil, tc.src)
			assert.Equal(t, tc.want, matches(fs))
		})
	}
	fs, _ := findings(t, RuleAcronym, nil, nil, "The LTN starts.")
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Suggestion, "low traffic neighbourhood (LTN)")
}

func TestLinkText(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"click here link", "To apply, [click here](/apply).", []string{"click here"}},
		{"here", "Read the report [here](/r).", []string{"here"}},
		{"read more", "[Read more](/news).", []string{"Read more"}},
		{"url as text", "See [https://example.gov.uk/bins](https://example.gov.uk/bins).", []string{"https://example.gov.uk/bins"}},
		{"bare url in text", "See https://example.gov.uk/bins for dates.", []string{"https://example.gov.uk/bins"}},
		{"click here unlinked", "Click here to apply.", []string{"Click here"}},
		{"good link", "[Apply for a parking permit](/permit).", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := findings(t, RuleLinkText, nil, nil, tc.src)
			assert.Equal(t, tc.want, matches(fs))
		})
	}
}

func TestJourneySignposting(t *testing.T) {
	full := `# Proposed changes to bin collections

This is a proposal: no decision has been made yet. The cabinet will decide on 12 March 2026. You can have your say by email to bins@example.gov.uk. The consultation closes on 27 February 2026.`
	fs, tl := findings(t, RuleJourneySignposting, nil, nil, full)
	assert.Empty(t, fs)
	assert.Equal(t, 0, tl.bad)

	fs, tl = findings(t, RuleJourneySignposting, nil, nil, "# Bins decision\n\nWe asked residents about bins and you said what you wanted. The decision about bins was made. The decision is final.")
	assert.False(t, tl.skip)
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Message)
		assert.Equal(t, 1, f.Line, "document-level findings sit on the first heading")
	}
	assert.Equal(t, []string{
		"say what happens next, and when",
		"say who makes the decision",
		"say how people can have their say",
		"say by when people can have their say",
	}, msgs)

	fs, _ = findings(t, RuleJourneySignposting, nil, nil, "# Bins\n\nWe asked you about the proposals. The proposal was decided by the cabinet on 3 March 2026. The decision is final. Email us.")
	require.Len(t, fs, 2)
	assert.Equal(t, "say what happens next, and when", fs[0].Message)
	assert.Equal(t, "say by when people can have their say", fs[1].Message, "\"by the cabinet on 3 March\" is not a deadline")

	fs, tl = findings(t, RuleJourneySignposting, nil, nil, "The library opens at 9am. Bring your card.")
	assert.Empty(t, fs)
	assert.True(t, tl.skip, "not about a decision")

	// Pages that mention decisions without being about one: an explainer
	// of call-in, and an agenda. Both drew five findings before.
	explainer := `Call in of key decisions

Some decisions made by the cabinet are classed as important. These are key decisions. If no requests for call-in are received within five days of the decision notice being published, the decisions are implemented.

Urgent key decisions

Sometimes there are urgent key decisions. They are not available to be called in.`
	fs, tl = findings(t, RuleJourneySignposting, nil, nil, explainer)
	assert.Empty(t, fs)
	assert.Equal(t, "explainer", tl.kind, tl.kindWhy)
	agenda := "Cabinet agenda\n\n1. Apologies for absence\n2. Declarations of interest\n3. Minutes of the previous meeting\n4. Bin collections: the cabinet will decide whether to approve the proposal.\n"
	fs, tl = findings(t, RuleJourneySignposting, nil, nil, agenda)
	assert.Empty(t, fs)
	assert.Equal(t, "agenda", tl.kind, tl.kindWhy)
}

func TestCitizenNeeds(t *testing.T) {
	good := "# Bin collections are changing\n\nYour bin collections are changing in May. Residents will get a new calendar."
	fs, tl := findings(t, RuleCitizenNeeds, nil, nil, good)
	assert.Empty(t, fs)
	assert.Equal(t, 3, tl.total)

	bad := "# Bin collections are changing\n\nThe Environment Directorate has reviewed its operating model for the municipal fleet."
	fs, _ = findings(t, RuleCitizenNeeds, nil, nil, bad)
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Message)
	}
	assert.Equal(t, []string{
		"the first paragraph does not say what the text is about: it shares no words with the title",
		"the text does not speak to the reader",
		"the text does not say what it means for residents",
	}, msgs)

	long := "# Bins\n\n" + strings.Repeat("Your bins will be collected on a new day from May. ", 6) // 11 words each
	fs, _ = findings(t, RuleCitizenNeeds, nil, nil, long)
	require.NotEmpty(t, fs)
	assert.Contains(t, fs[0].Message, "the first paragraph has 66 words")

	// The first real paragraph: not a skip link, a breadcrumb, a label
	// line or a list, which real pages put before their first sentence.
	page := "# Bin collections\n\nSkip to main content\n\nHome > Council > Waste\n\n- Brown and blue\n\nYour bin collection day is changing in May. You will get a letter with your new day.\n"
	fs, _ = findings(t, RuleCitizenNeeds, nil, nil, page)
	assert.Empty(t, fs, "the summary is the sentence about bins")
}

// "click [here](url)" is one problem, reported once, on the link.
func TestLinkTextClickHereLinkOnce(t *testing.T) {
	var c Checker
	card, err := c.Check("a.md", []byte("For details click [here](/call-in).\n"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range card.Findings {
		if f.Rule == "link-text" {
			n++
			if f.Match != "here" {
				t.Errorf("finding on %q, want the link text %q", f.Match, "here")
			}
		}
	}
	if n != 1 {
		t.Errorf("%d link-text findings, want 1", n)
	}
}

// TestValidateSeverity checks the severity map without ranging over it:
// an unknown id and an out-of-range severity are both caught.
func TestValidateSeverity(t *testing.T) {
	for _, tc := range []struct {
		name string
		sev  map[string]Severity
		want string
	}{
		{"unknown id", map[string]Severity{"spelling": SeverityError}, "unknown rule in severity (want plain-english, "},
		{"unknown beside known", map[string]Severity{RuleAcronym: SeverityError, "spelling": SeverityError}, "unknown rule in severity"},
		{"bad severity", map[string]Severity{RuleAcronym: 9}, `invalid severity for rule "acronym"`},
		{"valid", map[string]Severity{RuleAcronym: SeverityError, RuleJargon: SeveritySuggestion}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := (&Config{Severity: tc.sev}).Validate()
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, tc.want)
		})
	}
}
