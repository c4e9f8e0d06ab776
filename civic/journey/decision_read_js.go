//go:build js

package journey

import (
	"errors"
	"io"
)

// ReadDecisionsJSON reads decisions from JSON: one decision object, or an
// array of them, with the fields of [Decision]. In the js/wasm build it
// is the hand-written reader (decision_decode.go), which accepts the same
// documents as the encoding/json reader of other builds and reads the
// same decisions, without linking encoding/json and reflect.
func ReadDecisionsJSON(r io.Reader, opt ReadOptions) ([]*Decision, error) {
	return decodeDecisionsJSON(r, opt)
}

// ReadCouncilJSON is not available in the js/wasm build, which leaves
// encoding/json out: it returns an error. The journey widget uses the
// decision's own council profile.
func ReadCouncilJSON(r io.Reader, opt ReadOptions) (Council, error) {
	return Council{}, errors.New("journey: ReadCouncilJSON is not in the js/wasm build")
}

// WriteJSON is not available in the js/wasm build, which leaves
// encoding/json out: it returns an error.
func (d *Decision) WriteJSON(w io.Writer) error {
	return errors.New("journey: Decision.WriteJSON is not in the js/wasm build")
}

// WriteJSON writes the summary as indented JSON, byte for byte what the
// encoding/json writer of other builds writes.
func (s *Summary) WriteJSON(w io.Writer) error {
	_, err := w.Write(s.appendJSON(nil))
	return err
}

// ReadDecisionsCSV is not available in the js/wasm build, which leaves
// encoding/csv and internal/table out: it returns an error.
func ReadDecisionsCSV(r io.Reader, opt CSVOptions) ([]*Decision, error) {
	return nil, errors.New("journey: ReadDecisionsCSV is not in the js/wasm build")
}
