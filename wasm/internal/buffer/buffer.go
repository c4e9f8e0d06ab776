// Package buffer holds the two buffers through which a widget's
// WebAssembly module and its worker's JavaScript exchange bytes, instead
// of syscall/js (whose reflection-based calls, finalizers and map
// iteration cost about 20 KB brotli). The worker asks [In] for room,
// writes its input at the address it returns, calls the module's
// function, and reads the answer at [OutAddr]: [Out] and [Fail] put it
// there and return its encoded length, n >= 0 for a result of n bytes and
// n < 0 for an error message of -n-1 bytes. The worker must take fresh
// views of the memory after each call: the module may grow it.
package buffer

import "unsafe"

var (
	in, errOut, out []byte
)

// addr is p's address in the module's memory.
func addr(p []byte) int32 { return int32(uintptr(unsafe.Pointer(unsafe.SliceData(p)))) }

// In makes room for n bytes of input, reusing the buffer when it is big
// enough, and returns its address.
func In(n int32) int32 {
	if n < 0 {
		n = 0
	}
	if int(n) > cap(in) {
		in = make([]byte, n)
	}
	in = in[:n]
	return addr(in)
}

// Input returns the input buffer, which the next call of [In] reuses.
func Input() []byte { return in }

// OutAddr returns the address of the last result or error message.
func OutAddr() int32 { return addr(out) }

// Out makes b the result and returns its length.
func Out(b []byte) int32 {
	out = b
	return int32(len(out))
}

// Fail makes msg the error message and returns -len(msg)-1.
func Fail(msg string) int32 {
	errOut = append(errOut[:0], msg...)
	out = errOut
	return -int32(len(out)) - 1
}
