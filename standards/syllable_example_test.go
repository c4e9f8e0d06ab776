package standards_test

import (
	"fmt"

	"github.com/civickit/civickit/standards"
)

func ExampleSyllables() {
	for _, w := range []string{"council", "Council's", "consultation", "NHS", "Cllr", "£2.5m", "2025", "21st", "10%", "co-operate"} {
		fmt.Println(w, standards.Syllables(w))
	}
	// Output:
	// council 2
	// Council's 2
	// consultation 4
	// NHS 3
	// Cllr 3
	// £2.5m 6
	// 2025 5
	// 21st 3
	// 10% 3
	// co-operate 4
}
