package persona

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemaTags: jsonschema tags hold only key=value pairs with no comma
// inside a value (the schema generator cuts at commas), and enums encode
// as strings.
func TestSchemaTags(t *testing.T) {
	pair := regexp.MustCompile(`^[a-zA-Z]+=[^,]*$`)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || ty.PkgPath() != reflect.TypeFor[Report]().PkgPath() {
			return
		}
		seen[ty] = true
		for f := range ty.Fields() {
			if tag, ok := f.Tag.Lookup("jsonschema"); ok {
				for _, p := range strings.Split(tag, ",") {
					assert.Regexp(t, pair, p, "%s.%s", ty.Name(), f.Name)
				}
			}
			walk(f.Type)
		}
	}
	for _, v := range []any{Report{}, PilotReport{}, Options{}, PilotOptions{}, Survey{}, Mapping{}, LearningOption{}, KMeans{}, KPrototypes{}, PAM{}, Clustering{}, SurveyOptions{}, ReadOptions{}} {
		walk(reflect.TypeOf(v))
	}
	assert.Greater(t, len(seen), 10)

	b, err := json.Marshal(struct {
		S Stage
		M Method
	}{Champion, MethodPAM})
	require.NoError(t, err)
	assert.JSONEq(t, `{"S":"champion","M":"pam"}`, string(b))
	var s Stage
	assert.Error(t, json.Unmarshal([]byte(`"expert"`), &s))
	var m Method
	assert.Error(t, json.Unmarshal([]byte(`"kmedians"`), &m))
}
