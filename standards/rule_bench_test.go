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
	a := Analyse(doc)
	b.SetBytes(int64(len(doc.Source)))
	b.ReportAllocs()
	for b.Loop() {
		rs.CheckAnalysis("bench.txt", a)
	}
}

// BenchmarkCheck measures the full scorecard — tokeniser, readability,
// rules and scores — over 1 MB of council text.
func BenchmarkCheck(b *testing.B) {
	doc := councilText(b, 1<<20)
	var c Checker
	b.SetBytes(int64(len(doc.Source)))
	b.ReportAllocs()
	for b.Loop() {
		c.CheckDocument("bench.txt", doc)
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
