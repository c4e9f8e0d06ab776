package standards

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Checker scores documents against the standards. The zero Checker uses
// the GOV.UK preset, the embedded word lists and no stemmer. A Checker is
// safe for concurrent use once its fields are set; changing a field after
// a check rebuilds its rules on the next check.
type Checker struct {
	// Preset names the preset: govuk (when empty), nhs or
	// plain-english-campaign. A Config's own Preset wins.
	Preset string `json:"preset,omitempty"`
	// Config, when not nil, is the council's own settings.
	Config *Config `json:"-"`
	// Format is the markup of sources given to Check; FormatAuto decides
	// from the file name and content.
	Format Format `json:"format,omitempty"`
	// Stemmer, when not nil, stems the Config's own words so that every
	// inflection matches. The embedded lists need none.
	Stemmer Stemmer `json:"-"`

	mu    sync.Mutex
	rs    *RuleSet
	built struct {
		_      [0]func() // not comparable: no generated equality function in the binary
		preset string
		config *Config
		st     Stemmer
	}
}

// RuleSet returns the checker's compiled rules, building them on first use
// or after a field changed.
func (c *Checker) RuleSet() (*RuleSet, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rs != nil && c.built.preset == c.Preset && c.built.config == c.Config && c.built.st == c.Stemmer {
		return c.rs, nil
	}
	if parallelBuild && parallel() {
		// Decode the syllable exceptions (about half a ms), which every
		// check needs, alongside: a caller that builds the rules while
		// it reads a page, as the CLI does, then has both ready before
		// the page is split between two goroutines, and neither
		// competes with them for a processor nor holds up the
		// tokeniser's halves at their first word.
		go tableOnce.Do(loadTable)
	}
	rs, err := Compile(c.Preset, c.Config, c.Stemmer)
	if err != nil {
		return nil, err
	}
	c.rs = rs
	c.built.preset, c.built.config, c.built.st = c.Preset, c.Config, c.Stemmer
	return rs, nil
}

// CheckDocument analyses doc, runs the rules and scores it. It has no
// error to return: with an invalid Config (see [Config.Validate]) it
// scores against the default preset and lists, so call RuleSet first, or
// use Check, to see config errors.
func (c *Checker) CheckDocument(name string, doc *Document) *Scorecard {
	rs, err := c.RuleSet()
	if err != nil {
		rs, _ = Compile("", nil, nil)
	}
	return rs.Check(name, doc)
}

// Check analyses doc, runs every rule and scores the document. Findings are
// sorted by offset, then rule id.
func (rs *RuleSet) Check(name string, doc *Document) *Scorecard {
	a := analyzeFor(doc, rs.v)
	return rs.CheckAnalysis(name, a)
}

// CheckAnalysis runs every rule over an analysed document and scores it.
func (rs *RuleSet) CheckAnalysis(name string, a *Analysis) *Scorecard {
	c := rs.begin(name, a)
	for _, r := range rs.rules {
		c.run(r)
	}
	return c.end()
}

// checkStop is CheckAnalysis that polls stop before each rule and gives
// up with its error. On a large document with more than one CPU it runs
// the rules in two goroutines at once (see [checking.runParallel]).
func (rs *RuleSet) checkStop(name string, a *Analysis, stop Canceler) (*Scorecard, error) {
	c := rs.begin(name, a)
	if parallelBuild && len(a.Tokens) >= parallelTokens && parallel() {
		return c.runParallel(stop)
	}
	for _, r := range rs.rules {
		if err := stop.Err(); err != nil {
			a.deferPos = false
			return nil, err
		}
		c.run(r)
	}
	return c.end(), nil
}

// parallelTokens is the fewest tokens for which checkStop runs the rules
// in two groups at once: below it, starting a goroutine costs more than
// it saves.
const parallelTokens = 32 << 10

// parallelOrder lists the rules from the costliest down, as a parallel
// check hands them out (see [RuleSet.parallelJobs]); measured on 1 MB of
// the sample council's prose and of real council pages, whose costs
// differ (the word-list rules cost twice as much on the real pages'
// wider vocabulary, passive voice half as much), which is why the rules
// are handed out as each goroutine comes free, not split in two fixed
// groups. Rules not listed come last.
var parallelOrder = [...]string{
	RuleJourneySignposting, RulePlainEnglish, RuleJargon, RulePassiveVoice, RuleAcronym,
	RuleLinkText, RuleAccessibility, RuleGOVUKStyle, RuleInclusiveLanguage, RuleSentenceStarts,
	RuleHardSentence, RuleSentenceLength, RuleSubheadings, RuleParagraphLength, RuleCitizenNeeds,
}

// parallelJobs returns the rules as the jobs of a parallel check, in
// parallelOrder: one rule a job, except that citizen needs, which reads
// the class journey signposting gives the document, runs in its job,
// after it.
func (rs *RuleSet) parallelJobs() [][]preparedRule {
	jobs := make([][]preparedRule, 0, len(rs.rules))
	placed := make([]bool, len(rs.rules))
	signpost := -1
	for _, id := range parallelOrder {
		for k, r := range rs.rules {
			if placed[k] || r.ID() != id {
				continue
			}
			placed[k] = true
			switch {
			case id == RuleCitizenNeeds && signpost >= 0:
				jobs[signpost] = append(jobs[signpost], r)
			default:
				if id == RuleJourneySignposting {
					signpost = len(jobs)
				}
				jobs = append(jobs, []preparedRule{r})
			}
		}
	}
	for k, r := range rs.rules {
		if !placed[k] {
			jobs = append(jobs, []preparedRule{r})
		}
	}
	return jobs
}

// lockedCanceler calls a Canceler's Err from one goroutine at a time:
// the two halves of a parallel check both poll it, and a caller's
// Canceler need not be safe for concurrent use (a context.Context is).
type lockedCanceler struct {
	mu sync.Mutex
	c  Canceler
}

// Err returns the wrapped Canceler's Err.
func (l *lockedCanceler) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.c.Err()
}

// runParallel runs the rules in two goroutines, each taking the next job
// of parallelJobs as it comes free, and merges their findings and
// tallies. Each goroutine has its own stem cache, tallies and findings,
// and a rule runs in one of them whole, so that the merged findings are
// in the order one pass gives (by offset, then rule id) whichever ran it.
func (c *checking) runParallel(stop Canceler) (*Scorecard, error) {
	stop = &lockedCanceler{c: stop}
	second := &checking{rs: c.rs, a: c.a, tallies: make(map[string]tally, len(c.rs.rules)), card: &Scorecard{Findings: make([]Finding, 0, len(c.a.Tokens)/16+4)}}
	p2 := *c.p
	if p2.stem != nil {
		p2.stem = &stemCache{st: p2.stem.st, m: make(map[string]string)}
	}
	second.p = &p2
	jobs := c.rs.parallelJobs()
	var next atomic.Int32
	work := func(ch *checking) error {
		for {
			j := int(next.Add(1)) - 1
			if j >= len(jobs) {
				return nil
			}
			for _, r := range jobs[j] {
				if err := stop.Err(); err != nil {
					return err
				}
				ch.run(r)
			}
		}
	}
	done := make(chan error, 1)
	go func() {
		if err := work(second); err != nil {
			done <- err
			return
		}
		// sort and place this goroutine's findings here, in parallel
		// with the other; the Document's line index, built here, is
		// read by the other only after the join
		second.card.Findings = sortFindings(second.card.Findings)
		positions(c.a.Doc, second.card.Findings)
		done <- nil
	}()
	err := work(c)
	if err == nil {
		c.card.Findings = sortFindings(c.card.Findings)
	}
	if err2 := <-done; err == nil {
		err = err2
	}
	c.a.deferPos = false
	if err != nil {
		return nil, err
	}
	positions(c.a.Doc, c.card.Findings)
	c.card.Findings = mergeFindings(c.card.Findings, second.card.Findings)
	for id, t := range second.tallies {
		c.tallies[id] = t
	}
	return c.end(), nil
}

// positions sets the line and column of each finding that has none.
func positions(d *Document, fs []Finding) {
	for i := range fs {
		if f := &fs[i]; f.Line == 0 {
			f.Line, f.Column = d.Position(f.Offset)
		}
	}
}

// mergeFindings merges two lists sorted by [sortFindings] whose rules
// differ, as sorting them together would order them: by offset, then
// rule id.
func mergeFindings(a, b []Finding) []Finding {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	if n := len(a) + len(b); cap(b) >= n {
		// b has room for both (the second group's list is sized
		// for it): merge from the back, in place
		out := b[:n]
		i, j := len(a)-1, len(b)-1
		for k := n - 1; i >= 0; k-- {
			if j >= 0 && cmpFinding(&b[j], &a[i]) >= 0 {
				out[k] = b[j]
				j--
			} else {
				out[k] = a[i]
				i--
			}
		}
		return out
	}
	out := make([]Finding, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if cmpFinding(&b[j], &a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// checking is a check under way: the scorecard so far and each rule's
// tally.
type checking struct {
	rs      *RuleSet
	a       *Analysis
	p       *prepared
	card    *Scorecard
	tallies map[string]tally
}

func (rs *RuleSet) begin(name string, a *Analysis) *checking {
	a.deferPos = true
	return &checking{rs: rs, a: a, p: prepare(a, rs.v, rs.st), tallies: make(map[string]tally, len(rs.rules)), card: &Scorecard{
		File:        name,
		Format:      a.Doc.Format.String(),
		Preset:      rs.Preset.Name,
		Stats:       a.Stats,
		Readability: a.Readability,
		Findings:    make([]Finding, 0, len(a.Tokens)/64+4),
	}}
}

func (c *checking) run(r preparedRule) {
	c.tallies[r.ID()] = r.check(c.p, c.report)
}

func (c *checking) report(f Finding) { c.card.Findings = append(c.card.Findings, f) }

func (c *checking) end() *Scorecard {
	if t, ok := c.tallies[RuleJourneySignposting]; ok {
		c.card.Kind, c.card.KindReason = t.kind, t.kindWhy
	}
	if c.a.Stats.Words == 0 {
		c.card.Findings = append(c.card.Findings, Finding{Rule: RuleNoText, Severity: SeverityError,
			Message:    "there is no text to score: the page is empty or holds only markup, scripts or navigation",
			Suggestion: "Check the file, or for HTML that its text is inside <main> or <article>.", Line: 1, Column: 1})
	}
	c.card.Findings = sortFindings(c.card.Findings) // at once when sorted already
	c.a.deferPos = false
	positions(c.a.Doc, c.card.Findings)
	c.card.Standards, c.card.Score = score(c.rs, c.a, c.tallies)
	return c.card
}

// Check extracts the source src of the file name (for example a web page
// or a Markdown file; "-" or "" for standard input), analyses it, runs the
// rules and scores it. The Format field, or the file name and content when
// it is FormatAuto, chooses the reader. It fails on an invalid Config and
// on input that is not text, with a [*CheckError] naming the file.
func (c *Checker) Check(name string, src []byte) (*Scorecard, error) {
	return c.CheckContext(nil, name, src)
}

// Canceler is what [Checker.CheckContext] polls to stop early: a
// [context.Context] is one. It is an interface of its own so that the
// browser build, which never cancels, does not link package context.
type Canceler interface {
	// Err returns nil while the work may go on, and after that the
	// error to stop with, such as context.Canceled.
	Err() error
}

// CheckContext is [Checker.Check] that stops when ctx is done, returning
// ctx.Err(). It polls ctx after each MiB of source while reading it, after
// each MiB of text while tokenising, and before each rule, so a check
// stops within a few tens of milliseconds of the cancellation whatever the
// size of the page. A nil ctx never cancels.
func (c *Checker) CheckContext(ctx Canceler, name string, src []byte) (*Scorecard, error) {
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	ruleSet := c.RuleSet
	if parallelBuild && len(src) >= parallelText && parallel() {
		// Build the rules (a few ms, the first time) while the page is
		// read; the rule set's error still comes before the page's.
		var rs *RuleSet
		var err error
		built := make(chan struct{})
		go func() {
			rs, err = c.RuleSet()
			close(built)
		}()
		ruleSet = func() (*RuleSet, error) {
			<-built
			return rs, err
		}
	}
	f := c.Format
	if f == FormatAuto {
		f = DetectFormat(name, src)
	}
	doc, err := extractFormat(src, f, ctx)
	rs, rerr := ruleSet()
	if rerr != nil {
		return nil, &CheckError{File: name, Err: rerr}
	}
	if err != nil {
		if ctx != nil && err == ctx.Err() {
			return nil, err
		}
		return nil, &CheckError{File: name, Err: err}
	}
	if ctx == nil {
		return rs.Check(name, doc), nil
	}
	a, err := analyzeStop(doc, ctx, rs.v)
	if err != nil {
		return nil, err
	}
	return rs.checkStop(name, a, ctx)
}

// sortFindings orders findings by offset, then rule id, then the order
// the rules reported them, in place. It sorts indexes rather than moving
// the large Finding values, then moves each value once, cycle by cycle
// of the permutation, rather than into a copy of the list.
func sortFindings(fs []Finding) []Finding {
	sorted := true
	for i := 1; i < len(fs) && sorted; i++ {
		sorted = cmpFinding(&fs[i-1], &fs[i]) <= 0
	}
	if sorted {
		return fs
	}
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	sortInt32(idx, func(i, j int32) bool { return cmpFinding(&fs[i], &fs[j]) < 0 }) // stable
	// fs[k] becomes the old fs[idx[k]]; a done place is marked -1
	for k := range idx {
		if idx[k] < 0 {
			continue
		}
		first := fs[k]
		j := k
		for {
			from := int(idx[j])
			idx[j] = -1
			if from == k {
				fs[j] = first
				break
			}
			fs[j] = fs[from]
			j = from
		}
	}
	return fs
}

func cmpFinding(a, b *Finding) int {
	if a.Offset != b.Offset {
		return a.Offset - b.Offset
	}
	return strings.Compare(a.Rule, b.Rule)
}

// CheckError is an error checking one file.
type CheckError struct {
	File string `json:"file,omitempty"`
	Err  error  `json:"-"`
}

// Error formats the error as "file: error".
func (e *CheckError) Error() string {
	if e.File == "" {
		return e.Err.Error()
	}
	return e.File + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *CheckError) Unwrap() error { return e.Err }
