package journey

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
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
	Logic       string        `json:"logic,omitempty" jsonschema:"enum=and,enum=or,description=shown instead of the number when set"`
	Stage       StageID       `json:"stage"`
	Title       string        `json:"title"`
	Description string        `json:"description"`
	HaveYourSay string        `json:"have_your_say"`
	Status      StepStatus    `json:"status" jsonschema:"enum=done,enum=current,enum=upcoming,enum=skipped,enum=not-reached,enum=not-recorded"`
	Optional    bool          `json:"optional,omitempty"`
	Date        calendar.Date `json:"date,omitzero" jsonschema:"type=string,format=date,description=when the step happened"`
	Due         calendar.Date `json:"due,omitzero" jsonschema:"type=string,format=date,description=the deadline for a step still to come"`
	DueLabel    string        `json:"due_label,omitempty"`
	Source      string        `json:"source,omitempty"`
	Basis       string        `json:"basis,omitempty" jsonschema:"description=statutory basis"`
}

// Summary explains a decision to a citizen: where it is now, what
// comes next, by when, and how to have a say. Render it with
// [Summary.Text], [Summary.JSON] or [Summary.HTML].
type Summary struct {
	ID          string        `json:"id,omitempty"`
	Title       string        `json:"title"`
	Summary     string        `json:"summary,omitempty"`
	Council     string        `json:"council"`
	Journey     Kind          `json:"journey"`
	Current     StageID       `json:"current,omitempty" jsonschema:"description=the stage reached; empty before the journey starts"`
	Since       calendar.Date `json:"since,omitzero" jsonschema:"type=string,format=date"`
	Next        []StageID     `json:"next,omitempty" jsonschema:"description=the stages that may come next"`
	HaveYourSay string        `json:"have_your_say" jsonschema:"description=how to take part now"`
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

	tpl := d.stepTemplates()
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
			HaveYourSay: st.HaveYourSay, Optional: st.Optional, Basis: st.StatutoryBasis,
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
func (d *Decision) stepTemplates() []stepTemplate {
	var tpl []stepTemplate
	add := func(id StageID, logic string) { tpl = append(tpl, stepTemplate{id, logic}) }
	switch d.journey() {
	case JourneyPlanning:
		add(StagePlanningReceived, "")
		add(StagePlanningConsultation, "")
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
		add(StageCouncilTaxSet, "")
		add(StageInEffect, "")
		if d.has(StageMonitoring) {
			add(StageMonitoring, "")
		}
	default:
		add(StageProposal, "")
		add(StageConsultation, "")
		if d.KeyDecision || d.has(StageNoticePublished) || d.has(StageGeneralException) || d.has(StageSpecialUrgency) {
			add(StageNoticePublished, "")
			add(StageGeneralException, "or")
			add(StageSpecialUrgency, "or")
		}
		if d.KeyDecision || d.has(StagePreDecisionScrutiny) {
			add(StagePreDecisionScrutiny, "and")
		}
		if d.has(StageAgendaPublished) || d.DecisionMakerKind != DecisionMakerOfficer && d.DecisionMakerKind != DecisionMakerCabinetMember {
			add(StageAgendaPublished, "")
		}
		add(StageDecided, "")
		add(StageDecisionPublished, "")
		if d.SubjectToCallIn || d.has(StageCallIn) {
			add(StageCallIn, "")
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

// Text writes the summary as plain text.
func (s *Summary) Text(w io.Writer) error {
	var b strings.Builder
	b.WriteString(s.Title + "\n")
	b.WriteString(strings.Repeat("=", len([]rune(s.Title))) + "\n")
	if s.Summary != "" {
		b.WriteString(s.Summary + "\n")
	}
	b.WriteString("Council: " + s.Council + "\n\n")
	if i := s.currentStep(); i >= 0 {
		st := s.Steps[i]
		b.WriteString("Where it is now: step " + strconv.Itoa(st.Number) + " of " + strconv.Itoa(s.lastNumber()) + ", " + st.Title)
		if !s.Since.IsZero() {
			b.WriteString(" (since " + s.Since.String() + ")")
		}
		b.WriteString("\n")
	} else {
		b.WriteString("Where it is now: not started\n")
	}
	if len(s.Next) > 0 {
		b.WriteString("What happens next: " + s.nextTitles() + "\n")
	} else {
		b.WriteString("What happens next: nothing; the journey has ended\n")
	}
	b.WriteString("How to have your say now: " + s.HaveYourSay + "\n")
	if s.Contact != "" {
		b.WriteString("Contact: " + s.Contact + "\n")
	}
	if s.URL != "" {
		b.WriteString("More: " + s.URL + "\n")
	}
	b.WriteString("\nSteps:\n")
	for _, st := range s.Steps {
		mark := "  "
		if st.Status == StepCurrent {
			mark = "> "
		}
		label := stepLabel(st)
		if st.Logic == "" {
			label += "."
		}
		line := mark + strings.Repeat(" ", 4-min(4, len(label))) + label + " " + st.Title + "  [" + string(st.Status)
		if !st.Date.IsZero() {
			line += " " + st.Date.String()
		}
		if !st.Due.IsZero() {
			line += "; " + st.DueLabel + ": " + st.Due.String()
		}
		b.WriteString(line + "]\n")
	}
	if len(s.Deadlines) > 0 {
		b.WriteString("\nDeadlines:\n")
		for _, dl := range s.Deadlines {
			b.WriteString("  " + dl.Date.String() + "  " + dl.Label + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON writes the summary as indented JSON.
func (s *Summary) JSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return &TransitionError{Msg: "encode summary", Err: err}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// HTML writes the summary as an HTML fragment in the markup of the GOV.UK
// step-by-step navigation pattern (an ordered list of steps, the current
// one marked with aria-current="step"). The class names follow that
// pattern with the prefix "civic-step-nav"; the page supplies the styles.
func (s *Summary) HTML(w io.Writer) error {
	e := html.EscapeString
	var b strings.Builder
	b.WriteString(`<div class="civic-step-nav" data-journey="` + e(string(s.Journey)) + `" data-current-stage="` + e(string(s.Current)) + `">` + "\n")
	b.WriteString(`<h2 class="civic-step-nav__title">` + e(s.Title) + "</h2>\n")
	if s.Summary != "" {
		b.WriteString(`<p class="civic-step-nav__summary">` + e(s.Summary) + "</p>\n")
	}
	b.WriteString(`<dl class="civic-step-nav__status">` + "\n")
	if i := s.currentStep(); i >= 0 {
		st := s.Steps[i]
		b.WriteString("<dt>Where it is now</dt><dd>Step " + strconv.Itoa(st.Number) + " of " + strconv.Itoa(s.lastNumber()) + ": " + e(st.Title))
		if !s.Since.IsZero() {
			b.WriteString(` (since <time datetime="` + s.Since.String() + `">` + s.Since.String() + "</time>)")
		}
		b.WriteString("</dd>\n")
	}
	if len(s.Next) > 0 {
		b.WriteString("<dt>What happens next</dt><dd>" + e(s.nextTitles()) + "</dd>\n")
	}
	b.WriteString("<dt>How to have your say now</dt><dd>" + e(s.HaveYourSay) + "</dd>\n")
	if s.Contact != "" {
		b.WriteString("<dt>Contact</dt><dd>" + e(s.Contact) + "</dd>\n")
	}
	b.WriteString("</dl>\n")
	b.WriteString(`<ol class="civic-step-nav__steps">` + "\n")
	for _, st := range s.Steps {
		cls := "civic-step-nav__step civic-step-nav__step--" + string(st.Status)
		attrs := ""
		if st.Status == StepCurrent {
			cls += " civic-step-nav__step--active"
			attrs = ` aria-current="step"`
		}
		b.WriteString(`<li class="` + cls + `" id="step-` + e(string(st.Stage)) + `"` + attrs + ">\n")
		circle := `<span class="civic-step-nav__circle civic-step-nav__circle--number"><span class="civic-step-nav__circle-inner"><span class="civic-step-nav__circle-background"><span class="civic-step-nav__visually-hidden">Step</span> ` + strconv.Itoa(st.Number) + `<span class="civic-step-nav__visually-hidden" aria-hidden="true">:</span></span></span></span>`
		if st.Logic != "" {
			circle = `<span class="civic-step-nav__circle civic-step-nav__circle--logic"><span class="civic-step-nav__circle-inner"><span class="civic-step-nav__circle-background">` + e(st.Logic) + `</span></span></span>`
		}
		b.WriteString(`<h3 class="civic-step-nav__heading">` + circle + ` ` + e(st.Title) + "</h3>\n")
		b.WriteString(`<div class="civic-step-nav__panel">` + "\n<p>" + e(st.Description) + "</p>\n")
		if !st.Date.IsZero() {
			b.WriteString(`<p class="civic-step-nav__date">Happened on <time datetime="` + st.Date.String() + `">` + st.Date.String() + "</time>")
			if st.Source != "" {
				b.WriteString(` (<a href="` + e(st.Source) + `">source</a>)`)
			}
			b.WriteString("</p>\n")
		}
		if !st.Due.IsZero() {
			b.WriteString(`<p class="civic-step-nav__due">` + e(st.DueLabel) + ` <time datetime="` + st.Due.String() + `">` + st.Due.String() + "</time></p>\n")
		}
		if st.Status == StepCurrent || st.Status == StepUpcoming {
			b.WriteString(`<p class="civic-step-nav__have-your-say"><strong>Have your say:</strong> ` + e(st.HaveYourSay) + "</p>\n")
		}
		if st.Basis != "" {
			b.WriteString(`<p class="civic-step-nav__basis">Law: ` + e(st.Basis) + "</p>\n")
		}
		b.WriteString("</div>\n</li>\n")
	}
	b.WriteString("</ol>\n</div>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
