package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestUpToDate regenerates the sample in memory and compares it with the
// committed files.
func TestUpToDate(t *testing.T) {
	files, err := Generate(Seed)
	if err != nil {
		t.Fatal(err)
	}
	if diffs := Stale("..", files); len(diffs) > 0 {
		t.Fatalf("internal/sample/kirklees is stale; run go generate ./internal/sample/kirklees\n%v", diffs)
	}
}

// TestDeterministic checks that the same seed gives the same bytes and
// another seed different ones.
func TestDeterministic(t *testing.T) {
	a, err := Generate(7)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(7)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files then %d", len(a), len(b))
	}
	for name, x := range a {
		if !bytes.Equal(x, b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	c, err := Generate(8)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a["network/edges.csv"], c["network/edges.csv"]) {
		t.Error("seeds 7 and 8 give the same network")
	}
}

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(Seed); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNoRealSurnames checks that no councillor bears the surname of a
// real Kirklees councillor or candidate on the generator's list, and that
// no two share a name.
func TestNoRealSurnames(t *testing.T) {
	w, err := build(Seed)
	if err != nil {
		t.Fatal(err)
	}
	real := map[string]bool{}
	for _, s := range realSurnames {
		real[strings.ToLower(s)] = true
	}
	seen := map[string]bool{}
	for _, c := range w.councillors {
		if real[strings.ToLower(c.Last)] {
			t.Errorf("%s has a real councillor's surname", c.Name())
		}
		if seen[c.Name()] {
			t.Errorf("two councillors named %s", c.Name())
		}
		seen[c.Name()] = true
	}
	if len(w.councillors) != 69 {
		t.Errorf("%d councillors, want 69", len(w.councillors))
	}
}
