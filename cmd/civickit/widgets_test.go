package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/civickit/civickit/wasm"
)

// browserPath returns the Chromium to drive, or skips the test when there
// is none, unless CIVICKIT_REQUIRE_BROWSER is set (as .ci/run sets it),
// when a missing browser fails it: CI never passes by skipping.
func browserPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CIVICKIT_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium on the PATH and CIVICKIT_REQUIRE_BROWSER is set: apt-get install -y chromium")
	}
	t.Skip("no Chromium on the PATH (apt-get install -y chromium); set CIVICKIT_REQUIRE_BROWSER=1 to make this a failure")
	return ""
}

// browser starts headless Chromium and returns a context for a new tab.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 8*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	// The tab behaves as the focused page, so that focus() fires focus
	// events in a subtest run alone (-run TestWidgetsBrowser/speed), before
	// any click has given the page the focus.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// js evaluates a JavaScript expression in the tab, awaiting a promise,
// and decodes its value.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%v\nin %.200s", err, expr)
	}
	return v
}

// poll waits up to d for a JavaScript expression to be truthy and
// returns its value.
func poll[T any](t *testing.T, ctx context.Context, expr string, d time.Duration) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(d)))
	if err != nil {
		t.Fatalf("waiting for %.200s: %v", expr, err)
	}
	return v
}

// do runs actions in the tab.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// statusJS is the text of the readability widget's live region.
const statusJS = `document.querySelector("civic-readability").shadowRoot.querySelector("[role=status]").textContent`

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// scoreJS puts text in the demo's textarea as typing would and resolves
// to the JSON of the civickit:score event that answers it.
const scoreJS = `(async (text) => {
  const el = document.querySelector("civic-readability");
  const ta = document.getElementById("draft");
  el.setAttribute("delay", "0");
  el.setAttribute("name", "<stdin>");
  const got = new Promise((resolve) => {
    const h = (e) => {
      if (el._lastText === text && !el._dirty) {
        document.removeEventListener("civickit:score", h);
        resolve(JSON.stringify(e.detail));
      }
    };
    document.addEventListener("civickit:score", h);
  });
  ta.focus();
  ta.value = text;
  ta.dispatchEvent(new Event("input", { bubbles: true }));
  return await got;
})`

// cliCheck returns what "civickit check --format json --type text -"
// prints for text, decoded.
func cliCheck(t *testing.T, text string) map[string]any {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(text), Stdout: &out, Stderr: &errb}
	if code := run(context.Background(), env, []string{"check", "--format", "json", "--type", "text", "--fail-on", "never", "-"}); code != 0 {
		t.Fatalf("civickit check: exit %d: %s", code, errb.String())
	}
	var v map[string]any
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// words2000 is 2,000 words of council minutes, as the speed budget counts.
func words2000(t *testing.T) string {
	b, err := os.ReadFile("../../internal/sample/content/minutes.txt")
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for len(strings.Fields(sb.String())) < 2000 {
		sb.Write(b)
		sb.WriteString("\n\n")
	}
	s := sb.String()
	n := 0
	in := false
	for i, r := range s {
		sp := r == ' ' || r == '\n' || r == '\t' || r == '\r'
		if !sp && !in {
			n++
			if n == 2001 {
				return strings.TrimSpace(s[:i])
			}
		}
		in = !sp
	}
	return s
}

// cspWriter replaces the Content-Security-Policy header a handler sets.
type cspWriter struct {
	http.ResponseWriter
	csp string
}

func (w cspWriter) WriteHeader(code int) {
	w.Header().Set("Content-Security-Policy", w.csp)
	w.ResponseWriter.WriteHeader(code)
}

func (w cspWriter) Write(b []byte) (int, error) {
	w.Header().Set("Content-Security-Policy", w.csp)
	return w.ResponseWriter.Write(b)
}

func percentile(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[int(p*float64(len(s)-1)+0.5)]
}

// TestWidgetsBrowser builds the widgets as "civickit widgets build" does,
// serves them as "civickit widgets serve" does, and drives the demo page
// in headless Chromium: the scores that the page's civickit:score event
// carries are the CLI's for the same text, hostile input neither freezes
// the page nor lands in it as HTML, the journey widget renders the
// summary the CLI prints, the page works without JavaScript, a strict
// policy without 'wasm-unsafe-eval' gets a clear message, and scoring
// 2,000 words is timed.
func TestWidgetsBrowser(t *testing.T) {
	exe := browserPath(t)
	if testing.Short() {
		t.Skip("builds the widgets and drives Chromium")
	}
	dir := t.TempDir()
	if _, err := wasm.Build(context.Background(), wasm.BuildOptions{Out: dir, Module: "../..", BrotliQuality: 1}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(wasm.Handler(dir))
	t.Cleanup(srv.Close)
	ctx := browser(t, exe)

	// open loads the demo page and waits for the elements to be defined.
	open := func(t *testing.T, ctx context.Context, url string) {
		t.Helper()
		do(t, ctx, chromedp.Navigate(url))
		js[bool](t, ctx, `customElements.whenDefined("civic-readability").then(() => true)`)
	}

	t.Run("scores equal the CLI's", func(t *testing.T) {
		open(t, ctx, srv.URL+"/")
		for _, text := range []string{
			"The Cabinet will decide on 12 March. Have your say by 1 April.",
			"It was decided by the committee that the utilisation of resources would be commenced in order to facilitate the review.\n\nClick here.",
			words2000(t),
			// hostile: markup, emoji, right-to-left, zero-width characters
			"<script>alert(1)</script><img src=x onerror=alert(2)> \"quotes\" & 🏛️👩🏽‍⚖️ مرحبا بالعالم zero\u200bwidth\u200d\u202e reversed.",
		} {
			got := js[string](t, ctx, scoreJS+"("+jsString(text)+")")
			var browserCard map[string]any
			if err := json.Unmarshal([]byte(got), &browserCard); err != nil {
				t.Fatal(err)
			}
			want := cliCheck(t, text)
			if !reflect.DeepEqual(browserCard, want) {
				wb, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("text %.40q: the browser's scorecard differs from the CLI's:\nbrowser %s\nCLI     %s", text, got, wb)
			}
		}
		// The module is built without bounds checks (wasm/doc.go): on
		// the real council pages of the standards' precision set, as
		// plain text, it must still give the command's scorecards.
		real, err := filepath.Glob("../../standards/testdata/real/*")
		if err != nil || len(real) < 40 {
			t.Fatalf("the real council pages: %d files, %v", len(real), err)
		}
		same := 0
		for _, name := range real {
			b := []byte(readFile(t, name))
			if !utf8.Valid(b) || filepath.Base(name) == "README.md" {
				continue
			}
			got := js[string](t, ctx, scoreJS+"("+jsString(string(b))+")")
			var browserCard map[string]any
			if err := json.Unmarshal([]byte(got), &browserCard); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if want := cliCheck(t, string(b)); !reflect.DeepEqual(browserCard, want) {
				t.Errorf("%s: the browser's scorecard differs from the CLI's", filepath.Base(name))
				continue
			}
			same++
		}
		t.Logf("%d real council pages scored alike in the browser and by the command", same)
		// nothing typed became markup: the panel holds only the widget's own elements
		injected := js[int](t, ctx, `document.querySelector("civic-readability").shadowRoot.querySelectorAll("script, img, iframe, object, embed").length + document.querySelectorAll("img, iframe").length`)
		if injected != 0 {
			t.Errorf("%d elements injected from the text", injected)
		}
	})

	t.Run("preset nhs", func(t *testing.T) {
		open(t, ctx, srv.URL+"/")
		text := "It was decided by the committee that the utilisation of resources would be commenced in order to facilitate the review of patients' care."
		js[bool](t, ctx, `(() => { document.querySelector("civic-readability").setAttribute("preset", "nhs"); return true; })()`)
		got := js[string](t, ctx, scoreJS+"("+jsString(text)+")")
		var browserCard map[string]any
		if err := json.Unmarshal([]byte(got), &browserCard); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(text), Stdout: &out, Stderr: &errb}
		if code := run(context.Background(), env, []string{"check", "--format", "json", "--type", "text", "--preset", "nhs", "--fail-on", "never", "-"}); code != 0 {
			t.Fatalf("civickit check: exit %d: %s", code, errb.String())
		}
		var want map[string]any
		if err := json.Unmarshal(out.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		if browserCard["preset"] != "nhs" || !reflect.DeepEqual(browserCard, want) {
			t.Errorf("preset nhs: the browser's scorecard differs from the CLI's:\nbrowser %s\nCLI     %s", got, out.Bytes())
		}
	})

	t.Run("contenteditable", func(t *testing.T) {
		page := `<!doctype html><html lang="en"><head><title>editor</title><script type="module" src="civickit.js"></script></head><body><main>
<div id="ce" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Your text"></div>
<civic-readability for="ce" delay="0" name="<stdin>"></civic-readability>
</main></body></html>`
		if err := os.WriteFile(filepath.Join(dir, "editable.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Navigate(srv.URL+"/editable.html"))
		js[bool](t, ctx, `customElements.whenDefined("civic-readability").then(() => true)`)
		const typed = "The council utilises the hall. It was agreed by members."
		do(t, ctx, chromedp.Click(chromedp.CSS("#ce")), chromedp.SendKeys(chromedp.CSS("#ce"), typed))
		got := poll[string](t, ctx, `(() => { const el = document.querySelector("civic-readability");
  return el.lastCard && el._lastText === document.getElementById("ce").innerText && !el._busy ? JSON.stringify(el.lastCard) : false; })()`, 30*time.Second)
		var browserCard map[string]any
		if err := json.Unmarshal([]byte(got), &browserCard); err != nil {
			t.Fatal(err)
		}
		text := js[string](t, ctx, `document.getElementById("ce").innerText`)
		if text != typed {
			t.Errorf("the editor holds %q, want %q", text, typed)
		}
		if want := cliCheck(t, text); !reflect.DeepEqual(browserCard, want) {
			t.Errorf("contenteditable: the browser's scorecard differs from the CLI's:\nbrowser %s", got)
		}
	})

	t.Run("typing", func(t *testing.T) {
		open(t, ctx, srv.URL+"/")
		js[bool](t, ctx, `(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask" }); document.getElementById("draft").value = ""; return true; })()`)
		do(t, ctx,
			chromedp.Click(chromedp.CSS("#draft")),
			chromedp.SendKeys(chromedp.CSS("#draft"), "The council utilises the facility. It was agreed by members."),
		)
		// the answer to the whole sentence, not to its first letters
		status := poll[string](t, ctx, `(() => { const el = document.querySelector("civic-readability"); const s = `+statusJS+`;
  return el._lastText === document.getElementById("draft").value && !el._busy && s.startsWith("Reading age") ? s : false; })()`, 30*time.Second)
		t.Logf("status after typing: %s", status)
		if live := js[string](t, ctx, `document.querySelector("civic-readability").shadowRoot.querySelector("[role=status]").getAttribute("aria-live")`); live != "polite" {
			t.Errorf("status aria-live = %q, want polite", live)
		}
		// keyboard: a suggestion is a button; Enter on it selects its text in the textarea
		want := js[string](t, ctx, `(() => { const el = document.querySelector("civic-readability"); const b = el.shadowRoot.querySelector("button.go"); b.focus();
  const i = Array.from(b.closest("ol").children).indexOf(b.closest("li"));
  return el.lastCard.findings[i].match; })()`)
		do(t, ctx, chromedp.KeyEvent("\r"))
		sel := js[string](t, ctx, `(() => { const ta = document.getElementById("draft"); return document.activeElement === ta ? ta.value.slice(ta.selectionStart, ta.selectionEnd) : "(focus elsewhere)"; })()`)
		if sel != want || sel == "" {
			t.Errorf("Enter on a suggestion selected %q in the textarea, want its match %q", sel, want)
		}
		// The budget is no main-thread task over 50 ms while typing. The
		// browser's own tasks (key events, layout, paint) stretch on a
		// loaded machine and cannot be told from the widget's, so they
		// are logged; what fails is the widget's own longest stretch on
		// the main thread (handling a result, rendering, sending).
		long := js[[]float64](t, ctx, `window.__long`)
		own := js[float64](t, ctx, `document.querySelector("civic-readability").mainMs`)
		t.Logf("main-thread tasks over 50 ms while typing: %v; the widget's own longest: %.1f ms", long, own)
		if own > 50 {
			timing(t, "the widget held the main thread for %.0f ms (budget 50 ms)", own)
		}
	})

	t.Run("highlights in a textarea", func(t *testing.T) {
		open(t, ctx, srv.URL+"/")
		// a page whose own rules for div would move a mirror that did not guard against them
		js[bool](t, ctx, `(() => { const sh = new CSSStyleSheet(); sh.replaceSync("div { padding: 13px; margin: 21px; border: 3px solid red; width: 50%; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sh]; return true; })()`)
		got := js[string](t, ctx, scoreJS+"("+jsString(highlightText)+")")
		var card map[string]any
		if err := json.Unmarshal([]byte(got), &card); err != nil {
			t.Fatal(err)
		}
		m := js[mirrorState](t, ctx, afterFrame(mirrorJS))
		if m.Err != "" {
			t.Fatal(m.Err)
		}
		if m.Text != highlightText+"\n\u200b" {
			t.Errorf("the mirror holds %q, want the textarea's text", m.Text)
		}
		for i := range 4 {
			if d := m.Box[i] - m.Textarea[i]; d > 0.5 || d < -0.5 {
				t.Errorf("the mirror's box %v is not the textarea's %v", m.Box, m.Textarea)
				break
			}
		}
		if m.Background != "rgba(0, 0, 0, 0)" {
			t.Errorf("the textarea's background is %s, want transparent over the mirror", m.Background)
		}
		if m.PlainBackground != "rgb(230, 216, 245)" {
			t.Errorf("a plain-English mark's background is %q, want the --civic-hl-plain colour", m.PlainBackground)
		}
		checkMarks(t, highlightText, card, m.Marks, []string{"long", "passive", "plain"})

		// keyboard: the caret in a marked word says what it is and its plainer word
		js[bool](t, ctx, `(() => { const ta = document.getElementById("draft"); ta.focus(); const i = ta.value.indexOf("utilises"); ta.setSelectionRange(i + 2, i + 2); return true; })()`)
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
		hint := poll[string](t, ctx, `(() => { const s = document.querySelector("civic-readability").shadowRoot.querySelector(".caret").textContent; return s || false; })()`, 5*time.Second)
		if !strings.Contains(hint, "utilises") || !strings.Contains(hint, "Try: use") {
			t.Errorf("with the caret in \"utilises\" the widget says %q, want the word and its alternative", hint)
		}
		// typing moves the marks with their words before the next score
		before := js[[]highlight](t, ctx, `document.querySelector("civic-readability").highlights`)
		after := js[[]highlight](t, ctx, `(async () => { const el = document.querySelector("civic-readability"); el.setAttribute("delay", "60000");
  const ta = document.getElementById("draft"); ta.setRangeText("Yes. ", 0, 0); ta.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return el.highlights; })()`)
		if len(after) != len(before) || len(after) == 0 || after[0].Start != before[0].Start+5 {
			t.Errorf("after typing 5 characters at the start the marks are %v, want %v moved by 5", after, before)
		}
		m = js[mirrorState](t, ctx, afterFrame(mirrorJS))
		if m.Text != "Yes. "+highlightText+"\n\u200b" {
			t.Errorf("after typing the mirror holds %q", m.Text)
		}
		// the toggle is a button: Enter turns the highlights off and on
		js[bool](t, ctx, `(() => { document.querySelector("civic-readability").shadowRoot.querySelector("button.toggle").focus(); return true; })()`)
		do(t, ctx, chromedp.KeyEvent("\r"))
		off := js[[]any](t, ctx, afterFrame(`(() => { const el = document.querySelector("civic-readability"); return [el.shadowRoot.querySelector("button.toggle").getAttribute("aria-pressed"), !!document.querySelector("[data-civickit-mirror]"), getComputedStyle(document.getElementById("draft")).backgroundColor]; })()`))
		if off[0] != "false" || off[1] != false || off[2] == "rgba(0, 0, 0, 0)" {
			t.Errorf("after Enter on the toggle: aria-pressed, mirror present, textarea background = %v; want false, false and the page's own background", off)
		}
		do(t, ctx, chromedp.KeyEvent("\r"))
		if on := js[string](t, ctx, afterFrame(`document.querySelector("civic-readability").shadowRoot.querySelector("button.toggle").getAttribute("aria-pressed")`)); on != "true" {
			t.Errorf("after a second Enter aria-pressed = %q", on)
		}
	})

	t.Run("highlights in a contenteditable", func(t *testing.T) {
		page := `<!doctype html><html lang="en"><head><title>editor</title><script type="module" src="civickit.js"></script></head><body><main>
<div id="ce" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Your text"></div>
<civic-readability for="ce" delay="0" name="<stdin>"></civic-readability>
</main></body></html>`
		if err := os.WriteFile(filepath.Join(dir, "highlight.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Navigate(srv.URL+"/highlight.html"))
		js[bool](t, ctx, `customElements.whenDefined("civic-readability").then(() => true)`)
		const typed = "The council utilises the hall. It was agreed by members that the utilisation of the facility would be commenced in order to facilitate the review."
		do(t, ctx, chromedp.Click(chromedp.CSS("#ce")), chromedp.SendKeys(chromedp.CSS("#ce"), typed))
		got := poll[string](t, ctx, `(() => { const el = document.querySelector("civic-readability");
  return el.lastCard && el._lastText === document.getElementById("ce").innerText && !el._busy ? JSON.stringify(el.lastCard) : false; })()`, 30*time.Second)
		var card map[string]any
		if err := json.Unmarshal([]byte(got), &card); err != nil {
			t.Fatal(err)
		}
		if !js[bool](t, ctx, afterFrame(`typeof CSS !== "undefined" && !!CSS.highlights`)) {
			t.Fatal("this Chromium has no CSS Custom Highlight API")
		}
		// each registered range's text is the finding's text at its offsets
		st := js[struct {
			Ranges []highlight
			Text   string
		}](t, ctx, `(() => { const out = [];
  for (const [name, h] of CSS.highlights) for (const r of h) out.push({ kind: name.replace("civic-", ""), text: r.toString() });
  const el = document.querySelector("civic-readability");
  return { ranges: out, text: document.getElementById("ce").innerText, shown: el.highlights }; })()`)
		shown := js[[]highlight](t, ctx, `document.querySelector("civic-readability").highlights`)
		if len(st.Ranges) != len(shown) || len(shown) == 0 {
			t.Fatalf("%d ranges registered, %d highlights shown", len(st.Ranges), len(shown))
		}
		var marks []mark
		for _, h := range shown {
			if h.Text != utf16Slice(st.Text, h.Start, h.End) {
				t.Errorf("the %s range holds %q, the text at its offsets %d..%d is %q", h.Kind, h.Text, h.Start, h.End, utf16Slice(st.Text, h.Start, h.End))
			}
			marks = append(marks, mark{Start: h.Start, End: h.End, F: strconv.Itoa(h.Index), Class: "hl " + h.Kind})
		}
		checkMarks(t, st.Text, card, marks, []string{"passive", "plain"})
		kinds := map[string]bool{}
		for _, r := range st.Ranges {
			kinds[r.Kind+":"+r.Text] = true
		}
		if !kinds["plain:utilises"] || !kinds["passive:was agreed"] {
			t.Errorf("registered highlights %v, want plain:utilises and passive:was agreed", kinds)
		}
		// keyboard: Enter on a suggestion selects its text in the contenteditable
		want := js[string](t, ctx, `(() => { const el = document.querySelector("civic-readability");
  const i = el.lastCard.findings.findIndex((f) => f.match === "utilisation");
  el.shadowRoot.querySelectorAll(".findings > li")[i].querySelector("button.go").focus();
  return el.lastCard.findings[i].match; })()`)
		do(t, ctx, chromedp.KeyEvent("\r"))
		if sel := js[string](t, ctx, `document.activeElement === document.getElementById("ce") ? document.getSelection().toString() : "(focus elsewhere)"`); sel != want {
			t.Errorf("Enter on a suggestion selected %q in the contenteditable, want %q", sel, want)
		}
	})

	t.Run("highlights in a one-line input", func(t *testing.T) {
		page := `<!doctype html><html lang="en"><head><title>editor</title><script type="module" src="civickit.js"></script></head><body><main>
<label for="one">Title</label> <input id="one" type="text" size="30">
<civic-readability for="one" delay="0" name="<stdin>"></civic-readability>
</main></body></html>`
		if err := os.WriteFile(filepath.Join(dir, "oneline.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Navigate(srv.URL+"/oneline.html"))
		js[bool](t, ctx, `customElements.whenDefined("civic-readability").then(() => true)`)
		const text = "Café 🏛️: it was agreed that the council utilises the hall, which was commenced by members in order to facilitate the review."
		got := js[string](t, ctx, `(async (text) => {
  const el = document.querySelector("civic-readability");
  const ed = document.getElementById("one");
  // taller than its line, as many sites style inputs: its text is centred
  // (set from script: the page's policy allows no style attribute)
  ed.style.font = "16px serif";
  ed.style.padding = "10px 6px";
  ed.style.height = "48px";
  const got = new Promise((resolve) => {
    const h = (e) => { if (el._lastText === text && !el._dirty) { document.removeEventListener("civickit:score", h); resolve(JSON.stringify(e.detail)); } };
    document.addEventListener("civickit:score", h);
  });
  ed.focus();
  ed.value = text;
  ed.dispatchEvent(new Event("input", { bubbles: true }));
  return await got;
})(`+jsString(text)+`)`)
		var card map[string]any
		if err := json.Unmarshal([]byte(got), &card); err != nil {
			t.Fatal(err)
		}
		if want := cliCheck(t, text); !reflect.DeepEqual(card, want) {
			t.Errorf("one-line input: the browser's scorecard differs from the CLI's:\nbrowser %s", got)
		}
		m := js[mirrorState](t, ctx, afterFrame(mirrorOf("one")))
		if m.Err != "" {
			t.Fatal(m.Err)
		}
		if m.Text != text {
			t.Errorf("the mirror holds %q, want the input's text on one line", m.Text)
		}
		for i := range 4 {
			if d := m.Box[i] - m.Textarea[i]; d > 0.5 || d < -0.5 {
				t.Errorf("the mirror's box %v is not the input's %v", m.Box, m.Textarea)
				break
			}
		}
		checkMarks(t, text, card, m.Marks, []string{"passive", "plain"})
		// the text is wider than the input: with the caret at its end the
		// input scrolls, and the mirror with it
		m = js[mirrorState](t, ctx, `(async () => { const ed = document.getElementById("one"); ed.focus(); ed.setSelectionRange(ed.value.length, ed.value.length);
  ed.scrollLeft = ed.scrollWidth; ed.dispatchEvent(new Event("scroll"));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); return `+mirrorOf("one")+`; })()`)
		if len(m.Scroll) != 2 || m.Scroll[0] == 0 || m.Scroll[0] != m.Scroll[1] {
			t.Errorf("input and mirror scrolled by %v, want the same, not 0", m.Scroll)
		}
		// the mark's text lines up with the input's: the same glyph
		// positions, read from a range over the mirror's mark
		pos := js[[]float64](t, ctx, `(() => { const ed = document.getElementById("one"); ed.scrollLeft = 0; ed.dispatchEvent(new Event("scroll"));
  const box = ed.previousElementSibling.shadowRoot.querySelector(".mirror"); box.scrollLeft = 0;
  const mk = box.querySelector("mark.plain"); const r = mk.getBoundingClientRect(); const b = ed.getBoundingClientRect();
  const cs = getComputedStyle(ed); const line = parseFloat(cs.fontSize);
  return [r.top + r.height / 2, b.top + b.height / 2, r.height, line]; })()`)
		t.Logf("mark middle, input middle, mark height, font size: %v", pos)
		if d := pos[0] - pos[1]; d > 2 || d < -2 {
			t.Errorf("a mark's middle is at %.1f px, the input's at %.1f px: not centred as the input's text is", pos[0], pos[1])
		}
	})

	t.Run("hostile paste", func(t *testing.T) {
		open(t, ctx, srv.URL+"/")
		// The textarea is hidden first: laying out 5 MB of text with emoji
		// in a visible textarea costs Chromium itself seconds (and tens of
		// seconds on a loaded machine), with or without the widget; what is
		// tested here is the widget's own cost.
		start := time.Now()
		ms := js[[]float64](t, ctx, `(() => { const ta = document.getElementById("draft"); ta.focus(); ta.style.display = "none";
  const s = "<script>alert(1)</script> 😀 ".repeat(5 * 1024 * 1024 / 32);
  const t0 = performance.now(); ta.value = s; const t1 = performance.now();
  ta.dispatchEvent(new Event("input", { bubbles: true })); return [t1 - t0, performance.now() - t1]; })()`)
		status := poll[string](t, ctx, `(() => { const s = `+statusJS+`; return s.includes("too long") ? s : false; })()`, 60*time.Second)
		t.Logf("5 MB paste: the textarea took %.0f ms to take the value, the widget's input handler %.1f ms; the message after %v", ms[0], ms[1], time.Since(start))
		if ms[1] > 50 {
			timing(t, "the widget's input handler took %.0f ms on a 5 MB paste", ms[1])
		}
		// the page still answers at once
		start = time.Now()
		js[bool](t, ctx, `new Promise((r) => setTimeout(() => r(true), 0))`)
		if d := time.Since(start); d > time.Second {
			timing(t, "the page took %v to answer after a 5 MB paste", d)
		}
		t.Logf("5 MB paste: %s", status)
		if strings.Contains(js[string](t, ctx, `document.querySelector("civic-readability").shadowRoot.innerHTML`), "<script") {
			t.Error("the pasted markup reached the widget's DOM")
		}
	})

	t.Run("journey", func(t *testing.T) {
		// the summary the CLI prints, served as a file, and a hostile one inline
		var out, errb bytes.Buffer
		if code := run(context.Background(), &Env{Stdout: &out, Stderr: &errb}, []string{"journey", "show", "--format", "json", "../../civic/journey/testdata/planning-application.json"}); code != 0 {
			t.Fatalf("journey show: %d %s", code, errb.String())
		}
		var sum struct {
			Steps []struct {
				Title, Status string
			}
		}
		if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
			t.Fatal(err)
		}
		hostile := `{"title":"<img src=x onerror=alert(1)>","url":"javascript:alert(2)","have_your_say":"<script>alert(3)</script>","steps":[{"number":1,"title":"<b>Bold</b>","status":"current","description":"x"}]}`
		page := `<!doctype html><html lang="en"><head><title>journey</title><script type="module" src="civickit.js"></script></head><body><main>
<civic-journey id="a" src="summary.json"><p>fallback</p></civic-journey>
<civic-journey id="b"><script type="application/json">` + strings.ReplaceAll(hostile, "<", `\u003c`) + `</script></civic-journey>
</main></body></html>`
		for name, b := range map[string][]byte{"journey-test.html": []byte(page), "summary.json": out.Bytes()} {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		do(t, ctx, chromedp.Navigate(srv.URL+"/journey-test.html"))
		titles := poll[[]string](t, ctx, `(() => { const r = document.getElementById("a").shadowRoot; const s = r && r.querySelectorAll(".step-title"); return s && s.length ? Array.from(s, (e) => e.textContent) : false; })()`, 20*time.Second)
		current := js[string](t, ctx, `document.getElementById("a").shadowRoot.querySelector("[aria-current=step] .step-title").textContent`)
		bad := js[string](t, ctx, `(() => { const r = document.getElementById("b").shadowRoot; return r.querySelectorAll("img, b, script, a").length + "|" + r.querySelector(".title").textContent; })()`)
		if len(titles) != len(sum.Steps) {
			t.Errorf("%d steps shown, the summary has %d", len(titles), len(sum.Steps))
		}
		for i, s := range sum.Steps {
			if i < len(titles) && titles[i] != s.Title {
				t.Errorf("step %d: %q, want %q", i+1, titles[i], s.Title)
			}
			if s.Status == "current" && current != s.Title {
				t.Errorf("current step %q, want %q", current, s.Title)
			}
		}
		if bad != "0|<img src=x onerror=alert(1)>" {
			t.Errorf("hostile summary: %q, want no elements from its text and the title as text", bad)
		}
	})

	t.Run("journey from a raw decision", func(t *testing.T) {
		// the journey wasm computes the summary the CLI prints
		const decision = "../../civic/journey/testdata/library-decision.json"
		var out, errb bytes.Buffer
		if code := run(context.Background(), &Env{Stdout: &out, Stderr: &errb}, []string{"journey", "show", "--format", "json", decision}); code != 0 {
			t.Fatalf("journey show: %d %s", code, errb.String())
		}
		var want any
		if err := json.Unmarshal(out.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(decision)
		if err != nil {
			t.Fatal(err)
		}
		page := `<!doctype html><html lang="en"><head><title>journey</title><script type="module" src="civickit.js"></script></head><body><main>
<civic-journey id="a" src="decision.json"><p>fallback</p></civic-journey>
<civic-journey id="b"><script type="application/json">{"title": "x", "history": [{"stage": "no-such-stage", "date": "2026-01-01"}]}</script></civic-journey>
</main></body></html>`
		for name, b := range map[string][]byte{"journey-raw.html": []byte(page), "decision.json": raw} {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		do(t, ctx, chromedp.Navigate(srv.URL+"/journey-raw.html"))
		got := poll[string](t, ctx, `(() => { const e = document.getElementById("a"); return e.summary ? JSON.stringify(e.summary) : false; })()`, 60*time.Second)
		var gotV any
		if err := json.Unmarshal([]byte(got), &gotV); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gotV, want) {
			t.Errorf("the journey wasm's summary differs from the CLI's:\nbrowser %s\nCLI     %s", got, out.Bytes())
		}
		msg := poll[string](t, ctx, `(() => { const r = document.getElementById("b").shadowRoot; const e = r && r.querySelector(".error"); return e ? e.textContent : false; })()`, 30*time.Second)
		t.Logf("a bad decision: %s", msg)
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tctx, cancel := chromedp.NewContext(ctx) // a new tab
		defer cancel()
		if _, err := chromedp.Call(tctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		do(t, tctx, chromedp.Navigate(srv.URL+"/"))
		ta := js[bool](t, tctx, `!!document.querySelector("textarea#draft") && document.querySelector("textarea#draft").offsetHeight > 0`)
		link := js[bool](t, tctx, `Array.from(document.querySelectorAll("civic-journey a")).some((a) => a.offsetHeight > 0)`)
		defined := js[bool](t, tctx, `!!customElements.get("civic-readability")`)
		if defined {
			t.Error("scripts ran with JavaScript off")
		}
		if !ta || !link {
			t.Errorf("without JavaScript: textarea shown %v, decision link shown %v; want both", ta, link)
		}
	})

	t.Run("axe-core", func(t *testing.T) {
		axe := os.Getenv("CIVICKIT_AXE")
		if axe == "" {
			if os.Getenv("CIVICKIT_REQUIRE_BROWSER") != "" {
				t.Fatal("CIVICKIT_AXE is not set: npm install axe-core in a folder and set it to node_modules/axe-core/axe.min.js")
			}
			t.Skip("set CIVICKIT_AXE to axe-core's axe.min.js (npm install axe-core) to run the accessibility checks")
		}
		src := readFile(t, axe)
		run := func(t *testing.T, ctx context.Context) {
			t.Helper()
			js[bool](t, ctx, src+";true")
			v := js[string](t, ctx, `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }).then((r) =>
  JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }))))`)
			if v != "[]" {
				t.Errorf("axe-core violations: %s", v)
			}
		}
		t.Run("JavaScript on", func(t *testing.T) {
			open(t, ctx, srv.URL+"/")
			// with the checker's results and the journey on the page
			js[string](t, ctx, scoreJS+"("+jsString("It was decided by the committee that the utilisation of resources would be commenced. Click here.")+")")
			run(t, ctx)
			// a control: axe does see a fault put on the page
			v := js[string](t, ctx, `document.querySelector("main").append(Object.assign(document.createElement("img"), { src: "x.png" }));
  axe.run(document, { runOnly: ["wcag2a"] }).then((r) => r.violations.map((v) => v.id).join(" "))`)
			if !strings.Contains(v, "image-alt") {
				t.Errorf("axe-core missed an image without alt text: %q", v)
			}
		})
		t.Run("JavaScript off", func(t *testing.T) {
			// axe needs script to run, so the page is served without
			// its module script: the DOM a browser without JavaScript has
			page := readFile(t, filepath.Join(dir, "index.html"))
			i := strings.Index(page, `<script type="module"`)
			j := strings.Index(page[i:], "</script>")
			if i < 0 || j < 0 {
				t.Fatal("no module script in index.html")
			}
			page = page[:i] + page[i+j+len("</script>"):]
			if err := os.WriteFile(filepath.Join(dir, "nojs.html"), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.Navigate(srv.URL+"/nojs.html"))
			if js[bool](t, ctx, `!!customElements.get("civic-readability")`) {
				t.Fatal("the widgets were defined")
			}
			run(t, ctx)
		})
	})

	t.Run("policy without wasm-unsafe-eval", func(t *testing.T) {
		strict := strings.ReplaceAll(wasm.ContentSecurityPolicy, " 'wasm-unsafe-eval'", "")
		srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			wasm.Handler(dir).ServeHTTP(cspWriter{w, strict}, r)
		}))
		defer srv2.Close()
		page := strings.ReplaceAll(readFile(t, filepath.Join(dir, "index.html")), "wasm-unsafe-eval", "")
		if err := os.WriteFile(filepath.Join(dir, "strict.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Navigate(srv2.URL+"/strict.html"))
		js[bool](t, ctx, `customElements.whenDefined("civic-readability").then(() => { document.getElementById("draft").focus(); return true; })`)
		status := poll[string](t, ctx, `(() => { const s = `+statusJS+`; return s.includes("cannot run") ? s : false; })()`, 20*time.Second)
		t.Logf("blocked: %s", status)
	})

	t.Run("speed", func(t *testing.T) {
		open(t, ctx, srv.URL+"/")
		// first focus to first score, with the assets in the HTTP cache
		do(t, ctx, chromedp.Reload())
		first := js[float64](t, ctx, `customElements.whenDefined("civic-readability").then(() => new Promise((resolve) => {
  const t0 = performance.now();
  document.addEventListener("civickit:score", () => resolve(performance.now() - t0), { once: true });
  document.getElementById("draft").focus();
}))`)
		text := words2000(t)
		res := js[struct{ RT, Wasm, Go []float64 }](t, ctx, `(async (text, n) => {
  const el = document.querySelector("civic-readability");
  const ta = document.getElementById("draft");
  el.setAttribute("delay", "0");
  ta.focus();
  const rt = [], wasm = [], go = [];
  for (let i = 0; i < n; i++) {
    const t = text + " ".repeat(i % 7) + (i % 2 ? " Yes." : "");
    const got = new Promise((r) => document.addEventListener("civickit:score", r, { once: true }));
    const t0 = performance.now();
    ta.value = t;
    ta.dispatchEvent(new Event("input", { bubbles: true }));
    await got;
    rt.push(performance.now() - t0);
    wasm.push(el.lastScoreMs);
    go.push(el.lastGoMs);
  }
  return { RT: rt, Wasm: wasm, Go: go };
})(`+jsString(text)+`, 60)`)
		// The same scoring with nothing else on the page: the worker
		// alone, sent the texts one after another. On two CPUs the
		// page's own work after each score (laying out 2,000 words in
		// the textarea and its mirror, painting the marks) runs beside
		// the worker's next score and slows it by about 1 ms at the
		// median; this is the scorer's own time in Chromium.
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		workerJS := ""
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), "readability-worker.") && strings.HasSuffix(e.Name(), ".js") {
				workerJS = e.Name()
			}
		}
		bare := js[struct{ Ms, Go []float64 }](t, ctx, `(async (text, n, url) => {
  const w = new Worker(url);
  const ms = [], go = [];
  let id = 0;
  const ask = (t) => new Promise((resolve, reject) => {
    const my = ++id;
    w.onmessage = (e) => { if (e.data.id === my) { if (e.data.error) reject(new Error(e.data.error)); else resolve(e.data); } };
    w.postMessage({ id: my, text: t, preset: "govuk", name: "draft" });
  });
  for (let i = 0; i < n; i++) {
    const d = await ask(text + " ".repeat(i % 7) + (i % 2 ? " Yes." : ""));
    ms.push(d.ms);
    go.push(d.go);
  }
  w.terminate();
  return { Ms: ms, Go: go };
})(`+jsString(text)+`, 110, "/`+workerJS+`")`)
		bw, bg := bare.Ms[10:], bare.Go[10:]
		t.Logf("2,000 words, the worker alone (wasm call and decoding): min %.2f, median %.2f, p95 %.2f ms (budget: median 3, p95 16); the Go call: min %.2f, median %.2f, p95 %.2f ms",
			percentile(bw, 0), percentile(bw, 0.5), percentile(bw, 0.95), percentile(bg, 0), percentile(bg, 0.5), percentile(bg, 0.95))
		w := res.Wasm[10:] // after warm-up
		r := res.RT[10:]
		load := js[float64](t, ctx, `document.querySelector("civic-readability").loadMs || 0`)
		t.Logf("first focus to first score (warm cache): %.1f ms, of which fetching, compiling and starting the module %.1f ms (budget 300 ms)", first, load)
		t.Logf("2,000 words typed into the page, scoring in the worker (wasm call and decoding): min %.2f, median %.2f, p95 %.2f ms", percentile(w, 0), percentile(w, 0.5), percentile(w, 0.95))
		g := res.Go[10:]
		t.Logf("2,000 words, the Go call alone (civickitScore: extracting, scoring, writing the tape): min %.2f, median %.2f, p95 %.2f ms", percentile(g, 0), percentile(g, 0.5), percentile(g, 0.95))
		t.Logf("2,000 words, input event to score event, page rendered: min %.2f, median %.2f, p95 %.2f ms", percentile(r, 0), percentile(r, 0.5), percentile(r, 0.95))
		own := js[float64](t, ctx, `document.querySelector("civic-readability").mainMs`)
		t.Logf("2,000 words: the widget's longest stretch on the main thread (rendering the panel and the highlights, moving the marks on input): %.1f ms (budget 50 ms)", own)
		if own > 50 {
			timing(t, "the widget held the main thread for %.0f ms on 2,000 words (budget 50 ms)", own)
		}
		t.Logf("anchors for 2,000 words: Yoast SEO's readability analysis about 1,000 ms, text-readability (four formulas) about 16 ms: median ratios %.0fx and %.1fx",
			1000/percentile(w, 0.5), 16/percentile(w, 0.5))
		if b, err := os.ReadFile("/proc/loadavg"); err == nil {
			t.Logf("load average while timing: %s", strings.TrimSpace(string(b)))
		}
		// The budgets, checked as they are on a quiet machine
		// (CIVICKIT_WIDGET_SPEED=1): median 3 ms and 95th percentile
		// 16 ms for re-scoring 2,000 words in the worker (and 16 ms at
		// the 95th percentile typed into the page), 300 ms from first
		// focus to first score. On a machine shared with other tests the median
		// and the tail stretch with the load (6 to 9 ms at a load of 4 to
		// 6 on 2 cores), so there the check is on the fastest of the 50
		// runs, which the load barely moves (3.1 to 3.5 ms in the same
		// runs): at most twice the median budget, which the scorer or the
		// worker made about 1.8 times slower fails.
		const medianBudget, p95Budget, firstBudget = 3.0, 16.0, 300.0
		if os.Getenv("CIVICKIT_WIDGET_SPEED") == "1" {
			if m := percentile(bw, 0.5); m > medianBudget {
				t.Errorf("re-scoring 2,000 words takes %.2f ms median in the browser's worker, over the budget of %.0f ms", m, medianBudget)
			}
			if p := percentile(bw, 0.95); p > p95Budget {
				t.Errorf("re-scoring 2,000 words takes %.2f ms at the 95th percentile in the browser's worker, over the budget of %.0f ms", p, p95Budget)
			}
			if p := percentile(w, 0.95); p > p95Budget {
				t.Errorf("re-scoring 2,000 words typed into the page takes %.2f ms at the 95th percentile, over the budget of %.0f ms", p, p95Budget)
			}
			if first > firstBudget {
				t.Errorf("first focus to first score took %.0f ms, over the budget of %.0f ms", first, firstBudget)
			}
		} else if m := percentile(w, 0); m > 2*medianBudget {
			t.Errorf("re-scoring 2,000 words takes at least %.2f ms in the browser (fastest of %d), over twice the median budget of %.0f ms", m, len(w), medianBudget)
		}
		if first > 10000 {
			timing(t, "first focus to first score took %.0f ms", first)
		}
	})
}

// highlightText has a long sentence, passive voice, plain-English words
// and jargon, an emoji and right-to-left text before them (two UTF-16 units
// for one character, and bytes that are not UTF-16 units).
const highlightText = "Café 🏛️ مرحبا: the council utilises the hall. It was agreed by members that the utilisation of the facility would be commenced in order to facilitate the review of the arrangements which have been put forward by officers following the consultation exercise.\n\nA short line."

// highlight is one entry of the widget's highlights property.
type highlight struct {
	Kind       string
	Start, End int
	Index      int
	Text       string
}

// mark is a marked stretch of the mirror behind a textarea: its UTF-16
// offsets, the findings over it and its classes.
type mark struct {
	Start, End int
	F          string
	Class      string
}

type mirrorState struct {
	Scroll                      []float64
	Err                         string
	Text                        string
	Marks                       []mark
	Textarea, Box               []float64
	Background, PlainBackground string
}

// afterFrame evaluates expr after the next frame, when the widget has
// painted its highlights.
func afterFrame(expr string) string {
	return "(async () => { await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); return (" + expr + "); })()"
}

// mirrorJS reads the mirror behind the demo's textarea.
var mirrorJS = mirrorOf("draft")

// mirrorOf reads the mirror behind the editor with this id.
func mirrorOf(id string) string {
	return `((id) => {
  const ta = document.getElementById(id);
  const host = ta.previousElementSibling;
  if (!host || !host.hasAttribute("data-civickit-mirror")) return { err: "no mirror before the textarea" };
  const box = host.shadowRoot.querySelector(".mirror");
  let off = 0;
  const marks = [];
  const walk = (n) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) { off += c.data.length; continue; }
      const s = off;
      walk(c);
      if (c.localName === "mark") marks.push({ start: s, end: off, f: c.dataset.f, class: c.className });
    }
  };
  walk(box);
  const r = (e) => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.width, b.height]; };
  const plain = box.querySelector("mark.plain");
  return { text: box.textContent, marks, textarea: r(ta), box: r(box),
    background: getComputedStyle(ta).backgroundColor, plainBackground: plain ? getComputedStyle(plain).backgroundColor : "",
    scroll: [ta.scrollLeft, box.scrollLeft] };
})(` + jsString(id) + `)`
}

// kindOf is the widget's highlight kind for a finding (kindOf in civickit.js).
func kindOf(f map[string]any) string {
	switch f["rule"] {
	case "sentence-length":
		var n, limit int
		msg, _ := f["message"].(string)
		if _, err := fmt.Sscanf(msg, "sentence has %d words: keep sentences to %d words or fewer", &n, &limit); err == nil && 2*n >= 3*limit {
			return "hard"
		}
		return "long"
	case "passive-voice":
		return "passive"
	case "plain-english", "jargon":
		return "plain"
	case "paragraph-length":
		return ""
	}
	return "other"
}

// utf16Off is the UTF-16 offset of byte offset b of s.
func utf16Off(s string, b int) int { return len(utf16.Encode([]rune(s[:b]))) }

func utf16Slice(s string, start, end int) string {
	u := utf16.Encode([]rune(s))
	if start < 0 || end > len(u) || start > end {
		return "(out of range)"
	}
	return string(utf16.Decode(u[start:end]))
}

// checkMarks checks that the marks cover each finding of card that has a
// highlight kind exactly, from its UTF-16 start to its end, with its
// kind's class, and that the kinds in want are among them.
func checkMarks(t *testing.T, text string, card map[string]any, marks []mark, want []string) {
	t.Helper()
	fs, _ := card["findings"].([]any)
	seen := map[string]bool{}
	for i, fa := range fs {
		f := fa.(map[string]any)
		kind := kindOf(f)
		off, n := int(f["offset"].(float64)), int(f["length"].(float64))
		if kind == "" || n == 0 {
			continue
		}
		s, e := utf16Off(text, off), utf16Off(text, off+n)
		lo, hi, covered := -1, -1, 0
		for _, m := range marks {
			if !slices.Contains(strings.Fields(m.F), strconv.Itoa(i)) {
				continue
			}
			if !slices.Contains(strings.Fields(m.Class), kind) {
				t.Errorf("finding %d (%s) is marked %q, want class %s", i, f["rule"], m.Class, kind)
			}
			if lo < 0 || m.Start < lo {
				lo = m.Start
			}
			hi = max(hi, m.End)
			covered += m.End - m.Start
		}
		if lo != s || hi != e || covered != e-s {
			t.Errorf("finding %d (%s %q) at UTF-16 %d..%d is marked over %d..%d (%d units)", i, f["rule"], f["match"], s, e, lo, hi, covered)
		}
		seen[kind] = true
	}
	for _, k := range want {
		if !seen[k] {
			t.Errorf("no %s highlight for %.40q", k, text)
		}
	}
}

func readFile(t *testing.T, name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// timing reports a missed speed budget: a failure when
// CIVICKIT_WIDGET_SPEED=1 (a run on a quiet machine, as the speed figures
// are measured), else a log line, because under "go test ./..." other
// packages' tests share the CPU with the browser and stretch every timing.
func timing(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CIVICKIT_WIDGET_SPEED") == "1" {
		t.Errorf(format, args...)
		return
	}
	t.Logf("timing (fails with CIVICKIT_WIDGET_SPEED=1): "+format, args...)
}
