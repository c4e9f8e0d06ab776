package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
)

// The CLI runs in-process as it runs from a shell: here a content check
// of standard input, which fails on a warning.
func Example() {
	var out bytes.Buffer
	code := run(context.Background(), &Env{Stdin: strings.NewReader("Please click here."), Stdout: &out, Stderr: os.Stderr},
		[]string{"check", "--format", "json", "--fail-on", "warning", "-"})
	fmt.Println("exit status", code, strings.Contains(out.String(), `"rule": "link-text"`))
	// Output:
	// exit status 1 true
}
