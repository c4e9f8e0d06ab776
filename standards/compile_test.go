package standards

import (
	"reflect"
	"strings"
	"testing"
)

// The rule set's build avoids allocating; these tests hold its parsers
// and helpers to the plain versions they replace.

func TestAppendSplit(t *testing.T) {
	for _, s := range []string{"a", "a|b", "|a||", "|", "a b|c"} {
		got := appendSplit([]string{"keep"}, s, '|')
		want := append([]string{"keep"}, strings.Split(s, "|")...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("appendSplit(%q) = %q, want %q", s, got, want)
		}
	}
	if got := appendSplit(nil, "", '|'); len(got) != 0 {
		t.Errorf("appendSplit(\"\") = %q, want none", got)
	}
}

// inflectionsRef is the plain expansion that inflections must match.
func inflectionsRef(w string) []string {
	out := []string{w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
	n := len(w)
	if n > 1 && w[n-1] == 'e' {
		out = append(out, w[:n-1]+"ing")
	}
	if n > 1 && w[n-1] == 'y' {
		out = append(out, w[:n-1]+"ies", w[:n-1]+"ied")
	}
	if n > 1 && !doublesNot(w[n-1]) {
		out = append(out, w+w[n-1:]+"ed", w+w[n-1:]+"ing")
	}
	return out
}

func TestInflectionsMatchReference(t *testing.T) {
	ws := []string{"a", "ab", "apply", "agree", "box", "x"}
	for _, list := range []string{dataJourneyDecision, dataJourneyStage, dataJourneyNext, dataJourneyWho, dataJourneySay} {
		ws = append(ws, strings.Fields(list)...)
	}
	for _, w := range ws {
		if got, want := inflections(w), inflectionsRef(w); !reflect.DeepEqual(got, want) {
			t.Errorf("inflections(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestVocabSize keeps vocabSize, the room a vocab makes at first, near
// the number of words the default rule set interns.
func TestVocabSize(t *testing.T) {
	rs, err := Compile("", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rs.v.words); n > vocabSize || n < vocabSize*7/8 {
		t.Errorf("the default rule set interns %d words; set vocabSize to about %d", n, n+n/16)
	}
}

// TestParseLexiconMatchesReference holds parseLexicon, and the splitting
// of its lists as the rules are built, to the plain reading of the table.
func TestParseLexiconMatchesReference(t *testing.T) {
	got := parseLexicon(dataLexicon)
	i := 0
	for _, line := range strings.Split(dataLexicon, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if i >= len(got) {
			t.Fatalf("parseLexicon returned %d entries, want more", len(got))
		}
		e := got[i]
		i++
		if e.rule != f[0] || e.phrase != f[1] || e.suggestion != f[2] || e.caseful != (f[3] == "case") {
			t.Errorf("entry %q: got %q %q %q %v", line, e.rule, e.phrase, e.suggestion, e.caseful)
		}
		var forms, gotForms [][]string
		for _, w := range strings.Fields(f[4]) {
			forms = append(forms, strings.Split(w, "|"))
		}
		for _, w := range appendSplit(nil, e.forms, ' ') {
			gotForms = append(gotForms, appendSplit(nil, w, '|'))
		}
		if !reflect.DeepEqual(gotForms, forms) {
			t.Errorf("entry %q: forms %q, want %q", line, gotForms, forms)
		}
		for k, list := range []string{e.notBefore, e.notAfter} {
			var want, got []string
			if f[5+k] != "" {
				want = strings.Split(f[5+k], "|")
			}
			got = appendSplit(got, list, '|')
			if !reflect.DeepEqual(got, want) {
				t.Errorf("entry %q: list %d %q, want %q", line, k, got, want)
			}
		}
	}
	if i != len(got) {
		t.Errorf("parseLexicon returned %d entries, want %d", len(got), i)
	}
}
