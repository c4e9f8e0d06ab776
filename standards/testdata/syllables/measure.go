//go:build ignore

// Measure prints how often standards.Syllables agrees with CMUdict on its
// lower-case alphabetic words. Its input is the word<TAB>counts file that
// measure.sh makes from the npm package cmu-pronouncing-dictionary: the
// syllables (phones with a stress digit) of each pronunciation, first
// pronunciation first.
//
//	go run measure.go cmudict.tsv
package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"

	"github.com/civickit/civickit/standards"
)

func main() {
	if len(os.Args) != 2 {
		os.Stderr.WriteString("usage: go run measure.go cmudict.tsv\n")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	defer f.Close()
	words, first, any := 0, 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		word, list, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(word, "#") {
			continue
		}
		got := standards.Syllables(word)
		words++
		for i, c := range strings.Split(list, ",") {
			if n, _ := strconv.Atoi(c); n == got {
				if i == 0 {
					first++
				}
				any++
				break
			}
		}
	}
	pct := func(n int) string {
		return strconv.FormatFloat(100*float64(n)/float64(words), 'f', 2, 64) + "%"
	}
	os.Stdout.WriteString("words:                     " + strconv.Itoa(words) + "\n")
	os.Stdout.WriteString("first pronunciation agrees: " + strconv.Itoa(first) + " (" + pct(first) + ")\n")
	os.Stdout.WriteString("any pronunciation agrees:   " + strconv.Itoa(any) + " (" + pct(any) + ")\n")
}
