package standards

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests of the editors' checks: each sentence is written for them, and
// the expected matches are read off the rules' doc comments and
// data/inclusive.txt.

func TestSubheadings(t *testing.T) {
	para := strings.Repeat("You can ask us to check your council tax bill again. ", 12) // 132 words
	long := para + "\n\n" + para + "\n\n" + para                                        // 396 words
	fs, tl := findings(t, RuleSubheadings, nil, nil, long)
	require.Len(t, fs, 1, "a long text with no heading")
	assert.Contains(t, fs[0].Message, "396 words without subheadings")
	assert.Equal(t, 1, tl.bad)

	fs, _ = findings(t, RuleSubheadings, nil, nil, "# Council tax\n\n"+para+"\n\n"+para+"\n\n# Paying\n\n"+long)
	require.Len(t, fs, 1, "only the section over 300 words")
	assert.Contains(t, fs[0].Message, "section of 396 words")
	assert.Greater(t, fs[0].Offset, strings.Index(long, "# Paying"), "placed in the long section")

	fs, _ = findings(t, RuleSubheadings, nil, nil, para+"\n\n"+para)
	assert.Empty(t, fs, "264 words need no subheading")
}

func TestSentenceStarts(t *testing.T) {
	fs, _ := findings(t, RuleSentenceStarts, nil, nil,
		"You can pay online. You can pay by phone. You can pay at the library. Payments clear in a day.")
	require.Len(t, fs, 1)
	assert.Equal(t, "You", fs[0].Match)
	assert.Contains(t, fs[0].Message, "3 sentences in a row start with \"You\"")

	fs, _ = findings(t, RuleSentenceStarts, nil, nil,
		"The library opens at 9am. The café opens at 10am. The pool opens at 7am.")
	assert.Empty(t, fs, "after \"The\" the second word is compared")

	fs, _ = findings(t, RuleSentenceStarts, nil, nil,
		"The library opens at 9am. The library closes at 5pm. The library shuts on Sunday.")
	assert.Len(t, fs, 1, "\"The library\" three times")

	fs, _ = findings(t, RuleSentenceStarts, nil, nil, "- You can pay online.\n\n- You can pay by phone.\n\n- You can pay in person.")
	assert.Empty(t, fs, "parallel list items are good style")

	fs, _ = findings(t, RuleSentenceStarts, nil, nil, "You can pay online. You can pay by phone.")
	assert.Empty(t, fs, "two in a row is fine")
}

func TestHardSentence(t *testing.T) {
	vh := "The overview and scrutiny commission considers representations regarding implementation of strategic infrastructure decisions affecting neighbourhood regeneration programmes across the whole borough."
	fs, tl := findings(t, RuleHardSentence, nil, nil, vh)
	require.Len(t, fs, 1, "18 or more words, grade 14 or more")
	assert.Contains(t, fs[0].Message, "very hard to read")
	assert.Equal(t, 4, tl.bad, "a very hard sentence counts four times a hard one")

	fs, tl = findings(t, RuleHardSentence, nil, nil, "You can put your bin out by 7am on the day we collect it from your street.")
	assert.Empty(t, fs)
	assert.Equal(t, 0, tl.bad)

	// 14 words of long words: very hard, counted but not reported
	fs, tl = findings(t, RuleHardSentence, nil, nil, "Throughout the year we consult residents, business owners, visitors and stakeholders on many topics.")
	assert.Empty(t, fs)
	assert.Equal(t, 4, tl.bad)

	assert.Equal(t, 0, hemingwayGrade(0, 0))
	assert.Equal(t, 17, hemingwayGrade(120, 20), "4.71·6 + 0.5·20 − 21.43 = 16.83")
	assert.Equal(t, 0, hemingwayGrade(20, 14), "negative grades are 0")
}

func TestInclusiveLanguage(t *testing.T) {
	fs, tl := findings(t, RuleInclusiveLanguage, nil, nil,
		"Residents who suffer from dementia can ask for help. The town centre suffers from congestion. "+
			"Parking for the disabled. The disabled toilet is on the left. He is wheelchair-bound. "+
			"She was confined to a wheelchair. The blind and partially sighted club meets on Monday. Help for the blind. Able-bodied volunteers.")
	assert.Equal(t, []string{"suffer from", "the disabled", "wheelchair-bound", "confined to a wheelchair", "the blind", "Able-bodied"}, matches(fs))
	assert.Equal(t, 6, tl.bad)
	assert.Contains(t, fs[0].Message, "GOV.UK's inclusive language guidance")
	assert.Equal(t, "Try: has (and name the condition or impairment).", fs[0].Suggestion)
	assert.Equal(t, "Try: wheelchair user.", fs[2].Suggestion)

	fs, _ = findings(t, RuleInclusiveLanguage, nil, nil, "The application is invalid. Build a dwarf wall. Victims of crime can get support.")
	assert.Empty(t, fs, "words the list leaves out for their other senses")
}

func TestGOVUKStyle(t *testing.T) {
	cases := []struct{ src, match, sug string }{
		{"Come on 3rd April 2025.", "3rd April", "Try: \"3 April\"."},
		{"Come on the 3rd of April.", "3rd of April", "Try: \"3 April\"."},
		{"Come on April 3, 2025.", "April 3", "Try: \"3 April\"."},
		{"Send it by 03/04/2025 please.", "03/04/2025", ""},
		{"The hall opens at 5:00pm.", "5:00pm", "Try: \"5pm\"."},
		{"The hall opens at 5.30pm.", "5.30pm", "Try: \"5:30pm\"."},
		{"The hall opens at 5 pm.", "5 pm", "Try: \"5pm\"."},
		{"The hall opens at 5 p.m. today.", "5 p.m.", "Try: \"5pm\"."},
		{"The hall opens at 5PM.", "5PM", "Try: \"5pm\"."},
		{"The hall opens at 17:00.", "17:00", "Try: \"5pm\"."},
		{"The hall opens at 10.30 on Monday.", "10.30", "Try: \"10:30am\"."},
		{"Bids close at 12pm.", "12pm", "Try: \"midday\"."},
		{"Bids close at 12 noon.", "12 noon", "Try: \"midday\"."},
		{"Open 9am-5pm daily.", "9am-5pm", "Try: \"9am to 5pm\"."},
		{"Planning & building control.", "&", "Try: \"and\"."},
		{"Bring proof, e.g. a bill.", "e.g.", "Try: \"for example\" or \"like\"."},
		{"Bring bills, letters etc. with you.", "etc.", ""},
		{"The cost, i.e. the fee, is £5.", "i.e.", ""},
	}
	for _, c := range cases {
		fs, _ := findings(t, RuleGOVUKStyle, nil, nil, c.src)
		if assert.Len(t, fs, 1, c.src) {
			assert.Equal(t, c.match, fs[0].Match, c.src)
			if c.sug != "" {
				assert.Equal(t, c.sug, fs[0].Suggestion, c.src)
			}
		}
	}
	for _, ok := range []string{
		"Come on 3 April 2025 at 5pm or 5:30pm, or at midday.", "Open from 9am to 5pm.", "M&S and B&Q are open.",
		"It costs £17.00 in April 2025.", "The score rose by 10.30 points.", "Q&A session in May.",
		"The ratio was 3:1 in favour.", "In April 3 people applied.",
	} {
		fs, _ := findings(t, RuleGOVUKStyle, nil, nil, ok)
		assert.Empty(t, matches(fs), ok)
	}
}

func TestAccessibility(t *testing.T) {
	md := "# Bins\n\nRead the [bin calendar](/docs/bins.pdf) now.\n\nRead the [tax leaflet](/docs/tax.pdf) (PDF, 120KB).\n\n" +
		"Read the [form](/docs/form.docx?v=2) (Word).\n\nDates shown in red are bank holidays.\n\n" +
		"THE TIP IS CLOSED ON MONDAYS.\n\nWe collect from the NHS and DWP offices.\n"
	card, err := (&Checker{}).Check("bins.md", []byte(md))
	require.NoError(t, err)
	var fs []Finding
	for _, f := range card.Findings {
		if f.Rule == RuleAccessibility {
			fs = append(fs, f)
		}
	}
	assert.Equal(t, []string{"bin calendar", "form", "shown in red", "THE TIP IS CLOSED ON MONDAYS"}, matches(fs))
	assert.Contains(t, fs[0].Message, "link to a PDF file does not say its format or size")
	assert.Contains(t, fs[1].Message, "link to a Word file does not say how big")
	assert.Equal(t, strings.Index(md, "bin calendar"), fs[0].Offset)
	assert.Equal(t, 3, fs[0].Line)
	text, _ := findings(t, RuleAccessibility, nil, nil, "Read the [bin calendar](/docs/bins.pdf) now.")
	assert.Empty(t, text, "document links are checked by the readers of markup")
	colour, _ := findings(t, RuleAccessibility, nil, nil, "Press the green button. The Red Lion Street car park is shut. Green buttons are new. We sell red and green boxes.")
	assert.Equal(t, []string{"green button", "Green buttons"}, matches(colour), "a name in capitals is not an instruction")
	assert.Contains(t, fs[1].Message, "does not say how big")

	card, err = (&Checker{}).Check("page.html", []byte(`<main><h1>Bins</h1><h3>Days</h3><p>Collections are weekly.</p>`+
		`<img src="a.png"><img src="b.png" alt=""><a href="/x"></a><a href="/y" aria-label="Home"></a><a href="/z"><img src="c.png" alt="Home"></a>`+
		`<table><tr><td>Monday</td></tr></table><table><tr><th>Day</th></tr><tr><td>Monday</td></tr></table>`+
		`<table role="presentation"><tr><td>Layout</td></tr></table><p>More text here.</p></main>`))
	require.NoError(t, err)
	var got []string
	for _, f := range card.Findings {
		if f.Rule == RuleAccessibility {
			got = append(got, f.Message[:strings.IndexByte(f.Message, ':')])
		}
	}
	assert.Equal(t, []string{"heading level 3 after level 1", "image without alt text", "link with no text", "table without header cells"}, got)

	card, err = (&Checker{}).Check("page.md", []byte("# Bins\n\n![](map.png) and [](https://x.example) and ![Map](m.png)\n\n```\n![](code.png) <img src=x>\n```\n\n"+
		"<table>\n<tr>\n<th>Day</th>\n</tr>\n</table>\n\nText <img src=\"y.png\"> here.\n"))
	require.NoError(t, err)
	got = nil
	for _, f := range card.Findings {
		if f.Rule == RuleAccessibility {
			got = append(got, f.Match)
		}
	}
	assert.Equal(t, []string{"![](map.png)", "[](https://x.example)", "<img src=\"y.png\">"}, got, "not in code, and a table's header cells may be lines below it")
}
