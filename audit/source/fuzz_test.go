package source

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/civickit/civickit/audit"
)

// answer is a transport that answers every request with one body.
type answer []byte

func (a answer) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"text/xml"}}, Body: io.NopCloser(bytes.NewReader(a)), Request: r}, nil
}

// FuzzModernGov: any answer to the councillors-by-ward and committee calls
// is read or refused cleanly, and every actor read has an id, and a
// councillor a ward; a committee is always one of the council's.
func FuzzModernGov(f *testing.F) {
	for _, name := range []string{"testdata/moderngov/GetCouncillorsByWard.xml", "testdata/moderngov/GetCommittees.xml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<committees><committee><committeeid> </committeeid><committeetitle>\x00</committeetitle></committee></committees>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c := &Client{HTTP: &http.Client{Transport: answer(b)}, MaxRetries: -1}
		rec := newRecorder()
		err := (&ModernGov{Base: "https://democracy.example.gov.uk", Client: c, Committees: true}).Read(context.Background(), rec)
		if err != nil {
			return
		}
		for id, a := range rec.actors {
			if id == "" {
				t.Fatalf("an actor without an id: %+v", a)
			}
			if a.Kind == audit.KindCouncillor && a.Ward == "" {
				t.Fatalf("a councillor without a ward: %+v", a)
			}
			if strings.HasPrefix(id, "mg-committee-") && (a.Kind != audit.KindCouncilAccount || a.Label == "") {
				t.Fatalf("committee %+v", a)
			}
		}
	})
}
