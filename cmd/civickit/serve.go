package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// serveUntilDone listens on addr, says so on standard error (announce is
// a format with one %s for the address it got), and serves srv until ctx
// ends, then shuts it down within half a second. It returns ctx.Err()
// after an interrupt, or the server's own error.
func serveUntilDone(ctx context.Context, env *Env, srv *http.Server, addr, announce string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, announce+"\n", ln.Addr().String())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		srv.Shutdown(sctx)
		return ctx.Err()
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}
