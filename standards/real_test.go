package standards_test

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/civickit/civickit/internal/input/decode"
	"github.com/civickit/civickit/standards"
	"github.com/stretchr/testify/require"
)

// realPrecisionFloor is the strict precision every rule must reach on
// testdata/real: correct findings over all findings, hand-judged in
// labels.tsv. An editor who sees three false alarms stops reading the
// fourth.
const realPrecisionFloor = 0.9

// Markers of the precision table in testdata/real/README.md, which the
// test checks, and rewrites with -update.
const (
	tableStart = "<!-- precision table: written by TestRealPagesPrecision (go test ./standards -run RealPages -update) -->\n"
	tableEnd   = "<!-- end of precision table -->\n"
)

// TestRealPagesPrecision checks every page in testdata/real, requires a
// hand-judged label for each finding (so that a rule change is judged
// before it lands), and computes each rule's precision from the labels.
func TestRealPagesPrecision(t *testing.T) {
	type key struct{ file, rule, pos string }
	labels := map[key]bool{}
	seen := map[key]bool{}
	f, err := os.Open(filepath.Join("testdata", "real", "labels.tsv"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		require.GreaterOrEqual(t, len(c), 5, "labels.tsv: %q", line)
		require.Contains(t, []string{"ok", "false"}, c[4], "labels.tsv: %q", line)
		k := key{c[0], c[1], c[2]}
		_, dup := labels[k]
		require.False(t, dup, "labels.tsv: %q is labelled twice", line)
		labels[k] = c[4] == "ok"
	}
	require.NoError(t, sc.Err())

	pages, err := filepath.Glob(filepath.Join("testdata", "real", "*.*"))
	require.NoError(t, err)
	var c standards.Checker
	ok, all := map[string]int{}, map[string]int{}
	npages := 0
	for _, p := range pages {
		if standards.FormatFromName(p) == standards.FormatAuto || strings.HasSuffix(p, "README.md") {
			continue
		}
		npages++
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		// as civickit check reads it: a Word export in Windows-1252 is
		// decoded, with a note
		src, note, err := decode.Text(src)
		require.NoError(t, err)
		if strings.Contains(p, "cp1252") {
			require.Equal(t, decode.Windows1252Note, note, "%s is saved in Windows-1252", p)
		}
		card, err := c.Check(filepath.Base(p), src)
		require.NoError(t, err)
		for _, fd := range card.Findings {
			k := key{card.File, fd.Rule, strconv.Itoa(fd.Line) + ":" + strconv.Itoa(fd.Column)}
			good, found := labels[k]
			seen[k] = true
			if !found {
				t.Errorf("%s:%s: %s [%s] %q has no label in testdata/real/labels.tsv: judge it and add it", k.file, k.pos, fd.Message, fd.Rule, fd.Match)
				continue
			}
			all[fd.Rule]++
			if good {
				ok[fd.Rule]++
			}
		}
	}
	for k := range labels {
		if !seen[k] {
			t.Errorf("%s:%s: [%s] is labelled in testdata/real/labels.tsv but no longer found: drop the label", k.file, k.pos, k.rule)
		}
	}
	rules := make([]string, 0, len(all))
	total, correct := 0, 0
	for r := range all {
		rules = append(rules, r)
		total += all[r]
		correct += ok[r]
	}
	sort.Strings(rules)
	var b strings.Builder
	b.WriteString(tableStart)
	b.WriteString("\n" + strconv.Itoa(total) + " labelled findings on " + strconv.Itoa(npages) + " pages.\n\n")
	b.WriteString("| rule | correct / findings | precision |\n|------|-------------------:|----------:|\n")
	for _, r := range rules {
		p := float64(ok[r]) / float64(all[r])
		b.WriteString("| " + r + " | " + strconv.Itoa(ok[r]) + " / " + strconv.Itoa(all[r]) + " | " + pct(ok[r], all[r]) + " |\n")
		if p < realPrecisionFloor {
			t.Errorf("%s: precision %s on real pages (%d of %d), below %.0f%%", r, pct(ok[r], all[r]), ok[r], all[r], 100*realPrecisionFloor)
		}
	}
	b.WriteString("| all rules | " + strconv.Itoa(correct) + " / " + strconv.Itoa(total) + " | " + pct(correct, total) + " |\n\n")
	b.WriteString(tableEnd)
	t.Log("\n" + b.String())

	readme := filepath.Join("testdata", "real", "README.md")
	doc, err := os.ReadFile(readme)
	require.NoError(t, err)
	i, j := strings.Index(string(doc), tableStart), strings.Index(string(doc), tableEnd)
	require.True(t, i >= 0 && j > i, "%s has no precision table between its markers", readme)
	if got := string(doc[i : j+len(tableEnd)]); got != b.String() {
		if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
			require.NoError(t, os.WriteFile(readme, []byte(string(doc[:i])+b.String()+string(doc[j+len(tableEnd):])), 0o644))
			return
		}
		t.Errorf("%s: the precision table is out of date (run go test ./standards -run RealPages -update):\n%s", readme, b.String())
	}
}

// pct formats a share as a percentage with one decimal place.
func pct(a, b int) string {
	return strconv.FormatFloat(100*float64(a)/float64(b), 'f', 1, 64) + "%"
}
