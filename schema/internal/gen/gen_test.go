package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestUpToDate regenerates the schemas in memory and fails when the
// committed files in schema/v1 differ: a Go type or doc comment changed
// without "go generate ./schema".
func TestUpToDate(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "schema", "v1")
	for name, want := range files {
		path := filepath.Join(dir, name)
		if name == "README.md" {
			path = filepath.Join(dir, "..", name)
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("schema/v1/%s is stale: run go generate ./schema", name)
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if _, ok := files[e.Name()]; !ok || e.Name() == "README.md" {
			t.Errorf("schema/v1/%s is no longer generated: remove it (a removed document is a breaking change within v1)", e.Name())
		}
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct{ in, field, want string }{
		{"ID is the stable identifier of the person.", "ID", "The stable identifier of the person."},
		{"Accounts are the person's [Account] values.", "Accounts", "The person's Account values."},
		{"ParentID identifies the parent.", "ParentID", "Identifies the parent."},
		{"Area is a geographic area.", "Area", "A geographic area."},
		{"whatever it\nis", "X", "whatever it is"},
		{"", "X", ""},
	}
	for _, tc := range tests {
		if got := describe(tc.in, tc.field); got != tc.want {
			t.Errorf("describe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
