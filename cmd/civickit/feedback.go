package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/audit/store"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/internal/safe"
)

var feedbackServeFlags struct {
	db        string
	addr      string
	retention string
	origins   string
	header    string
	rate      float64
	burst     int
}

var feedbackCmd = &Command{
	Name:  "feedback",
	Short: "receive citizens' feedback on pages (\"Is this page clear?\")",
	Long:  "Feedback commands receive what citizens say about the council's pages through the <civic-feedback> widget or a plain form.",
	Sub:   []*Command{feedbackServeCmd},
}

var feedbackServeCmd = &Command{
	Name:      "serve",
	UsageLine: "feedback serve --db DB [--addr 127.0.0.1:8081] [--retention 90d] [--allow-origin https://www.council.gov.uk]",
	Short:     "receive feedback from <civic-feedback> and plain forms into the audit store",
	Long: `Serve receives answers to "Is this page clear?" (and, on "no", what was
unclear) and stores them in the audit store, where "civickit content audit"
weighs them in its fix-first list. It accepts:

  POST / with JSON {"page": URL, "clear": true|false, "text": "..."}, as the
  <civic-feedback> element sends it (204 No Content), and
  POST / as a plain HTML form (page, clear=yes|no, text), for browsers
  without JavaScript (a short thank-you page).

No IP address, cookie or other identifier is stored or logged. Each
client is rate-limited (--rate answers a minute, bursts of --burst) by a
keyed hash of its address held in memory with a key drawn at start, so
not even the limiter keeps the address. Bodies over 8 KB are refused;
the page's query string and fragment are dropped (they can hold personal
data); text is kept for --retention (90d, 6w, 13mo), then blanked, the
answer itself kept for the counts. Behind a reverse proxy, name the
header that carries the client's address with --client-header.

--allow-origin lists the council's sites (comma-separated) whose pages
may post from a browser (CORS); a plain form needs no such permission.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&feedbackServeFlags.db, "db", "", "the audit store: a SQLite `FILE` or a postgres:// URL")
		fs.StringVar(&feedbackServeFlags.addr, "addr", "127.0.0.1:8081", "listen on `ADDR`")
		fs.StringVar(&feedbackServeFlags.retention, "retention", "90d", "keep what was unclear for `AGE` (90d, 6w, 13mo)")
		fs.StringVar(&feedbackServeFlags.origins, "allow-origin", "", "the council's sites that may post (`ORIGINS`, comma-separated)")
		fs.StringVar(&feedbackServeFlags.header, "client-header", "", "the `HEADER` a reverse proxy puts the client's address in (X-Forwarded-For: the last entry)")
		fs.Float64Var(&feedbackServeFlags.rate, "rate", 6, "answers a minute each client may send")
		fs.IntVar(&feedbackServeFlags.burst, "burst", 10, "answers a client may send at once")
	},
	Run: runFeedbackServe,
}

// maxFeedbackBody is the largest request body accepted.
const maxFeedbackBody = 8 << 10

// feedbackStore is what the server needs of the audit store.
type feedbackStore interface {
	AddFeedback(ctx context.Context, f store.Feedback) error
}

// feedbackServer receives feedback. It keeps nothing about a client but
// a rate limiter's bucket under a keyed hash of its address.
type feedbackServer struct {
	st      feedbackStore
	origins map[string]bool
	header  string // the proxy's client-address header; "" for the peer address
	limit   *limiter
	now     func() time.Time
}

// limiter is a token bucket per client, keyed by HMAC-SHA-256 of the
// client's address under a key drawn at start and never written down:
// the buckets cannot be turned back into addresses, even by the server.
type limiter struct {
	mu      sync.Mutex
	key     [32]byte
	rate    float64 // tokens a second
	burst   float64
	buckets map[[16]byte]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(perMinute float64, burst int) *limiter {
	l := &limiter{rate: perMinute / 60, burst: float64(burst), buckets: map[[16]byte]*bucket{}}
	if _, err := rand.Read(l.key[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return l
}

// allow takes a token from client's bucket and reports whether there was one.
func (l *limiter) allow(client string, now time.Time) bool {
	m := hmac.New(sha256.New, l.key[:])
	m.Write([]byte(client))
	var k [16]byte
	copy(k[:], m.Sum(nil))
	l.mu.Lock()
	defer l.mu.Unlock()
	// forget full buckets now and then, so the map stays small
	if now.Sub(l.swept) > time.Minute {
		for key, b := range l.buckets {
			if b.tokens+now.Sub(b.at).Seconds()*l.rate >= l.burst {
				delete(l.buckets, key)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[k]
	if !ok {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[k] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.rate)
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// feedbackHeaders are sent with every response.
var feedbackHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         "no-referrer",
	"Cache-Control":           "no-store",
}

// thanksPage is parsed on first use, not at the start of every command.
var thanksPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("thanks").Parse(`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thank you for your feedback</title></head>
<body><main><h1>Thank you for your feedback</h1>
<p>It helps the council make its pages clearer. We do not keep your IP address or set cookies.</p>
{{if .}}<p><a href="{{.}}">Back to the page</a></p>{{end}}</main></body></html>
`))
})

// client returns the client's address as the limiter sees it.
func (s *feedbackServer) client(r *http.Request) string {
	if s.header != "" {
		if v := r.Header.Values(s.header); len(v) > 0 {
			parts := strings.Split(v[len(v)-1], ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// pageAddress keeps a page's scheme, host and path: a query string or
// fragment can carry personal data (a reference number, an e-mail
// address) and is dropped.
func pageAddress(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return "", false
	}
	out := (&url.URL{Scheme: u.Scheme, Host: strings.ToLower(u.Host), Path: u.Path}).String()
	if len(out) > store.MaxFeedbackPage {
		return "", false
	}
	return out, true
}

// cleanText trims what was unclear, drops control and format characters
// (line breaks become spaces) and cuts it at the store's limit on a
// character boundary.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	for len(s) > store.MaxFeedbackText {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	return s
}

func (s *feedbackServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range feedbackHeaders {
		w.Header().Set(k, v)
	}
	origin := r.Header.Get("Origin")
	if origin != "" && s.origins[origin] {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Vary", "Origin")
	}
	switch r.Method {
	case http.MethodOptions:
		if origin == "" || !s.origins[origin] {
			http.Error(w, "origin not allowed", http.StatusForbidden)
			return
		}
		w.Header().Set("Access-Control-Allow-Methods", "POST")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type")
		w.Header().Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return
	case http.MethodPost:
	default:
		w.Header().Set("Allow", "POST, OPTIONS")
		http.Error(w, "send feedback with POST", http.StatusMethodNotAllowed)
		return
	}
	if !s.limit.allow(s.client(r), s.now()) {
		w.Header().Set("Retry-After", "60")
		http.Error(w, "too many answers from one place: try again in a minute", http.StatusTooManyRequests)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxFeedbackBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "feedback is limited to 8 KB", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read the request", http.StatusBadRequest)
		return
	}
	var in struct {
		Page  string `json:"page"`
		Clear *bool  `json:"clear"`
		Text  string `json:"text"`
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	form := false
	switch ct {
	case "application/json":
		if err := json.Unmarshal(body, &in); err != nil {
			http.Error(w, "want JSON {\"page\": URL, \"clear\": true|false, \"text\": \"...\"}", http.StatusBadRequest)
			return
		}
	case "application/x-www-form-urlencoded":
		v, err := url.ParseQuery(string(body))
		if err != nil {
			http.Error(w, "cannot read the form", http.StatusBadRequest)
			return
		}
		form = true
		in.Page, in.Text = v.Get("page"), v.Get("text")
		switch v.Get("clear") {
		case "yes":
			in.Clear = new(bool)
			*in.Clear = true
		case "no":
			in.Clear = new(bool)
		}
	default:
		http.Error(w, "send JSON or a form", http.StatusUnsupportedMediaType)
		return
	}
	page, ok := pageAddress(in.Page)
	if !ok || in.Clear == nil {
		http.Error(w, "want the page's http(s) address and whether it is clear", http.StatusBadRequest)
		return
	}
	if !utf8.ValidString(in.Text) {
		http.Error(w, "text must be UTF-8", http.StatusBadRequest)
		return
	}
	f := store.Feedback{Page: page, Clear: *in.Clear, Text: cleanText(in.Text), Received: s.now()}
	if err := s.st.AddFeedback(r.Context(), f); err != nil {
		http.Error(w, "the feedback could not be stored", http.StatusInternalServerError)
		return
	}
	if !form {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	back, _ := journey.SafeURL(page)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	thanksPage().Execute(w, back)
}

func runFeedbackServe(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := feedbackServeFlags
	if len(args) > 0 {
		return usagef(cmd, "unexpected argument %s", safe.Quote(args[0]))
	}
	if f.db == "" {
		return usagef(cmd, "--db is required")
	}
	if _, err := parseAge(f.retention, time.Now()); err != nil {
		return usagef(cmd, "--retention %s: want a whole number and mo, y, w or d (90d)", safe.Quote(f.retention))
	}
	if f.rate <= 0 || f.burst <= 0 {
		return usagef(cmd, "--rate and --burst must be positive")
	}
	origins := map[string]bool{}
	for _, o := range strings.Split(f.origins, ",") {
		if o = strings.TrimSpace(o); o == "" {
			continue
		}
		if u, err := url.Parse(o); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || (u.Path != "" && u.Path != "/") {
			return usagef(cmd, "--allow-origin %s: want an origin such as https://www.council.gov.uk", safe.Quote(o))
		}
		origins[strings.TrimSuffix(o, "/")] = true
	}
	st, err := store.Open(ctx, f.db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	// blank text past the retention now and every hour
	expire := func() {
		cutoff, _ := parseAge(f.retention, time.Now())
		if n, err := st.ExpireFeedback(ctx, cutoff); err != nil {
			fmt.Fprintf(env.Stderr, "civickit feedback serve: expiring old text: %v\n", err)
		} else if n > 0 {
			fmt.Fprintf(env.Stderr, "civickit feedback serve: blanked the text of %d answers older than %s\n", n, f.retention)
		}
	}
	expire()
	go func() {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				expire()
			}
		}
	}()
	h := &feedbackServer{st: st, origins: origins, header: f.header, limit: newLimiter(f.rate, f.burst), now: time.Now}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second, MaxHeaderBytes: 16 << 10}
	return serveUntilDone(ctx, env, srv, f.addr, "receiving feedback on http://%s/ (Ctrl-C stops)")
}

// storeFeedback reads citizens' answers by page from the audit store,
// which "feedback serve" writes, for the content audit's fix first.
func storeFeedback(ctx context.Context, st *store.Store) (content.Feedback, error) {
	pages, err := st.FeedbackByPage(ctx, time.Time{})
	if err != nil {
		return nil, fmt.Errorf("reading citizens' feedback: %w", err)
	}
	fb := content.Feedback{}
	for _, p := range pages {
		fb.Add(p.Page, p.Clear, p.Unclear)
		fb.AddSaid(p.Page, p.Texts...)
	}
	return fb, nil
}
