package standards

import "strconv"

// itoa and quote keep fmt out of the scoring path, which ships to browsers.
func itoa(n int) string { return strconv.Itoa(n) }

func quote(s string) string { return strconv.Quote(s) }
