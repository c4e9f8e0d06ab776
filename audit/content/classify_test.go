package content

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic/journey"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClassifyRealPages classifies excerpts of real council pages
// (testdata/pages, each with its URL, the date it was read and the type a
// reader gives it).
func TestClassifyRealPages(t *testing.T) {
	names, err := filepath.Glob("testdata/pages/*.txt")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(names), 8)
	for _, n := range names {
		t.Run(filepath.Base(n), func(t *testing.T) {
			f, err := os.Open(n)
			require.NoError(t, err)
			defer f.Close()
			sc := bufio.NewScanner(f)
			head := map[string]string{}
			for sc.Scan() && sc.Text() != "" {
				k, v, _ := strings.Cut(sc.Text(), ": ")
				head[k] = v
			}
			var lines []string
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			require.NotEmpty(t, head["URL"])
			require.NotEmpty(t, head["Read"])
			c := Classify(nil, ChannelWeb, lines[0], head["URL"], strings.Join(lines, "\n"))
			assert.Equal(t, Type(head["Want"]), c.Type, "rule %s matched %q", c.Rule, c.Match)
		})
	}
}

func TestClassifyChannels(t *testing.T) {
	assert.Equal(t, TypePost, Classify(nil, ChannelSocial, "Have your say", "", "").Type, "a post is a post first")
	assert.Equal(t, TypeReport, Classify(nil, ChannelDocument, "Item 5", "https://x/a.pdf", "").Type)
	assert.Equal(t, TypeNews, Classify(nil, ChannelFeed, "Bins", "https://x/b", "").Type)
	c := Classify(nil, ChannelWeb, "Bin collections", "https://x/bins", "We collect bins.")
	assert.Equal(t, Class{Type: TypeOther}, c)
	c = Classify(nil, ChannelWeb, "Forward Plan December", "https://x/fp", "")
	assert.Equal(t, "notice-published", string(c.Stage))
}

func TestAlsoStages(t *testing.T) {
	got := alsoStages("The call-in period ends on 5 May. The new hours came into effect in June.")
	assert.Equal(t, []journey.StageID{journey.StageCallIn, journey.StageInEffect}, got)
	assert.Empty(t, alsoStages("Nothing here."))
}
