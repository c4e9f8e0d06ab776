package panel

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
)

// WriteJSON writes the result as indented JSON.
func (res *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// ResultOptions configures [ReadResult].
type ResultOptions struct {
	File     string // the file name in errors
	MaxBytes int64  // the size cap; 0 means input.DefaultMaxBytes
}

// ReadResult reads a result written by [Result.WriteJSON], refusing
// unknown fields. Errors are *civic.ParseError.
func ReadResult(r io.Reader, opt ResultOptions) (*Result, error) {
	b, err := input.ReadAll(r, opt.MaxBytes)
	if err == nil {
		err = input.Check(b, true)
	}
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "cannot read the result", Err: err}
	}
	b, _ = input.TrimBOM(b)
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var res Result
	if err := dec.Decode(&res); err != nil {
		off := dec.InputOffset()
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		field := ""
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off, field = te.Offset, te.Field
		}
		if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			field, err = strings.Trim(f, `"`), errors.New("unknown field")
			// point at the key, not past its value
			if i := strings.LastIndex(string(b[:min(off, int64(len(b)))]), f); i >= 0 {
				off = int64(i)
			}
		}
		line, col := lineCol(b, off)
		return nil, &civic.ParseError{File: opt.File, Line: line, Column: col, Offset: off, Field: field, Msg: "bad result", Err: err}
	}
	if res.Method != Leximin && res.Method != Greedy {
		return nil, &civic.ParseError{File: opt.File, Field: "method", Msg: "want leximin or greedy"}
	}
	return &res, nil
}

func lineCol(b []byte, off int64) (int, int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line, col := 1, 1
	for _, c := range string(b[:off]) {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// pct formats a probability as a percentage with two decimals, "–" when
// unknown.
func pct(p *float64) string {
	if p == nil {
		return "–"
	}
	return strconv.FormatFloat(*p*100, 'f', 2, 64) + "%"
}

func pctDiff(p *float64) string {
	if p == nil {
		return "–"
	}
	s := strconv.FormatFloat(*p*100, 'f', 2, 64)
	if *p >= 0 {
		s = "+" + s
	}
	return s + " points"
}

func num(p *float64) string {
	if p == nil {
		return "–"
	}
	return strconv.FormatFloat(*p, 'f', 2, 64)
}

// quantiles returns the smallest, lower quartile, median, upper quartile
// and largest of the eligible volunteers' probabilities under a method.
func (res *Result) quantiles(greedy bool) []float64 {
	var ps []float64
	for _, v := range res.Volunteers {
		p := v.Leximin
		if greedy {
			p = v.Greedy
		}
		if v.Eligible && p != nil {
			ps = append(ps, *p)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	sort.Float64s(ps)
	q := func(f float64) float64 { return ps[int(math.Round(f*float64(len(ps)-1)))] }
	return []float64{ps[0], q(.25), q(.5), q(.75), ps[len(ps)-1]}
}

// WriteText writes a summary for a terminal: the panel, reserves,
// minimums and quotas. Ids and values pass through safe.Line.
func (res *Result) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("Panel of %d drawn by %s with seed %d", res.Size, res.Method, res.Seed)
	if res.Task != "" {
		p(" for %s", safe.Line(res.Task))
	}
	p("\nPool: %d volunteers, %d eligible, %d households", res.Pool.Volunteers, res.Pool.Eligible, res.Pool.Households)
	if res.Pool.Uncoverable > 0 {
		p(", %d on no panel that meets the quotas", res.Pool.Uncoverable)
	}
	p("\n\nSmallest probability: LEXIMIN %s, greedy %s (gain %s)\n", pct(res.Minimum.Leximin), pct(res.Minimum.Greedy), pctDiff(res.Minimum.Gain))
	for _, m := range []struct {
		name   string
		greedy bool
	}{{"LEXIMIN", false}, {"greedy", true}} {
		if q := res.quantiles(m.greedy); q != nil {
			p("  %-8s min %.2f%%  quartiles %.2f%% %.2f%% %.2f%%  max %.2f%%\n", m.name, q[0]*100, q[1]*100, q[2]*100, q[3]*100, q[4]*100)
		}
	}
	p("\nPanel: %s\n", safe.Line(strings.Join(res.Panel, " ")))
	p("\nReserves, in order:\n")
	for i, r := range res.Reserves {
		p("  %d. %s can replace %s\n", i+1, safe.Line(r.ID), safe.Line(list(r.Replaces, 8)))
	}
	p("\nQuotas (min–max; panel; expected under LEXIMIN and greedy):\n")
	for _, q := range res.Quotas {
		p("  %-28s %3d–%-3d panel %3d  slack %d  LEXIMIN %6s  greedy %6.2f  pool %d\n",
			safe.Line(q.Feature+" "+q.Value), q.Min, q.Max, q.Panel, q.Slack, num(q.Expected), q.ExpectedGreedy, q.Pool)
	}
	if res.Leximin != nil {
		s := res.Leximin
		p("\nLEXIMIN (%s): groups %d, panels generated %d, in the distribution %d, rounds %d, LPs %d, ILPs %d\n",
			safe.Line(res.Solver), s.Types, s.Panels, s.Support, s.Rounds, s.LPs, s.ILPs)
	}
	p("Greedy: %d seeded draws, %.1f%% ran into a dead end and were drawn again\n", res.Greedy.Runs, res.Greedy.DeadEnds*100)
	return bw.Flush()
}

// list joins ids, at most n of them, with "and N more".
func list(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:n], ", ") + " and " + strconv.Itoa(len(ids)-n) + " more"
}

// WriteMarkdown writes the report to publish: how the panel was drawn,
// the panel and reserves, the quotas met, each volunteer's probabilities
// and the fairness gain over the greedy method.
func (res *Result) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("# Panel selection\n\n")
	if res.Task != "" {
		p("Task: %s\n\n", md(res.Task))
	}
	p("A panel of %d was drawn from %d volunteers (%d eligible, %d households) by the **%s** method with seed **%d**. ",
		res.Size, res.Pool.Volunteers, res.Pool.Eligible, res.Pool.Households, res.Method, res.Seed)
	p("Anyone can re-run the draw with the same pool, quotas and seed.\n\n")
	p("## Fairness\n\n| | LEXIMIN | Greedy |\n|---|---:|---:|\n")
	p("| Smallest probability | %s | %s |\n", pct(res.Minimum.Leximin), pct(res.Minimum.Greedy))
	ql, qg := res.quantiles(false), res.quantiles(true)
	for i, name := range []string{"", "Lower quartile", "Median", "Upper quartile", "Largest probability"} {
		if i == 0 {
			continue
		}
		p("| %s | %s | %s |\n", name, qpct(ql, i), qpct(qg, i))
	}
	p("\nLEXIMIN's smallest probability is %s than the greedy method's (%s).", gainWord(res.Minimum.Gain), pctDiff(res.Minimum.Gain))
	if res.Pool.Uncoverable > 0 {
		p(" %d eligible volunteers are on no panel that meets the quotas, so no method can choose them.", res.Pool.Uncoverable)
	}
	p("\n\n## Panel\n\n%s\n\n## Reserves\n\n", md(strings.Join(res.Panel, ", ")))
	for i, r := range res.Reserves {
		p("%d. %s — can replace %s\n", i+1, md(r.ID), md(list(r.Replaces, 8)))
	}
	p("\n## Quotas\n\n| Feature | Value | Min | Max | Pool | Panel | Slack | Expected (LEXIMIN) | Expected (greedy) | At min | At max |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, q := range res.Quotas {
		p("| %s | %s | %d | %d | %d | %d | %d | %s | %.2f | %s | %s |\n", md(q.Feature), md(q.Value), q.Min, q.Max, q.Pool, q.Panel, q.Slack,
			num(q.Expected), q.ExpectedGreedy, pct(q.AtMin), pct(q.AtMax))
	}
	p("\n## Volunteers\n\n| Id | Eligible | Weight | LEXIMIN | Greedy | Chosen |\n|---|---|---:|---:|---:|---|\n")
	for _, v := range res.Volunteers {
		p("| %s | %s | %g | %s | %s | %s |\n", md(v.ID), yes(v.Eligible), v.Weight, pct(v.Leximin), pct(v.Greedy), yes(v.Chosen))
	}
	p("\n## Method\n\n")
	p("LEXIMIN (Flanigan, Gölz, Gupta, Hennig and Procaccia, *Nature* 2021) maximises the smallest selection probability, then the next smallest, and so on, among all ways of drawing panels that meet the quotas.")
	if res.Leximin != nil {
		p(" Solved by %s: groups of interchangeable volunteers %d, panels generated %d, panels in the distribution %d.", md(res.Solver), res.Leximin.Types, res.Leximin.Panels, res.Leximin.Support)
	}
	p(" The greedy method fills the quota furthest from its minimum one volunteer at a time; its probabilities are estimated from %d seeded draws (%.1f%% ran into a dead end and were drawn again).\n", res.Greedy.Runs, res.Greedy.DeadEnds*100)
	return bw.Flush()
}

func qpct(q []float64, i int) string {
	if q == nil {
		return "–"
	}
	v := q[i]
	return pct(&v)
}

func gainWord(g *float64) string {
	switch {
	case g == nil:
		return "not comparable"
	case *g > 0:
		return "higher"
	case *g < 0:
		return "lower"
	}
	return "the same"
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// md escapes text for a Markdown table cell or paragraph: control
// characters escaped, Markdown and HTML punctuation backslashed.
func md(s string) string {
	s = safe.Line(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()#+-.!|<>&~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

var htmlReport = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("panel").Funcs(template.FuncMap{
		"pct": pct, "pctDiff": pctDiff, "num": num, "yes": yes, "gainWord": gainWord,
		"list": func(ids []string) string { return list(ids, 8) },
		"join": func(ids []string) string { return strings.Join(ids, ", ") },
		"qpct": qpct,
	}).Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Panel selection</title>
<style>
body{font-family:Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c;line-height:1.4}
table{border-collapse:collapse;margin:1rem 0}th,td{border-bottom:1px solid #b1b4b6;padding:.3rem .6rem;text-align:left}
td.n,th.n{text-align:right}caption{text-align:left;font-weight:bold}
</style>
</head>
<body>
<h1>Panel selection</h1>
{{with .R.Task}}<p>Task: {{.}}</p>{{end}}
<p>A panel of {{.R.Size}} was drawn from {{.R.Pool.Volunteers}} volunteers ({{.R.Pool.Eligible}} eligible, {{.R.Pool.Households}} households) by the <strong>{{.R.Method}}</strong> method with seed <strong>{{.R.Seed}}</strong>. Anyone can re-run the draw with the same pool, quotas and seed.</p>
<h2>Fairness</h2>
<table><thead><tr><th></th><th class="n">LEXIMIN</th><th class="n">Greedy</th></tr></thead><tbody>
<tr><th>Smallest probability</th><td class="n">{{pct .R.Minimum.Leximin}}</td><td class="n">{{pct .R.Minimum.Greedy}}</td></tr>
<tr><th>Median</th><td class="n">{{qpct .QL 2}}</td><td class="n">{{qpct .QG 2}}</td></tr>
<tr><th>Largest probability</th><td class="n">{{qpct .QL 4}}</td><td class="n">{{qpct .QG 4}}</td></tr>
</tbody></table>
<p>LEXIMIN's smallest probability is {{gainWord .R.Minimum.Gain}} than the greedy method's ({{pctDiff .R.Minimum.Gain}}).{{if .R.Pool.Uncoverable}} {{.R.Pool.Uncoverable}} eligible volunteers are on no panel that meets the quotas.{{end}}</p>
<h2>Panel</h2>
<p>{{join .R.Panel}}</p>
<h2>Reserves</h2>
<ol>{{range .R.Reserves}}<li>{{.ID}} — can replace {{list .Replaces}}</li>{{end}}</ol>
<h2>Quotas</h2>
<table><thead><tr><th>Feature</th><th>Value</th><th class="n">Min</th><th class="n">Max</th><th class="n">Pool</th><th class="n">Panel</th><th class="n">Slack</th><th class="n">Expected (LEXIMIN)</th><th class="n">Expected (greedy)</th><th class="n">At min</th><th class="n">At max</th></tr></thead><tbody>
{{range .R.Quotas}}<tr><td>{{.Feature}}</td><td>{{.Value}}</td><td class="n">{{.Min}}</td><td class="n">{{.Max}}</td><td class="n">{{.Pool}}</td><td class="n">{{.Panel}}</td><td class="n">{{.Slack}}</td><td class="n">{{num .Expected}}</td><td class="n">{{printf "%.2f" .ExpectedGreedy}}</td><td class="n">{{pct .AtMin}}</td><td class="n">{{pct .AtMax}}</td></tr>
{{end}}</tbody></table>
<h2>Volunteers</h2>
<table><thead><tr><th>Id</th><th>Eligible</th><th class="n">Weight</th><th class="n">LEXIMIN</th><th class="n">Greedy</th><th>Chosen</th></tr></thead><tbody>
{{range .R.Volunteers}}<tr><td>{{.ID}}</td><td>{{yes .Eligible}}</td><td class="n">{{.Weight}}</td><td class="n">{{pct .Leximin}}</td><td class="n">{{pct .Greedy}}</td><td>{{yes .Chosen}}</td></tr>
{{end}}</tbody></table>
<h2>Method</h2>
<p>LEXIMIN (Flanigan, Gölz, Gupta, Hennig and Procaccia, <cite>Nature</cite> 2021) maximises the smallest selection probability, then the next smallest, and so on, among all ways of drawing panels that meet the quotas.{{with .R.Leximin}} Solved by {{$.R.Solver}}: groups of interchangeable volunteers {{.Types}}, panels generated {{.Panels}}, panels in the distribution {{.Support}}.{{end}} The greedy method fills the quota furthest from its minimum one volunteer at a time; its probabilities are estimated from {{.R.Greedy.Runs}} seeded draws.</p>
</body>
</html>
`))
})

// WriteHTML writes the report as a self-contained HTML page; every value
// from input is escaped by html/template.
func (res *Result) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if err := htmlReport().Execute(bw, map[string]any{"R": res, "QL": res.quantiles(false), "QG": res.quantiles(true)}); err != nil {
		return err
	}
	return bw.Flush()
}
