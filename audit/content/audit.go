package content

import (
	"math"
	"sort"
	"strings"

	"github.com/civickit/civickit/civic/journey"
)

// CoverageStage is a step of a decision's journey that a citizen should be
// able to read about.
type CoverageStage string

// The coverage stages, in journey order, and the journey stages each
// gathers.
const (
	CoverNotice       CoverageStage = "notice"       // notice-published, general-exception, special-urgency
	CoverConsultation CoverageStage = "consultation" // consultation, planning-consultation, budget-consultation
	CoverAgenda       CoverageStage = "agenda"       // agenda-published, urgent-item, planning-committee
	CoverDecision     CoverageStage = "decision"     // decided, decision-published, planning-determined, planning-delegated, budget-recommended, council-tax-set
	CoverCallIn       CoverageStage = "call-in"      // call-in, call-in-lodged, referred-back, referred-to-council, reconsidered
	CoverOutcome      CoverageStage = "outcome"      // in-effect, monitoring
)

// CoverageStages lists the coverage stages in journey order.
var CoverageStages = []CoverageStage{CoverNotice, CoverConsultation, CoverAgenda, CoverDecision, CoverCallIn, CoverOutcome}

var stageGroup = map[journey.StageID]CoverageStage{
	journey.StageNoticePublished: CoverNotice, journey.StageGeneralException: CoverNotice, journey.StageSpecialUrgency: CoverNotice,
	journey.StageConsultation: CoverConsultation, journey.StagePlanningConsultation: CoverConsultation, journey.StageBudgetConsultation: CoverConsultation,
	journey.StageAgendaPublished: CoverAgenda, journey.StageUrgentItem: CoverAgenda, journey.StagePlanningCommittee: CoverAgenda,
	journey.StageDecided: CoverDecision, journey.StageDecisionPublished: CoverDecision, journey.StagePlanningDetermined: CoverDecision,
	journey.StagePlanningDelegated: CoverDecision, journey.StageBudgetRecommended: CoverDecision, journey.StageCouncilTaxSet: CoverDecision,
	journey.StageCallIn: CoverCallIn, journey.StageCallInLodged: CoverCallIn, journey.StageReferredBack: CoverCallIn,
	journey.StageReferredToCouncil: CoverCallIn, journey.StageReconsidered: CoverCallIn,
	journey.StageInEffect: CoverOutcome, journey.StageMonitoring: CoverOutcome,
}

// CoverageOf returns the coverage stage a journey stage belongs to, and
// false for stages no citizen-facing content is expected for (proposal,
// scrutiny, deferral, withdrawal).
func CoverageOf(id journey.StageID) (CoverageStage, bool) {
	c, ok := stageGroup[id]
	return c, ok
}

// CoverageStatus says whether a citizen could read about a stage.
type CoverageStatus string

// The coverage statuses.
const (
	StatusReadable CoverageStatus = "readable"     // a web page, feed entry or ModernGov item at the stage passes the standards
	StatusHard     CoverageStatus = "hard-to-read" // there is web content, but none passes
	StatusPDFOnly  CoverageStatus = "pdf-only"     // only PDF or Word documents speak of the stage
	StatusMissing  CoverageStatus = "missing"      // nothing speaks of the stage
)

// StageCoverage is what a citizen could read about one stage of a
// decision.
type StageCoverage struct {
	// Stage is the coverage stage.
	Stage CoverageStage `json:"stage"`
	// Expected is true when the decision's journey passes the stage:
	// its history reached it, a key decision needs its notice, a decision
	// subject to call-in that has been taken has a call-in period.
	Expected bool `json:"expected"`
	// Status says whether the stage had content a citizen could read.
	Status CoverageStatus `json:"status"`
	// Items are the URLs of the content at the stage.
	Items []string `json:"items,omitempty"`
}

// JourneyCoverage is, for one decision, which stages had readable content.
type JourneyCoverage struct {
	// DecisionID is the decision's id.
	DecisionID string `json:"decision_id"`
	// Title is the decision's title, when known.
	Title string `json:"title,omitempty"`
	// Stages are the six coverage stages in journey order.
	Stages []StageCoverage `json:"stages"`
	// Gaps are the expected stages that were not readable, in order.
	Gaps []CoverageStage `json:"gaps,omitempty"`
}

// Compliance is how well a group of items meets the standards.
type Compliance struct {
	// Channel is the group's channel, "" for all channels.
	Channel Channel `json:"channel,omitempty"`
	// Type is the group's content type, "" for all types.
	Type Type `json:"type,omitempty"`
	// Items is the number of items.
	Items int `json:"items"`
	// Passed is the number that meet the pass mark.
	Passed int `json:"passed"`
	// PassRate is Passed / Items as a percentage, to one decimal.
	PassRate float64 `json:"pass_rate"`
	// MeanScore is the mean standards score, to one decimal.
	MeanScore float64 `json:"mean_score"`
	// Views are the group's page views.
	Views int64 `json:"views"`
}

// FixItem is a page to fix first: read often, far from the standards.
type FixItem struct {
	// URL is the item's address.
	URL string `json:"url"`
	// Title is the item's title.
	Title string `json:"title,omitempty"`
	// Channel is the item's channel.
	Channel Channel `json:"channel"`
	// Type is the item's content type.
	Type Type `json:"type"`
	// Views are the item's page views.
	Views int64 `json:"views"`
	// Score is its standards score.
	Score float64 `json:"score"`
	// Gap is 100 minus the score.
	Gap float64 `json:"gap"`
	// Priority is Views × Gap, times the feedback's weight when citizens
	// answered "Is this page clear?" (see [PageFeedback.Weight]), the
	// order of the list.
	Priority float64 `json:"priority"`
	// Feedback is citizens' answers about the page, when there are any.
	Feedback *PageFeedback `json:"feedback,omitempty"`
	// Findings are its first findings, with positions.
	Findings []Finding `json:"findings,omitempty"`
}

// PDFOnly is a document whose content is published only as PDF or Word.
type PDFOnly struct {
	// URL is the document's address.
	URL string `json:"url"`
	// Title is its title.
	Title string `json:"title,omitempty"`
	// DecisionID is the decision it belongs to, if any.
	DecisionID string `json:"decision_id,omitempty"`
	// Views are its views.
	Views int64 `json:"views"`
}

// ScoreChange is an item whose score moved between snapshots.
type ScoreChange struct {
	// URL is the item's address.
	URL string `json:"url"`
	// Before is the previous score.
	Before float64 `json:"before"`
	// After is the current score.
	After float64 `json:"after"`
}

// Change is what changed since the previous snapshot.
type Change struct {
	// Added are the URLs new in this snapshot.
	Added []string `json:"added"`
	// Removed are the URLs gone since the previous one.
	Removed []string `json:"removed"`
	// Changed are the URLs whose content changed.
	Changed []string `json:"changed"`
	// MeanScoreBefore is the previous snapshot's mean score.
	MeanScoreBefore float64 `json:"mean_score_before"`
	// MeanScoreAfter is this snapshot's mean score.
	MeanScoreAfter float64 `json:"mean_score_after"`
	// PassRateBefore is the previous snapshot's pass rate, in percent.
	PassRateBefore float64 `json:"pass_rate_before"`
	// PassRateAfter is this snapshot's pass rate, in percent.
	PassRateAfter float64 `json:"pass_rate_after"`
	// Improved are the items whose score rose, most first.
	Improved []ScoreChange `json:"improved,omitempty"`
	// Worsened are the items whose score fell, most first.
	Worsened []ScoreChange `json:"worsened,omitempty"`
}

// Report is the content audit of one snapshot.
type Report struct {
	// Snapshot is the snapshot's id.
	Snapshot string `json:"snapshot,omitempty"`
	// Taken is when the snapshot was taken, in RFC 3339.
	Taken string `json:"taken,omitempty"`
	// PassMark is the score an item needed to pass.
	PassMark float64 `json:"pass_mark"`
	// Total is the compliance of every item.
	Total Compliance `json:"total"`
	// ByChannel is the compliance per channel.
	ByChannel []Compliance `json:"by_channel"`
	// ByType is the compliance per content type.
	ByType []Compliance `json:"by_type"`
	// ByChannelType is the compliance per channel and type.
	ByChannelType []Compliance `json:"by_channel_type"`
	// FixFirst are the items to fix first: views × (100 − score), highest
	// first.
	FixFirst []FixItem `json:"fix_first"`
	// Journeys is, per decision, which stages had readable content.
	Journeys []JourneyCoverage `json:"journeys"`
	// PDFOnly are the documents published only as PDF or Word.
	PDFOnly []PDFOnly `json:"pdf_only"`
	// Change is what changed since the previous snapshot; absent on the
	// first.
	Change *Change `json:"change,omitempty"`
	// Feedback is what citizens answered "Is this page clear?", per page,
	// the most "no" answers first, capped as the fix-first list is;
	// absent when no one answered.
	Feedback []FeedbackItem `json:"feedback,omitempty"`
	// Items are every item scored, by URL.
	Items []Scored `json:"items"`
}

// FeedbackItem is one page's answers to "Is this page clear?".
type FeedbackItem struct {
	// URL is the page's address: the scored item's when the snapshot has
	// the page, else the path the answers named.
	URL string `json:"url"`
	// Title is the page's title, when the snapshot has the page.
	Title string `json:"title,omitempty"`
	PageFeedback
}

// AuditInput is what [Audit] works from.
type AuditInput struct {
	// Items are the snapshot's scored items.
	Items []Scored
	// Previous are the previous snapshot's scored items; nil on the
	// first snapshot.
	Previous []Scored
	// Views are page views from the analytics exports.
	Views Views
	// Decisions are the council's decisions, for their titles and the
	// stages their journeys pass; decisions only known from content
	// (ModernGov issue ids) are covered too.
	Decisions []journey.Decision
	// PassMark is the score an item needs to pass; 0 means 60.
	PassMark float64
	// Feedback is citizens' answers by page; nil for none.
	Feedback Feedback
	// Top caps the fix-first list; 0 means 20.
	Top int
	// Snapshot and Taken label the report.
	Snapshot, Taken string
}

// Audit builds the content audit: compliance by channel and type, the
// pages to fix first, journey coverage per decision, PDF-only documents
// and the change since the previous snapshot. It is deterministic: the
// same input gives the same report.
func Audit(in AuditInput) *Report {
	pass := in.PassMark
	if pass <= 0 {
		pass = 60
	}
	items := append([]Scored(nil), in.Items...)
	sort.Slice(items, func(i, j int) bool { return items[i].URL < items[j].URL })
	r := &Report{Snapshot: in.Snapshot, Taken: in.Taken, PassMark: pass, Items: items}
	views := func(s *Scored) int64 {
		if in.Views == nil {
			return 0
		}
		return in.Views.Of(s.URL)
	}

	// Compliance.
	type key struct {
		ch Channel
		t  Type
	}
	acc := map[key]*Compliance{}
	add := func(k key, s *Scored) {
		c := acc[k]
		if c == nil {
			c = &Compliance{Channel: k.ch, Type: k.t}
			acc[k] = c
		}
		c.Items++
		if s.Passed {
			c.Passed++
		}
		c.MeanScore += s.Score
		c.Views += views(s)
	}
	for i := range items {
		s := &items[i]
		add(key{}, s)
		add(key{ch: s.Channel}, s)
		add(key{t: s.Class.Type}, s)
		add(key{s.Channel, s.Class.Type}, s)
	}
	finish := func(c *Compliance) Compliance {
		if c.Items > 0 {
			c.PassRate = round1(100 * float64(c.Passed) / float64(c.Items))
			c.MeanScore = round1(c.MeanScore / float64(c.Items))
		}
		return *c
	}
	for k, c := range acc {
		switch {
		case k.ch == "" && k.t == "":
			r.Total = finish(c)
		case k.t == "":
			r.ByChannel = append(r.ByChannel, finish(c))
		case k.ch == "":
			r.ByType = append(r.ByType, finish(c))
		default:
			r.ByChannelType = append(r.ByChannelType, finish(c))
		}
	}
	chOrder := map[Channel]int{ChannelWeb: 0, ChannelFeed: 1, ChannelModernGov: 2, ChannelDocument: 3, ChannelSocial: 4}
	tOrder := map[Type]int{}
	for i, t := range Types {
		tOrder[t] = i
	}
	less := func(a, b Compliance) bool {
		if a.Channel != b.Channel {
			return chOrder[a.Channel] < chOrder[b.Channel] || chOrder[a.Channel] == chOrder[b.Channel] && a.Channel < b.Channel
		}
		return tOrder[a.Type] < tOrder[b.Type]
	}
	for _, l := range [][]Compliance{r.ByChannel, r.ByType, r.ByChannelType} {
		sort.Slice(l, func(i, j int) bool { return less(l[i], l[j]) })
	}

	// Fix first.
	for i := range items {
		s := &items[i]
		v := views(s)
		gap := round1(100 - s.Score)
		if v <= 0 || gap <= 0 || s.Error != "" {
			continue
		}
		f := FixItem{URL: s.URL, Title: s.Title, Channel: s.Channel, Type: s.Class.Type, Views: v, Score: s.Score, Gap: gap, Priority: round1(float64(v) * gap)}
		if len(s.Findings) > 3 {
			f.Findings = s.Findings[:3]
		} else {
			f.Findings = s.Findings
		}
		if fb := in.Feedback.Of(s.URL); fb.Clear+fb.Unclear > 0 {
			f.Feedback = &fb
			f.Priority = round1(float64(v) * gap * fb.Weight())
		}
		r.FixFirst = append(r.FixFirst, f)
	}
	sort.SliceStable(r.FixFirst, func(i, j int) bool {
		if r.FixFirst[i].Priority != r.FixFirst[j].Priority {
			return r.FixFirst[i].Priority > r.FixFirst[j].Priority
		}
		return r.FixFirst[i].URL < r.FixFirst[j].URL
	})
	top := in.Top
	if top <= 0 {
		top = 20
	}
	if len(r.FixFirst) > top {
		r.FixFirst = r.FixFirst[:top]
	}

	// PDF only.
	htmlTitles := map[string]bool{}
	htmlAt := map[string]bool{} // decision + coverage stage with a substantial web page
	for i := range items {
		s := &items[i]
		if s.Document {
			continue
		}
		htmlTitles[normTitle(s.Title)] = true
		if s.DecisionID != "" && s.Words >= 150 {
			for _, st := range s.Stages {
				if c, ok := CoverageOf(st); ok {
					htmlAt[s.DecisionID+"\x00"+string(c)] = true
				}
			}
		}
	}
	for i := range items {
		s := &items[i]
		if !s.Document {
			continue
		}
		if htmlTitles[normTitle(s.Title)] && s.Title != "" {
			continue
		}
		covered := false
		for _, st := range s.Stages {
			if c, ok := CoverageOf(st); ok && s.DecisionID != "" && htmlAt[s.DecisionID+"\x00"+string(c)] {
				covered = true
			}
		}
		if !covered {
			r.PDFOnly = append(r.PDFOnly, PDFOnly{URL: s.URL, Title: s.Title, DecisionID: s.DecisionID, Views: views(s)})
		}
	}

	r.Feedback = feedbackItems(in.Feedback, items, top)
	r.Journeys = coverage(items, in.Decisions)
	if in.Previous != nil {
		r.Change = change(in.Previous, items, pass)
	}
	// Empty lists are [] in JSON, never null.
	if r.ByChannel == nil {
		r.ByChannel, r.ByType, r.ByChannelType = []Compliance{}, []Compliance{}, []Compliance{}
	}
	if r.FixFirst == nil {
		r.FixFirst = []FixItem{}
	}
	if r.Journeys == nil {
		r.Journeys = []JourneyCoverage{}
	}
	if r.PDFOnly == nil {
		r.PDFOnly = []PDFOnly{}
	}
	if r.Items == nil {
		r.Items = []Scored{}
	}
	return r
}

// feedbackItems lists the pages citizens answered about, joined to the
// snapshot's items by [PageKey], the most "no" answers first, then the
// fewest "yes", then by address; at most top.
func feedbackItems(fb Feedback, items []Scored, top int) []FeedbackItem {
	if len(fb) == 0 {
		return nil
	}
	byKey := make(map[string]*Scored, len(items))
	for i := range items {
		if k := PageKey(items[i].URL); k != "" {
			if _, dup := byKey[k]; !dup {
				byKey[k] = &items[i]
			}
		}
	}
	out := make([]FeedbackItem, 0, len(fb))
	for k, p := range fb {
		if p.Clear+p.Unclear <= 0 {
			continue
		}
		it := FeedbackItem{URL: k, PageFeedback: p}
		if s := byKey[k]; s != nil {
			it.URL, it.Title = s.URL, s.Title
		}
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Unclear != b.Unclear {
			return a.Unclear > b.Unclear
		}
		if a.Clear != b.Clear {
			return a.Clear < b.Clear
		}
		return a.URL < b.URL
	})
	if len(out) > top {
		out = out[:top]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func normTitle(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func round1(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*10) / 10
}

func coverage(items []Scored, decs []journey.Decision) []JourneyCoverage {
	type entry struct {
		title    string
		expected map[CoverageStage]bool
		items    map[CoverageStage][]*Scored
	}
	byID := map[string]*entry{}
	var order []string
	get := func(id string) *entry {
		e := byID[id]
		if e == nil {
			e = &entry{expected: map[CoverageStage]bool{}, items: map[CoverageStage][]*Scored{}}
			byID[id] = e
			order = append(order, id)
		}
		return e
	}
	for i := range decs {
		d := &decs[i]
		e := get(decisionKey(d))
		e.title = d.Title
		decided := false
		for _, ev := range d.History {
			if c, ok := CoverageOf(ev.Stage); ok {
				e.expected[c] = true
				if c == CoverDecision || c == CoverCallIn || c == CoverOutcome {
					decided = true
				}
			}
		}
		if d.KeyDecision {
			e.expected[CoverNotice] = true
		}
		if d.SubjectToCallIn && !d.Urgent && decided {
			e.expected[CoverCallIn] = true
		}
	}
	known := len(byID)
	for i := range items {
		s := &items[i]
		if s.DecisionID == "" {
			continue
		}
		e := get(s.DecisionID)
		for _, st := range s.Stages {
			if c, ok := CoverageOf(st); ok {
				e.items[c] = append(e.items[c], s)
			}
		}
	}
	// A decision known only from content (a ModernGov issue id) expects
	// the stages its content speaks of, and takes its title from its
	// decision or agenda item.
	for _, id := range order[known:] {
		e := byID[id]
		for _, c := range CoverageStages {
			if len(e.items[c]) > 0 {
				e.expected[c] = true
				if e.title == "" || c == CoverDecision {
					for _, s := range e.items[c] {
						if !s.Document {
							e.title = s.Title
							break
						}
					}
				}
			}
		}
	}
	sort.Strings(order[known:])
	var out []JourneyCoverage
	for _, id := range order {
		e := byID[id]
		jc := JourneyCoverage{DecisionID: id, Title: e.title}
		for _, c := range CoverageStages {
			sc := StageCoverage{Stage: c, Expected: e.expected[c], Status: StatusMissing}
			var web, webPass, docs bool
			for _, s := range e.items[c] {
				sc.Items = append(sc.Items, s.URL)
				switch {
				case s.Document:
					docs = true
				case s.Passed:
					webPass, web = true, true
				default:
					web = true
				}
			}
			sort.Strings(sc.Items)
			sc.Items = dedupe(sc.Items)
			switch {
			case webPass:
				sc.Status = StatusReadable
			case web:
				sc.Status = StatusHard
			case docs:
				sc.Status = StatusPDFOnly
			}
			if sc.Expected && sc.Status != StatusReadable {
				jc.Gaps = append(jc.Gaps, c)
			}
			jc.Stages = append(jc.Stages, sc)
		}
		out = append(out, jc)
	}
	return out
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func change(prev, cur []Scored, pass float64) *Change {
	c := &Change{Added: []string{}, Removed: []string{}, Changed: []string{}}
	pm := map[string]*Scored{}
	for i := range prev {
		pm[prev[i].URL] = &prev[i]
	}
	cm := map[string]bool{}
	mean := func(l []Scored) (float64, float64) {
		if len(l) == 0 {
			return 0, 0
		}
		var sum float64
		n := 0
		for _, s := range l {
			sum += s.Score
			if s.Score >= pass && s.Error == "" {
				n++
			}
		}
		return round1(sum / float64(len(l))), round1(100 * float64(n) / float64(len(l)))
	}
	c.MeanScoreBefore, c.PassRateBefore = mean(prev)
	c.MeanScoreAfter, c.PassRateAfter = mean(cur)
	for i := range cur {
		s := &cur[i]
		cm[s.URL] = true
		p, ok := pm[s.URL]
		if !ok {
			c.Added = append(c.Added, s.URL)
			continue
		}
		if p.Hash != s.Hash {
			c.Changed = append(c.Changed, s.URL)
		}
		if d := s.Score - p.Score; d > 0.05 {
			c.Improved = append(c.Improved, ScoreChange{URL: s.URL, Before: p.Score, After: s.Score})
		} else if d < -0.05 {
			c.Worsened = append(c.Worsened, ScoreChange{URL: s.URL, Before: p.Score, After: s.Score})
		}
	}
	for i := range prev {
		if !cm[prev[i].URL] {
			c.Removed = append(c.Removed, prev[i].URL)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Removed)
	sort.Strings(c.Changed)
	by := func(l []ScoreChange) {
		sort.Slice(l, func(i, j int) bool {
			di, dj := math.Abs(l[i].After-l[i].Before), math.Abs(l[j].After-l[j].Before)
			if di != dj {
				return di > dj
			}
			return l[i].URL < l[j].URL
		})
	}
	by(c.Improved)
	by(c.Worsened)
	return c
}
