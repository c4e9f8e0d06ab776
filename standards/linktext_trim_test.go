package standards

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNormalizeLinkTextTrim checks the hand-written trim against the
// strings.Trim call it replaces, including quotes, ellipses and invalid
// UTF-8 at the ends.
func TestNormalizeLinkTextTrim(t *testing.T) {
	for _, s := range []string{
		"", "here", "“Click here”…", "(more)", "...", "‘’", "\xff here \xfe", "read more.\xe2\x80",
		"<https://example.org/>", "'quoted'", "a.b", "…“”", "é.", "[x]!",
	} {
		want := strings.Trim(strings.ToLower(strings.Join(strings.Fields(s), " ")), ".,:;!?\"'()[]<>“”‘’…")
		assert.Equal(t, want, normalizeLinkText(s), "%q", s)
	}
}
