package network

import (
	"context"
	"os"
	"path/filepath"
)

// bg is the context of tests that do not cancel.
var bg = context.Background()

// must returns v, panicking on err: for tests that do not expect one.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// must2 is must for two values.
func must2[T, U any](v T, w U, err error) (T, U) {
	if err != nil {
		panic(err)
	}
	return v, w
}

// sampleFile reads a file of the sample ward network.
func sampleFile(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", "sample", name))
}
