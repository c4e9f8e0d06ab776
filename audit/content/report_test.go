package content

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic/journey"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileReport is a report whose every input-derived string is hostile.
func hostileReport(t *testing.T) *Report {
	items := []Item{
		{URL: "javascript:alert(1)", Channel: ChannelWeb, Title: `<script>alert("t")</script>`, ContentType: "text/html", Body: []byte(`<p>We "decided" <b>things</b> that <script>alert(1)</script> you should know about.</p>`)},
		{URL: "https://x.gov.uk/a?q=\"'><img src=x onerror=alert(1)>", Channel: ChannelWeb, Title: "A & B \"quoted\" 'single' [link](javascript:alert(1))", ContentType: "text/html", Body: []byte(`<p>It is hereby notified that pursuant to the provisions the undermentioned determination shall be effected notwithstanding any representations thereto.</p>`)},
		{URL: "data:text/html,<script>alert(1)</script>", Channel: ChannelDocument, Title: "| pipe | <img>", DecisionID: "<b>D1</b>", Stage: journey.StageAgendaPublished, Pages: []Page{{1, "A report."}}},
		{URL: "/relative/page", Channel: ChannelWeb, Title: "\x1b[31mred\x1b[0m", ContentType: "text/html", DecisionID: "<b>D1</b>", Stage: journey.StageDecisionPublished, Body: []byte("<p>Cabinet agreed it.</p>")},
	}
	views := Views{}
	for _, it := range items {
		views[PageKey(it.URL)] = 100
	}
	r, err := AuditSnapshots(context.Background(), &Scorer{}, &Snapshot{Items: items, Views: views}, &Snapshot{Items: items[:1]}, nil, 0)
	require.NoError(t, err)
	return r
}

func TestReportHTMLEscapes(t *testing.T) {
	r := hostileReport(t)
	var b bytes.Buffer
	require.NoError(t, r.WriteHTML(&b))
	h := b.String()
	assert.NotContains(t, h, "<script>")
	assert.NotContains(t, h, "<img")
	assert.NotContains(t, strings.ToLower(h), "href=javascript")
	assert.NotContains(t, strings.ToLower(h), `href="javascript`)
	assert.NotContains(t, strings.ToLower(h), `href=data`)
	assert.NotContains(t, strings.ToLower(h), `href="data`)
	assert.NotContains(t, h, "\x1b")
	assert.Contains(t, h, "&lt;img src=x", "text that looks like markup is shown as text")
	assert.Contains(t, h, `href="/relative/page"`, "a relative link is kept")
	assert.NotContains(t, h, "<link", "no external stylesheet")
	assert.NotRegexp(t, "<[a-z]+[^>]* src=", h, "no external asset")
	assert.True(t, strings.HasPrefix(h, "<!doctype html>"), h[:40])
}

func TestReportMarkdownEscapes(t *testing.T) {
	r := hostileReport(t)
	var b bytes.Buffer
	require.NoError(t, r.WriteMarkdown(&b))
	md := b.String()
	assert.NotContains(t, md, "<script>")
	assert.NotContains(t, md, "](javascript")
	assert.NotContains(t, md, "](data")
	assert.NotContains(t, md, "\x1b")
	assert.Contains(t, md, `\<script\>`)
	assert.Contains(t, md, "## Journey coverage")
}

func TestReportJSON(t *testing.T) {
	r := hostileReport(t)
	var b bytes.Buffer
	require.NoError(t, r.WriteJSON(&b))
	var back Report
	d := json.NewDecoder(&b)
	d.DisallowUnknownFields()
	require.NoError(t, d.Decode(&back))
	assert.Equal(t, r.Total, back.Total)
	assert.Equal(t, len(r.Items), len(back.Items))
	assert.NotNil(t, back.Change)
}

func TestLinkURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://x/a": "https://x/a", "http://x": "http://x", "/a/b": "/a/b", "a.html": "a.html",
		"javascript:alert(1)": "", " JaVa\tScript:x": "", "data:text/html,x": "", "mailto:a@b": "", "tel:123": "",
		"vbscript:x": "", "file:///etc/passwd": "",
	} {
		assert.Equal(t, want, LinkURL(in), in)
	}
}

// Every item is listed with its findings and their positions; the fix
// first list and the journeys link to an item's findings by anchor.
func TestReportHTMLFindings(t *testing.T) {
	items := []Item{
		{URL: "https://x.gov.uk/notice", Channel: ChannelWeb, Title: "Notice", ContentType: "text/html",
			Body: []byte(`<p>It is hereby notified that pursuant to the provisions the undermentioned determination shall be effected notwithstanding any representations thereto.</p>`)},
		{URL: "https://x.gov.uk/report.pdf", Channel: ChannelDocument, Title: "Report", DecisionID: "D1", Stage: journey.StageAgendaPublished,
			Pages: []Page{{1, "A short page."}, {2, "It is hereby notified that pursuant to the provisions the undermentioned determination shall be effected notwithstanding any representations thereto."}}},
	}
	views := Views{}
	views.Add(items[0].URL, 500)
	r, err := AuditSnapshots(context.Background(), &Scorer{}, &Snapshot{Items: items, Views: views}, nil,
		[]journey.Decision{{ID: "D1", Title: "Library hours"}}, 0)
	require.NoError(t, err)
	require.NotEmpty(t, r.FixFirst)
	var b bytes.Buffer
	require.NoError(t, r.WriteHTMLPage(&b, "index.html"))
	h := b.String()
	anchor := map[string]string{}
	for i, it := range r.Items {
		anchor[it.URL] = "item-" + string(rune('1'+i))
		assert.Contains(t, h, `id="`+anchor[it.URL]+`"`, it.URL)
	}
	assert.Contains(t, h, `href="#`+anchor[r.FixFirst[0].URL]+`"`, "the fix-first row links to the item's findings")
	assert.Contains(t, h, `href="#`+anchor["https://x.gov.uk/report.pdf"]+`">findings`, "the journey links to the document's findings")
	assert.Contains(t, h, `href="index.html"`, "the page links home")
	var pdf Scored
	for _, s := range r.Items {
		if s.Document {
			pdf = s
		}
	}
	require.NotEmpty(t, pdf.Findings)
	f := pdf.Findings[len(pdf.Findings)-1]
	assert.Contains(t, h, fmt.Sprintf("page %d, line %d:%d", f.Page, f.Line, f.Column), "a document's finding names its page")
	b.Reset()
	require.NoError(t, r.WriteHTML(&b))
	assert.NotContains(t, b.String(), `href="index.html"`, "a standalone report has no home link")
}
