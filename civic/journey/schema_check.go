//go:build !js

package journey

import "github.com/civickit/civickit/schema"

// checkSchema validates a JSON input against its published schema after
// the reader's own checks, so everything the reader accepts also meets
// the contract integrators validate against. The browser build leaves it
// out (schema_check_js.go) to keep the widgets small.
func checkSchema(name string, data []byte, file string) error {
	return schema.Check(name, data, file)
}
