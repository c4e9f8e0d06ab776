package content

// PageFeedback is what citizens answered about one page when asked "Is
// this page clear?" (the <civic-feedback> widget and "civickit feedback
// serve").
type PageFeedback struct {
	Clear   int `json:"clear"`   // "yes" answers
	Unclear int `json:"unclear"` // "no" answers
}

// Feedback is citizens' answers by page, keyed by [PageKey] so that it
// joins the crawl and the analytics exports as views do.
type Feedback map[string]PageFeedback

// Add counts answers about page u.
func (f Feedback) Add(u string, clear, unclear int) {
	k := PageKey(u)
	if k == "" {
		return
	}
	p := f[k]
	p.Clear += clear
	p.Unclear += unclear
	f[k] = p
}

// Of returns the answers about page u.
func (f Feedback) Of(u string) PageFeedback { return f[PageKey(u)] }

// feedbackPrior is how many answers of each kind the weight assumes
// before any arrive, so that one "no" does not double a page's priority.
const feedbackPrior = 2

// Weight is the factor "fix first" multiplies a page's priority by: 1
// plus the share of "no" answers, smoothed as if two "yes" answers had
// come first; from 1 (no answers, or all "yes") towards 2 (all "no").
// Citizens who found a page unclear say what its score can only guess.
func (p PageFeedback) Weight() float64 {
	if p.Unclear <= 0 {
		return 1
	}
	return 1 + float64(p.Unclear)/float64(p.Clear+p.Unclear+feedbackPrior)
}
