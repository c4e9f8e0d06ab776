package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/civickit/civickit/persona"
)

// stageOfLevel is the stage of the progression route a councillor's
// online engagement puts them at.
var stageOfLevel = [...]persona.Stage{persona.Reluctant, persona.Curious, persona.Practising, persona.Champion}

// stageBand is the engagement range aimed at for each stage, inside
// persona.StageOf's bands.
var stageBand = map[persona.Stage][2]float64{
	persona.Reluctant:  {0.08, 0.22},
	persona.Curious:    {0.29, 0.46},
	persona.Practising: {0.54, 0.71},
	persona.Champion:   {0.79, 0.93},
}

// toolBias shifts each tool from the respondent's overall engagement:
// email and WhatsApp are used by nearly everyone, Nextdoor and blogs by
// few.
var toolBias = map[string]float64{
	"email": 0.3, "facebook": 0.1, "x": -0.05, "instagram": -0.1, "whatsapp": 0.2,
	"nextdoor": -0.2, "video_calls": 0.1, "website_blog": -0.2, "online_surveys": -0.05,
}

var comments = []string{
	"I would rather meet residents face to face at my surgery.",
	"Short sessions at the town hall before full council would suit me best.",
	"I had a bad experience on social media during the election and stepped back.",
	"Residents in my ward mostly use the village Facebook group, not the council's pages.",
	"I need help setting up video calls on my council laptop.",
	"Happy to help colleagues who are starting out.",
	"Time is the problem: I work full time as well as being a councillor.",
	"I would like to run an online survey on the traffic scheme.",
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// surveyFiles writes the digital-skills survey (one response per
// councillor, under a pseudonymous respondent id and in shuffled order)
// and the learning pilots.
func (w *world) surveyFiles(files map[string][]byte, r *rand.Rand) error {
	header := []string{"respondent_id", "ward"}
	for _, t := range persona.Tools {
		header = append(header, "conf_"+t, "use_"+t, "mode_"+t)
	}
	for _, a := range persona.Attitudes {
		header = append(header, "att_"+a)
	}
	header = append(header, "learn", "aims", "barriers", "years_served", "role", "comments")
	order := r.Perm(len(w.councillors))
	rows := [][]string{header}
	for n, ci := range order {
		c := w.councillors[ci]
		stage := stageOfLevel[c.Level]
		row, err := surveyRow(r, stage)
		if err != nil {
			return fmt.Errorf("respondent %d: %w", n+1, err)
		}
		comment := ""
		if r.Float64() < 0.2 {
			comment = comments[r.IntN(len(comments))]
		}
		years := strconv.Itoa(c.Years)
		role := c.Role
		// A few leave the questions about themselves blank.
		if r.Float64() < 0.05 {
			years = ""
		}
		if r.Float64() < 0.04 {
			role = ""
		}
		out := append([]string{fmt.Sprintf("R%03d", n+1), w.wards[c.Ward].Name}, row...)
		out = append(out, years, role, comment)
		rows = append(rows, out)
	}
	var err error
	if files["survey/survey69.csv"], err = csvFile(rows); err != nil {
		return err
	}
	files["survey/pilots.csv"], err = pilotFile(r, w)
	return err
}

// surveyRow draws one respondent's answers from conf_email to barriers,
// redrawing until persona.StageOf places the answers at stage.
func surveyRow(r *rand.Rand, stage persona.Stage) ([]string, error) {
	band := stageBand[stage]
	for range 200 {
		e := band[0] + (band[1]-band[0])*r.Float64()
		var row []string
		var sum float64
		var cnt int
		for _, t := range persona.Tools {
			x := clamp01(e + toolBias[t]*(1-e) + r.NormFloat64()*0.12)
			conf := 1 + int(math.Round(4*clamp01(x+r.NormFloat64()*0.08)))
			use := int(math.Round(4 * clamp01(x+r.NormFloat64()*0.1)))
			mode := "none"
			if use > 0 {
				switch y := e + r.NormFloat64()*0.15; {
				case y > 0.75:
					mode = "both"
				case y > 0.55:
					mode = "two_way"
				default:
					mode = "broadcast"
				}
			}
			cs, us := strconv.Itoa(conf), persona.Frequencies[use]
			// About one cell in sixty is left blank.
			if r.Float64() < 1.0/60 {
				cs = ""
			} else {
				sum += float64(conf-1) / 4
				cnt++
			}
			if r.Float64() < 1.0/60 {
				us, mode = "", ""
			} else {
				sum += float64(use) / 4
				cnt++
			}
			row = append(row, cs, us, mode)
		}
		if cnt == 0 || persona.StageOf(sum/float64(cnt)) != stage {
			continue
		}
		for i := range persona.Attitudes {
			bias := [...]float64{0.15, 0, -0.1, 0.1}[i]
			row = append(row, strconv.Itoa(1+int(math.Round(4*clamp01(e+bias+r.NormFloat64()*0.18)))))
		}
		row = append(row, pick(r, learnFor[stage], 1, 3), pick(r, aimsFor[stage], 1, 4), pick(r, barriersFor[stage], 1, 3))
		return row, nil
	}
	return nil, fmt.Errorf("no answers fit stage %s", stage)
}

var (
	learnFor = map[persona.Stage][]string{
		persona.Reluctant:  {"social_media_basics", "privacy_security", "handling_abuse", "video_calls"},
		persona.Curious:    {"social_media_basics", "engaging_content", "video_calls", "online_surgeries", "privacy_security"},
		persona.Practising: {"engaging_content", "online_surgeries", "online_surveys", "handling_abuse", "ideas_boards"},
		persona.Champion:   {"ideas_boards", "online_surveys", "engaging_content", "handling_abuse"},
	}
	aimsFor = map[persona.Stage][]string{
		persona.Reluctant:  {"casework", "inform_residents"},
		persona.Curious:    {"inform_residents", "casework", "promote_events"},
		persona.Practising: {"inform_residents", "hear_views", "casework", "promote_events", "support_groups"},
		persona.Champion:   {"hear_views", "support_groups", "build_networks", "inform_residents", "promote_events"},
	}
	barriersFor = map[persona.Stage][]string{
		persona.Reluctant:  {"confidence", "skills", "not_useful", "privacy", "online_abuse", "time"},
		persona.Curious:    {"time", "confidence", "skills", "online_abuse", "equipment"},
		persona.Practising: {"time", "online_abuse", "connectivity"},
		persona.Champion:   {"time", "online_abuse"},
	}
)

// pick chooses between lo and hi distinct options, in the options'
// order.
func pick(r *rand.Rand, opts []string, lo, hi int) string {
	k := lo + r.IntN(hi-lo+1)
	k = min(k, len(opts))
	idx := r.Perm(len(opts))[:k]
	slices.Sort(idx)
	var out []string
	for _, i := range idx {
		out = append(out, opts[i])
	}
	return strings.Join(out, ";")
}

// pilots are the learning activities the council tried, from the
// persona catalogue, with the stages they are for, the mean change in
// confidence they bring to those who attend, and their cost in pounds.
var pilots = []struct {
	ID     string
	Stages []persona.Stage
	Effect float64
	Cost   float64
	N      int
}{
	{"cafe_surgery", []persona.Stage{persona.Reluctant, persona.Curious}, 0.9, 480, 16},
	{"peer_support", []persona.Stage{persona.Reluctant, persona.Curious, persona.Practising, persona.Champion}, 1.0, 150, 14},
	{"content_workshop", []persona.Stage{persona.Curious, persona.Practising}, 0.6, 1200, 18},
	{"online_surgery_demo", []persona.Stage{persona.Curious, persona.Practising}, 0.5, 300, 12},
	{"ideas_boards", []persona.Stage{persona.Practising, persona.Champion}, 0.4, 650, 10},
	{"post_templates", []persona.Stage{persona.Curious, persona.Practising}, 0.7, 400, 15},
	{"case_studies", []persona.Stage{persona.Reluctant, persona.Curious}, 0.15, 250, 12},
	{"citizen_get_togethers", []persona.Stage{persona.Practising, persona.Champion}, 0.5, 900, 11},
}

// pilotFile writes the evaluated pilots: each participant's stage,
// attendance and confidence before and after, with the activity's cost on
// its first row.
func pilotFile(r *rand.Rand, w *world) ([]byte, error) {
	rows := [][]string{{"activity", "participant", "stage", "attended", "before", "after", "cost"}}
	// Participants are councillors under pseudonymous ids P01 to P69.
	pid := r.Perm(len(w.councillors))
	for _, p := range pilots {
		var pool []int
		for ci, c := range w.councillors {
			if slices.Contains(p.Stages, stageOfLevel[c.Level]) {
				pool = append(pool, ci)
			}
		}
		r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		n := min(p.N, len(pool))
		chosen := slices.Clone(pool[:n])
		slices.SortFunc(chosen, func(a, b int) int { return pid[a] - pid[b] })
		for k, ci := range chosen {
			c := w.councillors[ci]
			stage := stageOfLevel[c.Level]
			before := 1 + int(c.Level) + r.IntN(2)
			before = min(before, 5)
			attended := r.Float64() < 0.85
			after := before
			if attended {
				after = before + int(math.Round(p.Effect+r.NormFloat64()*0.6))
			} else if r.Float64() < 0.3 {
				after = before - 1
			}
			after = max(1, min(5, after))
			b, a := strconv.Itoa(before), strconv.Itoa(after)
			if !attended && r.Float64() < 0.5 {
				a = ""
			}
			if r.Float64() < 0.03 {
				b = ""
			}
			cost := ""
			if k == 0 {
				cost = strconv.FormatFloat(p.Cost, 'f', 2, 64)
			}
			st := string(stage)
			if r.Float64() < 0.03 {
				st = ""
			}
			yes := "yes"
			if !attended {
				yes = "no"
			}
			rows = append(rows, []string{p.ID, fmt.Sprintf("P%02d", pid[ci]+1), st, yes, b, a, cost})
		}
	}
	return csvFile(rows)
}
