package content

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Crawler fetches a council website politely from its sitemap: one host,
// robots.txt obeyed (its Crawl-delay too), one request at a time no
// closer than Delay, conditional requests so that a re-run fetches only
// what changed, a cap on pages and bytes, and a timeout on each request.
// The zero Crawler is ready to use with the defaults below.
type Crawler struct {
	// Client makes the requests; nil means a client of its own. Its
	// redirect policy is replaced by the crawler's.
	Client *http.Client
	// UserAgent is sent with every request; empty means
	// DefaultUserAgent. Its first word is the product token matched
	// against robots.txt.
	UserAgent string
	// Delay is the least time from the end of one request to the start
	// of the next; 0 means 1 s. A longer robots.txt Crawl-delay wins.
	Delay time.Duration
	// MaxPages caps the pages fetched; 0 means 10,000.
	MaxPages int
	// MaxBytes caps the size of one page; 0 means 20 MiB. A larger
	// page is skipped with an error.
	MaxBytes int64
	// Timeout caps each request, body included; 0 means 30 s.
	Timeout time.Duration
	// MaxRedirects caps the redirects followed for one request; 0 means
	// 10, the most allowed.
	MaxRedirects int

	last time.Time // when the last request went out
}

// DefaultUserAgent names the crawler to the council's web team.
const DefaultUserAgent = "civickit-content/1 (democratic content audit; +https://github.com/civickit/civickit)"

// Errors a page can fail with, for errors.Is.
var (
	ErrOffHost      = errors.New("content: redirect leaves the host")
	ErrTooManyHops  = errors.New("content: too many redirects")
	ErrTooLarge     = errors.New("content: page larger than the size cap")
	ErrRobots       = errors.New("content: disallowed by robots.txt")
	ErrHTTPStatus   = errors.New("content: HTTP error status")
	ErrUnsupported  = errors.New("content: unsupported content type")
	ErrPageCapReach = errors.New("content: page cap reached")
)

// PageError is one page the crawl could not fetch.
type PageError struct {
	// URL is the page's address.
	URL string `json:"url"`
	// Status is the HTTP status, 0 when there was no answer.
	Status int `json:"status,omitempty"`
	// Err is what went wrong.
	Err error `json:"-"`
	// Msg is Err's text, for JSON.
	Msg string `json:"error"`
}

func (e *PageError) Error() string { return e.URL + ": " + e.Msg }
func (e *PageError) Unwrap() error { return e.Err }

// CrawlStats counts what a crawl did.
type CrawlStats struct {
	// Requests is every request sent, robots.txt and sitemaps included.
	Requests int `json:"requests"`
	// Fetched is pages answered 200 and read in full.
	Fetched int `json:"fetched"`
	// NotModified is pages answered 304, their bodies carried over.
	NotModified int `json:"not_modified"`
	// Failed is pages that could not be fetched (see Errors).
	Failed int `json:"failed"`
	// Disallowed is pages robots.txt forbids.
	Disallowed int `json:"disallowed"`
	// OffHost is sitemap entries on another host, never fetched.
	OffHost int `json:"off_host"`
	// Capped is pages left out by the page cap.
	Capped int `json:"capped"`
	// Delay is the least gap kept between requests.
	Delay time.Duration `json:"delay_ns"`
}

// CrawlResult is the outcome of a crawl.
type CrawlResult struct {
	// Items are the pages fetched or carried over, sorted by URL.
	Items []Item
	// Errors are the pages that failed, in crawl order.
	Errors []PageError
	// Stats counts what was done.
	Stats CrawlStats
}

func (c *Crawler) userAgent() string {
	if c.UserAgent != "" {
		return c.UserAgent
	}
	return DefaultUserAgent
}

func (c *Crawler) token() string {
	ua := c.userAgent()
	if i := strings.IndexAny(ua, "/ "); i >= 0 {
		ua = ua[:i]
	}
	return ua
}

func orDefault[T int | int64 | time.Duration](v, d T) T {
	if v <= 0 {
		return d
	}
	return v
}

// client returns the HTTP client with the crawler's redirect policy: at
// most MaxRedirects hops, never to another host or scheme than https/http.
func (c *Crawler) client(host string) *http.Client {
	var cl http.Client
	if c.Client != nil {
		cl = *c.Client
	}
	max := orDefault(c.MaxRedirects, 10)
	if max > 10 {
		max = 10
	}
	cl.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > max {
			return ErrTooManyHops
		}
		if !strings.EqualFold(req.URL.Host, host) || (req.URL.Scheme != "http" && req.URL.Scheme != "https") {
			return ErrOffHost
		}
		return nil
	}
	return &cl
}

// wait sleeps until delay has passed since the last request, or ctx ends.
func (c *Crawler) wait(ctx context.Context, delay time.Duration) error {
	if !c.last.IsZero() {
		if d := delay - time.Since(c.last); d > 0 {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
			}
		}
	}
	c.last = time.Now()
	return ctx.Err()
}

type fetched struct {
	status  int
	body    []byte
	ctype   string
	etag    string
	lastMod string
	final   string
}

// get fetches u with the crawler's limits; prev, when not nil, gives the
// validators for a conditional request.
func (c *Crawler) get(ctx context.Context, cl *http.Client, u string, prev *Item, max int64, delay time.Duration, st *CrawlStats) (*fetched, error) {
	if err := c.wait(ctx, delay); err != nil {
		return nil, err
	}
	// The delay runs from the end of one request to the start of the
	// next, so the server sees at least the delay between two requests
	// however long each took to arrive.
	defer func() { c.last = time.Now() }()
	st.Requests++
	ctx, cancel := context.WithTimeout(ctx, orDefault(c.Timeout, 30*time.Second))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.1")
	if prev != nil {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := cl.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) && ue.Err != nil {
			if errors.Is(ue.Err, ErrOffHost) || errors.Is(ue.Err, ErrTooManyHops) {
				return nil, ue.Err
			}
		}
		return nil, err
	}
	defer resp.Body.Close()
	f := &fetched{status: resp.StatusCode, etag: resp.Header.Get("ETag"), lastMod: resp.Header.Get("Last-Modified"), final: resp.Request.URL.String()}
	f.ctype, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if resp.StatusCode == http.StatusNotModified {
		return f, nil
	}
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return f, fmt.Errorf("%w %d", ErrHTTPStatus, resp.StatusCode)
	}
	if resp.ContentLength > max {
		return f, ErrTooLarge
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return f, err
	}
	if int64(len(b)) > max {
		return f, ErrTooLarge
	}
	f.body = b
	return f, nil
}

// Crawl fetches the site of start, which is a sitemap's URL or the site's
// root (then the sitemaps robots.txt names, else /sitemap.xml). prev, when
// not nil, is the previous snapshot: its validators make the requests
// conditional and a 304 carries its item over unchanged. A page that
// fails is listed in the result's Errors and the crawl goes on; Crawl
// itself fails only on a bad start URL, an unreadable sitemap or ctx.
func (c *Crawler) Crawl(ctx context.Context, start string, prev *Snapshot) (*CrawlResult, error) {
	su, err := url.Parse(start)
	if err != nil || (su.Scheme != "http" && su.Scheme != "https") || su.Host == "" {
		return nil, fmt.Errorf("content: crawl: %q is not an http or https URL", start)
	}
	host := su.Host
	cl := c.client(host)
	res := &CrawlResult{}
	st := &res.Stats
	delay := orDefault(c.Delay, time.Second)
	maxBytes := orDefault(c.MaxBytes, 20<<20)

	// robots.txt first: 4xx means no rules, 5xx or no answer means keep out.
	root := &url.URL{Scheme: su.Scheme, Host: host}
	f, err := c.get(ctx, cl, root.JoinPath("robots.txt").String(), nil, maxRobotsBytes, delay, st)
	robots, err := c.robotsFrom(ctx, f, err)
	if err != nil {
		return nil, err
	}
	if robots.Delay > delay {
		delay = robots.Delay
	}
	st.Delay = delay

	var sitemaps []string
	if su.Path == "" || su.Path == "/" {
		sitemaps = append(sitemaps, robots.Sitemaps...)
		if len(sitemaps) == 0 {
			sitemaps = []string{root.JoinPath("sitemap.xml").String()}
		}
	} else {
		sitemaps = []string{start}
	}

	var prevBy map[string]*Item
	if prev != nil {
		prevBy = prev.ByURL()
	}
	var pages []SitemapURL
	seenMap := map[string]bool{}
	for i := 0; i < len(sitemaps) && i < 1000; i++ {
		sm := sitemaps[i]
		if seenMap[sm] {
			continue
		}
		seenMap[sm] = true
		u, err := url.Parse(sm)
		if err != nil || !strings.EqualFold(u.Host, host) {
			st.OffHost++
			continue
		}
		if !robots.Allowed(u.RequestURI()) {
			st.Disallowed++
			continue
		}
		f, err := c.get(ctx, cl, sm, nil, 50<<20, delay, st)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			if i == 0 {
				return nil, fmt.Errorf("content: sitemap %s: %w", sm, err)
			}
			res.Errors = append(res.Errors, pageError(sm, f, err))
			continue
		}
		parsed, err := ParseSitemap(f.body, 50<<20)
		if err != nil {
			if i == 0 {
				return nil, fmt.Errorf("content: sitemap %s: %w", sm, err)
			}
			res.Errors = append(res.Errors, pageError(sm, f, err))
			continue
		}
		sitemaps = append(sitemaps, parsed.Sitemaps...)
		pages = append(pages, parsed.URLs...)
	}

	maxPages := orDefault(c.MaxPages, 10000)
	seen := map[string]bool{}
	for _, p := range pages {
		u, err := url.Parse(p.Loc)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, host) {
			st.OffHost++
			continue
		}
		u.Fragment = ""
		loc := u.String()
		if seen[loc] {
			continue
		}
		seen[loc] = true
		if !robots.Allowed(u.RequestURI()) {
			st.Disallowed++
			continue
		}
		if st.Fetched+st.NotModified+st.Failed >= maxPages {
			st.Capped++
			continue
		}
		old := prevBy[loc]
		f, err := c.get(ctx, cl, loc, old, maxBytes, delay, st)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			st.Failed++
			res.Errors = append(res.Errors, pageError(loc, f, err))
			continue
		}
		if f.status == http.StatusNotModified && old != nil {
			it := *old
			it.Unchanged = true
			if f.etag != "" {
				it.ETag = f.etag
			}
			if f.lastMod != "" {
				it.LastModified = f.lastMod
			}
			res.Items = append(res.Items, it)
			st.NotModified++
			continue
		}
		it := Item{URL: loc, Channel: ChannelWeb, ContentType: f.ctype, Body: f.body, ETag: f.etag, LastModified: f.lastMod, Published: p.LastMod}
		if isDocumentType(f.ctype, loc) {
			it.Channel = ChannelDocument
		} else if !isTextType(f.ctype) {
			st.Failed++
			res.Errors = append(res.Errors, pageError(loc, f, fmt.Errorf("%w %s", ErrUnsupported, f.ctype)))
			continue
		}
		it.hashBody()
		if old != nil && old.Hash == it.Hash {
			it.Unchanged = true
		}
		res.Items = append(res.Items, it)
		st.Fetched++
	}
	sort.Slice(res.Items, func(i, j int) bool { return res.Items[i].URL < res.Items[j].URL })
	return res, nil
}

func pageError(u string, f *fetched, err error) PageError {
	pe := PageError{URL: u, Err: err, Msg: err.Error()}
	if f != nil {
		pe.Status = f.status
	}
	return pe
}

func isTextType(ct string) bool {
	return ct == "" || strings.HasPrefix(ct, "text/") || ct == "application/xhtml+xml"
}

func isDocumentType(ct, u string) bool {
	switch ct {
	case "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return true
	}
	l := strings.ToLower(u)
	return ct == "application/octet-stream" && (strings.HasSuffix(l, ".pdf") || strings.HasSuffix(l, ".docx"))
}

// robotsFrom reads the answer to a robots.txt request as RFC 9309 asks:
// the rules when it came, none for a 4xx, keep out for a 5xx or no
// answer. It fails only when ctx is done.
func (c *Crawler) robotsFrom(ctx context.Context, f *fetched, err error) (*Robots, error) {
	switch {
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case err == nil:
		return ParseRobots(f.body, c.token()), nil
	case f != nil && f.status >= 400 && f.status < 500:
		return &Robots{}, nil
	}
	return &Robots{DisallowAll: true}, nil
}

// Fetch fetches one address politely: robots.txt of its host is obeyed,
// the crawler's user agent, timeout, size cap, redirect rules and delay
// apply. It is for feeds and documents outside a sitemap.
func (c *Crawler) Fetch(ctx context.Context, u string) (body []byte, contentType string, err error) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return nil, "", fmt.Errorf("content: %q is not an http or https URL", u)
	}
	cl := c.client(pu.Host)
	var st CrawlStats
	delay := orDefault(c.Delay, time.Second)
	root := &url.URL{Scheme: pu.Scheme, Host: pu.Host}
	f, err := c.get(ctx, cl, root.JoinPath("robots.txt").String(), nil, maxRobotsBytes, delay, &st)
	robots, err := c.robotsFrom(ctx, f, err)
	if err != nil {
		return nil, "", err
	}
	if robots.Delay > delay {
		delay = robots.Delay
	}
	if !robots.Allowed(pu.RequestURI()) {
		return nil, "", fmt.Errorf("%s: %w", u, ErrRobots)
	}
	f, err = c.get(ctx, cl, u, nil, orDefault(c.MaxBytes, 20<<20), delay, &st)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", u, err)
	}
	return f.body, f.ctype, nil
}
