// Package sample embeds the sample council that civickit's demo, examples
// and golden tests use: Millbrook Borough Council, a fictional council
// written for this project. Its content, networks, decisions and survey
// answers are invented; any likeness to a real person is chance.
package sample

import "embed"

// FS holds the sample council's files:
//
//	content/    a decision notice (HTML), a consultation page (Markdown),
//	            committee minutes and a social post (plain text)
//	decisions/  the library decision's journey (civic JSON)
//	network/    three wards' online networks: nodes.csv and edges.csv
//	survey/     69 councillors' digital-skills survey answers (synthetic,
//	            pseudonymous ids) and learning-pilot results
//
//go:embed content decisions network survey
var FS embed.FS
