package standards

import "testing"

// BenchmarkRules measures the rules alone over an analysed 1 MB of council
// text (the sample minutes and consultation, repeated).
func BenchmarkRules(b *testing.B) {
	doc := councilText(b, 1<<20)
	rs, err := Compile("", nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	a := Analyze(doc)
	b.SetBytes(int64(len(doc.Source)))
	b.ReportAllocs()
	for b.Loop() {
		rs.CheckAnalysis("bench.txt", a)
	}
}

// BenchmarkCheck measures the full scorecard from source bytes —
// extraction, tokeniser, readability, rules and scores — over 1 MB of
// council text.
func BenchmarkCheck(b *testing.B) {
	src := councilText(b, 1<<20).Source
	c := Checker{Format: FormatText}
	if _, err := c.Check("bench.txt", src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Check("bench.txt", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile measures building the default rule set, paid once per
// Checker.
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile("", nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
