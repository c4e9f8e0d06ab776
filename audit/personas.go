package audit

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/civickit/civickit/persona"
)

// PersonaMix is the council's councillors as their digital-skills survey
// describes them: the personas' stage mix and learning needs. It is made
// only of the personas' own figures, each resting on at least MinSize
// respondents, and never ties a persona to a councillor.
type PersonaMix struct {
	// Respondents counts the respondents the personas rest on.
	Respondents int `json:"respondents"`
	// MinSize is the privacy floor: the fewest respondents any figure here rests on.
	MinSize int `json:"min_size"`
	// Stages is the stage mix, in the order of progression; a stage no persona is at is left out.
	Stages []StageMix `json:"stages"`
	// Personas are the personas, by stage then size.
	Personas []PersonaNeeds `json:"personas"`
	// LearningNeeds are what the personas want to learn, most widely wanted first.
	LearningNeeds []LearningNeed `json:"learning_needs"`
	// Notes say what was withheld and why.
	Notes []string `json:"notes,omitempty"`
}

// StageMix is how many respondents are at one stage.
type StageMix struct {
	// Stage is reluctant, curious, practising or champion.
	Stage string `json:"stage"`
	// Personas counts the personas at the stage.
	Personas int `json:"personas"`
	// Respondents counts their respondents: a sum of personas' sizes, each at least MinSize.
	Respondents int `json:"respondents"`
	// Share is Respondents over all respondents (0 to 1).
	Share float64 `json:"share"`
}

// PersonaNeeds is one persona as the council overview shows it.
type PersonaNeeds struct {
	// Name is the persona's name.
	Name string `json:"name"`
	// Stage is the persona's stage.
	Stage string `json:"stage"`
	// Respondents counts its respondents, at least MinSize.
	Respondents int `json:"respondents"`
	// Share is its share of all respondents (0 to 1).
	Share float64 `json:"share"`
	// Next is the step that helps it progress.
	Next string `json:"next"`
	// WantsToLearn are the topics at least 30% of it want to learn, with their shares.
	WantsToLearn []persona.ShareFigure `json:"wants_to_learn"`
	// Learning are the titles of the learning options recommended to it, best first.
	Learning []string `json:"learning"`
}

// LearningNeed is one topic councillors want to learn.
type LearningNeed struct {
	// Topic is the topic, as the survey names it.
	Topic string `json:"topic"`
	// Personas are the names of the personas of which at least 30% want it.
	Personas []string `json:"personas"`
	// Respondents sums those personas' sizes (not how many chose the topic).
	Respondents int `json:"respondents"`
}

// PersonaMixOf summarises a persona report for the council overview. It
// refuses a report whose floor is below [persona.SafeMinSize] and leaves
// out any persona under the report's floor, so that no figure of the mix
// rests on fewer respondents than the floor.
func PersonaMixOf(p *persona.Report) (*PersonaMix, error) {
	if p == nil {
		return nil, errors.New("no persona report")
	}
	if p.MinSize < persona.SafeMinSize {
		return nil, fmt.Errorf("the personas' floor of %d respondents is under the least allowed, %d", p.MinSize, persona.SafeMinSize)
	}
	m := &PersonaMix{MinSize: p.MinSize, Stages: []StageMix{}, Personas: []PersonaNeeds{}, LearningNeeds: []LearningNeed{}}
	withheld := 0
	for _, ps := range p.Personas {
		if ps.Respondents < p.MinSize {
			withheld++
			continue
		}
		m.Respondents += ps.Respondents
	}
	if withheld > 0 {
		m.Notes = append(m.Notes, fmt.Sprintf("%d persona(s) resting on fewer than %d respondents left out.", withheld, p.MinSize))
	}
	if m.Respondents == 0 {
		m.Notes = append(m.Notes, fmt.Sprintf("No persona to show: a persona needs at least %d respondents.", p.MinSize))
		return m, nil
	}
	rank := map[persona.Stage]int{}
	for i, s := range persona.Stages {
		rank[s] = i
	}
	stages := map[persona.Stage]*StageMix{}
	needs := map[string]*LearningNeed{}
	for _, ps := range p.Personas {
		if ps.Respondents < p.MinSize {
			continue
		}
		share := round3(float64(ps.Respondents) / float64(m.Respondents))
		pn := PersonaNeeds{Name: ps.Name, Stage: string(ps.Stage), Respondents: ps.Respondents, Share: share, Next: ps.Next,
			WantsToLearn: append([]persona.ShareFigure{}, ps.WantsToLearn...), Learning: []string{}}
		for _, r := range ps.Learning {
			pn.Learning = append(pn.Learning, r.Option.Title)
		}
		m.Personas = append(m.Personas, pn)
		st := stages[ps.Stage]
		if st == nil {
			st = &StageMix{Stage: string(ps.Stage)}
			stages[ps.Stage] = st
		}
		st.Personas++
		st.Respondents += ps.Respondents
		for _, w := range ps.WantsToLearn {
			n := needs[w.Item]
			if n == nil {
				n = &LearningNeed{Topic: w.Item}
				needs[w.Item] = n
			}
			n.Personas = append(n.Personas, ps.Name)
			n.Respondents += ps.Respondents
		}
	}
	for _, s := range persona.Stages {
		if st := stages[s]; st != nil {
			st.Share = round3(float64(st.Respondents) / float64(m.Respondents))
			m.Stages = append(m.Stages, *st)
		}
	}
	sort.SliceStable(m.Personas, func(i, j int) bool {
		a, b := m.Personas[i], m.Personas[j]
		if rank[persona.Stage(a.Stage)] != rank[persona.Stage(b.Stage)] {
			return rank[persona.Stage(a.Stage)] < rank[persona.Stage(b.Stage)]
		}
		return a.Respondents > b.Respondents
	})
	for _, n := range needs {
		m.LearningNeeds = append(m.LearningNeeds, *n)
	}
	sort.Slice(m.LearningNeeds, func(i, j int) bool {
		a, b := m.LearningNeeds[i], m.LearningNeeds[j]
		if a.Respondents != b.Respondents {
			return a.Respondents > b.Respondents
		}
		return a.Topic < b.Topic
	})
	return m, nil
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// JoinPersonas adds the personas' stage mix and learning needs to the
// council overview, with a recommendation for the stage most councillors
// are at.
func (r *Report) JoinPersonas(p *persona.Report) error {
	m, err := PersonaMixOf(p)
	if err != nil {
		return err
	}
	r.Overview.Personas = m
	if len(m.Stages) > 0 {
		top := m.Stages[0]
		for _, s := range m.Stages[1:] {
			if s.Respondents > top.Respondents {
				top = s
			}
		}
		rec := fmt.Sprintf("The largest group of councillors surveyed (%d of %d) is at the %s stage", top.Respondents, m.Respondents, top.Stage)
		for _, pn := range m.Personas {
			if pn.Stage == top.Stage && len(pn.Learning) > 0 {
				rec += fmt.Sprintf(": offer %s first", pn.Learning[0])
				break
			}
		}
		r.Overview.Recommendations = append(r.Overview.Recommendations, rec+".")
	}
	return nil
}
