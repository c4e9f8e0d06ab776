package compose

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/standards"
	"github.com/rivo/uniseg"
)

// DefaultMaxReadingAge is the highest UK reading age a post may score
// (Flesch–Kincaid grade plus 5): 9, the age GOV.UK writes for.
const DefaultMaxReadingAge = 9

// defaultChecker scores posts against the GOV.UK preset; its compiled
// rules are built once and shared (a Checker is safe for concurrent use).
var defaultChecker = &standards.Checker{}

// builtinOnce returns the built-in templates, parsed once; Compose only
// reads them.
var builtinOnce = sync.OnceValue(Builtin)

// blockingRules are the standards a post must meet with no finding.
var blockingRules = map[string]bool{"plain-english": true, "jargon": true, "passive-voice": true}

// Options configures [Compose]. The zero value writes every channel from
// the built-in templates, for the decision's current stage, under the
// decision's own council profile.
type Options struct {
	// Council is the council profile for deadlines; nil uses the
	// decision's own (journey.Decision.CouncilFor).
	Council *journey.Council
	// Templates are the wordings; nil uses [Builtin].
	Templates *Templates
	// Stage previews the posts for a later stage; "" writes them for the
	// stage the decision is at now.
	Stage journey.StageID
	// Channels limits the channels written; nil writes all of [Channels].
	Channels []Channel
	// Hashtags are the council's own, added where the channel's template
	// has {tags}; a missing # is added.
	Hashtags []string
	// Handles are the council's handles per channel, for {handle}.
	Handles map[Channel]string
	// Image says an image will be attached: the result asks for alt text
	// unless AltText is given.
	Image   bool
	AltText string
	// Welsh writes each post in Welsh too, from the Welsh templates, which
	// the council supplies.
	Welsh bool
	// Checker scores the posts; nil uses the GOV.UK preset.
	Checker *standards.Checker
	// MaxReadingAge is the highest reading age a post may have; 0 means
	// [DefaultMaxReadingAge].
	MaxReadingAge float64
}

// Result holds the posts for one decision at one stage.
type Result struct {
	// DecisionID is the council's reference for the decision.
	DecisionID string `json:"decision_id,omitempty"`
	// Title is the title the posts use: the decision's own, or a plainer
	// one when the decision's breaks a rule (see TitleAdvice).
	Title string `json:"title"`
	// Stage is the stage the posts describe.
	Stage journey.StageID `json:"stage"`
	// StageTitle is that stage's citizen-facing title.
	StageTitle string `json:"stage_title"`
	// Posts are the posts, one per channel and language.
	Posts []Post `json:"posts"`
	// Web is a summary for the council's web page in the GOV.UK
	// step-by-step shape, as Markdown.
	Web string `json:"web"`
	// TitleAdvice is set when the decision's own title breaks a content
	// standard; the posts use its plainer title.
	TitleAdvice *TitleAdvice `json:"title_advice,omitempty"`
	// AltText is the alt text for an attached image; AltTextNeeded is set
	// when an image is attached without one.
	AltText       string `json:"alt_text,omitempty"`
	AltTextNeeded bool   `json:"alt_text_needed,omitempty"`
}

// Post is one ready-to-post text.
type Post struct {
	// Channel is where it goes.
	Channel Channel `json:"channel"`
	// Language is "en", or "cy" for Welsh.
	Language string `json:"language"`
	// Text is the post as it should be published.
	Text string `json:"text"`
	// Length is the text's length as the channel counts it.
	Length int `json:"length"`
	// Limit is the channel's limit.
	Limit Limit `json:"limit"`
	// ReadingAge is the UK reading age of the post's prose (links,
	// hashtags and handles left out); 0 for Welsh posts, which the
	// English standards do not score.
	ReadingAge float64 `json:"reading_age"`
	// Findings are the plain-English, jargon and passive-voice findings
	// on the post; a post ready to publish has none.
	Findings []standards.Finding `json:"findings,omitempty"`
	// Ready is true when the post is within its limit, scores at or under
	// the reading age and has no findings.
	Ready bool `json:"ready"`
	// Shortened is set when the title was cut to fit the channel.
	Shortened bool `json:"shortened,omitempty"`
}

// TitleAdvice explains why a decision's title was not used as it is.
type TitleAdvice struct {
	// Original is the decision's own title.
	Original string `json:"original"`
	// Plainer is the title the posts use instead.
	Plainer string `json:"plainer"`
	// Findings are the rules the original title breaks.
	Findings []standards.Finding `json:"findings"`
}

// Compose writes the posts for decision d. It returns an error only for
// input it cannot use (an unknown stage or channel, a template missing
// for the stage); posts that miss a standard come back with Ready false
// and their findings.
func Compose(ctx context.Context, d *journey.Decision, opt Options) (*Result, error) {
	if d == nil {
		return nil, errors.New("compose: no decision")
	}
	tpl := opt.Templates
	if tpl == nil {
		tpl = builtinOnce()
	}
	checker := opt.Checker
	if checker == nil {
		checker = defaultChecker
	}
	maxAge := opt.MaxReadingAge
	if maxAge <= 0 {
		maxAge = DefaultMaxReadingAge
	}
	var council journey.Council
	if opt.Council != nil {
		council = *opt.Council
	} else {
		council = d.CouncilFor()
	}
	view, err := atStage(d, opt.Stage)
	if err != nil {
		return nil, err
	}
	cur, started := view.Current()
	if !started {
		return nil, errors.New("compose: the decision has no stage yet: give its history or --stage")
	}
	stage, _ := journey.StageFor(cur.Stage)
	summary := view.Explain(&council)

	res := &Result{DecisionID: d.ID, Stage: cur.Stage, StageTitle: stage.Title, AltText: opt.AltText}
	res.AltTextNeeded = opt.Image && strings.TrimSpace(opt.AltText) == ""
	title := cleanTitle(d.Title)
	if title == "" {
		return nil, errors.New("compose: the decision has no title")
	}
	if adv, err := adviseTitle(checker, title); err != nil {
		return nil, err
	} else if adv != nil {
		res.TitleAdvice = adv
		title = adv.Plainer
	}
	res.Title = title

	vals := map[string]string{
		"title":   title,
		"url":     safeURL(d.URL),
		"contact": oneLine(d.Contact),
		"council": oneLine(council.Name),
		"tags":    hashtags(opt.Hashtags),
	}
	if next, ok := nextStep(summary); ok {
		vals["next"] = next.Title
		if due := firstDate(next.Due, next.Date); !due.IsZero() {
			vals["when"] = postDate(due, cur.Date, englishDate)
		}
	}
	if by := sayBy(summary); !by.IsZero() {
		vals["by"] = postDate(by, cur.Date, englishDate)
	}
	channels := opt.Channels
	if channels == nil {
		channels = Channels()
	}
	for _, c := range channels {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		post, err := write(tpl, c, cur.Stage, vals, opt.Handles[c], "en", func(p *Post) { score(checker, p, title, maxAge) })
		if err != nil {
			return nil, err
		}
		res.Posts = append(res.Posts, post)
	}
	if opt.Welsh {
		if tpl.Welsh == nil {
			return nil, errors.New("compose: Welsh posts need the council's Welsh templates (a welsh: section); civickit does not translate")
		}
		wv := map[string]string{}
		for k, v := range vals {
			wv[k] = v
		}
		if v := vals["by"]; v != "" {
			wv["by"] = postDate(sayBy(summary), cur.Date, welshDate)
		}
		if next, ok := nextStep(summary); ok {
			if due := firstDate(next.Due, next.Date); !due.IsZero() {
				wv["when"] = postDate(due, cur.Date, welshDate)
			}
		}
		for _, c := range channels {
			post, err := write(tpl.Welsh, c, cur.Stage, wv, opt.Handles[c], "cy", nil)
			if err != nil {
				return nil, fmt.Errorf("%w (Welsh)", err)
			}
			res.Posts = append(res.Posts, post)
		}
	}
	res.Web = webSummary(&summary, title, tpl.Stages[cur.Stage], vals)
	return res, nil
}

// atStage returns the decision as it would be at stage id: its history
// up to the last time it reached id, or with id added after its last
// event.
func atStage(d *journey.Decision, id journey.StageID) (*journey.Decision, error) {
	v := *d
	v.History = append([]journey.StageEvent(nil), d.History...)
	if id == "" {
		return &v, nil
	}
	if _, ok := journey.StageFor(id); !ok {
		return nil, fmt.Errorf("compose: unknown stage %q (see civickit journey stages)", id)
	}
	for i := len(v.History) - 1; i >= 0; i-- {
		if v.History[i].Stage == id {
			v.History = v.History[:i+1]
			return &v, nil
		}
	}
	var date calendar.Date
	if n := len(v.History); n > 0 {
		date = v.History[n-1].Date
	}
	if date.IsZero() {
		date = calendar.DateOf(time.Now())
	}
	v.History = append(v.History, journey.StageEvent{Stage: id, Date: date})
	return &v, nil
}

// nextStep returns the first step still to come.
func nextStep(s journey.Summary) (journey.Step, bool) {
	for _, st := range s.Steps {
		if st.Status == journey.StepUpcoming {
			return st, true
		}
	}
	return journey.Step{}, false
}

// sayBy returns the date to have a say by: the first deadline of a step
// still to come, on or after the current stage's date.
func sayBy(s journey.Summary) calendar.Date {
	for _, st := range s.Steps {
		if st.Status == journey.StepUpcoming && !st.Due.IsZero() && !st.Due.Before(s.Since) {
			return st.Due
		}
	}
	return calendar.Date{}
}

func firstDate(ds ...calendar.Date) calendar.Date {
	for _, d := range ds {
		if !d.IsZero() {
			return d
		}
	}
	return calendar.Date{}
}

// postDate writes a date for a post: without its year ("5 March") when it
// falls within the 300 days after the stage's date, as a reader takes it
// to be the coming one, else with the year. The GOV.UK style keeps the
// year in the web summary. Posts are short, and a year read aloud
// ("two thousand and twenty-six") is six syllables that raise the reading
// age of a 20-word post by about three years.
func postDate(d, since calendar.Date, format func(calendar.Date) string) string {
	full := format(d)
	if since.IsZero() {
		return full
	}
	if n := since.DaysUntil(d); n >= 0 && n <= 300 {
		return full[:strings.LastIndexByte(full, ' ')]
	}
	return full
}

// englishDate writes a date in the GOV.UK style: 5 March 2026.
func englishDate(d calendar.Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

var welshMonths = [...]string{"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"}

// welshDate writes a date as Welsh government style does: 5 Mawrth 2026.
func welshDate(d calendar.Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, welshMonths[d.Month-1], d.Year)
}

// write renders channel c's post at stage id. It tries the fullest form
// first, then leaves out optional parts from the end, then shortens the
// title, and returns the first form within the channel's limit that also
// meets the standards (when check is set); when none does, the fullest
// form within the limit, with its findings.
func write(t *Templates, c Channel, id journey.StageID, vals map[string]string, handle, lang string, check func(*Post)) (Post, error) {
	lim, ok := LimitOf(c)
	if !ok {
		return Post{}, fmt.Errorf("compose: unknown channel %q", c)
	}
	ct := t.Channels[c]
	st, ok := t.Stages[id]
	if ct == nil || !ok || st.Now == nil || st.Say == nil {
		return Post{}, fmt.Errorf("compose: no template for channel %s at stage %s", c, id)
	}
	v := make(map[string]string, len(vals)+3)
	for k, x := range vals {
		v[k] = x
	}
	v["handle"] = handle
	v["now"] = st.Now.render(v, 0)
	v["say"] = st.Say.render(v, 0)
	var first *Post
	title := []rune(v["title"])
	for cut := 0; cut <= len(title); {
		shortened := cut > 0
		if shortened {
			v["title"] = shorten(vals["title"], len(title)-cut)
			v["now"] = st.Now.render(v, 0)
			v["say"] = st.Say.render(v, 0)
		}
		for drop := 0; drop <= ct.groups(); drop++ {
			text := tidy(ct.render(v, drop))
			n := Length(c, text)
			if n > lim.Max {
				continue
			}
			p := Post{Channel: c, Language: lang, Limit: lim, Text: text, Length: n, Shortened: shortened, Ready: true}
			if check != nil {
				check(&p)
			}
			if p.Ready {
				return p, nil
			}
			if first == nil || better(&p, first) {
				first = &p
			}
		}
		if first != nil {
			return *first, nil
		}
		// Cut the title by the overflow of the shortest form, at least one.
		over := Length(c, tidy(ct.render(v, ct.groups()))) - lim.Max
		if over < 1 {
			over = 1
		}
		cut += over
	}
	return Post{}, fmt.Errorf("compose: the %s template is longer than the channel's limit of %d even without the title", c, lim.Max)
}

// better reports whether post p is nearer to ready than q: fewer
// findings, then a lower reading age.
func better(p, q *Post) bool {
	if len(p.Findings) != len(q.Findings) {
		return len(p.Findings) < len(q.Findings)
	}
	return p.ReadingAge < q.ReadingAge
}

// shorten cuts s to at most n graphemes, at a word boundary where it can,
// and marks the cut with an ellipsis.
func shorten(s string, n int) string {
	if n <= 1 {
		return "…"
	}
	g := uniseg.NewGraphemes(s)
	var b strings.Builder
	count := 0
	for g.Next() && count < n-1 {
		b.WriteString(g.Str())
		count++
	}
	out := b.String()
	if i := strings.LastIndexByte(out, ' '); i > len(out)/2 {
		out = out[:i]
	}
	return strings.TrimRight(out, " ,;:-") + "…"
}

// tidy removes doubled spaces and spaces before line ends left by empty
// parts.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	s = strings.Join(lines, "\n")
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return strings.TrimSpace(s)
}

// cleanTitle makes a title one line of printable text.
func cleanTitle(s string) string {
	return strings.TrimSpace(oneLine(s))
}

// oneLine drops control and formatting characters that could hide text
// or break a post's layout, except the right-to-left marks that keep
// Arabic or Hebrew names readable, and joins lines.
func oneLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r == '\u200e' || r == '\u200f' || r == '\u200d':
			b.WriteRune(r) // LRM, RLM and the zero-width joiner of emoji
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\ufe0f':
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// safeURL returns u if it is an http or https address, else "".
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	if (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")) && !strings.ContainsAny(u, " \t\n\"<>") {
		return u
	}
	return ""
}

// hashtags formats the council's hashtags.
func hashtags(tags []string) string {
	var out []string
	for _, t := range tags {
		t = strings.TrimSpace(oneLine(t))
		t = strings.Join(strings.Fields(t), "")
		if t == "" || t == "#" {
			continue
		}
		if !strings.HasPrefix(t, "#") {
			t = "#" + t
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// score checks a post's prose against the standards. The title line is
// left out: it is the council's own wording, checked on its own by
// adviseTitle.
func score(c *standards.Checker, p *Post, title string, maxAge float64) {
	card, err := c.Check("post.txt", []byte(proseOf(p.Text, title)))
	if err != nil {
		p.Findings = append(p.Findings, standards.Finding{Rule: "check", Message: err.Error()})
		return
	}
	p.ReadingAge = card.Readability.ReadingAge
	for _, f := range card.Findings {
		if blockingRules[f.Rule] {
			p.Findings = append(p.Findings, f)
		}
	}
	p.Ready = p.Length <= p.Limit.Max && len(p.Findings) == 0 && p.ReadingAge <= maxAge
}

// adviseTitle checks the decision's title and, when it breaks a
// blocking rule, offers a plainer title with the suggested words.
func adviseTitle(c *standards.Checker, title string) (*TitleAdvice, error) {
	card, err := c.Check("title.txt", []byte(title))
	if err != nil {
		return nil, err
	}
	var bad []standards.Finding
	for _, f := range card.Findings {
		if blockingRules[f.Rule] && f.Match != "" && f.Offset >= 0 && f.Offset+f.Length <= len(title) {
			bad = append(bad, f)
		}
	}
	if len(bad) == 0 {
		return nil, nil
	}
	plainer := title
	// Replace from the end so earlier offsets stay right.
	for i := len(bad) - 1; i >= 0; i-- {
		f := bad[i]
		alt := firstAlternative(f.Suggestion)
		if alt == "" || f.Rule == "passive-voice" {
			continue
		}
		if f.Offset+f.Length <= len(plainer) {
			plainer = plainer[:f.Offset] + matchCase(plainer[f.Offset:f.Offset+f.Length], alt) + plainer[f.Offset+f.Length:]
		}
	}
	return &TitleAdvice{Original: title, Plainer: plainer, Findings: bad}, nil
}

// firstAlternative picks the first suggested wording from a finding's
// suggestion, such as "use" from "use, apply".
func firstAlternative(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{",", ";", " or ", "/"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.Trim(s, " \"'“”‘’.")
	if strings.ContainsAny(s, "()") || len(s) > 40 {
		return ""
	}
	return s
}

// matchCase gives alt the capital of orig's first letter.
func matchCase(orig, alt string) string {
	o, a := []rune(orig), []rune(alt)
	if len(o) > 0 && len(a) > 0 && unicode.IsUpper(o[0]) {
		a[0] = unicode.ToUpper(a[0])
	}
	return string(a)
}

// webSummary writes the GOV.UK step-by-step summary as Markdown.
func webSummary(s *journey.Summary, title string, st StageText, vals map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdEscape(title))
	if st.Now != nil {
		fmt.Fprintf(&b, "%s\n\n", mdEscape(st.Now.render(vals, 0)))
	}
	if st.Say != nil {
		say := st.Say.render(vals, 0)
		if vals["by"] != "" {
			say += " by " + vals["by"]
		}
		fmt.Fprintf(&b, "**Have your say:** %s.\n\n", mdEscape(say))
	}
	current := false
	for _, step := range s.Steps {
		current = current || step.Status == journey.StepCurrent
	}
	if !current && s.Current != "" {
		// A side stage the step-by-step list leaves out, such as a budget
		// the cabinet reconsidered: say where we are above the steps.
		if st, ok := journey.StageFor(s.Current); ok {
			fmt.Fprintf(&b, "**Now:** %s – we are here\n\n", mdEscape(st.Title))
		}
	}
	n := 0
	for _, step := range s.Steps {
		switch step.Status {
		case journey.StepSkipped, journey.StepNotReached, journey.StepNotRecorded:
			continue
		}
		n++
		line := fmt.Sprintf("%d. **%s**", n, mdEscape(step.Title))
		switch step.Status {
		case journey.StepDone:
			if !step.Date.IsZero() {
				line += " – done " + englishDate(step.Date)
			} else {
				line += " – done"
			}
		case journey.StepCurrent:
			line += " – we are here"
		case journey.StepUpcoming:
			if !step.Due.IsZero() {
				line += " – by " + englishDate(step.Due)
			}
		}
		b.WriteString(line + "\n")
	}
	if u := vals["url"]; u != "" {
		fmt.Fprintf(&b, "\n[Read more about this decision](%s)\n", strings.NewReplacer("(", "%28", ")", "%29").Replace(u))
	}
	return b.String()
}

// mdEscape escapes the characters Markdown gives meaning to, and
// angle brackets so that no HTML passes through.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '!', '|', '~', '>':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
