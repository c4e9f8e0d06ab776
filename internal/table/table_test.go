package table

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeader(t *testing.T) {
	tests := []struct {
		name, in string
		strict   bool
		want     string // error text, or "" for none
	}{
		{"ok with BOM and case", "\ufeffSource, TARGET ,weight\na,b,1\n", true, ""},
		{"missing required", "source,weight\n", false, "x.csv:1: target: missing column (the header is source,weight)"},
		{"twice", "source,target,Source\n", false, "x.csv:1:3: source: column appears twice"},
		{"unknown strict", "source,target,wieght\n", true, "x.csv:1:3: wieght: unknown column (known: source, target, weight)"},
		{"unknown lenient", "source,target,wieght\n", false, ""},
		{"empty", "", false, "x.csv:1: empty file: want a header row with source, target"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tc.in), "x.csv")
			err := r.ReadHeader([]string{"source", "target"}, []string{"weight"}, tc.strict)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestRecords(t *testing.T) {
	r := NewReader(strings.NewReader("source,target,weight\n a ,b\nc,d,\"2\n"), "x.csv")
	require.NoError(t, r.ReadHeader([]string{"source", "target"}, []string{"weight"}, true))
	rec, err := r.Read()
	require.NoError(t, err)
	v, line, col := r.Field(rec, "source")
	assert.Equal(t, "a", v)
	assert.Equal(t, 2, line)
	assert.Equal(t, 1, col)
	v, _, _ = r.Field(rec, "weight")
	assert.Equal(t, "", v, "short row reads as empty")
	assert.True(t, r.Has("weight"))
	assert.Equal(t, "x.csv:2:1: source: empty", r.Error(rec, "source", "empty").Error())
	_, err = r.Read()
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line)
	assert.False(t, errors.Is(err, io.EOF))
}

// TestBlankHeaderCells: trailing empty columns, as spreadsheet exports
// leave them, are not "column appears twice" when the header is not strict.
func TestBlankHeaderCells(t *testing.T) {
	r := NewReader(strings.NewReader("a,b,,\n1,2,,\n"), "f.csv")
	if err := r.ReadHeader([]string{"a"}, []string{"b"}, false); err != nil {
		t.Fatal(err)
	}
	rec, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if v, _, _ := r.Field(rec, "b"); v != "2" {
		t.Fatalf("b = %q", v)
	}
}
