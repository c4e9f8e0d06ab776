package content

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCrawlHostileSite(t *testing.T) {
	s := newTestSite(t, 4, "")
	s.slow = 3 * time.Second
	s.extra = []string{
		"SITE/private/secret", "SITE/private/open", "SITE/redirect/ok", "SITE/redirect/loop",
		"SITE/redirect/chain/10", "SITE/redirect/chain/11", "SITE/redirect/away", "SITE/redirect/scheme",
		"SITE/missing", "SITE/slow", "SITE/huge", "SITE/huge-declared", "SITE/report.pdf", "SITE/image.png",
		"https://elsewhere.example/page", "javascript:alert(1)",
	}
	c := Crawler{Delay: time.Millisecond, Timeout: 300 * time.Millisecond, MaxBytes: 1 << 20}
	start := time.Now()
	res, err := c.Crawl(context.Background(), s.URL+"/", nil)
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 3*time.Second, "the slow page must time out, not hang")

	got := map[string]bool{}
	for _, it := range res.Items {
		got[strings.TrimPrefix(it.URL, s.URL)] = true
	}
	for _, p := range []string{"/page/0", "/page/3", "/private/open", "/redirect/ok", "/redirect/chain/10", "/report.pdf"} {
		assert.True(t, got[p], "want %s crawled", p)
	}
	errs := map[string]error{}
	for _, e := range res.Errors {
		errs[strings.TrimPrefix(e.URL, s.URL)] = e.Err
	}
	assert.ErrorIs(t, errs["/redirect/loop"], ErrTooManyHops)
	assert.ErrorIs(t, errs["/redirect/chain/11"], ErrTooManyHops, "11 redirects is one too many")
	assert.ErrorIs(t, errs["/redirect/away"], ErrOffHost)
	assert.ErrorIs(t, errs["/redirect/scheme"], ErrOffHost)
	assert.ErrorIs(t, errs["/missing"], ErrHTTPStatus)
	assert.ErrorIs(t, errs["/huge"], ErrTooLarge)
	assert.ErrorIs(t, errs["/huge-declared"], ErrTooLarge)
	assert.ErrorIs(t, errs["/image.png"], ErrUnsupported)
	assert.True(t, errors.Is(errs["/slow"], context.DeadlineExceeded) || strings.Contains(errs["/slow"].Error(), "deadline"), "slow: %v", errs["/slow"])
	assert.False(t, got["/private/secret"])
	assert.Equal(t, 1, res.Stats.Disallowed)
	assert.Equal(t, 3, res.Stats.OffHost, "the off-host sitemap, the off-host page and the javascript: URL")
	for _, it := range res.Items {
		if strings.HasSuffix(it.URL, ".pdf") {
			assert.Equal(t, ChannelDocument, it.Channel)
		}
	}
}

func TestCrawlConditionalSecondRun(t *testing.T) {
	s := newTestSite(t, 20, "")
	c := Crawler{Delay: time.Millisecond}
	ctx := context.Background()
	first, err := c.Crawl(ctx, s.URL+"/sitemap-index.xml", nil)
	require.NoError(t, err)
	assert.Equal(t, 20, first.Stats.Fetched)
	s.bump(3)
	s.bump(17)
	prev := &Snapshot{Items: first.Items}
	second, err := c.Crawl(ctx, s.URL+"/sitemap-index.xml", prev)
	require.NoError(t, err)
	assert.Equal(t, 2, second.Stats.Fetched, "only the two changed pages come in full")
	assert.Equal(t, 18, second.Stats.NotModified)
	assert.Len(t, second.Items, 20)
	for _, it := range second.Items {
		assert.NotEmpty(t, it.Body, "a 304 carries the body over: %s", it.URL)
		changed := strings.HasSuffix(it.URL, "/page/3") || strings.HasSuffix(it.URL, "/page/17")
		assert.Equal(t, !changed, it.Unchanged, it.URL)
	}
}

func TestCrawlDelayFromRobots(t *testing.T) {
	s := newTestSite(t, 6, "0.1")
	c := Crawler{Delay: time.Millisecond}
	res, err := c.Crawl(context.Background(), s.URL+"/", nil)
	require.NoError(t, err)
	assert.Equal(t, 100*time.Millisecond, res.Stats.Delay)
	assert.GreaterOrEqual(t, s.minGap(), 95*time.Millisecond, "measured between requests at the server")
}

func TestCrawlCapAndCancel(t *testing.T) {
	s := newTestSite(t, 30, "")
	c := Crawler{Delay: time.Millisecond, MaxPages: 5}
	res, err := c.Crawl(context.Background(), s.URL+"/sitemap-index.xml", nil)
	require.NoError(t, err)
	assert.Equal(t, 5, res.Stats.Fetched)
	assert.Equal(t, 25, res.Stats.Capped)

	ctx, cancel := context.WithCancel(context.Background())
	c = Crawler{Delay: 200 * time.Millisecond}
	go func() { time.Sleep(300 * time.Millisecond); cancel() }()
	start := time.Now()
	_, err = c.Crawl(ctx, s.URL+"/sitemap-index.xml", nil)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), time.Second)
}

func TestCrawlRobotsUnavailable(t *testing.T) {
	srv := http.NewServeMux()
	srv.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
	ts := newServer(t, srv)
	c := Crawler{Delay: time.Millisecond}
	res, err := c.Crawl(context.Background(), ts+"/", nil)
	require.NoError(t, err)
	assert.Empty(t, res.Items)
	assert.Equal(t, 1, res.Stats.Disallowed, "a 5xx robots.txt keeps the crawler out (RFC 9309 2.3.1.4)")
	assert.Equal(t, 1, res.Stats.Requests)
}

func TestCrawlUserAgent(t *testing.T) {
	var ua string
	srv := http.NewServeMux()
	srv.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { ua = r.UserAgent(); http.NotFound(w, r) })
	ts := newServer(t, srv)
	_, err := (&Crawler{Delay: time.Millisecond}).Crawl(context.Background(), ts+"/", nil)
	assert.Error(t, err, "no sitemap")
	assert.Equal(t, DefaultUserAgent, ua)
	_, err = (&Crawler{}).Crawl(context.Background(), "ftp://x/", nil)
	assert.Error(t, err)
}

func TestRobots(t *testing.T) {
	src := []byte("User-agent: other\nDisallow: /\n\nUser-agent: civickit-content\nUser-agent: x\nDisallow: /a\nAllow: /a/b\nDisallow: /*.pdf$\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n")
	r := ParseRobots(src, "civickit-content")
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/", true}, {"/a", false}, {"/a/c", false}, {"/a/b", true}, {"/a/b/c", true},
		{"/x.pdf", false}, {"/x.pdf?q", true}, {"/b", true},
	} {
		assert.Equal(t, tc.want, r.Allowed(tc.path), tc.path)
	}
	assert.Equal(t, 2*time.Second, r.Delay)
	assert.False(t, ParseRobots(src, "nobody").Allowed("/b"), "the * group")
}
