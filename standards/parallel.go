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

// fastPaths tells whether this build carries the tables that only speed
// up the word-list rules on a large page: each phrase set's marks on the
// words that start its phrases, and its table of their first two words.
// The browser build, which scores a page being written, leaves them out:
// they would add more to the download than they save it.
const fastPaths = true
