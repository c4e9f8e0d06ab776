package standards

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLMainBlockOnRealPages reads the HTML pages of testdata/real,
// modelled on council pages: some with <main>, one with role="main",
// the rest without either, where the reader takes the block with the
// densest prose. Each must start at the page's title and end at its last
// line of content, and none may hold the header, navigation, cookie or
// consent banner, breadcrumbs, skip link, sidebar or footer around it.
func TestHTMLMainBlockOnRealPages(t *testing.T) {
	cases := []struct {
		file, first, last string
	}{
		{"how-we-make-decisions.html", "How we make decisions", "Email committee@example.gov.uk or call 01303 853000."},
		{"get-involved-decisions.html", "Get involved in council decisions", "Contact your local councillor"},
		{"consultation-charter.html", "Consultations", "We'll make every effort to enable residents across different age and ethnic groups and backgrounds to take part."},
		{"forward-plan-notice.html", "Forward plan", "Forward plan December (PDF, 210KB)"},
		{"call-in-steps.html", "Overview and Scrutiny Committee", "Councillors can then decide whether to initiate the call-in process."},
		{"council-plan-decision.html", "Decision details", "Appendix 1 PDF 1 MB"},
		{"request-to-speak.html", "Planning committees: request to speak", "Was this page useful? Yes No"},
		{"planning-committee-info.html", "Browse meetings", "Email: memberservices@example.gov.uk"},
		{"key-decision-schedule.html", "Key decision schedule", "Key Decision Schedule"},
	}
	boiler := []string{"cookie", "Cookie", "Skip to", "Home", "Accessibility", "Privacy", "Related", "In this section",
		"Contents", "Follow us", "Loading", "Bins and recycling", "Calendar", "Search", "Application reference"}
	for _, c := range cases {
		src, err := os.ReadFile(filepath.Join("testdata", "real", c.file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Extract(src, FormatHTML)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) == 0 {
			t.Errorf("%s: no blocks", c.file)
			continue
		}
		if got := doc.Blocks[0].Text; got != c.first {
			t.Errorf("%s: first block %q, want %q", c.file, got, c.first)
		}
		if got := doc.Blocks[len(doc.Blocks)-1].Text; !strings.HasSuffix(got, c.last) {
			t.Errorf("%s: last block %q, want it to end %q", c.file, got, c.last)
		}
		for _, b := range doc.Blocks {
			for _, w := range boiler {
				if strings.Contains(b.Text, w) {
					t.Errorf("%s: block %q holds %q, which is page furniture", c.file, b.Text, w)
				}
			}
		}
	}
}

// TestHTMLBoilerplateInsideMain checks that cookie banners, breadcrumbs,
// skip links, footers and complementary regions are left out inside
// <main> too, and that a header inside <main> keeps its heading only.
func TestHTMLBoilerplateInsideMain(t *testing.T) {
	src := `<main><a class="skip-link" href="#c">Skip to content</a>
<div class="govuk-cookie-banner"><p>We use cookies.</p></div>
<ol class="breadcrumbs"><li><a href="/">Home</a></li></ol>
<header><h1>Budget consultation</h1><p>Share this page</p></header>
<p id="c">Tell us what you think of the budget by 5 January.</p>
<div role="complementary"><p>Related: council tax</p></div>
<footer><p>Last updated 2 May</p></footer></main>`
	doc, err := Extract([]byte(src), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text)
	}
	want := []string{"Budget consultation", "Tell us what you think of the budget by 5 January."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestHTMLDensestBlock checks the choice of the densest block on a page
// of divs: the article of paragraphs wins over a menu of many short
// links and over a sidebar, and a page with no block of prose is kept
// whole.
func TestHTMLDensestBlock(t *testing.T) {
	menu := strings.Repeat(`<li><a href="/x">A service with a long enough name to score</a></li>`, 30)
	src := `<body><div class="menu"><ul>` + menu + `</ul></div>
<div class="sidebar"><p>Short.</p></div>
<div class="col"><h1>Title</h1><p>The cabinet will decide on the new bin collection days, after the consultation, on 3 March.</p>
<p>You can comment by email, by post or at a drop-in session, until 20 February.</p></div></body>`
	doc, err := Extract([]byte(src), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 3 || doc.Blocks[0].Text != "Title" {
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, b.Text)
		}
		t.Errorf("blocks %q, want the title and the two paragraphs", got)
	}
	doc, err = Extract([]byte(`<div>One</div><div>Two</div>`), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 2 {
		t.Errorf("a page without prose: %d blocks, want 2", len(doc.Blocks))
	}
}
