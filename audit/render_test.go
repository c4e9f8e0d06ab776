package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

const evil = `<script>alert("x")</script> O'Brien & "Sons"`

func hostileReport(t *testing.T) *Report {
	t.Helper()
	taken := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	d := &Data{
		Snapshot: Snapshot{ID: 2, TakenAt: taken, Sources: []string{"register:" + evil}, Read: 5, Stored: 4, Rejected: 1},
		Wards:    []Ward{{ID: `W"1`, Name: evil}},
		Actors: []Actor{
			{ID: "c1", Kind: KindCouncillor, Ward: `W"1`, Label: evil},
			{ID: "g1", Kind: KindGroup, Ward: `W"1`, Label: "<img src=x onerror=alert(1)>"},
			{ID: "g2", Kind: KindGroup, Ward: `W"1`, Label: "javascript:alert(1)"},
			{ID: "p1", Kind: KindPartner, Label: `"><script>alert(2)</script>`},
		},
		Accounts: []Account{{Actor: "c1", Platform: "x", Handle: evil, URL: "javascript:alert(1)", Followers: 10, Following: -1, Posts: -1, Members: -1}},
		Ties:     []Tie{{Source: "c1", Target: "g1", Kind: "follows"}, {Source: "p1", Target: "g2", Kind: "follows"}},
		TopItems: map[string][]Item{"c1": {{ID: "1", Platform: "x", URL: "javascript:alert(3)", Text: evil, Published: taken, Reach: -1, Engagements: 3}}},
		Rejects:  []Reject{{File: evil, Line: 3, Msg: evil}},
	}
	prev := *d
	prev.Snapshot = Snapshot{ID: 1, TakenAt: taken.AddDate(0, 0, -7)}
	prev.Ties = nil
	h := History{Snapshots: []Snapshot{prev.Snapshot, d.Snapshot}, Summaries: map[int64][]Summary{
		1: {{Scope: "ward", ID: `W"1`, Score: 0}, {Scope: "councillor", ID: "c1", Followers: 4}},
		2: {{Scope: "ward", ID: `W"1`, Score: 50}, {Scope: "councillor", ID: "c1", Followers: 10}},
	}}
	r, err := Build(context.Background(), d, &prev, h)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBuildChange(t *testing.T) {
	r := hostileReport(t)
	if len(r.Wards) != 1 || len(r.Councillors) != 1 {
		t.Fatalf("%d wards, %d councillors", len(r.Wards), len(r.Councillors))
	}
	w, c := r.Wards[0], r.Councillors[0]
	if w.Score != 50 || w.ScoreChange == nil || *w.ScoreChange != 50 || strings.Join(w.Unreached, ",") != "g2" || strings.Join(w.NewlyReached, ",") != "g1" {
		t.Errorf("ward %+v", w)
	}
	if c.TiesGained != 1 || c.TiesLost != 0 || strings.Join(c.NewlyReached, ",") != "g1" || c.Share != 0.5 || len(c.Brokers) != 1 || c.Brokers[0].ID != "p1" {
		t.Errorf("councillor %+v", c)
	}
	if len(c.Trend) != 2 || c.Trend[1].Value != 10 {
		t.Errorf("trend %+v", c.Trend)
	}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Councillors[0].Name != evil {
		t.Errorf("JSON round trip: %v", err)
	}
}

var (
	rawScript = regexp.MustCompile(`(?i)<(script|img|iframe|object|embed)|<[a-z][^>]*\son[a-z]+=`)
	badHref   = regexp.MustCompile(`(?i)href="\s*(javascript|data|vbscript):`)
)

func TestHTMLEscapes(t *testing.T) {
	r := hostileReport(t)
	pages, err := r.HTMLPages()
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, p := range pages {
		s := string(p.HTML)
		if rawScript.MatchString(s) {
			t.Errorf("%s: unescaped markup: %s", p.Name, rawScript.FindString(s))
		}
		if badHref.MatchString(s) || strings.Contains(s, "javascript:alert(1)</a>") || strings.Contains(s, `href="javascript`) {
			t.Errorf("%s: a javascript: link", p.Name)
		}
		for _, bad := range []string{"<link", "@import", "url(", "<script", "<img"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: loads an external asset (%s)", p.Name, bad)
			}
		}
		if !strings.Contains(s, "Content-Security-Policy") {
			t.Errorf("%s: no CSP", p.Name)
		}
	}
	cl := string(pages[2].HTML)
	// The minifier writes > and quotes in text as they are; < stays escaped.
	if !strings.Contains(cl, `<h1 class="govuk-heading-xl">&lt;script>alert("x")&lt;/script> O'Brien & "Sons"</h1>`) {
		t.Errorf("the councillor's name is not shown escaped:\n%s", cl)
	}
	if strings.Contains(cl, `>W"1</a>`) {
		t.Error("the councillor's ward is shown by its code, not its name")
	}
	if !strings.Contains(cl, "<svg") || !strings.Contains(cl, "<polyline") {
		t.Error("no trend chart")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	r := hostileReport(t)
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if strings.Contains(s, "<script") || strings.Contains(s, "<img") || strings.Contains(s, "](javascript") {
		t.Errorf("unescaped markup in Markdown:\n%s", s)
	}
	if !strings.Contains(s, `&lt;script&gt;alert\("x"\)&lt;/script&gt; O'Brien &amp; "Sons"`) {
		t.Errorf("name not shown:\n%s", s)
	}
}

func TestPageName(t *testing.T) {
	for in, want := range map[string]string{"E05000001": "ward-E05000001.html", "../etc/passwd": "ward-_2e_2e_2fetc_2fpasswd.html", `W"1`: "ward-W_221.html"} {
		if got := PageName("ward", in); got != want {
			t.Errorf("PageName(%q) = %q, want %q", in, got, want)
		}
	}
}
