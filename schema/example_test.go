package schema_test

import (
	"fmt"

	"github.com/civickit/civickit/schema"
)

// Validate checks a document against its published schema and names
// each problem by its JSON pointer.
func ExampleValidate() {
	err := schema.Validate("area", []byte(`{"id": "E05016518", "name": "Holme Valley South", "gss": "E05016518"}`), "ward.json")
	fmt.Println(err)
	err = schema.Validate("area", []byte(`{"id": "E05016518", "gss": "not a code"}`), "ward.json")
	fmt.Println(err)
	// Output:
	// <nil>
	// ward.json:1:1: missing property 'name' (schema area)
	// ward.json:1:28: /gss: 'not a code' does not match pattern '^[ENSWK][0-9]{8}$' (schema area)
}

// Every document type has a schema with a stable $id.
func ExampleList() {
	for _, in := range schema.List()[:2] {
		fmt.Println(in.Name, in.ID)
	}
	// Output:
	// account https://civickit.github.io/schema/v1/account.json
	// area https://civickit.github.io/schema/v1/area.json
}
