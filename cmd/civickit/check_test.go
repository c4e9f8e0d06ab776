package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckJSONContract checks the keys that other tools read from
// civickit check --format json: one object for one file, an array for
// several, offsets in bytes of the input file.
func TestCheckJSONContract(t *testing.T) {
	dir := t.TempDir()
	src := "# Bin days\n\nWe will utilise new routes in order to empty every bin on time.\n"
	file := filepath.Join(dir, "bins.md")
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))

	out, stderr, code := runCLI(t, "", "check", "--format", "json", file)
	require.Equal(t, 0, code, stderr)
	var card map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &card), out)
	for _, k := range []string{"file", "stats", "readability", "standards", "findings", "score"} {
		assert.Contains(t, card, k)
	}
	stats := card["stats"].(map[string]any)
	for _, k := range []string{"sentences", "words", "syllables", "letters", "characters", "polysyllables"} {
		assert.Contains(t, stats, k)
	}
	read := card["readability"].(map[string]any)
	for _, k := range []string{"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari", "reading_age"} {
		assert.Contains(t, read, k)
	}
	for _, s := range card["standards"].([]any) {
		for _, k := range []string{"id", "name", "score", "passed"} {
			assert.Contains(t, s, k)
		}
	}
	found := map[string]bool{}
	for _, f := range card["findings"].([]any) {
		f := f.(map[string]any)
		for _, k := range []string{"rule", "severity", "message", "suggestion", "line", "column", "offset", "length"} {
			assert.Contains(t, f, k)
		}
		off, n := int(f["offset"].(float64)), int(f["length"].(float64))
		if f["rule"] == "plain-english" {
			// A word-level finding spans just the word or phrase.
			found[src[off:off+n]] = true
			assert.Equal(t, 3, int(f["line"].(float64)))
		}
	}
	assert.True(t, found["utilise"], "utilise found at its bytes: %v", found)
	assert.True(t, found["in order to"], "in order to found at its bytes: %v", found)

	out, stderr, code = runCLI(t, "", "check", "--format", "json", file, file)
	require.Equal(t, 0, code, stderr)
	var cards []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &cards), out)
	assert.Len(t, cards, 2)
}
