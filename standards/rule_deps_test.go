package standards

import (
	"os/exec"
	"strings"
	"testing"
)

// TestScoringPathDependencies keeps the scoring path small enough for the
// browser: compiled for js/wasm, package standards must not import
// regexp, encoding/json or fmt (about 280 KB brotli together) nor the
// snowball stemmer (about 165 KB), which belong in package config.
func TestScoringPathDependencies(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not available")
	}
	cmd := exec.Command(gobin, "list", "-deps", ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 2 {
		t.Fatalf("go list -deps listed %d packages", len(deps))
	}
	for _, d := range deps {
		switch {
		case d == "regexp", d == "encoding/json", d == "fmt",
			strings.HasPrefix(d, "github.com/kljensen/snowball"), strings.HasPrefix(d, "gopkg.in/yaml"),
			strings.HasPrefix(d, "go.yaml.in/yaml"):
			t.Errorf("the scoring path imports %s", d)
		}
	}
}
