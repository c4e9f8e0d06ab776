package schema

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExamples proves both outcomes for every schema: each valid example
// in testdata/valid passes and each invalid one in testdata/invalid fails
// with at least one problem that has a position.
func TestExamples(t *testing.T) {
	for _, d := range List() {
		t.Run(d.Name, func(t *testing.T) {
			good, err := os.ReadFile(filepath.Join("testdata", "valid", d.Name+".json"))
			require.NoError(t, err, "every schema needs a valid example")
			assert.NoError(t, Validate(d.Name, good, d.Name+".json"))
			bad, err := os.ReadFile(filepath.Join("testdata", "invalid", d.Name+".json"))
			require.NoError(t, err, "every schema needs an invalid example")
			err = Validate(d.Name, bad, d.Name+".json")
			var ve *Error
			require.ErrorAs(t, err, &ve)
			require.NotEmpty(t, ve.Problems)
			for _, p := range ve.Problems {
				assert.Positive(t, p.Line)
				assert.Positive(t, p.Column)
				assert.NotEmpty(t, p.Reason)
			}
		})
	}
}

// TestProblemPositions checks pointers, lines, columns and reasons.
func TestProblemPositions(t *testing.T) {
	doc := "{\n  \"id\": \"E05001396\",\n  \"name\": \"Almondbury\",\n  \"valid_from\": \"2004-13-10\",\n  \"gss\": \"E5\"\n}\n"
	err := Validate("area", []byte(doc), "area.json")
	var ve *Error
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 2)
	assert.Equal(t, "/valid_from", ve.Problems[0].Pointer)
	assert.Equal(t, 4, ve.Problems[0].Line)
	assert.Equal(t, 17, ve.Problems[0].Column)
	assert.Contains(t, ve.Problems[0].Reason, "date")
	assert.Equal(t, "/gss", ve.Problems[1].Pointer)
	assert.Equal(t, 5, ve.Problems[1].Line)
	assert.Equal(t, 10, ve.Problems[1].Column)
	assert.Contains(t, err.Error(), "area.json:4:17: /valid_from: ")

	// Arrays: the third actor's kind.
	doc = `{"directed": false, "actors": [{"id":"a","kind":"councillor"}, {"id":"b","kind":"group"}, {"id":"c","kind":"wizard"}], "ties": []}`
	err = Validate("network", []byte(doc), "n.json")
	require.ErrorAs(t, err, &ve)
	require.NotEmpty(t, ve.Problems)
	assert.Equal(t, "/actors/2/kind", ve.Problems[0].Pointer)
	assert.Equal(t, 1, ve.Problems[0].Line)
	assert.Equal(t, strings.Index(doc, `"wizard"`)+1, ve.Problems[0].Column)
}

func TestSyntaxAndUnknown(t *testing.T) {
	err := Validate("area", []byte("{\n  \"id\": \"x\",,\n}"), "a.json")
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Line)
	err = Validate("area", []byte("{\"id\": "), "a.json")
	require.ErrorAs(t, err, &pe)
	err = Validate("nope", []byte("{}"), "a.json")
	var ue *UnknownError
	require.True(t, errors.As(err, &ue))
	assert.Contains(t, err.Error(), "decision")
	// A UTF-8 byte-order mark is accepted.
	assert.NoError(t, Validate("post", []byte("\ufeff{\"id\":\"p\",\"label\":\"Councillor\"}"), "p.json"))
}

func TestJSONAndList(t *testing.T) {
	names := map[string]bool{}
	for _, d := range List() {
		names[d.Name] = true
		b, err := JSON(d.Name)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"$id": "`+BaseID+d.Name+`.json"`)
		assert.Contains(t, string(b), `"$schema": "https://json-schema.org/draft/2020-12/schema"`)
		assert.NotEmpty(t, d.Title)
	}
	for _, n := range []string{"network", "decision", "scorecard", "persona-report", "area"} {
		assert.True(t, names[n], n)
	}
}

// FuzzValidate feeds random bytes to every schema: errors, never panics,
// and every problem has a position inside the input.
func FuzzValidate(f *testing.F) {
	for _, n := range []string{"area", "network", "decision"} {
		b, err := os.ReadFile(filepath.Join("testdata", "valid", n+".json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"id": [1, {"a": null}], "name": "\u0000"}`))
	f.Add([]byte(`[[[[[[[[[[]]]]]]]]]]`))
	list := List()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, d := range list {
			err := Validate(d.Name, data, "f.json")
			var ve *Error
			if errors.As(err, &ve) {
				lines := strings.Count(string(data), "\n") + 1
				for _, p := range ve.Problems {
					if p.Line < 1 || p.Line > lines || p.Column < 1 {
						t.Fatalf("%s: problem outside the input: %+v", d.Name, p)
					}
				}
			}
		}
	})
}
