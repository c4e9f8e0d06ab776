package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civickit/civickit/audit/store"
	"github.com/civickit/civickit/wasm"
)

// newFeedbackServer returns a server on a fresh SQLite store with a clock
// that stands still unless the test moves it.
func newFeedbackServer(t *testing.T) (*feedbackServer, *store.Store, string, *time.Time) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "audit.db")
	st, err := store.Open(context.Background(), db, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	s := &feedbackServer{st: st, origins: map[string]bool{"https://www.council.example": true}, limit: newLimiter(6, 10), now: func() time.Time { return now }}
	return s, st, db, &now
}

func postJSON(s http.Handler, client, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	r.RemoteAddr = client + ":40000"
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Origin", "https://www.council.example")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func TestFeedbackServeJSONAndForm(t *testing.T) {
	s, st, _, _ := newFeedbackServer(t)
	w := postJSON(s, "198.51.100.7", `{"page":"https://www.council.example/bins?ref=AB12345#top","clear":false,"text":"Which day\nis my collection?"}`)
	require.Equal(t, http.StatusNoContent, w.Code, w.Body.String())
	assert.Equal(t, "https://www.council.example", w.Header().Get("Access-Control-Allow-Origin"))
	assert.Empty(t, w.Header().Values("Set-Cookie"))

	// the plain form, without JavaScript
	form := url.Values{"page": {"https://www.council.example/bins"}, "clear": {"yes"}, "text": {"kept only with a no"}}
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = "203.0.113.9:1234"
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Contains(t, w.Body.String(), `<a href="https://www.council.example/bins">Back to the page</a>`)
	assert.Empty(t, w.Header().Values("Set-Cookie"))

	got, err := st.FeedbackByPage(context.Background(), time.Time{})
	require.NoError(t, err)
	require.Len(t, got, 1)
	// the query string and fragment are dropped; line breaks become spaces
	assert.Equal(t, store.PageFeedback{Page: "https://www.council.example/bins", Clear: 1, Unclear: 1, Texts: []string{"Which day is my collection?"}}, got[0])

	for _, bad := range []string{
		`{"page":"javascript:alert(1)","clear":false}`,
		`{"page":"https://www.council.example/","text":"no answer"}`,
		`{"page":"/relative","clear":true}`,
		`not json`,
	} {
		assert.Equal(t, http.StatusBadRequest, postJSON(s, "198.51.100.8", bad).Code, bad)
	}
	// a browser's preflight from an allowed site, and from another
	r = httptest.NewRequest(http.MethodOptions, "/", nil)
	r.Header.Set("Origin", "https://www.council.example")
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	assert.Equal(t, http.StatusNoContent, w.Code)
	r.Header.Set("Origin", "https://evil.example")
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	assert.Equal(t, http.StatusForbidden, w.Code)
	assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"))
}

// TestFeedbackServeSizeCap refuses a body over 8 KB and stores nothing.
func TestFeedbackServeSizeCap(t *testing.T) {
	s, st, _, _ := newFeedbackServer(t)
	big := `{"page":"https://www.council.example/x","clear":false,"text":"` + strings.Repeat("a", maxFeedbackBody) + `"}`
	assert.Equal(t, http.StatusRequestEntityTooLarge, postJSON(s, "198.51.100.7", big).Code)
	// text within the body cap but over the store's is cut, not refused
	long := `{"page":"https://www.council.example/x","clear":false,"text":"` + strings.Repeat("é", 3000) + `"}`
	assert.Equal(t, http.StatusNoContent, postJSON(s, "198.51.100.7", long).Code)
	got, err := st.FeedbackByPage(context.Background(), time.Time{})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, 1, got[0].Unclear)
	assert.Equal(t, strings.Repeat("é", store.MaxFeedbackText/2), got[0].Texts[0])
}

// TestFeedbackServeFlood sends 10,000 answers from one client,
// interleaved with one answer from each of 500 others: the flood is cut
// to the burst, and every other client's answer is stored.
func TestFeedbackServeFlood(t *testing.T) {
	s, st, _, now := newFeedbackServer(t)
	flooder := "192.0.2.66"
	accepted, limited := 0, 0
	for i := 0; i < 10_000; i++ {
		w := postJSON(s, flooder, `{"page":"https://www.council.example/flood","clear":true}`)
		switch w.Code {
		case http.StatusNoContent:
			accepted++
		case http.StatusTooManyRequests:
			limited++
		default:
			t.Fatalf("flood answer %d: %d %s", i, w.Code, w.Body.String())
		}
		if i%20 == 0 {
			other := "198.51.100." + strconv.Itoa(i/20%250) + strconv.Itoa(i/5000)
			w := postJSON(s, other, `{"page":"https://www.council.example/others","clear":false,"text":"unclear"}`)
			require.Equal(t, http.StatusNoContent, w.Code, "client %s was limited by another's flood", other)
		}
	}
	assert.Equal(t, 10, accepted, "the burst")
	assert.Equal(t, 9_990, limited)
	// a minute later the flooder may answer again, six times
	*now = now.Add(time.Minute)
	assert.Equal(t, http.StatusNoContent, postJSON(s, flooder, `{"page":"https://www.council.example/flood","clear":true}`).Code)
	got, err := st.FeedbackByPage(context.Background(), time.Time{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, 11, got[0].Clear)    // flood
	assert.Equal(t, 500, got[1].Unclear) // others: nothing lost
}

// TestFeedbackServeStoresNoAddress checks the database file for the
// clients' addresses, in text and as raw bytes, after answers from them.
func TestFeedbackServeStoresNoAddress(t *testing.T) {
	s, st, db, _ := newFeedbackServer(t)
	clients := []string{"198.51.100.201", "2001:db8::77"}
	for _, c := range clients {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{"page":"https://www.council.example/a","clear":false,"text":"hmm"}`))
		r.RemoteAddr = net6(c)
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Cookie", "session=SECRET-COOKIE")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		require.Equal(t, http.StatusNoContent, w.Code)
	}
	require.NoError(t, st.Close())
	raw, err := os.ReadFile(db)
	require.NoError(t, err)
	for _, c := range clients {
		assert.False(t, bytes.Contains(raw, []byte(c)), "address %s stored", c)
	}
	assert.False(t, bytes.Contains(raw, []byte("SECRET-COOKIE")), "cookie stored")
	assert.True(t, bytes.Contains(raw, []byte("https://www.council.example/a")), "the check reads the file the answers are in")
}

func net6(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:5555"
	}
	return host + ":5555"
}

// TestFeedbackThanksEscapes posts a hostile page address through the
// form: the thank-you page never carries it unescaped.
func TestFeedbackThanksEscapes(t *testing.T) {
	s, _, _, _ := newFeedbackServer(t)
	form := url.Values{"page": {`https://www.council.example/"><script>alert(1)</script>`}, "clear": {"no"}, "text": {"<img src=x onerror=alert(1)>"}}
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = "203.0.113.1:1"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	require.Equal(t, http.StatusOK, w.Code)
	assert.NotContains(t, w.Body.String(), "<script>")
	assert.NotContains(t, w.Body.String(), "<img")
}

// FuzzFeedbackServe sends arbitrary bodies as JSON and as forms: the
// server answers 204, 200 or a 4xx, never fails, and what it stores is a
// valid page address and UTF-8 text within the caps.
func FuzzFeedbackServe(f *testing.F) {
	f.Add(`{"page":"https://www.council.example/bins","clear":false,"text":"x"}`, true)
	f.Add("page=https%3A%2F%2Fa.example%2F&clear=no&text=%00%FF", false)
	f.Add(`{"page":"https://a.example/","clear":true,"text":"\ud800"}`, true)
	f.Fuzz(func(t *testing.T, body string, json bool) {
		db := filepath.Join(t.TempDir(), "audit.db")
		st, err := store.Open(context.Background(), db, store.Options{})
		require.NoError(t, err)
		defer st.Close()
		s := &feedbackServer{st: st, origins: map[string]bool{}, limit: newLimiter(6, 10), now: time.Now}
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.Header.Set("Content-Type", map[bool]string{true: "application/json", false: "application/x-www-form-urlencoded"}[json])
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%d %s", w.Code, w.Body.String())
		}
		got, err := st.FeedbackByPage(context.Background(), time.Time{})
		require.NoError(t, err)
		for _, p := range got {
			_, ok := pageAddress(p.Page)
			assert.True(t, ok, p.Page)
			for _, tx := range p.Texts {
				assert.LessOrEqual(t, len(tx), store.MaxFeedbackText)
				assert.NotContains(t, tx, "\x00")
			}
		}
	})
}

// TestContentReportFeedback: answers that "feedback serve" stored reach
// the content audit, joined to the crawled page by its path, and weigh
// its fix-first priority.
func TestContentReportFeedback(t *testing.T) {
	ts := councilServer(t)
	s, _, db, _ := newFeedbackServer(t)
	_, errs, code := runCLI(t, "", "content", "crawl", "--db", db, "--delay", "1ms", ts.URL+"/")
	require.Equal(t, 0, code, errs)
	_, errs, code = runCLI(t, "", "content", "analytics", "--db", db, "--format", "ga4", filepath.Join(councilDir, "ga4.csv"))
	require.Equal(t, 0, code, errs)
	type fix struct {
		URL      string  `json:"url"`
		Priority float64 `json:"priority"`
		Feedback *struct {
			Clear   int `json:"clear"`
			Unclear int `json:"unclear"`
		} `json:"feedback"`
	}
	report := func(args ...string) []fix {
		t.Helper()
		out, errs, _ := runCLI(t, "", append([]string{"content", "report", "--db", db, "--format", "json"}, args...)...)
		var rep struct {
			FixFirst []fix `json:"fix_first"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &rep), errs)
		require.GreaterOrEqual(t, len(rep.FixFirst), 2)
		return rep.FixFirst
	}
	before := report()
	target := before[1]

	page := "https://www.council.example" + strings.TrimPrefix(target.URL, ts.URL) + "?utm_source=x"
	for i := 0; i < 4; i++ {
		clear := "false"
		if i == 0 {
			clear = "true"
		}
		text := []string{"<b>hostile</b>", "<b>hostile</b>", "ring me on 07700 900123", "write to jo.bloggs@example.org about the <script>"}[i]
		w := postJSON(s, "198.51.100."+strconv.Itoa(i), `{"page":`+strconv.Quote(page)+`,"clear":`+clear+`,"text":`+strconv.Quote(text)+`}`)
		require.Equal(t, http.StatusNoContent, w.Code, w.Body.String())
	}
	after := report()
	var got *fix
	for i := range after {
		if after[i].URL == target.URL {
			got = &after[i]
		}
	}
	require.NotNil(t, got, "%s left the list", target.URL)
	require.NotNil(t, got.Feedback)
	assert.Equal(t, 1, got.Feedback.Clear)
	assert.Equal(t, 3, got.Feedback.Unclear)
	// weight 1 + 3/(1+3+2) = 1.5
	assert.InDelta(t, target.Priority*1.5, got.Priority, 0.2)
	for i := 1; i < len(after); i++ {
		assert.GreaterOrEqual(t, after[i-1].Priority, after[i].Priority, "the list is in order of the weighed priority")
	}

	// What citizens said reaches the report, newest first, without the
	// means to reach them and escaped wherever it is shown.
	out, errs, code := runCLI(t, "", "content", "report", "--db", db, "--format", "json")
	require.Equal(t, 0, code, errs)
	var rep struct {
		Feedback []struct {
			URL     string   `json:"url"`
			Clear   int      `json:"clear"`
			Unclear int      `json:"unclear"`
			Said    []string `json:"said"`
		} `json:"feedback"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.Len(t, rep.Feedback, 1)
	assert.Equal(t, target.URL, rep.Feedback[0].URL, "joined to the crawled page by its path")
	assert.Equal(t, []string{"write to [email] about the <script>", "ring me on [phone]", "<b>hostile</b>"}, rep.Feedback[0].Said)
	for _, format := range []string{"md", "html"} {
		out, errs, code := runCLI(t, "", "content", "report", "--db", db, "--format", format)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, out, "What citizens said", format)
		assert.NotContains(t, out, "jo.bloggs", format)
		assert.NotContains(t, out, "900123", format)
		assert.NotContains(t, out, "<script>", format)
		assert.NotContains(t, out, "<b>hostile", format)
	}
}

// TestFeedbackWidgetBrowser drives <civic-feedback> in headless Chromium
// against the feedback server: the element replaces the plain form,
// asks what was unclear on "No" with the focus in the text box, posts
// the answer (hostile text stays text), says thank you in a live region
// and sets no cookie.
func TestFeedbackWidgetBrowser(t *testing.T) {
	exe := browserPath(t)
	if testing.Short() {
		t.Skip("builds the widgets and drives Chromium")
	}
	dir := t.TempDir()
	if _, err := wasm.Build(context.Background(), wasm.BuildOptions{Out: dir, Module: "../..", BrotliQuality: 1}); err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><html lang="en"><head><title>Bins</title><script type="module" src="civickit.js"></script></head><body><main>
<h1>Bin collections</h1>
<civic-feedback action="/feedback">
<form method="post" action="/feedback"><input type="hidden" name="page" value="/bins.html">
<fieldset><legend>Is this page clear?</legend>
<label><input type="radio" name="clear" value="yes"> Yes</label> <label><input type="radio" name="clear" value="no"> No</label></fieldset>
<label for="t">What was unclear?</label><textarea id="t" name="text"></textarea><button>Send</button></form>
</civic-feedback></main></body></html>`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bins.html"), []byte(page), 0o644))
	fs, st, _, _ := newFeedbackServer(t)
	fs.now = time.Now
	mux := http.NewServeMux()
	mux.Handle("/feedback", fs)
	mux.Handle("/", wasm.Handler(dir))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ctx := browser(t, exe)

	do(t, ctx, chromedp.Navigate(srv.URL+"/bins.html"))
	js[bool](t, ctx, `customElements.whenDefined("civic-feedback").then(() => true)`)
	const root = `document.querySelector("civic-feedback").shadowRoot`
	poll[bool](t, ctx, root+` && `+root+`.querySelector(".feedback-no") !== null`, 10*time.Second)
	assert.Equal(t, "Is this page clear?", js[string](t, ctx, root+`.querySelector("h2").textContent`))
	assert.True(t, js[bool](t, ctx, `document.querySelector("civic-feedback form").getClientRects().length === 0`), "the plain form gives way to the element")
	js[bool](t, ctx, `(() => { `+root+`.querySelector(".feedback-no").click(); return true; })()`)
	assert.True(t, js[bool](t, ctx, root+`.activeElement && `+root+`.activeElement.tagName === "TEXTAREA"`), "the focus moves to the question")
	assert.Equal(t, "What was unclear?", js[string](t, ctx, `(() => { const r = `+root+`; return r.querySelector("label[for='" + r.querySelector("textarea").id + "']").textContent; })()`))
	hostile := `<img src=x onerror="document.title='pwned'">Which day?`
	js[bool](t, ctx, `(() => { const r = `+root+`; r.querySelector("textarea").value = `+jsString(hostile)+`; r.querySelector(".feedback-send").click(); return true; })()`)
	status := poll[string](t, ctx, `(() => { const s = `+root+`.querySelector("[role=status]").textContent; return s || false; })()`, 20*time.Second)
	assert.Equal(t, "Thank you for your feedback.", status)
	assert.Equal(t, "", js[string](t, ctx, `document.cookie`))
	assert.Equal(t, "Bins", js[string](t, ctx, `document.title`))
	assert.Equal(t, 0, js[int](t, ctx, root+`.querySelectorAll("img").length + document.querySelectorAll("img").length`))

	got, err := st.FeedbackByPage(context.Background(), time.Time{})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, srv.URL+"/bins.html", got[0].Page)
	assert.Equal(t, 1, got[0].Unclear)
	assert.Equal(t, []string{hostile}, got[0].Texts)
}
