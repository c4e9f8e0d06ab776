package standards_test

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/civickit/civickit/standards"
	"github.com/stretchr/testify/require"
)

// realPrecisionFloor is each rule's precision on testdata/real today
// (correct findings over all findings, hand-judged in labels.tsv); the
// test fails below it. The goal is 90% for every rule.
var realPrecisionFloor = map[string]float64{
	standards.RuleCitizenNeeds:       1,
	standards.RuleJargon:             0.75,
	standards.RuleJourneySignposting: 1,
	standards.RulePassiveVoice:       1,
	standards.RulePlainEnglish:       1,
	standards.RuleSentenceLength:     1,
	standards.RuleHardSentence:       0.9,
	standards.RuleGOVUKStyle:         0.9,
	standards.RuleAccessibility:      0.9,
	standards.RuleSubheadings:        0.9,
	standards.RuleSentenceStarts:     0.9,
	standards.RuleInclusiveLanguage:  0.9,
}

// TestRealPagesPrecision checks every page in testdata/real, requires a
// hand-judged label for each finding (so that a rule change is judged
// before it lands), and computes each rule's precision from the labels.
func TestRealPagesPrecision(t *testing.T) {
	type key struct{ file, rule, pos string }
	labels := map[key]bool{}
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
		labels[key{c[0], c[1], c[2]}] = c[4] == "ok"
	}
	require.NoError(t, sc.Err())

	pages, err := filepath.Glob(filepath.Join("testdata", "real", "*.*"))
	require.NoError(t, err)
	var c standards.Checker
	ok, all := map[string]int{}, map[string]int{}
	for _, p := range pages {
		if standards.FormatFromName(p) == standards.FormatAuto || strings.HasSuffix(p, "README.md") {
			continue
		}
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		card, err := c.Check(filepath.Base(p), src)
		require.NoError(t, err)
		for _, fd := range card.Findings {
			k := key{card.File, fd.Rule, strconv.Itoa(fd.Line) + ":" + strconv.Itoa(fd.Column)}
			good, found := labels[k]
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
	rules := make([]string, 0, len(all))
	for r := range all {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var b strings.Builder
	b.WriteString("rule                 findings  correct  precision\n")
	for _, r := range rules {
		p := float64(ok[r]) / float64(all[r])
		b.WriteString(r + strings.Repeat(" ", 21-len(r)) + strconv.Itoa(all[r]) + "\t  " + strconv.Itoa(ok[r]) + "\t   " + strconv.FormatFloat(100*p, 'f', 0, 64) + "%\n")
		if floor, has := realPrecisionFloor[r]; !has || p < floor {
			t.Errorf("%s: precision %.0f%% on real pages, below its floor %.0f%%", r, 100*p, 100*floor)
		}
	}
	t.Log("\n" + b.String())
}
