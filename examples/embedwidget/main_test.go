package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/wasm"
)

// TestRun builds the widgets, writes the page and serves both: the page
// loads the widgets' loader, carries the decision's summary, and the
// loader and the page come back with the widgets' policy.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the widgets to WebAssembly")
	}
	dir := t.TempDir()
	var out strings.Builder
	if err := run(context.Background(), &out, dir, 1); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), filepath.Join(dir, "decision.html")) {
		t.Errorf("output:\n%s", out.String())
	}
	srv := httptest.NewServer(wasm.Handler(dir))
	defer srv.Close()
	get := func(name string) (string, http.Header) {
		t.Helper()
		res, err := http.Get(srv.URL + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %v", name, res.StatusCode, err)
		}
		return string(b), res.Header
	}
	page, h := get("decision.html")
	if h.Get("Content-Security-Policy") != wasm.ContentSecurityPolicy {
		t.Errorf("policy %q", h.Get("Content-Security-Policy"))
	}
	for _, want := range []string{`<script type="module" src="civickit.js">`, `"title":"A new crossing on Station Road"`, `<civic-readability for="comment"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if js, _ := get("civickit.js"); !strings.Contains(js, "civic-journey") {
		t.Error("the loader does not define civic-journey")
	}
}
