//go:build unix

package content

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCrawlBar is issue 13's bar on a local test site whose robots.txt
// asks for a 100 ms crawl delay: the delay is honoured (measured at the
// server, between every two requests), a second run fetches only the
// pages that changed (counted), and scoring every page takes under 60 s
// of CPU. The default run uses 20 pages; CIVICKIT_CONTENT_BAR=10000 runs
// the bar itself (about 35 minutes of waiting: 2 × 10,000 × 100 ms):
//
//	CIVICKIT_CONTENT_BAR=10000 go test ./audit/content -run CrawlBar -v -timeout 60m
func TestCrawlBar(t *testing.T) {
	n := 20
	if v := os.Getenv("CIVICKIT_CONTENT_BAR"); v != "" {
		var err error
		n, err = strconv.Atoi(v)
		require.NoError(t, err)
	}
	changed := n / 100
	if changed < 3 {
		changed = 3
	}
	s := newTestSite(t, n, "0.1")
	c := Crawler{Delay: time.Millisecond, MaxPages: n}
	ctx := context.Background()

	start := time.Now()
	first, err := c.Crawl(ctx, s.URL+"/", nil)
	require.NoError(t, err)
	took1 := time.Since(start)
	require.Equal(t, n, first.Stats.Fetched)
	gap := s.minGap()
	assert.GreaterOrEqual(t, gap, 100*time.Millisecond)
	t.Logf("first run: %d pages, %d requests in %v (%.1f ms a request); least gap between requests %v",
		n, first.Stats.Requests, took1.Round(time.Millisecond), float64(took1.Milliseconds())/float64(first.Stats.Requests), gap)

	for i := 0; i < changed; i++ {
		s.bump(i * (n / changed))
	}
	s.mu.Lock()
	s.times, s.full, s.notMod = nil, 0, 0
	s.mu.Unlock()
	start = time.Now()
	second, err := c.Crawl(ctx, s.URL+"/", &Snapshot{Items: first.Items})
	require.NoError(t, err)
	took2 := time.Since(start)
	assert.Equal(t, changed, second.Stats.Fetched, "only the changed pages are fetched in full")
	assert.Equal(t, n-changed, second.Stats.NotModified)
	assert.Equal(t, changed, s.full, "counted at the server")
	assert.GreaterOrEqual(t, s.minGap(), 100*time.Millisecond)
	t.Logf("second run: %d changed of %d; server sent %d in full and %d 304s; %v", changed, n, s.full, s.notMod, took2.Round(time.Millisecond))

	runtime.GC()
	cpu0, wall0 := cpuTime(), time.Now()
	scored, err := (&Scorer{}).Score(ctx, second.Items)
	require.NoError(t, err)
	cpu, wall := cpuTime()-cpu0, time.Since(wall0)
	require.Len(t, scored, n)
	for _, sc := range scored {
		require.Empty(t, sc.Error)
	}
	assert.Less(t, cpu, 60*time.Second)
	t.Logf("scoring %d pages: %v CPU, %v wall on %d CPUs (%.2f ms CPU a page)", n, cpu.Round(time.Millisecond), wall.Round(time.Millisecond), runtime.GOMAXPROCS(0), float64(cpu.Microseconds())/1000/float64(n))
}
