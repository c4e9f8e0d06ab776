package content

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// testSite is a council website served by httptest: a robots.txt, a
// sitemap index of two sitemaps, n ordinary pages with ETags, and the
// hostile pages a crawler must survive.
type testSite struct {
	*httptest.Server
	n       int
	robots  string
	mu      sync.Mutex
	version map[int]int // page -> version; bump to change a page
	times   []time.Time // when each request arrived
	full    int         // 200 answers to ordinary pages
	notMod  int         // 304 answers
	slow    time.Duration
	extra   []string // more sitemap entries (hostile pages)
}

func newTestSite(t testing.TB, n int, crawlDelay string) *testSite {
	s := &testSite{n: n, version: map[int]int{}, slow: 5 * time.Second}
	s.robots = "User-agent: *\nDisallow: /private/\nAllow: /private/open\n"
	if crawlDelay != "" {
		s.robots += "Crawl-delay: " + crawlDelay + "\n"
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	s.robots += "Sitemap: " + s.URL + "/sitemap-index.xml\n"
	t.Cleanup(s.Close)
	return s
}

func (s *testSite) bump(i int) {
	s.mu.Lock()
	s.version[i]++
	s.mu.Unlock()
}

func (s *testSite) page(i int) string {
	// About 300 words, as a council service page has: a heading, plain
	// paragraphs, one in legal English, a list and a link.
	return fmt.Sprintf(`<!doctype html><html><head><title>Page %[1]d</title></head><body><main><h1>Bin collections, area %[1]d</h1>
<p>We collect your bins every two weeks. If we miss your bin, tell us within two working days and we will come back.</p>
<p>Put your bin out by 7am on your collection day. Leave it at the edge of your property with the lid closed.</p>
<p>In accordance with the provisions of the council's waste collection policy, receptacles designated for the purposes of the collection of residual waste shall be presented at the curtilage of the property, failing which the authority shall be under no obligation to effect a return visit.</p>
<h2>What goes in each bin</h2>
<ul><li>Green bin: garden waste, such as grass and leaves.</li><li>Blue bin: paper, card, cans and plastic bottles.</li><li>Black bin: everything else that cannot be recycled.</li></ul>
<p>You can <a href="/bins/order">order a new bin</a> online. It costs £25 and takes up to ten working days to arrive.</p>
<p>Cabinet will decide on changes to garden waste charges on 12 March. You can have your say until 20 February by filling in our survey.</p>
<p>This page is version %[2]d. We last checked it in November.</p></main></body></html>`, i, s.version[i])
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.times = append(s.times, time.Now())
	s.mu.Unlock()
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		io.WriteString(w, s.robots)
	case p == "/sitemap-index.xml":
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap-1.xml</loc></sitemap>
<sitemap><loc>%[1]s/sitemap-2.xml</loc></sitemap>
<sitemap><loc>https://elsewhere.example/sitemap.xml</loc></sitemap>
</sitemapindex>`, s.URL)
	case p == "/sitemap-1.xml" || p == "/sitemap-2.xml":
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		lo, hi := 0, s.n/2
		if p == "/sitemap-2.xml" {
			lo, hi = s.n/2, s.n
			for _, e := range s.extra {
				fmt.Fprintf(&b, "<url><loc>%s</loc></url>", strings.ReplaceAll(e, "SITE", s.URL))
			}
		}
		for i := lo; i < hi; i++ {
			fmt.Fprintf(&b, "<url><loc>%s/page/%d</loc><lastmod>2026-11-01</lastmod></url>", s.URL, i)
		}
		b.WriteString("</urlset>")
		io.WriteString(w, b.String())
	case strings.HasPrefix(p, "/page/"):
		i, err := strconv.Atoi(strings.TrimPrefix(p, "/page/"))
		if err != nil || i < 0 || i >= s.n {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		v := s.version[i]
		body := s.page(i)
		etag := fmt.Sprintf(`"p%d-v%d"`, i, v)
		if r.Header.Get("If-None-Match") == etag {
			s.notMod++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.full++
		s.mu.Unlock()
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, body)
	case p == "/private/secret", p == "/private/open":
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<p>Private page.</p>")
	case p == "/redirect/ok":
		http.Redirect(w, r, "/page/0", http.StatusFound)
	case p == "/redirect/loop":
		http.Redirect(w, r, "/redirect/loop", http.StatusFound)
	case strings.HasPrefix(p, "/redirect/chain/"):
		n, _ := strconv.Atoi(strings.TrimPrefix(p, "/redirect/chain/"))
		if n <= 0 {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<p>End of the chain.</p>")
			return
		}
		http.Redirect(w, r, "/redirect/chain/"+strconv.Itoa(n-1), http.StatusFound)
	case p == "/redirect/away":
		http.Redirect(w, r, "https://elsewhere.example/phish", http.StatusFound)
	case p == "/redirect/scheme":
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	case p == "/slow":
		select {
		case <-time.After(s.slow):
		case <-r.Context().Done():
			return
		}
		io.WriteString(w, "<p>Late.</p>")
	case p == "/huge":
		// 50 MB of HTML, streamed, with no Content-Length.
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>aaaa</p>", 1000))
		for sent := 0; sent < 50<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	case p == "/huge-declared":
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(50<<20))
		w.WriteHeader(200)
	case p == "/report.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4 not really")
	case p == "/image.png":
		w.Header().Set("Content-Type", "image/png")
		io.WriteString(w, "\x89PNG")
	default:
		http.NotFound(w, r)
	}
}

// gaps returns the least gap between requests after the first.
func (s *testSite) minGap() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	min := time.Duration(1 << 62)
	for i := 1; i < len(s.times); i++ {
		if g := s.times[i].Sub(s.times[i-1]); g < min {
			min = g
		}
	}
	return min
}
