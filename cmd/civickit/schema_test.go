package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/schema"
)

// TestOutputsConform runs every command that prints JSON and validates its
// output against the schema it promises.
func TestOutputsConform(t *testing.T) {
	sample := filepath.Join("..", "..", "internal", "sample")
	nodes := filepath.Join(sample, "network", "nodes.csv")
	edges := filepath.Join(sample, "network", "edges.csv")
	decision := filepath.Join("..", "..", "civic", "journey", "testdata", "library-decision.json")
	content, err := filepath.Glob(filepath.Join(sample, "content", "*"))
	if err != nil || len(content) < 2 {
		t.Fatalf("sample content: %v", err)
	}
	tests := []struct {
		schema string
		args   []string
	}{
		{"network", []string{"network", "export", "--to", "json", "--nodes", nodes, edges}},
		{"network-metrics", []string{"network", "metrics", "--format", "json", "--nodes", nodes, edges}},
		{"ward", []string{"network", "ward", "--format", "json", "--nodes", nodes, "--ward", "E05990001", edges}},
		{"journey-summary", []string{"journey", "show", "--format", "json", decision}},
		{"deadlines", []string{"journey", "deadlines", "--format", "json", "--meeting", "2026-04-07", "--decision-published", "2026-04-09"}},
		{"decision", []string{"journey", "advance", "--stage", "decided", "--date", "2026-03-10", decision}},
		{"compose-result", []string{"compose", "--format", "json", "--channels", "x,mastodon", decision}},
		{"scorecard", []string{"check", "--format", "json", "--fail-on", "never", content[0]}},
		{"scorecards", append([]string{"check", "--format", "json", "--fail-on", "never"}, content...)},
		{"persona-report", []string{"personas", "--format", "json", filepath.Join(sample, "survey", "survey69.csv")}},
		{"pilot-report", []string{"pilots", "--format", "json", filepath.Join(sample, "survey", "pilots.csv")}},
	}
	for _, tc := range tests {
		t.Run(tc.schema+" "+strings.Join(tc.args[:2], " "), func(t *testing.T) {
			out, stderr, code := runCLI(t, "", tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if err := schema.Validate(tc.schema, []byte(out), "output"); err != nil {
				t.Errorf("output does not conform:\n%v", err)
			}
		})
	}
}

// TestSchemaCommands checks the listing, printing, writing and validate
// commands end to end.
func TestSchemaCommands(t *testing.T) {
	out, _, code := runCLI(t, "", "schema")
	if code != 0 || !strings.Contains(out, "decision ") || !strings.Contains(out, "network-metrics") {
		t.Fatalf("schema list: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "schema", "area")
	if code != 0 || !strings.Contains(out, `"$id": "https://civickit.github.io/schema/v1/area.json"`) {
		t.Fatalf("schema area: exit %d\n%s", code, out)
	}
	_, stderr, code := runCLI(t, "", "schema", "nope")
	if code != 2 || !strings.Contains(stderr, "known:") {
		t.Fatalf("unknown schema: exit %d\n%s", code, stderr)
	}
	dir := t.TempDir()
	_, _, code = runCLI(t, "", "schema", "--out", dir)
	ents, _ := os.ReadDir(dir)
	if code != 0 || len(ents) != len(schema.List()) {
		t.Fatalf("schema --out: exit %d, %d files", code, len(ents))
	}
	valid := filepath.Join("..", "..", "schema", "testdata", "valid", "area.json")
	invalid := filepath.Join("..", "..", "schema", "testdata", "invalid", "area.json")
	out, _, code = runCLI(t, "", "validate", "--schema", "area", valid)
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), ": ok") {
		t.Fatalf("validate valid: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "validate", "--schema", "area", invalid)
	if code != 1 || !strings.Contains(out, "area.json:4:10: /gss: ") {
		t.Fatalf("validate invalid: exit %d\n%s", code, out)
	}
	_, _, code = runCLI(t, "{\"id\": ", "validate", "--schema", "area", "-")
	if code != 2 {
		t.Fatalf("validate broken JSON: exit %d", code)
	}
	_, _, code = runCLI(t, "", "validate", "--schema", "nope", valid)
	if code != 2 {
		t.Fatalf("validate unknown schema: exit %d", code)
	}
}
