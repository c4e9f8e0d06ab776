package standards

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPosition(t *testing.T) {
	d := &Document{Source: []byte("£5 fee\nsecond line\n\nfourth")}
	tests := []struct {
		off, line, col int
	}{
		{0, 1, 1},
		{2, 1, 2},  // after "£", two bytes, one character
		{3, 1, 3},  // the space
		{8, 2, 1},  // "second"
		{15, 2, 8}, // "line"
		{20, 3, 1}, // the empty line
		{21, 4, 1},
		{99, 4, 7}, // past the end clamps to the end
	}
	// In order, out of order and repeated: the cache must not change answers.
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 4, 2, 6, 0, 5, 3, 1}, {4, 4, 1, 1}} {
		for _, i := range order {
			tc := tests[i]
			line, col := d.Position(tc.off)
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{line, col}, "offset %d", tc.off)
		}
	}
}

// TestPositionCROnly checks that a file with old Mac line endings (a lone
// carriage return) has its findings on their own lines, not all on line 1.
func TestPositionCROnly(t *testing.T) {
	var c Checker
	card, err := c.Check("old.txt", []byte("Bins\rYou can put your bin out by 7am.\rWe will utilise new lorries.\r"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range card.Findings {
		if f.Match == "utilise" {
			found = true
			if f.Line != 3 || f.Column != 9 {
				t.Errorf("utilise at %d:%d; want 3:9", f.Line, f.Column)
			}
		}
	}
	if !found {
		t.Errorf("no finding for utilise: %+v", card.Findings)
	}
}
