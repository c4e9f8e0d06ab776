package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/civickit/civickit/persona"
)

func TestPersonaMixOf(t *testing.T) {
	rep := &persona.Report{MinSize: 10, Personas: []persona.Persona{
		{Name: "Cautious starters", Stage: persona.Curious, Respondents: 12, Next: "Try a ward newsletter.",
			WantsToLearn: []persona.ShareFigure{{Item: "video", Share: 0.5}, {Item: "safety", Share: 0.4}},
			Learning:     []persona.Recommendation{{Option: persona.LearningOption{Title: "Buddy scheme"}}}},
		{Name: "Broadcasters", Stage: persona.Practising, Respondents: 20, WantsToLearn: []persona.ShareFigure{{Item: "video", Share: 0.3}}},
		{Name: "Reluctant", Stage: persona.Reluctant, Respondents: 11, WantsToLearn: []persona.ShareFigure{{Item: "safety", Share: 0.6}}},
		{Name: "Too small", Stage: persona.Champion, Respondents: 4, WantsToLearn: []persona.ShareFigure{{Item: "live", Share: 1}}},
	}}
	m, err := PersonaMixOf(rep)
	if err != nil {
		t.Fatal(err)
	}
	if m.Respondents != 43 || m.MinSize != 10 {
		t.Errorf("respondents %d, floor %d; want 43, 10", m.Respondents, m.MinSize)
	}
	var stages []string
	for _, s := range m.Stages {
		stages = append(stages, s.Stage)
		if s.Respondents < m.MinSize {
			t.Errorf("stage %s rests on %d respondents", s.Stage, s.Respondents)
		}
	}
	if strings.Join(stages, ",") != "reluctant,curious,practising" {
		t.Errorf("stages %v: want the order of progression, and no champion (its persona is under the floor)", stages)
	}
	if m.Stages[2].Share != 0.465 {
		t.Errorf("practising share %v, want 20/43 = 0.465", m.Stages[2].Share)
	}
	for _, p := range m.Personas {
		if p.Name == "Too small" {
			t.Error("a persona under the floor was shown")
		}
	}
	if len(m.Notes) != 1 {
		t.Errorf("notes %v: want one saying a persona was left out", m.Notes)
	}
	if len(m.LearningNeeds) != 2 || m.LearningNeeds[0].Topic != "video" || m.LearningNeeds[0].Respondents != 32 ||
		m.LearningNeeds[1].Topic != "safety" || m.LearningNeeds[1].Respondents != 23 {
		t.Errorf("learning needs %+v", m.LearningNeeds)
	}
	for _, n := range m.LearningNeeds {
		if n.Topic == "live" {
			t.Error("a topic wanted only by a persona under the floor was shown")
		}
	}
	if _, err := PersonaMixOf(&persona.Report{MinSize: 2}); err == nil {
		t.Error("a floor under persona.SafeMinSize was accepted")
	}
	if m, err := PersonaMixOf(&persona.Report{MinSize: 10}); err != nil || m.Respondents != 0 || len(m.Notes) != 1 || len(m.Stages) != 0 {
		t.Errorf("no personas: %+v, %v", m, err)
	}
}

// The overview joins the personas built from a real survey; every figure
// shown rests on the floor, and the reports carry the section.
func TestJoinPersonas(t *testing.T) {
	f, err := os.Open("../persona/testdata/survey69.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := persona.ReadSurveyCSV(f, persona.SurveyOptions{File: "survey69.csv"})
	if err != nil {
		t.Fatal(err)
	}
	pr, err := persona.Build(context.Background(), s, persona.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := hostileReport(t)
	recs := len(r.Overview.Recommendations)
	if err := r.JoinPersonas(pr); err != nil {
		t.Fatal(err)
	}
	m := r.Overview.Personas
	if m == nil || len(m.Stages) == 0 || len(m.Personas) != len(pr.Personas) {
		t.Fatalf("mix %+v from %d personas", m, len(pr.Personas))
	}
	sum := 0
	for _, st := range m.Stages {
		sum += st.Respondents
		if st.Respondents < pr.MinSize {
			t.Errorf("stage %s: %d respondents, under the floor %d", st.Stage, st.Respondents, pr.MinSize)
		}
	}
	if sum != m.Respondents {
		t.Errorf("stages sum to %d, respondents %d", sum, m.Respondents)
	}
	if len(r.Overview.Recommendations) != recs+1 || !strings.Contains(r.Overview.Recommendations[recs], "stage") {
		t.Errorf("recommendations %v", r.Overview.Recommendations)
	}
	var md, html, js bytes.Buffer
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"md": md.String(), "html": html.String()} {
		if !strings.Contains(out, "digital skills") || !strings.Contains(out, m.Personas[0].Name) {
			t.Errorf("%s: no personas section", name)
		}
	}
	var back struct {
		Overview struct {
			Personas *PersonaMix `json:"personas"`
		} `json:"overview"`
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Overview.Personas == nil || back.Overview.Personas.Respondents != m.Respondents {
		t.Errorf("JSON personas %+v, %v", back.Overview.Personas, err)
	}
}

// Persona names, topics and learning options are escaped like any input.
func TestPersonasEscaped(t *testing.T) {
	r := hostileReport(t)
	err := r.JoinPersonas(&persona.Report{MinSize: 10, Personas: []persona.Persona{{Name: evil, Stage: persona.Curious, Respondents: 10, Next: evil,
		WantsToLearn: []persona.ShareFigure{{Item: "<img src=x onerror=alert(1)>", Share: 0.5}},
		Learning:     []persona.Recommendation{{Option: persona.LearningOption{Title: "[x](javascript:alert(1))"}}}}}})
	if err != nil {
		t.Fatal(err)
	}
	var html, md bytes.Buffer
	if err := r.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html.String(), "<script>alert") || strings.Contains(html.String(), "<img") {
		t.Error("HTML: a persona's text was not escaped")
	}
	if strings.Contains(md.String(), "<script>") || strings.Contains(md.String(), "](javascript") {
		t.Error("Markdown: a persona's text was not escaped")
	}
}
