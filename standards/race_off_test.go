//go:build !race

package standards_test

// raceEnabled reports whether the race detector is on; the biggest inputs
// shrink under it, which runs such code about ten times slower.
const raceEnabled = false
