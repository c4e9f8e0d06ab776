package main

import (
	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/journey/compose"
	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/civic/panel"
	"github.com/civickit/civickit/persona"
	"github.com/civickit/civickit/standards"
)

// document is one JSON document type civickit reads or writes.
type document struct {
	Name  string // file name without .json; the $id's last part
	Title string // one line for "civickit schema"
	Value any    // a zero value of the Go type
	Array bool   // the document is a JSON array of Value
	In    bool   // civickit reads it
	Out   bool   // civickit writes it
}

// documents lists every document type, in the order "civickit schema"
// lists them. Adding one here and running go generate publishes it.
var documents = []document{
	{Name: "account", Title: "A social-media account of a person or organisation", Value: civic.Account{}, In: true, Out: true},
	{Name: "area", Title: "A ward or other area, with its GSS code and validity dates", Value: civic.Area{}, In: true, Out: true},
	{Name: "membership", Title: "A person's membership of an organisation for a period", Value: civic.Membership{}, In: true, Out: true},
	{Name: "organization", Title: "A council, party, committee or community group", Value: civic.Organization{}, In: true, Out: true},
	{Name: "person", Title: "A person such as a councillor", Value: civic.Person{}, In: true, Out: true},
	{Name: "post", Title: "A seat such as a ward councillor's", Value: civic.Post{}, In: true, Out: true},
	{Name: "parse-error", Title: "An error in an input file, with its position", Value: civic.ParseError{}, Out: true},

	{Name: "network", Title: "A ward network of actors and ties (network export --to json)", Value: network.NetworkFile{}, In: true, Out: true},
	{Name: "network-metrics", Title: "Metrics of every actor of a network (network metrics --format json)", Value: network.Metrics{}, Out: true},
	{Name: "ward", Title: "A ward's picture: councillors' reach, groups nobody reaches (network ward --format json)", Value: network.WardView{}, Out: true},

	{Name: "decision", Title: "A council decision and its stage history", Value: journey.Decision{}, In: true, Out: true},
	{Name: "decisions", Title: "An array of decisions", Value: journey.Decision{}, Array: true, In: true},
	{Name: "journey-summary", Title: "Where a decision is, what is next and how to have your say (journey show --format json)", Value: journey.Summary{}, Out: true},
	{Name: "deadlines", Title: "Statutory deadlines of a meeting", Value: journey.Deadlines{}, Out: true},
	{Name: "council", Title: "A council profile: clear days, call-in and key-decision test", Value: journey.Council{}, In: true, Out: true},

	{Name: "compose-result", Title: "Posts that explain a decision at its stage, per channel (compose --format json)", Value: compose.Result{}, Out: true},
	{Name: "panel-quotas", Title: "A citizens' panel's size, quotas and task (panel select --quotas)", Value: panel.Quotas{}, In: true},
	{Name: "panel-result", Title: "A drawn citizens' panel: reserves, probabilities, quotas and the distribution (panel select --format json)", Value: panel.Result{}, In: true, Out: true},

	{Name: "scorecard", Title: "A content standards scorecard with findings (check --format json)", Value: standards.Scorecard{}, Out: true},
	{Name: "scorecards", Title: "Scorecards of several files (check --format json with several files)", Value: standards.Scorecard{}, Array: true, Out: true},
	{Name: "finding", Title: "One finding of the content standards checks", Value: standards.Finding{}, Out: true},
	{Name: "standards-config", Title: "A council's own rules and thresholds (check --config)", Value: standards.Config{}, In: true},

	{Name: "content-report", Title: "A democratic content audit: compliance, fix first, journey coverage (content report --format json)", Value: content.Report{}, Out: true},

	{Name: "persona-report", Title: "Personas of a councillors' digital-skills survey (personas --format json)", Value: persona.Report{}, Out: true},
	{Name: "pilot-report", Title: "Evaluation of learning pilots (pilots --format json)", Value: persona.PilotReport{}, Out: true},
	{Name: "audit-report", Title: "The social-media audit of a council at one snapshot (audit report --format json)", Value: audit.Report{}, Out: true},
	{Name: "survey-mapping", Title: "How a survey export's columns map to the survey's questions", Value: persona.Mapping{}, In: true},
}
