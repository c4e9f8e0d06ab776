package wasm

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves a folder written by [Build]: each file with its MIME
// type (application/wasm for the module, which streaming compilation
// needs), its precompressed .br or .gz copy when the browser accepts
// it, the [ContentSecurityPolicy], and caching for ever for the files
// whose names carry their content's hash.
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		name = strings.TrimPrefix(name, "/")
		if name == "" {
			name = "index.html"
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if fi, err := os.Stat(file); err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		ctype := mime.TypeByExtension(path.Ext(name))
		switch path.Ext(name) {
		case ".wasm":
			ctype = "application/wasm"
		case ".js":
			ctype = "text/javascript; charset=utf-8"
		case ".html":
			ctype = "text/html; charset=utf-8"
		case ".css":
			ctype = "text/css; charset=utf-8"
		case ".json":
			ctype = "application/json"
		}
		if ctype != "" {
			h.Set("Content-Type", ctype)
		}
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Add("Vary", "Accept-Encoding")
		if isHashed(name) {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !acceptsEncoding(accept, enc.token) {
				continue
			}
			if _, err := os.Stat(file + enc.ext); err == nil {
				h.Set("Content-Encoding", enc.token)
				file += enc.ext
				break
			}
		}
		f, err := os.Open(file)
		if err != nil {
			http.Error(w, "cannot open file", http.StatusInternalServerError)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			http.Error(w, "cannot open file", http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, name, fi.ModTime(), f)
	})
}

// isHashed reports whether a name carries a content hash, as
// readability.1a2b3c4d5e.wasm does.
func isHashed(name string) bool {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	i := strings.LastIndexByte(base, '.')
	if i < 0 || len(base)-i-1 != 10 {
		return false
	}
	for _, c := range base[i+1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (q=0 refuses it).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return !strings.HasPrefix(params, "q=0") || strings.HasPrefix(params, "q=0.") && strings.Trim(params[4:], "0") != ""
	}
	return false
}
