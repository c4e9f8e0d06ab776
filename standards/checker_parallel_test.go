package standards

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCheckParallelSame checks that a large document checked with a
// context, whose rules run in two groups at once, gives the same
// scorecard, byte for byte, as the sequential check, with a council's
// own words matched by stem in both groups.
func TestCheckParallelSame(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one CPU: the rules run in one group")
	}
	src := councilText(t, 1<<20).Source
	cfg := &Config{PlainEnglish: WordList{Add: []Substitution{{Phrase: "consult", Suggestion: "ask"}}}}
	c := Checker{Format: FormatText, Config: cfg, Stemmer: fakeStemmer{}}
	seq, err := c.Check("big.txt", src)
	require.NoError(t, err)
	par, err := c.CheckContext(context.Background(), "big.txt", src)
	require.NoError(t, err)
	a, err := json.Marshal(seq)
	require.NoError(t, err)
	b, err := json.Marshal(par)
	require.NoError(t, err)
	require.Greater(t, len(seq.Findings), 1000)
	require.Equal(t, string(a), string(b))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.CheckContext(ctx, "big.txt", src)
	require.ErrorIs(t, err, context.Canceled)
}

// TestPrepareHalvesSame checks that looking a large document's tokens up
// in two halves at once gives the ids one pass gives.
func TestPrepareHalvesSame(t *testing.T) {
	a := Analyze(councilText(t, 1<<20))
	rs, err := Compile("", nil, nil)
	require.NoError(t, err)
	p := prepare(a, rs.v, nil)
	n := len(a.Tokens)
	require.GreaterOrEqual(t, n, parallelTokens)
	one := &prepared{a: a, ids: make([]int32, n), cids: make([]int32, n)}
	one.lookup(rs.v, 0, n)
	require.Equal(t, one.ids, p.ids)
	require.Equal(t, one.cids, p.cids)
}

// TestCheckContextConfigErrorFirst checks that on a large page, whose
// rules are built while it is read, an invalid config is still the error
// reported, before the page's own (here: it is not text).
func TestCheckContextConfigErrorFirst(t *testing.T) {
	src := make([]byte, parallelText+1) // NUL bytes: not text
	c := Checker{Config: &Config{Severity: map[string]Severity{RuleAcronym: 9}}}
	_, err := c.CheckContext(context.Background(), "big.bin", src)
	require.ErrorContains(t, err, `invalid severity for rule "acronym"`)
	_, err = (&Checker{}).CheckContext(context.Background(), "big.bin", src)
	require.Error(t, err)
	require.NotContains(t, err.Error(), "severity")
}

// TestMergeFindings checks that merging two sorted lists gives the order
// one sort of both gives.
func TestMergeFindings(t *testing.T) {
	a := []Finding{{Rule: "b", Offset: 1}, {Rule: "b", Offset: 5}, {Rule: "d", Offset: 5}, {Rule: "b", Offset: 9}}
	b := []Finding{{Rule: "a", Offset: 0}, {Rule: "c", Offset: 5}, {Rule: "a", Offset: 9}, {Rule: "c", Offset: 12}}
	all := sortFindings(append(append([]Finding(nil), a...), b...))
	require.Equal(t, all, mergeFindings(a, b))
	roomy := append(make([]Finding, 0, len(a)+len(b)), b...)
	require.Equal(t, all, mergeFindings(a, roomy), "merged in place")
	roomy = append(make([]Finding, 0, len(a)+len(b)), a...)
	require.Equal(t, all, mergeFindings(b, roomy), "merged in place, the other way")
	require.Equal(t, a, mergeFindings(a, nil))
	require.Equal(t, b, mergeFindings(nil, b))
}

// TestSortFindingsInPlace checks the in-place sort against a stable sort
// of a copy, on random findings with many ties (the seed is fixed).
func TestSortFindingsInPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		fs := make([]Finding, n)
		for i := range fs {
			fs[i] = Finding{Rule: string(rune('a' + rng.IntN(3))), Offset: rng.IntN(20), Line: i}
		}
		want := append([]Finding{}, fs...)
		sort.SliceStable(want, func(i, j int) bool { return cmpFinding(&want[i], &want[j]) < 0 })
		require.Equal(t, want, sortFindings(fs), "n=%d", n)
	}
}

// TestAnalyzeHalvesSame checks that tokenising in two halves gives the
// analysis one pass gives: on prose, and on text so dense in tokens
// ("a, b, c" is a token every two bytes) that each half outgrows the
// room it is given in the shared token array.
func TestAnalyzeHalvesSame(t *testing.T) {
	dense := strings.Repeat("a, b. c; d: e! f? ", 40000)
	for name, doc := range map[string]*Document{
		"prose": councilText(t, 1<<20),
		"dense": {Source: []byte(dense), Format: FormatText, Blocks: []Block{{Text: dense[:len(dense)/2]}, {Text: dense[len(dense)/2:]}}},
	} {
		t.Run(name, func(t *testing.T) {
			n := 0
			for i := range doc.Blocks {
				n += len(doc.Blocks[i].Text)
			}
			want := Analyze(doc)
			got, err := analyzeHalves(doc, n, neverStop{}, nil)
			require.NoError(t, err)
			require.Equal(t, want.Tokens, got.Tokens)
			require.Equal(t, want.Sentences, got.Sentences)
			require.Equal(t, want.Stats, got.Stats)
			require.Equal(t, want.Readability, got.Readability)
		})
	}
}

type neverStop struct{}

func (neverStop) Err() error { return nil }

// TestExtractTextHalvesSame checks that plain text read in parts at once
// (2, 3, 8 or 17 of them) gives the blocks, texts and source maps one pass
// gives, on random
// texts (fixed seed) of every kind of line the reader tells apart, with
// Unix and Windows line endings.
func TestExtractTextHalvesSame(t *testing.T) {
	lines := []string{
		"", "", "", "Agenda", "PUBLIC QUESTIONS", "Title", "=====", "Sub", "---",
		"Reason for decision:", "Decision :-", "Date: Tuesday 14 January 2025", "Note: see below. Then more.",
		"- a bullet", "* another", "• a third", "1. Minutes of the last meeting", "2. Public questions",
		"(a) That the report be noted", "a) five", "  indented continuation of an item",
		"Name | Ward | Party", "one\ttwo\tthree",
		"The committee considered the report of the director and asked for more work on the",
		"options for the site.", "continued in lower case after a wrapped line",
		"We publish records of many decisions, for example:", "When a councillor decides alone",
		"Short heading", "It was RESOLVED that the plan be agreed.", "\u00a0 non-breaking start",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 12 {
		var sb strings.Builder
		nl := "\n"
		if round%3 == 2 {
			nl = "\r\n"
		}
		if round%4 == 1 {
			sb.WriteString("\ufeff")
		}
		for sb.Len() < parallelText+parallelText/2 {
			sb.WriteString(lines[rng.IntN(len(lines))])
			sb.WriteString(nl)
		}
		src := []byte(sb.String())
		one := newBuilder(src, len(src), src, nil)
		start := 0
		if strings.HasPrefix(sb.String(), "\ufeff") {
			start = 3
		}
		extractText(one, start)
		want := one.finish(nil)
		for _, n := range []int{2, 3, textParts, 17} {
			cuts := textCuts(src, start, n)
			require.Greater(t, len(cuts), 2)
			require.LessOrEqual(t, len(cuts), n+1)
			got, err := extractTextParts(src, cuts, nil)
			require.NoError(t, err)
			require.Equal(t, want, got.Blocks, "round %d, %d parts", round, n)
		}
	}
}

// TestTokeniserIDs checks that the word ids the tokeniser finds through
// its cache, in one pass or in two halves, are those prepare's own pass
// looks up: on council prose, on words beyond ASCII and with curly
// apostrophes, and on capitals the plain-English list matches by case.
func TestTokeniserIDs(t *testing.T) {
	rs, err := Compile("", nil, nil)
	require.NoError(t, err)
	require.True(t, rs.v.caseful, "the embedded lists have a phrase matched by case")
	odd := strings.Repeat("Café’s résumé, the Council’s AGENDA and Key Decisions; ÉTUDE naïve Øresund. Whilst COMMENCE commence Commence 12 £3m. ", 3000)
	for name, doc := range map[string]*Document{
		"prose": councilText(t, 1<<20),
		"odd":   {Source: []byte(odd), Format: FormatText, Blocks: []Block{{Text: odd[:len(odd)/2]}, {Text: odd[len(odd)/2:]}}},
	} {
		t.Run(name, func(t *testing.T) {
			want := prepare(Analyze(doc), rs.v, nil)
			one := analyzeFor(doc, rs.v)
			require.Equal(t, want.ids, one.ids)
			require.Equal(t, want.cids, one.cids)
			halves, err := analyzeHalves(doc, textBytes(doc), neverStop{}, rs.v)
			require.NoError(t, err)
			require.Equal(t, want.ids, halves.ids)
			require.Equal(t, want.cids, halves.cids)
			require.Equal(t, one.Tokens, halves.Tokens)
			p := prepare(halves, rs.v, nil)
			require.Equal(t, &halves.ids[0], &p.ids[0], "prepare takes the tokeniser's ids")
		})
	}
}

// TestBlankLineAfter checks where a large text is cut: after the first
// blank line from an offset, with Unix or Windows line breaks, and -1
// without one.
func TestBlankLineAfter(t *testing.T) {
	for _, tc := range []struct {
		src  string
		from int
		want int
	}{
		{"a\n\nb", 0, 3},
		{"a\r\n\r\nb", 0, 5},
		{"a\nb\nc\r\n\r\nd\n\ne", 0, 9},
		{"a\n\nb\n\nc", 2, 6},
		{"a\n\nb\n\nc", 3, 6},
		{"a\nb\nc", 0, -1},
		{"a\r\nb\r\n", 0, -1},
		{"\n\n", 0, 2},
		{"a\n", 0, -1},
		{"", 0, -1},
	} {
		require.Equal(t, tc.want, blankLineAfter([]byte(tc.src), tc.from), "%q from %d", tc.src, tc.from)
	}
}

// TestMarkdownHalvesSame checks that a large Markdown file whose inline
// markup is read in two halves at once gives the blocks, texts, source
// maps and links one pass gives: the real council pages of testdata/real
// in Markdown, with lists, quotes, fenced code, tables, HTML blocks and
// reference links defined at the end of the file, used in both halves.
func TestMarkdownHalvesSame(t *testing.T) {
	paths, err := filepath.Glob("testdata/real/*.md")
	require.NoError(t, err)
	extra := "\n\n> a quote with [a reference][ref] and *emphasis*\n\n```\ncode [not a link][ref]\n\n```\n\n" +
		"| a | b |\n|---|---|\n| [c][ref] | `d` |\n\n<div>\n<p>an HTML block</p>\n</div>\n\n1. one\n2. two with **bold**\n\n"
	var src []byte
	for len(src) < 2*parallelText {
		for _, p := range paths {
			if strings.HasSuffix(p, "README.md") {
				continue
			}
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			src = append(append(src, b...), extra...)
		}
	}
	src = append(src, "\n[ref]: https://example.gov.uk/ref \"Title\"\n"...)
	one, two := markdownOneAndHalves(t, src)
	require.Equal(t, len(one.Blocks), len(two.Blocks))
	require.Equal(t, one.Blocks, two.Blocks)
	links := 0
	for _, b := range two.Blocks {
		links += len(b.Links)
	}
	require.Greater(t, links, 100, "the reference links resolve in both halves")

	// and lines of those pages in random order, with markers that
	// open fences, HTML blocks, quotes and lists and may never close
	lines := strings.Split(string(src), "\n")
	lines = append(lines, "```", "~~~ go", "<!--", "-->", "<pre>", "</pre>", "> > deep", "    indented code",
		"- [ ] task", "[ref]: /other", "***", "Setext\n===", "| x |", "<script>", "</script>", "1) first")
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 4 {
		var sb strings.Builder
		for sb.Len() < 2*parallelText {
			sb.WriteString(lines[rng.IntN(len(lines))])
			sb.WriteString("\n")
		}
		one, two := markdownOneAndHalves(t, []byte(sb.String()))
		require.Equal(t, one.Blocks, two.Blocks, "round %d", round)
	}
}

// markdownOneAndHalves reads src as Markdown in one pass (one CPU) and
// with its inline pass in halves (two or more).
func markdownOneAndHalves(t *testing.T, src []byte) (one, two *Document) {
	t.Helper()
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	one, err := Extract(src, FormatMarkdown)
	require.NoError(t, err)
	runtime.GOMAXPROCS(max(prev, 2))
	two, err = Extract(src, FormatMarkdown)
	require.NoError(t, err)
	return one, two
}
