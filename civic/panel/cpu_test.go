//go:build unix

package panel

import (
	"syscall"
	"time"
)

// cpuSplit returns the CPU time of this process and of its finished
// children (the cbc runs) apart.
func cpuSplit() (self, children time.Duration) {
	var s, k syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &s)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &k)
	d := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return d(s.Utime) + d(s.Stime), d(k.Utime) + d(k.Stime)
}

// cpuTime returns the CPU time (user and system) of this process and its
// finished children (the cbc runs).
func cpuTime() time.Duration {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	d := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return d(self.Utime) + d(self.Stime) + d(kids.Utime) + d(kids.Stime)
}
