// Package schema generates and validates the JSON Schemas (Draft 2020-12)
// for every civickit input and output type.
//
// The package is being built; see the project's issues.
package schema
