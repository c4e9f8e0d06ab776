package standards

import (
	"math"
	"testing"
)

// TestTextAndHTMLAgendaScoreAlike checks that the plain-text and HTML forms
// of the same agenda are read into the same units, so that their sentence
// counts match and their reading ages differ by less than a year. Before
// the text reader knew label lines, table rows and bullets, the text form
// was one 46-word "sentence" and read 8 years older.
func TestTextAndHTMLAgendaScoreAlike(t *testing.T) {
	text := `Cabinet
Date: Tuesday 14 January 2025
Time: 6.30pm
Venue: Council Chamber, Town Hall
Item	Subject	Lead member
1	Apologies for absence	Leader
2	Declarations of interest	Leader
Agenda items
· Minutes of the previous meeting
· Budget monitoring report
· Local plan consultation response
The cabinet will consider the report and decide whether to approve the new charges.
`
	html := `<main><h1>Cabinet</h1>
<dl><dt>Date:</dt><dd>Tuesday 14 January 2025</dd><dt>Time:</dt><dd>6.30pm</dd><dt>Venue:</dt><dd>Council Chamber, Town Hall</dd></dl>
<table><tr><th>Item</th><th>Subject</th><th>Lead member</th></tr>
<tr><td>1</td><td>Apologies for absence</td><td>Leader</td></tr>
<tr><td>2</td><td>Declarations of interest</td><td>Leader</td></tr></table>
<h2>Agenda items</h2>
<ul><li>Minutes of the previous meeting</li><li>Budget monitoring report</li><li>Local plan consultation response</li></ul>
<p>The cabinet will consider the report and decide whether to approve the new charges.</p></main>`
	var c Checker
	ct, err := c.Check("agenda.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ch, err := c.Check("agenda.html", []byte(html))
	if err != nil {
		t.Fatal(err)
	}
	if ct.Stats.Words != ch.Stats.Words {
		t.Errorf("words: text %d, HTML %d", ct.Stats.Words, ch.Stats.Words)
	}
	if d := math.Abs(ct.Readability.ReadingAge - ch.Readability.ReadingAge); d >= 1 {
		t.Errorf("reading age: text %.1f, HTML %.1f; want them within a year", ct.Readability.ReadingAge, ch.Readability.ReadingAge)
	}
	for _, f := range ct.Findings {
		if f.Rule == RuleSentenceLength {
			t.Errorf("text form: %s at %d:%d", f.Message, f.Line, f.Column)
		}
	}
}
