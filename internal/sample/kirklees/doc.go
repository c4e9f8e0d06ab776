// Package kirklees embeds a sample council at the scale of Kirklees: the
// borough's 23 real wards with their ONS codes, and everything else
// invented — 69 fictional councillors, about 1,500 community groups and
// their ties, two audit snapshots a month apart, a 69-response
// digital-skills survey, learning pilots, about 200 content items and
// about 40 decisions. The files are written by the generator in gen/ from
// a fixed seed; do not edit them by hand (see README.md):
//
//	go generate ./internal/sample/kirklees
//
// No person in the data is real: councillors' names are built from
// generic first names and surnames checked against the real members of
// Kirklees Council, handles and addresses use reserved example domains,
// and citizens appear only as pseudonymous ids.
package kirklees

import "embed"

//go:generate go run ./gen

// FS holds the sample council's files, as listed in README.md.
//
//go:embed README.md council network audit survey content decisions
var FS embed.FS
