package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/civickit/civickit/civic/journey"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// councilSite serves testdata/council/site at the addresses Millbrook
// uses, with a sitemap of its pages, ETags, and pages that can be
// swapped or removed between runs.
type councilSite struct {
	url   string
	mu    sync.Mutex
	pages map[string]string // path -> file under testdata/council/site
}

func newCouncilSite(t testing.TB) *councilSite {
	c := &councilSite{pages: map[string]string{
		"/consultations/library-hours":  "consultations-library-hours.html",
		"/forward-plan":                 "forward-plan.html",
		"/decisions/library-hours":      "decisions-library-hours.html",
		"/meetings/cabinet-18-november": "meetings-cabinet-18-november.html",
		"/bins":                         "bins.html",
		"/news/parking":                 "news-parking.html",
		"/annual-report":                "annual-report.html",
		"/documents/library-report.pdf": "library-report.pdf",
		"/documents/annual-report.pdf":  "annual-report.pdf",
	}}
	c.url = newServer(t, http.HandlerFunc(c.serve))
	return c
}

func (c *councilSite) set(path, file string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if file == "" {
		delete(c.pages, path)
	} else {
		c.pages[path] = file
	}
}

func (c *councilSite) serve(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch r.URL.Path {
	case "/robots.txt":
		w.Write([]byte("User-agent: *\nDisallow: /admin/\n"))
		return
	case "/sitemap.xml":
		var paths []string
		for p := range c.pages {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		var b strings.Builder
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, p := range paths {
			b.WriteString("<url><loc>" + c.url + p + "</loc></url>")
		}
		b.WriteString("</urlset>")
		w.Write([]byte(b.String()))
		return
	}
	f, ok := c.pages[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, err := os.ReadFile(filepath.Join("testdata", "council", "site", f))
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	if strings.HasSuffix(f, ".pdf") {
		w.Header().Set("Content-Type", "application/pdf")
	} else {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.Write(body)
}

func councilDecisions(t testing.TB, site string) []journey.Decision {
	b := readFixture(t, "council/decisions.json")
	b = bytes.ReplaceAll(b, []byte("SITE"), []byte(site))
	var ds []journey.Decision
	require.NoError(t, json.Unmarshal(b, &ds))
	return ds
}

func findJourney(r *Report, id string) JourneyCoverage {
	for _, j := range r.Journeys {
		if j.DecisionID == id {
			return j
		}
	}
	return JourneyCoverage{}
}

func status(j JourneyCoverage) map[CoverageStage]CoverageStatus {
	m := map[CoverageStage]CoverageStatus{}
	for _, s := range j.Stages {
		if s.Expected {
			m[s.Stage] = s.Status
		}
	}
	return m
}

// TestAuditFixtureCouncil runs the whole audit on Millbrook (see
// testdata/council/README.md), whose answers are known, twice: the second
// time after the forward plan was rewritten in plain English, a news page
// removed and another added.
func TestAuditFixtureCouncil(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil && os.Getenv("CI") == "" {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	ctx := context.Background()
	site := newCouncilSite(t)
	decs := councilDecisions(t, site.url)
	views, err := ReadGA4CSV(bytes.NewReader(readFixture(t, "council/ga4.csv")), AnalyticsOptions{})
	require.NoError(t, err)
	store := &MemStore{}

	ingest := func() (*Snapshot, *Snapshot) {
		prevs, err := store.LatestContent(ctx, 1)
		require.NoError(t, err)
		var prev *Snapshot
		if len(prevs) == 1 {
			prev = &prevs[0]
		}
		c := Crawler{Delay: time.Millisecond}
		res, err := c.Crawl(ctx, site.url+"/", prev)
		require.NoError(t, err)
		require.Empty(t, res.Errors)
		next := Merge(prev, "site", res.Items, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
		next.Views = views
		require.NoError(t, store.SaveContent(ctx, next))
		return &next, prev
	}

	cur, _ := ingest()
	r, err := AuditSnapshots(ctx, &Scorer{}, cur, nil, decs, 0)
	require.NoError(t, err)
	scores := map[string]Scored{}
	for _, s := range r.Items {
		scores[strings.TrimPrefix(s.URL, site.url)] = s
	}
	// The plain pages pass and the pages written in legal English fail,
	// by a wide margin, so the known answers below do not hang on a
	// point of score.
	for _, p := range []string{"/consultations/library-hours", "/decisions/library-hours", "/meetings/cabinet-18-november"} {
		assert.True(t, scores[p].Passed, "%s scored %v", p, scores[p].Score)
		assert.Greater(t, scores[p].Score, 75.0, p)
	}
	for _, p := range []string{"/bins", "/news/parking", "/forward-plan"} {
		assert.Less(t, scores[p].Score, 45.0, p)
	}
	assert.Equal(t, TypeConsultation, scores["/consultations/library-hours"].Class.Type)
	assert.Equal(t, TypeAgenda, scores["/forward-plan"].Class.Type)
	assert.Equal(t, TypeDecisionNotice, scores["/decisions/library-hours"].Class.Type)
	assert.Equal(t, TypeNews, scores["/news/parking"].Class.Type)
	assert.Equal(t, TypeOther, scores["/bins"].Class.Type)
	assert.Equal(t, TypeReport, scores["/documents/library-report.pdf"].Class.Type)
	report := scores["/documents/library-report.pdf"]
	require.NotEmpty(t, report.Findings)
	pages := map[int]bool{}
	for _, f := range report.Findings {
		pages[f.Page] = true
	}
	assert.True(t, pages[2], "PDF findings name their page: %+v", report.Findings)

	// Fix first: views × (100 − score). Bins (9,000 views, far off) then
	// parking news (2,000, far off) lead; the 3,000-view consultation page
	// passes by a wide margin and comes after both.
	require.GreaterOrEqual(t, len(r.FixFirst), 4)
	assert.Equal(t, site.url+"/bins", r.FixFirst[0].URL)
	assert.Equal(t, site.url+"/news/parking", r.FixFirst[1].URL)
	for i := 1; i < len(r.FixFirst); i++ {
		assert.GreaterOrEqual(t, r.FixFirst[i-1].Priority, r.FixFirst[i].Priority)
	}
	assert.InDelta(t, 9000*(100-scores["/bins"].Score), r.FixFirst[0].Priority, 10)

	// Journey coverage.
	j1 := findJourney(r, "MB-2026-101")
	assert.Equal(t, map[CoverageStage]CoverageStatus{
		CoverNotice:       StatusHard,
		CoverConsultation: StatusReadable,
		CoverAgenda:       StatusPDFOnly,
		CoverDecision:     StatusReadable,
		CoverCallIn:       StatusReadable, // the decision page explains call-in
	}, status(j1))
	assert.Equal(t, []CoverageStage{CoverNotice, CoverAgenda}, j1.Gaps)
	j2 := findJourney(r, "MB-2026-102")
	assert.Equal(t, map[CoverageStage]CoverageStatus{
		CoverAgenda:   StatusReadable, // the meeting page names the decision
		CoverDecision: StatusMissing,
		CoverCallIn:   StatusMissing,
	}, status(j2))
	assert.Equal(t, []CoverageStage{CoverDecision, CoverCallIn}, j2.Gaps)

	// PDF only: the library report; the annual report has a web page of
	// the same title.
	require.Len(t, r.PDFOnly, 1)
	assert.Equal(t, site.url+"/documents/library-report.pdf", r.PDFOnly[0].URL)
	assert.Equal(t, int64(150), r.PDFOnly[0].Views)

	// Compliance: the web channel has 7 pages of which 4 pass.
	var web Compliance
	for _, c := range r.ByChannel {
		if c.Channel == ChannelWeb {
			web = c
		}
	}
	assert.Equal(t, 7, web.Items)
	assert.Equal(t, 4, web.Passed)
	assert.Nil(t, r.Change)

	// Second run.
	site.set("/forward-plan", "forward-plan-v2.html")
	site.set("/news/parking", "")
	site.set("/news/new-page", "news-new-page.html")
	cur2, prev := ingest()
	r2, err := AuditSnapshots(ctx, &Scorer{}, cur2, prev, decs, 0)
	require.NoError(t, err)
	require.NotNil(t, r2.Change)
	assert.Equal(t, []string{site.url + "/news/new-page"}, r2.Change.Added)
	assert.Equal(t, []string{site.url + "/news/parking"}, r2.Change.Removed)
	assert.Equal(t, []string{site.url + "/forward-plan"}, r2.Change.Changed)
	require.NotEmpty(t, r2.Change.Improved)
	assert.Equal(t, site.url+"/forward-plan", r2.Change.Improved[0].URL)
	assert.Greater(t, r2.Change.PassRateAfter, r2.Change.PassRateBefore)
	assert.Equal(t, map[CoverageStage]CoverageStatus{
		CoverNotice:       StatusReadable,
		CoverConsultation: StatusReadable,
		CoverAgenda:       StatusPDFOnly,
		CoverDecision:     StatusReadable,
		CoverCallIn:       StatusReadable,
	}, status(findJourney(r2, "MB-2026-101")))
}

// TestAuditModernGovDecision: a decision known only from ModernGov (its
// issue id) expects the stages its content shows.
func TestAuditModernGovDecision(t *testing.T) {
	m, err := ReadMeeting(bytes.NewReader(readFixture(t, "moderngov/getmeeting-4021.xml")), MGOptions{})
	require.NoError(t, err)
	items := m.ContentItems("https://democracy.millbrook.gov.uk")
	r, err := AuditSnapshots(context.Background(), &Scorer{}, &Snapshot{Items: items}, nil, nil, 0)
	require.NoError(t, err)
	j := findJourney(r, "mg-issue-777")
	assert.Equal(t, "Library opening hours", j.Title)
	st := status(j)
	assert.Equal(t, StatusPDFOnly, st[CoverAgenda], "the report and appendix were not fetched: documents only")
	assert.Contains(t, []CoverageStatus{StatusReadable, StatusHard}, st[CoverDecision])
	assert.Len(t, r.PDFOnly, 2)
}
