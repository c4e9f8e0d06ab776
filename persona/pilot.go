package persona

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// PilotRecord is one participant's record in one learning pilot. The
// pilots CSV has the header
//
//	activity,participant,stage,attended,before,after,cost
//
// activity is an id (from the catalogue, such as "cafe_surgery", or the
// council's own); participant a pseudonymous id, never published; stage
// one of [Stages] or blank; attended yes or no; before and after the
// participant's confidence 1–5 (blank for no answer); cost the part of the
// activity's cost booked on this row (the activity's cost is the sum, so
// the whole cost may sit on one row).
type PilotRecord struct {
	Activity    string  `json:"activity"`
	Participant string  `json:"-"`
	Stage       Stage   `json:"stage,omitempty"`
	Attended    bool    `json:"attended"`
	Before      Answer  `json:"before"`
	After       Answer  `json:"after"`
	Cost        float64 `json:"cost"`
	Line        int     `json:"-"` // line in the file, for messages
}

// ReadPilots reads a pilots CSV file (see [PilotRecord]). Costs are
// amounts as a spreadsheet writes them, optionally with a leading "£";
// an activity whose costs add up to more than 1e12 is refused. Errors are
// [*civic.ParseError] values naming the line, column and field.
func ReadPilots(r io.Reader, opt ReadOptions) ([]PilotRecord, error) {
	in, comma, err := csvInput(r, opt.MaxBytes)
	if err != nil {
		return nil, inputError(opt.File, err)
	}
	t := table.NewReader(in, opt.File)
	t.Comma(comma)
	if err := t.ReadHeader([]string{"activity", "participant", "attended", "before", "after"}, []string{"stage", "cost"}, false); err != nil {
		return nil, inputError(opt.File, err)
	}
	var out []PilotRecord
	seen := map[[2]string]int{}
	total := map[string]float64{}
	for {
		rec, err := t.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, inputError(opt.File, err)
		}
		if len(rec) != len(t.Header) {
			_, line, _ := t.Field(rec, "activity")
			return nil, fieldErr(opt.File, line, 0, "", fmt.Sprintf("wrong number of fields: %d, the header has %d", len(rec), len(t.Header)))
		}
		get := func(c string) string {
			v, _, _ := t.Field(rec, c)
			return v
		}
		bad := func(c, msg string) error { return t.Error(rec, c, msg) }
		_, line, _ := t.Field(rec, "activity")
		p := PilotRecord{Activity: get("activity"), Participant: get("participant"), Line: line, Before: NoAnswer, After: NoAnswer}
		if p.Activity == "" {
			return nil, bad("activity", "blank activity")
		}
		if p.Participant == "" {
			return nil, bad("participant", "blank participant")
		}
		key := [2]string{p.Activity, p.Participant}
		if prev, dup := seen[key]; dup {
			return nil, bad("participant", fmt.Sprintf("duplicate participant in activity %s: same as line %d", quoteCell(p.Activity), prev))
		}
		seen[key] = line
		if s := strings.ToLower(get("stage")); s != "" {
			if !slices.Contains(Stages, Stage(s)) {
				return nil, bad("stage", quoteCell(s)+" is not one of reluctant, curious, practising, champion")
			}
			p.Stage = Stage(s)
		}
		switch strings.ToLower(get("attended")) {
		case "yes", "y", "1", "true":
			p.Attended = true
		case "no", "n", "0", "false":
		default:
			return nil, bad("attended", quoteCell(get("attended"))+" is not yes or no")
		}
		for _, c := range []string{"before", "after"} {
			cell := get(c)
			if cell == "" || strings.EqualFold(cell, "na") {
				continue
			}
			v, err := parseRange(cell, 1, 5)
			if err != nil {
				return nil, bad(c, err.Error())
			}
			if c == "before" {
				p.Before = v
			} else {
				p.After = v
			}
		}
		if c := get("cost"); c != "" {
			v, ok := parseNumber(strings.TrimSpace(strings.TrimPrefix(c, "£")))
			if !ok || v < 0 || v > maxCost {
				return nil, bad("cost", quoteCell(c)+" is not an amount from 0 to 1e12")
			}
			p.Cost = v
			total[p.Activity] += v
			if total[p.Activity] > maxCost {
				return nil, bad("cost", "the costs of activity "+quoteCell(p.Activity)+" add up to more than 1e12")
			}
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fieldErr(opt.File, 2, 0, "", "no records after the header")
	}
	return out, nil
}

// maxCost bounds a cost and an activity's total, far above any council's
// budget, so sums and ratios stay finite.
const maxCost = 1e12

// Change is a paired before/after change in confidence.
type Change struct {
	N    int     `json:"n"`    // participants with both ratings
	Mean float64 `json:"mean"` // mean of after − before
	SD   float64 `json:"sd"`   // sample standard deviation of the differences
	Low  float64 `json:"low"`  // lower end of the confidence interval of the mean
	High float64 `json:"high"` // upper end
}

// PairedChange returns the mean paired difference after − before with a
// two-sided confidence interval at level (such as 0.95) from Student's t
// distribution with n−1 degrees of freedom. With one pair the interval is
// unbounded (±Inf).
func PairedChange(before, after []float64, level float64) (Change, error) {
	if len(before) != len(after) || len(before) == 0 {
		return Change{}, fmt.Errorf("persona: paired change: %d before and %d after values", len(before), len(after))
	}
	n := len(before)
	var sum float64
	for i := range before {
		sum += after[i] - before[i]
	}
	c := Change{N: n, Mean: sum / float64(n)}
	if n < 2 {
		c.Low, c.High = math.Inf(-1), math.Inf(1)
		return c, nil
	}
	var ss float64
	for i := range before {
		d := after[i] - before[i] - c.Mean
		ss += d * d
	}
	c.SD = math.Sqrt(ss / float64(n-1))
	half := StudentTQuantile(0.5+level/2, float64(n-1)) * c.SD / math.Sqrt(float64(n))
	c.Low, c.High = c.Mean-half, c.Mean+half
	return c, nil
}

// StudentTQuantile returns the p-quantile of Student's t distribution with
// df degrees of freedom, by bisection on its distribution function.
func StudentTQuantile(p, df float64) float64 {
	if p <= 0 {
		return math.Inf(-1)
	}
	if p >= 1 {
		return math.Inf(1)
	}
	if p < 0.5 {
		return -StudentTQuantile(1-p, df)
	}
	lo, hi := 0.0, 1.0
	for studentTCDF(hi, df) < p {
		hi *= 2
	}
	for i := 0; i < 200 && hi-lo > 1e-13*max(1, hi); i++ {
		mid := (lo + hi) / 2
		if studentTCDF(mid, df) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// studentTCDF is the distribution function of Student's t.
func studentTCDF(t, df float64) float64 {
	x := df / (df + t*t)
	tail := 0.5 * regIncBeta(df/2, 0.5, x)
	if t > 0 {
		return 1 - tail
	}
	return tail
}

// regIncBeta is the regularised incomplete beta function I_x(a, b), by
// its continued fraction (modified Lentz's method).
func regIncBeta(a, b, x float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	la, _ := math.Lgamma(a + b)
	lb, _ := math.Lgamma(a)
	lc, _ := math.Lgamma(b)
	front := math.Exp(la - lb - lc + a*math.Log(x) + b*math.Log(1-x))
	if x > (a+1)/(a+b+2) {
		return 1 - regIncBeta(b, a, 1-x)
	}
	const tiny = 1e-300
	f, c, d := 1.0, 1.0, 0.0
	for i := 0; i <= 300; i++ {
		m := float64(i / 2)
		var num float64
		switch {
		case i == 0:
			num = 1
		case i%2 == 0:
			num = m * (b - m) * x / ((a + 2*m - 1) * (a + 2*m))
		default:
			num = -(a + m) * (a + b + m) * x / ((a + 2*m) * (a + 2*m + 1))
		}
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		d = 1 / d
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		f *= c * d
		if math.Abs(1-c*d) < 1e-15 {
			break
		}
	}
	return front * (f - 1) / a
}

// ActivityResult is the evaluation of one learning activity.
type ActivityResult struct {
	Activity           string           `json:"activity"`
	Title              string           `json:"title"`                // from the catalogue, or the activity id
	Invited            int              `json:"invited"`              // rows for the activity
	Attended           int              `json:"attended"`             // of whom attended
	AttendanceRate     float64          `json:"attendance_rate"`      // attended / invited
	Change             *Change          `json:"change"`               // paired change in confidence of attenders; null when fewer than MinSize pairs
	ByStage            map[Stage]Change `json:"by_stage"`             // the same per stage, only for stages with at least MinSize pairs
	Cost               float64          `json:"cost"`                 // total cost
	CostPerParticipant *float64         `json:"cost_per_participant"` // cost / attended; null when nobody attended
	CostPerPoint       *float64         `json:"cost_per_point"`       // cost per participant / mean gain; null unless the gain is positive
}

// MenuItem is an activity on a stage's menu.
type MenuItem struct {
	Activity string  `json:"activity"`
	Title    string  `json:"title"`
	Gain     float64 `json:"gain"`     // mean confidence gain used to rank
	GainLow  float64 `json:"gain_low"` // lower end of its 95% interval
	Basis    string  `json:"basis"`    // "stage" when measured on this stage, "all" when on all attenders
	CostPer  float64 `json:"cost_per_participant"`
}

// PilotReport is the evaluation of a set of learning pilots.
type PilotReport struct {
	MinSize    int                  `json:"min_size"`
	Level      float64              `json:"level"`
	Activities []ActivityResult     `json:"activities"`
	Menu       map[Stage][]MenuItem `json:"menu"` // per stage, best first
	Notes      []string             `json:"notes"`
}

// DefaultPilotMinSize is the default floor of [PilotOptions.MinSize].
const DefaultPilotMinSize = 5

// PilotOptions configures [EvaluatePilots].
type PilotOptions struct {
	// MinSize is the fewest participants a figure may rest on; 0 means
	// DefaultPilotMinSize.
	MinSize int `json:"min_size,omitempty" jsonschema:"minimum=0"`
	// AllowSmallGroups permits a MinSize below DefaultPilotMinSize (never
	// below SafeMinSize).
	AllowSmallGroups bool `json:"allow_small_groups,omitempty"`
	// Catalogue gives titles and stages of known activities; nil means
	// DefaultCatalogue.
	Catalogue []LearningOption `json:"catalogue,omitempty"`
}

// EvaluatePilots evaluates each activity (paired before/after changes with
// 95% confidence intervals, attendance, cost per participant) and ranks
// them into a menu per stage: by the mean gain measured on that stage when
// at least minSize of its participants give both ratings, else on all
// attenders; then by the lower end of its interval; then by cost per
// participant.
// Only activities whose catalogue entry lists the stage (or that are not
// in the catalogue) go on a stage's menu. No figure rests on fewer than
// minSize participants (0 means 5).
func EvaluatePilots(recs []PilotRecord, o PilotOptions) (*PilotReport, error) {
	minSize, cat := o.MinSize, o.Catalogue
	if minSize == 0 {
		minSize = DefaultPilotMinSize
	}
	if err := CheckMinSize(minSize, DefaultPilotMinSize, o.AllowSmallGroups); err != nil {
		return nil, err
	}
	if cat == nil {
		cat = DefaultCatalogue()
	}
	rep := &PilotReport{MinSize: minSize, Level: 0.95, Menu: map[Stage][]MenuItem{}, Notes: []string{}}
	byAct := map[string][]PilotRecord{}
	var acts []string
	for _, r := range recs {
		if _, ok := byAct[r.Activity]; !ok {
			acts = append(acts, r.Activity)
		}
		byAct[r.Activity] = append(byAct[r.Activity], r)
	}
	sort.Strings(acts)
	for _, a := range acts {
		rs := byAct[a]
		res := ActivityResult{Activity: a, Title: a, Invited: len(rs), ByStage: map[Stage]Change{}}
		var opt *LearningOption
		for i := range cat {
			if cat[i].ID == a {
				opt = &cat[i]
				res.Title = cat[i].Title
			}
		}
		var bAll, aAll []float64
		bSt, aSt := map[Stage][]float64{}, map[Stage][]float64{}
		for _, r := range rs {
			res.Cost += r.Cost
			if !r.Attended {
				continue
			}
			res.Attended++
			if r.Before != NoAnswer && r.After != NoAnswer {
				bAll = append(bAll, float64(r.Before))
				aAll = append(aAll, float64(r.After))
				if r.Stage != "" {
					bSt[r.Stage] = append(bSt[r.Stage], float64(r.Before))
					aSt[r.Stage] = append(aSt[r.Stage], float64(r.After))
				}
			}
		}
		res.AttendanceRate = float64(res.Attended) / float64(res.Invited)
		if res.Attended > 0 {
			v := res.Cost / float64(res.Attended)
			res.CostPerParticipant = &v
		}
		if len(bAll) >= minSize {
			c, _ := PairedChange(bAll, aAll, rep.Level)
			res.Change = &c
			if c.Mean > 0 && res.CostPerParticipant != nil {
				v := *res.CostPerParticipant / c.Mean
				res.CostPerPoint = &v
			}
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: fewer than %d attenders gave both ratings, so its change in confidence is withheld.", res.Title, minSize))
		}
		for _, st := range Stages {
			if len(bSt[st]) >= minSize {
				c, _ := PairedChange(bSt[st], aSt[st], rep.Level)
				res.ByStage[st] = c
			}
		}
		rep.Activities = append(rep.Activities, res)
		for _, st := range Stages {
			if opt != nil && !slices.Contains(opt.Stages, st) {
				continue
			}
			item := MenuItem{Activity: a, Title: res.Title}
			if c, ok := res.ByStage[st]; ok {
				item.Gain, item.GainLow, item.Basis = c.Mean, c.Low, "stage"
			} else if res.Change != nil {
				item.Gain, item.GainLow, item.Basis = res.Change.Mean, res.Change.Low, "all"
			} else {
				continue
			}
			if res.CostPerParticipant != nil {
				item.CostPer = *res.CostPerParticipant
			}
			rep.Menu[st] = append(rep.Menu[st], item)
		}
	}
	for _, st := range Stages {
		m := rep.Menu[st]
		sort.SliceStable(m, func(i, j int) bool {
			if m[i].Gain != m[j].Gain {
				return m[i].Gain > m[j].Gain
			}
			if m[i].GainLow != m[j].GainLow {
				return m[i].GainLow > m[j].GainLow
			}
			return m[i].CostPer < m[j].CostPer
		})
	}
	return rep, nil
}

// WriteJSON writes the pilot report as indented JSON.
func (r *PilotReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func money(v *float64) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprintf("£%.2f", *v)
}

// WriteText writes the pilot report as plain text. Activity names and
// titles pass through [safe.Line].
func (r *PilotReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Learning pilots: change in confidence (after − before, 1–5 scale) with %.0f%% confidence intervals; no figure rests on fewer than %d participants.\n\n", r.Level*100, r.MinSize)
	for _, a := range r.Activities {
		fmt.Fprintf(&b, "%s\n  attended %d of %d (%s); cost %s, per participant %s", safe.Line(a.Title), a.Attended, a.Invited, percent(a.AttendanceRate), money(&a.Cost), money(a.CostPerParticipant))
		if a.CostPerPoint != nil {
			fmt.Fprintf(&b, ", per point of confidence %s", money(a.CostPerPoint))
		}
		b.WriteString("\n")
		if a.Change != nil {
			fmt.Fprintf(&b, "  change %+.2f [%+.2f, %+.2f] (n = %d)\n", a.Change.Mean, a.Change.Low, a.Change.High, a.Change.N)
		} else {
			b.WriteString("  change withheld: too few paired ratings\n")
		}
		for _, st := range Stages {
			if c, ok := a.ByStage[st]; ok {
				fmt.Fprintf(&b, "    %-10s %+.2f [%+.2f, %+.2f] (n = %d)\n", st, c.Mean, c.Low, c.High, c.N)
			}
		}
	}
	b.WriteString("\nMenu of learning options per stage (best first):\n")
	for _, st := range Stages {
		fmt.Fprintf(&b, "  %s:\n", st)
		for i, m := range r.Menu[st] {
			fmt.Fprintf(&b, "    %d. %s: gain %+.2f (lower bound %+.2f, measured on %s), £%.2f per participant\n", i+1, safe.Line(m.Title), m.Gain, m.GainLow, map[string]string{"stage": "this stage", "all": "all attenders"}[m.Basis], m.CostPer)
		}
		if len(r.Menu[st]) == 0 {
			b.WriteString("    (no evaluated activity)\n")
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "Note: %s\n", safe.Line(n))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var pilotHTML = template.Must(template.New("pilots").Funcs(template.FuncMap{
	"money": money, "percent": percent,
	"signed": func(v float64) string { return fmt.Sprintf("%+.2f", v) },
	"basis":  func(b string) string { return map[string]string{"stage": "this stage", "all": "all attenders"}[b] },
	"stages": func() []Stage { return Stages },
	"menu":   func(r *PilotReport, st Stage) []MenuItem { return r.Menu[st] },
}).Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Learning pilots</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #ccc}</style>
</head>
<body>
<h1>Learning pilots</h1>
<p>Change in confidence (after − before, 1–5 scale) with {{printf "%.0f" (.Percent)}}% confidence intervals; no figure rests on fewer than {{.R.MinSize}} participants.</p>
<table><thead><tr><th scope="col">Activity</th><th scope="col">Attended</th><th scope="col">Change</th><th scope="col">Cost per participant</th></tr></thead>
<tbody>{{range .R.Activities}}<tr><td>{{.Title}}</td><td>{{.Attended}} of {{.Invited}}</td><td>{{with .Change}}{{signed .Mean}} [{{signed .Low}}, {{signed .High}}] (n = {{.N}}){{else}}withheld{{end}}</td><td>{{money .CostPerParticipant}}</td></tr>
{{end}}</tbody></table>
<h2>Menu per stage</h2>
{{range $st := stages}}<h3>{{$st}}</h3>
<ol>{{range menu $.R $st}}<li>{{.Title}}: gain {{signed .Gain}} (lower bound {{signed .GainLow}}, measured on {{basis .Basis}})</li>
{{else}}<li>no evaluated activity</li>
{{end}}</ol>
{{end}}{{range .R.Notes}}<p class="note"><strong>Note:</strong> {{.}}</p>
{{end}}</body>
</html>
`))

// WriteHTML writes the pilot report as a standalone HTML page through
// html/template, so every string is escaped for its context. The page has
// no links.
func (r *PilotReport) WriteHTML(w io.Writer) error {
	return pilotHTML.Execute(w, struct {
		R       *PilotReport
		Percent float64
	}{r, r.Level * 100})
}
