package standards

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/civickit/civickit/internal/sample"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckFormats(t *testing.T) {
	tests := []struct {
		name, src string
		format    string
		rule      string
		match     string
		line, col int
	}{
		// Positions counted by hand in each source.
		{"notice.txt", "Bins\n\nWe will utilise the depot.\n", "text", RulePlainEnglish, "utilise", 3, 9},
		{"notice.md", "# Bins\n\nRead the plan [here](/plan).\n", "markdown", RuleLinkText, "here", 3, 16},
		{"notice.html", "<html><body><nav>Home</nav><main><h1>Bins</h1><p>We will &nbsp;utilise it.</p></main></body></html>", "html", RulePlainEnglish, "utilise", 1, 64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var c Checker
			card, err := c.Check(tc.name, []byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, tc.format, card.Format)
			assert.Equal(t, "govuk", card.Preset)
			var found bool
			for _, f := range card.Findings {
				if f.Rule == tc.rule && f.Match == tc.match {
					found = true
					assert.Equal(t, tc.line, f.Line)
					assert.Equal(t, tc.col, f.Column)
					assert.Equal(t, tc.match, tc.src[f.Offset:f.Offset+f.Length])
				}
			}
			assert.True(t, found, "no %s finding on %q in %+v", tc.rule, tc.match, card.Findings)
		})
	}
}

func TestCheckErrors(t *testing.T) {
	var c Checker
	_, err := c.Check("photo.jpg", []byte("\xff\xd8\x00\x10JFIF"))
	require.Error(t, err)
	var ce *CheckError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, "photo.jpg", ce.File)
	assert.ErrorIs(t, err, ErrBinary)

	c.Config = &Config{Disable: []string{"spelling"}}
	_, err = c.Check("a.txt", []byte("Hello."))
	assert.ErrorContains(t, err, "a.txt: standards: unknown rule \"spelling\"")
}

// TestCheckSample runs the sample council content through each preset: a
// smoke test that every file scores and that the stricter GOV.UK preset
// never scores higher than the Plain English Campaign's.
func TestCheckSample(t *testing.T) {
	entries, err := sample.FS.ReadDir("content")
	require.NoError(t, err)
	for _, e := range entries {
		src, err := sample.FS.ReadFile("content/" + e.Name())
		require.NoError(t, err)
		scores := map[string]float64{}
		for _, p := range Presets() {
			c := Checker{Preset: p.Name}
			card, err := c.Check(e.Name(), src)
			require.NoError(t, err, e.Name())
			assert.NotEmpty(t, card.Standards)
			assert.Greater(t, card.Stats.Words, 0)
			scores[p.Name] = card.Score
		}
		assert.LessOrEqual(t, scores["govuk"], scores["plain-english-campaign"], e.Name())
	}
}

// countdown is a Canceler that lets n polls pass and then cancels.
type countdown struct{ n, polls int }

func (c *countdown) Err() error {
	c.polls++
	if c.polls > c.n {
		return context.Canceled
	}
	return nil
}

// TestCheckContext checks that CheckContext polls its context while it
// tokenises a long document and while it runs the rules, and stops with
// the context's error wherever the cancellation comes.
func TestCheckContext(t *testing.T) {
	src := []byte(strings.Repeat("The council will decide on the budget in March. You can tell us what you think.\n\n", 40000)) // 3.3 MB
	var c Checker
	full := &countdown{n: 1 << 30}
	card, err := c.CheckContext(full, "long.txt", src)
	require.NoError(t, err)
	require.NotNil(t, card)
	rules, _ := c.RuleSet()
	assert.GreaterOrEqual(t, full.polls, 1+3+len(rules.rules), "polls: start, each MiB, each rule")
	for n := 0; n < full.polls; n++ {
		card, err := c.CheckContext(&countdown{n: n}, "long.txt", src)
		require.ErrorIs(t, err, context.Canceled, "cancelled after %d polls", n)
		require.Nil(t, card)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.CheckContext(ctx, "long.txt", src)
	assert.ErrorIs(t, err, context.Canceled)
}
