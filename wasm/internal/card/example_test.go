package card_test

import (
	"fmt"
	"strings"

	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/wasm/internal/card"
)

// Findings give byte offsets; a textarea's selection counts UTF-16 code
// units, so text after an emoji moves: U+1F3DB is four bytes and two
// units, its variation selector three bytes and one unit.
func ExampleUTF16Spans() {
	src := "🏛️ Click here to read the report."
	i := strings.Index(src, "Click here")
	spans := card.UTF16Spans(src, []standards.Finding{{Rule: "link-text", Offset: i, Length: len("Click here")}})
	fmt.Println(i, spans)
	// Output:
	// 8 [4 14]
}
