package content

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func newServer(t testing.TB, h http.Handler) string {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}
