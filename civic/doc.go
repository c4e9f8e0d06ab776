// Package civic is the civickit domain model shared by every other
// package: people, organisations, posts, memberships, areas (wards) and
// their social-media accounts, named after the Popolo data specification
// so that ModernGov exports, Democracy Club and mySociety data map across
// field by field, and the one [ParseError] every reader returns.
//
// The engines built on it live in subpackages, one concern each:
//
//   - [github.com/civickit/civickit/civic/calendar]: calendar dates, the
//     England and Wales bank holidays, and working-day arithmetic;
//   - [github.com/civickit/civickit/civic/journey]: the stages a council
//     decision passes through, with the statutory deadlines;
//   - [github.com/civickit/civickit/civic/network]: ward networks of
//     councillors, community groups and accounts, and their metrics.
//
// Dates in the model are [calendar.Date] values; areas carry their GSS code
// ([ValidGSS], [Nation]) and the dates their boundaries are in force
// ([Area.ValidOn]). civic imports only civic/calendar and internal
// helpers, and everything in it is pure computation over values, so it
// compiles for GOOS=js GOARCH=wasm.
package civic
