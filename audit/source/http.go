// Package source reads the social-media audit's inputs: the ward register,
// platform exports, the Mastodon and Bluesky public APIs and a council's
// ModernGov web service. Every source yields accounts, ties, posts and
// reach to an [audit.Sink].
package source

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/internal/input"
)

// UserAgent is sent with every request, so a platform's operators can see
// who is asking and how to reach them.
const UserAgent = "civickit-audit/1 (+https://github.com/civickit/civickit; council social-media audit)"

// Client fetches JSON and XML politely: a timeout on every request, a
// size cap on every response, and backoff on 429 and 5xx that honours
// Retry-After.
type Client struct {
	HTTP       *http.Client  // nil: a client with a 30 s timeout
	MaxRetries int           // retries of a 429 or 5xx; 0 means 4, -1 none
	MaxWait    time.Duration // the longest Retry-After honoured; 0 means 2 minutes
	MaxBytes   int64         // the cap on a response body; 0 means 16 MiB
	// Sleep waits d or until ctx ends; nil sleeps. Tests record the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// HTTPError is a response with a status other than 200.
type HTTPError struct {
	URL    string
	Status int
}

func (e *HTTPError) Error() string { return fmt.Sprintf("GET %s: HTTP %d", e.URL, e.Status) }

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// get fetches u and returns its body (capped) and headers.
func (c *Client) get(ctx context.Context, u string, accept string) ([]byte, http.Header, error) {
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	retries := c.MaxRetries
	if retries == 0 {
		retries = 4
	}
	maxWait := c.MaxWait
	if maxWait == 0 {
		maxWait = 2 * time.Minute
	}
	limit := c.MaxBytes
	if limit == 0 {
		limit = 16 << 20
	}
	wait := c.Sleep
	if wait == nil {
		wait = sleep
	}
	backoff := 500 * time.Millisecond
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, nil, err
		}
		req.Header.Set("User-Agent", UserAgent)
		req.Header.Set("Accept", accept)
		resp, err := hc.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			if attempt >= retries {
				return nil, nil, err
			}
			if err := wait(ctx, backoff); err != nil {
				return nil, nil, err
			}
			backoff *= 2
			continue
		}
		body, err := input.ReadAll(resp.Body, limit)
		resp.Body.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("GET %s: %w", u, err)
		}
		if resp.StatusCode == http.StatusOK {
			return body, resp.Header, nil
		}
		herr := &HTTPError{URL: u, Status: resp.StatusCode}
		if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode < 500 || attempt >= retries {
			return nil, nil, herr
		}
		d := backoff
		if ra, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			if ra > maxWait {
				return nil, nil, fmt.Errorf("%w: asked to wait %v, more than %v", herr, ra, maxWait)
			}
			d = ra
		}
		if err := wait(ctx, d); err != nil {
			return nil, nil, err
		}
		backoff *= 2
	}
}

func (c *Client) getJSON(ctx context.Context, u string, v any) (http.Header, error) {
	body, h, err := c.get(ctx, u, "application/json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(body, v); err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	return h, nil
}

func (c *Client) getXML(ctx context.Context, u string, v any) error {
	body, _, err := c.get(ctx, u, "application/xml, text/xml")
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(body, v); err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	return nil
}

// nextLink returns the rel="next" address of a Link header, resolved
// against base, and refuses one on another host.
func nextLink(h http.Header, base string) (string, error) {
	for _, link := range h.Values("Link") {
		for part := range strings.SplitSeq(link, ",") {
			segs := strings.Split(part, ";")
			if len(segs) < 2 {
				continue
			}
			target := strings.Trim(strings.TrimSpace(segs[0]), "<>")
			for _, p := range segs[1:] {
				if strings.ReplaceAll(strings.TrimSpace(p), " ", "") == `rel="next"` {
					b, err := url.Parse(base)
					if err != nil {
						return "", err
					}
					n, err := b.Parse(target)
					if err != nil {
						return "", err
					}
					if n.Host != b.Host {
						return "", errors.New("pagination link leaves the server: " + n.Host)
					}
					return n.String(), nil
				}
			}
		}
	}
	return "", nil
}
