//go:build !js

package journey

import (
	"bytes"
	"html/template"
	"io"
	"strconv"
	"sync"
)

// The HTML view is left out of the js/wasm build (summary_html_js.go):
// html/template's init compiles regular expressions, which links regexp
// and text/template into the journey widget's module whether or not it
// writes HTML, about 120 KB brotli.

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

var summaryHTML = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("summary").Parse(`<div class="civic-step-nav" data-journey="{{.Journey}}" data-current-stage="{{.Current}}">
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
})

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
	if err := summaryHTML().Execute(&buf, data); err != nil {
		return &TransitionError{Msg: "render summary", Err: err}
	}
	_, err := w.Write(buf.Bytes())
	return err
}
