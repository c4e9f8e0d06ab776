package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
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
		// Tue 10 Mar 2026. Agenda: 5 clear working days 9, 6, 5, 4, 3
		// March, publish Mon 2 March (Elitestone); key-decision notice 28
		// clear calendar days, 9 February; decision record 2 working days
		// after, Thu 12 March.
		{"england default", []string{"--meeting", "2026-03-10", "--format", "json"}, map[string]string{
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-02", "decision_record_by": "2026-03-12",
			"key_decision_notice_by": "2026-02-09", "general_exception_notice_by": "2026-03-02"}},
		{"calendar override", []string{"--meeting", "2026-03-10", "--clear-days", "calendar", "--format", "json"}, map[string]string{
			// 10 Mar - 6 days = 4 Mar.
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-04", "decision_record_by": "2026-03-12",
			"key_decision_notice_by": "2026-02-09", "general_exception_notice_by": "2026-03-04"}},
		{"published", []string{"--meeting", "2026-03-10", "--decision-published", "2026-03-12", "--format", "json"}, map[string]string{
			// Call-in from Thu 12 Mar: 13, 16, 17, 18, 19 March.
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-02", "decision_record_by": "2026-03-12",
			"key_decision_notice_by": "2026-02-09", "general_exception_notice_by": "2026-03-02", "call_in_ends": "2026-03-19"}},
		{"Kirklees over Easter", []string{"--meeting", "2026-04-07", "--clear-days", "working", "--profile", "kirklees", "--decision-published", "2026-04-08", "--format", "json"}, map[string]string{
			// Issue 10's example: a meeting on Tue 7 Apr 2026 needs its
			// agenda by 26 March. Kirklees counts call-in from the meeting:
			// 8, 9, 10, 13, 14 April (3 and 6 April are Good Friday and
			// Easter Monday, before the meeting).
			"meeting": "2026-04-07", "agenda_publish_by": "2026-03-26", "decision_record_by": "2026-04-09",
			"key_decision_notice_by": "2026-02-23", "general_exception_notice_by": "2026-03-26", "call_in_ends": "2026-04-14"}},
		{"wales", []string{"--meeting", "2026-03-10", "--profile", "wales", "--format", "json"}, map[string]string{
			// 3 clear working days: 9, 6, 5 March; publish Wed 4 March. No
			// key-decision or general-exception notice in Wales.
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-04", "decision_record_by": "2026-03-12"}},
		{"private", []string{"--meeting", "2026-03-10", "--private", "--format", "json"}, map[string]string{
			// Reg 5(2): 28 clear calendar days, 9 February; reg 5(4): 5
			// clear working days, 2 March.
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-02", "decision_record_by": "2026-03-12",
			"key_decision_notice_by": "2026-02-09", "general_exception_notice_by": "2026-03-02",
			"private_notice_by": "2026-02-09", "private_final_notice_by": "2026-03-02"}},
		{"committee system", []string{"--meeting", "2026-03-10", "--profile", "england-committee", "--private", "--decision-published", "2026-03-11", "--format", "json"}, map[string]string{
			"meeting": "2026-03-10", "agenda_publish_by": "2026-03-02", "decision_record_by": "2026-03-12"}},
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
	assert.Contains(t, out, "What happens next: Deferred to a later meeting or Decision made or Withdrawn")
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

// TestJourneyCheck: journey check says which deadlines were met and which
// missed, by how many days, and exits 1 when a statutory one was missed.
func TestJourneyCheck(t *testing.T) {
	// Meeting Tue 10 Mar 2026: agenda due Mon 2 March. Published Wed 4
	// March: 2 days late. The key-decision notice (due 9 February) went
	// up on 23 February: 14 days late, not "done".
	late := `{"title": "Bus station", "decision_maker": "Cabinet", "key_decision": true, "meeting_date": "2026-03-10",
 "history": [
  {"stage": "proposal", "date": "2026-01-05"},
  {"stage": "notice-published", "date": "2026-02-23"},
  {"stage": "agenda-published", "date": "2026-03-04"},
  {"stage": "decided", "date": "2026-03-10"},
  {"stage": "decision-published", "date": "2026-03-11"}]}`
	out, stderr, code := runCLI(t, late, "journey", "check", "--as-of", "2026-03-20", "-")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, out, "MISSED: Notice of the key decision published by 9 February 2026; done 23 February 2026; 14 days late")
	assert.Contains(t, out, "MISSED: Agenda and report published by 2 March 2026; done 4 March 2026; 2 days late")
	assert.Contains(t, out, "met: Decision published by 12 March 2026; done 11 March 2026")

	out, _, code = runCLI(t, late, "journey", "check", "--as-of", "2026-03-20", "--format", "json", "-")
	assert.Equal(t, 1, code)
	var res []struct {
		Checks []struct {
			ID       string `json:"id"`
			Status   string `json:"status"`
			DaysLate int    `json:"days_late"`
		} `json:"checks"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	got := map[string]string{}
	for _, ch := range res[0].Checks {
		got[ch.ID] = ch.Status + "/" + strconv.Itoa(ch.DaysLate)
	}
	assert.Equal(t, map[string]string{"key_decision_notice_by": "missed/14", "agenda_publish_by": "missed/2", "decision_record_by": "met/0"}, got)

	ontime := strings.Replace(strings.Replace(late, "2026-02-23", "2026-02-02", 1), "2026-03-04", "2026-03-02", 1)
	out, stderr, code = runCLI(t, ontime, "journey", "check", "--as-of", "2026-03-20", "-")
	assert.Equal(t, 0, code, stderr+out)
	assert.NotContains(t, out, "MISSED")
}

// TestJourneyProfileFile: an officer sets the council's constitution in
// a profile file; unknown fields and bad values are named.
func TestJourneyProfileFile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "council.json")
	require.NoError(t, os.WriteFile(prof, []byte(`{"id": "millbrook", "name": "Millbrook Council",
 "agenda": {"days": 5, "counting": "calendar"},
 "call_in": {"days": 3}, "call_in_from": "meeting"}`), 0o644))
	out, stderr, code := runCLI(t, "", "journey", "deadlines", "--meeting", "2026-03-10", "--profile-file", prof)
	require.Equal(t, 0, code, stderr)
	var got map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	// Calendar agenda: 10 Mar - 6 = 4 Mar. Call-in 3 working days from
	// the meeting: 11, 12, 13 March.
	assert.Equal(t, "2026-03-04", got["agenda_publish_by"])
	assert.Equal(t, "2026-03-13", got["call_in_ends"])

	require.NoError(t, os.WriteFile(prof, []byte("{\"id\": \"x\", \"name\": \"X\",\n \"agenda\": {\"dayz\": 5}}"), 0o644))
	_, stderr, code = runCLI(t, "", "journey", "deadlines", "--meeting", "2026-03-10", "--profile-file", prof)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "council.json:2:")
	assert.Contains(t, stderr, "agenda.dayz: unknown field")

	require.NoError(t, os.WriteFile(prof, []byte(`{"id": "x", "name": "X", "nation": "scotland"}`), 0o644))
	_, stderr, code = runCLI(t, "", "journey", "deadlines", "--meeting", "2026-03-10", "--profile-file", prof)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unknown nation")
}

// TestJourneyDateRange: years outside 1900-2200 are refused with a clear
// error (9999-12-31 printed year 0000 before).
func TestJourneyDateRange(t *testing.T) {
	out, stderr, code := runCLI(t, "", "journey", "deadlines", "--meeting", "9999-12-31", "--decision-published", "9999-12-31")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "outside 1900-2200")
	_, stderr, code = runCLI(t, `{"title": "x", "journey": "budget", "financial_year": 99999, "history": []}`, "journey", "show", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "financial_year")
}
