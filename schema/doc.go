// Package schema publishes the JSON Schemas (Draft 2020-12) of every
// document civickit reads or writes, and validates documents against
// them.
//
// The schemas are generated from the Go types and their doc comments by
// schema/internal/gen ("go generate ./schema") and embedded here, one per
// document type, each with a stable $id under
// https://civickit.github.io/schema/v1/. Within v1 changes are additive
// only: a new optional field or document, never a removed field, a
// narrowed type or a new required field; a test compares the generated
// schemas with the committed ones and fails on a breaking change.
//
//	for _, d := range schema.List() {
//		fmt.Println(d.Name, "-", d.Title)
//	}
//	err := schema.Validate("decision", data, "decision.json")
//	var ve *schema.Error // each problem with its JSON pointer, line and column
//
// The package imports nothing else from civickit except the shared error
// type, so every reader can validate its input without an import cycle.
package schema

//go:generate go run ./internal/gen -root .. -out schema/v1
