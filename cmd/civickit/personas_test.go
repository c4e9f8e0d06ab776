package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const personaTestdata = "../../persona/testdata/"

func TestClusterJSONContract(t *testing.T) {
	out, errs, code := runCLI(t, "", "cluster", "--k", "3", "--seed", "2", "--format", "json", personaTestdata+"iris_std.csv")
	require.Equal(t, 0, code, errs)
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	keys := []string{}
	for k := range raw {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, []string{"labels", "inertia", "silhouette", "iterations"}, keys)
	var got struct {
		Labels     []int
		Inertia    float64
		Silhouette float64
		Iterations int
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Len(t, got.Labels, 150)
	// scikit-learn's inertia for this data (testdata/sklearn_ref.json).
	assert.LessOrEqual(t, got.Inertia, 139.82049635974982*(1+1e-12))
	assert.Greater(t, got.Silhouette, 0.4)
	assert.Positive(t, got.Iterations)

	// The same seed gives the same bytes on any number of cores.
	for _, p := range []int{1, 3} {
		old := runtime.GOMAXPROCS(p)
		again, _, _ := runCLI(t, "", "cluster", "--k", "3", "--seed", "2", personaTestdata+"iris_std.csv")
		runtime.GOMAXPROCS(old)
		assert.Equal(t, out, again)
	}
}

func TestClusterErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("a,b\n1,2\n3,oops\n"), 0o644))
	_, errs, code := runCLI(t, "", "cluster", "--k", "2", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, `bad.csv:3:3: b: "oops" is not a finite number`)
	_, errs, code = runCLI(t, "", "cluster", personaTestdata+"iris_std.csv")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "--k must be at least 1")
	_, errs, code = runCLI(t, "a\n1\n1\n", "cluster", "--k", "2", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "fewer distinct rows than clusters")
}

func TestPersonasCommand(t *testing.T) {
	for _, format := range []string{"text", "json", "md", "html"} {
		t.Run(format, func(t *testing.T) {
			out, errs, code := runCLI(t, "", "personas", "--format", format, personaTestdata+"survey69.csv")
			require.Equal(t, 0, code, errs)
			assert.Contains(t, out, "Digital Champion")
			assert.NotContains(t, out, "R001")
			assert.NotContains(t, out, "Invented Ward")
			want, err := os.ReadFile(personaTestdata + "golden/survey69." + map[string]string{"text": "txt"}[format] + map[string]string{"json": "json", "md": "md", "html": "html"}[format])
			require.NoError(t, err)
			assert.Equal(t, string(want), out, "the CLI's defaults (seed 1) match the library's golden file")
		})
	}
	_, errs, code := runCLI(t, "", "personas", "--k", "lots", personaTestdata+"survey69.csv")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, `--k "lots"`)
	_, errs, code = runCLI(t, "respondent_id,conf_email\nr1,3\n", "personas", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "<stdin>:1: use_email: missing column")
}

func TestPilotsCommand(t *testing.T) {
	out, errs, code := runCLI(t, "", "pilots", personaTestdata+"pilots.csv")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Menu of learning options per stage")
	assert.NotContains(t, out, "P01")
	out, _, code = runCLI(t, "", "pilots", "--format", "json", personaTestdata+"pilots.csv")
	require.Equal(t, 0, code)
	assert.True(t, json.Valid([]byte(out)))
}

func TestPersonasMapping(t *testing.T) {
	raw, err := os.ReadFile(personaTestdata + "survey69.csv")
	require.NoError(t, err)
	// Rename two columns and recode one answer as a council's export might.
	text := strings.Replace(string(raw), "respondent_id,", "Response ID,", 1)
	text = strings.Replace(text, "conf_email,", "How confident are you using email?,", 1)
	lines := strings.Split(text, "\n")
	cells := strings.Split(lines[1], ",")
	cells[2] = "Very confident"
	lines[1] = strings.Join(cells, ",")
	dir := t.TempDir()
	in := filepath.Join(dir, "survey.csv")
	require.NoError(t, os.WriteFile(in, []byte(strings.Join(lines, "\n")), 0o644))
	out, errs, code := runCLI(t, "", "personas", "--map", personaTestdata+"mapping_example.json", in)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "The Digital Champion")
	_, errs, code = runCLI(t, "", "personas", in)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, `survey.csv:1: respondent_id: missing column`)
}

// TestPersonaCommandsBadInput: every persona command takes --max-bytes,
// refuses a floor below the safe minimum, and bounds its size flags.
func TestPersonaCommandsBadInput(t *testing.T) {
	survey, err := os.ReadFile(personaTestdata + "survey69.csv")
	require.NoError(t, err)
	pilots, err := os.ReadFile(personaTestdata + "pilots.csv")
	require.NoError(t, err)
	for in, c := range map[string][]string{
		"a\n" + strings.Repeat("1\n", 4096): {"cluster", "--k", "2", "--max-bytes", "1KB", "-"},
		string(survey):                      {"personas", "--max-bytes", "1KB", "-"},
		string(pilots) + string(pilots[strings.IndexByte(string(pilots), '\n')+1:]): {"pilots", "--max-bytes", "1KB", "-"},
	} {
		_, errs, code := runCLI(t, in, c...)
		assert.Equal(t, 2, code, c[0])
		assert.Contains(t, errs, "larger than the limit of 1 KiB", c[0])
	}
	for _, c := range [][]string{
		{"personas", "--min-size", "1", personaTestdata + "survey69.csv"},
		{"personas", "--min-size", "2", "--allow-small-groups", personaTestdata + "survey69.csv"},
		{"personas", "--min-size", "5", personaTestdata + "survey69.csv"},
		{"pilots", "--min-size", "1", personaTestdata + "pilots.csv"},
		{"pilots", "--min-size", "4", personaTestdata + "pilots.csv"},
	} {
		out, errs, code := runCLI(t, "", c...)
		assert.Equal(t, 2, code, "%v", c)
		assert.Contains(t, errs, "--min-size", "%v", c)
		assert.Empty(t, out)
	}
	_, errs, code := runCLI(t, "", "personas", "--min-size", "5", "--allow-small-groups", personaTestdata+"survey69.csv")
	assert.Equal(t, 0, code, errs)
	_, errs, code = runCLI(t, "", "cluster", "--k", "2", "--restarts", "2147483647", personaTestdata+"iris_std.csv")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "--restarts must be from 1 to 1000")
	_, errs, code = runCLI(t, "", "cluster", "--k", "200", personaTestdata+"iris_std.csv")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "150 rows cannot form 200 clusters")
}
