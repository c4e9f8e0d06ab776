package journey

import (
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
)

// DecisionMakerKind is the kind of body or person who makes a decision.
type DecisionMakerKind string

// The kinds of decision maker. The first four are the executive (Local
// Government Act 2000 s9C in England, s11 in Wales); their decisions are
// recorded under SI 2012/2089 reg 12 (at a meeting) or reg 13 (alone) and
// may be called in. Full council and committees keep minutes (Local
// Government Act 1972 s100C); officers record delegated decisions under
// SI 2014/2095 reg 7.
const (
	DecisionMakerCabinet       DecisionMakerKind = "cabinet"        // the executive together, or an executive committee
	DecisionMakerCabinetMember DecisionMakerKind = "cabinet-member" // an executive member alone (portfolio holder)
	DecisionMakerLeader        DecisionMakerKind = "leader"         // the leader of the council alone
	DecisionMakerMayor         DecisionMakerKind = "mayor"          // an elected (executive) mayor alone
	DecisionMakerFullCouncil   DecisionMakerKind = "full-council"
	DecisionMakerCommittee     DecisionMakerKind = "committee" // a committee or sub-committee of the council
	DecisionMakerOfficer       DecisionMakerKind = "officer"   // an officer under delegated powers
)

// decisionMakerKindList names the kinds for error messages.
const decisionMakerKindList = "cabinet, cabinet-member, leader, mayor, full-council, committee or officer"

func (k DecisionMakerKind) valid() bool {
	switch k {
	case DecisionMakerFullCouncil, DecisionMakerCabinet, DecisionMakerCabinetMember, DecisionMakerLeader,
		DecisionMakerMayor, DecisionMakerCommittee, DecisionMakerOfficer:
		return true
	}
	return false
}

// Executive reports whether the kind is part of the executive: the
// cabinet, an executive member, the leader or an elected mayor.
func (k DecisionMakerKind) Executive() bool {
	switch k {
	case DecisionMakerCabinet, DecisionMakerCabinetMember, DecisionMakerLeader, DecisionMakerMayor:
		return true
	}
	return false
}

// Individual reports whether the kind is one person deciding alone: an
// executive member, the leader, a mayor or an officer.
func (k DecisionMakerKind) Individual() bool {
	switch k {
	case DecisionMakerCabinetMember, DecisionMakerLeader, DecisionMakerMayor, DecisionMakerOfficer:
		return true
	}
	return false
}

// ClassifyDecisionMaker tells the kind of a decision maker from its name
// as ModernGov sites give it: "Cabinet", "Executive", "Mayor and
// Cabinet" (the executive together); "Cabinet Member for Housing",
// "Portfolio Holder - Finance", "Deputy Leader" (an executive member);
// "Leader of the Council"; "Mayor", "Executive Mayor" (an elected mayor);
// "Council", "Full Council", "County Council"; "Planning Committee",
// "Licensing Sub-Committee", "Health and Wellbeing Board"; and officers
// such as "Chief Executive", "Executive Director - Place", "Strategic
// Director (Children)", "Head of Legal Services". A ceremonial "Lord
// Mayor", "Civic Mayor" or "Chair" of the council decides nothing and,
// like any name it cannot place, gives "".
func ClassifyDecisionMaker(name string) DecisionMakerKind {
	n := " " + strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ") + " "
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(n, " "+w+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case has("lord mayor", "civic mayor", "deputy mayor", "chair of the council", "chairman of the council", "chair of council"):
		return ""
	// Officers first: "Chief Executive" and "Executive Director" are
	// officers, not the executive.
	case has("chief executive", "executive director", "director", "directorate", "head of", "officer", "manager",
		"chief finance officer", "section 151", "s151", "monitoring officer", "service lead", "team leader"):
		return DecisionMakerOfficer
	case has("mayor and cabinet", "mayor in cabinet", "leader and cabinet", "cabinet", "executive committee",
		"executive sub committee", "executive board") && !has("cabinet member", "cabinet lead", "cabinet portfolio holder", "cabinet members"):
		return DecisionMakerCabinet
	case has("cabinet member", "cabinet members", "cabinet lead", "portfolio holder", "executive member", "lead member",
		"executive councillor", "deputy leader", "cabinet portfolio holder"):
		return DecisionMakerCabinetMember
	case has("leader", "leader of the council", "council leader"):
		return DecisionMakerLeader
	case has("mayor", "executive mayor", "elected mayor"):
		return DecisionMakerMayor
	case has("executive"):
		return DecisionMakerCabinet
	case has("committee", "sub committee", "subcommittee", "panel", "board", "commission"):
		return DecisionMakerCommittee
	case has("council", "full council", "county council", "borough council", "city council", "district council", "annual council"):
		return DecisionMakerFullCouncil
	case has("service"):
		return DecisionMakerOfficer
	}
	return ""
}

// StageEvent is one entry in a decision's history: the stage it reached,
// when, and where that is recorded.
type StageEvent struct {
	Stage  StageID       `json:"stage"` // the stage id reached
	Date   calendar.Date `json:"date" jsonschema:"type=string,format=date"`
	Source string        `json:"source,omitempty"` // URL or document that records it
	Note   string        `json:"note,omitempty"`
}

// Decision is one council decision (or planning application, or annual
// budget) and the stages it has passed through. History is in order; each
// step must be a legal transition ([CanTransition]) on the same day or
// later than the one before. A history may start part-way along the
// journey, as exports often do.
type Decision struct {
	ID      string `json:"id,omitempty"` // the council's reference
	Title   string `json:"title" jsonschema:"required"`
	Summary string `json:"summary,omitempty"`                                                      // what is being decided in plain English
	Journey Kind   `json:"journey,omitempty" jsonschema:"enum=decision,enum=planning,enum=budget"` // default decision
	// Council is the profile name, e.g. "kirklees"; "" means England.
	Council           string            `json:"council,omitempty"`
	DecisionMaker     string            `json:"decision_maker,omitempty"` // as the council names it
	DecisionMakerKind DecisionMakerKind `json:"decision_maker_kind,omitempty" jsonschema:"enum=full-council,enum=cabinet,enum=cabinet-member,enum=committee,enum=officer"`
	MeetingDate       calendar.Date     `json:"meeting_date,omitzero" jsonschema:"type=string,format=date"`
	// EffectiveFrom is the date the decision says it takes effect, if it
	// names one (it cannot be before call-in ends).
	EffectiveFrom   calendar.Date `json:"effective_from,omitzero" jsonschema:"type=string,format=date"`
	KeyDecision     bool          `json:"key_decision,omitempty"`
	SubjectToCallIn bool          `json:"subject_to_call_in,omitempty"`
	// Urgent marks a decision the council's urgency rule exempts from
	// call-in (with the agreement of the chair of scrutiny, as
	// constitutions provide); it has no call-in period.
	Urgent bool `json:"urgent,omitempty"`
	// Private marks a decision taken in a meeting closed to the public
	// (SI 2012/2089 reg 4(2)), which needs the notices of reg 5.
	Private bool `json:"private,omitempty"`
	// ExemptParagraph is the paragraph of Schedule 12A to the Local
	// Government Act 1972 that makes the information exempt: 1 to 7 in
	// England (Part 1), 12 to 18 in Wales (Part 4).
	ExemptParagraph int `json:"exempt_paragraph,omitempty" jsonschema:"minimum=0"`
	// PrivateNoticePublished and PrivateFinalNoticePublished are the days
	// the notices of a private meeting were published (reg 5(2) and (4)).
	PrivateNoticePublished      calendar.Date `json:"private_notice_published,omitzero" jsonschema:"type=string,format=date"`
	PrivateFinalNoticePublished calendar.Date `json:"private_final_notice_published,omitzero" jsonschema:"type=string,format=date"`
	ValueGBP                    int64         `json:"value_gbp,omitempty" jsonschema:"minimum=0"`
	// WardsAffected are the wards the decision significantly affects, as
	// Popolo areas. In JSON each is a string (a name such as "Northtown",
	// "All Wards" as ModernGov writes it, or an ONS GSS code such as
	// E05001396) or an area object with id and name.
	WardsAffected Wards `json:"wards_affected,omitempty"`
	// MajorDevelopment marks a planning application decided in 13 weeks
	// rather than 8.
	MajorDevelopment bool `json:"major_development,omitempty"`
	// EIADevelopment marks a planning application that needs an
	// environmental impact assessment, decided in 16 weeks (DMPO art
	// 34(2)).
	EIADevelopment bool `json:"eia_development,omitempty"`
	// FinancialYear is, for a budget, the year in which the financial year
	// starts (2026 for 2026/27); 0 means work it out from the history.
	FinancialYear int    `json:"financial_year,omitempty"`
	Contact       string `json:"contact,omitempty"` // who to contact about the decision
	// URL is the decision's page. The schema does not insist on an
	// absolute URI, as council exports hold relative links; output
	// writers link it only when it passes journey.SafeURL.
	URL     string       `json:"url,omitempty"`
	History []StageEvent `json:"history" jsonschema:"required"`
}

// FieldError reports a problem with one field of a decision. Field
// is a path such as "history[2].stage" that the readers turn into a line.
type FieldError struct {
	Field string `json:"field"`
	Msg   string `json:"msg"`
	Err   error  `json:"-"`
}

// Error returns "journey: field: msg".
func (e *FieldError) Error() string {
	s := "journey: " + e.Field + ": " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }

func (d *Decision) journey() Kind {
	if d.Journey == "" {
		return JourneyDecision
	}
	return d.Journey
}

// firstStage is where each journey begins.
var firstStage = map[Kind]StageID{
	JourneyDecision: StageProposal,
	JourneyPlanning: StagePlanningReceived,
	JourneyBudget:   StageBudgetProposals,
}

// Validate checks the decision: a title, a known journey, and a history
// of known stages of that journey, with dates, in legal order and never
// going back in time. The error is a [*FieldError] naming the
// field.
func (d *Decision) Validate() error {
	if strings.TrimSpace(d.Title) == "" {
		return &FieldError{Field: "title", Msg: "missing"}
	}
	j := d.journey()
	if _, ok := firstStage[j]; !ok {
		return &FieldError{Field: "journey", Msg: "unknown journey \"" + string(j) + "\" (want decision, planning or budget)"}
	}
	if d.DecisionMakerKind != "" && !d.DecisionMakerKind.valid() {
		return &FieldError{Field: "decision_maker_kind", Msg: "unknown kind " + quoteEnum([]byte(d.DecisionMakerKind)) + " (want " + decisionMakerKindList + ")"}
	}
	if p := d.ExemptParagraph; p != 0 && (p < 1 || p > 7) && (p < 12 || p > 18) {
		return &FieldError{Field: "exempt_paragraph", Msg: "no such paragraph of Schedule 12A (1 to 7 in England, 12 to 18 in Wales)"}
	}
	if d.ExemptParagraph != 0 && !d.Private {
		return &FieldError{Field: "exempt_paragraph", Msg: "given for a meeting that is not private (set private to true)"}
	}
	if d.FinancialYear != 0 && (d.FinancialYear < calendar.MinYear || d.FinancialYear >= calendar.MaxYear) {
		return &FieldError{Field: "financial_year", Msg: "year " + strconv.Itoa(d.FinancialYear) + " is outside " + strconv.Itoa(calendar.MinYear) + "-" + strconv.Itoa(calendar.MaxYear-1)}
	}
	if d.ValueGBP < 0 {
		return &FieldError{Field: "value_gbp", Msg: "negative"}
	}
	var prof Council
	if d.Council != "" {
		var err error
		if prof, err = Profile(d.Council); err != nil {
			return &FieldError{Field: "council", Msg: "unknown profile", Err: err}
		}
	}
	if !d.EffectiveFrom.IsZero() && !d.MeetingDate.IsZero() && d.EffectiveFrom.Before(d.MeetingDate) {
		return &FieldError{Field: "effective_from", Msg: "dates out of order: " + d.EffectiveFrom.String() + " is before the meeting date " + d.MeetingDate.String()}
	}
	for i, ev := range d.History {
		at := "history[" + strconv.Itoa(i) + "]"
		st, ok := StageFor(ev.Stage)
		if !ok {
			return &FieldError{Field: at + ".stage", Msg: "unknown stage \"" + string(ev.Stage) + "\""}
		}
		if st.Journey != j && !(j == JourneyBudget && ev.Stage == StageInEffect) && !(j == JourneyBudget && ev.Stage == StageMonitoring) {
			return &FieldError{Field: at + ".stage", Msg: "stage \"" + string(ev.Stage) + "\" belongs to the " + string(st.Journey) + " journey, not " + string(j)}
		}
		if ev.Date.IsZero() {
			return &FieldError{Field: at + ".date", Msg: "missing"}
		}
		if englandOnly[ev.Stage] && (prof.nation() == NationWales || !prof.Executive()) {
			return &FieldError{Field: at + ".stage", Msg: "stage " + quoteEnum([]byte(ev.Stage)) + " does not exist for " + prof.Name + " (key-decision notices are SI 2012/2089, England, executive arrangements)"}
		}
		if i == 0 {
			continue
		}
		prev := d.History[i-1]
		if !CanTransition(prev.Stage, ev.Stage) {
			return &FieldError{Field: at + ".stage", Msg: transitionError(prev.Stage, ev.Stage).Msg}
		}
		if ev.Date.Before(prev.Date) {
			return &FieldError{Field: at + ".date", Msg: "dates out of order: " + ev.Date.String() + " is before " + prev.Date.String() + " (" + string(prev.Stage) + ")"}
		}
	}
	return nil
}

// englandOnly are the stages of SI 2012/2089 regs 9 to 11, which have no
// counterpart in Wales or under the committee system.
var englandOnly = map[StageID]bool{StageNoticePublished: true, StageGeneralException: true, StageSpecialUrgency: true}

// Current returns the stage the decision has reached, or false when its
// history is empty.
func (d *Decision) Current() (StageEvent, bool) {
	if len(d.History) == 0 {
		return StageEvent{}, false
	}
	return d.History[len(d.History)-1], true
}

// Advance records that the decision reached stage on date, citing source.
// It returns a [*TransitionError] naming both stages if the move is illegal,
// or if date is missing or earlier than the last stage's date.
func (d *Decision) Advance(stage StageID, date calendar.Date, source string) error {
	if _, ok := StageFor(stage); !ok {
		return transitionError("", stage)
	}
	if date.IsZero() {
		return &TransitionError{To: stage, Msg: "advance to \"" + string(stage) + "\": missing date"}
	}
	cur, ok := d.Current()
	if ok {
		if !CanTransition(cur.Stage, stage) {
			return transitionError(cur.Stage, stage)
		}
		if date.Before(cur.Date) {
			return &TransitionError{From: cur.Stage, To: stage, Msg: "advance from \"" + string(cur.Stage) + "\" to \"" + string(stage) + "\": date " + date.String() + " is before " + cur.Date.String()}
		}
	}
	d.History = append(d.History, StageEvent{Stage: stage, Date: date, Source: source})
	return nil
}

// Next returns the stages that may come next, in journey order, narrowed
// by what is known of the decision: a decision subject to call-in goes to
// the call-in period after publication, one that is not (or that full
// council or a committee made, or that is urgent) goes straight into
// effect; a key decision needs notice first, another does not. An empty
// history gives the journey's first stage.
func (d *Decision) Next() []Stage {
	cur, ok := d.Current()
	if !ok {
		st, _ := StageFor(firstStage[d.journey()])
		return []Stage{st}
	}
	callIn := d.callInApplies()
	// A key decision needs notice only where the law has key-decision
	// notices (England, executive arrangements).
	prof := d.CouncilFor()
	_, _, keyNotices := prof.Period(PeriodKeyDecisionNotice)
	key := d.KeyDecision && keyNotices
	var out []Stage
	for _, id := range journeyEdges[cur.Stage] {
		if cur.Stage == StageDecisionPublished {
			if callIn && id == StageInEffect || !callIn && id == StageCallIn {
				continue
			}
		}
		if cur.Stage == StageCallIn && (id == StageReferredBack || id == StageReferredToCouncil) {
			continue // through call-in-lodged
		}
		if cur.Stage == StageProposal || cur.Stage == StageConsultation {
			// A key decision needs notice; others do not.
			notice := id == StageNoticePublished || id == StageGeneralException || id == StageSpecialUrgency
			if key && (id == StageAgendaPublished || id == StageDecided || id == StageUrgentItem || id == StagePreDecisionScrutiny) || !key && notice {
				continue
			}
		}
		st, _ := StageFor(id)
		out = append(out, st)
	}
	return out
}

// callInApplies reports whether the decision has a call-in period: it is
// marked subject to call-in, is not urgent, and was not made by full
// council or a committee (call-in is scrutiny of the executive: LGA 2000
// s9F(2)(a)).
func (d *Decision) callInApplies() bool {
	if !d.SubjectToCallIn || d.Urgent {
		return false
	}
	return d.DecisionMakerKind != DecisionMakerFullCouncil && d.DecisionMakerKind != DecisionMakerCommittee
}

// last returns the date of the latest event at stage id, if any.
func (d *Decision) last(id StageID) (calendar.Date, bool) {
	for i := len(d.History) - 1; i >= 0; i-- {
		if d.History[i].Stage == id {
			return d.History[i].Date, true
		}
	}
	return calendar.Date{}, false
}

// has reports whether the history contains stage id.
func (d *Decision) has(id StageID) bool {
	_, ok := d.last(id)
	return ok
}

// Deadlines are the deadlines for a meeting at which a decision is made,
// and the end of call-in. The JSON form is the contract of "civickit
// journey deadlines": a key is left out where the period does not apply
// (no key-decision or general-exception notice in Wales or under the
// committee system; the private-meeting notices only for a private
// meeting; call-in only with a publication date, or from the meeting
// where the council counts it so).
type Deadlines struct {
	Meeting                  calendar.Date `json:"meeting" jsonschema:"type=string,format=date"`
	AgendaPublishBy          calendar.Date `json:"agenda_publish_by" jsonschema:"type=string,format=date"`
	KeyDecisionNoticeBy      calendar.Date `json:"key_decision_notice_by,omitzero" jsonschema:"type=string,format=date"`
	GeneralExceptionNoticeBy calendar.Date `json:"general_exception_notice_by,omitzero" jsonschema:"type=string,format=date"`
	PrivateNoticeBy          calendar.Date `json:"private_notice_by,omitzero" jsonschema:"type=string,format=date"`
	PrivateFinalNoticeBy     calendar.Date `json:"private_final_notice_by,omitzero" jsonschema:"type=string,format=date"`
	DecisionRecordBy         calendar.Date `json:"decision_record_by,omitzero" jsonschema:"type=string,format=date"`
	// CallInEnds is the last day of call-in; zero when it cannot be known
	// yet or there is no call-in.
	CallInEnds calendar.Date `json:"call_in_ends,omitzero" jsonschema:"type=string,format=date"`
}

// MeetingDeadlines computes the deadlines for an executive decision made
// at meeting under the council's rules: the agenda, the key-decision and
// general-exception notices (England), the decision record, and the last
// day of call-in when published is not zero (or always, when call-in runs
// from the meeting). The private-meeting notices are in
// [Council.PrivateMeetingDeadlines].
func (c *Council) MeetingDeadlines(meeting, published calendar.Date) Deadlines {
	dl := Deadlines{
		Meeting:                  meeting,
		AgendaPublishBy:          c.before(PeriodAgenda, meeting),
		KeyDecisionNoticeBy:      c.before(PeriodKeyDecisionNotice, meeting),
		GeneralExceptionNoticeBy: c.before(PeriodGeneralException, meeting),
		DecisionRecordBy:         c.after(PeriodDecisionRecord, meeting),
	}
	if c.CallInFrom == CallInFromMeeting {
		dl.CallInEnds = c.after(PeriodCallIn, meeting)
	} else if !published.IsZero() {
		dl.CallInEnds = c.after(PeriodCallIn, published)
	}
	return dl
}

// PrivateMeetingDeadlines returns the last days for the two notices of a
// private meeting of the executive (SI 2012/2089 reg 5(2) and (4)), or
// zero dates where they do not apply (Wales, the committee system).
func (c *Council) PrivateMeetingDeadlines(meeting calendar.Date) (first, final calendar.Date) {
	return c.before(PeriodPrivateNotice, meeting), c.before(PeriodPrivateFinalNotice, meeting)
}

// Deadline is one dated deadline on a decision's journey.
type Deadline struct {
	ID    string        `json:"id"`    // stable id such as agenda_publish_by
	Label string        `json:"label"` // citizen-facing label
	Date  calendar.Date `json:"date" jsonschema:"type=string,format=date"`
	Stage StageID       `json:"stage"`           // the stage the deadline belongs to
	Basis string        `json:"basis,omitempty"` // statutory basis or the council's rule
	// Statutory is true when the law sets the deadline, false when the
	// council's constitution does.
	Statutory bool `json:"statutory,omitempty"`
}

// periodText describes a period for a deadline's basis: "5 clear working
// days", "28 clear days (calendar)".
func periodText(p Period, clear bool) string {
	s := strconv.Itoa(p.Days)
	if clear {
		s += " clear"
	}
	if p.Counting == ClearDaysWorking {
		return s + " working days"
	}
	return s + " calendar days"
}

// Deadlines returns the decision's deadlines under council c, in date
// order: for a decision, the key-decision notice, general-exception
// notice, private-meeting notices and agenda deadlines before the meeting
// (or the day it was decided), the decision record, the end of call-in
// and the day it can take effect; for a planning application, the end of
// consultation and the date it should be decided by; for a budget, the
// last day to set council tax. Each cites its source for this council's
// nation and this decision maker ([Decision.Basis]).
func (d *Decision) Deadlines(c *Council) []Deadline {
	var out []Deadline
	add := func(id, label string, date calendar.Date, st StageID, basis string, statutory bool) {
		if !date.IsZero() {
			out = append(out, Deadline{ID: id, Label: label, Date: date, Stage: st, Basis: basis, Statutory: statutory})
		}
	}
	period := func(id PeriodID) (Period, PeriodRule, bool) { return c.Period(id) }
	switch d.journey() {
	case JourneyDecision:
		meeting := d.MeetingDate
		if meeting.IsZero() {
			meeting, _ = d.last(StageDecided)
		}
		exec := d.DecisionMakerKind.Executive() || d.DecisionMakerKind == "" && c.Executive()
		if !meeting.IsZero() {
			if d.KeyDecision && exec {
				if p, _, ok := period(PeriodKeyDecisionNotice); ok {
					add("key_decision_notice_by", "Notice of the key decision published by", c.before(PeriodKeyDecisionNotice, meeting), StageNoticePublished,
						periodText(p, true)+"; "+d.Basis(c, StageNoticePublished), true)
				}
				if p, _, ok := period(PeriodGeneralException); ok && d.has(StageGeneralException) {
					add("general_exception_notice_by", "Short notice (general exception) given by", c.before(PeriodGeneralException, meeting), StageGeneralException,
						periodText(p, true)+"; "+d.Basis(c, StageGeneralException), true)
				}
			}
			if d.Private && exec {
				if p, _, ok := period(PeriodPrivateNotice); ok {
					add("private_notice_by", "Notice of a private meeting published by", c.before(PeriodPrivateNotice, meeting), StageAgendaPublished,
						periodText(p, true)+"; "+srcExecEngland+", reg 5(2)"+exemptText(d.ExemptParagraph, c), true)
				}
				if p, _, ok := period(PeriodPrivateFinalNotice); ok {
					add("private_final_notice_by", "Final notice of a private meeting published by", c.before(PeriodPrivateFinalNotice, meeting), StageAgendaPublished,
						periodText(p, true)+"; "+srcExecEngland+", reg 5(4)", true)
				}
			}
			if d.DecisionMakerKind == "" || !d.DecisionMakerKind.Individual() {
				p, _, _ := period(PeriodAgenda)
				add("agenda_publish_by", "Agenda and report published by", c.before(PeriodAgenda, meeting), StageAgendaPublished,
					periodText(p, true)+"; "+d.Basis(c, StageAgendaPublished), true)
			}
			add("meeting", "Decision meeting", meeting, StageDecided, "", false)
			if !d.has(StageDecisionPublished) {
				p, _, _ := period(PeriodDecisionRecord)
				add("decision_record_by", "Decision published by", c.after(PeriodDecisionRecord, meeting), StageDecisionPublished,
					periodText(p, false)+" after the decision (the council's rule); "+d.Basis(c, StageDecisionPublished), false)
			}
		}
		pub, published := d.last(StageDecisionPublished)
		if !published {
			break
		}
		if p, _, ok := period(PeriodCallIn); ok && d.callInApplies() {
			from, fromText := pub, "publication"
			if c.CallInFrom == CallInFromMeeting && !meeting.IsZero() {
				from, fromText = meeting, "the meeting"
			}
			end := c.after(PeriodCallIn, from)
			add("call_in_ends", "Call-in period ends", end, StageCallIn,
				periodText(p, false)+" after "+fromText+" (the council's constitution); "+d.Basis(c, StageCallIn), false)
			if eff, ok := d.last(StageInEffect); ok {
				add("in_effect_from", "In effect from", eff, StageInEffect, "", false)
			} else if !d.has(StageCallInLodged) && !d.has(StageReferredBack) && !d.has(StageReferredToCouncil) {
				eff, basis := c.AddWorkingDays(end, 1), "the working day after call-in ends"
				if d.EffectiveFrom.After(eff) {
					eff, basis = d.EffectiveFrom, "the date the decision gives"
				}
				add("in_effect_from", "In effect from, if not called in", eff, StageInEffect, basis, false)
			}
			break
		}
		eff, ok := d.last(StageInEffect)
		if !ok {
			eff = pub
			if d.EffectiveFrom.After(pub) {
				eff = d.EffectiveFrom
			}
		}
		why := "not subject to call-in"
		switch {
		case d.Urgent && d.SubjectToCallIn:
			why = "urgent: exempt from call-in under the council's urgency rule"
		case d.DecisionMakerKind == DecisionMakerFullCouncil || d.DecisionMakerKind == DecisionMakerCommittee:
			why = "not subject to call-in: only executive decisions can be called in (" + d.Basis(c, StageCallIn) + ")"
		}
		add("in_effect_from", "In effect from", eff, StageInEffect, why, false)
	case JourneyPlanning:
		if start, ok := d.last(StagePlanningConsultation); ok {
			// 21 days beginning with the day the notice went up.
			add("comments_by", "Comments on the application by", start.AddDays(20), StagePlanningConsultation, basisDMPO+", art 15", true)
		}
		if rec, ok := d.last(StagePlanningReceived); ok {
			weeks, why := 8, ""
			switch {
			case d.EIADevelopment:
				weeks, why = 16, " (EIA development)"
			case d.MajorDevelopment:
				weeks, why = 13, " (major development)"
			}
			// The period begins the day after the application is received.
			add("determine_by", "Application to be decided by", rec.AddDays(7*weeks), StagePlanningDetermined,
				strconv.Itoa(weeks)+" weeks"+why+"; after it the applicant may appeal against non-determination; "+basisDMPO+", art 34(2); Town and Country Planning Act 1990 s78(2)", true)
		}
	case JourneyBudget:
		fy := d.FinancialYear
		if fy == 0 && len(d.History) > 0 {
			first := d.History[0].Date
			fy = first.Year
			if first.Month >= time.April {
				fy++
			}
		}
		if fy != 0 {
			add("council_tax_set_by", "Budget and council tax set by", calendar.NewDate(fy, time.March, 10), StageCouncilTaxSet,
				"before 11 March; Local Government Finance Act 1992 s30(6)", true)
		}
		if obj, ok := d.last(StageBudgetObjection); ok && !d.has(StageBudgetReconsidered) {
			// At least five working days beginning with the day after the
			// leader receives the objection: the fifth working day after it.
			add("budget_reconsider_until", "Cabinet may reconsider the budget until at least", c.AddWorkingDays(obj, 5), StageBudgetReconsidered,
				"at least 5 working days; "+basisStandingOrders+", Sch 2", true)
		}
	}
	// Insertion sort by date keeps equal dates in the order added.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Date.Before(out[j-1].Date); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// exemptText names the exempt-information paragraph for a deadline's
// basis.
func exemptText(p int, c *Council) string {
	if p == 0 {
		return "; the notice gives the reason, a paragraph of " + srcSch12A
	}
	part := "Part 1"
	if p >= 12 {
		part = "Part 4"
	}
	return "; exempt under paragraph " + strconv.Itoa(p) + " of " + part + " of " + srcSch12A
}

// Basis returns the statutory basis of stage id for this decision under
// council c: the law of the council's nation, and for the agenda and the
// decision record the law that applies to its decision maker (the
// executive, full council or a committee, an officer). It falls back to
// the stage table's text.
func (d *Decision) Basis(c *Council, id StageID) string {
	wales := c.nation() == NationWales
	k := d.DecisionMakerKind
	exec := k.Executive() || k == "" && c.Executive() && d.journey() == JourneyDecision && (d.KeyDecision || d.SubjectToCallIn)
	switch id {
	case StageNoticePublished, StageGeneralException, StageSpecialUrgency:
		if wales || !c.Executive() {
			return "no statutory notice of key decisions applies to this council; the council's constitution"
		}
		reg := map[StageID]string{StageNoticePublished: "reg 9", StageGeneralException: "reg 10", StageSpecialUrgency: "reg 11"}[id]
		return srcExecEngland + ", " + reg
	case StageAgendaPublished:
		switch {
		case exec && wales:
			return srcExecWales + ", reg 5; " + srcElitestone
		case exec:
			return srcExecEngland + ", regs 6(2) and 7; " + srcElitestone
		case wales:
			return srcLGA1972 + " s100B(3) (three clear days in Wales); " + srcElitestone
		}
		return srcLGA1972 + " s100B(3) (five clear days in England since SI 2002/715); " + srcElitestone
	case StageDecisionPublished:
		switch {
		case k == DecisionMakerOfficer && wales:
			return "the council's constitution (" + srcOpenness + " applies in England only)"
		case k == DecisionMakerOfficer:
			return srcOpenness + ", reg 7"
		case k == DecisionMakerFullCouncil || k == DecisionMakerCommittee:
			return srcLGA1972 + " s100C (minutes)"
		case k.Individual() && wales:
			return srcExecWales + ", regs 7 and 8"
		case k.Individual():
			return srcExecEngland + ", reg 13"
		case wales:
			return srcExecWales + ", regs 6 and 8"
		case exec:
			return srcExecEngland + ", reg 12"
		}
	case StageCallIn, StageCallInLodged:
		if wales {
			return srcLGA2000 + " s21(2)(a) and (3)"
		}
		return srcLGA2000 + " s9F(2)(a) and (4)"
	case StageReferredBack:
		if wales {
			return srcLGA2000 + " s21(3)(a)"
		}
		return srcLGA2000 + " s9F(4)(a)"
	case StageReferredToCouncil:
		if wales {
			return srcLGA2000 + " s21(3)(b)"
		}
		return srcLGA2000 + " s9F(4)(b)"
	}
	st, _ := StageFor(id)
	return st.StatutoryBasis
}

// CouncilFor returns the profile named by d.Council, or the England
// default when it is empty or unknown.
func (d *Decision) CouncilFor() Council {
	c, err := Profile(d.Council)
	if err != nil {
		c, _ = Profile("")
	}
	return c
}

// MeetsKeyDecisionTest applies council c's key-decision test to the
// decision's value and the number of wards it names. Only executive
// decisions can be key (SI 2012/2089 reg 8); in Wales and under the
// committee system none are. A decision recorded
// as not key that meets the test may lack the 28 days' notice it needs.
//
// A ward list of "All Wards" (ModernGov's phrase for a borough-wide
// decision) means every ward: the council's own ward count when its
// profile lists its wards, and in any case at least the ward threshold.
func (d *Decision) MeetsKeyDecisionTest(c *Council) bool {
	if k := d.DecisionMakerKind; k == DecisionMakerFullCouncil || k == DecisionMakerCommittee {
		return false
	}
	n := len(d.WardsAffected)
	if d.WardsAffected.allWards() {
		n = max(len(c.Wards), c.keyWards(), 2)
	}
	return c.IsKeyDecision(d.ValueGBP, n)
}

// Wards are the wards a decision affects, as Popolo areas
// ([civic.Area]): ID is the ONS GSS code when known (E05… in England,
// W05… in Wales), Name the ward's name, Classification "ward".
type Wards []civic.Area

// isGSSCode reports whether s has the shape of an ONS GSS code: a
// country letter and eight digits, such as E05001396.
func isGSSCode(s string) bool {
	if len(s) != 9 || !strings.ContainsRune("ENSWK", rune(s[0])) {
		return false
	}
	for i := 1; i < 9; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// wardFromString reads a ward given as text: a GSS code is its ID,
// anything else its name.
func wardFromString(s string) civic.Area {
	s = strings.TrimSpace(s)
	if isGSSCode(s) {
		return civic.Area{ID: s, Classification: "ward"}
	}
	return civic.Area{Name: s, Classification: "ward"}
}

// allWards reports whether the ward list says the decision affects every
// ward, as ModernGov writes it ("All Wards", "All wards", "All").
func (ws Wards) allWards() bool {
	for _, w := range ws {
		switch strings.ToLower(strings.Join(strings.Fields(w.Name), " ")) {
		case "all wards", "all", "all areas", "borough-wide", "boroughwide", "county-wide", "countywide", "district-wide":
			return true
		}
	}
	return false
}

// Names returns the wards' names (their codes where a name is missing).
func (ws Wards) Names() []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Name
		if out[i] == "" {
			out[i] = w.ID
		}
	}
	return out
}
