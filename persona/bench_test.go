package persona

import (
	"context"
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
		if _, err := ReadSurveyCSV(strings.NewReader(string(raw)), SurveyOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	s := readSurveyFile(b, "survey69.csv")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), s, Options{Seed: 1, Replicates: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGowerPAM(b *testing.B) {
	s := readSurveyFile(b, "survey69.csv")
	enc := s.Encode()
	b.ReportAllocs()
	for b.Loop() {
		d, err := Gower(context.Background(), enc.Numeric, enc.Weights, enc.Categorical)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := (PAM{K: 4}).Fit(context.Background(), d); err != nil {
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
		if _, err := (KPrototypes{K: 4, Seed: 1, Workers: 1}).Fit(context.Background(), x, enc.Categorical); err != nil {
			b.Fatal(err)
		}
	}
}
