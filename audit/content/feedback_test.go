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
