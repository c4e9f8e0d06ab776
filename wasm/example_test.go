package wasm_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/civickit/civickit/wasm"
)

// Handler serves a built widgets folder: the module as application/wasm
// (which streaming compilation needs), a file whose name carries its
// hash cached for ever, and every response under the widgets' policy.
func ExampleHandler() {
	dir, err := os.MkdirTemp("", "widgets")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	// in a real folder, written by wasm.Build
	for name, body := range map[string]string{"civickit.js": "export {};", "readability.1a2b3c4d5e.wasm": "\x00asm"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			fmt.Println(err)
			return
		}
	}
	srv := httptest.NewServer(wasm.Handler(dir))
	defer srv.Close()
	for _, name := range []string{"civickit.js", "readability.1a2b3c4d5e.wasm", "missing.js"} {
		res, err := http.Get(srv.URL + "/" + name)
		if err != nil {
			fmt.Println(err)
			return
		}
		res.Body.Close()
		fmt.Printf("%s %d %q %q policy %v\n", name, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"),
			res.Header.Get("Content-Security-Policy") == wasm.ContentSecurityPolicy)
	}
	// Output:
	// civickit.js 200 "text/javascript; charset=utf-8" "no-cache" policy true
	// readability.1a2b3c4d5e.wasm 200 "application/wasm" "public, max-age=31536000, immutable" policy true
	// missing.js 404 "text/plain; charset=utf-8" "" policy false
}
