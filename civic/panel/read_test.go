package panel

import (
	"errors"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadPool(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // error text, or "" for none
	}{
		{"ok with BOM and household", "\ufeffID,Household,Age\nV1,H1,16-29\nV2,H1,30-44\nV3,,65+\n", ""},
		{"no id column", "ref,age\nV1,16-29\n", "pool.csv:1: id: missing column (the header is ref,age)"},
		{"name column", "id,name,age\nV1,Ann,16-29\n", "pool.csv:1:2: name: personal data: export pseudonymous ids and the stratifying features only"},
		{"postcode column", "id,age,Postcode\nV1,16-29,AB1 2CD\n", "pool.csv:1:3: postcode: personal data: export pseudonymous ids and the stratifying features only"},
		{"email as id", "id,age\nann@example.org,16-29\n", `pool.csv:2:1: id: the id "ann@example.org" looks like an e-mail address: use a pseudonymous reference`},
		{"empty id", "id,age\n,16-29\n", "pool.csv:2:1: id: empty id"},
		{"duplicate id", "id,age\nV1,16-29\nV2,30-44\nV1,65+\n", `pool.csv:4:1: id: id "V1" appears twice (first on line 2)`},
		{"feature twice", "id,age,AGE\nV1,1,2\n", "pool.csv:1:3: age: column appears twice"},
		{"no volunteers", "id,age\n", "pool.csv:1: no volunteers after the header row"},
		{"empty", "", "pool.csv:1: empty file: want a header row with id"},
		{"terminal escape", "id,age\nV1,\"16\x1b]0;x\x07\"\n", `pool.csv:2:4: age: control character in "16\x1b]0;x\a"`},
		{"bidi override", "id,age\nV\u202e1,16-29\n", `pool.csv:2:1: id: control character in "V\u202e1"`},
		{"bad quote", "id,age\nV1,\"16\n", "pool.csv:2:8: bad CSV: extraneous or missing \" in quoted-field"},
		{"latin-1", "id,age\nV1,caf\xe9\n", "pool.csv: cannot read the pool: input is Latin-1 or Windows-1252, not UTF-8 (first seen at byte 13); save it as UTF-8 and try again"},
		{"utf-16", "\xff\xfei\x00d\x00", "pool.csv: cannot read the pool: input is UTF-16 (little-endian), not UTF-8 (first seen at byte 0); save it as UTF-8 and try again"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ReadPool(strings.NewReader(tc.in), PoolOptions{File: "pool.csv"})
			if tc.want == "" {
				require.NoError(t, err)
				assert.Equal(t, []string{"age"}, p.Features)
				assert.Equal(t, "H1", p.Volunteers[1].Household)
				assert.Equal(t, 3, p.Volunteers[1].Line)
				return
			}
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestReadPoolCap(t *testing.T) {
	_, err := ReadPool(strings.NewReader("id,age\n"+strings.Repeat("V1,16-29\n", 1)+strings.Repeat("x", 100)), PoolOptions{File: "p.csv", MaxBytes: 64})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), "larger than the limit of 64 bytes")
}

func TestReadQuotas(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
	}{
		{"yaml", "size: 6\nfeatures:\n  Age:\n    16-29: {min: 1, max: 2}\n    30+: {min: 4, max: 5}\ntask:\n  description: planning pages\n  require: {knowledge: none}\n  prefer:\n    - {feature: engagement, values: [never], weight: 2}\n", ""},
		{"json", `{"size": 6, "features": {"age": {"16-29": {"min": 1, "max": 2}, "30+": {"min": 4, "max": 5}}}}`, ""},
		{"empty", "", "q.yaml:1: empty quotas: want features with their ranges"},
		{"no features", "size: 4\n", "q.yaml:1:1: features: missing: want each feature's values with their min and max"},
		{"unknown key", "size: 4\nfeature: {}\n", "q.yaml:2:1: feature: unknown key (want size, reserves, features or task)"},
		{"min above max", "features:\n  age:\n    16-29: {min: 3, max: 2}\n", "q.yaml:3:12: features.age.16-29: min 3 is more than max 2"},
		{"missing max", "features:\n  age:\n    16-29: {min: 3}\n", "q.yaml:3:12: features.age.16-29: want both min and max"},
		{"negative", "features:\n  age:\n    16-29: {min: -1, max: 2}\n", "q.yaml:3:18: features.age.16-29.min: out of range: want 0 to 100000"},
		{"fraction", "features:\n  age:\n    16-29: {min: 1.5, max: 2}\n", "q.yaml:3:18: features.age.16-29.min: want a whole number"},
		{"text", "features:\n  age:\n    16-29: {min: one, max: 2}\n", `q.yaml:3:18: features.age.16-29.min: want a number, got the value "one"`},
		{"duplicate value", "features:\n  age:\n    a: {min: 1, max: 2}\n    a: {min: 1, max: 2}\n", "q.yaml:4:5: features.age.a: duplicate key"},
		{"feature twice by case", "features:\n  age: {a: {min: 1, max: 2}}\n  AGE: {a: {min: 1, max: 2}}\n", "q.yaml:3:3: features.AGE: feature appears twice (names ignore case)"},
		{"bad weight", "features: {a: {b: {min: 0, max: 1}}}\ntask:\n  prefer:\n    - {feature: e, values: [never], weight: 0}\n", "q.yaml:4:45: task.prefer[0].weight: want a weight above 0"},
		{"syntax", "features: [\n", "q.yaml:1:1: syntax error: did not find expected node content"},
		{"json syntax", `{"features": {"age": }`, "q.yaml:1:1: syntax error: did not find expected ',' or '}'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := ReadQuotas(strings.NewReader(tc.in), QuotaOptions{File: "q.yaml"})
			if tc.want == "" {
				require.NoError(t, err)
				assert.Equal(t, 6, q.Size)
				assert.Equal(t, Range{Min: 1, Max: 2}, q.Features["age"]["16-29"])
				return
			}
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe, "%v", err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestBindErrors(t *testing.T) {
	pool := "id,age,gender\nV1,16-29,woman\nV2,30-44,man\nV3,30+,man\n"
	tests := []struct {
		name, quotas, want string
	}{
		{"value without quota", "size: 2\nfeatures:\n  age: {16-29: {min: 0, max: 2}, 30-44: {min: 0, max: 2}}\n",
			`pool.csv:4: age: value "30+" has no quota (the quotas give 16-29, 30-44)`},
		{"no such column", "size: 2\nfeatures:\n  ward: {W1: {min: 0, max: 2}}\n",
			"q.yaml:3:3: features.ward: the pool has no such column (it has age, gender)"},
		{"no size", "features:\n  gender: {man: {min: 0, max: 2}, woman: {min: 0, max: 2}}\n",
			"q.yaml: size: no panel size: give size in the quotas or --size"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ReadPool(strings.NewReader(pool), PoolOptions{File: "pool.csv"})
			require.NoError(t, err)
			q, err := ReadQuotas(strings.NewReader(tc.quotas), QuotaOptions{File: "q.yaml"})
			require.NoError(t, err)
			_, err = bind(p, q, q.Size)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			var pe *civic.ParseError
			assert.True(t, errors.As(err, &pe))
		})
	}
}
