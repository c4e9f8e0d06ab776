package journey

import (
	"errors"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/dominikbraun/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantEdges is the specification of every legal transition, written out
// independently of journeyEdges: the executive decision route of SI
// 2012/2089 regs 9-11 and LGA 2000 s9F, the planning route of SI 2015/595
// and the budget route of LGFA 1992 s30.
var wantEdges = []string{
	"proposal>consultation", "proposal>notice-published", "proposal>general-exception", "proposal>special-urgency",
	"proposal>agenda-published", "proposal>decided", "proposal>withdrawn",
	"proposal>pre-decision-scrutiny", "proposal>urgent-item",
	"consultation>notice-published", "consultation>general-exception", "consultation>special-urgency",
	"consultation>agenda-published", "consultation>decided", "consultation>withdrawn",
	"consultation>pre-decision-scrutiny", "consultation>urgent-item",
	// s100B(4)(b): an urgent item goes straight to the decision.
	"urgent-item>decided", "urgent-item>withdrawn",
	"notice-published>pre-decision-scrutiny", "notice-published>agenda-published", "notice-published>decided", "notice-published>withdrawn",
	"general-exception>agenda-published", "general-exception>decided", "general-exception>withdrawn",
	"general-exception>pre-decision-scrutiny",
	"special-urgency>agenda-published", "special-urgency>decided", "special-urgency>withdrawn",
	"pre-decision-scrutiny>agenda-published", "pre-decision-scrutiny>decided", "pre-decision-scrutiny>withdrawn",
	"agenda-published>decided", "agenda-published>withdrawn", "agenda-published>deferred",
	"deferred>decided", "deferred>withdrawn",
	"decided>decision-published",
	"decision-published>call-in", "decision-published>in-effect",
	"call-in>referred-back", "call-in>referred-to-council", "call-in>in-effect", "call-in>call-in-lodged",
	"call-in-lodged>referred-back", "call-in-lodged>referred-to-council", "call-in-lodged>in-effect",
	"referred-to-council>referred-back", "referred-to-council>in-effect",
	"referred-back>reconsidered",
	"reconsidered>in-effect", "reconsidered>withdrawn",
	"in-effect>monitoring",
	"planning-received>planning-consultation",
	"planning-consultation>planning-committee", "planning-consultation>planning-delegated",
	"planning-consultation>planning-non-determination-appeal",
	"planning-committee>planning-determined", "planning-delegated>planning-determined",
	"planning-determined>planning-appeal",
	"budget-proposals>budget-consultation", "budget-proposals>budget-scrutiny", "budget-proposals>budget-recommended",
	"budget-consultation>budget-scrutiny", "budget-consultation>budget-recommended",
	"budget-scrutiny>budget-recommended",
	"budget-recommended>council-tax-set",
	"budget-recommended>budget-objection", "budget-objection>budget-reconsidered", "budget-reconsidered>council-tax-set",
	"council-tax-set>in-effect",
}

func TestStageGraphEdges(t *testing.T) {
	g, err := Graph()
	require.NoError(t, err)
	edges, err := g.Edges()
	require.NoError(t, err)
	var got []string
	for _, e := range edges {
		got = append(got, string(e.Source)+">"+string(e.Target))
	}
	assert.ElementsMatch(t, wantEdges, got)
	n, err := g.Order()
	require.NoError(t, err)
	assert.Equal(t, len(journeyStages), n)

	// Every edge, one by one: legal for CanTransition and Advance.
	for _, e := range wantEdges {
		from, to, _ := strings.Cut(e, ">")
		t.Run(e, func(t *testing.T) {
			assert.True(t, CanTransition(StageID(from), StageID(to)))
			var dec Decision
			require.NoError(t, dec.Advance(StageID(from), d("2026-01-05"), ""))
			require.NoError(t, dec.Advance(StageID(to), d("2026-01-06"), ""))
		})
	}

	// The graph is a DAG: it sorts topologically, and adding any edge back
	// from a stage to one before it is refused.
	order, err := graph.TopologicalSort(g)
	require.NoError(t, err)
	assert.Len(t, order, n)
	err = g.AddEdge(StageMonitoring, StageProposal)
	assert.Error(t, err)
}

// TestIllegalTransitions tries every pair of stages that is not an edge:
// each must fail, with an error naming both stages.
func TestIllegalTransitions(t *testing.T) {
	legal := map[string]bool{}
	for _, e := range wantEdges {
		legal[e] = true
	}
	n := 0
	for _, a := range journeyStages {
		for _, b := range journeyStages {
			if legal[string(a.ID)+">"+string(b.ID)] {
				continue
			}
			n++
			assert.False(t, CanTransition(a.ID, b.ID))
			dec := Decision{History: []StageEvent{{Stage: a.ID, Date: d("2026-01-05")}}}
			err := dec.Advance(b.ID, d("2026-01-06"), "")
			var je *TransitionError
			require.ErrorAs(t, err, &je, "%s -> %s", a.ID, b.ID)
			assert.Equal(t, a.ID, je.From)
			assert.Equal(t, b.ID, je.To)
			assert.Contains(t, err.Error(), `"`+string(a.ID)+`"`)
			assert.Contains(t, err.Error(), `"`+string(b.ID)+`"`)
			assert.Len(t, dec.History, 1, "history unchanged")
		}
	}
	assert.Equal(t, len(journeyStages)*len(journeyStages)-len(wantEdges), n)
}

func TestStageTable(t *testing.T) {
	seen := map[StageID]bool{}
	for _, s := range Stages() {
		t.Run(string(s.ID), func(t *testing.T) {
			assert.False(t, seen[s.ID], "duplicate")
			seen[s.ID] = true
			for _, r := range s.ID {
				assert.True(t, r >= 'a' && r <= 'z' || r == '-', "kebab-case id")
			}
			assert.NotEmpty(t, s.Title)
			assert.NotEmpty(t, s.Description)
			assert.NotEmpty(t, s.HaveYourSay)
			assert.Contains(t, []Kind{JourneyDecision, JourneyPlanning, JourneyBudget}, s.Journey)
			got, ok := StageFor(s.ID)
			assert.True(t, ok)
			assert.Equal(t, s, got)
			assert.Equal(t, len(journeyEdges[s.ID]) == 0, s.Terminal || s.ID == StagePlanningAppeal || s.ID == StageMonitoring, "terminal iff no successors")
		})
	}
	// The statutory bases the standards checks cite.
	for id, want := range map[StageID]string{
		StageNoticePublished:      "SI 2012/2089), reg 9",
		StageGeneralException:     "SI 2012/2089), reg 10",
		StageSpecialUrgency:       "SI 2012/2089), reg 11",
		StageAgendaPublished:      "Local Government Act 1972 s100B",
		StageCallIn:               "Local Government Act 2000 s9F",
		StagePlanningConsultation: "art 15",
		StageCouncilTaxSet:        "Local Government Finance Act 1992 s30(6)",
	} {
		s, _ := StageFor(id)
		assert.Contains(t, s.StatutoryBasis, want, id)
	}
	_, ok := StageFor("no-such-stage")
	assert.False(t, ok)
	assert.Nil(t, Transitions(StageMonitoring))
	assert.Equal(t, []StageID{StageDecisionPublished}, Transitions(StageDecided))
}

func TestAdvanceErrors(t *testing.T) {
	var dec Decision
	err := dec.Advance("not-a-stage", d("2026-01-01"), "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown stage "not-a-stage"`)
	require.Error(t, dec.Advance(StageProposal, calendar.Date{}, ""))
	require.NoError(t, dec.Advance(StageProposal, d("2026-01-10"), ""))
	err = dec.Advance(StageConsultation, d("2026-01-09"), "")
	var je *TransitionError
	require.ErrorAs(t, err, &je)
	assert.Contains(t, err.Error(), "before 2026-01-10")
	assert.True(t, errors.As(err, &je))
}
