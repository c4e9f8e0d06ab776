package network

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/civickit/civickit/internal/safe"
)

// errWriter remembers the first write error, so that a writer can print
// freely and return it at the end.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }

// computed reports whether the metric name was computed.
func (m *Metrics) computed(name string) bool {
	return m.Computed == nil || slices.Contains(m.Computed, name)
}

// columns returns the metric names of the table's columns.
func (m *Metrics) columns() []string {
	if m.Computed == nil {
		return MetricNames
	}
	return m.Computed
}

// value formats metric name of row r for CSV: integers as such, numbers
// in the shortest form that reads back exactly.
func (r *NodeMetrics) value(name string, f func(float64) string) string {
	switch name {
	case "degree":
		return strconv.Itoa(r.Degree)
	case "betweenness":
		return f(r.Betweenness)
	case "closeness":
		return f(r.Closeness)
	case "harmonic":
		return f(r.Harmonic)
	case "pagerank":
		return f(r.PageRank)
	case "eigenvector":
		return f(r.Eigenvector)
	case "clustering":
		return f(r.Clustering)
	case "core":
		return strconv.Itoa(r.Core)
	case "community":
		return strconv.Itoa(r.Community)
	}
	return ""
}

// WriteJSON writes the metrics as indented JSON: the [Metrics] object, with
// only the computed metrics' keys in each row when [Metrics.Computed] names
// some (and modularity only with community).
func (m *Metrics) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if m.Computed == nil {
		return enc.Encode(m)
	}
	type row struct {
		ID          string   `json:"id"`
		Degree      *int     `json:"degree,omitempty"`
		Betweenness *float64 `json:"betweenness,omitempty"`
		Closeness   *float64 `json:"closeness,omitempty"`
		Harmonic    *float64 `json:"harmonic,omitempty"`
		PageRank    *float64 `json:"pagerank,omitempty"`
		Eigenvector *float64 `json:"eigenvector,omitempty"`
		Clustering  *float64 `json:"clustering,omitempty"`
		Core        *int     `json:"core,omitempty"`
		Community   *int     `json:"community,omitempty"`
	}
	out := struct {
		Nodes       []row    `json:"nodes"`
		Modularity  *float64 `json:"modularity,omitempty"`
		Components  int      `json:"components"`
		Betweenness string   `json:"betweenness_method,omitempty"`
		Warnings    []string `json:"warnings,omitempty"`
		Metrics     []string `json:"metrics"`
	}{Nodes: make([]row, len(m.Nodes)), Components: m.Components, Betweenness: m.Betweenness, Warnings: m.Warnings, Metrics: m.Computed}
	if m.computed("community") {
		out.Modularity = &m.Modularity
	}
	for i := range m.Nodes {
		n, r := &m.Nodes[i], &out.Nodes[i]
		r.ID = n.ID
		for _, c := range m.Computed {
			switch c {
			case "degree":
				r.Degree = &n.Degree
			case "betweenness":
				r.Betweenness = &n.Betweenness
			case "closeness":
				r.Closeness = &n.Closeness
			case "harmonic":
				r.Harmonic = &n.Harmonic
			case "pagerank":
				r.PageRank = &n.PageRank
			case "eigenvector":
				r.Eigenvector = &n.Eigenvector
			case "clustering":
				r.Clustering = &n.Clustering
			case "core":
				r.Core = &n.Core
			case "community":
				r.Community = &n.Community
			}
		}
	}
	return enc.Encode(out)
}

// WriteCSV writes one row per actor under the header id and the computed
// metrics' names, numbers in the shortest form that reads back exactly.
func (m *Metrics) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cols := m.columns()
	rec := make([]string, 0, len(cols)+1)
	if err := cw.Write(append(append(rec, "id"), cols...)); err != nil {
		return err
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for i := range m.Nodes {
		n := &m.Nodes[i]
		rec = append(rec[:0], n.ID)
		for _, c := range cols {
			rec = append(rec, n.value(c, f))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteText writes the metrics as a table aligned for a terminal, then the
// number of actors and components, the modularity, how betweenness was
// computed, and any warnings. Ids are escaped as safe.Text escapes them,
// so no terminal control sequence from the input is passed through.
func (m *Metrics) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', tabwriter.AlignRight)
	cols := m.columns()
	fmt.Fprintln(tw, "id\t"+strings.Join(cols, "\t")+"\t")
	var b []byte
	for i := range m.Nodes {
		n := &m.Nodes[i]
		b = append(b[:0], safe.Text(n.ID, 0)...)
		for _, c := range cols {
			b = append(b, '\t')
			switch c {
			case "degree", "core", "community":
				b = append(b, n.value(c, nil)...)
			case "harmonic":
				b = strconv.AppendFloat(b, n.Harmonic, 'f', 2, 64)
			default:
				b = strconv.AppendFloat(b, floatOf(n, c), 'f', 4, 64)
			}
		}
		b = append(b, "\t\n"...)
		tw.Write(b)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	ew.printf("\n%d actors, %d components", len(m.Nodes), m.Components)
	if m.computed("community") {
		ew.printf(", modularity %.4f", m.Modularity)
	}
	if m.computed("betweenness") {
		ew.printf(", betweenness %s", m.Betweenness)
	}
	ew.printf("\n")
	for _, warn := range m.Warnings {
		ew.printf("warning: %s\n", safe.Line(warn))
	}
	return ew.err
}

func floatOf(n *NodeMetrics, name string) float64 {
	switch name {
	case "betweenness":
		return n.Betweenness
	case "closeness":
		return n.Closeness
	case "pagerank":
		return n.PageRank
	case "eigenvector":
		return n.Eigenvector
	case "clustering":
		return n.Clustering
	}
	return 0
}

// WriteJSON writes the ward view as indented JSON.
func (w *WardView) WriteJSON(out io.Writer) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(w)
}

// WriteText writes the ward view in plain English: each councillor's
// reach, the groups nobody reaches, communities and recommendations.
// Actors are named by their labels where the view has them. Text from the
// input passes through safe.Line, so no terminal control sequence is
// passed through.
func (w *WardView) WriteText(out io.Writer) error {
	ew := &errWriter{w: out}
	name := func(id string) string {
		if l := w.labels[id]; l != "" {
			return safe.Line(l)
		}
		return safe.Line(id)
	}
	names := func(ids []string) string {
		if len(ids) == 0 {
			return "none"
		}
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = name(id)
		}
		return strings.Join(s, ", ")
	}
	ew.printf("Ward %s: %d community groups, connectivity score %.0f/100\n\n", safe.Line(w.Ward), len(w.Groups), w.Score)
	for _, c := range w.Councillors {
		ew.printf("%s reaches %.0f%% of the ward's groups\n", name(c.ID), 100*c.Share)
		ew.printf("  directly:      %s\n", names(c.Reached1))
		ew.printf("  at two steps:  %s\n", names(c.Reached2))
		ties := make([]string, len(c.StrongestTies))
		for i, t := range c.StrongestTies {
			ties[i] = fmt.Sprintf("%s (%g)", name(t.ID), t.Weight)
		}
		ew.printf("  strongest ties: %s\n", strings.Join(ties, ", "))
		for _, b := range c.Brokers {
			ew.printf("  broker: %s links %s\n", name(b.ID), names(b.Links))
		}
		ew.printf("\n")
	}
	ew.printf("Groups no councillor reaches: %s\n", names(w.Unreached))
	ew.printf("Communities:\n")
	for i, c := range w.Communities {
		ew.printf("  %d. %s\n", i+1, names(c))
	}
	ew.printf("\nRecommendations:\n")
	for _, r := range w.Recommendations {
		ew.printf("  - %s\n", safe.Line(r))
	}
	return ew.err
}
