// Command gen writes the synthetic 69-councillor survey used by persona's
// tests and the demo: ../survey69.csv (the survey, in the documented
// header, with a ward and a free-text column that must never be published)
// ../survey69_truth.csv (the stage planted in each respondent) and
// ../pilots.csv (invented learning pilots with before/after confidence). Every
// answer is invented; no real councillor is described. It is seeded, so
// running it again gives the same files:
//
//	go run ./persona/testdata/gen
package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

var (
	tools    = []string{"email", "facebook", "x", "instagram", "whatsapp", "nextdoor", "video_calls", "website_blog", "online_surveys"}
	freqs    = []string{"never", "rarely", "monthly", "weekly", "daily"}
	atts     = []string{"serves_ward", "worth_time", "comfortable_public", "want_more"}
	learn    = []string{"social_media_basics", "engaging_content", "online_surgeries", "video_calls", "online_surveys", "handling_abuse", "privacy_security", "ideas_boards"}
	aims     = []string{"inform_residents", "hear_views", "casework", "support_groups", "promote_events", "build_networks"}
	barriers = []string{"time", "online_abuse", "confidence", "skills", "equipment", "connectivity", "privacy", "not_useful"}
	roles    = []string{"backbencher", "committee_chair", "cabinet", "leader", "other"}
	// toolEase shifts confidence and use by tool: email is familiar to all,
	// Nextdoor and Instagram less so.
	toolEase = []float64{1.2, 0.3, -0.2, -0.6, 0.4, -0.7, 0.2, -0.4, -0.3}
)

// stage is a planted stage: mean confidence (1–5), mean use (0–4), mean
// attitude, and the chance of ticking each option.
type stage struct {
	name           string
	n              int
	conf, use, att float64
	twoWay         float64 // chance an used tool is used two-way
	learn          []float64
	aims           []float64
	barriers       []float64
	years          float64
}

var stages = []stage{
	{"reluctant", 16, 1.7, 0.5, 2.0, 0.05,
		[]float64{.7, .2, .1, .4, .1, .3, .4, .05}, []float64{.6, .3, .7, .2, .2, .1}, []float64{.6, .5, .8, .7, .3, .2, .5, .6}, 14},
	{"curious", 20, 2.7, 1.4, 3.4, 0.2,
		[]float64{.6, .6, .3, .3, .2, .3, .3, .1}, []float64{.8, .5, .6, .3, .4, .3}, []float64{.7, .4, .6, .6, .1, .1, .3, .1}, 8},
	{"practising", 20, 3.7, 2.6, 3.9, 0.5,
		[]float64{.1, .7, .5, .2, .4, .4, .2, .4}, []float64{.8, .7, .5, .5, .6, .5}, []float64{.7, .5, .2, .2, .05, .1, .2, .05}, 7},
	{"champion", 13, 4.6, 3.6, 4.6, 0.8,
		[]float64{.05, .3, .4, .05, .4, .3, .2, .6}, []float64{.7, .9, .4, .7, .7, .8}, []float64{.5, .6, .05, .05, .05, .05, .1, .05}, 6},
}

func clamp(v, lo, hi float64) int {
	return int(math.Max(lo, math.Min(hi, math.Round(v))))
}

func main() {
	rng := rand.New(rand.NewPCG(2024, 69))
	dir := "persona/testdata"
	if _, err := os.Stat(dir); err != nil {
		dir = ".."
	}
	var head []string
	head = append(head, "respondent_id", "ward")
	for _, t := range tools {
		head = append(head, "conf_"+t, "use_"+t, "mode_"+t)
	}
	for _, a := range atts {
		head = append(head, "att_"+a)
	}
	head = append(head, "learn", "aims", "barriers", "years_served", "role", "comments")
	var rows [][]string
	var truth [][]string
	id := 0
	// Interleave stages so the file order says nothing.
	order := []int{}
	for si, s := range stages {
		for range s.n {
			order = append(order, si)
		}
	}
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, si := range order {
		s := stages[si]
		id++
		rid := fmt.Sprintf("R%03d", id)
		row := []string{rid, fmt.Sprintf("Invented Ward %d", 1+rng.IntN(23))}
		for ti := range tools {
			conf := clamp(s.conf+toolEase[ti]*0.6+rng.NormFloat64()*0.6, 1, 5)
			use := clamp(s.use+toolEase[ti]*0.6+rng.NormFloat64()*0.6, 0, 4)
			mode := "none"
			if use > 0 {
				mode = "broadcast"
				if rng.Float64() < s.twoWay {
					mode = "both"
				}
			}
			c, u, m := strconv.Itoa(conf), freqs[use], mode
			// A few answers left blank, as real surveys have.
			if rng.Float64() < 0.02 {
				c = ""
			}
			if rng.Float64() < 0.02 {
				u = ""
			}
			row = append(row, c, u, m)
		}
		for range atts {
			row = append(row, strconv.Itoa(clamp(s.att+rng.NormFloat64()*0.7, 1, 5)))
		}
		pick := func(names []string, p []float64) string {
			var out []string
			for i, n := range names {
				if rng.Float64() < p[i] {
					out = append(out, n)
				}
			}
			if len(out) == 0 {
				return "none"
			}
			return strings.Join(out, ";")
		}
		row = append(row, pick(learn, s.learn), pick(aims, s.aims), pick(barriers, s.barriers))
		row = append(row, strconv.Itoa(clamp(s.years+rng.NormFloat64()*4, 0, 40)))
		r := rng.Float64()
		role := roles[0]
		switch {
		case r < 0.15:
			role = roles[1]
		case r < 0.25:
			role = roles[2]
		case r < 0.27:
			role = roles[3]
		}
		row = append(row, role, "Invented comment that must never be published.")
		rows = append(rows, row)
		truth = append(truth, []string{rid, s.name})
	}
	write := func(name string, head []string, rows [][]string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		w := csv.NewWriter(f)
		w.Write(head)
		w.WriteAll(rows)
		if err := f.Close(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	write("survey69.csv", head, rows)
	write("pilots.csv", []string{"activity", "participant", "stage", "attended", "before", "after", "cost"}, pilots(rng))
	write("survey69_truth.csv", []string{"respondent_id", "stage"}, truth)
}

// pilots invents a round of learning pilots: each activity with its cost,
// its invitees by stage, and a mean gain in confidence per stage.
func pilots(rng *rand.Rand) [][]string {
	acts := []struct {
		id   string
		cost float64
		gain map[string]float64 // mean gain by stage
		n    int
	}{
		{"cafe_surgery", 240, map[string]float64{"reluctant": 1.2, "curious": 0.9, "practising": 0.3}, 16},
		{"peer_support", 150, map[string]float64{"reluctant": 0.9, "curious": 0.8, "practising": 0.5, "champion": 0.2}, 14},
		{"content_workshop", 600, map[string]float64{"curious": 0.6, "practising": 0.9}, 18},
		{"online_surgery_demo", 180, map[string]float64{"curious": 0.5, "practising": 0.7}, 12},
		{"ideas_boards", 320, map[string]float64{"practising": 0.4, "champion": 0.5}, 10},
		{"post_templates", 90, map[string]float64{"curious": 0.4, "practising": 0.3}, 15},
		{"case_studies", 60, map[string]float64{"reluctant": 0.4, "curious": 0.3}, 12},
		{"citizen_get_togethers", 400, map[string]float64{"practising": 0.6, "champion": 0.8}, 11},
	}
	before := map[string]float64{"reluctant": 1.7, "curious": 2.7, "practising": 3.6, "champion": 4.4}
	var rows [][]string
	for _, a := range acts {
		var st []string
		for _, s := range []string{"reluctant", "curious", "practising", "champion"} {
			if _, ok := a.gain[s]; ok {
				st = append(st, s)
			}
		}
		for i := 0; i < a.n; i++ {
			s := st[i%len(st)]
			attended := rng.Float64() < 0.85
			b := clamp(before[s]+rng.NormFloat64()*0.6, 1, 5)
			row := []string{a.id, fmt.Sprintf("P%02d", i+1), s, "no", strconv.Itoa(b), "", ""}
			if attended {
				row[3] = "yes"
				row[5] = strconv.Itoa(clamp(float64(b)+a.gain[s]+rng.NormFloat64()*0.6, 1, 5))
			}
			if i == 0 {
				row[6] = strconv.FormatFloat(a.cost, 'f', 2, 64)
			}
			rows = append(rows, row)
		}
	}
	return rows
}
