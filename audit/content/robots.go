package content

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309) for one user agent.
type Robots struct {
	rules []robotsRule
	// Delay is the group's Crawl-delay, 0 when it has none.
	Delay time.Duration
	// Sitemaps are the Sitemap lines, whatever the group.
	Sitemaps []string
	// DisallowAll is set when robots.txt could not be read (a 5xx
	// answer): RFC 9309 section 2.3.1.4 says to assume a complete
	// disallow.
	DisallowAll bool
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxRobotsBytes caps robots.txt: RFC 9309 section 2.5 asks crawlers to
// read at least 500 KiB.
const maxRobotsBytes = 512 << 10

// ParseRobots reads robots.txt for the user agent whose product token is
// agent (such as "civickit"): the group naming it, else the "*" group.
func ParseRobots(src []byte, agent string) *Robots {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	lastWasAgent := false
	r := &Robots{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch k {
		case "user-agent":
			if cur == nil || !lastWasAgent {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(v))
			lastWasAgent = true
			continue
		case "allow", "disallow":
			if cur != nil && v != "" {
				cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: v})
			}
		case "crawl-delay":
			if cur != nil {
				if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 && f < 86400 {
					cur.delay = time.Duration(f * float64(time.Second))
				}
			}
		case "sitemap":
			if v != "" {
				r.Sitemaps = append(r.Sitemaps, v)
			}
		}
		lastWasAgent = false
	}
	var star, mine *group
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				if star == nil {
					star = g
				}
			case agent != "" && (a == agent || strings.HasPrefix(agent, a)):
				if mine == nil {
					mine = g
				}
			}
		}
	}
	if mine == nil {
		mine = star
	}
	if mine != nil {
		r.rules, r.Delay = mine.rules, mine.delay
	}
	return r
}

// Allowed reports whether path (with its query) may be fetched: the
// longest matching rule wins, Allow on a tie (RFC 9309 section 2.2.2).
func (r *Robots) Allowed(path string) bool {
	if r == nil {
		return true
	}
	if r.DisallowAll {
		return false
	}
	if path == "" {
		path = "/"
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern, where * is any run of
// characters and a final $ anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	pos := 0
	for i, p := range parts {
		if i == 0 {
			if !strings.HasPrefix(path, p) {
				return false
			}
			pos = len(p)
			continue
		}
		if i == len(parts)-1 && anchored {
			return len(path)-pos >= len(p) && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	return !anchored || pos == len(path)
}
