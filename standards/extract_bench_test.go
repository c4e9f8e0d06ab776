package standards

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// megabyte repeats a golden input to about 1 MB. For HTML the whole page
// repeats, so the page has many <main>s, as a long page has many sections.
func megabyte(b *testing.B, name string) []byte {
	src, err := os.ReadFile(filepath.Join("testdata", "extract", name))
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Repeat(src, (1<<20)/len(src)+1)
}

func benchExtract(b *testing.B, name string, f Format) {
	src := megabyte(b, name)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(src, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractHTML(b *testing.B)     { benchExtract(b, "decision-notice.html", FormatHTML) }
func BenchmarkExtractMarkdown(b *testing.B) { benchExtract(b, "consultation.md", FormatMarkdown) }
func BenchmarkExtractText(b *testing.B)     { benchExtract(b, "minutes.txt", FormatText) }

func BenchmarkDetectFormat(b *testing.B) {
	src := megabyte(b, "consultation.md")
	b.ReportAllocs()
	for b.Loop() {
		DetectFormat("", src)
	}
}
