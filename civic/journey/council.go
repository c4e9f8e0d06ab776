package journey

import (
	"sort"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/internal/safe"
)

// Nation is the nation whose law governs a council's meetings.
type Nation string

// The nations with a profile. Scotland and Northern Ireland have their own
// law and calendars and are not modelled.
const (
	NationEngland Nation = "england"
	NationWales   Nation = "wales"
)

// ClearDayCounting says which days count towards a period of "clear days".
// Councils differ: some count every calendar day, some only working days.
type ClearDayCounting string

// The ways of counting clear days.
const (
	ClearDaysCalendar ClearDayCounting = "calendar" // every day counts
	ClearDaysWorking  ClearDayCounting = "working"  // weekends and bank holidays do not count
)

// ParseClearDayCounting reads "calendar" or "working".
func ParseClearDayCounting(s string) (ClearDayCounting, bool) {
	switch ClearDayCounting(s) {
	case ClearDaysCalendar, ClearDaysWorking:
		return ClearDayCounting(s), true
	}
	return "", false
}

// Governance is a council's form of governance under the Local
// Government Act 2000: executive arrangements (Part 1A in England, Part 2
// in Wales) with a leader and cabinet or an elected mayor, or the
// committee system (England: s9B, inserted by the Localism Act 2011).
type Governance string

// The forms of governance.
const (
	GovernanceLeaderCabinet Governance = "leader-cabinet"   // executive: leader and cabinet (the default)
	GovernanceMayorCabinet  Governance = "mayor-cabinet"    // executive: elected mayor and cabinet
	GovernanceCommittee     Governance = "committee-system" // no executive: decisions by council and committees
)

// MarshalText returns the governance's name.
func (g Governance) MarshalText() ([]byte, error) { return []byte(g), nil }

// UnmarshalText reads one of the forms of governance ("" means
// leader-cabinet).
func (g *Governance) UnmarshalText(b []byte) error {
	switch v := Governance(b); v {
	case "", GovernanceLeaderCabinet, GovernanceMayorCabinet, GovernanceCommittee:
		*g = v
		return nil
	}
	return &ProfileError{Name: string(b), Msg: "unknown governance (want leader-cabinet, mayor-cabinet or committee-system)"}
}

// Period is the length of one statutory or constitutional period and
// how its days are counted. A zero Days means the default for the
// period; an empty Counting means the period's default counting.
type Period struct {
	Days     int              `json:"days,omitempty" jsonschema:"minimum=0"`
	Counting ClearDayCounting `json:"counting,omitempty" jsonschema:"enum=calendar,enum=working"`
}

// CallInStart says from which day the call-in period runs.
type CallInStart string

// The starts of call-in.
const (
	CallInFromPublication CallInStart = "publication" // from the day the decision record is published (the default)
	CallInFromMeeting     CallInStart = "meeting"     // from the day of the meeting (or of an individual's decision)
)

// MarshalText returns the start's name.
func (s CallInStart) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText reads "publication" or "meeting" ("" means publication).
func (s *CallInStart) UnmarshalText(b []byte) error {
	switch v := CallInStart(b); v {
	case "", CallInFromPublication, CallInFromMeeting:
		*s = v
		return nil
	}
	return &ProfileError{Name: string(b), Msg: "unknown call-in start (want publication or meeting)"}
}

// Council is a council's profile: the parts of its constitution and
// calendar that set a decision's deadlines. Each period ([Period]) has a
// length and a way of counting its days; a zero field means the default
// the statute and case law give, listed in the package documentation's
// table of periods. The zero value is an English council with a leader
// and cabinet: agenda and general-exception notice 5 clear working days
// (R v Swansea City Council ex p Elitestone (1993) 66 P & CR 422),
// private-meeting notices 28 clear calendar days and 5 clear working
// days, the key-decision notice 28 clear calendar days, the decision
// record within 2 working days, a call-in of 5 working days from
// publication and a key decision at £500,000 or more or two wards.
type Council struct {
	ID     string `json:"id"`                                                    // stable lower-case profile name such as kirklees
	Name   string `json:"name"`                                                  // the council's name for citizens
	Nation Nation `json:"nation,omitempty" jsonschema:"enum=england,enum=wales"` // default england
	// Governance is the council's form of governance; "" means
	// leader-cabinet. A committee-system council has no key decisions,
	// private-meeting notices or call-in of executive decisions.
	Governance Governance `json:"governance,omitempty" jsonschema:"enum=leader-cabinet,enum=mayor-cabinet,enum=committee-system"`
	// ClearDays, when set, counts every clear-day period (agenda,
	// private-meeting notices, key-decision notice, general exception)
	// this way, over each period's own counting. "" leaves each period's.
	ClearDays ClearDayCounting `json:"clear_days,omitempty" jsonschema:"enum=calendar,enum=working"`
	// Agenda is the clear days between the agenda's publication and the
	// meeting: 5 working days in England, 3 in Wales.
	Agenda Period `json:"agenda,omitzero"`
	// PrivateNotice is the first notice of a private meeting (SI
	// 2012/2089 reg 5(2)): 28 clear calendar days.
	PrivateNotice Period `json:"private_notice,omitzero"`
	// PrivateFinalNotice is the further notice with the reasons and any
	// representations (reg 5(4)): 5 clear working days.
	PrivateFinalNotice Period `json:"private_final_notice,omitzero"`
	// KeyDecisionNotice is the notice of a key decision (reg 9): 28 clear
	// calendar days. England only.
	KeyDecisionNotice Period `json:"key_decision_notice,omitzero"`
	// GeneralException is the notice under general exception (reg 10): 5
	// clear working days.
	GeneralException Period `json:"general_exception,omitzero"`
	// DecisionRecord is the time within which the record of a decision is
	// published after it is made: 2 working days. The statute says "as
	// soon as reasonably practicable"; the number is the constitution's.
	DecisionRecord Period `json:"decision_record,omitzero"`
	// CallIn is the call-in period of an executive decision: 5 working
	// days (the constitution's; LGA 2000 s9F gives the power, not the
	// period).
	CallIn Period `json:"call_in,omitzero"`
	// CallInFrom is the day call-in runs from; "" means publication.
	CallInFrom CallInStart `json:"call_in_from,omitempty" jsonschema:"enum=publication,enum=meeting"`
	// KeyDecisionThresholdGBP is the spending or saving, in pounds, that
	// makes a decision key; 0 means £500,000.
	KeyDecisionThresholdGBP int64 `json:"key_decision_threshold_gbp,omitempty" jsonschema:"minimum=0"`
	// KeyDecisionOverThreshold makes the test "over the threshold"
	// (Kirklees: "over £500,000", so exactly £500,000 is not key) instead
	// of "the threshold or more".
	KeyDecisionOverThreshold bool `json:"key_decision_over_threshold,omitempty"`
	// KeyDecisionWards is the number of wards significantly affected that
	// makes a decision key; 0 means 2.
	KeyDecisionWards int `json:"key_decision_wards,omitempty" jsonschema:"minimum=0"`
	// Area is the council's own area as a Popolo area: ID its ONS GSS
	// code (E08000034 for Kirklees), Classification such as
	// "metropolitan district".
	Area civic.Area `json:"area,omitzero"`
	// Wards are the council's wards, as Popolo areas with GSS codes where
	// known. A decision that affects "All Wards" affects all of these.
	Wards []civic.Area `json:"wards,omitempty"`
	// Closures are the council's own non-working days on top of bank
	// holidays, such as a closure between Christmas and New Year.
	Closures []calendar.Date `json:"closures,omitempty"` // extra non-working days as YYYY-MM-DD
}

// PeriodID names one of a council's periods.
type PeriodID string

// The periods.
const (
	PeriodAgenda             PeriodID = "agenda"
	PeriodPrivateNotice      PeriodID = "private_notice"
	PeriodPrivateFinalNotice PeriodID = "private_final_notice"
	PeriodKeyDecisionNotice  PeriodID = "key_decision_notice"
	PeriodGeneralException   PeriodID = "general_exception"
	PeriodDecisionRecord     PeriodID = "decision_record"
	PeriodCallIn             PeriodID = "call_in"
)

// PeriodRule is one row of the table of periods: the default length and
// counting, the source, and whether the counting is contested.
type PeriodRule struct {
	ID       PeriodID         `json:"id"`
	Nation   Nation           `json:"nation"`
	Days     int              `json:"days"`
	Counting ClearDayCounting `json:"counting"`
	Clear    bool             `json:"clear"` // clear days: the day of publication and the day of the event do not count
	Source   string           `json:"source"`
	// Contested says why a default is open to argument, or is empty.
	Contested string `json:"contested,omitempty"`
}

// Statutory sources, cited in full once.
const (
	srcLGA1972     = "Local Government Act 1972"
	srcLGA2000     = "Local Government Act 2000"
	srcExecEngland = "The Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012 (SI 2012/2089)"
	srcExecWales   = "The Local Authorities (Executive Arrangements) (Decisions, Documents and Meetings) (Wales) Regulations 2001 (SI 2001/2290)"
	srcOpenness    = "The Openness of Local Government Bodies Regulations 2014 (SI 2014/2095)"
	srcElitestone  = "R v Swansea City Council ex p Elitestone Ltd (1993) 66 P & CR 422 (CA)"
	srcSch12A      = srcLGA1972 + " Sch 12A"
)

const (
	contestedCalendar = "the regulations do not define clear days; most councils count 28 calendar days for this notice, but Elitestone's reasoning (the public can inspect only on working days) would exclude weekends and bank holidays; set counting to working to follow it"
	contestedWorking  = "Elitestone concerned the agenda under s100B; applying it to this notice is the cautious reading, which some councils do not follow"
)

// periodRules is the table of periods: the defaults, by nation.
var periodRules = []PeriodRule{
	{ID: PeriodAgenda, Nation: NationEngland, Days: 5, Counting: ClearDaysWorking, Clear: true,
		Source: srcLGA1972 + " s100B(3) (five clear days in England since SI 2002/715) for council and committees; " + srcExecEngland + " regs 6(2) and 7 for the executive; clear days without weekends and bank holidays: " + srcElitestone},
	{ID: PeriodPrivateNotice, Nation: NationEngland, Days: 28, Counting: ClearDaysCalendar, Clear: true,
		Source: srcExecEngland + " reg 5(2) and (3); the reason is a paragraph of " + srcSch12A, Contested: contestedCalendar},
	{ID: PeriodPrivateFinalNotice, Nation: NationEngland, Days: 5, Counting: ClearDaysWorking, Clear: true,
		Source: srcExecEngland + " reg 5(4) and (5)", Contested: contestedWorking},
	{ID: PeriodKeyDecisionNotice, Nation: NationEngland, Days: 28, Counting: ClearDaysCalendar, Clear: true,
		Source: srcExecEngland + " reg 9(1)", Contested: contestedCalendar},
	{ID: PeriodGeneralException, Nation: NationEngland, Days: 5, Counting: ClearDaysWorking, Clear: true,
		Source: srcExecEngland + " reg 10(1)(c); " + srcElitestone, Contested: contestedWorking},
	{ID: PeriodDecisionRecord, Nation: NationEngland, Days: 2, Counting: ClearDaysWorking,
		Source: "\"as soon as reasonably practicable\": " + srcExecEngland + " regs 12 and 13 (executive); " + srcLGA1972 + " s100C (minutes of council and committees); " + srcOpenness + " reg 7 (officers); 2 working days is the constitution's"},
	{ID: PeriodCallIn, Nation: NationEngland, Days: 5, Counting: ClearDaysWorking,
		Source: srcLGA2000 + " s9F(2)(a) and (4) give the power; the period is the constitution's"},

	{ID: PeriodAgenda, Nation: NationWales, Days: 3, Counting: ClearDaysWorking, Clear: true,
		Source: srcLGA1972 + " s100B(3) (three clear days in Wales) for council and committees; " + srcExecWales + " reg 5(3) for the executive; " + srcElitestone},
	{ID: PeriodDecisionRecord, Nation: NationWales, Days: 2, Counting: ClearDaysWorking,
		Source: "\"as soon as is reasonably practicable\": " + srcExecWales + " regs 6 and 7 (executive); " + srcLGA1972 + " s100C (minutes); 2 working days is the constitution's"},
	{ID: PeriodCallIn, Nation: NationWales, Days: 5, Counting: ClearDaysWorking,
		Source: srcLGA2000 + " s21(2)(a) and (3) give the power; the period is the constitution's"},
}

// PeriodRules returns a copy of the table of periods and their sources.
// Wales has no key-decision, general-exception or private-meeting
// notice periods: SI 2001/2290 has no counterpart of regs 5 and 9 to 11 of
// SI 2012/2089.
func PeriodRules() []PeriodRule { return append([]PeriodRule(nil), periodRules...) }

func (c *Council) nation() Nation {
	if c.Nation == NationWales {
		return NationWales
	}
	return NationEngland
}

// Executive reports whether the council has executive arrangements.
func (c *Council) Executive() bool { return c.Governance != GovernanceCommittee }

// rule returns the default row for period id in the council's nation.
func (c *Council) rule(id PeriodID) (PeriodRule, bool) {
	for _, r := range periodRules {
		if r.ID == id && r.Nation == c.nation() {
			return r, true
		}
	}
	return PeriodRule{}, false
}

// field returns the council's own setting for period id.
func (c *Council) field(id PeriodID) Period {
	switch id {
	case PeriodAgenda:
		return c.Agenda
	case PeriodPrivateNotice:
		return c.PrivateNotice
	case PeriodPrivateFinalNotice:
		return c.PrivateFinalNotice
	case PeriodKeyDecisionNotice:
		return c.KeyDecisionNotice
	case PeriodGeneralException:
		return c.GeneralException
	case PeriodDecisionRecord:
		return c.DecisionRecord
	case PeriodCallIn:
		return c.CallIn
	}
	return Period{}
}

// Period returns period id as it applies to the council: its length and
// counting after defaults, the rule behind it, and false when the period
// does not apply (a key-decision notice in Wales or under the committee
// system, call-in under the committee system).
func (c *Council) Period(id PeriodID) (Period, PeriodRule, bool) {
	r, ok := c.rule(id)
	if !ok {
		return Period{}, PeriodRule{}, false
	}
	if !c.Executive() {
		switch id {
		case PeriodPrivateNotice, PeriodPrivateFinalNotice, PeriodKeyDecisionNotice, PeriodGeneralException, PeriodCallIn:
			return Period{}, PeriodRule{}, false
		}
	}
	p := c.field(id)
	if p.Days <= 0 {
		p.Days = r.Days
	}
	if p.Counting == "" {
		p.Counting = r.Counting
	}
	if r.Clear && c.ClearDays != "" {
		p.Counting = c.ClearDays
	}
	return p, r, true
}

// days returns the length of period id, or 0 when it does not apply.
func (c *Council) days(id PeriodID) int {
	p, _, ok := c.Period(id)
	if !ok {
		return 0
	}
	return p.Days
}

// before returns the last day to publish for n clear days of period id
// before event, or the zero date when the period does not apply.
func (c *Council) before(id PeriodID, event calendar.Date) calendar.Date {
	p, _, ok := c.Period(id)
	if !ok || event.IsZero() {
		return calendar.Date{}
	}
	return c.clearDaysBefore(event, p.Days, p.Counting)
}

// after returns the last day of period id counted from start, or the zero
// date when it does not apply.
func (c *Council) after(id PeriodID, start calendar.Date) calendar.Date {
	p, _, ok := c.Period(id)
	if !ok || start.IsZero() {
		return calendar.Date{}
	}
	if p.Counting == ClearDaysCalendar {
		return start.AddDays(p.Days)
	}
	return c.AddWorkingDays(start, p.Days)
}

// The built-in profiles, by ID.
var councilProfiles = map[string]Council{
	"england": {ID: "england", Name: "England (default)", Nation: NationEngland},
	"england-mayor": {ID: "england-mayor", Name: "England, elected mayor and cabinet", Nation: NationEngland,
		Governance: GovernanceMayorCabinet},
	"england-committee": {ID: "england-committee", Name: "England, committee system", Nation: NationEngland,
		Governance: GovernanceCommittee},
	"wales": {ID: "wales", Name: "Wales (default)", Nation: NationWales},
	// Kirklees Council (metropolitan district, GSS E08000034): a key
	// decision is one "over £500,000" or with a significant effect in two
	// or more wards. Call-in runs for 5 working days from the date of the
	// meeting: "Implementation of decision delayed for 5 working days after
	// the date of the meeting" (Kirklees Overview and Scrutiny, "Call-in:
	// guide for members of the public"). Confirm both against the
	// Overview and Scrutiny Procedure Rules of the current constitution.
	"kirklees": {ID: "kirklees", Name: "Kirklees Council", Nation: NationEngland,
		KeyDecisionThresholdGBP: 500000, KeyDecisionOverThreshold: true, KeyDecisionWards: 2,
		CallIn: Period{Days: 5, Counting: ClearDaysWorking}, CallInFrom: CallInFromMeeting,
		Area: civic.Area{ID: "E08000034", Name: "Kirklees", Classification: "metropolitan district"}},
}

// Organization returns the council as a Popolo organisation
// ([civic.Organization]) with classification "council" and its area.
func (c *Council) Organization() civic.Organization {
	return civic.Organization{ID: c.ID, Name: c.Name, Classification: "council", AreaID: c.Area.ID}
}

// Profile returns a copy of the built-in profile with the given
// name (case-insensitive): "england" (the default, also for ""),
// "england-mayor", "england-committee", "wales" or "kirklees".
func Profile(name string) (Council, error) {
	if name == "" {
		name = "england"
	}
	c, ok := councilProfiles[strings.ToLower(name)]
	if !ok {
		return Council{}, &ProfileError{Name: name, Known: ProfileNames()}
	}
	return c, nil
}

// ProfileNames lists the built-in profiles in name order.
func ProfileNames() []string {
	ns := make([]string, 0, len(councilProfiles))
	for n := range councilProfiles {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// ProfileError reports an unknown profile name or a bad value in a
// profile.
type ProfileError struct {
	Name  string   `json:"name"`
	Known []string `json:"known,omitempty"`
	Msg   string   `json:"msg,omitempty"` // what is wrong, when it is not an unknown name
}

// Error returns "journey: unknown council profile ..." or the message.
func (e *ProfileError) Error() string {
	if e.Msg != "" {
		return "journey: " + safe.Quote(e.Name) + ": " + e.Msg
	}
	return "journey: unknown council profile " + safe.Quote(e.Name) + " (known: " + strings.Join(e.Known, ", ") + ")"
}

func orDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

// AgendaDays returns the clear days of agenda notice in force.
func (c *Council) AgendaDays() int { return c.days(PeriodAgenda) }

// KeyNoticeDays returns the clear days of key-decision notice in force,
// or 0 where there is none (Wales, the committee system).
func (c *Council) KeyNoticeDays() int { return c.days(PeriodKeyDecisionNotice) }

// GeneralExceptionDays returns the clear days of general-exception notice
// in force, or 0 where there is none.
func (c *Council) GeneralExceptionDays() int { return c.days(PeriodGeneralException) }

// CallInDays returns the call-in period in force, or 0 where there is no
// call-in (the committee system).
func (c *Council) CallInDays() int { return c.days(PeriodCallIn) }

// Counting returns the counting of the agenda's clear days, which
// [Council.ClearDaysBefore] and [Council.ClearDaysBetween] use: working
// days unless the profile says otherwise.
func (c *Council) Counting() ClearDayCounting {
	p, _, _ := c.Period(PeriodAgenda)
	if p.Counting == ClearDaysCalendar {
		return ClearDaysCalendar
	}
	return ClearDaysWorking
}

// IsKeyDecision applies the council's key-decision test (SI 2012/2089
// reg 8; the amount is the council's): spending or saving of the
// threshold or more, or over it when KeyDecisionOverThreshold is set, or
// a significant effect in at least the threshold number of wards. It is
// always false where there are no key decisions (Wales, the committee
// system).
func (c *Council) IsKeyDecision(valueGBP int64, wardsAffected int) bool {
	if c.nation() == NationWales || !c.Executive() {
		return false
	}
	th := c.KeyDecisionThresholdGBP
	if th <= 0 {
		th = 500000
	}
	money := valueGBP >= th
	if c.KeyDecisionOverThreshold {
		money = valueGBP > th
	}
	return money || wardsAffected >= c.keyWards()
}

func (c *Council) keyWards() int { return orDefault(c.KeyDecisionWards, 2) }

// Calendar returns the council's working-day calendar: weekends, England
// and Wales bank holidays and the council's closures are not working days.
func (c *Council) Calendar() calendar.Calendar {
	return calendar.Calendar{Closures: c.Closures}
}

// IsWorkingDay reports whether d is a working day for the council: not a
// weekend, a bank holiday in England and Wales, or one of its closures.
func (c *Council) IsWorkingDay(d calendar.Date) bool { return c.Calendar().IsWorkingDay(d) }

// AddWorkingDays returns the n-th working day after d (before d when
// n < 0); d itself never counts. AddWorkingDays(d, 0) is d.
func (c *Council) AddWorkingDays(d calendar.Date, n int) calendar.Date {
	return c.Calendar().AddWorkingDays(d, n)
}

// WorkingDaysBetween counts the working days strictly between a and b
// (0 when b is not after a).
func (c *Council) WorkingDaysBetween(a, b calendar.Date) int {
	return c.Calendar().WorkingDaysBetween(a, b)
}

// ClearDaysBetween counts the clear days between a and b under the
// council's counting: days strictly after a and strictly before b.
func (c *Council) ClearDaysBetween(a, b calendar.Date) int {
	return c.clearDaysBetween(a, b, c.Counting())
}

func (c *Council) clearDaysBetween(a, b calendar.Date, counting ClearDayCounting) int {
	if counting == ClearDaysWorking {
		return c.WorkingDaysBetween(a, b)
	}
	if n := a.DaysUntil(b) - 1; n > 0 {
		return n
	}
	return 0
}

// ClearDaysBefore returns the latest date on which something must be
// published to give n clear days before event: the day of publication and
// the day of the event do not count. Under working-day counting only
// working days count and the date returned is itself a working day, as
// the council must publish on one.
func (c *Council) ClearDaysBefore(event calendar.Date, n int) calendar.Date {
	return c.clearDaysBefore(event, n, c.Counting())
}

func (c *Council) clearDaysBefore(event calendar.Date, n int, counting ClearDayCounting) calendar.Date {
	if counting == ClearDaysCalendar {
		return event.AddDays(-(n + 1))
	}
	// The n-th working day before the event is the first clear day; the
	// publication is on a working day before that.
	first := c.AddWorkingDays(event, -n)
	return c.AddWorkingDays(first, -1)
}
