package journey

import (
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadersMeetTheSchema: input the reader's own checks let through
// but the published schema refuses (a ward's GSS code of the wrong shape)
// is an error with its place, so what civickit accepts is what the schema
// promises.
func TestReadersMeetTheSchema(t *testing.T) {
	doc := `{
  "title": "Library hours",
  "wards_affected": [{"id": "almondbury", "name": "Almondbury", "gss": "E5"}],
  "history": [{"stage": "proposal", "date": "2026-01-05"}]
}`
	_, err := ReadDecisionJSON(strings.NewReader(doc), ReadOptions{File: "d.json"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line)
	assert.Contains(t, pe.Field, "wards_affected/0")
	assert.Contains(t, err.Error(), "schema decision")

	good := strings.Replace(doc, `"E5"`, `"E05001396"`, 1)
	_, err = ReadDecisionJSON(strings.NewReader(good), ReadOptions{File: "d.json"})
	require.NoError(t, err)
}
