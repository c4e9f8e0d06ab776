// Command gen writes the Kirklees-scale sample council in
// internal/sample/kirklees from a fixed seed. Run it from the repository
// root or from internal/sample/kirklees (go generate does the latter):
//
//	go run ./internal/sample/kirklees/gen
//
// It rewrites every generated file and removes generated files it no
// longer writes, so the folder always matches the generator. The same
// seed gives byte-identical files; the package's test regenerates them in
// memory and fails with "run go generate" when they are stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Seed is the seed of the committed data.
const Seed = 20261202

// generatedDirs are the folders whose every file the generator owns.
var generatedDirs = []string{"council", "network", "audit", "survey", "content", "decisions"}

func main() {
	out := flag.String("out", "", "the sample folder to write (default: found from the working directory)")
	seed := flag.Uint64("seed", Seed, "the random seed (the committed data uses the default)")
	check := flag.Bool("check", false, "write nothing; exit 1 when the folder is stale")
	flag.Parse()
	dir := *out
	if dir == "" {
		var err error
		if dir, err = findDir(); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(2)
		}
	}
	files, err := Generate(*seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	if *check {
		if diffs := Stale(dir, files); len(diffs) > 0 {
			fmt.Fprintln(os.Stderr, "gen: stale:", strings.Join(diffs, ", "))
			os.Exit(1)
		}
		return
	}
	if err := write(dir, files); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
}

// findDir finds internal/sample/kirklees from the working directory: the
// directory itself (go generate) or the repository root (go run).
func findDir() (string, error) {
	for _, d := range []string{".", filepath.Join("internal", "sample", "kirklees")} {
		if _, err := os.Stat(filepath.Join(d, "doc.go")); err == nil && filepath.Base(mustAbs(d)) == "kirklees" {
			return d, nil
		}
	}
	return "", fmt.Errorf("run from the repository root or internal/sample/kirklees, or pass -out")
}

func mustAbs(d string) string {
	a, err := filepath.Abs(d)
	if err != nil {
		return d
	}
	return a
}

// write writes files under dir and removes files in the generated folders
// that the generator no longer writes.
func write(dir string, files map[string][]byte) error {
	for _, name := range onDisk(dir) {
		if _, ok := files[name]; !ok {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				return err
			}
		}
	}
	for _, name := range sortedKeys(files) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// onDisk lists the files in the generated folders and README.md, as
// slash-separated paths relative to dir.
func onDisk(dir string) []string {
	var names []string
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err == nil {
		names = append(names, "README.md")
	}
	for _, g := range generatedDirs {
		_ = filepath.WalkDir(filepath.Join(dir, g), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			rel, err := filepath.Rel(dir, p)
			if err == nil {
				names = append(names, filepath.ToSlash(rel))
			}
			return nil
		})
	}
	slices.Sort(names)
	return names
}

// Stale lists the files that differ between dir and files: changed,
// missing or no longer generated.
func Stale(dir string, files map[string][]byte) []string {
	var diffs []string
	for _, name := range sortedKeys(files) {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		switch {
		case err != nil:
			diffs = append(diffs, name+" (missing)")
		case !bytes.Equal(old, files[name]):
			diffs = append(diffs, name+" (changed)")
		}
	}
	for _, name := range onDisk(dir) {
		if _, ok := files[name]; !ok {
			diffs = append(diffs, name+" (no longer generated)")
		}
	}
	return diffs
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
