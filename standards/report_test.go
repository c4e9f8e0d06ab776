package standards_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/sample"
	"github.com/civickit/civickit/standards"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reportCards returns the scorecards of the sample content plus one whose
// strings carry everything an escaper must handle.
func reportCards(t testing.TB) standards.Report {
	names, err := fs.Glob(sample.FS, "content/*")
	require.NoError(t, err)
	var c standards.Checker
	var r standards.Report
	for _, name := range names {
		src, err := sample.FS.ReadFile(name)
		require.NoError(t, err)
		card, err := c.Check(path.Base(name), src)
		require.NoError(t, err)
		r = append(r, card)
	}
	hostile := "a <b> & \"c\" \\ \t\n\r\b\f\x01 \u2028\u2029 caf\u00e9 \xff end"
	card, err := c.Check(hostile+".md", []byte("# "+hostile+"\n\nWe will utilise the <script>alert(1)</script> thing & more.\n"))
	require.NoError(t, err)
	card.Readability.Notes = append(card.Readability.Notes, hostile)
	card.Findings = append(card.Findings, standards.Finding{Rule: "x-y", Severity: standards.SeveritySuggestion, Message: hostile, Match: hostile})
	card.Standards[0].Score, card.Score = 1e-7, 1e21
	return append(r, card)
}

// TestReportJSONMatchesEncodingJSON holds the hand-written JSON writer
// byte-equal to encoding/json, for one scorecard and for several.
func TestReportJSONMatchesEncodingJSON(t *testing.T) {
	r := reportCards(t)
	// a scorecard with findings enough to be written in two halves at once
	many := *r[len(r)-1]
	for len(many.Findings) < 5000 {
		many.Findings = append(many.Findings, r[len(r)-1].Findings...)
	}
	// escapes make a part longer than the writer estimates: in the first
	// third, it outgrows the room left before the other part; in the
	// rest, the room to the end of the writer's buffer
	escaped := strings.Repeat("\x01<\"", 300)
	escFirst, escRest := many, many
	escFirst.Findings = append([]standards.Finding(nil), many.Findings...)
	escRest.Findings = append([]standards.Finding(nil), many.Findings...)
	for i := range escFirst.Findings {
		if i < len(escFirst.Findings)/3 {
			escFirst.Findings[i].Message = escaped
		} else {
			escRest.Findings[i].Message = escaped
		}
	}
	for _, tc := range []struct {
		name  string
		write func(io.Writer) error
		v     any
	}{
		{"escapes in the first third", escFirst.WriteJSON, &escFirst},
		{"escapes in the rest", escRest.WriteJSON, &escRest},
		{"one", r[0].WriteJSON, r[0]},
		{"array of one", r[:1].WriteJSON, []*standards.Scorecard(r[:1])},
		{"several", r.WriteJSON, []*standards.Scorecard(r)},
		{"none", standards.Report{}.WriteJSON, []*standards.Scorecard{}},
		{"hostile", r[len(r)-1].WriteJSON, r[len(r)-1]},
		{"many findings", many.WriteJSON, &many},
		{"many findings in an array", standards.Report{&many, r[0]}.WriteJSON, []*standards.Scorecard{&many, r[0]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(tc.v))
			var got bytes.Buffer
			got.WriteString("kept: ")
			require.NoError(t, tc.write(&got))
			assert.Equal(t, "kept: "+want.String(), got.String(), "built in the buffer's own room")
			var empty bytes.Buffer
			require.NoError(t, tc.write(&empty))
			assert.Equal(t, want.String(), empty.String(), "built in a new slice an empty buffer takes")
			empty.WriteString("more")
			assert.Equal(t, want.String()+"more", empty.String(), "the buffer goes on after it")
			var roomy bytes.Buffer
			roomy.Grow(want.Len() * 2)
			require.NoError(t, tc.write(&roomy))
			assert.Equal(t, want.String(), roomy.String(), "built in an empty buffer's room")
			var plain bytes.Buffer
			require.NoError(t, tc.write(struct{ io.Writer }{&plain}))
			assert.Equal(t, want.String(), plain.String(), "written in chunks")
		})
	}
}

// TestReportJSONNaN checks that a NaN or infinite number, which
// encoding/json refuses, is written as null and the output stays valid.
func TestReportJSONNaN(t *testing.T) {
	card := &standards.Scorecard{File: "x", Findings: []standards.Finding{}, Score: math.NaN()}
	card.Readability.SMOG = math.Inf(1)
	var b bytes.Buffer
	require.NoError(t, card.WriteJSON(&b))
	var v map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &v), b.String())
	assert.Nil(t, v["score"])
}

// TestReportTextMatchesFormat holds the text writer equal to the fmt-based
// writer the CLI had, with safe.Line applied to the same fields.
func TestReportTextMatchesFormat(t *testing.T) {
	r := reportCards(t)
	var want, got bytes.Buffer
	require.NoError(t, oldText(&want, r))
	require.NoError(t, r.WriteText(&got))
	assert.Equal(t, want.String(), got.String())
	assert.NotContains(t, got.String(), "\x01", "control bytes from input are escaped")
	assert.NotContains(t, got.String(), "\xff")
}

// TestReportSARIFMatchesEncodingJSON holds the SARIF writer equal to the
// struct-based writer the CLI had, but for the percent-encoded uri.
func TestReportSARIFMatchesEncodingJSON(t *testing.T) {
	r := reportCards(t)
	for _, tc := range []struct {
		name string
		r    standards.Report
	}{{"none", nil}, {"one", r[:1]}, {"several", r}} {
		t.Run(tc.name, func(t *testing.T) {
			var want, got bytes.Buffer
			require.NoError(t, oldSARIF(&want, tc.r))
			require.NoError(t, tc.r.WriteSARIF(&got))
			assert.Equal(t, want.String(), got.String())
			var v map[string]any
			require.NoError(t, json.Unmarshal(got.Bytes(), &v))
		})
	}
}

func TestURIReference(t *testing.T) {
	for in, want := range map[string]string{
		"notice.md":           "notice.md",
		"site/sub/b.html":     "site/sub/b.html",
		"<stdin>":             "%3Cstdin%3E",
		"minutes 2025#1.md":   "minutes%202025%231.md",
		"a?b.md":              "a%3Fb.md",
		"caf\u00e9.md":        "caf%C3%A9.md",
		`dir\file.md`:         "dir/file.md",
		"100%.md":             "100%25.md",
		"javascript:alert(1)": "javascript%3Aalert%281%29",
		"../up/notice.md":     "../up/notice.md",
	} {
		assert.Equal(t, want, standards.URIReference(in), in)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestReportWriteErrors(t *testing.T) {
	r := reportCards(t)
	for name, write := range map[string]func(io.Writer) error{
		"text": r.WriteText, "json": r.WriteJSON, "sarif": r.WriteSARIF,
	} {
		assert.EqualError(t, write(failWriter{}), "disk full", name)
	}
}

// BenchmarkReportJSON measures writing the scorecard of about 1 MB of
// prose with its thousands of findings.
func BenchmarkReportJSON(b *testing.B) {
	r := bigReport(b)
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.WriteJSON(io.Discard)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			enc := json.NewEncoder(io.Discard)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			enc.Encode(r[0])
		}
	})
}

func bigReport(b *testing.B) standards.Report {
	names, err := fs.Glob(sample.FS, "content/*")
	require.NoError(b, err)
	var src []byte
	for len(src) < 1<<20 {
		for _, n := range names {
			if strings.HasSuffix(n, ".txt") {
				s, _ := sample.FS.ReadFile(n)
				src = append(src, s...)
				src = append(src, "\n\n"...)
			}
		}
	}
	var c standards.Checker
	card, err := c.Check("big.txt", src)
	require.NoError(b, err)
	b.Logf("%d findings", len(card.Findings))
	return standards.Report{card}
}

// oldText is the CLI's text writer before it moved into the library.
func oldText(w io.Writer, cards []*standards.Scorecard) error {
	var counts [4]int
	for _, c := range cards {
		for _, f := range c.Findings {
			fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", safe.Line(c.File), f.Line, f.Column, f.Severity, safe.Line(f.Message), f.Rule)
			if f.Suggestion != "" {
				fmt.Fprintf(w, "\t%s\n", safe.Line(f.Suggestion))
			}
			if int(f.Severity) < len(counts) {
				counts[f.Severity]++
			}
		}
	}
	for _, c := range cards {
		r := c.Readability
		fmt.Fprintf(w, "\n%s: score %.0f/100 (%s preset)\n", safe.Line(c.File), c.Score, c.Preset)
		fmt.Fprintf(w, "  %d words, %d sentences; reading age %.1f, Flesch reading ease %.1f, grade %.1f\n",
			c.Stats.Words, c.Stats.Sentences, r.ReadingAge, r.FleschReadingEase, r.FleschKincaidGrade)
		fmt.Fprintf(w, "  Gunning fog %.1f, SMOG %.1f, Coleman-Liau %.1f, ARI %.1f\n", r.GunningFog, r.SMOG, r.ColemanLiau, r.ARI)
		for _, n := range r.Notes {
			fmt.Fprintf(w, "  note: %s\n", safe.Line(n))
		}
		for _, s := range c.Standards {
			mark := "pass"
			if !s.Passed {
				mark = "FAIL"
			}
			fmt.Fprintf(w, "  %-4s %3.0f  %s", mark, s.Score, s.Name)
			if s.Detail != "" {
				fmt.Fprintf(w, ": %s", safe.Line(s.Detail))
			}
			fmt.Fprintln(w)
		}
	}
	p := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	_, err := fmt.Fprintf(w, "\n%d %s checked: %d %s, %d %s, %d %s\n", len(cards), p(len(cards), "file", "files"),
		counts[standards.SeverityError], p(counts[standards.SeverityError], "error", "errors"),
		counts[standards.SeverityWarning], p(counts[standards.SeverityWarning], "warning", "warnings"),
		counts[standards.SeveritySuggestion], p(counts[standards.SeveritySuggestion], "suggestion", "suggestions"))
	return err
}

// oldSARIF is the CLI's SARIF writer before it moved into the library,
// with the uri percent-encoded.
func oldSARIF(w io.Writer, cards []*standards.Scorecard) error {
	type msg struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID               string `json:"id"`
		ShortDescription msg    `json:"shortDescription"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		ByteOffset  int `json:"byteOffset"`
		ByteLength  int `json:"byteLength"`
	}
	type loc struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region region `json:"region"`
		} `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string `json:"ruleId"`
		Level     string `json:"level"`
		Message   msg    `json:"message"`
		Locations []loc  `json:"locations"`
	}
	type run struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Rules          []rule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind string   `json:"columnKind"`
		Results    []result `json:"results"`
	}
	var rn run
	rn.Tool.Driver.Name, rn.Tool.Driver.InformationURI = "civickit", "https://github.com/civickit/civickit"
	rn.ColumnKind, rn.Results = "unicodeCodePoints", []result{}
	rules := map[string]bool{}
	for _, c := range cards {
		for _, f := range c.Findings {
			rules[f.Rule] = true
			level := "note"
			switch f.Severity {
			case standards.SeverityError:
				level = "error"
			case standards.SeverityWarning:
				level = "warning"
			}
			m := f.Message
			if f.Suggestion != "" {
				m += " " + f.Suggestion
			}
			var l loc
			l.PhysicalLocation.ArtifactLocation.URI = standards.URIReference(c.File)
			l.PhysicalLocation.Region = region{f.Line, f.Column, f.Offset, f.Length}
			rn.Results = append(rn.Results, result{RuleID: f.Rule, Level: level, Message: msg{m}, Locations: []loc{l}})
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rn.Tool.Driver.Rules = []rule{}
	for _, id := range ids {
		rn.Tool.Driver.Rules = append(rn.Tool.Driver.Rules, rule{id, msg{standards.RuleTitle(id)}})
	}
	log := struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []run  `json:"runs"`
	}{"https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", []run{rn}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
