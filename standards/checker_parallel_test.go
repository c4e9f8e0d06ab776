package standards

import (
	"context"
	"encoding/json"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCheckParallelSame checks that a large document checked with a
// context, whose rules run in two groups at once, gives the same
// scorecard, byte for byte, as the sequential check, with a council's
// own words matched by stem in both groups.
func TestCheckParallelSame(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one CPU: the rules run in one group")
	}
	src := councilText(t, 1<<20).Source
	cfg := &Config{PlainEnglish: WordList{Add: []Substitution{{Phrase: "consult", Suggestion: "ask"}}}}
	c := Checker{Format: FormatText, Config: cfg, Stemmer: fakeStemmer{}}
	seq, err := c.Check("big.txt", src)
	require.NoError(t, err)
	par, err := c.CheckContext(context.Background(), "big.txt", src)
	require.NoError(t, err)
	a, err := json.Marshal(seq)
	require.NoError(t, err)
	b, err := json.Marshal(par)
	require.NoError(t, err)
	require.Greater(t, len(seq.Findings), 1000)
	require.Equal(t, string(a), string(b))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.CheckContext(ctx, "big.txt", src)
	require.ErrorIs(t, err, context.Canceled)
}
