package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/audit/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const councilDir = "../../audit/content/testdata/council"

// councilServer serves the fixture council Millbrook's site with a sitemap
// and a news feed.
func councilServer(t *testing.T) *httptest.Server {
	pages := map[string]string{
		"/consultations/library-hours":  "consultations-library-hours.html",
		"/forward-plan":                 "forward-plan.html",
		"/decisions/library-hours":      "decisions-library-hours.html",
		"/meetings/cabinet-18-november": "meetings-cabinet-18-november.html",
		"/bins":                         "bins.html",
		"/news/parking":                 "news-parking.html",
		"/annual-report":                "annual-report.html",
		"/documents/library-report.pdf": "library-report.pdf",
	}
	var ts *httptest.Server
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow:\n"))
		case "/sitemap.xml":
			var b strings.Builder
			b.WriteString("<urlset>")
			for p := range pages {
				b.WriteString("<url><loc>" + ts.URL + p + "</loc></url>")
			}
			b.WriteString("</urlset>")
			w.Write([]byte(b.String()))
		case "/feed.rss":
			w.Write([]byte(`<rss><channel><item><title>Bins at Christmas</title><link>` + ts.URL + `/news/bins</link><description>Your bins will be collected a day later.</description></item></channel></rss>`))
		default:
			f, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			if strings.HasSuffix(f, ".pdf") {
				w.Header().Set("Content-Type", "application/pdf")
			}
			http.ServeFile(w, r, filepath.Join(councilDir, "site", f))
		}
	}))
	t.Cleanup(ts.Close)
	return ts
}

func TestContentCLI(t *testing.T) {
	ts := councilServer(t)
	db := filepath.Join(t.TempDir(), "audit.db")
	out, errs, code := runCLI(t, "", "content", "crawl", "--db", db, "--delay", "1ms", ts.URL+"/")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "8 fetched")
	out, errs, code = runCLI(t, "", "content", "crawl", "--db", db, "--delay", "1ms", ts.URL+"/")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "0 fetched, 8 not modified", "http.ServeFile answers If-Modified-Since")
	_, errs, code = runCLI(t, "", "content", "feed", "--db", db, "--delay", "1ms", ts.URL+"/feed.rss")
	require.Equal(t, 0, code, errs)
	_, errs, code = runCLI(t, "", "content", "analytics", "--db", db, "--format", "ga4", filepath.Join(councilDir, "ga4.csv"))
	require.Equal(t, 0, code, errs)
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, errs, code = runCLI(t, "", "content", "documents", "--db", db)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, out, "1 read, 0 failed")
	}

	dec, err := os.ReadFile(filepath.Join(councilDir, "decisions.json"))
	require.NoError(t, err)
	decFile := filepath.Join(t.TempDir(), "decisions.json")
	require.NoError(t, os.WriteFile(decFile, []byte(strings.ReplaceAll(string(dec), "SITE", ts.URL)), 0o644))

	out, errs, code = runCLI(t, "", "content", "report", "--db", db, "--decisions", decFile, "--format", "json")
	assert.Equal(t, 1, code, "decisions with gaps: exit 1; %s", errs)
	var rep struct {
		FixFirst []struct{ URL string } `json:"fix_first"`
		Journeys []struct {
			DecisionID string   `json:"decision_id"`
			Gaps       []string `json:"gaps"`
		} `json:"journeys"`
		Change *struct{ Added []string } `json:"change"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	require.NotEmpty(t, rep.FixFirst)
	assert.Equal(t, ts.URL+"/bins", rep.FixFirst[0].URL)
	require.Len(t, rep.Journeys, 2)
	assert.Equal(t, []string{"notice", "agenda"}, rep.Journeys[0].Gaps)
	require.NotNil(t, rep.Change, "the analytics ingest made a second snapshot")

	for _, format := range []string{"md", "html"} {
		out, _, code = runCLI(t, "", "content", "report", "--db", db, "--format", format)
		assert.Equal(t, 0, code, "no decisions given, and the content-only ones have no gap")
		assert.Contains(t, out, "Fix first")
	}
}

func TestContentCLIErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "audit.db")
	for _, args := range [][]string{
		{"content", "crawl", "https://x"},
		{"content", "crawl", "--db", db},
		{"content", "report", "--db", db, "--format", "pdf"},
		{"content", "analytics", "--db", db, "--format", "omniture", "x.csv"},
		{"content", "moderngov", "--db", db},
	} {
		_, errs, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, errs)
	}
	_, errs, code := runCLI(t, "", "content", "report", "--db", db)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "run civickit audit ingest first")
	for _, args := range [][]string{{"content", "report", "--db", t.TempDir()}, {"content", "analytics", "--db", t.TempDir(), "--format", "ga4", filepath.Join(councilDir, "ga4.csv")}} {
		_, errs, code = runCLI(t, "", args...)
		assert.Equal(t, 2, code)
		assert.Contains(t, errs, "is a directory: --db is the audit store", "a --db of the old file store's kind")
	}
	_, errs, code = runCLI(t, "", "content", "crawl", "--db", db, "ftp://x/")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "not an http or https URL")
}

// TestAuditContent runs the content audit under civickit audit, on SQLite
// and PostgreSQL: one ingest of the site, a feed, the analytics and the
// documents, the social audit's posts, then the report in each format.
func TestAuditContent(t *testing.T) {
	t.Setenv("CIVICKIT_PSEUDONYM_KEY", "a-key-of-at-least-sixteen-bytes")
	ts := councilServer(t)
	dec, err := os.ReadFile(filepath.Join(councilDir, "decisions.json"))
	require.NoError(t, err)
	decFile := filepath.Join(t.TempDir(), "decisions.json")
	require.NoError(t, os.WriteFile(decFile, []byte(strings.ReplaceAll(string(dec), "SITE", ts.URL)), 0o644))
	_, pdf := exec.LookPath("pdftotext")
	for name, db := range auditDBs(t) {
		t.Run(name, func(t *testing.T) {
			srcs := []string{"audit", "ingest", "--db", db, "--delay", "1ms",
				"--source", "site=" + ts.URL + "/", "--source", "feed=" + ts.URL + "/feed.rss",
				"--source", "analytics=" + filepath.Join(councilDir, "ga4.csv") + ",format=ga4"}
			if pdf == nil {
				srcs = append(srcs, "--source", "documents")
			}
			out, errs, code := auditCLI(t, srcs...)
			require.Equal(t, 0, code, errs)
			assert.Contains(t, out, "8 fetched")
			assert.Contains(t, out, "content snapshot of 9 items saved")
			if pdf == nil {
				assert.Contains(t, out, "documents: 1 read, 0 failed")
			}
			// A second ingest, of the site and the social posts: the
			// crawl is conditional, the feed and views carry over.
			out, errs, code = auditCLI(t, "audit", "ingest", "--db", db, "--delay", "1ms", "--source", "site="+ts.URL+"/",
				"--source", "register="+filepath.Join(auditFixtures, "register.csv"), "--source", "export="+filepath.Join(auditFixtures, "export", "posts.csv"))
			require.Equal(t, 0, code, errs)
			assert.Contains(t, out, "0 fetched, 8 not modified")
			assert.Contains(t, out, "snapshot 1: ")
			assert.Contains(t, out, "content snapshot of 9 items saved")

			out, errs, code = auditCLI(t, "audit", "content", "--db", db, "--decisions", decFile, "--format", "json")
			require.Equal(t, 1, code, "decisions with gaps: exit 1; %s", errs)
			var rep struct {
				FixFirst []struct{ URL string } `json:"fix_first"`
				Journeys []struct {
					Gaps []string `json:"gaps"`
				} `json:"journeys"`
				ByChannel []struct {
					Channel string
					Items   int
				} `json:"by_channel"`
				Items []struct {
					URL      string
					Channel  string
					Findings []struct{ Line, Column, Page int }
				} `json:"items"`
				Change *struct{ Added []string } `json:"change"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
			require.NotEmpty(t, rep.FixFirst)
			assert.Equal(t, ts.URL+"/bins", rep.FixFirst[0].URL)
			require.Len(t, rep.Journeys, 2)
			assert.Equal(t, []string{"notice", "agenda"}, rep.Journeys[0].Gaps)
			social := 0
			for _, it := range rep.Items {
				if it.Channel == "social" {
					social++
					assert.Contains(t, []string{"https://nextdoor.co.uk/p/abc", "post:nextdoor:jane-smith:p2"}, it.URL)
				}
			}
			assert.Equal(t, 2, social, "the social snapshot's posts with an actor are content items")
			require.NotNil(t, rep.Change)
			assert.ElementsMatch(t, []string{"https://nextdoor.co.uk/p/abc", "post:nextdoor:jane-smith:p2"}, rep.Change.Added)

			out, _, code = auditCLI(t, "audit", "content", "--db", db, "--format", "json", "--no-social")
			assert.Equal(t, 0, code)
			assert.NotContains(t, out, "nextdoor")

			dir := t.TempDir()
			_, errs, code = auditCLI(t, "audit", "content", "--db", db, "--format", "html", "--out", dir)
			require.Equal(t, 0, code, errs)
			html, err := os.ReadFile(filepath.Join(dir, "content.html"))
			require.NoError(t, err)
			assert.Contains(t, string(html), "Fix first")
			assert.NotContains(t, string(html), `href="index.html"`, "no site here to link home to")

			// The audit's HTML site carries the content audit, linked
			// both ways, each item with its findings' positions.
			site := t.TempDir()
			_, errs, code = auditCLI(t, "audit", "report", "--db", db, "--format", "html", "--out", site)
			require.Equal(t, 0, code, errs)
			index, err := os.ReadFile(filepath.Join(site, "index.html"))
			require.NoError(t, err)
			assert.Contains(t, string(index), `href="content.html"`)
			page, err := os.ReadFile(filepath.Join(site, "content.html"))
			require.NoError(t, err)
			assert.Contains(t, string(page), `href="index.html"`)
			assert.Regexp(t, `href="#item-\d+"`, string(page), "fix first links to the findings")
			assert.Regexp(t, `line \d+:\d+`, string(page), "findings have positions")
			if pdf == nil {
				assert.Regexp(t, `page 2, line \d+:\d+`, string(page), "a PDF's findings name their page")
			}

			st, err := store.Open(context.Background(), db, store.Options{ReadOnly: true})
			require.NoError(t, err)
			defer st.Close()
			srv := httptest.NewServer(&auditSite{st: st})
			defer srv.Close()
			resp, err := http.Get(srv.URL + "/content.html")
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, 200, resp.StatusCode)
			assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'")
			assert.Contains(t, string(body), "Every item and its findings")
			resp, err = http.Get(srv.URL + "/")
			require.NoError(t, err)
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Contains(t, string(body), `href="content.html"`, "the served overview links to the content audit")
		})
	}
}

func TestAuditIngestContentErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "audit.db")
	for _, src := range []string{"site", "site=https://x/,max-pages=none", "feed", "analytics=x.csv", "analytics=x.csv,format=omniture",
		"moderngov=https://x,from=2026-01-01,committee=-1", "documents,x=1", "site=https://x/,depth=3"} {
		_, errs, code := auditCLI(t, "audit", "ingest", "--db", db, "--source", src)
		assert.Equal(t, 2, code, "%s: %s", src, errs)
	}
	// Content alone needs no pseudonym key.
	t.Setenv("CIVICKIT_PSEUDONYM_KEY", "")
	out, errs, code := auditCLI(t, "audit", "ingest", "--db", db, "--source", "analytics="+filepath.Join(councilDir, "ga4.csv")+",format=ga4")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "content snapshot of 0 items saved")
	_, errs, code = auditCLI(t, "audit", "ingest", "--db", db, "--source", "register="+filepath.Join(auditFixtures, "register.csv"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "pseudonym key")
}
