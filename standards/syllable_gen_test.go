package standards

import (
	"bufio"
	"flag"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var (
	cmudictFlag = flag.String("syllables.cmudict", "", "word<TAB>counts file made by testdata/syllables/measure.sh from CMUdict")
	errorsFlag  = flag.Int("syllables.errors", 0, "print this many words the rules miscount")
)

// cmuEntry is a CMUdict word and the syllable counts of its pronunciations,
// first pronunciation first.
type cmuEntry struct {
	word   string
	counts []int
}

func readCMU(t testing.TB, path string) []cmuEntry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []cmuEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		word, list, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", path, line)
		}
		var e cmuEntry
		e.word = word
		for _, c := range strings.Split(list, ",") {
			n, err := strconv.Atoi(c)
			if err != nil {
				t.Fatalf("%s: bad line %q", path, line)
			}
			e.counts = append(e.counts, n)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSyllableRulesCMUdict(t *testing.T) {
	if *cmudictFlag == "" {
		t.Skip("no -syllables.cmudict file")
	}
	dict := readCMU(t, *cmudictFlag)
	ok := 0
	type miss struct {
		w         string
		got, want int
	}
	var misses []miss
	for _, e := range dict {
		got := ruleSyllables([]byte(e.word))
		if got == e.counts[0] {
			ok++
		} else {
			misses = append(misses, miss{e.word, got, e.counts[0]})
		}
	}
	t.Logf("rules alone: %d/%d = %.2f%%", ok, len(dict), 100*float64(ok)/float64(len(dict)))
	if *errorsFlag > 0 {
		step := len(misses) / *errorsFlag
		if step < 1 {
			step = 1
		}
		var b strings.Builder
		for i := 0; i < len(misses); i += step {
			m := misses[i]
			b.WriteString(m.w + " " + strconv.Itoa(m.got) + " want " + strconv.Itoa(m.want) + "\n")
		}
		t.Log("\n" + b.String())
		// error patterns by word ending
		tails := map[string][2]int{}
		for _, m := range misses {
			for _, l := range []int{2, 3} {
				if len(m.w) > l {
					k := m.w[len(m.w)-l:]
					v := tails[k]
					if m.got > m.want {
						v[0]++
					} else {
						v[1]++
					}
					tails[k] = v
				}
			}
		}
		keys := make([]string, 0, len(tails))
		for k := range tails {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, b := tails[keys[i]], tails[keys[j]]
			return a[0]+a[1] > b[0]+b[1]
		})
		b.Reset()
		for _, k := range keys[:60] {
			b.WriteString(k + " over " + strconv.Itoa(tails[k][0]) + " under " + strconv.Itoa(tails[k][1]) + "\n")
		}
		t.Log("\n" + b.String())
	}
}
