package standards

import (
	"reflect"
	"strings"
	"testing"
)

// The rule set's build avoids allocating; these tests hold its parsers
// and helpers to the plain versions they replace.

// sectionsRef is the plain reading of a data file that sections must
// match.
func sectionsRef(src string) map[string][]string {
	out := make(map[string][]string)
	cur := ""
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			cur = line[1 : len(line)-1]
			continue
		}
		out[cur] = append(out[cur], strings.Join(strings.Fields(line), " "))
	}
	return out
}

func TestSectionsMatchReference(t *testing.T) {
	srcs := []string{dataJourney, dataNeeds, dataLinkText, dataPassive,
		"lead\n[a]\n  one  two\t three \n\n# note\n[empty]\n[b]\nfour\u00a0five\nsix\n"}
	for _, src := range srcs {
		want := sectionsRef(src)
		got := sections(src)
		if len(got) != len(want) {
			t.Errorf("%d sections, want %d", len(got), len(want))
		}
		for name, lines := range want {
			if g := got.get(name); !reflect.DeepEqual(g, lines) {
				t.Errorf("section [%s] = %q, want %q", name, g, lines)
			}
		}
	}
}

func TestAppendFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "click here", "x\u00a0y z", "you’re"} {
		got := appendFields([]string{"keep"}, s)
		want := append([]string{"keep"}, strings.Fields(s)...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
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
	for _, l := range sections(dataJourney) {
		ws = append(ws, words(l.lines)...)
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
		for _, w := range appendFields(nil, e.forms) {
			gotForms = append(gotForms, appendSplit(nil, w))
		}
		if !reflect.DeepEqual(gotForms, forms) {
			t.Errorf("entry %q: forms %q, want %q", line, gotForms, forms)
		}
		for k, list := range []string{e.notBefore, e.notAfter} {
			var want, got []string
			if f[5+k] != "" {
				want = strings.Split(f[5+k], "|")
			}
			if list != "" {
				got = appendSplit(nil, list)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("entry %q: list %d %q, want %q", line, k, got, want)
			}
		}
	}
	if i != len(got) {
		t.Errorf("parseLexicon returned %d entries, want %d", len(got), i)
	}
	for _, s := range []string{"", "a", "a|b", "|a||", "|"} {
		if got, want := appendSplit([]string{"x"}, s), append([]string{"x"}, strings.Split(s, "|")...); !reflect.DeepEqual(got, want) {
			t.Errorf("appendSplit(%q) = %q, want %q", s, got, want)
		}
	}
}
