package content

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func addFiles(f *testing.F, glob string) {
	names, _ := filepath.Glob(filepath.Join("testdata", glob))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err == nil {
			f.Add(b)
		}
	}
}

// FuzzSitemap: any input parses or fails cleanly, and every entry has a
// location with no surrounding space.
func FuzzSitemap(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://a/</loc></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://a/s.xml</loc></sitemap></sitemapindex>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sm, err := ParseSitemap(b, 1<<20)
		if err != nil {
			return
		}
		for _, u := range sm.URLs {
			if u.Loc == "" || strings.TrimSpace(u.Loc) != u.Loc {
				t.Fatalf("bad loc %q", u.Loc)
			}
		}
	})
}

// FuzzFeed: every item read has a URL, the feed channel and a hash of its
// body.
func FuzzFeed(f *testing.F) {
	addFiles(f, "feeds/*")
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := ReadFeed(bytes.NewReader(b), FeedOptions{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		for _, it := range items {
			if it.URL == "" || it.Channel != ChannelFeed || len(it.Hash) != 64 {
				t.Fatalf("bad item %+v", it)
			}
		}
	})
}

// FuzzDOCX: document.xml bodies give numbered pages or a clean error,
// and no page's text is longer than the XML it came from.
func FuzzDOCX(f *testing.F) {
	f.Add(`<w:p><w:r><w:t>a</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:r><w:br w:type="page"/><w:t>b</w:t><w:lastRenderedPageBreak/></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		src := docx(t, body)
		pages, err := ReadDOCX(src, DOCXOptions{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		total := 0
		for i, p := range pages {
			if p.Number != i+1 {
				t.Fatalf("page %d numbered %d", i+1, p.Number)
			}
			total += len(p.Text)
		}
		if total > len(body)+len(pages) {
			t.Fatalf("%d bytes of text from %d bytes of XML", total, len(body))
		}
	})
}

// FuzzDOCXArchive: any bytes as an archive fail cleanly or give pages.
func FuzzDOCXArchive(f *testing.F) {
	f.Add(docx(f, `<w:p><w:r><w:t>a</w:t></w:r></w:p>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ReadDOCX(b, DOCXOptions{MaxBytes: 1 << 20})
	})
}

// FuzzSplitPages: the pages joined by form feeds give back the text
// (without one trailing form feed), and are numbered 1..n.
func FuzzSplitPages(f *testing.F) {
	f.Add("a\fb\f")
	f.Add("\f\f")
	f.Fuzz(func(t *testing.T, s string) {
		pages := SplitPages(s)
		var parts []string
		for i, p := range pages {
			if p.Number != i+1 {
				t.Fatal("numbering")
			}
			parts = append(parts, p.Text)
		}
		if got, want := strings.Join(parts, "\f"), strings.TrimSuffix(s, "\f"); got != want {
			t.Fatalf("got %q want %q", got, want)
		}
	})
}

// FuzzAnalytics: the three readers never panic, and views are never
// negative.
func FuzzAnalytics(f *testing.F) {
	addFiles(f, "analytics/*")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, read := range []func() (Views, error){
			func() (Views, error) { return ReadGA4CSV(bytes.NewReader(b), AnalyticsOptions{}) },
			func() (Views, error) { return ReadPlausibleCSV(bytes.NewReader(b), AnalyticsOptions{}) },
			func() (Views, error) { return ReadMatomoJSON(bytes.NewReader(b), AnalyticsOptions{}) },
		} {
			v, err := read()
			if err != nil {
				continue
			}
			for k, n := range v {
				if n < 0 || k == "" {
					t.Fatalf("%q: %d", k, n)
				}
			}
		}
	})
}

// FuzzRobots: Allowed never panics and an empty file allows everything.
func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\n"), "/ab")
	f.Fuzz(func(t *testing.T, b []byte, path string) {
		ParseRobots(b, "civickit").Allowed(path)
		if !ParseRobots(nil, "civickit").Allowed(path) {
			t.Fatal("empty robots.txt disallows")
		}
	})
}

// FuzzModernGov: a GetMeeting answer gives a meeting with an id and
// content items with URLs on the base, or a clean error.
func FuzzModernGov(f *testing.F) {
	addFiles(f, "moderngov/*")
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadMeeting(bytes.NewReader(b), MGOptions{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		if m.ID == "" {
			t.Fatal("meeting without id")
		}
		for _, it := range m.ContentItems("https://democracy.example.gov.uk") {
			if it.URL == "" {
				t.Fatalf("item without URL: %+v", it)
			}
		}
		ReadMeetings(bytes.NewReader(b), MGOptions{MaxBytes: 1 << 20})
	})
}

// FuzzReadPDF runs pdftotext on PDF-like input: it gives numbered pages
// or a clean error, and never hangs past its timeout. It skips without
// pdftotext.
func FuzzReadPDF(f *testing.F) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		f.Skip("pdftotext (poppler-utils) not installed")
	}
	addFiles(f, "documents/*.pdf")
	f.Fuzz(func(t *testing.T, b []byte) {
		pages, err := ReadPDF(context.Background(), b, PDFOptions{Timeout: 5 * time.Second, MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		for i, p := range pages {
			if p.Number != i+1 {
				t.Fatal("numbering")
			}
		}
	})
}
