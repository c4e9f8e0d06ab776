package standards

import (
	"strings"
)

// needs checks that content starts from what citizens need, with three
// checks (cue phrases in data/needs.txt):
//
//   - summary first: the first real paragraph (see realParagraph: not a
//     heading, list item, table cell, skip link, breadcrumb or a few
//     words of a page's furniture) has at most the preset's MaxSummaryWords words (50 for
//     GOV.UK) and, when the text has a heading, shares a content word with
//     a heading, or a short line above it, so that it says what the text
//     is about (an agenda or minutes, which open with an item, are
//     checked for length only). Words match on their first five letters,
//     so "consult" matches "consultation";
//   - addresses the reader: "you" or "your" appears;
//   - says what it means for residents: "what this means", "residents",
//     "households", "you can", "you will" ... appears.
//
// Agendas, minutes, reports and decision notices (as journey-signposting
// classifies them, when it runs) get only the summary check: they are
// records, not written to the reader. An explainer is not asked what it
// means for residents. The summary may share its word with any heading
// above it. A text with no words is not checked. A failed summary is reported on the
// first paragraph; the others at document level, on the first heading.
type needs struct {
	rule
	maxSummary      int
	reader, effects phraseSet
	stop            map[string]bool
}

func newNeeds(b rule, maxSummary int) *needs {
	stop := strings.Fields(dataNeedsStop)
	r := &needs{rule: b, maxSummary: maxSummary, stop: make(map[string]bool, len(stop))}
	reader, residents := lines(dataNeedsReader), lines(dataNeedsResidents)
	r.reader.reserve(len(reader))
	r.effects.reserve(len(residents))
	for _, p := range reader {
		r.reader.add(b.v, p, 0)
	}
	for _, p := range residents {
		r.effects.add(b.v, p, 0)
	}
	for _, w := range stop {
		r.stop[w] = true
	}
	r.reader.index(b.v)
	r.effects.index(b.v)
	return r
}

// Check reports each citizen-needs check that a fails.
func (r *needs) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *needs) check(p *prepared, report func(Finding)) tally {
	a := p.a
	t := tally{total: 3}
	if a.Stats.Words == 0 || len(a.Sentences) == 0 {
		t.skip, t.total, t.detail = true, 0, "no text"
		return t
	}
	var failed []string
	if msg, sugg, bi, lo, hi := r.summary(a, p.kind == kindAgenda || p.kind == kindMinutes); msg != "" {
		t.bad++
		failed = append(failed, "summary first")
		report(a.Span(r.id, r.sev, bi, lo, hi, msg, sugg))
	}
	// Formal records (agendas, minutes, reports, decision notices) are
	// not written to the reader; an explainer says how things work, not
	// what one change means for residents.
	formal := p.kind == kindAgenda || p.kind == kindMinutes || p.kind == kindReport || p.kind == kindNotice
	if formal {
		t.total = 1
	}
	if !formal && !r.reader.has(p, 0, len(a.Tokens)) {
		t.bad++
		failed = append(failed, "addresses the reader")
		report(docFinding(a, r.id, r.sev, "the text does not speak to the reader",
			"Write to the reader as \"you\": \"You can comment until 27 March\"."))
	}
	if !formal && p.kind != kindExplainer && !r.effects.has(p, 0, len(a.Tokens)) {
		t.bad++
		failed = append(failed, "what it means for residents")
		report(docFinding(a, r.id, r.sev, "the text does not say what it means for residents",
			"Add a line such as \"What this means for you: ...\"."))
	}
	if p.kind == kindExplainer {
		t.total = 2
	}
	t.detail = itoa(t.total-t.bad) + " of " + itoa(t.total) + " checks"
	if len(failed) > 0 {
		t.detail += "; failed: " + joinComma(failed)
	}
	return t
}

// summary checks the first paragraph. It returns a message, suggestion and
// span when the check fails. For an agenda or minutes (items) only its
// length is checked: such a record opens with its first item, not with a
// summary that shares the title's words.
func (r *needs) summary(a *Analysis, items bool) (msg, sugg string, block, lo, hi int) {
	title := -1
	first := -1
	for i := range a.Doc.Blocks {
		if a.Doc.Blocks[i].Kind == BlockHeading {
			if title < 0 && first < 0 {
				title = i
			}
			continue
		}
		if realParagraph(a.Doc.Blocks[i]) {
			first = i
			break
		}
	}
	if first < 0 {
		return "", "", 0, 0, 0
	}
	b := &a.Doc.Blocks[first]
	words := 0
	lo, hi = -1, 0
	for si := range a.Sentences {
		s := &a.Sentences[si]
		if int(s.Block) == first {
			words += int(s.Words)
			if lo < 0 {
				lo = int(s.Start)
			}
			hi = int(s.End)
		}
	}
	if lo < 0 {
		lo, hi = 0, len(b.Text)
	}
	if r.maxSummary > 0 && words > r.maxSummary {
		return "the first paragraph has " + itoa(words) + " words: start with a summary of " +
				itoa(r.maxSummary) + " words or fewer",
			"Open with one or two short sentences that say what this is about and what it means for the reader.",
			first, lo, hi
	}
	shares := title < 0 || items
	for h := range a.Doc.Blocks {
		if shares {
			break
		}
		// any heading may be its title: a page often opens with
		// furniture ("Decision details") above the name, or names its
		// subject in its sections' headings ("What a consultation is");
		// so may a short line above the paragraph ("Communities Task
		// Group: final report")
		hb := &a.Doc.Blocks[h]
		shares = (hb.Kind == BlockHeading || h < first && hb.Kind == BlockListItem && len(hb.Text) <= 80) &&
			r.shareWord(hb.Text, b.Text)
	}
	if !shares {
		return "the first paragraph does not say what the text is about: it shares no words with the title",
			"Open with a sentence that says what this is about, in the words of the title.",
			first, lo, hi
	}
	return "", "", 0, 0, 0
}

// shareWord reports whether two texts share a content word, compared on
// their first five letters.
func (r *needs) shareWord(title, text string) bool {
	keys := map[string]bool{}
	for _, w := range contentWords(title) {
		if !r.stop[w] {
			keys[prefix5(w)] = true
		}
	}
	for _, w := range contentWords(text) {
		if !r.stop[w] && keys[prefix5(w)] {
			return true
		}
	}
	return false
}

// contentWords splits s into lower-case words of three or more letters.
func contentWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 0x7f)
	})
	out := f[:0]
	for _, w := range f {
		if len(w) >= 3 {
			out = append(out, w)
		}
	}
	return out
}

func prefix5(s string) string {
	if len(s) > 5 {
		return s[:5]
	}
	return s
}

// realParagraph reports whether b is prose a summary can be: a paragraph
// (not a heading, list item, table cell or quotation) of at least eight
// words or ending in a full stop, that is not a skip link ("Skip to main
// content"), a breadcrumb trail ("Home > Council > Meetings") or a cookie
// notice.
func realParagraph(b Block) bool {
	if b.Kind != BlockParagraph {
		return false
	}
	t := strings.TrimSpace(b.Text)
	if t == "" {
		return false
	}
	lower := strings.ToLower(t)
	if strings.HasPrefix(lower, "skip to") || strings.Contains(lower, "cookies") ||
		strings.Contains(t, " > ") || strings.Contains(t, " » ") || strings.Contains(t, " / ") {
		return false
	}
	if isLabelValue([]byte(t)) {
		return false // "Venue: Committee Room 6": a label and its value
	}
	words := len(strings.Fields(t))
	last := t[len(t)-1]
	return words >= 8 || last == '.' || last == '!' || last == '?'
}
