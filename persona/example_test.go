package persona_test

import (
	"context"
	"fmt"
	"os"

	"github.com/civickit/civickit/persona"
)

func ExampleKMeans() {
	x, _ := persona.NewMatrix([][]float64{{1, 1}, {1.5, 2}, {1, 2}, {8, 8}, {9, 8.5}, {8.5, 9}})
	res, err := persona.KMeans{K: 2, Seed: 1}.Fit(context.Background(), x)
	if err != nil {
		panic(err)
	}
	s, _ := persona.Silhouette(x, res.Labels)
	fmt.Println(res.Labels[0] == res.Labels[2], res.Labels[0] != res.Labels[3], res.Sizes[0]+res.Sizes[1])
	// scikit-learn silhouette_score gives 0.9073912027293113 for these labels.
	fmt.Printf("silhouette %.3f\n", s)
	// Output:
	// true true 6
	// silhouette 0.907
}

func ExampleBuild() {
	f, err := os.Open("testdata/survey69.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s, err := persona.ReadSurveyCSV(f, persona.SurveyOptions{})
	if err != nil {
		panic(err)
	}
	rep, err := persona.Build(context.Background(), s, persona.Options{Seed: 1})
	if err != nil {
		panic(err)
	}
	for _, p := range rep.Personas {
		fmt.Printf("%s: %d respondents, first option %q\n", p.Name, p.Respondents, p.Learning[0].Option.Title)
	}
	// Output:
	// The Reluctant Starter: 16 respondents, first option "Café-style social media surgeries"
	// The Curious Explorer: 20 respondents, first option "Post templates"
	// The Practising Communicator: 20 respondents, first option "Get-togethers with digitally active citizens"
	// The Digital Champion: 13 respondents, first option "Online ideas boards"
}
