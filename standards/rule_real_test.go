package standards

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRulesOnRealPageShapes checks the false alarms and misses found while
// labelling testdata/real, one sentence each, written as the pages write
// them.
func TestRulesOnRealPageShapes(t *testing.T) {
	tests := []struct {
		name, rule, src string
		want            []string
	}{
		// passive voice: naming is not an action; a resolution is the
		// record's fixed form, also when quoted
		{"known as", RulePassiveVoice, "This is known as special urgency.", []string{}},
		{"called a name", RulePassiveVoice, "This is called a general exception. It is called the cabinet.", []string{}},
		{"called in by is passive", RulePassiveVoice, "It can be called in by any five councillors.", []string{"be called"}},
		{"called in is passive", RulePassiveVoice, "The decision was called in by three councillors.", []string{"was called"}},
		{"quoted motion", RulePassiveVoice, "It was moved by Cllr Sands:\n\n\"That Option 1, as set out in the report, be approved.\"", []string{"was moved"}},
		{"resolution with are", RulePassiveVoice, "1. That the recommendations set out in section 7 are approved.", []string{}},
		// plain English: a quoted defined term, a form's field label, a
		// request that is a noun
		{"quoted term", RulePlainEnglish, "The plan includes issues defined as 'key decisions', and more.", []string{}},
		{"key outside quotes", RulePlainEnglish, "The key rules are set out below.", []string{"key"}},
		{"apostrophe is no quote", RulePlainEnglish, "The council's key aim is homes.", []string{"key"}},
		{"field label", RulePlainEnglish, "Additional documents:\n\nAccompanying Documents: none", []string{}},
		{"request noun", RulePlainEnglish, "Your request to speak has been accepted. Send requests by Monday.", []string{}},
		{"request verb", RulePlainEnglish, "We will contact you to request that you agree. You requested it.", []string{"to request", "requested"}},
		{"impact noun", RulePlainEnglish, "It will have a significant impact on the area.", []string{}},
		// jargon: field labels, names after "the" or "and"
		{"jargon field label", RuleJargon, "Is Key decision?: No", []string{}},
		{"the Executive Councillor", RuleJargon, "Decisions taken by the Executive Councillor for Housing are listed.", []string{}},
		{"Overview and Scrutiny members", RuleJargon, "It holds the views of Overview and Scrutiny members.", []string{}},
		{"the Executive alone", RuleJargon, "Decisions made by the Executive are listed.", []string{"the Executive"}},
		{"what is", RuleJargon, "What is Call-in?\n\nCouncillors can ask for a decision to be looked at again.", []string{}},
		{"officer is plain", RuleJargon, "The officer wrote to the cabinet member.", []string{}},
		{"term named in brackets", RuleJargon, "It was considered before it was made (pre-decision scrutiny).", []string{}},
		{"explained by examples", RuleJargon, "The committee can only consider material planning considerations. These include loss of light.", []string{}},
		{"road markings are no colour cue", RuleAccessibility, "It delayed double yellow lines at junctions. Items shown in red are closed.", []string{"shown in red"}},
		{"democratic services term", RuleJargon, "Councillors declared disclosable pecuniary interests under Schedule 12A.", []string{"disclosable pecuniary interests", "Schedule 12A"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := findings(t, tc.rule, nil, nil, tc.src)
			assert.Equal(t, tc.want, matches(fs))
		})
	}
}

// TestSignpostOnRealPageShapes checks that cue words match their
// inflections, that a page of no clear kind is not asked for journey
// signposting, and that "15 minutes" is not a cue for minutes.
func TestSignpostOnRealPageShapes(t *testing.T) {
	_, tl := findings(t, RuleJourneySignposting, nil, nil,
		"# Play area\n\nThe proposal is a decision for the committee. The councillors decided to keep it.")
	assert.True(t, tl.skip, "a page of no clear kind: %s", tl.kindWhy)

	src := "# Proposed bus lane\n\nWe are consulting on the proposals: tell us what you think. " +
		"This is a draft. The cabinet will decide in May 2026. You can comment by speaking at the meeting; " +
		"petitions are welcome. The consultation closes on 3 April 2026."
	fs, tl := findings(t, RuleJourneySignposting, nil, nil, src)
	assert.False(t, tl.skip)
	assert.Empty(t, fs)
	_, tl = findings(t, RuleJourneySignposting, nil, nil,
		"# Petitions\n\nThe petition organiser has five minutes to present the petition. Who can sign a petition: anyone. "+
			"Read the petition scheme for the decision and the committee that makes it.")
	assert.Equal(t, "explainer", tl.kind, tl.kindWhy)
}
