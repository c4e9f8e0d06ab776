package wasm

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
)

var (
	buildOnce  sync.Once
	buildDir   string
	buildFiles []File
	buildErr   error
)

// built builds the widgets once for the package's tests, with a fast
// brotli level.
func built(t *testing.T) (string, []File) {
	t.Helper()
	if testing.Short() {
		t.Skip("compiles the widgets")
	}
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "civickit-widgets-test")
		if buildErr != nil {
			return
		}
		buildFiles, buildErr = Build(context.Background(), BuildOptions{Out: buildDir, Module: "..", BrotliQuality: 1})
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildDir, buildFiles
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

func TestBuild(t *testing.T) {
	dir, files := built(t)
	names := map[string]File{}
	for _, f := range files {
		names[f.Name] = f
		b, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != f.Size {
			t.Errorf("%s: %d bytes, reported %d", f.Name, len(b), f.Size)
		}
		if f.Brotli == 0 {
			continue
		}
		// the precompressed copies hold the same bytes
		br, _ := os.ReadFile(filepath.Join(dir, f.Name+".br"))
		got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s.br does not decompress to %s (%v)", f.Name, f.Name, err)
		}
		gz, _ := os.ReadFile(filepath.Join(dir, f.Name+".gz"))
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s.gz does not decompress to %s (%v)", f.Name, f.Name, err)
		}
	}
	for _, want := range []string{"civickit.js", "embed.html", "index.html"} {
		if _, ok := names[want]; !ok {
			t.Errorf("no %s among %v", want, files)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// every reference is to a hashed file that was written
	hashed := regexp.MustCompile(`[a-z-]+\.[0-9a-f]{10}\.(js|css|wasm)`)
	for _, name := range []string{"civickit.js", "index.html"} {
		refs := hashed.FindAllString(read(name), -1)
		if len(refs) == 0 {
			t.Errorf("%s names no hashed asset", name)
		}
		for _, r := range refs {
			if _, ok := names[r]; !ok {
				t.Errorf("%s refers to %s, which was not written", name, r)
			}
			if strings.HasSuffix(r, ".js") && strings.HasPrefix(r, "readability-worker.") {
				if w := hashed.FindAllString(read(r), -1); len(w) != 1 || !strings.HasSuffix(w[0], ".wasm") {
					t.Errorf("the worker refers to %v, want the wasm module", w)
				}
			}
		}
	}
	for _, name := range []string{"civickit.js", "index.html"} {
		if strings.Contains(read(name), "__CIVICKIT_") {
			t.Errorf("%s keeps a placeholder", name)
		}
	}
	// minified: the loader has no comment lines left
	if js := read("civickit.js"); strings.Contains(js, "// ") || strings.Count(js, "\n") > 5 {
		t.Errorf("civickit.js is not minified")
	}
	// the demo's inline summary cannot close its script block
	if demo := read("index.html"); strings.Count(demo, "</script") != 2 {
		t.Errorf("index.html has %d </script tags, want 2 (the loader and the journey data)", strings.Count(demo, "</script"))
	}
}

func TestHandler(t *testing.T) {
	dir, files := built(t)
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	var wasmName string
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".wasm") {
			wasmName = f.Name
		}
	}
	for _, tc := range []struct {
		path, accept           string
		status                 int
		ctype, encoding, cache string
	}{
		{"/", "br, gzip", 200, "text/html; charset=utf-8", "br", "no-cache"},
		{"/civickit.js", "gzip", 200, "text/javascript; charset=utf-8", "gzip", "no-cache"},
		{"/" + wasmName, "gzip;q=0, br", 200, "application/wasm", "br", "public, max-age=31536000, immutable"},
		{"/" + wasmName, "br;q=0", 200, "application/wasm", "", "public, max-age=31536000, immutable"},
		{"/" + wasmName, "", 200, "application/wasm", "", "public, max-age=31536000, immutable"},
		{"/embed.html", "br", 200, "text/html; charset=utf-8", "", "no-cache"},
		{"/../../etc/passwd", "", 404, "", "", ""},
		{"/nothing.js", "", 404, "", "", ""},
	} {
		req, _ := http.NewRequest("GET", srv.URL+tc.path, nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		tr := &http.Transport{DisableCompression: true}
		res, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, res.StatusCode, tc.status)
			continue
		}
		if tc.status != 200 {
			continue
		}
		h := res.Header
		if h.Get("Content-Type") != tc.ctype || h.Get("Content-Encoding") != tc.encoding || h.Get("Cache-Control") != tc.cache {
			t.Errorf("%s (Accept-Encoding %q): type %q encoding %q cache %q; want %q %q %q", tc.path, tc.accept,
				h.Get("Content-Type"), h.Get("Content-Encoding"), h.Get("Cache-Control"), tc.ctype, tc.encoding, tc.cache)
		}
		if h.Get("Content-Security-Policy") != ContentSecurityPolicy {
			t.Errorf("%s: no Content-Security-Policy", tc.path)
		}
	}
	res, err := http.Post(srv.URL+"/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", res.StatusCode)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	for _, tc := range []struct {
		header, token string
		want          bool
	}{
		{"br", "br", true},
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip", "br", false},
		{"br;q=0", "br", false},
		{"br; q=0.0", "br", false},
		{"br;q=0.5", "br", true},
		{"BR;q=1", "br", true},
		{"", "gzip", false},
	} {
		if got := acceptsEncoding(tc.header, tc.token); got != tc.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tc.header, tc.token, got, tc.want)
		}
	}
}
