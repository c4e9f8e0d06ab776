package content

import (
	"bytes"
	"context"
	"errors"
	"html"
	"net/url"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/standards"
)

// Finding is a standards finding on an item, with the page it is on for
// documents.
type Finding struct {
	// Rule is the standards rule id.
	Rule string `json:"rule"`
	// Severity is error, warning or suggestion.
	Severity standards.Severity `json:"severity" jsonschema:"type=string,enum=error,enum=warning,enum=suggestion"`
	// Message says what is wrong.
	Message string `json:"message"`
	// Line is the 1-based line in the item's text (in the page, for a
	// document).
	Line int `json:"line"`
	// Column is the 1-based column in characters.
	Column int `json:"column"`
	// Page is the 1-based page of a document, 0 for a web page.
	Page int `json:"page,omitempty"`
}

// Scored is an item with its score, classification, decision and stages.
type Scored struct {
	// URL is the item's address.
	URL string `json:"url"`
	// Channel is where the item was published.
	Channel Channel `json:"channel"`
	// Title is the item's title.
	Title string `json:"title,omitempty"`
	// Class is the item's type and the rule that gave it.
	Class Class `json:"class"`
	// DecisionID is the decision the item is linked to, if any.
	DecisionID string `json:"decision_id,omitempty"`
	// Stages are the journey stages the item tells a citizen about: its
	// own stage first, then any later stage its text speaks of (call-in,
	// outcome).
	Stages []journey.StageID `json:"stages,omitempty"`
	// Score is the standards score, 0 to 100.
	Score float64 `json:"score"`
	// Passed is whether the score meets the audit's pass mark.
	Passed bool `json:"passed"`
	// Words is the number of words scored.
	Words int `json:"words"`
	// Document is true for a PDF or Word document.
	Document bool `json:"document,omitempty"`
	// Findings are the first findings (at most MaxFindings), by position.
	Findings []Finding `json:"findings,omitempty"`
	// FindingCount is the number of findings in all.
	FindingCount int `json:"finding_count"`
	// Hash is the hash of the item's body.
	Hash string `json:"hash,omitempty"`
	// Error is why the item could not be scored, if it could not.
	Error string `json:"error,omitempty"`
}

// Scorer scores items against the standards, classifies them and links
// them to decisions. The zero Scorer uses the GOV.UK preset, the default
// rules, a pass mark of 60 and a worker per CPU.
type Scorer struct {
	// Checker scores each item; nil means the zero Checker (GOV.UK
	// preset). Set its Config for the council's own rules.
	Checker *standards.Checker
	// Rules classify items; nil means DefaultRules.
	Rules []ClassRule
	// Decisions, when given, link items to decisions: by a history
	// event's source URL (which also gives the stage), by the decision's
	// URL, or by its id or title in the item's text.
	Decisions []journey.Decision
	// PassMark is the score an item needs to pass; 0 means 60.
	PassMark float64
	// Feedback is citizens' answers by page, which AuditSnapshots weighs
	// in "fix first"; nil for none.
	Feedback Feedback
	// MaxFindings caps the findings kept per item; 0 means 20.
	MaxFindings int
	// Workers is the number of items scored at once; 0 means GOMAXPROCS.
	Workers int
	// PDF configures PDF text extraction.
	PDF PDFOptions
	// DOCX configures Word text extraction.
	DOCX DOCXOptions
	// Cache, when not nil, maps a body's hash to its earlier result, so
	// that unchanged items are not scored twice.
	Cache map[string]Scored

	mu sync.Mutex
}

// Score scores items, in their order. An item that cannot be scored (a
// PDF without pdftotext, a broken DOCX, binary content) is kept with its
// Error set and a score of 0. It returns ctx.Err() if ctx ends.
func (s *Scorer) Score(ctx context.Context, items []Item) ([]Scored, error) {
	out := make([]Scored, len(items))
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	checker := s.Checker
	if checker == nil {
		checker = &standards.Checker{}
	}
	if _, err := checker.RuleSet(); err != nil {
		return nil, err
	}
	// One checker per format, each compiling the council's rules once.
	cs := checkers{
		html: &standards.Checker{Preset: checker.Preset, Config: checker.Config, Stemmer: checker.Stemmer, Format: standards.FormatHTML},
		text: &standards.Checker{Preset: checker.Preset, Config: checker.Config, Stemmer: checker.Stemmer, Format: standards.FormatText},
	}
	idx := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				out[i] = s.one(ctx, cs, &items[i])
			}
		}()
	}
	for i := range items {
		if ctx.Err() != nil {
			break
		}
		idx <- i
	}
	close(idx)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

type checkers struct{ html, text *standards.Checker }

func (s *Scorer) one(ctx context.Context, cs checkers, it *Item) Scored {
	sc := Scored{URL: it.URL, Channel: it.Channel, Title: it.Title, DecisionID: it.DecisionID, Hash: it.Hash}
	if s.Cache != nil && it.Hash != "" {
		s.mu.Lock()
		c, ok := s.Cache[it.Hash]
		s.mu.Unlock()
		if ok && c.URL == it.URL {
			return c
		}
	}
	pages := it.Pages
	isDoc := it.Channel == ChannelDocument || len(pages) > 0
	sc.Document = isDoc
	var src []byte
	name := it.URL
	var format standards.Format
	if isDoc {
		if len(pages) == 0 && len(it.Body) > 0 {
			var err error
			pages, err = s.extract(ctx, it)
			if err != nil {
				sc.Error = err.Error()
			}
		}
		var b strings.Builder
		for i, p := range pages {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(p.Text)
		}
		src = []byte(b.String())
		format = standards.FormatText
	} else {
		src = it.Body
		if strings.Contains(it.ContentType, "html") || looksHTML(src) {
			format = standards.FormatHTML
		} else {
			format = standards.FormatText
		}
	}
	text := plainStart(src, format == standards.FormatHTML)
	if sc.Title == "" {
		sc.Title = htmlTitle(src, format == standards.FormatHTML)
	}
	if sc.Title == "" {
		sc.Title = firstLine(text)
	}
	sc.Class = Classify(s.Rules, it.Channel, sc.Title, it.URL, text)
	stage := it.Stage
	if stage == "" {
		stage = sc.Class.Stage
	}
	if id, st := s.link(it.URL, text); id != "" && sc.DecisionID == "" {
		sc.DecisionID = id
		if st != "" {
			stage = st
		}
	}
	if sc.DecisionID == "" {
		sc.DecisionID = moderngovDecisionFromURL(it.URL)
	}
	if stage != "" {
		sc.Stages = append(sc.Stages, stage)
	}
	for _, st := range alsoStages(string(src)) {
		if st != stage {
			sc.Stages = append(sc.Stages, st)
		}
	}
	if sc.Error == "" && len(src) > 0 {
		c := cs.text
		if format == standards.FormatHTML {
			c = cs.html
		}
		card, err := c.CheckContext(ctx, name, src)
		if err != nil {
			if ctx.Err() != nil {
				return sc
			}
			sc.Error = err.Error()
		} else {
			sc.Score = card.Score
			sc.Words = card.Stats.Words
			sc.FindingCount = len(card.Findings)
			max := orDefault(s.MaxFindings, 20)
			starts := pageStarts(pages)
			for i, f := range card.Findings {
				if i >= max {
					break
				}
				fd := Finding{Rule: f.Rule, Severity: f.Severity, Message: f.Message, Line: f.Line, Column: f.Column}
				if isDoc {
					fd.Page, fd.Line = pageOf(starts, src, f.Offset)
				}
				sc.Findings = append(sc.Findings, fd)
			}
		}
	} else if sc.Error == "" {
		sc.Error = "empty"
	}
	sc.Passed = sc.Error == "" && sc.Score >= s.passMark()
	if s.Cache != nil && it.Hash != "" {
		s.mu.Lock()
		s.Cache[it.Hash] = sc
		s.mu.Unlock()
	}
	return sc
}

func (s *Scorer) passMark() float64 {
	if s.PassMark <= 0 {
		return 60
	}
	return s.PassMark
}

func (s *Scorer) extract(ctx context.Context, it *Item) ([]Page, error) {
	b := it.Body
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return ReadPDF(ctx, b, s.PDF)
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return ReadDOCX(b, s.DOCX)
	}
	return nil, errors.New("content: document is neither PDF nor DOCX")
}

// link finds the decision an item is about: a history event whose source
// is the item's URL (giving the stage too), a decision whose URL it is,
// or a decision whose id (5 characters or more) or title (12 or more)
// the text names.
func (s *Scorer) link(u, text string) (string, journey.StageID) {
	if len(s.Decisions) == 0 {
		return "", ""
	}
	key := stripFragment(u)
	for i := range s.Decisions {
		d := &s.Decisions[i]
		for _, ev := range d.History {
			if ev.Source != "" && stripFragment(ev.Source) == key {
				return decisionKey(d), ev.Stage
			}
		}
		if d.URL != "" && stripFragment(d.URL) == key {
			return decisionKey(d), ""
		}
	}
	l := strings.ToLower(text)
	for i := range s.Decisions {
		d := &s.Decisions[i]
		if len(d.ID) >= 5 && strings.Contains(l, strings.ToLower(d.ID)) || len(d.Title) >= 12 && strings.Contains(l, strings.ToLower(d.Title)) {
			return decisionKey(d), ""
		}
	}
	return "", ""
}

func decisionKey(d *journey.Decision) string {
	if d.ID != "" {
		return d.ID
	}
	return d.Title
}

func stripFragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	return strings.TrimRight(u, "/")
}

// moderngovDecisionFromURL reads a ModernGov issue or decision page's id:
// mgIssueHistoryHome.aspx?IId=N and ieIssueDetails.aspx?IId=N give
// "mg-issue-N", ieDecisionDetails.aspx?ID=N gives "mg-decision-N".
func moderngovDecisionFromURL(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return ""
	}
	p := strings.ToLower(pu.Path)
	q := pu.Query()
	switch {
	case strings.HasSuffix(p, "/mgissuehistoryhome.aspx") || strings.HasSuffix(p, "/ieissuedetails.aspx"):
		if id := q.Get("IId"); id != "" && isDigits(id) {
			return "mg-issue-" + id
		}
	case strings.HasSuffix(p, "/iedecisiondetails.aspx"):
		if id := q.Get("ID"); id != "" && isDigits(id) {
			return "mg-decision-" + id
		}
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func looksHTML(b []byte) bool {
	if len(b) > 512 {
		b = b[:512]
	}
	l := bytes.ToLower(b)
	return bytes.Contains(l, []byte("<html")) || bytes.Contains(l, []byte("<!doctype html")) || bytes.Contains(l, []byte("<p>")) || bytes.Contains(l, []byte("<h1"))
}

// plainStart returns up to 8 KiB of the item's text for the classifier:
// for HTML, tags are dropped (script and style with their content) and
// entities decoded; this is a cheap reading, not the checker's.
func plainStart(src []byte, isHTML bool) string {
	if len(src) > 64<<10 {
		src = src[:64<<10]
	}
	if !isHTML {
		if len(src) > 8<<10 {
			src = src[:8<<10]
		}
		return string(src)
	}
	var b strings.Builder
	s := string(src)
	for len(s) > 0 && b.Len() < 8<<10 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		s = s[i:]
		l := strings.ToLower(s[:min(len(s), 8)])
		for _, skip := range []string{"<script", "<style"} {
			if strings.HasPrefix(l, skip) {
				end := "</" + skip[1:]
				if j := strings.Index(strings.ToLower(s), end); j >= 0 {
					s = s[j:]
				}
			}
		}
		j := strings.IndexByte(s, '>')
		if j < 0 {
			break
		}
		tag := strings.ToLower(s[:j])
		if strings.HasPrefix(tag, "<p") || strings.HasPrefix(tag, "<br") || strings.HasPrefix(tag, "<h") || strings.HasPrefix(tag, "<li") || strings.HasPrefix(tag, "<div") || strings.HasPrefix(tag, "<tr") || strings.HasPrefix(tag, "</") {
			b.WriteByte('\n')
		}
		s = s[j+1:]
	}
	return b.String()
}

// htmlTitle returns the <title> or first <h1> of a page.
func htmlTitle(src []byte, isHTML bool) string {
	if !isHTML {
		return ""
	}
	if len(src) > 64<<10 {
		src = src[:64<<10]
	}
	s := string(src)
	l := strings.ToLower(s)
	for _, tag := range []string{"title", "h1"} {
		i := strings.Index(l, "<"+tag)
		if i < 0 {
			continue
		}
		j := strings.IndexByte(l[i:], '>')
		k := strings.Index(l[i:], "</"+tag)
		if j < 0 || k < 0 || k < j {
			continue
		}
		t := strings.TrimSpace(plainStart([]byte(s[i+j+1:i+k]), true))
		t = strings.Join(strings.Fields(t), " ")
		if t != "" {
			if len(t) > 200 {
				t = t[:200]
			}
			return t
		}
	}
	return ""
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if len(l) > 200 {
				l = l[:200]
			}
			return l
		}
	}
	return ""
}

// pageStarts returns the byte offset where each page starts in the text
// the pages were joined into (with "\n\n" between them).
func pageStarts(pages []Page) []int {
	starts := make([]int, len(pages))
	off := 0
	for i, p := range pages {
		starts[i] = off
		off += len(p.Text) + 2
	}
	return starts
}

// pageOf returns the page an offset falls on and the line within it.
func pageOf(starts []int, src []byte, off int) (page, line int) {
	if len(starts) == 0 {
		return 0, 0
	}
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	if off > len(src) {
		off = len(src)
	}
	return i + 1, 1 + bytes.Count(src[starts[i]:off], []byte{'\n'})
}
