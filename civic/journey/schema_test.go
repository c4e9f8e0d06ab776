package journey

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemaTags: every jsonschema tag of the exported types is a list of
// key=value parts whose values hold no comma (invopop/jsonschema cuts a
// tag at commas, so "description=a, b" loses " b" and breaks the next
// part); descriptions live in doc comments.
func TestSchemaTags(t *testing.T) {
	allowed := map[string]bool{"enum": true, "type": true, "format": true, "minimum": true, "maximum": true, "required": true}
	for _, typ := range []reflect.Type{
		reflect.TypeFor[Stage](), reflect.TypeFor[Council](), reflect.TypeFor[Decision](), reflect.TypeFor[StageEvent](),
		reflect.TypeFor[Deadlines](), reflect.TypeFor[Deadline](), reflect.TypeFor[Step](), reflect.TypeFor[Summary](),
		reflect.TypeFor[TransitionError](), reflect.TypeFor[FieldError](), reflect.TypeFor[ProfileError](),
		reflect.TypeFor[calendar.Holiday](), reflect.TypeFor[calendar.Change](), reflect.TypeFor[calendar.Calendar](),
	} {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			tag, ok := f.Tag.Lookup("jsonschema")
			if !ok {
				continue
			}
			for _, part := range strings.Split(tag, ",") {
				k, v, hasValue := strings.Cut(part, "=")
				assert.True(t, allowed[k], "%s.%s: jsonschema part %q", typ.Name(), f.Name, part)
				if k != "required" {
					assert.True(t, hasValue && v != "", "%s.%s: %q has no value", typ.Name(), f.Name, part)
				}
			}
		}
	}
}

// TestEnumsAsStrings: stage ids, journeys, nations, day countings and
// decision-maker kinds encode as JSON strings and refuse unknown values.
func TestEnumsAsStrings(t *testing.T) {
	v := struct {
		S StageID           `json:"s"`
		K Kind              `json:"k"`
		N Nation            `json:"n"`
		C ClearDayCounting  `json:"c"`
		D DecisionMakerKind `json:"d"`
		T StepStatus        `json:"t"`
	}{StageCallIn, JourneyPlanning, NationWales, ClearDaysWorking, DecisionMakerOfficer, StepCurrent}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"s":"call-in","k":"planning","n":"wales","c":"working","d":"officer","t":"current"}`, string(b))
	require.NoError(t, json.Unmarshal(b, &v))
	for _, bad := range []string{`{"k":"lunar"}`, `{"n":"scotland"}`, `{"c":"lunar"}`, `{"d":"king"}`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &v), bad)
	}
}
