package content

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFixFirstWeighsFeedback: two pages equally far from the standards,
// the parking page read a little less; citizens who found the parking
// page unclear move it above the other, by the weight the doc gives.
func TestFixFirstWeighsFeedback(t *testing.T) {
	items := []Scored{
		{URL: "https://www.council.example/bins", Score: 40},
		{URL: "https://www.council.example/parking", Score: 40},
	}
	views := Views{}
	views.Add("/bins", 1000)
	views.Add("/parking", 800)
	r := Audit(AuditInput{Items: items, Views: views})
	require.Len(t, r.FixFirst, 2)
	assert.Equal(t, "https://www.council.example/bins", r.FixFirst[0].URL, "without feedback, views decide")
	assert.Nil(t, r.FixFirst[0].Feedback)

	fb := Feedback{}
	fb.Add("https://www.council.example/parking?from=home", 1, 3) // joined by path, as views are
	fb.Add("/bins", 5, 0)
	r = Audit(AuditInput{Items: items, Views: views, Feedback: fb})
	require.Len(t, r.FixFirst, 2)
	assert.Equal(t, "https://www.council.example/parking", r.FixFirst[0].URL)
	// weight 1 + 3/(1+3+2) = 1.5
	assert.InDelta(t, 800*60*1.5, r.FixFirst[0].Priority, 0.1)
	assert.Equal(t, &PageFeedback{Clear: 1, Unclear: 3}, r.FixFirst[0].Feedback)
	// all "yes" leaves a page's priority as it was
	assert.InDelta(t, 1000*60, r.FixFirst[1].Priority, 0.1)
	assert.Equal(t, &PageFeedback{Clear: 5}, r.FixFirst[1].Feedback)
}

func TestFeedbackWeight(t *testing.T) {
	assert.Equal(t, 1.0, PageFeedback{}.Weight())
	assert.Equal(t, 1.0, PageFeedback{Clear: 9}.Weight())
	assert.InDelta(t, 1+1.0/3, PageFeedback{Unclear: 1}.Weight(), 1e-12, "one no does not double a page")
	assert.Less(t, PageFeedback{Unclear: 1000}.Weight(), 2.0)
	assert.Greater(t, PageFeedback{Unclear: 1000}.Weight(), 1.99)
}

func TestRedactSaid(t *testing.T) {
	for in, want := range map[string]string{
		"email me at jo.bloggs+council@example.co.uk please": "email me at [email] please",
		"I'm @jo@mastodon.social on Mastodon":                "I'm @resident on Mastodon",
		"ask @jo_b":                                          "ask @resident",
		"call 07700 900123 or +44 (0)1484 221000":            "call [phone] or [phone]",
		"call 01484-221-000":                                 "call [phone]",
		"the 2025 to 2026 budget, item 12, 3 April":          "the 2025 to 2026 budget, item 12, 3 April",
		"ref 2024/01234/FUL\tand\n\nmore":                    "ref 2024/01234/FUL and more",
		"meet @ the town hall":                               "meet @ the town hall",
	} {
		assert.Equal(t, want, RedactSaid(in), in)
	}
}

func TestAddSaidKeepsNewestFew(t *testing.T) {
	fb := Feedback{}
	fb.AddSaid("https://www.council.example/bins?x=1", "newest", "  ", "b", "c")
	fb.AddSaid("/bins", "d", "e", "f", "g")
	assert.Equal(t, []string{"newest", "b", "c", "d", "e"}, fb.Of("/bins").Said)
	assert.Len(t, fb.Of("/bins").Said, MaxSaid)
	fb.AddSaid("", "lost")
	assert.Len(t, fb, 1)
}

func TestReportFeedbackList(t *testing.T) {
	items := []Scored{{URL: "https://www.council.example/bins", Title: "Bins", Score: 40}}
	fb := Feedback{}
	fb.Add("/bins", 2, 1)
	fb.AddSaid("/bins", "which day?")
	fb.Add("/parking", 0, 3)
	fb.Add("/empty", 0, 0)
	r := Audit(AuditInput{Items: items, Feedback: fb})
	require.Len(t, r.Feedback, 2)
	assert.Equal(t, FeedbackItem{URL: "/parking", PageFeedback: PageFeedback{Unclear: 3}}, r.Feedback[0], "most no answers first; a page not in the snapshot keeps its path")
	assert.Equal(t, FeedbackItem{URL: "https://www.council.example/bins", Title: "Bins", PageFeedback: PageFeedback{Clear: 2, Unclear: 1, Said: []string{"which day?"}}}, r.Feedback[1])
	assert.Nil(t, Audit(AuditInput{Items: items}).Feedback)
}
