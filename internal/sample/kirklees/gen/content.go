package main

import (
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
)

// Content quality: how the item is written.
type quality int

const (
	plain  quality = iota // short sentences, you and we, signposts the next step
	mixed                 // some of each
	jargon                // long sentences, passive voice, unexplained acronyms
)

func (q quality) String() string { return [...]string{"plain", "mixed", "jargon"}[q] }

// ManifestHeader is the content manifest's header.
var ManifestHeader = []string{"file", "url", "channel", "type", "format", "decision_id", "ward", "published", "views", "title"}

// topicWords gives each topic the words the text is built from: what it
// is about, who uses it, and what people worry about.
var topicWords = map[string][3]string{
	"libraries":           {"library opening hours", "library users, children's groups and people who use the computers", "fewer hours at the branches people walk to"},
	"waste":               {"household waste and recycling", "every household", "longer queues and more fly-tipping"},
	"flooding":            {"flood protection for homes", "households near the River Holme and its becks", "the cost of insurance and repairs"},
	"markets":             {"the market hall", "traders and shoppers", "stalls closing while the work is done"},
	"school streets":      {"school streets", "parents, children and people who live near the schools", "where to park and how deliveries get through"},
	"community buildings": {"community buildings", "the groups that use the hall", "who pays for repairs"},
	"gritting":            {"winter gritting", "drivers, bus users and people who walk on icy pavements", "side streets that are not gritted"},
	"town centre":         {"the town centre", "shoppers, visitors and businesses", "safety and opening times"},
	"cycling":             {"walking and cycling routes", "people who walk, cycle or use a wheelchair", "losing parking spaces"},
	"care":                {"care at home", "older and disabled people who get care at home, and their families", "carers being rushed between visits"},
	"council tax":         {"help with council tax", "people on low incomes", "paying more each month"},
	"leisure":             {"leisure centre opening hours", "swimmers, gym users and clubs", "fewer evening sessions"},
	"highways":            {"road repairs", "drivers and people who live nearby", "road closures and diversions"},
	"housing":             {"rented housing", "tenants and landlords", "rents going up"},
	"transport":           {"bus shelters", "bus passengers", "shelters that are broken or dirty"},
	"grants":              {"grants to parish councils", "village halls and parish councils", "who gets the money"},
	"parks":               {"parks and play areas", "families and park users", "what will happen while the work is done"},
	"send":                {"school transport for children with special educational needs", "children with special educational needs and their families", "long journeys and changes to routes"},
	"parking":             {"parking charges", "shoppers, traders and visitors", "the cost of a trip into town"},
	"young people":        {"youth clubs", "young people and their families", "having somewhere safe to go in the evening"},
	"trees":               {"tree planting", "everyone who uses the borough's parks and streets", "trees blocking light or roots damaging pavements"},
	"licensing":           {"taxi licensing", "taxi drivers, operators and passengers", "the cost of replacing older cars"},
	"planning policy":     {"the local plan", "everyone who lives or works in Kirklees", "where new homes and jobs will go"},
	"road safety":         {"20mph speed limits", "people who live on residential streets, and drivers", "journeys taking longer"},
	"heritage":            {"the conservation area", "people who own or live in older buildings", "what they can change on their homes"},
	"warm spaces":         {"warm spaces", "people who struggle to heat their homes, and the groups that host them", "how to find a warm space nearby"},
	"climate":             {"climate action", "everyone in the borough", "the cost of changes"},
	"cost of living":      {"help with household bills", "households struggling with food and energy bills", "how to apply"},
	"planning":            {"a planning application", "neighbours and people who live nearby", "traffic, noise and the look of the area"},
	"budget":              {"the council's budget", "everyone who pays council tax or uses council services", "council tax going up and services being cut"},
}

// Acronyms a jargon-heavy item uses without saying what they mean: plans
// and budgets, bodies, and measures.
var (
	acronyms = []string{"MTFS", "SEND", "CIL", "S106", "LTP", "KPI", "VCS", "EqIA", "ToR", "WYCA", "HRA", "CAT", "OSMC", "LSOA"}
	plans    = []string{"MTFS", "LTP", "HRA", "CIL", "SEND strategy"}
	bodies   = []string{"WYCA", "VCS", "OSMC", "ICB", "CAT working group"}
	measures = []string{"KPI", "EqIA", "LSOA", "RAG"}
)

func one(r *rand.Rand, from []string) string { return from[r.IntN(len(from))] }

type item struct {
	File, URL, Channel, Type, Format, DecisionID, Ward, Title string
	Published                                                 calendar.Date
	Views                                                     int
	Body                                                      string
}

// contentFiles writes about 200 content items and their manifest: for each
// decision a web page, one or two social posts and, once decided, a
// decision notice; cabinet reports for the larger decisions; and ward
// newsletters and council news pages; then citizens' answers about the
// web pages, from fr.
func (w *world) contentFiles(files map[string][]byte, decs []decision, r, fr *rand.Rand) error {
	var items []item
	pickQ := func() quality {
		switch f := r.Float64(); {
		case f < 0.35:
			return plain
		case f < 0.7:
			return mixed
		}
		return jargon
	}
	for _, d := range decs {
		s := d.Spec
		first := d.History[0].Date
		slug := Slug(s.Title)
		if len(slug) > 48 {
			slug = strings.TrimRight(slug[:48], "-")
		}
		ward := ""
		if len(d.WardsAffected) == 1 && d.WardsAffected[0].ID != "" {
			ward = d.WardsAffected[0].ID
		}
		q := pickQ()
		items = append(items, item{File: "pages/" + slug + ".html", URL: "https://www.kirklees.example/" + slug, Channel: "website",
			Type: "page", Format: "html", DecisionID: d.ID, Ward: ward, Title: s.Title, Published: first.AddDays(7),
			Views: views(r, 600), Body: w.page(r, d, q)})
		nposts := 1 + r.IntN(2)
		for k := range nposts {
			plat := []string{"facebook", "x", "instagram", "nextdoor"}[r.IntN(4)]
			n := len(items) + 1
			day := first.AddDays(10 + 14*k)
			items = append(items, item{File: fmt.Sprintf("posts/%s-%d.txt", slug, k+1),
				URL:     fmt.Sprintf("https://%s.example/kirklees-council/posts/%d", plat, 7100+n),
				Channel: plat, Type: "post", Format: "text", DecisionID: d.ID, Ward: ward, Title: s.Title,
				Published: day, Views: views(r, 2500), Body: w.post(r, d, day, pickQ())})
		}
		if s.Journey == "" && (s.Key || s.Kind == council || s.Kind == committee) && !s.Kind.Individual() {
			items = append(items, item{File: "reports/" + slug + ".md", URL: "https://democracy.kirklees.example/documents/" + strings.ToLower(d.ID) + "-report",
				Channel: "democracy portal", Type: "report", Format: "markdown", DecisionID: d.ID, Ward: ward, Title: "Report: " + s.Title,
				Published: meetingOrFirst(d).AddDays(-8), Views: views(r, 80), Body: w.report(r, d, pickQ())})
		}
		if dec, ok := lastEvent(d.History, journey.StageDecisionPublished); ok {
			items = append(items, item{File: "notices/" + slug + ".html", URL: "https://democracy.kirklees.example/decisions/" + strings.ToLower(d.ID),
				Channel: "democracy portal", Type: "notice", Format: "html", DecisionID: d.ID, Ward: ward, Title: "Decision notice: " + s.Title,
				Published: dec, Views: views(r, 60), Body: w.notice(r, d, pickQ())})
		}
	}
	// Ward newsletters from the councillors, two a ward where anyone
	// writes them, and council news to make up the number.
	for wi, wd := range w.wards {
		var cl []*councillor
		for _, c := range w.councillors {
			if c.Ward == wi && c.Level >= low {
				cl = append(cl, c)
			}
		}
		if len(cl) == 0 {
			continue
		}
		for k, month := range []string{"October", "November"} {
			if len(items) >= 175 {
				break
			}
			slug := Slug(wd.Name)
			items = append(items, item{File: fmt.Sprintf("newsletters/%s-2026-%02d.txt", slug, 10+k), URL: fmt.Sprintf("https://www.kirklees.example/wards/%s/newsletter-2026-%02d", slug, 10+k),
				Channel: "email", Type: "newsletter", Format: "text", Ward: wd.GSS, Title: "News from your " + wd.Name + " councillors, " + month + " 2026",
				Published: calendar.NewDate(2026, time.Month(10+k), 3+r.IntN(10)), Views: views(r, 400), Body: w.newsletter(r, wi, cl, month, pickQ())})
		}
	}
	news := []struct{ title, topic string }{
		{"Bin collections over Christmas and New Year", "waste"}, {"Apply for a school place for September 2027", "send"},
		{"Council tax: ways to pay and get help", "council tax"}, {"Report a pothole", "highways"},
		{"Free activities for children in the school holidays", "young people"}, {"Warm spaces near you this winter", "warm spaces"},
		{"How to report fly-tipping", "waste"}, {"Register to vote", "planning policy"}, {"Adult learning courses this spring", "libraries"},
		{"Garden waste subscriptions for 2027", "waste"}, {"Flood warnings and sandbags", "flooding"}, {"Find a park or play area", "parks"},
		{"Apply for a parking permit", "parking"}, {"Help with energy bills", "cost of living"}, {"Volunteer in your library", "libraries"},
		{"Tree safety and reporting a dangerous tree", "trees"}, {"Taxi and private hire licences", "licensing"}, {"Cycle training for adults", "cycling"},
		{"Care at home: what to expect", "care"}, {"Renting a home: your rights", "housing"}, {"Community grants: how to apply", "grants"},
		{"Gritting: which roads we grit", "gritting"}, {"Town centre events this winter", "town centre"}, {"Have your say on council plans", "budget"},
		{"Book a swimming lesson", "leisure"}, {"Listed buildings and conservation areas", "heritage"}, {"Our climate emergency plan", "climate"},
		{"Bus passes for older and disabled people", "transport"}, {"Report a street light fault", "highways"}, {"Allotments: join the waiting list", "parks"},
	}
	for i := 0; len(items) < 200; i++ {
		n := news[i%len(news)]
		slug := Slug(n.title)
		items = append(items, item{File: "news/" + slug + ".html", URL: "https://www.kirklees.example/" + slug, Channel: "website", Type: "page", Format: "html",
			Title: n.title, Published: calendar.NewDate(2026, time.Month(1+r.IntN(11)), 1+r.IntN(28)), Views: views(r, 1500),
			Body: w.newsPage(r, n.title, n.topic, pickQ())})
	}
	rows := [][]string{ManifestHeader}
	for _, it := range items {
		files["content/"+it.File] = []byte(it.Body)
		rows = append(rows, []string{it.File, it.URL, it.Channel, it.Type, it.Format, it.DecisionID, it.Ward, it.Published.String(), strconv.Itoa(it.Views), it.Title})
	}
	var err error
	if files["content/manifest.csv"], err = csvFile(rows); err != nil {
		return err
	}
	return feedbackFile(files, items, fr)
}

func meetingOrFirst(d decision) calendar.Date {
	if !d.MeetingDate.IsZero() {
		return d.MeetingDate
	}
	return d.History[0].Date
}

// views draws a heavy-tailed view count around a median.
func views(r *rand.Rand, median float64) int {
	return max(3, int(median*math.Exp(r.NormFloat64()*1.1)))
}

func words(topic string) [3]string {
	if w, ok := topicWords[topic]; ok {
		return w
	}
	return [3]string{topic, "residents", "the changes"}
}

func wardText(d decision) string {
	names := d.WardsAffected.Names()
	if len(names) == 1 && names[0] == "All Wards" {
		return "every ward in Kirklees"
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// stageOn is the stage the decision had reached on day: the last step
// recorded on or before it (the first step if none was).
func stageOn(d decision, day calendar.Date) journey.StageEvent {
	cur := d.History[0]
	for _, ev := range d.History {
		if !ev.Date.After(day) {
			cur = ev
		}
	}
	return cur
}

// nextStep says in plain words what happens next on the decision's
// journey and when, as things stood on day.
func nextStep(d decision, day calendar.Date) string {
	cur := stageOn(d, day)
	m := meetingOrFirst(d)
	switch cur.Stage {
	case journey.StageProposal, journey.StageConsultation, journey.StageNoticePublished, journey.StageGeneralException,
		journey.StagePreDecisionScrutiny, journey.StageAgendaPublished:
		return fmt.Sprintf("The decision will be made on %s by the %s.", m.Long(), strings.ToLower(d.DecisionMaker))
	case journey.StageDecided, journey.StageDecisionPublished, journey.StageCallIn:
		return fmt.Sprintf("The decision was made on %s. Councillors can ask for it to be looked at again (called in) for 5 working days after the meeting.", m.Long())
	case journey.StageCallInLodged:
		return "Councillors have called the decision in. The scrutiny committee will look at it again before it can go ahead."
	case journey.StageWithdrawn:
		return "The proposal has been withdrawn. No decision will be made."
	case journey.StageBudgetConsultation, journey.StageBudgetProposals:
		return fmt.Sprintf("Full council will set the budget and council tax on %s.", m.Long())
	case journey.StagePlanningConsultation, journey.StagePlanningReceived:
		return "We are asking neighbours and others for their comments before the application is decided."
	}
	return fmt.Sprintf("The decision was made on %s and is now being carried out.", m.Long())
}

// sayBy is the last day to have a say: the end of an eight-week
// consultation, or a week before the decision.
func sayBy(d decision) calendar.Date {
	for _, ev := range d.History {
		if ev.Stage == journey.StageConsultation || ev.Stage == journey.StageBudgetConsultation || ev.Stage == journey.StagePlanningConsultation {
			if ev.Stage == journey.StagePlanningConsultation {
				return ev.Date.AddDays(20)
			}
			return ev.Date.AddDays(55)
		}
	}
	return meetingOrFirst(d).AddDays(-7)
}

func htmlDoc(title, body string) string {
	return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) +
		" | Kirklees Council (sample)</title>\n</head>\n<body>\n<main>\n<h1>" + html.EscapeString(title) + "</h1>\n" + body + "</main>\n</body>\n</html>\n"
}

func p(s string) string  { return "<p>" + s + "</p>\n" }
func h2(s string) string { return "<h2>" + html.EscapeString(s) + "</h2>\n" }

func link(href, text string) string {
	return `<a href="` + html.EscapeString(href) + `">` + html.EscapeString(text) + `</a>`
}

// jargonSentence builds a long, passive, acronym-heavy sentence.
func jargonSentence(r *rand.Rand, subject string) string {
	openers := []string{
		"It is proposed that, subject to the outcome of the EqIA and further engagement with relevant stakeholders, ",
		"Further to the decision of Cabinet and in accordance with the priorities set out in the Council Plan and the " + one(r, plans) + ", ",
		"Consideration has been given by officers to a range of options and, having regard to the " + one(r, plans) + " and the wider policy framework, ",
		"In order to facilitate the delivery of efficiencies and to leverage partnership opportunities going forward, ",
		"Notwithstanding the financial pressures identified within the " + one(r, plans) + ", ",
	}
	middles := []string{
		"a programme of transformational activity in respect of " + subject + " will be progressed",
		"the proposals in relation to " + subject + " have been developed in consultation with the " + one(r, bodies) + " and key partners",
		"a phased approach to the reconfiguration of " + subject + " is recommended for approval",
		"it is anticipated that the outcomes in respect of " + subject + " will be monitored via the relevant " + one(r, measures) + " dashboard",
	}
	tails := []string{
		" with a view to ensuring that the Council's statutory obligations continue to be met in a sustainable manner.",
		", and that delegated authority be given to the Strategic Director in consultation with the relevant Portfolio Holder to finalise the arrangements.",
		" in line with the agreed ToR and subject to the availability of funding from the " + one(r, bodies) + " and S106 contributions.",
		", it being noted that the impact on protected characteristic groups has been considered and mitigations identified where appropriate.",
	}
	return one(r, openers) + one(r, middles) + one(r, tails)
}

// page is a decision's web page.
func (w *world) page(r *rand.Rand, d decision, q quality) string {
	tw := words(d.Spec.Topic)
	var b strings.Builder
	id := strings.ToLower(d.ID)
	switch q {
	case plain:
		b.WriteString(p(html.EscapeString(d.Summary)))
		b.WriteString(h2("What is happening"))
		b.WriteString(p(html.EscapeString(fmt.Sprintf("We are looking at %s. We want to hear from %s before anything is decided.", tw[0], tw[1]))))
		b.WriteString(h2("Who this affects"))
		b.WriteString(p(html.EscapeString(fmt.Sprintf("This affects people in %s. Some people have told us they are worried about %s.", wardText(d), tw[2]))))
		b.WriteString(h2("What happens next"))
		b.WriteString(p(html.EscapeString(nextStep(d, AsOf))))
		b.WriteString(h2("Have your say"))
		b.WriteString(p("You can " + link("https://www.kirklees.example/consultations/"+id, "answer the questionnaire online") +
			", email us or ask for a paper copy at your library, until " + sayBy(d).Long() + ". You can also contact your ward councillor."))
		b.WriteString(h2("Contact us"))
		b.WriteString(p("Email " + link("mailto:democracy@kirklees.example", "democracy@kirklees.example") + " or phone 01632 960 412."))
	case mixed:
		b.WriteString(p(html.EscapeString(d.Summary + " The proposals have been developed following a review of " + tw[0] + " across the district.")))
		b.WriteString(p(html.EscapeString(fmt.Sprintf("It is expected that %s will be affected, particularly in %s. Concerns have been raised about %s and these will be considered as part of the process.", tw[1], wardText(d), tw[2]))))
		b.WriteString(h2("Next steps"))
		b.WriteString(p(html.EscapeString(nextStep(d, AsOf) + " A report will be published on the council's democracy website before the meeting.")))
		b.WriteString(p("For more information " + link("https://democracy.kirklees.example/decisions/"+id, "click here") + "."))
	case jargon:
		b.WriteString(p(html.EscapeString(jargonSentence(r, tw[0]) + " " + jargonSentence(r, tw[0]) + " " + jargonSentence(r, tw[0]))))
		b.WriteString(p(html.EscapeString(jargonSentence(r, tw[0]) + " Stakeholders will be engaged as appropriate via existing mechanisms, including the " +
			acronyms[r.IntN(len(acronyms))] + " and ward-based " + acronyms[r.IntN(len(acronyms))] + " forums.")))
		b.WriteString(p("Further information can be found " + link("https://democracy.kirklees.example/decisions/"+id, "here") + "."))
	}
	return htmlDoc(d.Title, b.String())
}

// post is a social post about a decision.
func (w *world) post(r *rand.Rand, d decision, day calendar.Date, q quality) string {
	tw := words(d.Spec.Topic)
	id := strings.ToLower(d.ID)
	next := nextStep(d, day)
	switch q {
	case plain:
		opts := []string{
			fmt.Sprintf("Have your say on %s in %s by %s. %s Tell us what you think: https://www.kirklees.example/consultations/%s", tw[0], wardText(d), sayBy(d).Long(), next, id),
			fmt.Sprintf("We want to hear from %s about %s. %s Find out more and have your say by %s: https://www.kirklees.example/consultations/%s", tw[1], tw[0], next, sayBy(d).Long(), id),
			fmt.Sprintf("%s\n\nWhat happens next: %s\n\nQuestions? Email democracy@kirklees.example", d.Summary, next),
		}
		return opts[r.IntN(len(opts))] + "\n"
	case mixed:
		return fmt.Sprintf("UPDATE: %s. %s Residents are encouraged to engage with the process. More info via the link in our bio.\n", d.Title, d.Summary)
	}
	return fmt.Sprintf("Cabinet/Portfolio Holder to consider report re %s (%s). Pls see agenda pack, item %d, for full details incl. %s and %s implications. #Kirklees #%s\n",
		strings.ToLower(d.Title), d.ID, 5+r.IntN(9), one(r, measures), one(r, plans), strings.ReplaceAll(Slug(d.Spec.Topic), "-", ""))
}

// report is the report to the decision maker, in Markdown.
func (w *world) report(r *rand.Rand, d decision, q quality) string {
	tw := words(d.Spec.Topic)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\nReport to: %s\n\nDate of meeting: %s\n\nKey decision: %s\n\nWards affected: %s\n\n", d.Title, d.DecisionMaker, meetingOrFirst(d).Long(), yesNo(d.KeyDecision), wardText(d))
	b.WriteString("## 1. Purpose of the report\n\n")
	if q == plain {
		fmt.Fprintf(&b, "This report asks the %s to decide on %s. %s\n\n", strings.ToLower(d.DecisionMaker), tw[0], d.Summary)
	} else {
		fmt.Fprintf(&b, "%s\n\n", jargonSentence(r, tw[0]))
	}
	b.WriteString("## 2. Summary\n\n")
	if q == jargon {
		fmt.Fprintf(&b, "%s %s %s\n\n", jargonSentence(r, tw[0]), jargonSentence(r, tw[0]), jargonSentence(r, tw[0]))
	} else {
		fmt.Fprintf(&b, "%s The main concern raised so far is %s. Officers have looked at three options and recommend the second.\n\n", d.Summary, tw[2])
	}
	b.WriteString("## 3. Information required to take a decision\n\n")
	for i := range 2 + r.IntN(3) {
		if q == plain {
			fmt.Fprintf(&b, "3.%d We looked at how %s is used now and what %s told us. ", i+1, tw[0], tw[1])
			b.WriteString("The figures are in appendix A.\n\n")
		} else {
			fmt.Fprintf(&b, "3.%d %s\n\n", i+1, jargonSentence(r, tw[0]))
		}
	}
	b.WriteString("## 4. Implications for the council\n\n### Financial implications\n\n")
	if d.ValueGBP > 0 {
		fmt.Fprintf(&b, "The decision is worth £%s. ", commas(d.ValueGBP))
	}
	if q == jargon {
		fmt.Fprintf(&b, "%s\n\n", jargonSentence(r, "the revenue and capital budgets"))
	} else {
		b.WriteString("The money is in the approved budget for this year.\n\n")
	}
	b.WriteString("### Legal implications\n\nThe council has the power to make this decision. There are no other legal implications.\n\n")
	b.WriteString("## 5. Consultation\n\n")
	if d.Spec.Consult {
		fmt.Fprintf(&b, "We asked %s what they thought over eight weeks. %d people answered.\n\n", tw[1], 150+r.IntN(2200))
	} else {
		b.WriteString("Ward councillors have been consulted.\n\n")
	}
	b.WriteString("## 6. Next steps and timelines\n\n" + nextStep(d, meetingOrFirst(d).AddDays(-8)) + "\n\n")
	b.WriteString("## 7. Recommendation\n\n")
	if q == plain {
		fmt.Fprintf(&b, "That the %s agrees the proposals for %s set out in this report.\n\n", strings.ToLower(d.DecisionMaker), tw[0])
	} else {
		fmt.Fprintf(&b, "That the %s notes the contents of this report and approves option 2, and that authority be delegated to the Strategic Director to implement the proposals.\n\n", d.DecisionMaker)
	}
	b.WriteString("## 8. Contact officer\n\nDemocratic Services, democracy@kirklees.example, 01632 960 412\n")
	return b.String()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// notice is the record of a decision, as published.
func (w *world) notice(r *rand.Rand, d decision, q quality) string {
	tw := words(d.Spec.Topic)
	var b strings.Builder
	dec, _ := lastEvent(d.History, journey.StageDecided)
	b.WriteString(h2("Decision maker") + p(html.EscapeString(d.DecisionMaker)))
	b.WriteString(h2("Date of decision") + p(dec.Long()))
	b.WriteString(h2("Decision"))
	if q == jargon {
		b.WriteString(p(html.EscapeString(jargonSentence(r, tw[0]))))
	} else {
		b.WriteString(p(html.EscapeString(d.Summary)))
	}
	b.WriteString(h2("Reasons for the decision"))
	if q == plain {
		b.WriteString(p(html.EscapeString(fmt.Sprintf("This is the best way to look after %s within the money the council has. It takes account of what %s told us.", tw[0], tw[1]))))
	} else {
		b.WriteString(p(html.EscapeString(jargonSentence(r, tw[0]))))
	}
	b.WriteString(h2("Other options considered") + p("Keeping things as they are, and a smaller change. Both were rejected."))
	b.WriteString(h2("Conflicts of interest") + p("None declared."))
	if d.SubjectToCallIn {
		b.WriteString(h2("Call-in"))
		b.WriteString(p(html.EscapeString("This decision can be called in by councillors for 5 working days after the meeting. If it is not called in, it can be carried out after that.")))
	}
	return htmlDoc("Decision notice: "+d.Title, b.String())
}

// newsletter is a ward councillors' email newsletter.
func (w *world) newsletter(r *rand.Rand, wi int, cl []*councillor, month string, q quality) string {
	wd := w.wards[wi]
	var b strings.Builder
	fmt.Fprintf(&b, "News from your %s councillors, %s 2026\n\n", wd.Name, month)
	place := wd.Places[r.IntN(len(wd.Places))]
	switch q {
	case plain:
		fmt.Fprintf(&b, "Hello,\n\nHere is what we have been doing for %s this month.\n\n", wd.Name)
		fmt.Fprintf(&b, "Our next drop-in surgery is at %s library on the first Saturday of the month, 10am to 12 noon. You do not need to book.\n\n", place)
		fmt.Fprintf(&b, "We met the %s Residents' Association about parking near the shops. We have asked highways officers to look at it and will tell you what they say.\n\n", place)
		b.WriteString("Warm spaces are open again this winter. Ask at your library or look at the council's website to find one near you.\n\n")
	case mixed:
		fmt.Fprintf(&b, "Dear resident,\n\nPlease find below an update on ward matters in %s.\n\n", wd.Name)
		fmt.Fprintf(&b, "Ward surgeries continue to be held at %s library. Issues raised have been referred to the relevant service areas for a response.\n\n", place)
		b.WriteString("A number of consultations are currently open and residents are encouraged to participate. Details are available on the council website.\n\n")
	case jargon:
		fmt.Fprintf(&b, "Ward update: %s.\n\n", wd.Name)
		fmt.Fprintf(&b, "%s %s\n\n", jargonSentence(r, "ward priorities"), jargonSentence(r, "the ward budget"))
		fmt.Fprintf(&b, "Place Standard and LSOA data have been reviewed by the ward team, and actions have been fed into the Place Partnership %s.\n\n", acronyms[r.IntN(len(acronyms))])
	}
	var names []string
	for _, c := range cl {
		names = append(names, c.Label())
	}
	fmt.Fprintf(&b, "%s\n", strings.Join(names, ", "))
	return b.String()
}

// newsPage is a council news or service page.
func (w *world) newsPage(r *rand.Rand, title, topic string, q quality) string {
	tw := words(topic)
	var b strings.Builder
	slug := Slug(title)
	switch q {
	case plain:
		b.WriteString(p(html.EscapeString(fmt.Sprintf("This page tells you about %s.", strings.ToLower(title)))))
		b.WriteString(h2("What you need to do"))
		b.WriteString(p("You can " + link("https://www.kirklees.example/"+slug+"/apply", "do this online") + ". It takes about 10 minutes."))
		b.WriteString(h2("If you need help"))
		b.WriteString(p("Phone 01632 960 400, Monday to Friday, 9am to 5pm, or visit a customer service centre. You can ask for this information in another format."))
	case mixed:
		b.WriteString(p(html.EscapeString(fmt.Sprintf("Information on %s is set out below. This service is provided for %s.", strings.ToLower(title), tw[1]))))
		b.WriteString(p("Applications should be submitted via the online portal. To access the portal " + link("https://www.kirklees.example/"+slug+"/apply", "click here") + "."))
		b.WriteString(p(html.EscapeString("Enquiries should be directed to the relevant service area. Responses will be provided within 10 working days.")))
	case jargon:
		b.WriteString(p(html.EscapeString(jargonSentence(r, tw[0]) + " " + jargonSentence(r, tw[0]))))
		b.WriteString(p("Please refer to the relevant policy documentation " + link("https://www.kirklees.example/"+slug+"/policy", "here") + " for further information."))
	}
	return htmlDoc(title, b.String())
}
