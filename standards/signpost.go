package standards

import "strings"

// The elements of journey signposting, in the order findings report them.
const (
	elemStage = iota
	elemNext
	elemWho
	elemSay
	elemDeadline
	numElems
)

var elemNames = [numElems]string{"stage", "next steps", "decision-maker", "how to have your say", "deadline"}

// signpost checks that content about a decision tells people where the
// decision is on its journey: what stage it is at, what happens next and
// when, who decides, how to have your say, and by when. The cue phrases
// are in data/journey.txt.
//
// A text is about a decision when it has at least two decision cues
// (decision, consultation, cabinet, planning application ...) and reads
// as a decision notice or a consultation (see classify): an agenda,
// minutes, a report, an explainer, news or a page of no clear kind
// mentions decisions without being the page where a resident follows
// one. Otherwise the rule passes with no findings. Cue words match their
// regular inflections ("petition" matches "petitions", "speak at"
// matches "speaking at"). Each element is found by its cues:
//
//   - stage: "currently", "draft", "proposed", "has been approved", ...
//   - next steps: a "next", "then", "will decide" ... cue and a time (a
//     month, weekday, season, year, clock time or "week", "month") in the
//     same sentence;
//   - decision-maker: "cabinet", "full council", "committee", ...
//   - how to have your say: "have your say", "comment", "email", an email
//     address, ...
//   - deadline: "until", "closes", "deadline" ... followed within eight
//     words of the same sentence by a date (a month, weekday, "today",
//     "tomorrow", a year or a clock time), or "by" or "before" followed by
//     one within three words ("by 5pm", not "decided by the cabinet on 3
//     March").
//
// A decision notice (a record of a decision made) needs only the stage,
// next steps and decision-maker: having a say and its deadline are past.
// Each missing element is one finding at document level, placed on the
// first heading (or line 1).
type signpost struct {
	rule
	decision, deadline phraseSet
	elems              [numElems]phraseSet
	kinds              phraseSet // cues of each document kind, labelled kind<<16 | index
	kindCues           [numKinds][]string
}

// The document kinds, in the order that breaks ties.
const (
	kindAgenda = iota
	kindMinutes
	kindNotice
	kindConsultation
	kindReport
	kindExplainer
	kindNews
	numKinds
	kindOther = numKinds
)

var kindNames = [numKinds + 1]string{"agenda", "minutes", "decision notice", "consultation", "report", "explainer", "news", "other"}

func newSignpost(b rule) *signpost {
	r := &signpost{rule: b}
	decision := lines(dataJourneyDecision)
	r.decision.reserve(len(decision))
	for _, p := range decision {
		r.decision.addStems(b.v, p, 0)
	}
	for _, e := range [...]struct {
		elem int
		list string
	}{{elemStage, dataJourneyStage}, {elemNext, dataJourneyNext}, {elemWho, dataJourneyWho}, {elemSay, dataJourneySay}} {
		ps := lines(e.list)
		r.elems[e.elem].reserve(len(ps))
		for _, p := range ps {
			r.elems[e.elem].addStems(b.v, p, 0)
		}
	}
	deadline, near := lines(dataJourneyDeadline), lines(dataJourneyDeadlineNear)
	r.deadline.reserve(len(deadline) + len(near))
	for _, p := range deadline {
		r.deadline.add(b.v, p, 8)
	}
	for _, p := range near {
		r.deadline.add(b.v, p, 3)
	}
	n := 0
	for k, list := range [numKinds]string{dataJourneyKindAgenda, dataJourneyKindMinutes, dataJourneyKindNotice,
		dataJourneyKindConsultation, dataJourneyKindReport, dataJourneyKindExplainer, dataJourneyKindNews} {
		r.kindCues[k] = lines(list)
		n += len(r.kindCues[k])
	}
	r.kinds.reserve(n)
	for k, cues := range r.kindCues {
		for i, p := range cues {
			r.kinds.add(b.v, p, k<<16|i)
		}
	}
	b.v.tag(strings.Fields(dataJourneyMonth), tagMonth)
	b.v.tag(strings.Fields(dataJourneyWhen), tagWhen)
	r.decision.index(b.v)
	r.deadline.index(b.v)
	for i := range r.elems {
		r.elems[i].index(b.v)
	}
	r.kinds.index(b.v)
	return r
}

// Check reports each missing element of a text about a decision.
func (r *signpost) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *signpost) check(p *prepared, report func(Finding)) tally {
	a := p.a
	t := tally{total: numElems}
	cues := 0
	for i := 0; i < len(a.Tokens) && cues < 2; i++ {
		if !r.decision.maybe(p, i) {
			continue
		}
		if best, n := r.decision.matchAt(p, i); best >= 0 {
			cues++
			i += n - 1
		}
	}
	kind, why := r.classify(p)
	t.kind, t.kindWhy = kindNames[kind], why
	p.kind = kind
	if cues < 2 {
		t.skip, t.total, t.detail = true, 0, "not about a decision"
		return t
	}
	if kind != kindNotice && kind != kindConsultation {
		t.skip, t.total, t.detail = true, 0, "not about one decision: reads as "+kindNames[kind]
		return t
	}
	var found [numElems]bool
	for si := range a.Sentences {
		s := &a.Sentences[si]
		lo, hi := int(s.First), int(s.Last)
		if hi > len(a.Tokens) {
			hi = len(a.Tokens)
		}
		for _, e := range []int{elemStage, elemWho, elemSay} {
			if !found[e] && r.elems[e].has(p, lo, hi) {
				found[e] = true
			}
		}
		if !found[elemSay] {
			for i := lo; i < hi; i++ {
				if a.Tokens[i].Kind == TokenEmail {
					found[elemSay] = true
					break
				}
			}
		}
		if !found[elemNext] && r.elems[elemNext].has(p, lo, hi) && r.hasTime(p, lo, hi) {
			found[elemNext] = true
		}
		if !found[elemDeadline] {
			found[elemDeadline] = r.hasDeadline(p, lo, hi)
		}
	}
	if kind == kindNotice {
		// a record of a decision made: having a say and its deadline
		// are past; stage, next steps and who decided still matter
		found[elemSay], found[elemDeadline] = true, true
		t.total = numElems - 2
	}
	var missing []string
	for e := 0; e < numElems; e++ {
		if found[e] {
			continue
		}
		t.bad++
		missing = append(missing, elemNames[e])
		msg, sugg := signpostText(e)
		report(docFinding(a, r.id, r.sev, msg, sugg))
	}
	t.detail = itoa(t.total-t.bad) + " of " + itoa(t.total) + " journey elements"
	if len(missing) > 0 {
		t.detail += "; missing: " + joinComma(missing)
	}
	return t
}

// classify names the kind of document: the kind with the most distinct
// cues in data/journey.txt, at least two, ties broken in kind order; else
// other. why lists the kind's cues found, up to four.
func (r *signpost) classify(p *prepared) (kind int, why string) {
	var seen [numKinds][]bool
	var count [numKinds]int
	var found [numKinds][]string
	r.kinds.each(p, 0, len(p.a.Tokens), func(ph *phrase, first, n int) {
		k, i := ph.label>>16, ph.label&0xffff
		if seen[k] == nil {
			seen[k] = make([]bool, len(r.kindCues[k]))
		}
		if seen[k][i] || r.notCue(p, k, i, first) {
			return
		}
		seen[k][i] = true
		count[k]++
		if len(found[k]) < 4 {
			found[k] = append(found[k], quote(r.kindCues[k][i]))
		}
	})
	kind = kindOther
	best := 1
	for k := 0; k < numKinds; k++ {
		if count[k] > best {
			kind, best = k, count[k]
		}
	}
	if kind == kindOther {
		return kind, "fewer than two cues of any kind"
	}
	return kind, itoa(best) + " " + kindNames[kind] + " cues: " + joinComma(found[kind])
}

// notCue reports whether the kind cue i of kind k at token first is used
// in another sense: "minutes" after a number is a length of time ("five
// minutes to present the petition"), and "present" after "to" a verb.
func (r *signpost) notCue(p *prepared, k, i, first int) bool {
	if first == 0 || k != kindMinutes {
		return false
	}
	prev := &p.a.Tokens[first-1]
	switch r.kindCues[k][i] {
	case "minutes":
		if prev.Kind == TokenNumber {
			return true
		}
		switch p.a.Text(first - 1) {
		case "few", "two", "three", "four", "five", "ten", "fifteen", "twenty", "thirty", "sixty":
			return true
		}
	case "present":
		return p.a.Text(first-1) == "to"
	}
	return false
}

// signpostText returns the message and suggestion for a missing element.
func signpostText(e int) (msg, sugg string) {
	switch e {
	case elemStage:
		return "say what stage the decision is at",
			"Add a line such as \"This is a proposal. No decision has been made yet.\""
	case elemNext:
		return "say what happens next, and when",
			"Add a line such as \"The cabinet will decide on 12 March 2026.\""
	case elemWho:
		return "say who makes the decision",
			"Name the decision-maker: full council, the cabinet, a committee or an officer."
	case elemSay:
		return "say how people can have their say",
			"Tell readers how to comment: a link to the consultation, an email address, or how to speak at the meeting."
	default:
		return "say by when people can have their say",
			"Give the closing date, such as \"Send your comments by 5pm on 27 March 2026.\""
	}
}

// hasTime reports whether tokens [lo, hi) name a time: a month, weekday,
// season, a year (19xx or 20xx), a clock time, or a word such as "week".
func (r *signpost) hasTime(p *prepared, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if r.v.is(p.ids[i], tagMonth|tagWhen) || r.isDateNumber(p, i) {
			return true
		}
	}
	return false
}

// hasDeadline reports whether a deadline cue in [lo, hi) is followed by a
// date within the cue's reach (its phrase label).
func (r *signpost) hasDeadline(p *prepared, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if !r.deadline.maybe(p, i) {
			continue
		}
		best, n := r.deadline.matchAt(p, i)
		if best < 0 {
			continue
		}
		reach := r.deadline.phrases[best].label
		for j := i + n; j < hi && j < i+n+reach; j++ {
			if r.v.is(p.ids[j], tagMonth) || r.isDateNumber(p, j) {
				return true
			}
		}
	}
	return false
}

// isDateNumber reports whether token i is a year, a clock time or a date
// written in figures: 2026, 5pm, 10:30, 27/03/2026.
func (r *signpost) isDateNumber(p *prepared, i int) bool {
	tk := &p.a.Tokens[i]
	if tk.Kind != TokenNumber {
		return false
	}
	w := p.a.Text(i)
	n := len(w)
	switch {
	case n == 4 && (w[:2] == "19" || w[:2] == "20") && isDigits(w):
		return true
	case n >= 3 && (w[n-2:] == "am" || w[n-2:] == "pm"):
		return true
	}
	for k := 0; k < n; k++ {
		if w[k] == ':' || w[k] == '/' {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// joinComma joins words with commas.
func joinComma(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += ", "
		}
		s += w
	}
	return s
}
