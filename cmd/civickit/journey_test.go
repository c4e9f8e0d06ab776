package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLI runs the command line and returns exit status, stdout and stderr.
const journeySample = "../../civic/journey/testdata/library-decision.json"

// TestJourneyDeadlinesContract checks the JSON contract of "journey
// deadlines": exactly the keys meeting, agenda_publish_by,
// key_decision_notice_by, general_exception_notice_by and, with a
// publication date, call_in_ends, all ISO dates. Expected dates are
// counted by hand (see civic's TestClearDays).
func TestJourneyDeadlinesContract(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want map[string]string
	}{
		{"calendar", []string{"--meeting", "2026-03-10", "--format", "json"}, map[string]string{
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-04",
			"key_decision_notice_by": "2026-02-09", "general_exception_notice_by": "2026-03-04"}},
		{"published", []string{"--meeting", "2026-03-10", "--decision-published", "2026-03-12", "--format", "json"}, map[string]string{
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-04",
			"key_decision_notice_by": "2026-02-09", "general_exception_notice_by": "2026-03-04", "call_in_ends": "2026-03-19"}},
		{"working over Easter", []string{"--meeting", "2026-04-07", "--clear-days", "working", "--profile", "kirklees", "--decision-published", "2026-04-08", "--format", "json"}, map[string]string{
			"meeting": "2026-04-07", "agenda_publish_by": "2026-03-26",
			"key_decision_notice_by": "2026-02-23", "general_exception_notice_by": "2026-03-26", "call_in_ends": "2026-04-15"}},
		{"wales", []string{"--meeting", "2026-03-10", "--profile", "wales", "--format", "json"}, map[string]string{
			// 3 clear days: 9, 8, 7 March; publish 6 March.
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-06",
			"key_decision_notice_by": "2026-02-09", "general_exception_notice_by": "2026-03-04"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", append([]string{"journey", "deadlines"}, c.args...)...)
			require.Equal(t, 0, code, stderr)
			var got map[string]string
			require.NoError(t, json.Unmarshal([]byte(out), &got), out)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestJourneyDeadlinesErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no meeting":      {},
		"bad meeting":     {"--meeting", "10/03/2026"},
		"bad published":   {"--meeting", "2026-03-10", "--decision-published", "2026-02-30"},
		"published early": {"--meeting", "2026-03-10", "--decision-published", "2026-03-09"},
		"bad profile":     {"--meeting", "2026-03-10", "--profile", "atlantis"},
		"bad clear days":  {"--meeting", "2026-03-10", "--clear-days", "lunar"},
		"bad format":      {"--meeting", "2026-03-10", "--format", "xml"},
		"stray argument":  {"--meeting", "2026-03-10", "extra"},
		"unknown flag":    {"--meating", "2026-03-10"},
	} {
		t.Run(name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", append([]string{"journey", "deadlines"}, args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, stderr, "usage: civickit journey deadlines")
		})
	}
}

func TestJourneyShow(t *testing.T) {
	out, stderr, code := runCLI(t, "", "journey", "show", journeySample)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "Where it is now: step 4 of 9, Agenda and report published (since 2026-03-02)")
	assert.Contains(t, out, "What happens next: Decision made or Withdrawn")
	assert.Contains(t, out, ">   4. Agenda and report published")

	out, _, code = runCLI(t, "", "journey", "show", "--format", "json", journeySample)
	require.Equal(t, 0, code)
	var s struct {
		Current string `json:"current"`
		Steps   []struct {
			Stage  string `json:"stage"`
			Status string `json:"status"`
		} `json:"steps"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Equal(t, "agenda-published", s.Current)
	assert.NotEmpty(t, s.Steps)

	out, _, code = runCLI(t, "", journeySample, "--format", "html")
	assert.Equal(t, 2, code, "not a command")
	_ = out
	out, _, code = runCLI(t, "", "journey", "show", journeySample, "--format", "html")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `aria-current="step"`)
	assert.Contains(t, out, `<ol class="civic-step-nav__steps">`)

	data, err := os.ReadFile(journeySample)
	require.NoError(t, err)
	out, _, code = runCLI(t, string(data), "journey", "show", "-")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "New community library for Northtown")
}

func TestJourneyShowErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{\n\"title\": \"x\",\n\"history\": [\n{\"stage\": \"proposal\", \"date\": \"2026-01-01\"},\n{\"stage\": \"in-effect\", \"date\": \"2026-01-02\"}]}\n"), 0o644))
	out, stderr, code := runCLI(t, "", "journey", "show", bad)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, bad+`:5: history[1].stage: illegal transition from "proposal" to "in-effect"`)

	_, stderr, code = runCLI(t, "", "journey", "show", filepath.Join(dir, "missing.json"))
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "missing.json")

	_, stderr, code = runCLI(t, "", "journey", "show")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "usage: civickit journey show")

	_, stderr, code = runCLI(t, "", "journey", "show", "--format", "pdf", journeySample)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unknown format")

	_, stderr, code = runCLI(t, "{", "journey", "show", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "<stdin>:1:")

	out, _, code = runCLI(t, "", "help", "journey")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "deadlines")
	assert.Contains(t, out, "show")
}
