package standards_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/civickit/civickit/standards"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckHostileInput runs the whole check — extraction, tokenising,
// rules and scoring — on inputs built to break it: each gives a clear error
// or a valid, flagged scorecard, never a panic or a hang.
func TestCheckHostileInput(t *testing.T) {
	long := strings.Repeat("The council will decide ", 1_000_000/24+1)[:1_000_000]
	// 50 MB, or 5 MB under the race detector: the size shows the check is
	// linear and bounded; the race detector's tenfold slowdown would time
	// the full size out on a shared 2-core machine.
	bigMB := 50
	if raceEnabled {
		bigMB = 5
	}
	tests := []struct {
		name    string
		file    string
		src     string
		wantErr error // nil: a scorecard is expected
		short   bool  // runs under -short
	}{
		{"empty", "empty.txt", "", nil, true},
		{"only white space", "blank.md", " \n\n\t\n", nil, true},
		{"binary", "image.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", standards.ErrBinary, true},
		{"invalid UTF-8", "latin1.txt", "Caf\xe9 opening hours: the council\xa0will decide\xff. You can comment.", nil, true},
		{"one 1,000,000-character line", "line.txt", long, nil, true},
		{"deeply nested HTML", "nest.html", strings.Repeat("<div>", 100_000) + "<p>You can comment.</p>", nil, true},
		{"unclosed HTML", "open.html", "<html><body><main><p>Utilise this<p>and this<a href=x>click here", nil, true},
		{"50 MB of text", "big.txt", strings.Repeat("You can tell us what you think. The Cabinet will utilise your views prior to deciding.\n\n", bigMB<<20/88), nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && !tc.short {
				t.Skip("slow: skipped under -short")
			}
			var c standards.Checker
			done := make(chan struct{})
			var card *standards.Scorecard
			var err error
			go func() {
				defer close(done)
				card, err = c.Check(tc.file, []byte(tc.src))
			}()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("check did not finish in 60s")
			}
			if tc.wantErr != nil {
				require.Error(t, err)
				assert.True(t, errors.Is(err, tc.wantErr), "error %v should wrap %v", err, tc.wantErr)
				assert.Contains(t, err.Error(), tc.file, "the error names the file")
				return
			}
			require.NoError(t, err)
			require.NotNil(t, card)
			assert.GreaterOrEqual(t, card.Score, 0.0)
			assert.LessOrEqual(t, card.Score, 100.0)
			if card.Stats.Words < 100 {
				assert.NotEmpty(t, card.Readability.Notes, "a small sample is flagged")
			}
			for _, f := range card.Findings {
				assert.LessOrEqual(t, f.Offset+f.Length, len(tc.src))
				assert.GreaterOrEqual(t, f.Line, 1)
			}
		})
	}
}
