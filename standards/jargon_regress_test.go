package standards

import "testing"

// TestJargonNextSentenceAcrossBlocks checks a jargon term of three words
// in a sentence followed by "However:" and a list: the "defined by the
// next sentence" test read the next three tokens as one span of the
// first block's text, and sliced past its end (a panic found on a real
// page, testdata/real/petitions-scheme.txt).
func TestJargonNextSentenceAcrossBlocks(t *testing.T) {
	src := "Anybody who lives in the local authority area can sign a petition. However:\n- petitions must relate to a function of the council"
	var c Checker
	card, err := c.Check("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range card.Findings {
		if f.Rule == RuleJargon && f.Match == "the local authority" {
			found = true
		}
	}
	if !found {
		t.Errorf("want a jargon finding on \"the local authority\", got %v", card.Findings)
	}
}
