package content

import "github.com/civickit/civickit/internal/safe"

func safeQuote(s string) string { return safe.Quote(s) }
