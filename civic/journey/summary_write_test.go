package journey

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileURLs are link targets that must never reach an href: script
// schemes in any case, behind the spaces and control characters a
// browser strips, and split by the tabs and newlines it removes.
var hostileURLs = []string{
	"javascript:alert(document.cookie)",
	"JaVaScRiPt:alert(1)",
	"  javascript:alert(1)",
	"\x01\x02javascript:alert(1)",
	"\x00javascript:alert(1)",
	"java\tscript:alert(1)",
	"java\nscript:alert(1)",
	"\u00a0javascript:alert(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"DATA:text/html,<script>alert(1)</script>",
	"vbscript:msgbox(1)",
	" VBScript:msgbox(1)",
	"file:///etc/passwd",
	"jav&#x09;ascript:alert(1)",
	"\"><script>alert(1)</script>",
}

func TestSafeURL(t *testing.T) {
	for _, u := range hostileURLs {
		_, ok := SafeURL(u)
		assert.False(t, ok, "%q", u)
	}
	for u, want := range map[string]string{
		"https://democracy.example.gov.uk/d/1": "https://democracy.example.gov.uk/d/1",
		"HTTP://example.org":                   "HTTP://example.org",
		" https://example.org/a?b=c#d\n":       "https://example.org/a?b=c#d",
		"mailto:democracy@example.gov.uk":      "mailto:democracy@example.gov.uk",
		"tel:+441234567890":                    "tel:+441234567890",
		"/meetings/cabinet-2026-03-10":         "/meetings/cabinet-2026-03-10",
		"decision-notice.html":                 "decision-notice.html",
		"../agenda.pdf#page=3":                 "../agenda.pdf#page=3",
		"?id=14":                               "?id=14",
	} {
		got, ok := SafeURL(u)
		assert.True(t, ok, "%q", u)
		assert.Equal(t, want, got, "%q", u)
	}
	// A document name is a source, not a link.
	_, ok := SafeURL("Forward Plan, February 2026")
	assert.False(t, ok)
}

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// TestWriteHTMLHostile feeds markup, quotes and script URLs through every
// field of a decision that reaches the HTML: nothing is live, every href
// is an allowed URL, and the refused sources are shown as text.
func TestWriteHTMLHostile(t *testing.T) {
	const evil = `<script>alert("x")</script>"' onmouseover="alert(1)`
	for _, u := range hostileURLs {
		d := &Decision{
			ID: evil, Title: evil, Summary: evil, DecisionMaker: evil, Contact: evil, URL: u,
			KeyDecision: true, SubjectToCallIn: true, MeetingDate: d("2026-03-10"),
			History: []StageEvent{
				{Stage: StageProposal, Date: d("2026-01-05"), Source: u, Note: evil},
				{Stage: StageNoticePublished, Date: d("2026-01-12"), Source: evil},
				{Stage: StageAgendaPublished, Date: d("2026-03-02"), Source: "https://example.org/agenda"},
			},
		}
		c, _ := Profile("")
		s := d.Explain(&c)
		var b bytes.Buffer
		require.NoError(t, s.WriteHTML(&b))
		out := b.String()
		assert.NotContains(t, out, "<script", u)
		assert.NotContains(t, out, `" onmouseover`, u)
		assert.NotContains(t, out, `' onmouseover`, u)
		low := strings.ToLower(out)
		for _, bad := range []string{`href="javascript`, `href="data`, `href="vbscript`, `href=" `, `href="file`} {
			assert.NotContains(t, low, bad, u)
		}
		for _, m := range hrefRE.FindAllStringSubmatch(out, -1) {
			_, ok := SafeURL(m[1])
			assert.True(t, ok, "href %q from %q", m[1], u)
			assert.NotContains(t, strings.ToLower(m[1]), "script", u)
		}
		// The allowed source is still a link.
		assert.Contains(t, out, `<a href="https://example.org/agenda">source</a>`)
		// The refused ones are shown as text.
		assert.Contains(t, out, "(source: ")
	}
}

// TestWriteTextControl: text output escapes terminal control sequences
// that came from the input.
func TestWriteTextControl(t *testing.T) {
	d := &Decision{Title: "Bins\x1b]0;pwned\x07\x1b[2J", Summary: "a\x1b[31mred", Contact: "x\rOVERWRITE", URL: "https://e.org/\x1b[1m",
		History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-05")}}}
	c, _ := Profile("")
	s := d.Explain(&c)
	var b bytes.Buffer
	require.NoError(t, s.WriteText(&b))
	out := b.String()
	assert.NotContains(t, out, "\x1b")
	assert.NotContains(t, out, "\x07")
	assert.NotContains(t, out, "\r")
	assert.Contains(t, out, `Bins\x1b]0;pwned\a\x1b[2J`)
}
