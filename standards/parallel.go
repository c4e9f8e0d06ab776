//go:build !(js && wasm)

package standards

import "runtime"

// parallelBuild tells whether this build may split a check across
// goroutines: not in the browser, where WebAssembly has one thread and
// the code would only add to the download.
const parallelBuild = true

// parallel reports whether a large check should run in two goroutines:
// with more than one CPU.
func parallel() bool { return runtime.GOMAXPROCS(0) > 1 }
