package main

import (
	"flag"

	"github.com/civickit/civickit/internal/input"
)

// sizeFlag is a byte-size flag value: "64MiB", "1GB", "500000".
type sizeFlag int64

// String formats the size for the flag's help.
func (s *sizeFlag) String() string {
	if *s == 0 {
		return input.Size(input.DefaultMaxBytes)
	}
	return input.Size(int64(*s))
}

// Set parses a size.
func (s *sizeFlag) Set(v string) error {
	n, err := input.ParseSize(v)
	if err != nil {
		return err
	}
	*s = sizeFlag(n)
	return nil
}

// maxBytesFlag declares --max-bytes on fs, bound to v: the cap on each
// input file, so endless input (/dev/zero, a runaway pipe) stops with an
// error instead of exhausting memory. 0 means the default.
func maxBytesFlag(fs *flag.FlagSet, v *sizeFlag) {
	*v = 0
	fs.Var(v, "max-bytes", "refuse any input file larger than `SIZE` (e.g. 64MiB, 1GB)")
}
