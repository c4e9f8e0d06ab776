package journey

import (
	"bytes"
	"encoding/json"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/civickit/civickit/internal/safe"
)

// WriteText writes the summary as plain text. Every string that came from
// the input (title, summary, council, contact, link) passes through
// [safe.Line], so terminal control sequences in a decision file are shown
// escaped rather than acted on.
func (s *Summary) WriteText(w io.Writer) error {
	var b strings.Builder
	title := safe.Line(oneLine(s.Title))
	b.WriteString(title + "\n")
	b.WriteString(strings.Repeat("=", len([]rune(title))) + "\n")
	if s.Summary != "" {
		b.WriteString(safe.Line(oneLine(s.Summary)) + "\n")
	}
	b.WriteString("Council: " + safe.Line(oneLine(s.Council)) + "\n\n")
	if i := s.currentStep(); i >= 0 {
		st := s.Steps[i]
		b.WriteString("Where it is now: step " + strconv.Itoa(st.Number) + " of " + strconv.Itoa(s.lastNumber()) + ", " + st.Title)
		if !s.Since.IsZero() {
			b.WriteString(" (since " + s.Since.Long() + ")")
		}
		b.WriteString("\n")
	} else {
		b.WriteString("Where it is now: not started\n")
	}
	if len(s.Next) > 0 {
		b.WriteString("What happens next: " + s.nextTitles() + "\n")
	} else {
		b.WriteString("What happens next: nothing; the journey has ended\n")
	}
	b.WriteString("How to have your say now: " + s.HaveYourSay + "\n")
	if s.Contact != "" {
		b.WriteString("Contact: " + safe.Line(oneLine(s.Contact)) + "\n")
	}
	if s.URL != "" {
		b.WriteString("More: " + safe.Line(oneLine(s.URL)) + "\n")
	}
	b.WriteString("\nSteps:\n")
	for _, st := range s.Steps {
		mark := "  "
		if st.Status == StepCurrent {
			mark = "> "
		}
		label := stepLabel(st)
		if st.Logic == "" {
			label += "."
		}
		line := mark + strings.Repeat(" ", 4-min(4, len(label))) + label + " " + st.Title + "  [" + string(st.Status)
		if !st.Date.IsZero() {
			line += " " + st.Date.Long()
		}
		if !st.Due.IsZero() {
			line += "; " + st.DueLabel + ": " + st.Due.Long()
		}
		b.WriteString(line + "]\n")
	}
	if len(s.Deadlines) > 0 {
		b.WriteString("\nDeadlines:\n")
		for _, dl := range s.Deadlines {
			long := dl.Date.Long()
			b.WriteString("  " + long + strings.Repeat(" ", max(0, 17-len(long))) + "  " + dl.Label + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine replaces line breaks with spaces, so a multi-line title stays
// on its line of text output.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)), " ")
}

// WriteJSON writes the summary as indented JSON.
func (s *Summary) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return &TransitionError{Msg: "encode summary", Err: err}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// SafeURL reports whether u may be written into an href, and the form to
// write: it allows http, https, mailto and tel URLs and relative
// references, and refuses every other scheme (javascript:, data:,
// vbscript:, file: and the rest). It first strips what a browser strips
// before it reads a scheme — leading and trailing spaces and C0 control
// characters, and tabs and line breaks anywhere (WHATWG URL Standard,
// "basic URL parser") — so " JaVa\tScript:…" is refused like
// "javascript:…". A relative reference must not contain spaces, so a
// document name such as "Forward Plan" is shown as text, not as a link.
func SafeURL(u string) (string, bool) {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(u, "\t\n\r") {
		u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	}
	if u == "" {
		return "", false
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '`' {
			return "", false
		}
	}
	// Belt and braces: nothing that names a script scheme anywhere, even
	// after an HTML character reference such as "jav&#x09;ascript:".
	if strings.Contains(strings.ToLower(u), "script:") {
		return "", false
	}
	scheme, ok := urlScheme(u)
	if !ok {
		return u, true // relative
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "tel":
		return u, true
	}
	return "", false
}

// urlScheme returns the scheme of u, if it has one: letters, digits, "+",
// "-" and "." starting with a letter, before the first ":" and before any
// "/", "?" or "#".
func urlScheme(u string) (string, bool) {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == ':':
			return u[:i], i > 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			// Not a scheme character: a relative reference, unless a
			// browser would still read a scheme (a non-ASCII or odd
			// character before a colon is refused to be safe).
			if j := strings.IndexByte(u, ':'); j > i && !strings.ContainsAny(u[:j], "/?#") {
				return u[:j], true
			}
			return "", false
		}
	}
	return "", false
}

// htmlLink is a link for the HTML template: an href that passed
// [SafeURL], or only the text when it did not.
type htmlLink struct {
	Href template.URL
	Text string
	OK   bool
}

func link(u string) htmlLink {
	if v, ok := SafeURL(u); ok {
		// SafeURL has allowed only http, https, mailto, tel and relative
		// references; html/template's own filter would refuse tel:.
		return htmlLink{Href: template.URL(v), Text: u, OK: true}
	}
	return htmlLink{Text: u}
}

// htmlStep is a step with its strings worked out, so the template only
// prints fields (html/template's reflection dominates the cost of each
// method call in a template).
type htmlStep struct {
	Class, ID, Logic, Number, Title, Description string
	Current                                      bool
	DateISO, DateLong                            string
	Source                                       *htmlLink
	DueLabel, DueISO, DueLong                    string
	HaveYourSay, Basis                           string
}

var summaryHTML = template.Must(template.New("summary").Parse(`<div class="civic-step-nav" data-journey="{{.Journey}}" data-current-stage="{{.Current}}">
<h2 class="civic-step-nav__title">{{.Title}}</h2>
{{if .Summary}}<p class="civic-step-nav__summary">{{.Summary}}</p>
{{end}}<dl class="civic-step-nav__status">
{{if .Where}}<dt>Where it is now</dt><dd>{{.Where}}{{if .SinceISO}} (since <time datetime="{{.SinceISO}}">{{.SinceLong}}</time>){{end}}</dd>
{{end}}{{if .Next}}<dt>What happens next</dt><dd>{{.Next}}</dd>
{{end}}<dt>How to have your say now</dt><dd>{{.HaveYourSay}}</dd>
{{if .Contact}}<dt>Contact</dt><dd>{{.Contact}}</dd>
{{end}}{{with .More}}<dt>More</dt><dd>{{if .OK}}<a href="{{.Href}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}</dd>
{{end}}</dl>
<ol class="civic-step-nav__steps">
{{range .Steps}}<li class="{{.Class}}" id="step-{{.ID}}"{{if .Current}} aria-current="step"{{end}}>
<h3 class="civic-step-nav__heading">{{if .Logic}}<span class="civic-step-nav__circle civic-step-nav__circle--logic"><span class="civic-step-nav__circle-inner"><span class="civic-step-nav__circle-background">{{.Logic}}</span></span></span>{{else}}<span class="civic-step-nav__circle civic-step-nav__circle--number"><span class="civic-step-nav__circle-inner"><span class="civic-step-nav__circle-background"><span class="civic-step-nav__visually-hidden">Step</span> {{.Number}}<span class="civic-step-nav__visually-hidden" aria-hidden="true">:</span></span></span></span>{{end}} {{.Title}}</h3>
<div class="civic-step-nav__panel">
<p>{{.Description}}</p>
{{if .DateISO}}<p class="civic-step-nav__date">Happened on <time datetime="{{.DateISO}}">{{.DateLong}}</time>{{with .Source}}{{if .OK}} (<a href="{{.Href}}">source</a>){{else}} (source: {{.Text}}){{end}}{{end}}</p>
{{end}}{{if .DueISO}}<p class="civic-step-nav__due">{{.DueLabel}} <time datetime="{{.DueISO}}">{{.DueLong}}</time></p>
{{end}}{{if .HaveYourSay}}<p class="civic-step-nav__have-your-say"><strong>Have your say:</strong> {{.HaveYourSay}}</p>
{{end}}{{if .Basis}}<p class="civic-step-nav__basis">Law: {{.Basis}}</p>
{{end}}</div>
</li>
{{end}}</ol>
</div>
`))

// WriteHTML writes the summary as an HTML fragment in the markup of the
// GOV.UK step-by-step navigation pattern (an ordered list of steps, the
// current one marked with aria-current="step"). The class names follow
// that pattern with the prefix "civic-step-nav"; the page supplies the
// styles. It is rendered with html/template, so text from the decision
// is escaped in every context, and links pass [SafeURL]: a source or
// link that is not an http, https, mailto, tel or relative URL is shown
// as text, never as an href.
func (s *Summary) WriteHTML(w io.Writer) error {
	data := struct {
		Journey, Current, Title, Summary string
		Where, SinceISO, SinceLong       string
		Next, HaveYourSay, Contact       string
		More                             *htmlLink
		Steps                            []htmlStep
	}{Journey: string(s.Journey), Current: string(s.Current), Title: s.Title, Summary: s.Summary,
		Next: s.nextTitles(), HaveYourSay: s.HaveYourSay, Contact: s.Contact}
	if i := s.currentStep(); i >= 0 {
		st := s.Steps[i]
		data.Where = "Step " + strconv.Itoa(st.Number) + " of " + strconv.Itoa(s.lastNumber()) + ": " + st.Title
		data.SinceISO, data.SinceLong = s.Since.String(), s.Since.Long()
	}
	if s.URL != "" {
		l := link(s.URL)
		data.More = &l
	}
	data.Steps = make([]htmlStep, len(s.Steps))
	for i, st := range s.Steps {
		v := htmlStep{Class: "civic-step-nav__step civic-step-nav__step--" + string(st.Status), ID: string(st.Stage),
			Logic: st.Logic, Number: strconv.Itoa(st.Number), Title: st.Title, Description: st.Description,
			Current: st.Status == StepCurrent, DateISO: st.Date.String(), DateLong: st.Date.Long(),
			DueLabel: st.DueLabel, DueISO: st.Due.String(), DueLong: st.Due.Long(), Basis: st.Basis}
		if v.Current {
			v.Class += " civic-step-nav__step--active"
		}
		if st.Source != "" && !st.Date.IsZero() {
			l := link(st.Source)
			v.Source = &l
		}
		if st.Status == StepCurrent || st.Status == StepUpcoming {
			v.HaveYourSay = st.HaveYourSay
		}
		data.Steps[i] = v
	}
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	if err := summaryHTML.Execute(&buf, data); err != nil {
		return &TransitionError{Msg: "render summary", Err: err}
	}
	_, err := w.Write(buf.Bytes())
	return err
}
