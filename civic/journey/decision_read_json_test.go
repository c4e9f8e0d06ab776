//go:build !js

package journey

import (
	"reflect"
	"testing"
)

// TestDecisionKeys holds the hand-written reader's field names to the
// struct tags the encoding/json reader uses.
func TestDecisionKeys(t *testing.T) {
	if !reflect.DeepEqual(decisionKeys, decisionFields) {
		t.Errorf("decisionKeys %v\ndiffer from the struct tags %v", decisionKeys, decisionFields)
	}
}
