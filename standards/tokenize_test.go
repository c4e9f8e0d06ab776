package standards

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/civickit/civickit/internal/sample"
)

// councilText returns about n bytes of council prose from the sample
// council's minutes and consultation page, as plain-text paragraphs.
func councilText(tb testing.TB, n int) *Document {
	tb.Helper()
	var src strings.Builder
	for _, name := range []string{"content/minutes.txt", "content/consultation.md"} {
		b, err := sample.FS.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		src.Write(b)
		src.WriteString("\n\n")
	}
	one := src.String()
	text := strings.Repeat(one, n/len(one)+1)
	doc := &Document{Source: []byte(text), Format: FormatText}
	off := 0
	for _, para := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(para) != "" {
			doc.Blocks = append(doc.Blocks, Block{Text: para, Map: []Anchor{{0, off}}})
		}
		off += len(para) + 2
	}
	return doc
}

// BenchmarkAnalyze measures tokenising, syllables, stats and readability.
func BenchmarkAnalyze(b *testing.B) {
	doc := councilText(b, 1<<20)
	b.SetBytes(int64(len(doc.Source)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(doc)
	}
}

// BenchmarkExtractAnalyze measures stats and readability from source
// bytes: extracting plain text, then tokenising, syllables, stats and
// readability.
func BenchmarkExtractAnalyze(b *testing.B) {
	src := councilText(b, 1<<20).Source
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Extract(src, FormatText)
		if err != nil {
			b.Fatal(err)
		}
		Analyze(doc)
	}
}

// FuzzAnalyze checks that any text tokenises without panicking and that
// tokens and sentences stay inside their block, in order.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", "Cllr. Smith met. No. 5!", "£2.5m e.g. www.x.gov.uk a@b.co", "\xff\xfe", "...?!", "“Hi.” (Yes.)", "'s' '", "a-", "1,", "£", "@@.", "x@y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Analyze(textDoc(s))
		prev := int32(0)
		for i, tk := range a.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || int(tk.End) > len(s) {
				t.Fatalf("token %d [%d,%d) out of order or range in %q", i, tk.Start, tk.End, s)
			}
			prev = tk.End
		}
		for _, st := range a.Sentences {
			if st.Start > st.End || int(st.End) > len(s) || st.First >= st.Last || st.Words == 0 {
				t.Fatalf("bad sentence %+v in %q", st, s)
			}
		}
		if utf8.ValidString(s) && a.Stats.Words > 0 && a.Stats.Sentences == 0 {
			t.Fatalf("words without sentences in %q", s)
		}
	})
}
