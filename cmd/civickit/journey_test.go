package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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
	assert.Contains(t, out, "Where it is now: step 4 of 9, Agenda and report published (since 2 March 2026)")
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

// TestJourneyShowHTMLHostile: a decision whose source is a script URL
// comes out of "journey show --format html" as text, never as a live
// link, and markup in its title is escaped.
func TestJourneyShowHTMLHostile(t *testing.T) {
	for _, src := range []string{"javascript:alert(document.cookie)", " JavaScript:alert(1)", "\u0001javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"} {
		in, err := json.Marshal(map[string]any{
			"title": `<script>alert("t")</script>`, "url": src,
			"history": []map[string]string{{"stage": "proposal", "date": "2026-01-05", "source": src}},
		})
		require.NoError(t, err)
		out, stderr, code := runCLI(t, string(in), "journey", "show", "--format", "html", "-")
		require.Equal(t, 0, code, stderr)
		low := strings.ToLower(out)
		assert.NotContains(t, low, "<script")
		assert.NotContains(t, low, `href="javascript`)
		assert.NotContains(t, low, `href="data`)
		assert.NotContains(t, low, `href="vbscript`)
		assert.NotContains(t, low, `href=" `)
		assert.Contains(t, out, "(source: ")
	}
}

// TestJourneyInputPolicy: a UTF-8 byte-order mark is accepted, UTF-16 and
// Latin-1 are named, --max-bytes caps the input, and an unknown field is
// reported with its path and line.
func TestJourneyInputPolicy(t *testing.T) {
	const dec = "{\n\"title\": \"Bus shelters\",\n\"history\": [{\"stage\": \"proposal\", \"date\": \"2026-01-05\"}]\n}\n"
	out, stderr, code := runCLI(t, "\xef\xbb\xbf"+dec, "journey", "show", "-")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "Bus shelters")

	u16 := []byte{0xff, 0xfe}
	for _, r := range dec {
		u16 = append(u16, byte(r), 0)
	}
	_, stderr, code = runCLI(t, string(u16), "journey", "show", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "UTF-16")

	_, stderr, code = runCLI(t, strings.Replace(dec, "Bus", "Caf\xe9", 1), "journey", "show", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "Latin-1")

	_, stderr, code = runCLI(t, dec, "journey", "show", "--max-bytes", "20", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "larger than the limit of 20 bytes")
	_, stderr, code = runCLI(t, dec, "journey", "advance", "--stage", "consultation", "--date", "2026-01-06", "--max-bytes", "20", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "larger than the limit")

	_, stderr, code = runCLI(t, strings.Replace(dec, `"date": "2026-01-05"`, `"date": "2026-01-05", "colour": "red"`, 1), "journey", "show", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "<stdin>:3:")
	assert.Contains(t, stderr, "history[0].colour: unknown field")
}

// TestJourneyShowCSV: journey show reads the ModernGov-style CSV the
// library reads; --id picks one decision.
func TestJourneyShowCSV(t *testing.T) {
	const csvPath = "../../civic/journey/testdata/decisions.csv"
	out, stderr, code := runCLI(t, "", "journey", "show", csvPath)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "New community library for Northtown")
	assert.Contains(t, out, "Lease of land at Mill Lane, Southvale")

	out, stderr, code = runCLI(t, "", "journey", "show", "--id", "SAMPLE-2026-014", "--format", "json", csvPath)
	require.Equal(t, 0, code, stderr)
	var s struct {
		ID string `json:"id"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s), out)
	assert.Equal(t, "SAMPLE-2026-014", s.ID)

	_, stderr, code = runCLI(t, "", "journey", "show", "--id", "NOPE", csvPath)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "no decision with id")
}
