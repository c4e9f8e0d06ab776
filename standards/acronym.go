package standards

import "strings"

// acronym reports acronyms (words of two or more capital letters) not
// explained the first time they are used in the body text. An acronym is
// explained by its expansion just before it in brackets, "Community
// Infrastructure Levy (CIL)", or just after it in brackets, "CIL
// (Community Infrastructure Levy)"; a bracketed acronym counts as
// explained whatever precedes it, as writers bracket an acronym to define
// it.
//
// Acronyms readers know (UK, EU, NHS, BBC, VAT, COVID ...; GOV.UK style
// names UK, EU and NHS) are listed in data/acronyms.txt and need no
// expansion; a council may add its own. Headings are not first uses, since
// a heading may name what the text below explains. Roman numerals (II, IV)
// runs of two or more capitalised words ("PUBLIC NOTICE", which is
// shouting, not an acronym) and words of six or more capitals without a
// listed expansion ("RESOLVED") are not acronyms; nor are words with a
// digit (the postcode district NB1), parts of references written with
// slashes (24/01234/FUL), "PO" in "PO Box", units after a number (KM, MB:
// listed as known) and ordinary words in capitals for emphasis (NOT, MUST:
// listed as known). Possessives and plurals are found by their acronym:
// PPS's and PPSs are PPS. Each acronym is reported once, at its first use.
type acronym struct {
	rule
	known     map[string]bool
	expansion map[string]string
}

// romans are the Roman numerals that are all capitals and two letters or
// more.
const romans = " II III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII XVIII XIX XX "

func newAcronym(b rule, cfg AcronymList) *acronym {
	r := &acronym{rule: b, known: map[string]bool{}, expansion: map[string]string{}}
	for _, line := range strings.Split(dataFile("acronyms.txt"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		acr, exp, _ := strings.Cut(line, "|")
		acr, exp = strings.TrimSpace(acr), strings.TrimSpace(exp)
		if exp == "-" {
			r.known[acr] = true
		} else {
			r.expansion[acr] = exp
		}
	}
	for _, k := range cfg.Known {
		r.known[strings.TrimSpace(k)] = true
	}
	for _, s := range cfg.Expand {
		r.expansion[strings.TrimSpace(s.Phrase)] = strings.TrimSpace(s.Suggestion)
	}
	return r
}

// Check reports each unexplained acronym in a.
func (r *acronym) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *acronym) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	seen := map[string]bool{}
	toks := a.Tokens
	for i := range toks {
		tk := &toks[i]
		if tk.Kind != TokenWord || tk.Flags&FlagCapital == 0 {
			continue // an acronym starts with a capital (see acronymBase)
		}
		b := &a.Doc.Blocks[tk.Block]
		if b.Kind == BlockHeading {
			continue
		}
		w := acronymBase(b.Text[tk.Start:tk.End], tk.Flags)
		if w == "" || isReference(b.Text, int(tk.Start), int(tk.End)) ||
			w == "PO" && i+1 < len(toks) && a.Text(i+1) == "Box" {
			continue // 24/01234/FUL, NB1 1AA, PO Box: references and addresses
		}
		if len(w) >= 6 && r.expansion[w] == "" {
			continue // RESOLVED, NOTICE: a word in capitals, not an acronym
		}
		if r.known[w] || seen[w] || strings.Contains(romans, " "+w+" ") || r.shouting(a, i) {
			continue
		}
		seen[w] = true
		t.total++
		if r.explained(a, i) {
			continue
		}
		t.bad++
		sugg := "Write it out in full the first time, with the acronym in brackets after it."
		if exp := r.expansion[w]; exp != "" {
			sugg = "Write " + quote(exp+" ("+w+")") + " the first time."
		}
		report(a.Span(r.id, r.sev, int(tk.Block), int(tk.Start), int(tk.Start)+len(w),
			quoteMsg("explain ", w, " the first time you use it"), sugg))
	}
	return t
}

// acronymBase returns the acronym a word is, or "": the word itself when
// it is all capitals; without its ending in a possessive or plural (PPS's,
// PPS’s, PPSs, TSMs); "" for any other word and for a word with a digit,
// such as the postcode district NB1.
func acronymBase(w string, fl TokenFlag) string {
	base := w
	if fl&FlagAllCaps == 0 {
		switch {
		case len(w) > 4 && w[len(w)-2:] == "'s":
			base = w[:len(w)-2]
		case len(w) > 6 && w[len(w)-4:] == "\u2019s":
			base = w[:len(w)-4]
		case len(w) > 2 && w[len(w)-1] == 's':
			base = w[:len(w)-1]
		default:
			return ""
		}
		if len(base) < 2 {
			return ""
		}
	}
	for i := 0; i < len(base); i++ {
		if c := base[i]; c < 'A' || c > 'Z' {
			if fl&FlagAllCaps != 0 && c >= 0x80 {
				continue // a capital beyond ASCII
			}
			return ""
		}
	}
	return base
}

// isReference reports whether text[start:end] is part of a reference
// written with slashes, such as the planning application 24/01234/FUL.
func isReference(text string, start, end int) bool {
	return start > 0 && text[start-1] == '/' || end < len(text) && text[end] == '/'
}

// shouting reports whether token i is next to another all-capital word of
// its block, across a comma or dash ("REVIEW OF A PREMISES LICENCE,
// STORM - The ...").
func (r *acronym) shouting(a *Analysis, i int) bool {
	caps := func(j, step int) bool {
		for k := 0; k < 2 && j >= 0 && j < len(a.Tokens) && a.Tokens[j].Block == a.Tokens[i].Block; k, j = k+1, j+step {
			switch t := &a.Tokens[j]; {
			case t.Kind == TokenWord:
				return t.Flags&FlagAllCaps != 0
			case a.Text(j) != "," && a.Text(j) != "-" && a.Text(j) != "–":
				return false
			}
		}
		return false
	}
	return caps(i-1, -1) || caps(i+1, 1)
}

// explained reports whether the acronym at token i is in brackets, or
// followed by a bracketed expansion.
func (r *acronym) explained(a *Analysis, i int) bool {
	is := func(j int, s string) bool {
		return j >= 0 && j < len(a.Tokens) && a.Tokens[j].Block == a.Tokens[i].Block &&
			a.Tokens[j].Kind != TokenWord && a.Text(j) == s
	}
	if is(i-1, "(") && is(i+1, ")") {
		return true
	}
	if !is(i+1, "(") {
		return false
	}
	words := 0
	for j := i + 2; j < len(a.Tokens) && j < i+16; j++ {
		if is(j, ")") {
			return words >= 2
		}
		if a.Tokens[j].Block != a.Tokens[i].Block {
			return false
		}
		if a.Tokens[j].Kind == TokenWord {
			words++
		}
	}
	return false
}
