package store

import (
	"context"
	"flag"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/internal/synth"
)

var (
	scale        = flag.Bool("scale", false, "run the scale test: ingest 1,000,000 ties and 100,000 posts, then report")
	scaleBackend = flag.String("scale.backend", "", "run the scale test on sqlite or postgres only")
	scaleTies    = flag.Int("scale.ties", 1000000, "ties in the scale test")
	scalePosts   = flag.Int("scale.posts", 100000, "posts in the scale test")
)

// TestScale is the bar: ingest 1,000,000 ties and 100,000 posts
// in under 60 s and report in under 10 s, on SQLite and PostgreSQL. It
// runs only with -scale; measure peak memory with /usr/bin/time -v on the
// test binary.
func TestScale(t *testing.T) {
	if !*scale {
		t.Skip("run with -scale")
	}
	for _, b := range backends() {
		if *scaleBackend != "" && b.name != *scaleBackend {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			st, err := Open(ctx, b.dsn(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			taken := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
			var ingest [2]time.Duration
			for i := range 2 {
				src := &synth.Source{Ties: *scaleTies, Posts: *scalePosts, Seed: uint64(i), Taken: taken}
				start, cpu := time.Now(), cpuTime()
				sn, err := st.Ingest(ctx, "scale", taken.AddDate(0, 0, 7*i), []audit.Source{src}, testKey, nil)
				ingest[i] = time.Since(start)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s: ingest %d: %d records stored in %v (this process's CPU: %v)", b.name, i+1, sn.Stored, ingest[i].Round(time.Millisecond), (cpuTime() - cpu).Round(time.Millisecond))
				if ingest[i] > 60*time.Second {
					t.Errorf("ingest took %v, over 60 s", ingest[i])
				}
			}
			start, cpu := time.Now(), cpuTime()
			r, err := st.Report(ctx, 0)
			took := time.Since(start)
			t.Logf("%s: report CPU %v", b.name, (cpuTime() - cpu).Round(time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("%s: report of %d wards, %d councillors (against the previous snapshot) in %v; Go heap in use %d MiB, from the OS %d MiB",
				b.name, len(r.Wards), len(r.Councillors), took.Round(time.Millisecond), ms.HeapInuse>>20, ms.Sys>>20)
			if took > 10*time.Second {
				t.Errorf("report took %v, over 10 s", took)
			}
			pages, err := r.HTMLPages()
			if err != nil || len(pages) != 1+len(r.Wards)+len(r.Councillors) {
				t.Errorf("%d pages, %v", len(pages), err)
			}
		})
	}
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
