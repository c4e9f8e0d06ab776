//go:build linux

package main

import (
	"io"
	"os"
	"syscall"
)

// widenPipe asks the kernel for a pipe buffer of up to n bytes (within
// its limit, /proc/sys/fs/pipe-max-size, 1 MiB by default) when w is a
// pipe, so that a large output (the JSON of a long document's findings)
// goes to the reading process in a few large writes rather than in 64 KiB
// turns of the two processes. It does nothing to a file or a terminal,
// and a refusal changes nothing but speed.
func widenPipe(w io.Writer, n int) {
	f, ok := w.(*os.File)
	if !ok || n <= 64<<10 {
		return
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	const fSetPipeSize = 1031 // F_SETPIPE_SZ
	size := min(n, 1<<20)
	syscall.Syscall(syscall.SYS_FCNTL, f.Fd(), fSetPipeSize, uintptr(size))
}
