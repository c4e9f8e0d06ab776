package persona

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostile is a catalogue entry a council could load by mistake or by
// malice: markup, quotes, a javascript: URL and terminal control
// sequences in every string.
var hostile = LearningOption{
	ID:          `x"><script>alert(1)</script>`,
	Title:       "<script>alert('t')</script> \x1b[31mred\x1b[0m [click](javascript:alert(1))",
	Description: `" onmouseover="alert(1)" <a href="javascript:alert(document.cookie)">here</a> ` + "\x07\x1b]0;title\x07",
	Stages:      Stages,
}

// TestHostileCatalogue feeds markup, quotes and javascript: URLs through
// every output of a persona report and a pilot report.
func TestHostileCatalogue(t *testing.T) {
	s := readSurveyFile(t, "survey69.csv")
	rep, err := Build(context.Background(), s, Options{Seed: 1, Catalogue: []LearningOption{hostile}})
	require.NoError(t, err)
	require.NotEmpty(t, rep.Personas[0].Learning)

	var b bytes.Buffer
	require.NoError(t, rep.WriteHTML(&b))
	html := b.String()
	for _, bad := range []string{"<script>", `href="`, "<a ", `" onmouseover`} {
		assert.False(t, strings.Contains(html, bad), "HTML holds %q", bad)
	}
	assert.True(t, strings.Contains(html, "&lt;script&gt;"), "shown as text")

	b.Reset()
	require.NoError(t, rep.WriteMarkdown(&b))
	md := b.String()
	for _, bad := range []string{"<script>", "<a ", "](javascript:", "\x1b"} {
		assert.False(t, strings.Contains(md, bad), "Markdown holds %q", bad)
	}

	b.Reset()
	require.NoError(t, rep.WriteText(&b))
	assert.False(t, strings.ContainsAny(b.String(), "\x1b\x07"), "text holds control characters")

	b.Reset()
	require.NoError(t, rep.WriteJSON(&b))
	assert.NotContains(t, b.String(), "<script>", "encoding/json escapes < and >")

	recs := []PilotRecord{}
	for i := 0; i < 12; i++ {
		recs = append(recs, PilotRecord{Activity: hostile.Title, Participant: string(rune('a' + i)), Attended: true, Before: 2, After: Answer(3 + i%2), Cost: 10})
	}
	pr, err := EvaluatePilots(recs, PilotOptions{})
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, pr.WriteText(&b))
	assert.False(t, strings.Contains(b.String(), "\x1b"), "pilot text holds control characters")
	b.Reset()
	require.NoError(t, pr.WriteHTML(&b))
	for _, bad := range []string{"<script>", `href="`, "<a "} {
		assert.False(t, strings.Contains(b.String(), bad), "pilot HTML holds %q", bad)
	}
	assert.True(t, strings.Contains(b.String(), "&lt;script&gt;"), "shown as text")
}
