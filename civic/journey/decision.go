package journey

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
)

// DecisionMakerKind is the kind of body or person who makes a decision.
type DecisionMakerKind string

// The kinds of decision maker.
const (
	DecisionMakerFullCouncil   DecisionMakerKind = "full-council"
	DecisionMakerCabinet       DecisionMakerKind = "cabinet"
	DecisionMakerCabinetMember DecisionMakerKind = "cabinet-member"
	DecisionMakerCommittee     DecisionMakerKind = "committee"
	DecisionMakerOfficer       DecisionMakerKind = "officer" // an officer under delegated powers
)

// decisionMakerKindList names the kinds for error messages.
const decisionMakerKindList = "full-council, cabinet, cabinet-member, committee or officer"

func (k DecisionMakerKind) valid() bool {
	switch k {
	case DecisionMakerFullCouncil, DecisionMakerCabinet, DecisionMakerCabinetMember, DecisionMakerCommittee, DecisionMakerOfficer:
		return true
	}
	return false
}

// ClassifyDecisionMaker guesses the kind of a decision maker from its name
// as a ModernGov export gives it ("Cabinet", "Cabinet Member for
// Housing", "Strategic Director - Place", "Council"). It returns "" when
// it cannot tell.
func ClassifyDecisionMaker(name string) DecisionMakerKind {
	n := strings.ToLower(name)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("cabinet member", "portfolio holder", "executive member", "lead member", "leader of the council", "cabinet lead"):
		return DecisionMakerCabinetMember
	case has("cabinet", "executive"):
		return DecisionMakerCabinet
	case has("committee", "panel", "sub-committee", "board"):
		return DecisionMakerCommittee
	case has("director", "officer", "head of", "manager", "chief executive", "service"):
		return DecisionMakerOfficer
	case has("council"):
		return DecisionMakerFullCouncil
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
	ValueGBP        int64         `json:"value_gbp,omitempty" jsonschema:"minimum=0"`
	// WardsAffected are the wards the decision significantly affects, as
	// Popolo areas. In JSON each is a string (a name such as "Northtown",
	// "All Wards" as ModernGov writes it, or an ONS GSS code such as
	// E05001396) or an area object with id and name.
	WardsAffected Wards `json:"wards_affected,omitempty"`
	// MajorDevelopment marks a planning application decided in 13 weeks
	// rather than 8.
	MajorDevelopment bool `json:"major_development,omitempty"`
	// FinancialYear is, for a budget, the year in which the financial year
	// starts (2026 for 2026/27); 0 means work it out from the history.
	FinancialYear int          `json:"financial_year,omitempty"`
	Contact       string       `json:"contact,omitempty"` // who to contact about the decision
	URL           string       `json:"url,omitempty" jsonschema:"format=uri"`
	History       []StageEvent `json:"history" jsonschema:"required"`
}

// FieldError reports a problem with one field of a decision. Field
// is a path such as "history[2].stage" that the readers turn into a line.
type FieldError struct {
	Field string `json:"field"`
	Msg   string `json:"msg"`
	Err   error  `json:"-"`
}

// Error returns "civic: field: msg".
func (e *FieldError) Error() string {
	s := "civic: " + e.Field + ": " + e.Msg
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
	switch d.DecisionMakerKind {
	case "", DecisionMakerFullCouncil, DecisionMakerCabinet, DecisionMakerCabinetMember, DecisionMakerCommittee, DecisionMakerOfficer:
	default:
		return &FieldError{Field: "decision_maker_kind", Msg: "unknown kind \"" + string(d.DecisionMakerKind) + "\" (want full-council, cabinet, cabinet-member, committee or officer)"}
	}
	if d.ValueGBP < 0 {
		return &FieldError{Field: "value_gbp", Msg: "negative"}
	}
	if d.Council != "" {
		if _, err := Profile(d.Council); err != nil {
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
// the call-in period after publication, one that is not goes straight into
// effect, and withdrawal is listed last. An empty history gives the
// journey's first stage.
func (d *Decision) Next() []Stage {
	cur, ok := d.Current()
	if !ok {
		st, _ := StageFor(firstStage[d.journey()])
		return []Stage{st}
	}
	var out []Stage
	for _, id := range journeyEdges[cur.Stage] {
		if cur.Stage == StageDecisionPublished {
			if d.SubjectToCallIn && id == StageInEffect || !d.SubjectToCallIn && id == StageCallIn {
				continue
			}
		}
		if cur.Stage == StageProposal || cur.Stage == StageConsultation {
			// A key decision needs notice; others do not.
			notice := id == StageNoticePublished || id == StageGeneralException || id == StageSpecialUrgency
			if d.KeyDecision && (id == StageAgendaPublished || id == StageDecided) || !d.KeyDecision && notice {
				continue
			}
		}
		st, _ := StageFor(id)
		out = append(out, st)
	}
	return out
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

// Deadlines are the statutory deadlines for a meeting at which a
// decision is made, and the end of call-in once the decision is
// published. The JSON form is the contract of "civickit journey
// deadlines".
type Deadlines struct {
	Meeting                  calendar.Date `json:"meeting" jsonschema:"type=string,format=date"`
	AgendaPublishBy          calendar.Date `json:"agenda_publish_by" jsonschema:"type=string,format=date"`
	KeyDecisionNoticeBy      calendar.Date `json:"key_decision_notice_by" jsonschema:"type=string,format=date"`
	GeneralExceptionNoticeBy calendar.Date `json:"general_exception_notice_by" jsonschema:"type=string,format=date"`
	// CallInEnds is the last day of call-in; zero when the decision has not
	// been published.
	CallInEnds calendar.Date `json:"call_in_ends,omitzero" jsonschema:"type=string,format=date"`
}

// MeetingDeadlines computes the deadlines for a decision made at meeting
// under the council's rules, and the end of call-in when published is
// not zero: the last day of a call-in of [Council.CallInDays] working days
// after publication, the day of publication not counting.
func (c *Council) MeetingDeadlines(meeting, published calendar.Date) Deadlines {
	dl := Deadlines{
		Meeting:                  meeting,
		AgendaPublishBy:          c.ClearDaysBefore(meeting, c.AgendaDays()),
		KeyDecisionNoticeBy:      c.ClearDaysBefore(meeting, c.KeyNoticeDays()),
		GeneralExceptionNoticeBy: c.ClearDaysBefore(meeting, c.GeneralExceptionDays()),
	}
	if !published.IsZero() {
		dl.CallInEnds = c.AddWorkingDays(published, c.CallInDays())
	}
	return dl
}

// Deadline is one dated deadline on a decision's journey.
type Deadline struct {
	ID    string        `json:"id"`    // stable id such as agenda_publish_by
	Label string        `json:"label"` // citizen-facing label
	Date  calendar.Date `json:"date" jsonschema:"type=string,format=date"`
	Stage StageID       `json:"stage"`           // the stage the deadline belongs to
	Basis string        `json:"basis,omitempty"` // statutory basis or the council's rule
}

// Deadlines returns the decision's deadlines under council c, in date
// order: for a decision, the key-decision notice, general-exception notice
// and agenda deadlines before the meeting (or the day it was decided), the
// end of call-in and the day it can take effect; for a planning
// application, the end of consultation and the date it should be decided
// by; for a budget, the last day to set council tax.
func (d *Decision) Deadlines(c *Council) []Deadline {
	var out []Deadline
	add := func(id, label string, date calendar.Date, st StageID, basis string) {
		if !date.IsZero() {
			out = append(out, Deadline{ID: id, Label: label, Date: date, Stage: st, Basis: basis})
		}
	}
	counting := " (" + string(c.Counting()) + " days)"
	switch d.journey() {
	case JourneyDecision:
		meeting := d.MeetingDate
		if meeting.IsZero() {
			meeting, _ = d.last(StageDecided)
		}
		if !meeting.IsZero() {
			dl := c.MeetingDeadlines(meeting, calendar.Date{})
			if d.KeyDecision {
				add("key_decision_notice_by", "Notice of the key decision published by", dl.KeyDecisionNoticeBy, StageNoticePublished,
					strconv.Itoa(c.KeyNoticeDays())+" clear days"+counting+"; "+basisAccessRegs+", reg 9")
				if d.has(StageGeneralException) {
					add("general_exception_notice_by", "Short notice (general exception) given by", dl.GeneralExceptionNoticeBy, StageGeneralException,
						strconv.Itoa(c.GeneralExceptionDays())+" clear days"+counting+"; "+basisAccessRegs+", reg 10")
				}
			}
			if d.DecisionMakerKind != DecisionMakerOfficer && d.DecisionMakerKind != DecisionMakerCabinetMember {
				add("agenda_publish_by", "Agenda and report published by", dl.AgendaPublishBy, StageAgendaPublished,
					strconv.Itoa(c.AgendaDays())+" clear days"+counting+"; Local Government Act 1972 s100B")
			}
			add("meeting", "Decision meeting", meeting, StageDecided, "")
		}
		if pub, ok := d.last(StageDecisionPublished); ok {
			if d.SubjectToCallIn {
				end := c.AddWorkingDays(pub, c.CallInDays())
				add("call_in_ends", "Call-in period ends", end, StageCallIn,
					strconv.Itoa(c.CallInDays())+" working days after publication; the council's constitution")
				if eff, ok := d.last(StageInEffect); ok {
					add("in_effect_from", "In effect from", eff, StageInEffect, "")
				} else if !d.has(StageReferredBack) && !d.has(StageReferredToCouncil) {
					eff, basis := c.AddWorkingDays(end, 1), "the working day after call-in ends"
					if d.EffectiveFrom.After(eff) {
						eff, basis = d.EffectiveFrom, "the date the decision gives"
					}
					add("in_effect_from", "In effect from, if not called in", eff, StageInEffect, basis)
				}
			} else {
				eff, ok := d.last(StageInEffect)
				if !ok {
					eff = pub
					if d.EffectiveFrom.After(pub) {
						eff = d.EffectiveFrom
					}
				}
				add("in_effect_from", "In effect from", eff, StageInEffect, "not subject to call-in")
			}
		}
	case JourneyPlanning:
		if start, ok := d.last(StagePlanningConsultation); ok {
			// 21 days beginning with the day the notice went up.
			add("comments_by", "Comments on the application by", start.AddDays(20), StagePlanningConsultation, basisDMPO+", art 15")
		}
		if rec, ok := d.last(StagePlanningReceived); ok {
			weeks := 8
			if d.MajorDevelopment {
				weeks = 13
			}
			// The period begins the day after the application is received.
			add("determine_by", "Application to be decided by", rec.AddDays(7*weeks), StagePlanningDetermined,
				strconv.Itoa(weeks)+" weeks; "+basisDMPO+", art 34")
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
				"before 11 March; Local Government Finance Act 1992 s30(6)")
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
// decision's value and the number of wards it names. A decision recorded
// as not key that meets the test may lack the 28 days' notice it needs.
//
// A ward list of "All Wards" (ModernGov's phrase for a borough-wide
// decision) means every ward: the council's own ward count when its
// profile lists its wards, and in any case at least the ward threshold.
func (d *Decision) MeetsKeyDecisionTest(c *Council) bool {
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

// MarshalJSON writes each ward as a string (its name, or its code when it
// has no name) when it has only one of the two, so that a decision read
// from the string form writes back unchanged, and as an area object
// otherwise.
func (ws Wards) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(',')
		}
		var v any = w
		switch {
		case w.OCDID != "" || w.ParentID != "" || !w.ValidFrom.IsZero() || !w.ValidUntil.IsZero() || w.GSS != "" || w.Classification != "" && w.Classification != "ward":
		case w.ID == "":
			v = w.Name
		case w.Name == "":
			v = w.ID
		}
		e, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(e)
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

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

// wardFromJSON reads a ward given as a JSON string or area object.
func wardFromJSON(raw json.RawMessage) (civic.Area, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return civic.Area{}, err
		}
		if strings.TrimSpace(s) == "" {
			return civic.Area{}, errors.New("empty ward name")
		}
		return wardFromString(s), nil
	}
	if len(raw) == 0 || raw[0] != '{' {
		return civic.Area{}, errors.New("want a ward name, a GSS code or an area object")
	}
	var a civic.Area
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return civic.Area{}, errors.New("want an area object with id and name")
	}
	if a.ID == "" && a.Name == "" {
		return civic.Area{}, errors.New("a ward needs an id or a name")
	}
	if a.Classification == "" {
		a.Classification = "ward"
	}
	return a, nil
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
