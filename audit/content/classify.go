package content

import (
	"strings"

	"github.com/civickit/civickit/civic/journey"
)

// Type is what kind of democratic content an item is.
type Type string

// The content types. An item that matches no rule is TypeOther (a service
// page, for example); it is scored but not counted as democratic content.
const (
	TypeDecisionNotice Type = "decision-notice" // a published decision or record of decision
	TypeConsultation   Type = "consultation"    // a consultation, survey or "have your say"
	TypeAgenda         Type = "agenda"          // an agenda, forward plan or notice of business to come
	TypeMinutes        Type = "minutes"         // minutes of a meeting
	TypeReport         Type = "report"          // a committee report or appendix
	TypeNews           Type = "news"            // news or a press release
	TypeExplainer      Type = "explainer"       // how the council decides, how to take part
	TypePost           Type = "post"            // a social-media post
	TypeOther          Type = "other"           // none of the above
)

// Types lists the content types in report order.
var Types = []Type{TypeDecisionNotice, TypeConsultation, TypeAgenda, TypeMinutes, TypeReport, TypeNews, TypeExplainer, TypePost, TypeOther}

// ClassRule is one rule of the classifier: when any of its phrases occurs
// in the part of the item it looks at, the item has its type (and stage).
// Rules are data, tried in order; the first that matches wins and is
// named in the item's classification, so a reader can see why.
type ClassRule struct {
	// ID names the rule in reports.
	ID string `json:"id"`
	// Type is the type the rule gives.
	Type Type `json:"type"`
	// Stage is the journey stage the rule implies, if any.
	Stage journey.StageID `json:"stage,omitempty"`
	// Where is what the rule looks at: "channel", "title", "url" or "text"
	// (the first 3,000 bytes of the item's text), all lower-cased.
	Where string `json:"where"`
	// Any are the phrases, in lower case; one must occur.
	Any []string `json:"any"`
}

// DefaultRules are the classifier's rules. Explainers come first, so that
// a page explaining decisions ("Record of decisions" under "how decisions
// are made") is not taken for a decision, then news by its address (a
// news story about a consultation is news); then titles, addresses and
// text, from the most specific type to the least.
var DefaultRules = []ClassRule{
	{ID: "social-post", Type: TypePost, Where: "channel", Any: []string{string(ChannelSocial)}},
	{ID: "explainer-title", Type: TypeExplainer, Where: "title", Any: []string{"how decisions are made", "how the council works", "how we make decisions", "get involved", "what is ", "guide to", "how to ", "explained", "about the council", "your council"}},
	{ID: "explainer-url", Type: TypeExplainer, Where: "url", Any: []string{"how_decisions_are_made", "how-decisions-are-made", "how-the-council-works", "how-council-works", "/about-the-council", "/get-involved"}},
	{ID: "news-url-first", Type: TypeNews, Where: "url", Any: []string{"/news/", "/press-release", "/press/", "/newsroom"}},
	{ID: "decision-title", Type: TypeDecisionNotice, Stage: journey.StageDecisionPublished, Where: "title", Any: []string{"decision notice", "record of decision", "decision record", "decision details", "officer decision", "delegated decision", "executive decision", "decision:"}},
	{ID: "consultation-title", Type: TypeConsultation, Stage: journey.StageConsultation, Where: "title", Any: []string{"consultation", "have your say", "survey", "tell us what you think", "engagement"}},
	{ID: "minutes-title", Type: TypeMinutes, Stage: journey.StageDecided, Where: "title", Any: []string{"minutes"}},
	{ID: "notice-title", Type: TypeAgenda, Stage: journey.StageNoticePublished, Where: "title", Any: []string{"forward plan", "notice of key decision", "key decision notice", "notice of intention", "general exception", "special urgency"}},
	{ID: "agenda-title", Type: TypeAgenda, Stage: journey.StageAgendaPublished, Where: "title", Any: []string{"agenda", "notice of meeting", "summons"}},
	{ID: "report-title", Type: TypeReport, Where: "title", Any: []string{"report", "appendix", "impact assessment", "business case"}},
	{ID: "news-title", Type: TypeNews, Where: "title", Any: []string{"press release", "news"}},
	{ID: "decision-url", Type: TypeDecisionNotice, Stage: journey.StageDecisionPublished, Where: "url", Any: []string{"iedecisiondetails", "mgdelegateddecisions", "/decision-notice", "/decision-record"}},
	{ID: "consultation-url", Type: TypeConsultation, Stage: journey.StageConsultation, Where: "url", Any: []string{"consultation", "have-your-say", "haveyoursay", "consult."}},
	{ID: "minutes-url", Type: TypeMinutes, Stage: journey.StageDecided, Where: "url", Any: []string{"/minutes"}},
	{ID: "notice-url", Type: TypeAgenda, Stage: journey.StageNoticePublished, Where: "url", Any: []string{"mglistplans", "forward-plan", "forwardplan"}},
	{ID: "agenda-url", Type: TypeAgenda, Stage: journey.StageAgendaPublished, Where: "url", Any: []string{"ielistdocuments", "/agenda", "/committee-meetings/", "/meetings/"}},
	{ID: "explainer-text", Type: TypeExplainer, Where: "text", Any: []string{"what is a key decision", "what a consultation is", "how decisions are made", "how the council makes decisions"}},
	{ID: "decision-text", Type: TypeDecisionNotice, Stage: journey.StageDecisionPublished, Where: "text", Any: []string{"reason for decision", "reasons for the decision", "reasons for decision", "date of decision", "subject to call-in", "subject to call in", "decision status"}},
	{ID: "minutes-text", Type: TypeMinutes, Stage: journey.StageDecided, Where: "text", Any: []string{"resolved that", "minutes:", "taken as read", "signed as a correct record"}},
	{ID: "consultation-text", Type: TypeConsultation, Stage: journey.StageConsultation, Where: "text", Any: []string{"consultation closes", "consultation is open", "have your say", "complete the survey", "respond to the consultation", "tell us what you think"}},
	{ID: "agenda-text", Type: TypeAgenda, Stage: journey.StageAgendaPublished, Where: "text", Any: []string{"apologies for absence", "declarations of interest", "agenda item"}},
	{ID: "report-text", Type: TypeReport, Where: "text", Any: []string{"purpose of the report", "purpose of report", "report of the", "recommendations:"}},
	{ID: "news-text", Type: TypeNews, Where: "text", Any: []string{"press release", "media enquiries"}},
	{ID: "document-default", Type: TypeReport, Where: "channel", Any: []string{string(ChannelDocument)}},
	{ID: "feed-default", Type: TypeNews, Where: "channel", Any: []string{string(ChannelFeed)}},
	{ID: "moderngov-default", Type: TypeAgenda, Stage: journey.StageAgendaPublished, Where: "channel", Any: []string{string(ChannelModernGov)}},
}

// Class is an item's classification and why.
type Class struct {
	// Type is the content type.
	Type Type `json:"type"`
	// Rule is the id of the rule that matched, "" for TypeOther.
	Rule string `json:"rule,omitempty"`
	// Match is the phrase the rule found.
	Match string `json:"match,omitempty"`
	// Stage is the journey stage the rule implies, if any.
	Stage journey.StageID `json:"stage,omitempty"`
}

// Classify classifies an item from its channel, title, URL and the start
// of its plain text, by the first of rules (nil means DefaultRules) that
// matches.
func Classify(rules []ClassRule, ch Channel, title, url, text string) Class {
	if rules == nil {
		rules = DefaultRules
	}
	if len(text) > 3000 {
		text = text[:3000]
	}
	parts := map[string]string{
		"channel": string(ch),
		"title":   strings.ToLower(title),
		"url":     strings.ToLower(url),
		"text":    strings.ToLower(text),
	}
	for _, r := range rules {
		s := parts[r.Where]
		for _, p := range r.Any {
			if r.Where == "channel" && s == p || r.Where != "channel" && p != "" && strings.Contains(s, p) {
				return Class{Type: r.Type, Rule: r.ID, Match: p, Stage: r.Stage}
			}
		}
	}
	return Class{Type: TypeOther}
}

// stagePhrases are phrases that show an item also tells a citizen about
// a later stage: call-in, or the outcome.
var stagePhrases = []struct {
	stage   journey.StageID
	phrases []string
}{
	{journey.StageCallIn, []string{"call-in", "call in period", "called in", "calling in"}},
	{journey.StageInEffect, []string{"has been implemented", "now in effect", "came into effect", "progress update", "what happened next", "you said, we did", "you said we did", "the outcome of"}},
}

// alsoStages returns the later stages text speaks of.
func alsoStages(text string) []journey.StageID {
	if len(text) > 20000 {
		text = text[:20000]
	}
	l := strings.ToLower(text)
	var out []journey.StageID
	for _, sp := range stagePhrases {
		for _, p := range sp.phrases {
			if strings.Contains(l, p) {
				out = append(out, sp.stage)
				break
			}
		}
	}
	return out
}
