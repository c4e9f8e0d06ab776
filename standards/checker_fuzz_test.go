package standards

import (
	"math"
	"testing"
)

// FuzzCheck checks that any text scores without panicking, with findings
// inside the source and scores between 0 and 100.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"", "# Title\n\nMembers will utilise the LTN (low traffic neighbourhood).",
		"[click here](x) https://a.b", "The decision was made by the cabinet on 3 March 2026 by 5pm.",
		"A (B", "NHS (", "is", "( )", "\xff\xfe", "- item\n\n# h",
		"You can. You can. You can. People who suffer from the disabled. 3rd April, April 3, 03/04/25 at 5.30 p.m. or 17:00, 9am-5pm & e.g. etc.",
		"THE TIP IS SHUT TODAY. Dates shown in red. [report](a.pdf) 12 noon at 10.30 12pm 12am 0:00",
		"# a\n\n### b\n\n" + "word word word word word word word word word word. ",
	} {
		f.Add(s)
	}
	rs, err := Compile("", &Config{PlainEnglish: WordList{Add: []Substitution{{Phrase: "go", Suggestion: "x"}}}}, fakeStemmer{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := ruleDoc(s)
		card := rs.Check("fuzz.md", doc)
		for _, fd := range card.Findings {
			if fd.Offset < 0 || fd.Length < 0 || fd.Offset+fd.Length > len(s) || fd.Line < 1 || fd.Column < 1 {
				t.Fatalf("finding %+v out of range in %q", fd, s)
			}
		}
		for _, st := range card.Standards {
			if math.IsNaN(st.Score) || st.Score < 0 || st.Score > 100 {
				t.Fatalf("standard %s scored %v", st.ID, st.Score)
			}
		}
	})
}
