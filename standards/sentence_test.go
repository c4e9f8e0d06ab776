package standards

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textDoc makes a one-paragraph document of s.
func textDoc(s string) *Document {
	return &Document{Source: []byte(s), Format: FormatText, Blocks: []Block{{Text: s, Map: []Anchor{{0, 0}}}}}
}

// TestSentenceGold checks sentence splitting against the hand-labelled
// gold set in testdata/sentences.txt.
func TestSentenceGold(t *testing.T) {
	f, err := os.Open("testdata/sentences.txt")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	cases, wrong := 0, 0
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cases++
		known := strings.HasPrefix(l, "! ")
		l = strings.TrimPrefix(l, "! ")
		want := strings.Split(l, " | ")
		input := strings.Join(want, " ")
		a := Analyze(textDoc(input))
		var got []string
		for i := range a.Sentences {
			got = append(got, a.SentenceText(i))
		}
		if known {
			if assert.ObjectsAreEqual(want, got) {
				t.Errorf("testdata/sentences.txt:%d: a known miss now splits right: drop its \"! \"", line)
			}
			wrong++
			continue
		}
		assert.Equal(t, want, got, "testdata/sentences.txt:%d", line)
	}
	require.NoError(t, sc.Err())
	require.GreaterOrEqual(t, cases, 100, "the gold set needs at least 100 cases")
	t.Logf("%d/%d cases split exactly", cases-wrong, cases)
}
