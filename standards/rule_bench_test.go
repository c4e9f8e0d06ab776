package standards

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

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

// BenchmarkCheckContext measures the full scorecard as civickit check
// makes it, with a context: on more than one CPU, a large document is
// tokenised in two halves and its rules run in two groups at once.
func BenchmarkCheckContext(b *testing.B) {
	src := councilText(b, 1<<20).Source
	c := Checker{Format: FormatText}
	ctx := context.Background()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.CheckContext(ctx, "bench.txt", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileCold measures building the default rule set as a new
// process does: with the embedded lexicon parsed too, which later rule
// sets share.
func BenchmarkCompileCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lexOnce = sync.Once{}
		lexData = nil
		if _, err := Compile("", nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// realText is 1 MB of the real council pages of testdata/real (their
// plain-text versions, repeated), whose wider vocabulary costs the
// tokeniser and the word-list rules more than the sample council's prose.
func realText(b *testing.B) []byte {
	paths, err := filepath.Glob("testdata/real/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatal("no real pages", err)
	}
	var text []byte
	for len(text) < 1<<20 {
		for _, p := range paths {
			t, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			text = append(append(text, t...), '\n', '\n')
		}
	}
	return text
}

// BenchmarkAnalyzeReal measures the tokeniser, with the rule set's word
// ids, over 1 MB of real council pages.
func BenchmarkAnalyzeReal(b *testing.B) {
	text := realText(b)
	rs, err := Compile("", nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Extract(text, FormatText)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		analyzeFor(doc, rs.v)
	}
}

// BenchmarkRulesReal measures each rule alone over 1 MB of real council
// pages.
func BenchmarkRulesReal(b *testing.B) {
	text := realText(b)
	c := Checker{Format: FormatText}
	rs, err := c.RuleSet()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Extract(text, FormatText)
	if err != nil {
		b.Fatal(err)
	}
	a := analyzeFor(doc, rs.v)
	for _, r := range rs.rules {
		b.Run(r.ID(), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				p := prepare(a, rs.v, rs.st)
				r.check(p, func(Finding) {})
			}
		})
	}
}
