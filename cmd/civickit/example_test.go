package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
)

// The CLI runs in-process as it runs from a shell: here the first lines
// of the demo's text tour, and a content check of standard input.
func Example() {
	var out bytes.Buffer
	run(context.Background(), &Env{Stdout: &out, Stderr: os.Stderr}, []string{"demo"})
	first, _, _ := strings.Cut(out.String(), "\n")
	fmt.Println(first)

	out.Reset()
	code := run(context.Background(), &Env{Stdin: strings.NewReader("Please click here."), Stdout: &out, Stderr: os.Stderr},
		[]string{"check", "--format", "json", "--fail-on", "warning", "-"})
	fmt.Println("exit status", code, strings.Contains(out.String(), `"rule": "link-text"`))
	// Output:
	// civickit demo: Kirklees Council (a sample council)
	// exit status 1 true
}
