package standards_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/civickit/civickit/internal/sample"
	"github.com/civickit/civickit/standards"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden scorecards in testdata/golden")

// TestGoldenScorecards checks the scorecards of the sample council's
// content (a decision notice, a consultation page, minutes and a social
// post, written for this project) against testdata/golden. Run
// go test -run Golden -update to rewrite them after a deliberate change.
func TestGoldenScorecards(t *testing.T) {
	names, err := fs.Glob(sample.FS, "content/*")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	var c standards.Checker
	for _, name := range names {
		t.Run(path.Base(name), func(t *testing.T) {
			src, err := sample.FS.ReadFile(name)
			require.NoError(t, err)
			card, err := c.Check(path.Base(name), src)
			require.NoError(t, err)
			got, err := json.MarshalIndent(card, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", path.Base(name)+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, got, 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -run Golden -update to create it")
			if !bytes.Equal(want, got) {
				t.Errorf("%s: scorecard differs from %s (run go test -run Golden -update after a deliberate change)\n%s", name, golden, firstDiff(want, got))
			}
			// Every finding's offset and length point at its match in the source.
			// In plain text the span is the match itself.
			for _, f := range card.Findings {
				require.LessOrEqual(t, f.Offset+f.Length, len(src), "finding %+v", f)
				if strings.HasSuffix(name, ".txt") && f.Match != "" {
					require.Equal(t, f.Match, string(src[f.Offset:f.Offset+f.Length]), "finding %+v", f)
				}
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(a, b []byte) string {
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(al) && i < len(bl); i++ {
		if !bytes.Equal(al[i], bl[i]) {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + string(al[i]) + "\n  got:  " + string(bl[i])
		}
	}
	return "lengths differ"
}
