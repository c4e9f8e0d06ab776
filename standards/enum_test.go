package standards

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEnumsAsText checks that Format and BlockKind encode as their names
// in JSON, decode back to the same value, and refuse unknown names.
func TestEnumsAsText(t *testing.T) {
	for f := FormatAuto; f <= FormatHTML; f++ {
		b, err := json.Marshal(f)
		require.NoError(t, err)
		assert.Equal(t, `"`+f.String()+`"`, string(b))
		var back Format
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, f, back)
	}
	for k := BlockParagraph; k <= BlockTableCell; k++ {
		b, err := json.Marshal(k)
		require.NoError(t, err)
		assert.Equal(t, `"`+k.String()+`"`, string(b))
		var back BlockKind
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, k, back)
	}
	doc, err := Extract([]byte("# Title\n\n- item\n"), FormatMarkdown)
	require.NoError(t, err)
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"format":"markdown"`)
	assert.Contains(t, string(b), `"kind":"heading"`)
	assert.Contains(t, string(b), `"kind":"list-item"`)
	var back Document
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, doc.Blocks[1].Kind, back.Blocks[1].Kind)

	var f Format
	assert.Error(t, json.Unmarshal([]byte(`"pdf"`), &f))
	var k BlockKind
	assert.Error(t, json.Unmarshal([]byte(`"chapter"`), &k))
	_, err = json.Marshal(Format(9))
	assert.Error(t, err)
}

// TestErrorsQuoteShortExcerpts checks that an error quoting input cuts it
// to 40 runes and escapes control characters.
func TestErrorsQuoteShortExcerpts(t *testing.T) {
	_, err := ParseFormat(strings.Repeat("x", 1000) + "\x1b[2J")
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 150, err.Error())
	assert.Contains(t, err.Error(), `"`+strings.Repeat("x", 40)+`"…`)
	_, err = ParseFormat("\x1b[2J")
	assert.NotContains(t, err.Error(), "\x1b")
	var s Severity
	err = s.UnmarshalText([]byte(strings.Repeat("é", 500)))
	assert.Less(t, len(err.Error()), 200, err.Error())
}
