// Package civic is the civickit domain model: people, organisations, wards
// and their social-media accounts (aligned with Popolo names), ward networks
// of actors and ties, and the journey a council decision takes from proposal
// to monitoring.
//
// civic imports no other civickit package. Everything in it is pure
// computation over values: readers take an [io.Reader] and return values and
// errors, so the package also compiles for GOOS=js GOARCH=wasm.
package civic
