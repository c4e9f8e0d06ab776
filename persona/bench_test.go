package persona

import (
	"os"
	"strings"
	"testing"
)

func BenchmarkReadCSV(b *testing.B) {
	raw, err := os.ReadFile("testdata/survey69.csv")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(strings.NewReader(string(raw)), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	s := readSurveyFile(b, "survey69.csv")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(s, Options{Seed: 1, Replicates: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGowerPAM(b *testing.B) {
	s := readSurveyFile(b, "survey69.csv")
	enc := s.Encode()
	b.ReportAllocs()
	for b.Loop() {
		d, err := Gower(enc.Numeric, enc.Weights, enc.Categorical)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := (PAM{K: 4}).Fit(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKPrototypes(b *testing.B) {
	s := readSurveyFile(b, "survey69.csv")
	enc := s.Encode()
	x := enc.Imputed()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (KPrototypes{K: 4, Seed: 1, Workers: 1}).Fit(x, enc.Categorical); err != nil {
			b.Fatal(err)
		}
	}
}
