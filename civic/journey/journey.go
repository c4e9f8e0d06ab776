package journey

import (
	"strings"
	"sync"

	"github.com/dominikbraun/graph"
)

// StageID names a stage of a decision's journey. IDs are stable kebab-case
// strings that content, widgets and the standards checks refer to.
type StageID string

// The stages of the main decision journey.
const (
	StageProposal            StageID = "proposal"
	StageConsultation        StageID = "consultation"
	StageNoticePublished     StageID = "notice-published"
	StageGeneralException    StageID = "general-exception"
	StageSpecialUrgency      StageID = "special-urgency"
	StagePreDecisionScrutiny StageID = "pre-decision-scrutiny"
	StageAgendaPublished     StageID = "agenda-published"
	StageDecided             StageID = "decided"
	StageDecisionPublished   StageID = "decision-published"
	StageUrgentItem          StageID = "urgent-item"
	StageDeferred            StageID = "deferred"
	StageCallIn              StageID = "call-in"
	StageCallInLodged        StageID = "call-in-lodged"
	StageReferredBack        StageID = "referred-back"
	StageReferredToCouncil   StageID = "referred-to-council"
	StageReconsidered        StageID = "reconsidered"
	StageInEffect            StageID = "in-effect"
	StageMonitoring          StageID = "monitoring"
	StageWithdrawn           StageID = "withdrawn"
)

// The stages of the planning-application side journey.
const (
	StagePlanningReceived         StageID = "planning-received"
	StagePlanningConsultation     StageID = "planning-consultation"
	StagePlanningCommittee        StageID = "planning-committee"
	StagePlanningDelegated        StageID = "planning-delegated"
	StagePlanningDetermined       StageID = "planning-determined"
	StagePlanningAppeal           StageID = "planning-appeal"
	StagePlanningNonDetermination StageID = "planning-non-determination-appeal"
)

// The stages of the annual budget side journey.
const (
	StageBudgetProposals    StageID = "budget-proposals"
	StageBudgetConsultation StageID = "budget-consultation"
	StageBudgetScrutiny     StageID = "budget-scrutiny"
	StageBudgetRecommended  StageID = "budget-recommended"
	StageBudgetObjection    StageID = "budget-objection"
	StageBudgetReconsidered StageID = "budget-reconsidered"
	StageCouncilTaxSet      StageID = "council-tax-set"
)

// Kind says which journey a stage or decision belongs to.
type Kind string

// The journeys.
const (
	JourneyDecision Kind = "decision" // an executive or council decision
	JourneyPlanning Kind = "planning" // a planning application
	JourneyBudget   Kind = "budget"   // the annual budget and council tax
)

// Statutory bases cited by the stages. The stage table cites the law of
// an English council with executive arrangements; a decision's summary
// and deadlines cite the law that applies to its council and decision
// maker (see [Decision.Basis]).
const (
	basisAccessRegs     = srcExecEngland
	basisDMPO           = "The Town and Country Planning (Development Management Procedure) (England) Order 2015 (SI 2015/595)"
	basisStandingOrders = "The Local Authorities (Standing Orders) (England) Regulations 2001 (SI 2001/3384)"
)

// Stage is one stage of a journey, in the words a citizen reads.
type Stage struct {
	ID          StageID `json:"id"` // stable kebab-case stage id
	Journey     Kind    `json:"journey" jsonschema:"enum=decision,enum=planning,enum=budget"`
	Title       string  `json:"title"`         // citizen-facing title
	Description string  `json:"description"`   // what happens at this stage in plain English
	HaveYourSay string  `json:"have_your_say"` // how a citizen can take part at this stage
	// StatutoryBasis names the act or regulation and its section, or is
	// empty where the stage rests on the council's constitution alone.
	StatutoryBasis string `json:"statutory_basis,omitempty"`
	Optional       bool   `json:"optional,omitempty"` // true when a decision may pass this stage by
	Terminal       bool   `json:"terminal,omitempty"` // true when the journey ends here
}

// journeyStages is the stage table in journey order.
var journeyStages = []Stage{
	{ID: StageProposal, Journey: JourneyDecision, Title: "Proposal",
		Description: "Council officers or councillors are working up a proposal. Options are still open.",
		HaveYourSay: "Contact your ward councillor or the service named on the proposal. This is when ideas and evidence have most influence."},
	{ID: StageConsultation, Journey: JourneyDecision, Optional: true, Title: "Consultation",
		Description:    "The council asks residents, businesses and groups what they think of the proposal before deciding.",
		HaveYourSay:    "Answer the consultation before it closes, online, by email or at a drop-in event. Responses are reported to the decision maker.",
		StatutoryBasis: "Duty to consult where an act requires it or by common law fairness (R v Brent LBC ex p Gunning, 1985); Local Government Act 1999 s3(2) (best value)"},
	{ID: StageNoticePublished, Journey: JourneyDecision, Title: "Notice of the decision published",
		Description:    "The council publishes notice that the decision will be made, normally in its forward plan of key decisions, at least 28 clear days before.",
		HaveYourSay:    "Read the notice and the documents listed in it. Write to the decision maker or ask a scrutiny councillor to look at it.",
		StatutoryBasis: basisAccessRegs + ", reg 9 (England; executive decisions only)"},
	{ID: StageGeneralException, Journey: JourneyDecision, Title: "Short notice (general exception)",
		Description:    "There was not time for 28 days' notice. The chair of scrutiny and the public have been told, and the decision cannot be made until 5 clear days have passed.",
		HaveYourSay:    "Contact the chair of the scrutiny committee or your ward councillor straight away: the time to comment is short.",
		StatutoryBasis: basisAccessRegs + ", reg 10"},
	{ID: StageSpecialUrgency, Journey: JourneyDecision, Title: "Urgent decision (special urgency)",
		Description:    "The decision is so urgent it cannot wait even 5 days. The chair of scrutiny has agreed that it cannot reasonably be delayed.",
		HaveYourSay:    "Contact the chair of the scrutiny committee. The council must report urgent decisions to full council afterwards, so you can ask questions there.",
		StatutoryBasis: basisAccessRegs + ", reg 11"},
	{ID: StagePreDecisionScrutiny, Journey: JourneyDecision, Optional: true, Title: "Scrutiny before the decision",
		Description:    "A scrutiny committee of councillors who are not in the cabinet examines the proposal and may make recommendations.",
		HaveYourSay:    "Ask to speak or submit a question at the scrutiny meeting, or send evidence to the committee.",
		StatutoryBasis: "Local Government Act 2000 s9F"},
	{ID: StageAgendaPublished, Journey: JourneyDecision, Title: "Agenda and report published",
		Description:    "The agenda and the report the decision maker will read are published, at least 5 clear working days before the meeting in England and 3 in Wales.",
		HaveYourSay:    "Read the report. Register to ask a question or speak at the meeting, or send your views to the councillors on the committee.",
		StatutoryBasis: "Local Government Act 1972 s100B(3) (council and committees, 5 clear days in England since SI 2002/715 and 3 in Wales); " + basisAccessRegs + ", regs 6(2) and 7 (the executive); clear days are working days: " + srcElitestone},
	{ID: StageUrgentItem, Journey: JourneyDecision, Optional: true, Title: "Added to the agenda as urgent",
		Description:    "The item was not on the published agenda. The chair agreed it is urgent and the reasons are recorded in the minutes.",
		HaveYourSay:    "Contact your ward councillor or the chair of the meeting straight away: there was no advance notice.",
		StatutoryBasis: "Local Government Act 1972 s100B(4)(b)"},
	{ID: StageDeferred, Journey: JourneyDecision, Optional: true, Title: "Deferred to a later meeting",
		Description:    "The decision maker put off the decision to a later meeting.",
		HaveYourSay:    "Use the extra time: send your views to the councillors on the committee before the new meeting.",
		StatutoryBasis: ""},
	{ID: StageDecided, Journey: JourneyDecision, Title: "Decision made",
		Description: "The decision maker (full council, the cabinet, a cabinet member, a committee or an officer with delegated power) makes the decision.",
		HaveYourSay: "Watch the meeting in person or online. Public questions and deputations are taken at the start of many meetings."},
	{ID: StageDecisionPublished, Journey: JourneyDecision, Title: "Decision published",
		Description:    "A record of the decision, the reasons for it and the options rejected is published.",
		HaveYourSay:    "Read the decision notice. If you think it is wrong, contact a non-cabinet councillor who can ask for it to be called in.",
		StatutoryBasis: basisAccessRegs + ", reg 12 (executive at a meeting) and reg 13 (an executive member alone); Local Government Act 1972 s100C (minutes of council and committees); " + srcOpenness + ", reg 7 (officers)"},
	{ID: StageCallIn, Journey: JourneyDecision, Optional: true, Title: "Call-in period",
		Description:    "For a few working days councillors may call the decision in for scrutiny to look at again. If no one calls it in, or scrutiny takes no further action, it takes effect.",
		HaveYourSay:    "Ask a councillor to call the decision in before the period ends. Only councillors can call in a decision.",
		StatutoryBasis: "Local Government Act 2000 s9F(2)(a) and (4) (England; s21(2)(a) and (3) in Wales), and the council's constitution"},
	{ID: StageCallInLodged, Journey: JourneyDecision, Title: "Called in",
		Description:    "Councillors have called the decision in. It cannot be carried out until scrutiny has looked at it again.",
		HaveYourSay:    "Ask to speak at the call-in meeting or send evidence to the scrutiny committee.",
		StatutoryBasis: "Local Government Act 2000 s9F(2)(a) (England; s21(2)(a) in Wales), and the council's constitution"},
	{ID: StageReferredBack, Journey: JourneyDecision, Title: "Referred back to the decision maker",
		Description:    "Scrutiny or full council has asked the decision maker to think again, with its reasons.",
		HaveYourSay:    "Send your views to the decision maker before they reconsider.",
		StatutoryBasis: "Local Government Act 2000 s9F(4)(a) (England; s21(3)(a) in Wales)"},
	{ID: StageReferredToCouncil, Journey: JourneyDecision, Title: "Referred to full council",
		Description:    "Scrutiny has referred the decision to full council to look at. Full council may ask the decision maker to think again.",
		HaveYourSay:    "Contact any councillor before the full council meeting, or ask a public question at it.",
		StatutoryBasis: "Local Government Act 2000 s9F(4)(b) (England; s21(3)(b) in Wales)"},
	{ID: StageReconsidered, Journey: JourneyDecision, Title: "Decision reconsidered",
		Description: "The decision maker has looked again at the decision and confirmed, changed or dropped it.",
		HaveYourSay: "Read the reconsidered decision. It cannot be called in a second time."},
	{ID: StageInEffect, Journey: JourneyDecision, Title: "Decision in effect",
		Description: "The decision can now be carried out.",
		HaveYourSay: "Contact the service carrying it out, or your ward councillor, about how it affects you."},
	{ID: StageMonitoring, Journey: JourneyDecision, Terminal: true, Title: "Monitoring and review",
		Description: "The council checks whether the decision is doing what was intended, and scrutiny may review it.",
		HaveYourSay: "Tell the council how it is working for you. Scrutiny committees welcome evidence for their reviews."},
	{ID: StageWithdrawn, Journey: JourneyDecision, Terminal: true, Title: "Withdrawn",
		Description: "The proposal has been withdrawn and no decision will be made.",
		HaveYourSay: "Contact your ward councillor if you want the issue looked at again."},

	{ID: StagePlanningReceived, Journey: JourneyPlanning, Title: "Application received and validated",
		Description:    "The council has received a planning application with everything it needs, and has started the clock.",
		HaveYourSay:    "Look up the application on the council's planning register to read the plans.",
		StatutoryBasis: basisDMPO + ", arts 11 and 40"},
	{ID: StagePlanningConsultation, Journey: JourneyPlanning, Title: "Consultation on the application",
		Description:    "Neighbours, the public and statutory consultees have at least 21 days to comment, by site notice, letter or newspaper advert.",
		HaveYourSay:    "Comment on the application online or in writing within the 21 days. Comments must be about planning matters.",
		StatutoryBasis: basisDMPO + ", art 15"},
	{ID: StagePlanningCommittee, Journey: JourneyPlanning, Title: "Decided by the planning committee",
		Description: "Councillors on the planning committee decide the application at a public meeting.",
		HaveYourSay: "Register to speak at the committee meeting. Objectors and supporters usually get a few minutes each."},
	{ID: StagePlanningDelegated, Journey: JourneyPlanning, Title: "Decided by a planning officer",
		Description: "A planning officer decides the application under powers delegated by the council.",
		HaveYourSay: "Ask your ward councillor to request that the planning committee decides it instead."},
	{ID: StagePlanningDetermined, Journey: JourneyPlanning, Title: "Application decided",
		Description:    "The council has granted or refused permission, normally within 8 weeks, 13 weeks for major development or 16 weeks where an environmental impact assessment is needed.",
		HaveYourSay:    "Read the decision notice and any conditions. Only the applicant can appeal.",
		StatutoryBasis: basisDMPO + ", art 34(2)"},
	{ID: StagePlanningAppeal, Journey: JourneyPlanning, Terminal: true, Optional: true, Title: "Appeal",
		Description:    "The applicant has appealed to the Planning Inspectorate against a refusal, a condition or a delay.",
		HaveYourSay:    "Send comments to the Planning Inspectorate by the date in the appeal notice.",
		StatutoryBasis: "Town and Country Planning Act 1990 s78(1)"},
	{ID: StagePlanningNonDetermination, Journey: JourneyPlanning, Terminal: true, Optional: true, Title: "Appeal against non-decision",
		Description:    "The council did not decide the application in time, and the applicant has appealed to the Planning Inspectorate, which will now decide it.",
		HaveYourSay:    "Send comments to the Planning Inspectorate by the date in the appeal notice.",
		StatutoryBasis: "Town and Country Planning Act 1990 s78(2); " + basisDMPO + ", art 34(2)"},

	{ID: StageBudgetProposals, Journey: JourneyBudget, Title: "Budget proposals",
		Description: "The cabinet sets out its draft budget and council tax proposals for the coming year.",
		HaveYourSay: "Read the draft budget and tell your ward councillor what matters to you."},
	{ID: StageBudgetConsultation, Journey: JourneyBudget, Title: "Budget consultation",
		Description:    "The council consults residents and business ratepayers on its budget.",
		HaveYourSay:    "Answer the budget consultation before it closes.",
		StatutoryBasis: "Local Government Finance Act 1992 s65 (consulting business ratepayers)"},
	{ID: StageBudgetScrutiny, Journey: JourneyBudget, Optional: true, Title: "Budget scrutiny",
		Description: "Scrutiny councillors examine the draft budget and report to the cabinet.",
		HaveYourSay: "Submit evidence or a question to the scrutiny committee."},
	{ID: StageBudgetRecommended, Journey: JourneyBudget, Title: "Budget recommended to council",
		Description:    "The cabinet recommends a final budget and council tax to full council.",
		HaveYourSay:    "Read the recommended budget and contact any councillor before the budget meeting.",
		StatutoryBasis: basisStandingOrders + ", reg 3 and Sch 2 (standing orders on the budget)"},
	{ID: StageBudgetObjection, Journey: JourneyBudget, Optional: true, Title: "Council objects to the budget",
		Description:    "Full council has objected to the cabinet's budget and asked it to think again, within a period of at least 5 working days.",
		HaveYourSay:    "Contact the cabinet member for finance or your ward councillor before the cabinet reconsiders.",
		StatutoryBasis: basisStandingOrders + ", reg 3 and Sch 2 (objection and reconsideration)"},
	{ID: StageBudgetReconsidered, Journey: JourneyBudget, Optional: true, Title: "Cabinet reconsiders the budget",
		Description:    "The cabinet has reconsidered its budget in the light of the council's objections and reported back, with or without changes.",
		HaveYourSay:    "Read the cabinet's response and contact any councillor before the council meeting that sets the budget.",
		StatutoryBasis: basisStandingOrders + ", reg 3 and Sch 2 (objection and reconsideration)"},
	{ID: StageCouncilTaxSet, Journey: JourneyBudget, Title: "Budget and council tax set",
		Description:    "Full council sets the budget and the council tax, which it must do before 11 March.",
		HaveYourSay:    "Watch the budget meeting. The recorded vote shows how each councillor voted.",
		StatutoryBasis: "Local Government Finance Act 1992 s30(6)"},
}

// journeyEdges lists every legal transition, from each stage to the
// stages that may follow it.
var journeyEdges = map[StageID][]StageID{
	StageProposal:            {StageConsultation, StageNoticePublished, StageGeneralException, StageSpecialUrgency, StagePreDecisionScrutiny, StageAgendaPublished, StageUrgentItem, StageDecided, StageWithdrawn},
	StageConsultation:        {StageNoticePublished, StageGeneralException, StageSpecialUrgency, StagePreDecisionScrutiny, StageAgendaPublished, StageUrgentItem, StageDecided, StageWithdrawn},
	StageNoticePublished:     {StagePreDecisionScrutiny, StageAgendaPublished, StageDecided, StageWithdrawn},
	StageGeneralException:    {StagePreDecisionScrutiny, StageAgendaPublished, StageDecided, StageWithdrawn},
	StageSpecialUrgency:      {StageAgendaPublished, StageDecided, StageWithdrawn},
	StagePreDecisionScrutiny: {StageAgendaPublished, StageDecided, StageWithdrawn},
	StageAgendaPublished:     {StageDeferred, StageDecided, StageWithdrawn},
	StageUrgentItem:          {StageDecided, StageWithdrawn},
	StageDeferred:            {StageDecided, StageWithdrawn},
	StageDecided:             {StageDecisionPublished},
	StageDecisionPublished:   {StageCallIn, StageInEffect},
	// call-in → referred-back and referred-to-council without
	// call-in-lodged are kept for exports that do not record the day
	// councillors called the decision in.
	StageCallIn:            {StageCallInLodged, StageReferredBack, StageReferredToCouncil, StageInEffect},
	StageCallInLodged:      {StageReferredBack, StageReferredToCouncil, StageInEffect},
	StageReferredToCouncil: {StageReferredBack, StageInEffect},
	StageReferredBack:      {StageReconsidered},
	StageReconsidered:      {StageInEffect, StageWithdrawn},
	StageInEffect:          {StageMonitoring},

	StagePlanningReceived:     {StagePlanningConsultation},
	StagePlanningConsultation: {StagePlanningCommittee, StagePlanningDelegated, StagePlanningNonDetermination},
	StagePlanningCommittee:    {StagePlanningDetermined},
	StagePlanningDelegated:    {StagePlanningDetermined},
	StagePlanningDetermined:   {StagePlanningAppeal},

	StageBudgetProposals:    {StageBudgetConsultation, StageBudgetScrutiny, StageBudgetRecommended},
	StageBudgetConsultation: {StageBudgetScrutiny, StageBudgetRecommended},
	StageBudgetScrutiny:     {StageBudgetRecommended},
	StageBudgetRecommended:  {StageBudgetObjection, StageCouncilTaxSet},
	StageBudgetObjection:    {StageBudgetReconsidered},
	StageBudgetReconsidered: {StageCouncilTaxSet},
	StageCouncilTaxSet:      {StageInEffect},
}

var (
	stageIndexOnce sync.Once
	stageIndex     map[StageID]int
)

func stageIdx(id StageID) (int, bool) {
	stageIndexOnce.Do(func() {
		stageIndex = make(map[StageID]int, len(journeyStages))
		for i, s := range journeyStages {
			stageIndex[s.ID] = i
		}
	})
	i, ok := stageIndex[id]
	return i, ok
}

// Stages returns every stage of every journey, in journey order.
// The slice is a copy the caller may change.
func Stages() []Stage {
	return append([]Stage(nil), journeyStages...)
}

// StageFor returns the stage with the given id.
func StageFor(id StageID) (Stage, bool) {
	i, ok := stageIdx(id)
	if !ok {
		return Stage{}, false
	}
	return journeyStages[i], true
}

// Transitions returns the stages that may follow id, in journey
// order. It returns nil for a terminal or unknown stage.
func Transitions(id StageID) []StageID {
	return append([]StageID(nil), journeyEdges[id]...)
}

// CanTransition reports whether a decision may move from stage from
// directly to stage to.
func CanTransition(from, to StageID) bool {
	for _, s := range journeyEdges[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Graph returns the journeys as a directed acyclic graph, a fresh one
// on each call: vertices are the stages keyed by ID, edges the legal
// transitions. It is built with cycle prevention on, so the journeys are
// checked to be acyclic.
func Graph() (graph.Graph[StageID, Stage], error) {
	g := graph.New(func(s Stage) StageID { return s.ID }, graph.Directed(), graph.Acyclic(), graph.PreventCycles())
	for _, s := range journeyStages {
		if err := g.AddVertex(s, graph.VertexAttribute("title", s.Title)); err != nil {
			return nil, &TransitionError{Msg: "stage graph: vertex " + string(s.ID), Err: err}
		}
	}
	for _, s := range journeyStages {
		for _, t := range journeyEdges[s.ID] {
			if err := g.AddEdge(s.ID, t); err != nil {
				return nil, &TransitionError{Msg: "stage graph: edge " + string(s.ID) + " -> " + string(t), Err: err}
			}
		}
	}
	return g, nil
}

// TransitionError is an error of the journey model that is not about an input
// file: an illegal transition, a missing date.
type TransitionError struct {
	From StageID `json:"from,omitempty"` // the stage moved from, if any
	To   StageID `json:"to,omitempty"`   // the stage moved to, if any
	Msg  string  `json:"msg"`
	Err  error   `json:"-"`
}

// Error returns "journey: msg: err".
func (e *TransitionError) Error() string {
	s := "journey: " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *TransitionError) Unwrap() error { return e.Err }

// transitionError returns the error for an illegal move from -> to.
func transitionError(from, to StageID) *TransitionError {
	if _, ok := stageIdx(to); !ok {
		return &TransitionError{From: from, To: to, Msg: "unknown stage \"" + string(to) + "\" (known: " + knownStages() + ")"}
	}
	next := journeyEdges[from]
	want := "none: " + string(from) + " ends the journey"
	if len(next) > 0 {
		ss := make([]string, len(next))
		for i, s := range next {
			ss[i] = string(s)
		}
		want = strings.Join(ss, ", ")
	}
	return &TransitionError{From: from, To: to, Msg: "illegal transition from \"" + string(from) + "\" to \"" + string(to) + "\" (may follow: " + want + ")"}
}

func knownStages() string {
	ss := make([]string, len(journeyStages))
	for i, s := range journeyStages {
		ss[i] = string(s.ID)
	}
	return strings.Join(ss, ", ")
}
