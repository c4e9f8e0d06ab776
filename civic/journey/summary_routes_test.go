package journey

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// routes enumerates the paths a summary's steps describe: one stage of
// each group of "or" alternatives, and each optional or "and" step taken
// or left out.
func routes(steps []Step) [][]StageID {
	type group struct {
		alts     []StageID
		optional bool
	}
	var groups []group
	for _, st := range steps {
		switch {
		case st.Logic == "or" && len(groups) > 0:
			groups[len(groups)-1].alts = append(groups[len(groups)-1].alts, st.Stage)
		default:
			groups = append(groups, group{alts: []StageID{st.Stage}, optional: st.Optional || st.Logic == "and" || st.Status == StepSkipped})
		}
	}
	out := [][]StageID{nil}
	for _, g := range groups {
		var next [][]StageID
		for _, r := range out {
			if g.optional {
				next = append(next, r)
			}
			for _, a := range g.alts {
				next = append(next, append(append([]StageID(nil), r...), a))
			}
		}
		out = next
	}
	return out
}

func legalRoute(r []StageID) bool {
	for i := 1; i < len(r); i++ {
		if !CanTransition(r[i-1], r[i]) {
			return false
		}
	}
	return len(r) > 0
}

// TestSummaryRoutes: every step a summary shows lies on a route the stage
// graph allows (the summary used to show moves the graph forbids), for
// each sample decision and for decisions with every optional stage.
func TestSummaryRoutes(t *testing.T) {
	var decs []*Decision
	for _, name := range []string{"library-decision.json", "decided-decision.json", "planning-application.json", "budget.json", "millbrook-library-hours.json"} {
		decs = append(decs, loadDecision(t, name))
	}
	h := func(ids ...StageID) []StageEvent {
		var out []StageEvent
		for _, id := range ids {
			out = append(out, StageEvent{Stage: id, Date: d("2026-01-05")})
		}
		return out
	}
	decs = append(decs,
		&Decision{Title: "ge", KeyDecision: true, History: h(StageProposal, StageGeneralException, StagePreDecisionScrutiny, StageAgendaPublished, StageDeferred, StageDecided)},
		&Decision{Title: "su", KeyDecision: true, History: h(StageProposal, StageSpecialUrgency, StageDecided)},
		&Decision{Title: "urgent item", History: h(StageProposal, StageUrgentItem, StageDecided, StageDecisionPublished)},
		&Decision{Title: "called in", SubjectToCallIn: true, DecisionMakerKind: DecisionMakerCabinet,
			History: h(StageDecided, StageDecisionPublished, StageCallIn, StageCallInLodged, StageReferredToCouncil, StageReferredBack, StageReconsidered, StageInEffect)},
		&Decision{Title: "officer", DecisionMakerKind: DecisionMakerOfficer, History: h(StageProposal, StageDecided)},
		&Decision{Title: "budget loop", Journey: JourneyBudget, History: h(StageBudgetProposals, StageBudgetRecommended, StageBudgetObjection, StageBudgetReconsidered)},
		&Decision{Title: "non-determination", Journey: JourneyPlanning, History: h(StagePlanningReceived, StagePlanningConsultation, StagePlanningNonDetermination)},
		&Decision{Title: "withdrawn", History: h(StageProposal, StageWithdrawn)},
	)
	for _, dec := range decs {
		c := dec.CouncilFor()
		s := dec.Explain(&c)
		withdrawn := dec.has(StageWithdrawn)
		var legal [][]StageID
		for _, r := range routes(s.Steps) {
			if withdrawn {
				// A withdrawn decision's route ends early: keep the legal
				// prefixes that may move to withdrawn.
				for i := 1; i < len(r); i++ {
					if legalRoute(r[:i]) && CanTransition(r[i-1], StageWithdrawn) {
						legal = append(legal, r[:i])
					}
				}
				continue
			}
			if legalRoute(r) {
				legal = append(legal, r)
			}
		}
		for _, st := range s.Steps {
			if st.Stage == StageWithdrawn || st.Status == StepNotReached {
				continue
			}
			on := false
			for _, r := range legal {
				for _, id := range r {
					on = on || id == st.Stage
				}
			}
			assert.True(t, on, "%s: step %s is on no legal route", dec.Title, st.Stage)
		}
	}
}
