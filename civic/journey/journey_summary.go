package journey

import (
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic/calendar"
)

// StepStatus is where a step of a summary stands.
type StepStatus string

// The step statuses.
const (
	StepDone        StepStatus = "done"         // the decision has passed this step
	StepCurrent     StepStatus = "current"      // the decision is at this step now
	StepUpcoming    StepStatus = "upcoming"     // still to come
	StepSkipped     StepStatus = "skipped"      // passed by without this step (optional, or an alternative not taken)
	StepNotReached  StepStatus = "not-reached"  // the journey ended (withdrawn) before this step
	StepNotRecorded StepStatus = "not-recorded" // before the first stage the history records
)

// Step is one step of a citizen summary, in the shape of the GOV.UK
// step-by-step navigation pattern: steps are numbered, and a step that is
// an alternative to the one before ("or") or happens alongside it ("and")
// shares its number and shows the word instead.
type Step struct {
	Number      int           `json:"number" jsonschema:"minimum=1"`
	Logic       string        `json:"logic,omitempty" jsonschema:"enum=and,enum=or"` // shown instead of the number when set
	Stage       StageID       `json:"stage"`
	Title       string        `json:"title"`
	Description string        `json:"description"`
	HaveYourSay string        `json:"have_your_say"`
	Status      StepStatus    `json:"status" jsonschema:"enum=done,enum=current,enum=upcoming,enum=skipped,enum=not-reached,enum=not-recorded"`
	Optional    bool          `json:"optional,omitempty"`
	Date        calendar.Date `json:"date,omitzero" jsonschema:"type=string,format=date"` // when the step happened
	Due         calendar.Date `json:"due,omitzero" jsonschema:"type=string,format=date"`  // the deadline for a step still to come
	DueLabel    string        `json:"due_label,omitempty"`
	Source      string        `json:"source,omitempty"`
	Basis       string        `json:"basis,omitempty"` // statutory basis
}

// Summary explains a decision to a citizen: where it is now, what
// comes next, by when, and how to have a say. Render it with
// [Summary.WriteText], [Summary.WriteJSON] or [Summary.WriteHTML].
type Summary struct {
	ID          string        `json:"id,omitempty"`
	Title       string        `json:"title"`
	Summary     string        `json:"summary,omitempty"`
	Council     string        `json:"council"`
	Journey     Kind          `json:"journey"`
	Current     StageID       `json:"current,omitempty"` // the stage reached; empty before the journey starts
	Since       calendar.Date `json:"since,omitzero" jsonschema:"type=string,format=date"`
	Next        []StageID     `json:"next,omitempty"` // the stages that may come next
	HaveYourSay string        `json:"have_your_say"`  // how to take part now
	Contact     string        `json:"contact,omitempty"`
	URL         string        `json:"url,omitempty"`
	Steps       []Step        `json:"steps"`
	Deadlines   []Deadline    `json:"deadlines,omitempty"`
}

// a step template: stage, logic relative to the step before, whether to
// include it.
type stepTemplate struct {
	stage StageID
	logic string
}

// Explain builds the citizen summary of d under council c.
func (d *Decision) Explain(c *Council) Summary {
	s := Summary{
		ID: d.ID, Title: d.Title, Summary: d.Summary, Council: c.Name,
		Journey: d.journey(), Contact: d.Contact, URL: d.URL,
		Deadlines: d.Deadlines(c),
	}
	if s.Council == "" {
		s.Council = "England (default)"
	}
	cur, started := d.Current()
	if started {
		s.Current, s.Since = cur.Stage, cur.Date
	}
	for _, st := range d.Next() {
		s.Next = append(s.Next, st.ID)
	}
	if started {
		st, _ := StageFor(cur.Stage)
		s.HaveYourSay = st.HaveYourSay
	} else {
		st, _ := StageFor(firstStage[d.journey()])
		s.HaveYourSay = st.HaveYourSay
	}

	tpl := d.stepTemplates(c)
	// Position of the current stage in the template, and of each stage's
	// last occurrence in the history.
	hist := map[StageID]StageEvent{}
	for _, ev := range d.History {
		hist[ev.Stage] = ev
	}
	curPos, firstPos := -1, -1
	for i, t := range tpl {
		if started && t.stage == cur.Stage {
			curPos = i
		}
		if started && t.stage == d.History[0].Stage && firstPos < 0 {
			firstPos = i
		}
	}
	withdrawn := started && cur.Stage == StageWithdrawn
	due := map[StageID]Deadline{}
	for _, dl := range s.Deadlines {
		if _, ok := due[dl.Stage]; !ok {
			due[dl.Stage] = dl
		}
	}
	n := 0
	for i, t := range tpl {
		st, _ := StageFor(t.stage)
		if t.logic == "" || n == 0 {
			n++
		}
		step := Step{
			Number: n, Logic: t.logic, Stage: st.ID, Title: st.Title, Description: st.Description,
			HaveYourSay: st.HaveYourSay, Optional: st.Optional, Basis: d.Basis(c, st.ID),
		}
		if n == 1 {
			step.Logic = ""
		}
		ev, done := hist[t.stage]
		switch {
		case started && t.stage == cur.Stage:
			step.Status = StepCurrent
		case done:
			step.Status = StepDone
		case withdrawn:
			step.Status = StepNotReached
		case i < firstPos:
			step.Status = StepNotRecorded
		case curPos >= 0 && i < curPos:
			step.Status = StepSkipped
		default:
			step.Status = StepUpcoming
		}
		if done {
			step.Date, step.Source = ev.Date, ev.Source
		}
		// A current step shows a deadline only when it is a window that
		// closes (call-in, planning comments).
		window := t.stage == StageCallIn || t.stage == StagePlanningConsultation
		if step.Status == StepUpcoming || step.Status == StepCurrent && window {
			if dl, ok := due[t.stage]; ok {
				step.Due, step.DueLabel = dl.Date, dl.Label
			}
		}
		s.Steps = append(s.Steps, step)
	}
	return s
}

// stepTemplates lays out the steps the summary shows for d: the usual
// path through its journey, the alternatives that apply to it, and any
// stage its history holds that the usual path leaves out.
func (d *Decision) stepTemplates(c *Council) []stepTemplate {
	var tpl []stepTemplate
	add := func(id StageID, logic string) { tpl = append(tpl, stepTemplate{id, logic}) }
	switch d.journey() {
	case JourneyPlanning:
		add(StagePlanningReceived, "")
		add(StagePlanningConsultation, "")
		if d.has(StagePlanningNonDetermination) {
			// The Planning Inspectorate decides instead of the council.
			add(StagePlanningNonDetermination, "")
			break
		}
		add(StagePlanningCommittee, "")
		add(StagePlanningDelegated, "or")
		add(StagePlanningDetermined, "")
		if d.has(StagePlanningAppeal) {
			add(StagePlanningAppeal, "")
		}
	case JourneyBudget:
		add(StageBudgetProposals, "")
		add(StageBudgetConsultation, "")
		add(StageBudgetScrutiny, "and")
		add(StageBudgetRecommended, "")
		if d.has(StageBudgetObjection) {
			add(StageBudgetObjection, "")
			add(StageBudgetReconsidered, "")
		}
		add(StageCouncilTaxSet, "")
		add(StageInEffect, "")
		if d.has(StageMonitoring) {
			add(StageMonitoring, "")
		}
	default:
		add(StageProposal, "")
		add(StageConsultation, "")
		// Wales and the committee system have no key-decision notices.
		_, _, keyNotices := c.Period(PeriodKeyDecisionNotice)
		notice := d.KeyDecision && keyNotices || d.has(StageNoticePublished) || d.has(StageGeneralException) || d.has(StageSpecialUrgency)
		if notice {
			add(StageNoticePublished, "")
			add(StageGeneralException, "or")
			add(StageSpecialUrgency, "or")
		}
		if d.KeyDecision || d.has(StagePreDecisionScrutiny) {
			add(StagePreDecisionScrutiny, "and")
		}
		switch {
		case d.has(StageUrgentItem):
			add(StageUrgentItem, "")
		case d.has(StageAgendaPublished) || !d.DecisionMakerKind.Individual():
			add(StageAgendaPublished, "")
		}
		if d.has(StageDeferred) {
			add(StageDeferred, "")
		}
		add(StageDecided, "")
		add(StageDecisionPublished, "")
		if d.callInApplies() || d.has(StageCallIn) {
			add(StageCallIn, "")
		}
		if d.has(StageCallInLodged) {
			add(StageCallInLodged, "")
		}
		if d.has(StageReferredToCouncil) {
			add(StageReferredToCouncil, "")
		}
		if d.has(StageReferredBack) {
			add(StageReferredBack, "")
		}
		if d.has(StageReconsidered) {
			add(StageReconsidered, "")
		}
		add(StageInEffect, "")
		add(StageMonitoring, "")
	}
	if d.has(StageWithdrawn) {
		add(StageWithdrawn, "")
	}
	return tpl
}

// currentStep returns the index of the current step, or -1.
func (s *Summary) currentStep() int {
	for i, st := range s.Steps {
		if st.Status == StepCurrent {
			return i
		}
	}
	return -1
}

func stepLabel(st Step) string {
	if st.Logic != "" {
		return st.Logic
	}
	return strconv.Itoa(st.Number)
}

func (s *Summary) lastNumber() int {
	if len(s.Steps) == 0 {
		return 0
	}
	return s.Steps[len(s.Steps)-1].Number
}

// nextTitles returns the titles of the next stages joined with "or".
func (s *Summary) nextTitles() string {
	ts := make([]string, 0, len(s.Next))
	for _, id := range s.Next {
		st, _ := StageFor(id)
		ts = append(ts, st.Title)
	}
	return strings.Join(ts, " or ")
}
