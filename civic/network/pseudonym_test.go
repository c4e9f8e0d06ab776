package network

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPseudonymize(t *testing.T) {
	nodes := "id,kind,ward,label\ncllr-a,councillor,W1,Cllr A\n@jane_doe,citizen,W1,Jane Doe\n@bob,citizen,W1,Bob\ncitizen-2,group,W1,A group named like a pseudonym\n"
	edges := "source,target,weight\ncllr-a,@jane_doe,2\n@jane_doe,@bob,1\n@bob,citizen-2,1\n"
	net, err := ReadCSV(strings.NewReader(edges), strings.NewReader(nodes), ReadOptions{})
	require.NoError(t, err)

	t.Run("numbered", func(t *testing.T) {
		p, mapping, err := net.Pseudonymize(nil)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"@jane_doe": "citizen-1", "@bob": "citizen-2-2"}, mapping)
		for _, a := range p.Actors() {
			assert.NotContains(t, a.ID, "@")
			assert.NotContains(t, a.Label, "Jane")
		}
		for _, tie := range p.Ties() {
			assert.NotContains(t, tie.Source+tie.Target, "@")
		}
		assert.Equal(t, len(net.Ties()), len(p.Ties()), "ties follow the pseudonyms")
		// The group keeps its own id.
		g, ok := p.Actor("citizen-2")
		require.True(t, ok)
		assert.Equal(t, KindGroup, g.Kind)
		// Same input, same output.
		_, again, _ := net.Pseudonymize(nil)
		assert.Equal(t, mapping, again)
	})
	t.Run("metrics unchanged", func(t *testing.T) {
		// Pseudonyms change ids only: weights (PageRank, Louvain) and
		// direction still count.
		for _, directed := range []bool{false, true} {
			n, err := ReadCSV(strings.NewReader(edges), strings.NewReader(nodes), ReadOptions{Directed: directed})
			require.NoError(t, err)
			p, _, err := n.Pseudonymize(nil)
			require.NoError(t, err)
			assert.True(t, p.Weighted)
			assert.Equal(t, directed, p.Directed())
			want, got := must(n.Analyze().Metrics(bg, MetricsOptions{})), must(p.Analyze().Metrics(bg, MetricsOptions{}))
			for i := range want.Nodes {
				got.Nodes[i].ID = want.Nodes[i].ID
			}
			assert.Equal(t, want, got)
		}
	})
	t.Run("keyed", func(t *testing.T) {
		_, m1, err := net.Pseudonymize([]byte("council secret"))
		require.NoError(t, err)
		_, m2, _ := net.Pseudonymize([]byte("council secret"))
		_, m3, _ := net.Pseudonymize([]byte("another secret"))
		assert.Equal(t, m1, m2, "stable for the same key")
		assert.NotEqual(t, m1["@jane_doe"], m3["@jane_doe"], "unlinkable across keys")
		assert.Regexp(t, `^citizen-[0-9a-f]{12}$`, m1["@jane_doe"])
	})
}

func TestMetricsProgress(t *testing.T) {
	net, err := ReadCSV(strings.NewReader("source,target\na,b\nb,c\n"), nil, ReadOptions{})
	require.NoError(t, err)
	var steps []int
	net.Analyze().Metrics(bg, MetricsOptions{Progress: func(step string, i, n int) {
		assert.Equal(t, 6, n)
		assert.NotEmpty(t, step)
		steps = append(steps, i)
	}})
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6}, steps)
}
