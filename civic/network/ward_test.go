package network

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWardSample(t *testing.T) {
	dir := filepath.Join("testdata", "sample")
	e, err := os.Open(filepath.Join(dir, "edges.csv"))
	require.NoError(t, err)
	defer e.Close()
	n, err := os.Open(filepath.Join(dir, "nodes.csv"))
	require.NoError(t, err)
	defer n.Close()
	net, err := ReadCSV(e, n, ReadOptions{})
	require.NoError(t, err)

	w, err := net.Ward(bg, "E05990002", WardOptions{})
	require.NoError(t, err)
	// Hand-checked against sample/edges.csv: the repair cafe and the Tamil
	// community group tie only to each other and to the health partnership,
	// which no Hillcrest councillor reaches within two steps.
	assert.Equal(t, []string{"grp-hillcrest-repair-cafe", "grp-tamil-community-hillcrest"}, w.Unreached)
	assert.Len(t, w.Groups, 7)
	require.Len(t, w.Councillors, 2)
	for _, c := range w.Councillors {
		assert.InDelta(t, float64(len(c.Reached1)+len(c.Reached2))/7, c.Share, 1e-12)
		for _, b := range c.Brokers {
			a, _ := net.Actor(b.ID)
			assert.NotEqual(t, KindCitizen, a.Kind, "citizens are never brokers")
		}
	}
	assert.Contains(t, w.Recommendations, "Ward: connect with Eastbrook Health Partnership (partner): it links 2 groups no councillor reaches yet (Hillcrest Repair Cafe, Tamil Community Hillcrest).")
	assert.Greater(t, w.Score, 0.0)
	assert.Less(t, w.Score, 100.0)

	_, err = net.Ward(bg, "E00000000", WardOptions{})
	assert.Error(t, err)

	ego, err := net.Ego("cllr-dev-patel", 1)
	require.NoError(t, err)
	an := net.Analyze()
	assert.Equal(t, 1+len(an.g.und.nbrs(net.store.idx["cllr-dev-patel"])), ego.Len())
}
