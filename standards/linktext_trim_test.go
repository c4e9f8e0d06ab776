package standards

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNormalizeLinkTextTrim checks the hand-written trim against the
// strings.Trim call it replaces, including quotes, ellipses and invalid
// UTF-8 at the ends.
func TestNormalizeLinkTextTrim(t *testing.T) {
	for _, s := range []string{
		"", "here", "“Click here”…", "(more)", "...", "‘’", "\xff here \xfe", "read more.\xe2\x80",
		"<https://example.org/>", "'quoted'", "a.b", "…“”", "é.", "[x]!",
	} {
		want := strings.Trim(strings.ToLower(strings.Join(strings.Fields(s), " ")), ".,:;!?\"'()[]<>“”‘’…")
		assert.Equal(t, want, normalizeLinkText(s), "%q", s)
	}
}

// TestInLinkManyLinks checks the binary search in inLink against a scan of
// every link, on a paragraph of many links as the readers make it.
func TestInLinkManyLinks(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("<p>Start ")
	for i := 0; i < 500; i++ {
		sb.WriteString(`<a href="/x">click here</a> and <a href="/y">the page</a>, `)
	}
	sb.WriteString("end.</p>")
	doc, err := Extract([]byte(sb.String()), FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	b := &doc.Blocks[0]
	if len(b.Links) != 1000 {
		t.Fatalf("%d links; want 1000", len(b.Links))
	}
	for off := 0; off <= len(b.Text); off++ {
		want := false
		for _, l := range b.Links {
			if off >= l.Start && off < l.End {
				want = true
			}
		}
		if got := inLink(b, off); got != want {
			t.Fatalf("inLink(%d) = %v; want %v", off, got, want)
		}
	}
}

// BenchmarkLinkTextManyLinks measures a paragraph of 20,000 "click here"
// links, which took time quadratic in the links before inLink searched.
func BenchmarkLinkTextManyLinks(b *testing.B) {
	src := []byte("<p>" + strings.Repeat(`<a href="/x">click here</a> `, 20000) + "</p>")
	var c Checker
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Check("links.html", src); err != nil {
			b.Fatal(err)
		}
	}
}
