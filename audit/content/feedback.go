package content

import (
	"regexp"
	"strings"
	"sync"
)

// PageFeedback is what citizens answered about one page when asked "Is
// this page clear?" (the <civic-feedback> widget and "civickit feedback
// serve").
type PageFeedback struct {
	Clear   int `json:"clear"`   // "yes" answers
	Unclear int `json:"unclear"` // "no" answers
	// Said is what citizens said was unclear, newest first, at most
	// [MaxSaid], redacted by [RedactSaid].
	Said []string `json:"said,omitempty"`
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

// MaxSaid is how many of citizens' own words about one page the content
// audit keeps: the newest, enough to show an editor what confused people
// without turning the report into an inbox.
const MaxSaid = 5

// AddSaid keeps what citizens said was unclear about page u, newest
// first, at most [MaxSaid], each passed through [RedactSaid]. Blank texts
// are skipped.
func (f Feedback) AddSaid(u string, texts ...string) {
	k := PageKey(u)
	if k == "" {
		return
	}
	p := f[k]
	for _, t := range texts {
		if len(p.Said) >= MaxSaid {
			break
		}
		if t = strings.TrimSpace(RedactSaid(t)); t != "" {
			p.Said = append(p.Said, t)
		}
	}
	f[k] = p
}

// said holds RedactSaid's patterns, compiled on first use rather than at
// the start of every command.
var said = sync.OnceValue(func() (p struct{ email, handle, phone, space *regexp.Regexp }) {
	p.email = regexp.MustCompile(`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)
	p.handle = regexp.MustCompile(`(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?`)
	p.phone = regexp.MustCompile(`(?:\+\s?44\s?(?:\(0\)\s?)?|\b0)\d(?:[\s-]?\d){8,9}\b`)
	p.space = regexp.MustCompile(`\s+`)
	return p
})

// RedactSaid replaces, in a citizen's words, what could name or reach
// them: email addresses become "[email]", social handles "@resident"
// and UK telephone numbers "[phone]"; runs of white space become one
// space. Citizens' answers are personal data, so the content audit shows
// them only through it.
func RedactSaid(s string) string {
	p := said()
	s = p.handle.ReplaceAllString(s, "${1}@resident")
	s = p.email.ReplaceAllLiteralString(s, "[email]")
	s = p.phone.ReplaceAllLiteralString(s, "[phone]")
	return p.space.ReplaceAllLiteralString(s, " ")
}
