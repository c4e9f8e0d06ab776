package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/store"
)

// auditFixtures is the audit sources' recorded responses.
const auditFixtures = "../../audit/source/testdata"

// fixtureHandler serves the recorded Mastodon, Bluesky and ModernGov
// responses, with Mastodon's Link pages.
func fixtureHandler(t *testing.T) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, p := r.URL.Query(), r.URL.Path
		var file string
		switch {
		case p == "/api/v1/accounts/lookup":
			file = "mastodon/lookup-" + q.Get("acct") + ".json"
		case strings.HasPrefix(p, "/api/v1/accounts/"):
			parts := strings.Split(strings.TrimPrefix(p, "/api/v1/accounts/"), "/")
			page := q.Get("max_id")
			if page == "" {
				page = "1"
			}
			file = "mastodon/" + parts[0] + "-" + parts[1] + "-" + page + ".json"
			if page == "1" {
				if _, err := os.Stat(filepath.Join(auditFixtures, "mastodon", parts[0]+"-"+parts[1]+"-2.json")); err == nil {
					w.Header().Set("Link", fmt.Sprintf(`<http://%s%s?max_id=2>; rel="next"`, r.Host, p))
				}
			}
		case strings.HasPrefix(p, "/xrpc/"):
			method := p[strings.LastIndex(p, ".")+1:]
			c := q.Get("cursor")
			if c == "" {
				c = "1"
			}
			file = "bluesky/" + method + "-" + q.Get("actor") + "-" + c + ".json"
			if method == "getProfile" {
				file = "bluesky/getProfile-" + q.Get("actor") + ".json"
			}
		case p == "/mgWebService.asmx/GetCouncillorsByWard":
			file = "moderngov/GetCouncillorsByWard.xml"
		case p == "/mgWebService.asmx/GetCommittees":
			file = "moderngov/GetCommittees.xml"
		}
		b, err := os.ReadFile(filepath.Join(auditFixtures, file))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	})
}

// auditDBs returns a SQLite file and, when CIVICKIT_POSTGRES_URL is set, a
// PostgreSQL URL on a fresh schema. Under CI a missing PostgreSQL fails.
func auditDBs(t *testing.T) map[string]string {
	dbs := map[string]string{"sqlite": filepath.Join(t.TempDir(), "audit.db")}
	base := os.Getenv("CIVICKIT_POSTGRES_URL")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but CIVICKIT_POSTGRES_URL is not")
		}
		return dbs
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "cli_" + hex.EncodeToString(b[:])
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil { // hex digits made here, never input
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	u, _ := url.Parse(base)
	v := u.Query()
	v.Set("search_path", schema)
	u.RawQuery = v.Encode()
	dbs["postgres"] = u.String()
	return dbs
}

func auditCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, args)
	return out.String(), errb.String(), code
}

// TestAuditLive ingests the register, Mastodon, Bluesky and ModernGov
// (recorded responses on a local server) twice, on SQLite and PostgreSQL,
// and checks the report.
func TestAuditLive(t *testing.T) {
	t.Setenv("CIVICKIT_PSEUDONYM_KEY", "a-key-of-at-least-sixteen-bytes")
	srv := httptest.NewServer(fixtureHandler(t))
	defer srv.Close()
	reg := filepath.Join(auditFixtures, "register.csv")
	for name, db := range auditDBs(t) {
		t.Run(name, func(t *testing.T) {
			for i := range 2 {
				out, errs, code := auditCLI(t, "audit", "ingest", "--db", db, "--source", "register="+reg,
					"--source", "mastodon,server="+srv.URL, "--source", "bluesky,api="+srv.URL, "--source", "moderngov="+srv.URL+",committees=yes")
				if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("snapshot %d: ", i+1)) {
					t.Fatalf("ingest %d: %d %q %q", i, code, out, errs)
				}
			}
			out, errs, code := auditCLI(t, "audit", "report", "--db", db, "--format", "json", "--ward", "E05000001")
			if code != 0 {
				t.Fatalf("report: %d %s", code, errs)
			}
			var r audit.Report
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			var jane *audit.CouncillorReport
			for i, c := range r.Councillors {
				if c.ID == "jane-smith" {
					jane = &r.Councillors[i]
				}
			}
			if jane == nil || len(r.Councillors) != 2 {
				t.Fatalf("councillors %+v", r.Councillors)
			}
			if jane.Followers != 131+92 || len(jane.Tools) != 2 || jane.FollowersChange == nil || *jane.FollowersChange != 0 {
				t.Errorf("jane: followers %d, tools %+v", jane.Followers, jane.Tools)
			}
			if strings.Join(jane.Direct, ",") != "abbey-friends" || jane.RecentPosts != 3 || len(jane.TopPosts) != 3 {
				t.Errorf("jane: direct %v, recent posts %d, top posts %d", jane.Direct, jane.RecentPosts, len(jane.TopPosts))
			}
			if strings.Contains(out, "bob") || strings.Contains(out, "erin") {
				t.Error("a citizen's handle reached the report")
			}
			// The committees came from ModernGov's committee call.
			st, err := store.Open(context.Background(), db, store.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			d, err := st.Load(context.Background(), 2)
			if err != nil {
				t.Fatal(err)
			}
			committees := 0
			for _, a := range d.Actors {
				if strings.HasPrefix(a.ID, "mg-committee-") {
					committees++
				}
			}
			if committees != 3 {
				t.Errorf("%d committees stored, want the 3 current ones", committees)
			}
		})
	}
}

func TestAuditServe(t *testing.T) {
	t.Setenv("CIVICKIT_PSEUDONYM_KEY", "a-key-of-at-least-sixteen-bytes")
	db := filepath.Join(t.TempDir(), "audit.db")
	if _, errs, code := auditCLI(t, "audit", "ingest", "--db", db, "--source", "register="+filepath.Join(auditFixtures, "register.csv")); code != 0 {
		t.Fatal(errs)
	}
	st, err := store.Open(context.Background(), db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(&auditSite{st: st})
	defer srv.Close()
	for _, c := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/", 200}, {"HEAD", "/", 200}, {"GET", "/ward-E05000001.html", 200}, {"GET", "/councillor-jane-smith.html", 200},
		{"GET", "/nope.html", 404}, {"GET", "/../../etc/passwd", 404}, {"GET", "/content.html", 404},
		{"POST", "/", 405}, {"PUT", "/index.html", 405}, {"DELETE", "/", 405},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader("x"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, resp.StatusCode, c.status)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
			t.Errorf("%s %s: CSP %q", c.method, c.path, csp)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: no nosniff", c.method, c.path)
		}
	}
	// The store itself refuses writes.
	if _, err := st.Begin(context.Background(), "x", time.Now()); err == nil {
		t.Error("the served store accepted a write")
	}
}

// The council overview joins the personas of the councillors' survey;
// too small a survey shows no figure, and a floor under 3 is refused.
func TestAuditReportSurvey(t *testing.T) {
	t.Setenv("CIVICKIT_PSEUDONYM_KEY", "a-key-of-at-least-sixteen-bytes")
	for name, db := range auditDBs(t) {
		t.Run(name, func(t *testing.T) {
			if _, errs, code := auditCLI(t, "audit", "ingest", "--db", db, "--source", "register="+filepath.Join(auditFixtures, "register.csv")); code != 0 {
				t.Fatal(errs)
			}
			survey := "../../persona/testdata/survey69.csv"
			out, errs, code := auditCLI(t, "audit", "report", "--db", db, "--format", "json", "--survey", survey)
			if code != 0 {
				t.Fatalf("report: %d %s", code, errs)
			}
			var r audit.Report
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			m := r.Overview.Personas
			if m == nil || m.MinSize != 10 || len(m.Stages) == 0 || len(m.Personas) == 0 || len(m.LearningNeeds) == 0 {
				t.Fatalf("personas %+v", m)
			}
			for _, p := range m.Personas {
				if p.Respondents < 10 {
					t.Errorf("persona %s rests on %d respondents", p.Name, p.Respondents)
				}
			}
			for _, c := range r.Councillors {
				if strings.Contains(out, `"persona"`) || strings.Contains(c.Name, m.Personas[0].Name) {
					t.Error("a persona is tied to a councillor")
				}
			}
			out, errs, code = auditCLI(t, "audit", "report", "--db", db, "--format", "md", "--survey", survey)
			if code != 0 || !strings.Contains(out, "Councillors' digital skills") || !strings.Contains(out, "| Stage |") {
				t.Errorf("markdown: %d %s", code, errs)
			}

			// Six respondents: no persona, no figure.
			raw, err := os.ReadFile(survey)
			if err != nil {
				t.Fatal(err)
			}
			small := filepath.Join(t.TempDir(), "small.csv")
			lines := strings.SplitAfter(string(raw), "\n")
			if err := os.WriteFile(small, []byte(strings.Join(lines[:7], "")), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errs, code = auditCLI(t, "audit", "report", "--db", db, "--format", "json", "--survey", small)
			if code != 0 {
				t.Fatalf("small survey: %d %s", code, errs)
			}
			r = audit.Report{}
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			if m := r.Overview.Personas; m == nil || m.Respondents != 0 || len(m.Stages) != 0 || len(m.Personas) != 0 || len(m.Notes) == 0 {
				t.Errorf("small survey: %+v", m)
			}
			if _, _, code := auditCLI(t, "audit", "report", "--db", db, "--survey", survey, "--survey-min-size", "2", "--allow-small-groups"); code != 2 {
				t.Errorf("a floor of 2: exit %d, want 2", code)
			}
		})
	}
}

// TestAuditIngestTaken dates snapshots from exports read after the day
// they describe (the sample council's two registers), keeps them in the
// order taken, and refuses bad or out-of-order dates.
func TestAuditIngestTaken(t *testing.T) {
	t.Setenv("CIVICKIT_PSEUDONYM_KEY", "a-key-of-at-least-sixteen-bytes")
	dir := "../../internal/sample/kirklees/audit"
	db := filepath.Join(t.TempDir(), "audit.db")
	for i, day := range []string{"2026-11-02", "2026-12-01"} {
		out, errs, code := auditCLI(t, "audit", "ingest", "--db", db, "--taken", day,
			"--source", "register="+filepath.Join(dir, "register-"+day+".csv"))
		if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("snapshot %d: ", i+1)) {
			t.Fatalf("ingest %s: %d %q %q", day, code, out, errs)
		}
	}
	st, err := store.Open(context.Background(), db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.Snapshots(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].TakenAt.Format(time.DateOnly) != "2026-11-02" || all[1].TakenAt.Format(time.DateOnly) != "2026-12-01" {
		t.Fatalf("snapshots %+v", all)
	}
	out, errs, code := auditCLI(t, "audit", "report", "--db", db, "--format", "md")
	if code != 0 || !strings.Contains(out, "2 November 2026") {
		t.Fatalf("report: %d %q, want the change since 2 November 2026", code, errs)
	}
	for _, c := range []struct{ taken, want string }{
		{"2026-11-15", "snapshot 2 was taken 2026-12-01"},
		{"2999-01-01", "in the future"},
		{"1 Nov 2026", "neither a date"},
	} {
		_, errs, code := auditCLI(t, "audit", "ingest", "--db", db, "--taken", c.taken,
			"--source", "register="+filepath.Join(dir, "register-2026-12-01.csv"))
		if code == 0 || !strings.Contains(errs, c.want) {
			t.Errorf("--taken %s: exit %d, %q; want an error saying %q", c.taken, code, errs, c.want)
		}
	}
}
