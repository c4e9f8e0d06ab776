//go:build js && wasm

package standards

// parallelBuild tells whether this build may split a check across
// goroutines: not in the browser, where WebAssembly has one thread and
// the code would only add to the download.
const parallelBuild = false

func parallel() bool { return false }
