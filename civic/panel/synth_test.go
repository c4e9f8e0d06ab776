package panel

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the synthetic pools and quotas in testdata")

// synthFeature is one feature of a synthetic pool: its values with their
// share of the population (for quotas) and of the people who volunteer.
// Volunteers skew as sign-ups do in the Sortition Foundation's published
// recruitment reports: older, more confident online, already engaged.
type synthFeature struct {
	name   string
	values []string
	census []float64 // share of the area's residents (quotas follow it)
	pool   []float64 // share among volunteers
	quota  bool      // the quotas stratify on it
}

// synthFeatures has seven features; the first n quota features are used.
var synthFeatures = []synthFeature{
	{"age", []string{"16-29", "30-44", "45-64", "65+"}, []float64{.22, .25, .32, .21}, []float64{.11, .21, .38, .30}, true},
	{"gender", []string{"man", "non-binary", "woman"}, []float64{.48, .01, .51}, []float64{.42, .02, .56}, true},
	{"ethnicity", []string{"asian", "black", "mixed", "other", "white"}, []float64{.09, .04, .03, .02, .82}, []float64{.05, .02, .03, .01, .89}, true},
	{"disability", []string{"no", "yes"}, []float64{.82, .18}, []float64{.77, .23}, true},
	{"digital", []string{"high", "low", "medium"}, []float64{.30, .25, .45}, []float64{.52, .09, .39}, true},
	{"knowledge", []string{"good", "none", "some"}, []float64{.15, .50, .35}, []float64{.36, .24, .40}, true},
	{"engagement", []string{"never", "once", "often"}, []float64{.6, .25, .15}, []float64{.38, .34, .28}, true},
}

// synthPool writes a pool of n volunteers with the first f quota
// features, a ward and households (about one volunteer in twenty shares a
// household with another), deterministically from seed. Digital
// confidence leans on age, as surveys of councils' residents find.
func synthPool(n, f int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 17))
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	head := []string{"id", "household", "ward"}
	for _, sf := range synthFeatures[:f] {
		head = append(head, sf.name)
	}
	w.Write(head)
	pick := func(p []float64) int {
		u := r.Float64()
		for i, x := range p {
			if u < x {
				return i
			}
			u -= x
		}
		return len(p) - 1
	}
	house := 0
	for i := 0; i < n; i++ {
		var h string
		if i > 0 && r.Float64() < 0.05 {
			h = "H" + strconv.Itoa(house) // shares with the previous volunteer
		} else {
			house++
			h = "H" + strconv.Itoa(house)
		}
		rec := []string{fmt.Sprintf("V%05d", i+1), h, "W" + strconv.Itoa(1+r.IntN(8))}
		age := -1
		for _, sf := range synthFeatures[:f] {
			p := sf.pool
			if sf.name == "digital" && age >= 0 {
				shift := []float64{.15, .05, -.05, -.15}[age]
				p = []float64{p[0] + shift, math.Max(.02, p[1]-shift), 0}
				p[2] = math.Max(0, 1-p[0]-p[1])
			}
			v := pick(p)
			if sf.name == "age" {
				age = v
			}
			rec = append(rec, sf.values[v])
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// synthQuotas writes quotas for a panel of k on the first f features:
// each value's census share of k, rounded down less one to rounded up
// plus one, as councils' quotas usually allow.
func synthQuotas(k, f int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "size: %d\nfeatures:\n", k)
	for _, sf := range synthFeatures[:f] {
		fmt.Fprintf(&b, "  %s:\n", sf.name)
		for i, v := range sf.values {
			x := sf.census[i] * float64(k)
			lo := max(0, int(math.Floor(x))-1)
			hi := int(math.Ceil(x)) + 1
			fmt.Fprintf(&b, "    %q: {min: %d, max: %d}\n", v, lo, hi)
		}
	}
	return b.Bytes()
}

// synthCases are the committed example shapes: pools of 1,000 to 2,000
// with 5 to 7 features and panels of 30 to 40.
var synthCases = []struct {
	name    string
	n, f, k int
	seed    uint64
}{
	{"pool-1000-f5", 1000, 5, 30, 1},
	{"pool-1500-f7", 1500, 7, 35, 2},
	{"pool-2000-f6", 2000, 6, 40, 3},
}

func TestSynthTestdata(t *testing.T) {
	for _, c := range synthCases {
		files := map[string][]byte{
			c.name + ".csv": synthPool(c.n, c.f, c.seed),
			c.name + "-k" + strconv.Itoa(c.k) + ".yaml": synthQuotas(c.k, c.f),
		}
		for name, want := range files {
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s is stale: run go test ./civic/panel -run TestSynthTestdata -update", path)
			}
		}
	}
}
