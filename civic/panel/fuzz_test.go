package panel

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
)

// FuzzReadPool checks that any input gives a pool or a *civic.ParseError,
// and that a pool read has unique, non-empty, pseudonymous-looking ids
// and one value per feature for every volunteer.
func FuzzReadPool(f *testing.F) {
	for _, name := range []string{"small.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\ufeffid,household,age\nV1,H1,16-29\nV2,H1,\"30,44\"\n"))
	f.Add([]byte("id,name\nx,y\n"))
	f.Add([]byte("id,a,a\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := ReadPool(bytes.NewReader(in), PoolOptions{File: "f.csv", MaxBytes: 1 << 16})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *civic.ParseError", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, v := range p.Volunteers {
			if v.ID == "" || seen[v.ID] || strings.Contains(v.ID, "@") {
				t.Fatalf("bad id %q", v.ID)
			}
			seen[v.ID] = true
			if len(v.Values) != len(p.Features) {
				t.Fatalf("volunteer %q has %d values for %d features", v.ID, len(v.Values), len(p.Features))
			}
		}
		for _, name := range p.Features {
			if name == "id" || personalColumns[name] {
				t.Fatalf("feature %q should not be one", name)
			}
		}
	})
}

// FuzzReadQuotas checks that any input gives quotas or a
// *civic.ParseError, and that quotas read have every minimum at most its
// maximum, positive weights and non-negative sizes.
func FuzzReadQuotas(f *testing.F) {
	for _, name := range []string{"small.yaml", "pool-1000-f5-k30.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"size": 6, "features": {"age": {"16-29": {"min": 1, "max": 2}}}, "task": {"prefer": [{"feature": "e", "values": ["never"], "weight": 2}]}}`))
	f.Add([]byte("a: &a [*a, *a]\nfeatures: *a\n"))
	f.Add([]byte("features:\n  age:\n    x: {min: 0x10, max: 1e3}\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		q, err := ReadQuotas(bytes.NewReader(in), QuotaOptions{File: "q.yaml", MaxBytes: 1 << 16})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *civic.ParseError", err, err)
			}
			return
		}
		if q.Size < 0 || q.Reserves < 0 {
			t.Fatalf("negative size %d or reserves %d", q.Size, q.Reserves)
		}
		for f, vals := range q.Features {
			for v, r := range vals {
				if r.Min < 0 || r.Min > r.Max {
					t.Fatalf("%s %s: bad range %+v", f, v, r)
				}
			}
		}
		if q.Task != nil {
			for _, p := range q.Task.Prefer {
				if !(p.Weight > 0 && p.Weight <= 100) {
					t.Fatalf("bad weight %v", p.Weight)
				}
			}
		}
	})
}
