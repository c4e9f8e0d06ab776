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
	"sync"

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
			v, ok := parseNumber(ungroup(strings.TrimSpace(strings.TrimPrefix(c, "£"))))
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

// ungroup removes the thousands separators of an amount such as
// "1,200.50", as a spreadsheet writes money; commas elsewhere are left,
// so the amount is refused.
func ungroup(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	if !strings.Contains(intPart, ",") {
		return s
	}
	groups := strings.Split(strings.TrimLeft(intPart, "+-"), ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return s
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return s
		}
	}
	out := strings.ReplaceAll(intPart, ",", "")
	if strings.Contains(s, ".") {
		out += "." + frac
	}
	return out
}

// maxCost bounds a cost and an activity's total, far above any council's
// budget, so sums and ratios stay finite.
const maxCost = 1e12

// Change is a paired before/after change in confidence.
type Change struct {
	N    int     `json:"n"`    // participants with both ratings
	Mean float64 `json:"mean"` // sample mean of after − before
	SD   float64 `json:"sd"`   // sample standard deviation of the differences
	// Estimate is the change reported: the sample mean for [PairedChange];
	// for [OrdinalChange] the posterior mean, drawn slightly towards no
	// change.
	Estimate float64 `json:"estimate"`
	Low      float64 `json:"low"`  // lower end of the interval
	High     float64 `json:"high"` // upper end
}

// PairedChange returns the mean paired difference after − before with a
// two-sided confidence interval at level (such as 0.95) from Student's t
// distribution with n−1 degrees of freedom. With one pair the interval is
// unbounded (±Inf). On small samples of a few rating points it can be
// of zero width and covers badly; [OrdinalChange] is for those.
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
	c.Estimate = c.Mean
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

// OrdinalChange returns the change after − before in ratings on the
// whole-number scale lo..hi (1..5 for confidence), with an interval at
// level that keeps its coverage on the small, lumpy samples pilots give:
// a few participants, most of whom do not move.
//
// The differences can take only the 2(hi−lo)+1 values −(hi−lo)..hi−lo.
// Their distribution gets a Dirichlet prior worth one participant spread
// evenly over those values (so no value is ruled out before it is seen),
// and the interval is the posterior mean of the change ± Student's t
// quantile (n−1 degrees of freedom) times its posterior standard
// deviation, clipped to the possible range. The interval is never of zero
// width, and the estimate is drawn towards no change by at most 1/(n+1)
// of the mean. A simulation in the tests shows the 95% interval covering
// the true mean change at least 93% of the time for n from 5 to 30 when
// most ratings do not move, and when every change is equal.
func OrdinalChange(before, after []float64, lo, hi int, level float64) (Change, error) {
	if len(before) != len(after) || len(before) < 2 {
		return Change{}, fmt.Errorf("persona: ordinal change: %d before and %d after values; want at least 2 pairs", len(before), len(after))
	}
	if hi <= lo {
		return Change{}, fmt.Errorf("persona: ordinal change: scale %d..%d", lo, hi)
	}
	n := len(before)
	span := float64(hi - lo)
	var sum, sum2 float64
	for i := range before {
		d := after[i] - before[i]
		if d != math.Trunc(d) || math.Abs(d) > span {
			return Change{}, fmt.Errorf("persona: ordinal change: pair %d changes by %v, not a whole number within %d..%d", i+1, d, lo, hi)
		}
		sum += d
		sum2 += d * d
	}
	c := Change{N: n, Mean: sum / float64(n)}
	var ss float64
	for i := range before {
		d := after[i] - before[i] - c.Mean
		ss += d * d
	}
	c.SD = math.Sqrt(ss / float64(n-1))
	// The prior: weight 1/m on each of the m possible differences, whose
	// values sum to 0 and whose squares sum to 2·Σ_{v=1..span} v².
	m := 2*span + 1
	var priorSq float64
	for v := 1.0; v <= span; v++ {
		priorSq += 2 * v * v
	}
	a := float64(n) + 1
	c.Estimate = sum / a
	second := (sum2 + priorSq/m) / a
	sd := math.Sqrt(max(second-c.Estimate*c.Estimate, 0) / (a + 1))
	half := StudentTQuantile(0.5+level/2, float64(n-1)) * sd
	c.Low, c.High = max(c.Estimate-half, -span), min(c.Estimate+half, span)
	return c, nil
}

// StudentTQuantile returns the p-quantile of Student's t distribution with
// df degrees of freedom, by bisection on its distribution function.
func StudentTQuantile(p, df float64) float64 {
	key := [2]float64{p, df}
	if v, ok := tQuantiles.Load(key); ok {
		return v.(float64)
	}
	v := studentTQuantile(p, df)
	if df == math.Trunc(df) && df <= 1000 && (p == 0.975 || p == 0.95 || p == 0.995) {
		tQuantiles.Store(key, v)
	}
	return v
}

// tQuantiles caches the common quantiles of StudentTQuantile (at most
// 3000 entries): pilots ask for few distinct ones, many times.
var tQuantiles sync.Map

func studentTQuantile(p, df float64) float64 {
	if p <= 0 {
		return math.Inf(-1)
	}
	if p >= 1 {
		return math.Inf(1)
	}
	if p < 0.5 {
		return -studentTQuantile(1-p, df)
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

// ActivityResult is the evaluation of one learning activity. Every
// figure rests on at least MinSize participants; a figure that would not,
// or that would let a hidden group of fewer be worked out by subtraction,
// is null.
type ActivityResult struct {
	Activity       string   `json:"activity"`
	Title          string   `json:"title"`           // from the catalogue, or the activity id
	Invited        *int     `json:"invited"`         // rows for the activity; null when fewer than MinSize
	Attended       *int     `json:"attended"`        // of whom attended; null when they or those absent number fewer than MinSize (but more than none)
	AttendanceRate *float64 `json:"attendance_rate"` // attended / invited; null with attended
	// Change is the change in confidence of attenders with both ratings
	// ([OrdinalChange] at 95%); null when fewer than MinSize.
	Change *Change `json:"change"`
	// ByStage is the same per stage, for the stages with at least MinSize
	// pairs, less any stage group hidden so that the attenders outside
	// the shown stages are none or at least MinSize.
	ByStage            map[Stage]Change `json:"by_stage"`
	Evidence           bool             `json:"evidence"`             // the interval of Change lies above zero
	Cost               *float64         `json:"cost"`                 // total cost; null when fewer than MinSize were invited
	CostPerParticipant *float64         `json:"cost_per_participant"` // cost / attended; null with attended, or when nobody attended
	CostPerPoint       *float64         `json:"cost_per_point"`       // cost per participant / estimated gain; null unless Evidence
}

// MenuItem is an activity on a stage's menu.
type MenuItem struct {
	Activity string   `json:"activity"`
	Title    string   `json:"title"`
	Gain     float64  `json:"gain"`      // estimated confidence gain
	GainLow  float64  `json:"gain_low"`  // lower end of its 95% interval; the menu is ranked by it
	GainHigh float64  `json:"gain_high"` // upper end
	Evidence bool     `json:"evidence"`  // the interval lies above zero
	Basis    string   `json:"basis"`     // "stage" when measured on this stage, "all" when on all attenders
	CostPer  *float64 `json:"cost_per_participant"`
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

// EvaluatePilots evaluates each activity (attendance, cost, and the
// change in confidence of attenders by [OrdinalChange] with 95%
// intervals, in all and per stage) and ranks the activities into a menu
// per stage by the lower end of the interval of their gain, measured on
// that stage where it is shown, else on all attenders. Only activities
// whose catalogue entry lists the stage (or that are not in the
// catalogue) go on a stage's menu.
//
// The floor holds for every figure: counts, costs and changes resting on
// fewer than MinSize participants are withheld, and stage groups are
// suppressed in turn (smallest first) until the attenders left outside
// the shown stages are none or at least MinSize, so no hidden group can
// be found by subtracting shown ones from the total. The cost per point
// of confidence is given only when the interval of the gain lies above
// zero.
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
	shown := func(count int) bool { return count >= minSize }
	for _, a := range acts {
		rs := byAct[a]
		res := ActivityResult{Activity: a, Title: a, ByStage: map[Stage]Change{}}
		var opt *LearningOption
		for i := range cat {
			if cat[i].ID == a {
				opt = &cat[i]
				res.Title = cat[i].Title
			}
		}
		var cost float64
		attended := 0
		var bAll, aAll []float64
		bSt, aSt := map[Stage][]float64{}, map[Stage][]float64{}
		for _, r := range rs {
			cost += r.Cost
			if !r.Attended {
				continue
			}
			attended++
			if r.Before != NoAnswer && r.After != NoAnswer {
				bAll = append(bAll, float64(r.Before))
				aAll = append(aAll, float64(r.After))
				if r.Stage != "" {
					bSt[r.Stage] = append(bSt[r.Stage], float64(r.Before))
					aSt[r.Stage] = append(aSt[r.Stage], float64(r.After))
				}
			}
		}
		invited := len(rs)
		if !shown(invited) {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: fewer than %d people were invited, so its figures are withheld.", res.Title, minSize))
			rep.Activities = append(rep.Activities, res)
			continue
		}
		res.Invited = &invited
		res.Cost = &cost
		if absent := invited - attended; shown(attended) && (absent == 0 || shown(absent)) {
			res.Attended = &attended
			rate := float64(attended) / float64(invited)
			res.AttendanceRate = &rate
			cpp := cost / float64(attended)
			res.CostPerParticipant = &cpp
		} else if attended > 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: attendance is withheld, because it or the number absent is below %d.", res.Title, minSize))
		}
		if shown(len(bAll)) {
			c, err := OrdinalChange(bAll, aAll, 1, 5, rep.Level)
			if err != nil {
				return nil, err
			}
			res.Change = &c
			res.Evidence = c.Low > 0
			if res.Evidence && res.CostPerParticipant != nil {
				v := *res.CostPerParticipant / c.Estimate
				res.CostPerPoint = &v
			}
			// Stage groups, with complementary suppression.
			var show []Stage
			rest := len(bAll)
			for _, st := range Stages {
				if shown(len(bSt[st])) {
					show = append(show, st)
					rest -= len(bSt[st])
				}
			}
			for rest > 0 && rest < minSize && len(show) > 0 {
				small := 0
				for i, st := range show {
					if len(bSt[st]) < len(bSt[show[small]]) {
						small = i
					}
				}
				rest += len(bSt[show[small]])
				show = slices.Delete(show, small, small+1)
			}
			for _, st := range show {
				c, err := OrdinalChange(bSt[st], aSt[st], 1, 5, rep.Level)
				if err != nil {
					return nil, err
				}
				res.ByStage[st] = c
			}
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: fewer than %d attenders gave both ratings, so its change in confidence is withheld.", res.Title, minSize))
		}
		rep.Activities = append(rep.Activities, res)
		for _, st := range Stages {
			if opt != nil && !slices.Contains(opt.Stages, st) {
				continue
			}
			item := MenuItem{Activity: a, Title: res.Title, CostPer: res.CostPerParticipant}
			c, ok := res.ByStage[st]
			switch {
			case ok:
				item.Basis = "stage"
			case res.Change != nil:
				c, item.Basis = *res.Change, "all"
			default:
				continue
			}
			item.Gain, item.GainLow, item.GainHigh, item.Evidence = c.Estimate, c.Low, c.High, c.Low > 0
			rep.Menu[st] = append(rep.Menu[st], item)
		}
	}
	for _, st := range Stages {
		m := rep.Menu[st]
		sort.SliceStable(m, func(i, j int) bool {
			if m[i].GainLow != m[j].GainLow {
				return m[i].GainLow > m[j].GainLow
			}
			if m[i].Gain != m[j].Gain {
				return m[i].Gain > m[j].Gain
			}
			ci, cj := math.Inf(1), math.Inf(1)
			if m[i].CostPer != nil {
				ci = *m[i].CostPer
			}
			if m[j].CostPer != nil {
				cj = *m[j].CostPer
			}
			return ci < cj
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
		return "withheld"
	}
	return fmt.Sprintf("£%.2f", *v)
}

// count formats a count that may be withheld.
func count(v *int) string {
	if v == nil {
		return "withheld"
	}
	return fmt.Sprint(*v)
}

// changeText formats a change with its interval, and what it shows.
func changeText(c Change) string {
	s := fmt.Sprintf("%+.2f [%+.2f, %+.2f] (n = %d)", c.Estimate, c.Low, c.High, c.N)
	if c.Low <= 0 {
		s += ", not enough evidence yet of a gain"
	}
	return s
}

// WriteText writes the pilot report as plain text. Activity names and
// titles pass through [safe.Line].
func (r *PilotReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Learning pilots: change in confidence (after − before, 1–5 scale) with %.0f%% intervals; no figure rests on fewer than %d participants.\n\n", r.Level*100, r.MinSize)
	for _, a := range r.Activities {
		fmt.Fprintf(&b, "%s\n", safe.Line(a.Title))
		if a.Invited == nil {
			b.WriteString("  withheld: too few invited\n")
			continue
		}
		att := "withheld"
		if a.Attended != nil {
			att = fmt.Sprintf("%d of %d (%s)", *a.Attended, *a.Invited, percent(*a.AttendanceRate))
		}
		fmt.Fprintf(&b, "  invited %d, attended %s; cost %s, per participant %s", *a.Invited, att, money(a.Cost), money(a.CostPerParticipant))
		if a.CostPerPoint != nil {
			fmt.Fprintf(&b, ", per point of confidence %s", money(a.CostPerPoint))
		}
		b.WriteString("\n")
		if a.Change != nil {
			fmt.Fprintf(&b, "  change %s\n", changeText(*a.Change))
		} else {
			b.WriteString("  change withheld: too few paired ratings\n")
		}
		for _, st := range Stages {
			if c, ok := a.ByStage[st]; ok {
				fmt.Fprintf(&b, "    %-10s %s\n", st, changeText(c))
			}
		}
	}
	b.WriteString("\nMenu of learning options per stage (ranked by the lower end of the gain's interval):\n")
	for _, st := range Stages {
		fmt.Fprintf(&b, "  %s:\n", st)
		for i, m := range r.Menu[st] {
			ev := ""
			if !m.Evidence {
				ev = "; not enough evidence yet"
			}
			fmt.Fprintf(&b, "    %d. %s: gain %+.2f [%+.2f, %+.2f], measured on %s%s; %s per participant\n", i+1, safe.Line(m.Title), m.Gain, m.GainLow, m.GainHigh,
				map[string]string{"stage": "this stage", "all": "all attenders"}[m.Basis], ev, money(m.CostPer))
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

var pilotHTML = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("pilots").Funcs(template.FuncMap{
		"money": money, "percent": percent, "count": count,
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
<p>Change in confidence (after − before, 1–5 scale) with {{printf "%.0f" (.Percent)}}% intervals, ranked by their lower end; no figure rests on fewer than {{.R.MinSize}} participants.</p>
<table><thead><tr><th scope="col">Activity</th><th scope="col">Attended</th><th scope="col">Change</th><th scope="col">Cost per participant</th></tr></thead>
<tbody>{{range .R.Activities}}<tr><td>{{.Title}}</td><td>{{if .Attended}}{{count .Attended}} of {{count .Invited}}{{else}}withheld{{end}}</td><td>{{with .Change}}{{signed .Estimate}} [{{signed .Low}}, {{signed .High}}] (n = {{.N}}){{if le .Low 0.0}}: not enough evidence yet{{end}}{{else}}withheld{{end}}</td><td>{{money .CostPerParticipant}}</td></tr>
{{end}}</tbody></table>
<h2>Menu per stage</h2>
{{range $st := stages}}<h3>{{$st}}</h3>
<ol>{{range menu $.R $st}}<li>{{.Title}}: gain {{signed .Gain}} [{{signed .GainLow}}, {{signed .GainHigh}}], measured on {{basis .Basis}}{{if not .Evidence}}; not enough evidence yet{{end}}</li>
{{else}}<li>no evaluated activity</li>
{{end}}</ol>
{{end}}{{range .R.Notes}}<p class="note"><strong>Note:</strong> {{.}}</p>
{{end}}</body>
</html>
`))
})

// WriteHTML writes the pilot report as a standalone HTML page through
// html/template, so every string is escaped for its context. The page has
// no links.
func (r *PilotReport) WriteHTML(w io.Writer) error {
	return pilotHTML().Execute(w, struct {
		R       *PilotReport
		Percent float64
	}{r, r.Level * 100})
}
