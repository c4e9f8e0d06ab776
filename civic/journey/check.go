package journey

import (
	"strconv"

	"github.com/civickit/civickit/civic/calendar"
)

// CheckStatus is the outcome of one check of a decision's dates.
type CheckStatus string

// The outcomes.
const (
	CheckMet         CheckStatus = "met"          // done on or before the deadline
	CheckMissed      CheckStatus = "missed"       // done after the deadline, or not done by a deadline that has passed
	CheckNotRecorded CheckStatus = "not-recorded" // the history does not say when it was done
	CheckPending     CheckStatus = "pending"      // not done yet, and the deadline has not passed
)

// MarshalText returns the status's name.
func (s CheckStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

// Check is one deadline checked against the date a council actually did
// the thing: met, or missed and by how many days.
type Check struct {
	ID    string        `json:"id"`    // the deadline's id, such as agenda_publish_by
	Label string        `json:"label"` // what had to be done
	Due   calendar.Date `json:"due,omitzero" jsonschema:"type=string,format=date"`
	// Done is the day it was done, from the history; zero when not
	// recorded.
	Done   calendar.Date `json:"done,omitzero" jsonschema:"type=string,format=date"`
	Status CheckStatus   `json:"status" jsonschema:"enum=met,enum=missed,enum=not-recorded,enum=pending"`
	// DaysLate counts calendar days from the deadline to the day it was
	// done (or to AsOf when it is still not done); 0 when met.
	DaysLate int `json:"days_late,omitempty"`
	// Statutory is true when the law sets the deadline (a missed one is a
	// breach), false when the council's constitution does.
	Statutory bool   `json:"statutory,omitempty"`
	Basis     string `json:"basis,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Check compares the decision's recorded dates with its deadlines under
// council c: the key-decision or general-exception notice, the notices
// of a private meeting, the agenda, the decision record, a call-in lodged
// within the period, and a decision carried out before call-in ended. A
// decision that meets the key-decision test but was not treated as key is
// reported too: scrutiny may require a report to full council on it (SI
// 2012/2089 reg 18). asOf is the day of the check (zero: do not judge
// what the history does not record).
//
// A notice 14 days late is reported as missed by 14 days, not as done.
func (d *Decision) Check(c *Council, asOf calendar.Date) []Check {
	var out []Check
	if d.journey() != JourneyDecision {
		return nil
	}
	dls := map[string]Deadline{}
	for _, dl := range d.Deadlines(c) {
		dls[dl.ID] = dl
	}
	judge := func(id, label string, due, done calendar.Date, statutory bool, basis string) {
		if due.IsZero() {
			return
		}
		ch := Check{ID: id, Label: label, Due: due, Done: done, Statutory: statutory, Basis: basis}
		switch {
		case !done.IsZero() && done.After(due):
			ch.Status, ch.DaysLate = CheckMissed, due.DaysUntil(done)
		case !done.IsZero():
			ch.Status = CheckMet
		case asOf.IsZero():
			ch.Status = CheckNotRecorded
		case asOf.After(due):
			ch.Status, ch.DaysLate = CheckMissed, due.DaysUntil(asOf)
			ch.Note = "not recorded as done by " + asOf.Long()
		default:
			ch.Status = CheckPending
		}
		out = append(out, ch)
	}
	when := func(id StageID) calendar.Date { v, _ := d.last(id); return v }
	if dl, ok := dls["key_decision_notice_by"]; ok {
		switch {
		case d.has(StageSpecialUrgency):
			// Special urgency (reg 11) dispenses with both notices.
		case d.has(StageGeneralException):
			if ge, ok := dls["general_exception_notice_by"]; ok {
				judge(ge.ID, ge.Label, ge.Date, when(StageGeneralException), true, ge.Basis)
			}
		default:
			judge(dl.ID, dl.Label, dl.Date, when(StageNoticePublished), true, dl.Basis)
		}
	}
	if dl, ok := dls["private_notice_by"]; ok {
		judge(dl.ID, dl.Label, dl.Date, d.PrivateNoticePublished, true, dl.Basis)
	}
	if dl, ok := dls["private_final_notice_by"]; ok {
		judge(dl.ID, dl.Label, dl.Date, d.PrivateFinalNoticePublished, true, dl.Basis)
	}
	if dl, ok := dls["agenda_publish_by"]; ok && !d.has(StageUrgentItem) {
		judge(dl.ID, dl.Label, dl.Date, when(StageAgendaPublished), true, dl.Basis)
	}
	if decided, ok := d.last(StageDecided); ok {
		if due := c.after(PeriodDecisionRecord, decided); !due.IsZero() {
			p, _, _ := c.Period(PeriodDecisionRecord)
			judge("decision_record_by", "Decision published by", due, when(StageDecisionPublished), false,
				periodText(p, false)+" after the decision (the council's rule; the law says as soon as reasonably practicable); "+d.Basis(c, StageDecisionPublished))
		}
	}
	if dl, ok := dls["call_in_ends"]; ok {
		if lodged, ok := d.last(StageCallInLodged); ok {
			ch := Check{ID: "call_in_lodged_by", Label: "Call-in lodged by", Due: dl.Date, Done: lodged, Status: CheckMet, Basis: dl.Basis}
			if lodged.After(dl.Date) {
				ch.Status, ch.DaysLate = CheckMissed, dl.Date.DaysUntil(lodged)
				ch.Note = "a call-in lodged after the period ends is out of time"
			}
			out = append(out, ch)
		}
		if eff, ok := d.last(StageInEffect); ok && !eff.After(dl.Date) && !d.has(StageCallInLodged) && !d.has(StageReferredBack) && !d.has(StageReferredToCouncil) {
			out = append(out, Check{ID: "not_before_call_in_ends", Label: "Not carried out before call-in ends", Due: dl.Date.AddDays(1),
				Done: eff, Status: CheckMissed, DaysLate: eff.DaysUntil(dl.Date) + 1, Basis: dl.Basis,
				Note: "in effect " + strconv.Itoa(eff.DaysUntil(dl.Date)+1) + " days before the call-in period had ended"})
		}
	}
	if !d.KeyDecision && d.MeetsKeyDecisionTest(c) {
		out = append(out, Check{ID: "key_decision_test", Label: "Treated as a key decision", Status: CheckMissed, Statutory: true,
			Basis: srcExecEngland + ", regs 8 and 18",
			Note:  "meets the council's key-decision test but was not treated as key; the scrutiny committee may require a report to full council (reg 18)"})
	}
	return out
}

// Missed reports whether any statutory check was missed.
func Missed(checks []Check) bool {
	for _, ch := range checks {
		if ch.Status == CheckMissed && ch.Statutory {
			return true
		}
	}
	return false
}
