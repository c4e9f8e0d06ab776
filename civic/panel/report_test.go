package panel

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostilePool has ids and values that try to break out of HTML and
// Markdown, and a terminal control sequence.
const hostilePool = `id,gender,digital
"<script>alert(1)</script>",woman,"javascript:alert(1)"
"a""b'c",man,low
P3,woman,"<img src=x onerror=alert(1)>"
"P4 |x| **y**",man,low
P5,woman,low
P6,man,low
`

const hostileQuotas = `size: 4
features:
  gender:
    woman: {min: 2, max: 2}
    man: {min: 2, max: 2}
task:
  description: "<b>bold</b> & javascript:void(0)"
`

func hostileResult(t *testing.T) *Result {
	needCBC(t)
	p, q := loadBytes(t, []byte(hostilePool), []byte(hostileQuotas))
	res, err := Select(context.Background(), p, q, Options{Seed: 3, GreedyRuns: 500})
	require.NoError(t, err)
	return res
}

func TestWriteHTMLEscapes(t *testing.T) {
	res := hostileResult(t)
	var b bytes.Buffer
	require.NoError(t, res.WriteHTML(&b))
	out := b.String()
	for _, bad := range []string{"<script>", "<img", "<b>"} {
		assert.NotContains(t, out, bad)
	}
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.Contains(t, out, "&lt;b&gt;bold&lt;/b&gt; &amp; javascript:void(0)")
	assert.NotContains(t, out, `href="javascript`)
}

func TestWriteMarkdownEscapes(t *testing.T) {
	res := hostileResult(t)
	var b bytes.Buffer
	require.NoError(t, res.WriteMarkdown(&b))
	out := b.String()
	assert.NotContains(t, out, "<script>")
	assert.Contains(t, out, `\<script\>alert\(1\)\</script\>`)
	assert.Contains(t, out, `P4 \|x\| \*\*y\*\*`, "a pipe in an id must not open a table cell")
}

// TestSelectDeterministic checks that a seed gives byte-identical JSON,
// that the JSON reads back to the same result, and that another seed
// draws differently from the same distribution.
func TestSelectDeterministic(t *testing.T) {
	needCBC(t)
	p, q := load(t, "small.csv", "small.yaml")
	run := func(seed uint64) []byte {
		res, err := Select(context.Background(), p, q, Options{Seed: seed, GreedyRuns: 1000})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, res.WriteJSON(&b))
		return b.Bytes()
	}
	a, b := run(11), run(11)
	assert.Equal(t, string(a), string(b))
	res, err := ReadResult(bytes.NewReader(a), ResultOptions{File: "r.json"})
	require.NoError(t, err)
	var c bytes.Buffer
	require.NoError(t, res.WriteJSON(&c))
	assert.Equal(t, string(a), c.String(), "JSON read back and written again")
	assert.Len(t, res.Panel, 6)
	assert.Len(t, res.Reserves, 2)
	assert.NotEqual(t, string(a), string(run(12)))
	// the panel meets every quota
	for _, qr := range res.Quotas {
		assert.GreaterOrEqual(t, qr.Panel, qr.Min, "%s %s", qr.Feature, qr.Value)
		assert.LessOrEqual(t, qr.Panel, qr.Max, "%s %s", qr.Feature, qr.Value)
	}
	// one per household: P01 and P02 share H1, P11 and P12 share H2
	in := strings.Join(res.Panel, ",")
	assert.False(t, strings.Contains(in, "P01") && strings.Contains(in, "P02"))
	assert.False(t, strings.Contains(in, "P11") && strings.Contains(in, "P12"))
}

// TestTaskWeights checks that a task's requirement leaves volunteers out
// and a preference doubles their share where the quotas allow: with no
// binding quota, LEXIMIN's probabilities are proportional to the weights.
func TestTaskWeights(t *testing.T) {
	needCBC(t)
	pool := "id,gender,engagement,knowledge\n"
	for i := 0; i < 12; i++ {
		g := []string{"woman", "man"}[i%2]
		e := []string{"never", "often", "often"}[i%3]
		k := "none"
		if i == 11 {
			k = "good"
		}
		pool += "V" + string(rune('A'+i)) + "," + g + "," + e + "," + k + "\n"
	}
	quotas := `size: 4
features:
  gender: {woman: {min: 0, max: 4}, man: {min: 0, max: 4}}
task:
  require: {knowledge: [none]}
  prefer:
    - {feature: engagement, values: [never], weight: 2}
`
	p, q := loadBytes(t, []byte(pool), []byte(quotas))
	res, err := Select(context.Background(), p, q, Options{Seed: 1, GreedyRuns: 200})
	require.NoError(t, err)
	assert.True(t, res.Weighted)
	assert.Equal(t, 11, res.Pool.Eligible)
	// 11 eligible: 4 "never" (weight 2) and 7 others; 4 seats:
	// p = 2z for never, z for others, 4·2z + 7·z = 4 → z = 4/15.
	for _, v := range res.Volunteers {
		switch {
		case !v.Eligible:
			assert.Nil(t, v.Leximin)
			assert.False(t, v.Chosen)
		case v.Weight == 2:
			assert.InDelta(t, 8.0/15, *v.Leximin, 1e-5, v.ID)
		default:
			assert.InDelta(t, 4.0/15, *v.Leximin, 1e-5, v.ID)
		}
	}
}
