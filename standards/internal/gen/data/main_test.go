package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGenerated checks that standards/data_gen.go matches the lists in
// standards/data: edit a list, then run go generate.
func TestGenerated(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	want, err := Generate(filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "data_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("standards/data_gen.go is stale: run go generate ./standards")
	}
}
