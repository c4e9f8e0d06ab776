package content

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

func benchItems(n int) []Item {
	s := &testSite{version: map[int]int{}}
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{URL: fmt.Sprintf("https://x.gov.uk/page/%d", i), Channel: ChannelWeb, ContentType: "text/html", Body: []byte(s.page(i))}
		items[i].hashBody()
	}
	return items
}

// BenchmarkScore scores 100 pages of about 300 words each.
func BenchmarkScore(b *testing.B) {
	items := benchItems(100)
	s := &Scorer{Workers: 1}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Score(context.Background(), items); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClassify classifies one page's text.
func BenchmarkClassify(b *testing.B) {
	text := plainStart(benchItems(1)[0].Body, true)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Classify(nil, ChannelWeb, "Bin collections", "https://x.gov.uk/bins", text)
	}
}

// BenchmarkParseSitemap parses a sitemap of 10,000 URLs.
func BenchmarkParseSitemap(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&sb, "<url><loc>https://x.gov.uk/page/%d</loc><lastmod>2026-11-01</lastmod></url>", i)
	}
	sb.WriteString("</urlset>")
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseSitemap(src, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAudit audits 10,000 scored items with views.
func BenchmarkAudit(b *testing.B) {
	items := make([]Scored, 10000)
	views := Views{}
	for i := range items {
		u := fmt.Sprintf("https://x.gov.uk/page/%d", i)
		items[i] = Scored{URL: u, Channel: ChannelWeb, Class: Class{Type: Types[i%len(Types)]}, Score: float64(i % 100), Passed: i%100 >= 60, Hash: fmt.Sprint(i)}
		views.Add(u, int64(i))
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Audit(AuditInput{Items: items, Previous: items, Views: views})
	}
}

// BenchmarkReadFeed reads the news feed fixture.
func BenchmarkReadFeed(b *testing.B) {
	src := readFixture(b, "feeds/news.rss")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ReadFeed(bytes.NewReader(src), FeedOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
