package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test scripts run civickit in-process as a command.
// With CIVICKIT_TEST_MAIN=1 the test binary is civickit itself, so tests
// can start it as a child process and send it signals.
func TestMain(m *testing.M) {
	if os.Getenv("CIVICKIT_TEST_MAIN") == "1" {
		var ready func()
		if os.Getenv("CIVICKIT_TEST_READY") == "1" {
			ready = func() { os.Stderr.WriteString("ready\n") }
		}
		os.Exit(mainExit(os.Stdin, os.Stdout, os.Stderr, os.Args[1:], ready))
	}
	testscript.Main(m, map[string]func(){
		"civickit": func() {
			os.Exit(mainExit(os.Stdin, os.Stdout, os.Stderr, os.Args[1:], nil))
		},
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script: each is a
// txtar archive of commands, input files and expected output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}

// TestExitCodes checks the documented exit statuses: 0 clean, 1 findings at
// or above --fail-on, 2 usage or input error.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	clean := write("clean.txt", "You can tell us what you think until 5 May.")
	wordy := write("wordy.txt", "You can utilise the form to tell us what you think until 5 May.")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"help"}, 0},
		{"command help", []string{"check", "-h"}, 0},
		{"help for a command", []string{"help", "check"}, 0},
		{"no arguments", nil, 2},
		{"unknown command", []string{"nope"}, 2},
		{"clean", []string{"check", clean}, 0},
		{"warnings below fail-on", []string{"check", wordy}, 0},
		{"warnings at fail-on", []string{"check", "--fail-on", "warning", wordy}, 1},
		{"never fails", []string{"check", "--fail-on", "never", wordy}, 0},
		{"missing file", []string{"check", dir + "/nosuch.txt"}, 2},
		{"bad flag", []string{"check", "--nope", clean}, 2},
		{"bad fail-on", []string{"check", "--fail-on", "sometimes", clean}, 2},
		{"bad preset", []string{"check", "--preset", "nope", clean}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			got := run(context.Background(), &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, tc.args)
			if got != tc.want {
				t.Errorf("civickit %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tc.args, " "), got, tc.want, out.String(), errOut.String())
			}
		})
	}
}

// runCLI runs civickit in-process with args and returns its standard
// output, standard error and exit status.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}, args)
	return out.String(), errb.String(), code
}
