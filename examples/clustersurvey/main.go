// Clustersurvey turns the councillors' digital-skills survey into
// anonymised personas — from reluctant to digital champion — each with
// the learning options that help it progress, as a council's member
// development officer would after the survey closes.
//
//	go run ./examples/clustersurvey [survey.csv]
//
// The file is a CSV in the survey header persona.ReadSurveyCSV documents;
// without an argument the example reads the 69-response survey in
// persona/testdata (run it from the repository's root).
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/civickit/civickit/persona"
)

func main() {
	file := "persona/testdata/survey69.csv"
	if len(os.Args) > 1 {
		file = os.Args[1]
	}
	if err := run(context.Background(), os.Stdout, file); err != nil {
		log.Fatal(err)
	}
}

// run clusters the survey in file and writes the personas to w.
func run(ctx context.Context, w io.Writer, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	survey, err := persona.ReadSurveyCSV(f, persona.SurveyOptions{File: file})
	if err != nil {
		return err // a *civic.ParseError naming the line and column
	}
	// The zero Options choose the number of personas and never make
	// one of fewer respondents than the privacy floor.
	rep, err := persona.Build(ctx, survey, persona.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d responses, %d personas\n", rep.Respondents, len(rep.Personas))
	for _, p := range rep.Personas {
		fmt.Fprintf(w, "\n%s (%s stage, %d respondents, %.0f%%)\n", p.Name, p.Stage, p.Respondents, 100*p.Share)
		fmt.Fprintf(w, "  next step: %s\n", p.Next)
		for i, l := range p.Learning {
			if i == 3 {
				break
			}
			fmt.Fprintf(w, "  learning option: %s\n", l.Option.Title)
		}
	}
	// rep.WriteHTML, WriteMarkdown and WriteJSON write the full report.
	return nil
}
