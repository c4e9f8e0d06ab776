package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
)

// decSpec describes one fictional decision; the generator turns it into a
// dated history under the kirklees profile.
type decSpec struct {
	Title, Summary, Maker string
	Kind                  journey.DecisionMakerKind
	Key                   bool
	Value                 int64
	Wards                 []string
	Meeting               string // the meeting (or decision) day, YYYY-MM-DD
	Topic                 string // for the content items about it
	Consult, Scrutiny     bool
	// Late names the steps done late: notice, agenda, record, effect
	// (carried out before call-in ended).
	Late      []string
	CallIn    string // "", "lodged" (then confirmed) or "referred" (referred back and reconsidered)
	GE        bool   // general exception instead of 28 days' notice
	Urgent    bool   // special urgency, exempt from call-in
	Deferred  bool   // deferred once, decided at the next meeting
	Withdrawn bool   // withdrawn before the meeting
	Exempt    int    // private meeting, Schedule 12A paragraph
	Journey   journey.Kind
	Major     bool // planning: major development
}

func (s decSpec) late(step string) bool {
	for _, l := range s.Late {
		if l == step {
			return true
		}
	}
	return false
}

const (
	cabinet   = journey.DecisionMakerCabinet
	member    = journey.DecisionMakerCabinetMember
	officer   = journey.DecisionMakerOfficer
	council   = journey.DecisionMakerFullCouncil
	committee = journey.DecisionMakerCommittee
)

var allWards = []string{"All Wards"}

// decisionSpecs are the sample decisions: invented, set in real wards,
// spread from January 2026 to February 2027 so that they stand at every
// stage on 1 December 2026.
var decisionSpecs = []decSpec{
	{Title: "Library opening hours from April 2027", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 620000, Wards: allWards, Meeting: "2027-01-12", Topic: "libraries", Consult: true, Scrutiny: true,
		Summary: "The cabinet will decide whether to change the opening hours of the borough's libraries from April 2027 to save £620,000 a year."},
	{Title: "Household waste recycling centre opening days", Maker: "Cabinet Member for Environment and Climate", Kind: member, Key: true, Value: 180000, Wards: allWards, Meeting: "2026-03-17", Topic: "waste",
		Summary: "Recycling centres to close on Wednesdays from May 2026, saving £180,000 a year."},
	{Title: "Holme Valley property flood resilience grants", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 750000, Wards: []string{"Holme Valley North", "Holme Valley South"}, Meeting: "2026-02-10", Topic: "flooding", Consult: true,
		Summary: "Grants of up to £7,500 for households at risk of flooding to fit flood doors, barriers and pumps."},
	{Title: "Dewsbury market hall refurbishment contract", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 2400000, Wards: []string{"Dewsbury East"}, Meeting: "2026-07-14", Topic: "markets", Exempt: 3,
		Summary: "Award of the contract to refurbish the market hall roof, stalls and heating."},
	{Title: "School streets pilot in Batley", Maker: "Cabinet Member for Highways and Streets", Kind: member, Key: true, Value: 140000, Wards: []string{"Batley East", "Batley West"}, Meeting: "2026-09-08", Topic: "school streets", Consult: true, Late: []string{"notice"},
		Summary: "Closing the roads outside four primary schools to traffic at drop-off and pick-up times for a year."},
	{Title: "Community asset transfer of Scholes village hall", Maker: "Cabinet Member for Corporate Services", Kind: member, Value: 0, Wards: []string{"Cleckheaton"}, Meeting: "2026-06-16", Topic: "community buildings",
		Summary: "Transferring the village hall on a 25-year lease to the community association that runs it."},
	{Title: "Winter gritting routes 2026 to 2027", Maker: "Service Director - Highways and Streets", Kind: officer, Key: true, Value: 0, Wards: allWards, Meeting: "2026-10-20", Topic: "gritting",
		Summary: "The priority routes that will be gritted this winter, and where grit bins will be."},
	{Title: "Huddersfield town centre public toilets", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 560000, Wards: []string{"Dalton", "Greenhead"}, Meeting: "2026-04-14", Topic: "town centre", Late: []string{"agenda"},
		Summary: "Reopening two public toilets in the town centre and keeping them open until 8pm."},
	{Title: "Fees and charges for bulky waste collection", Maker: "Cabinet Member for Environment and Climate", Kind: member, Value: 90000, Wards: allWards, Meeting: "2026-03-03", Topic: "waste", Late: []string{"record"},
		Summary: "The charge for collecting up to three bulky items rises from £25 to £30."},
	{Title: "Mirfield and Dewsbury South active travel route", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 3100000, Wards: []string{"Mirfield", "Dewsbury South"}, Meeting: "2026-11-10", Topic: "cycling", Consult: true, Scrutiny: true, CallIn: "lodged",
		Summary: "A 4 km walking and cycling route along the valley floor, paid for by the combined authority."},
	{Title: "Adult social care home care contracts", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 18500000, Wards: allWards, Meeting: "2026-09-08", Topic: "care", Exempt: 3, Scrutiny: true,
		Summary: "New contracts for care at home from April 2027, with providers paid for the time care workers travel."},
	{Title: "Council tax reduction scheme 2027 to 2028", Maker: "Council", Kind: council, Wards: allWards, Meeting: "2027-01-20", Topic: "council tax", Consult: true,
		Summary: "Full council will decide how much help people on low incomes get with council tax from April 2027."},
	{Title: "Colne Valley leisure centre opening hours", Maker: "Cabinet Member for Culture and Leisure", Kind: member, Key: true, Value: 210000, Wards: []string{"Colne Valley East", "Colne Valley West"}, Meeting: "2026-05-12", Topic: "leisure", Late: []string{"effect"},
		Summary: "Shorter evening opening at the leisure centre on weekdays from June."},
	{Title: "Emergency repairs to Holmfirth retaining wall", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 900000, Wards: []string{"Holme Valley South"}, Meeting: "2026-02-24", Topic: "highways", Urgent: true,
		Summary: "Urgent work to stop a retaining wall above the A6024 from collapsing after the February storms."},
	{Title: "Selective licensing of private rented homes in Dewsbury West", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 650000, Wards: []string{"Dewsbury West", "Batley West"}, Meeting: "2026-12-08", Topic: "housing", Consult: true,
		Summary: "Whether private landlords in parts of Dewsbury West and Batley West must hold a licence for each home they let."},
	{Title: "Bus shelter advertising contract", Maker: "Head of Procurement", Kind: officer, Key: true, Value: 120000, Wards: allWards, Meeting: "2026-08-04", Topic: "transport",
		Summary: "A new five-year contract for advertising on bus shelters, which pays for their upkeep."},
	{Title: "Kirkburton and Denby Dale parish grants", Maker: "Cabinet Member for Communities", Kind: member, Key: true, Value: 60000, Wards: []string{"Kirkburton", "Denby Dale"}, Meeting: "2026-10-13", Topic: "grants", Late: []string{"record", "notice"},
		Summary: "Grants to parish councils for village hall repairs and Christmas lights."},
	{Title: "Greenhead Park bandstand restoration", Maker: "Cabinet Member for Culture and Leisure", Kind: member, Value: 240000, Wards: []string{"Greenhead"}, Meeting: "2026-11-24", Topic: "parks",
		Summary: "Restoring the bandstand and its railings with heritage lottery funding."},
	{Title: "Special educational needs transport policy", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 1200000, Wards: allWards, Meeting: "2026-07-14", Topic: "send", Consult: true, Scrutiny: true, CallIn: "referred",
		Summary: "Changes to how children with special educational needs get to school, including personal travel budgets."},
	{Title: "Heckmondwike town centre car parking charges", Maker: "Cabinet Member for Highways and Streets", Kind: member, Key: true, Value: 85000, Wards: []string{"Heckmondwike", "Liversedge & Gomersal"}, Meeting: "2026-06-02", Topic: "parking", Withdrawn: true,
		Summary: "Introducing charges in two free car parks; withdrawn after objections from traders."},
	{Title: "Netherton and Newsome youth club building", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 520000, Wards: []string{"Netherton & Newsome"}, Meeting: "2026-10-13", Topic: "young people", Deferred: true,
		Summary: "Buying and refitting a building for a youth club in Berry Brow."},
	{Title: "Tree planting strategy 2026 to 2030", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 1500000, Wards: allWards, Meeting: "2026-06-16", Topic: "trees", Consult: true,
		Summary: "Planting 50,000 trees by 2030, mostly on council land, with residents choosing some of the sites."},
	{Title: "Ashbrow community centre roof", Maker: "Service Director - Property", Kind: officer, Value: 95000, Wards: []string{"Ashbrow"}, Meeting: "2026-08-18", Topic: "community buildings",
		Summary: "Replacing the leaking roof of the community centre in Sheepridge."},
	{Title: "Taxi licensing policy review", Maker: "Licensing and Safety Committee", Kind: committee, Wards: allWards, Meeting: "2026-09-22", Topic: "licensing", Consult: true,
		Summary: "Updated rules for taxi and private hire drivers, vehicles and operators, including age limits for vehicles."},
	{Title: "Local plan review: issues and options", Maker: "Council", Kind: council, Wards: allWards, Meeting: "2026-07-15", Topic: "planning policy", Consult: true,
		Summary: "Full council agreed to consult on the issues and options for reviewing the local plan."},
	{Title: "Birstall high street improvements", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 1100000, Wards: []string{"Birstall & Birkenshaw"}, Meeting: "2027-02-09", Topic: "town centre",
		Summary: "Wider pavements, new crossings and seating on the high street, paid for by the levelling up fund."},
	{Title: "Lindley and Crosland Moor 20mph zones", Maker: "Cabinet Member for Highways and Streets", Kind: member, Key: true, Value: 310000, Wards: []string{"Lindley", "Crosland Moor"}, Meeting: "2026-12-10", Topic: "road safety", Consult: true, GE: true,
		Summary: "20mph speed limits on residential streets in Lindley and Crosland Moor."},
	{Title: "Almondbury conservation area appraisal", Maker: "Cabinet Member for Regeneration", Kind: member, Value: 0, Wards: []string{"Almondbury"}, Meeting: "2026-04-28", Topic: "heritage", Consult: true,
		Summary: "Adopting an updated appraisal of the Almondbury conservation area and its management plan."},
	{Title: "Warm spaces grants winter 2026 to 2027", Maker: "Cabinet Member for Communities", Kind: member, Key: true, Value: 200000, Wards: allWards, Meeting: "2026-10-27", Topic: "warm spaces", Late: []string{"agenda", "record"},
		Summary: "Grants of up to £2,000 to community groups that open warm, welcoming spaces this winter."},
	{Title: "Spen Valley greenway resurfacing", Maker: "Service Director - Highways and Streets", Kind: officer, Key: true, Value: 170000, Wards: []string{"Cleckheaton", "Heckmondwike"}, Meeting: "2026-05-19", Topic: "cycling",
		Summary: "Resurfacing 3 km of the greenway between Cleckheaton and Heckmondwike."},
	{Title: "Dewsbury East housing site disposal", Maker: "Cabinet", Kind: cabinet, Key: true, Value: 1800000, Wards: []string{"Dewsbury East"}, Meeting: "2026-11-10", Topic: "housing", Exempt: 3, Late: []string{"effect"},
		Summary: "Selling council land at Chickenley to a housing association to build 60 affordable homes."},
	{Title: "Kirklees climate action plan annual update", Maker: "Cabinet", Kind: cabinet, Key: true, Wards: allWards, Meeting: "2026-03-10", Topic: "climate",
		Summary: "Progress on cutting the council's carbon emissions and the actions for next year."},
	{Title: "Household support fund allocation", Maker: "Cabinet Member for Finance", Kind: member, Key: true, Value: 4300000, Wards: allWards, Meeting: "2026-04-14", Topic: "cost of living", GE: true,
		Summary: "How the council will share £4.3 million of government money among households struggling with bills."},
	{Title: "Marsden moorland car park charges", Maker: "Cabinet Member for Highways and Streets", Kind: member, Key: true, Value: 40000, Wards: []string{"Colne Valley West", "Holme Valley North"}, Meeting: "2026-08-25", Topic: "parking",
		Summary: "Charging for parking at two moorland car parks at weekends in summer."},

	{Title: "Kirklees walking and cycling plan: first year of schemes", Maker: "Cabinet Member for Highways and Streets", Kind: member, Key: true, Value: 900000, Wards: allWards, Meeting: "2026-11-30", Topic: "cycling", Late: []string{"record"},
		Summary: "Which walking and cycling schemes to build first, from the plan adopted in 2025."},
	{Title: "Dalton play area equipment", Maker: "Service Director - Parks and Green Spaces", Kind: officer, Value: 65000, Wards: []string{"Dalton"}, Meeting: "2026-12-01", Topic: "parks",
		Summary: "New play equipment, safety surfacing and a bench at the play area in Rawthorpe."},
	{Title: "Planning application: 120 homes, land off Wakefield Road, Denby Dale", Maker: "Strategic Planning Committee", Journey: journey.JourneyPlanning, Major: true, Wards: []string{"Denby Dale"}, Meeting: "2026-02-05", Topic: "planning",
		Summary: "Outline planning permission for up to 120 homes with a new access road and play area."},
	{Title: "Planning application: change of use to a children's nursery, Birkby", Maker: "Head of Planning", Journey: journey.JourneyPlanning, Wards: []string{"Greenhead"}, Meeting: "2026-10-01", Topic: "planning", Late: []string{"record"},
		Summary: "Changing a former bank building into a nursery for 40 children."},
	{Title: "Planning application: rooftop solar farm, Cleckheaton", Maker: "Head of Planning", Journey: journey.JourneyPlanning, Wards: []string{"Cleckheaton"}, Meeting: "2026-12-20", Topic: "planning",
		Summary: "Solar panels on the roofs of four industrial units, with battery storage."},
	{Title: "Budget and council tax 2026 to 2027", Maker: "Council", Journey: journey.JourneyBudget, Wards: allWards, Meeting: "2026-03-04", Topic: "budget",
		Summary: "The council's budget and council tax for the year from April 2026."},
	{Title: "Budget and council tax 2027 to 2028", Maker: "Council", Journey: journey.JourneyBudget, Wards: allWards, Meeting: "2027-03-03", Topic: "budget",
		Summary: "The council's draft budget and council tax for the year from April 2027."},
}

// decision is a generated decision with what the content needs.
type decision struct {
	*journey.Decision
	Spec decSpec
}

func date(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err) // the specs are the generator's own constants
	}
	return d
}

// decisionFiles writes each decision's journey JSON as
// decisions/<id>.json and returns the decisions for the content.
func (w *world) decisionFiles(files map[string][]byte, r *rand.Rand) ([]decision, error) {
	c, err := journey.Profile("kirklees")
	if err != nil {
		return nil, err
	}
	var out []decision
	for i, s := range decisionSpecs {
		d := buildDecision(r, &c, s, fmt.Sprintf("KMC-2026-%03d", i+1))
		if err := d.Validate(); err != nil {
			return nil, fmt.Errorf("decision %s: %w", d.ID, err)
		}
		b, err := jsonFile(d)
		if err != nil {
			return nil, err
		}
		files["decisions/"+strings.ToLower(d.ID)+".json"] = b
		out = append(out, decision{d, s})
	}
	return out, nil
}

// buildDecision dates a decision's history under council c: on time
// unless the spec says a step was late, and cut at AsOf.
func buildDecision(r *rand.Rand, c *journey.Council, s decSpec, id string) *journey.Decision {
	m := date(s.Meeting)
	base := "https://democracy.kirklees.example"
	d := &journey.Decision{ID: id, Title: s.Title, Summary: s.Summary, Journey: s.Journey, Council: "kirklees",
		DecisionMaker: s.Maker, DecisionMakerKind: s.Kind, KeyDecision: s.Key, ValueGBP: s.Value,
		Contact: "Democratic Services, democracy@kirklees.example", URL: base + "/decisions/" + strings.ToLower(id)}
	for _, wn := range s.Wards {
		d.WardsAffected = append(d.WardsAffected, wardArea(wn))
	}
	var h []journey.StageEvent
	add := func(st journey.StageID, day calendar.Date, src, note string) {
		if n := len(h); n > 0 && day.Before(h[n-1].Date) {
			day = h[n-1].Date
		}
		h = append(h, journey.StageEvent{Stage: st, Date: day, Source: src, Note: note})
	}
	weekday := func(day calendar.Date) calendar.Date {
		for !c.IsWorkingDay(day) {
			day = day.AddDays(1)
		}
		return day
	}
	switch s.Journey {
	case journey.JourneyPlanning:
		weeks := 8
		if s.Major {
			weeks = 13
		}
		// Meeting is the day it was (or will be) decided; received weeks
		// before, later than due when late.
		rec := weekday(m.AddDays(-7*weeks + 4 + r.IntN(10)))
		if s.late("record") {
			rec = weekday(m.AddDays(-7*weeks - 12))
		}
		add(journey.StagePlanningReceived, rec, base+"/planning/"+strings.ToLower(id), "")
		add(journey.StagePlanningConsultation, weekday(rec.AddDays(5+r.IntN(5))), "", "Site notice and neighbour letters")
		if s.Kind == "" && strings.Contains(s.Maker, "Committee") {
			add(journey.StagePlanningCommittee, m, "Strategic Planning Committee, "+m.Long(), "")
		} else {
			add(journey.StagePlanningDelegated, m, "", "Delegated report")
		}
		add(journey.StagePlanningDetermined, m, "Decision notice", "")
		d.MajorDevelopment = s.Major
	case journey.JourneyBudget:
		fy := m.Year
		if m.Month >= 4 {
			fy++
		}
		d.FinancialYear = fy
		add(journey.StageBudgetProposals, weekday(m.AddDays(-112)), base+"/budget", "Draft budget to cabinet")
		add(journey.StageBudgetConsultation, weekday(m.AddDays(-105)), "", "Budget consultation, six weeks")
		add(journey.StageBudgetScrutiny, weekday(m.AddDays(-50)), "", "Overview and scrutiny budget meeting")
		add(journey.StageBudgetRecommended, weekday(m.AddDays(-20)), "", "Cabinet recommends the budget to council")
		add(journey.StageCouncilTaxSet, m, "Budget council, "+m.Long(), "")
		add(journey.StageInEffect, calendar.NewDate(fy, 4, 1), "", "")
	default:
		d.MeetingDate = m
		exec := s.Kind.Executive()
		d.SubjectToCallIn = exec && !s.Urgent
		d.Urgent = s.Urgent
		if s.Exempt > 0 {
			d.Private, d.ExemptParagraph = true, s.Exempt
		}
		meeting := m
		if s.Deferred {
			// Deferred from a meeting four weeks earlier.
			meeting = m.AddDays(-28)
		}
		dl := c.MeetingDeadlines(meeting, calendar.Date{})
		add(journey.StageProposal, weekday(meeting.AddDays(-150+r.IntN(40))), "", "")
		if s.Consult {
			add(journey.StageConsultation, weekday(meeting.AddDays(-100+r.IntN(20))), base+"/consultations/"+strings.ToLower(id), "Consultation, eight weeks")
		}
		switch {
		case s.Urgent:
			add(journey.StageSpecialUrgency, c.AddWorkingDays(dl.AgendaPublishBy, -1), "", "Chair of scrutiny agreed the decision cannot reasonably be deferred")
		case s.GE && exec:
			ge := c.ClearDaysBefore(meeting, 5)
			add(journey.StageGeneralException, c.AddWorkingDays(ge, -1-r.IntN(2)), base+"/notices/"+strings.ToLower(id), "General exception notice")
		case s.Key && exec:
			due := dl.KeyDecisionNoticeBy
			day := weekday(due.AddDays(-r.IntN(14)))
			if s.late("notice") {
				day = weekday(due.AddDays(9 + r.IntN(6)))
			}
			add(journey.StageNoticePublished, day, base+"/forward-plan", "Forward plan of key decisions")
		}
		if d.Private {
			first, final := c.PrivateMeetingDeadlines(meeting)
			d.PrivateNoticePublished = weekday(first.AddDays(-r.IntN(7)))
			d.PrivateFinalNoticePublished = final
		}
		if s.Scrutiny && !s.Urgent {
			add(journey.StagePreDecisionScrutiny, weekday(meeting.AddDays(-24)), "Overview and Scrutiny Management Committee", "")
		}
		if !s.Kind.Individual() {
			day := dl.AgendaPublishBy
			if s.late("agenda") {
				day = c.AddWorkingDays(day, 2)
			} else if r.IntN(3) == 0 {
				day = c.AddWorkingDays(day, -1)
			}
			add(journey.StageAgendaPublished, day, base+"/agendas/"+meeting.String(), "")
		}
		if s.Withdrawn {
			add(journey.StageWithdrawn, weekday(meeting.AddDays(-2)), "", "Withdrawn by the cabinet member")
			break
		}
		if s.Deferred {
			add(journey.StageDeferred, meeting, "", "Deferred for a further report on costs")
		}
		add(journey.StageDecided, m, s.Maker+", "+m.Long(), "")
		pub := c.AddWorkingDays(m, r.IntN(3))
		if s.late("record") {
			pub = c.AddWorkingDays(m, 5+r.IntN(3))
		}
		add(journey.StageDecisionPublished, pub, base+"/decisions/"+strings.ToLower(id), "")
		if d.SubjectToCallIn {
			add(journey.StageCallIn, pub, "", "")
			end := c.AddWorkingDays(m, 5) // kirklees: five working days from the meeting
			switch s.CallIn {
			case "lodged":
				add(journey.StageCallInLodged, c.AddWorkingDays(m, 3), "", "Called in by five councillors")
				add(journey.StageInEffect, c.AddWorkingDays(end, 12), "", "Scrutiny took no further action")
			case "referred":
				add(journey.StageCallInLodged, c.AddWorkingDays(m, 4), "", "Called in by five councillors")
				add(journey.StageReferredBack, c.AddWorkingDays(end, 10), "", "Scrutiny asked the cabinet to look again at the eligibility rules")
				add(journey.StageReconsidered, c.AddWorkingDays(end, 30), "", "Cabinet confirmed the policy with changes to the appeal process")
				add(journey.StageInEffect, c.AddWorkingDays(end, 31), "", "")
			default:
				eff := c.AddWorkingDays(end, 1)
				if s.late("effect") {
					eff = c.AddWorkingDays(m, 2)
				}
				add(journey.StageInEffect, eff, "", "")
			}
		} else {
			add(journey.StageInEffect, c.AddWorkingDays(pub, 1), "", "")
		}
		if in, ok := lastEvent(h, journey.StageInEffect); ok && in.DaysUntil(AsOf) > 150 && r.IntN(2) == 0 {
			add(journey.StageMonitoring, in.AddDays(120), "", "Six-month review to scrutiny")
		}
	}
	// Cut at the day of the data: what has not happened yet is not
	// recorded.
	n := 0
	for n < len(h) && !h[n].Date.After(AsOf) {
		n++
	}
	d.History = h[:n]
	if d.PrivateNoticePublished.After(AsOf) {
		d.PrivateNoticePublished = calendar.Date{}
	}
	if d.PrivateFinalNoticePublished.After(AsOf) {
		d.PrivateFinalNoticePublished = calendar.Date{}
	}
	return d
}

func lastEvent(h []journey.StageEvent, st journey.StageID) (calendar.Date, bool) {
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].Stage == st {
			return h[i].Date, true
		}
	}
	return calendar.Date{}, false
}

// wardArea is a decision's ward: a Kirklees ward as an area with its GSS
// code, or a name such as "All Wards" as it stands.
func wardArea(name string) civic.Area {
	for _, wd := range wardTable {
		if wd.Name == name {
			return civic.Area{ID: wd.GSS, Name: wd.Name, Classification: "ward"}
		}
	}
	return civic.Area{Name: name, Classification: "ward"}
}
