package persona

import (
	"math"
	"slices"
)

// Encoded is a survey turned into features for clustering.
type Encoded struct {
	Numeric      Matrix    `json:"numeric"`       // one row per response; answers scaled to 0–1; NaN for no answer
	NumericNames []string  `json:"numeric_names"` // feature names, such as "conf_email" or "learn:video_calls"
	Weights      []float64 `json:"weights"`       // per numeric feature, as Encode documents
	Categorical  [][]int   `json:"categorical"`   // per response, levels of mode_<tool> and role; -1 for no answer
	CatNames     []string  `json:"cat_names"`     // categorical feature names
}

// Feature weights of [Survey.Encode]: confidence and use carry the stage,
// so they weigh most.
const (
	weightToolAnswer = 1.0
	weightAttitude   = 0.5
	weightChoice     = 0.25
	weightYears      = 0.25
)

// Encode turns the responses into features: confidence and attitudes
// (1–5) scaled to 0–1 as (v−1)/4, use (0–4) as v/4, years served as
// min(v, 20)/20, each multi-select option as 0 or 1; mode per tool and role
// as categories. No answer stays NaN (or -1 for categories): it is never
// read as zero. Weights are 1 for confidence and use, 0.5 for attitudes and
// 0.25 for multi-select options and years served.
func (s *Survey) Encode() Encoded {
	var e Encoded
	add := func(name string, w float64) {
		e.NumericNames = append(e.NumericNames, name)
		e.Weights = append(e.Weights, w)
	}
	for _, t := range Tools {
		add("conf_"+t, weightToolAnswer)
	}
	for _, t := range Tools {
		add("use_"+t, weightToolAnswer)
	}
	for _, a := range Attitudes {
		add("att_"+a, weightAttitude)
	}
	for _, l := range LearnTopics {
		add("learn:"+l, weightChoice)
	}
	for _, a := range Aims {
		add("aims:"+a, weightChoice)
	}
	for _, b := range Barriers {
		add("barriers:"+b, weightChoice)
	}
	add("years_served", weightYears)
	for _, t := range Tools {
		e.CatNames = append(e.CatNames, "mode_"+t)
	}
	e.CatNames = append(e.CatNames, "role")
	d := len(e.NumericNames)
	e.Numeric = Matrix{Rows: len(s.Responses), Cols: d, Data: make([]float64, 0, d*len(s.Responses))}
	scale := func(a Answer, f func(float64) float64) float64 {
		if a == NoAnswer {
			return math.NaN()
		}
		return f(float64(a))
	}
	rating := func(v float64) float64 { return (v - 1) / 4 }
	freq := func(v float64) float64 { return v / 4 }
	choices := func(c Choices, names []string) {
		for _, n := range names {
			switch {
			case !c.Answered():
				e.Numeric.Data = append(e.Numeric.Data, math.NaN())
			case slices.Contains(c, n):
				e.Numeric.Data = append(e.Numeric.Data, 1)
			default:
				e.Numeric.Data = append(e.Numeric.Data, 0)
			}
		}
	}
	for _, r := range s.Responses {
		for _, a := range r.Confidence {
			e.Numeric.Data = append(e.Numeric.Data, scale(a, rating))
		}
		for _, a := range r.Use {
			e.Numeric.Data = append(e.Numeric.Data, scale(a, freq))
		}
		for _, a := range r.Attitude {
			e.Numeric.Data = append(e.Numeric.Data, scale(a, rating))
		}
		choices(r.Learn, LearnTopics)
		choices(r.Aims, Aims)
		choices(r.Barriers, Barriers)
		e.Numeric.Data = append(e.Numeric.Data, scale(r.YearsServed, func(v float64) float64 { return min(v, 20) / 20 }))
		cat := make([]int, 0, len(Tools)+1)
		for _, m := range r.Mode {
			cat = append(cat, int(m))
		}
		e.Categorical = append(e.Categorical, append(cat, int(r.Role)))
	}
	return e
}

// Imputed returns the numeric features ready for Euclidean clustering:
// each no-answer replaced by the mean of the answers to that question (0.5
// when nobody answered it), and each feature multiplied by the square root
// of its weight.
func (e Encoded) Imputed() Matrix {
	x := Matrix{Rows: e.Numeric.Rows, Cols: e.Numeric.Cols, Data: slices.Clone(e.Numeric.Data)}
	for f := 0; f < x.Cols; f++ {
		var s float64
		var c int
		for i := 0; i < x.Rows; i++ {
			if v := x.Data[i*x.Cols+f]; !math.IsNaN(v) {
				s += v
				c++
			}
		}
		mean := 0.5
		if c > 0 {
			mean = s / float64(c)
		}
		w := math.Sqrt(e.Weights[f])
		for i := 0; i < x.Rows; i++ {
			p := &x.Data[i*x.Cols+f]
			if math.IsNaN(*p) {
				*p = mean
			}
			*p *= w
		}
	}
	return x
}
