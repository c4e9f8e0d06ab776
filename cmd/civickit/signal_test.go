package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// child returns a command that runs civickit (this test binary) with args.
func child(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "CIVICKIT_TEST_MAIN=1")
	return c
}

// TestInterrupt sends SIGINT to a running civickit and checks that it
// stops within the grace period plus a margin, exits 130, and writes
// nothing to standard output. The command is blocked reading a pipe that
// never closes, the hardest case: only the grace timer can end it.
func TestInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT on Windows")
	}
	c := child(t, "check", "-")
	c.Env = append(c.Env, "CIVICKIT_TEST_READY=1")
	stdin, err := c.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	outFile := filepath.Join(t.TempDir(), "out.txt")
	out, err := os.Create(outFile)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	var errb bytes.Buffer
	c.Stdout = out
	errPipe, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the signal handler is in place (a loaded machine can take
	// seconds to start a race-instrumented binary), then keep reading.
	br := bufio.NewReader(errPipe)
	if line, err := br.ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("child did not report ready: %q %v", line, err)
	}
	copied := make(chan struct{})
	go func() { io.Copy(&errb, br); close(copied) }()
	if _, err := stdin.Write([]byte("Some text that is being typed when Ctrl-C comes.\n")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // let it start reading
	start := time.Now()
	if err := c.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	<-copied
	err = c.Wait()
	took := time.Since(start)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("exit: %v, want status %d; stderr:\n%s", err, exitInterrupted, errb.String())
	}
	if took > interruptGrace+2*time.Second {
		t.Errorf("stopped %v after SIGINT, want about %v", took, interruptGrace)
	}
	if b, _ := os.ReadFile(outFile); len(b) != 0 {
		t.Errorf("partial output after interrupt: %q", b)
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr does not say interrupted:\n%s", errb.String())
	}
}

// TestWriteFailure checks that output that cannot be written (here to
// /dev/full, a full disk) is an error with status 2, for a text, a JSON and
// an export command.
func TestWriteFailure(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full:", err)
	}
	defer full.Close()
	sample := filepath.Join("..", "..", "civic", "network", "testdata", "karate.edges.csv")
	for _, args := range [][]string{
		{"check", "--fail-on", "never", "-"},
		{"check", "--format", "json", "-"},
		{"network", "metrics", sample},
		{"network", "export", "--to", "graphml", sample},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			c := child(t, args...)
			c.Stdin = strings.NewReader("We will utilise the facility in order to commence the works.\n")
			var errb bytes.Buffer
			c.Stdout, c.Stderr = full, &errb
			err := c.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 2 {
				t.Fatalf("exit: %v, want status 2; stderr:\n%s", err, errb.String())
			}
			if !strings.Contains(errb.String(), "writing output") {
				t.Errorf("stderr does not name the write failure:\n%s", errb.String())
			}
		})
	}
}
