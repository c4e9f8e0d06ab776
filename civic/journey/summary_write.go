package journey

import (
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
