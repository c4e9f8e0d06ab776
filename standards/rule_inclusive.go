package standards

import "strings"

// inclusive reports words that GOV.UK's inclusive language guidance on
// disability asks writers to avoid ("suffers from", "wheelchair-bound",
// "the disabled"), with its alternative. The list, data/inclusive.txt,
// cites its source.
type inclusive struct {
	rule
	ps phraseSet
	// sug and flags are each entry's suggestion and flags, by label.
	sug   []string
	flags []uint8
	// article is the id of the article an entry starts with ("the
	// disabled"), or -1: the phrase itself starts after it.
	article []int32
	after   idSet // function words that may follow an "alone" phrase
}

// The inclusive-language entry flags.
const (
	inclAlone  uint8 = 1 << iota // only when no noun follows
	inclPerson                   // only after a word for a person
)

// inclFunction are words after which a phrase flagged alone still stands
// alone: "the disabled and their carers", "the blind who".
const inclFunction = "and or but who which that are were is was in of to with have has had can could may might will would should at for from on by as"

// inclPeople are words for people that make "suffers from" about a person.
const inclPeople = " who people person persons he she they i you we someone anyone everyone somebody anybody child children adult adults resident residents tenant tenants patient patients man men woman women carer carers user users pupil pupils student students staff employee employees member members those many mother father son daughter parent parents family families individual individuals customer customers applicant applicants "

func newInclusive(b rule) *inclusive {
	r := &inclusive{rule: b}
	r.ps.reserve(strings.Count(dataFile("inclusive.txt"), "\n") + 1)
	for _, line := range strings.Split(dataFile("inclusive.txt"), "\n") {
		c := strings.Split(line, "|")
		if len(c) < 3 || strings.TrimSpace(line)[0] == '#' {
			continue
		}
		var ph phrase
		ws := strings.Fields(c[0])
		var article int32 = -1
		if len(ws) > 1 && (ws[0] == "the" || ws[0] == "a" || ws[0] == "an") {
			// anchored on the word after the article, which is rare,
			// rather than on the article, which starts every other
			// phrase: the article is checked after the match
			article, ws = b.v.add(ws[0]), ws[1:]
		}
		for _, w := range ws {
			ph.words = append(ph.words, b.v.addAll(strings.Split(w, "/")))
		}
		if len(ph.words) == 0 {
			continue
		}
		var fl uint8
		if strings.Contains(c[2], "alone") {
			fl |= inclAlone
		}
		if strings.Contains(c[2], "person") {
			fl |= inclPerson
		}
		ph.label = len(r.sug)
		r.sug = append(r.sug, strings.TrimSpace(c[1]))
		r.flags = append(r.flags, fl)
		r.article = append(r.article, article)
		r.ps.addPhrase(ph)
	}
	r.after = b.v.set(strings.Fields(inclFunction))
	r.ps.index(b.v)
	return r
}

// Check reports each word to avoid in a.
func (r *inclusive) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *inclusive) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	for si := range a.Sentences {
		s := &a.Sentences[si]
		r.ps.each(p, int(s.First), int(s.Last), func(ph *phrase, first, n int) {
			fl := r.flags[ph.label]
			next := first + n
			if art := r.article[ph.label]; art >= 0 {
				if first == int(s.First) || p.ids[first-1] != art {
					return
				}
				first--
			}
			if fl&inclAlone != 0 && next < int(s.Last) && a.Tokens[next].Kind == TokenWord &&
				(!r.after.has(p.ids[next]) || next+1 < int(s.Last) && equalFoldASCII(a.Text(next+1), "partially")) {
				return // "the disabled toilet", "the blind and partially sighted"
			}
			if fl&inclPerson != 0 && !r.afterPerson(p, int(s.First), first) {
				return // "the town centre suffers from congestion"
			}
			t.bad++
			tf, tl := &a.Tokens[first], &a.Tokens[next-1]
			m := a.Doc.Blocks[tf.Block].Text[tf.Start:tl.End]
			report(a.Span(r.id, r.sev, int(tf.Block), int(tf.Start), int(tl.End),
				quoteMsg("", m, ": GOV.UK's inclusive language guidance asks writers to avoid it"),
				"Try: "+r.sug[ph.label]+"."))
		})
	}
	return t
}

// afterPerson reports whether a word for a person comes among the six
// words before token i, from token lo.
func (r *inclusive) afterPerson(p *prepared, lo, i int) bool {
	for j, seen := i-1, 0; j >= lo && seen < 6; j-- {
		if p.a.Tokens[j].Kind != TokenWord {
			continue
		}
		seen++
		if hasFoldWord(inclPeople, p.a.Text(j)) {
			return true
		}
	}
	return false
}
