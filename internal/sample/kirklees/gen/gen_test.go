package main

import (
	"bytes"
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
