//go:build js

package journey

import (
	"errors"
	"io"
)

// WriteHTML is not available in the js/wasm build, which leaves
// html/template out (see summary_html.go): it returns an error. The
// <civic-journey> widget renders the summary itself.
func (s *Summary) WriteHTML(w io.Writer) error {
	return errors.New("journey: WriteHTML is not in the js/wasm build")
}
