// Package audit builds the live social-media audit of a ward: which digital
// tools each councillor uses, the ward's community networks, how strongly
// each councillor is connected to them, the reach and clarity of the
// council's democratic content, and how all of that changes between
// snapshots.
//
// The package is being built; see the project's issues.
package audit
