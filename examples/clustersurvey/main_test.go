package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/civickit/civickit/persona"
)

// TestRun runs the example on the sample survey and checks that it
// prints every persona the library builds from it.
func TestRun(t *testing.T) {
	const file = "../../persona/testdata/survey69.csv"
	var out strings.Builder
	if err := run(context.Background(), &out, file); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := persona.ReadSurveyCSV(f, persona.SurveyOptions{File: file})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := persona.Build(context.Background(), s, persona.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Personas) < 2 {
		t.Fatalf("%d personas from the sample survey", len(rep.Personas))
	}
	for _, p := range rep.Personas {
		if !strings.Contains(out.String(), p.Name+" ("+string(p.Stage)+" stage") {
			t.Errorf("output lacks persona %q:\n%s", p.Name, out.String())
		}
	}
	if err := run(context.Background(), &out, "no-such-file.csv"); err == nil {
		t.Error("a missing file is not an error")
	}
}
