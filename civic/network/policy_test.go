package network

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKindsCaseInsensitive(t *testing.T) {
	for _, s := range []string{"Citizen", "CITIZEN", " citizen "} {
		k, ok := ParseActorKind(s)
		assert.True(t, ok, s)
		assert.Equal(t, KindCitizen, k, s)
	}
	k, ok := ParseActorKind("Council Account")
	assert.True(t, ok)
	assert.Equal(t, KindCouncilAccount, k)
	assert.True(t, ActorKind("Councillor").Public())
	for _, k := range []ActorKind{"", "Citizen", "resident", "CITIZEN"} {
		assert.False(t, k.Public(), "kind %q", k)
	}
	// Built through the API with a capitalised kind, the citizen is still
	// pseudonymised.
	net := NewNetwork(false)
	require.NoError(t, net.AddActor(Actor{ID: "@jane", Kind: "Citizen", Label: "Jane"}))
	require.NoError(t, net.AddActor(Actor{ID: "@anon", Label: "Anon"}))
	require.NoError(t, net.AddActor(Actor{ID: "cllr", Kind: "COUNCILLOR"}))
	require.NoError(t, net.AddTie(Tie{Source: "@jane", Target: "cllr"}))
	p, _, err := net.Pseudonymize(nil)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, p.WriteJSON(&buf))
	require.NoError(t, p.WriteGraphML(&buf))
	require.NoError(t, p.WriteGEXF(&buf))
	assert.NotContains(t, buf.String(), "jane")
	assert.NotContains(t, buf.String(), "Jane")
	assert.NotContains(t, buf.String(), "anon")
	assert.Contains(t, buf.String(), `"id": "cllr"`)
	assert.Contains(t, buf.String(), `"kind": "councillor"`)
}

func TestUnknownKind(t *testing.T) {
	nodes := "id,kind\na,councillor\nb,Resident\n"
	_, err := ReadCSV(strings.NewReader("source,target\na,b\n"), strings.NewReader(nodes), ReadOptions{NodesFile: "n.csv"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "n.csv:3:3: kind: unknown actor kind \"Resident\" (want councillor, group, council_account, partner or citizen)", pe.Error())

	var warned []error
	net, err := ReadCSV(strings.NewReader("source,target\na,b\n"), strings.NewReader(nodes),
		ReadOptions{NodesFile: "n.csv", Lenient: true, Warn: func(err error) { warned = append(warned, err) }})
	require.NoError(t, err)
	require.Len(t, warned, 1)
	assert.Contains(t, warned[0].Error(), "n.csv:3:3")
	b, _ := net.Actor("b")
	assert.Equal(t, KindCitizen, b.Kind, "a lenient read keeps the actor private")

	_, err = ReadJSON(strings.NewReader(`{"actors": [{"id": "a"},`+"\n"+`{"id": "b", "kind": "Resident"}], "ties": []}`), ReadOptions{File: "n.json"})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Line)
	assert.Equal(t, "actors[1].kind", pe.Field)
}

func TestEdgeListActorsAreCitizens(t *testing.T) {
	net, err := ReadCSV(strings.NewReader("source,target\na,b\n"), nil, ReadOptions{})
	require.NoError(t, err)
	for _, a := range net.Actors() {
		assert.Equal(t, KindCitizen, a.Kind)
	}
	net, err = ReadCSV(strings.NewReader("source,target\na,b\n"), nil, ReadOptions{DefaultKind: "Group"})
	require.NoError(t, err)
	a, _ := net.Actor("a")
	assert.Equal(t, KindGroup, a.Kind)
	_, err = ReadCSV(strings.NewReader("source,target\na,b\n"), nil, ReadOptions{DefaultKind: "resident"})
	assert.Error(t, err)
	// GraphML without kinds: citizens too.
	net, err = ReadGraphML(strings.NewReader(`<graphml><graph><node id="a"/></graph></graphml>`), ReadOptions{})
	require.NoError(t, err)
	a, _ = net.Actor("a")
	assert.Equal(t, KindCitizen, a.Kind)
}

func TestGraphMLStrict(t *testing.T) {
	for name, doc := range map[string]string{
		"undeclared key": `<graphml><graph><node id="a"><data key="k">citizen</data></node></graph></graphml>`,
		"two graphs":     `<graphml><graph><node id="a"/></graph><graph><node id="b"/></graph></graphml>`,
		"node outside":   `<graphml><node id="b"/><graph><node id="a"/></graph></graphml>`,
		"edge outside":   `<graphml><graph><node id="a"/></graph><edge source="a" target="a"/></graphml>`,
	} {
		_, err := ReadGraphML(strings.NewReader(doc), ReadOptions{File: "g.graphml"})
		var pe *civic.ParseError
		if assert.ErrorAs(t, err, &pe, name) {
			assert.Equal(t, 1, pe.Line, name)
			assert.NotZero(t, pe.Column, name)
		}
	}
	// A key declared without attr.name is matched by its id.
	net, err := ReadGraphML(strings.NewReader(`<graphml><key id="kind" for="node"/><graph><node id="a"><data key="kind">Group</data></node></graph></graphml>`), ReadOptions{})
	require.NoError(t, err)
	a, _ := net.Actor("a")
	assert.Equal(t, KindGroup, a.Kind)
}

func TestGraphIsReadOnly(t *testing.T) {
	net := NewNetwork(false)
	require.NoError(t, net.AddActor(Actor{ID: "a", Kind: KindGroup}))
	require.NoError(t, net.AddActor(Actor{ID: "b", Kind: KindGroup}))
	g := net.Graph()
	// Before, this edge appeared twice in Ties with weight 0.
	assert.ErrorIs(t, g.AddEdge("a", "b"), ErrReadOnly)
	assert.ErrorIs(t, g.AddVertex(Actor{ID: "c"}), ErrReadOnly)
	assert.ErrorIs(t, g.RemoveVertex("a"), ErrReadOnly)
	assert.Empty(t, net.Ties())
	assert.Equal(t, 2, net.Len())
	g.Traits().IsDirected = true
	assert.False(t, net.Directed(), "traits are a copy")
	// Changes made through the network are seen through the view.
	require.NoError(t, net.AddTie(Tie{Source: "a", Target: "b", Weight: 2}))
	e, err := g.Edge("b", "a")
	require.NoError(t, err)
	assert.Equal(t, 2, e.Properties.Weight)
	assert.Equal(t, []Tie{{Source: "a", Target: "b", Weight: 2}}, net.Ties())
	// A clone is the caller's to change.
	c, err := g.Clone()
	require.NoError(t, err)
	assert.NoError(t, c.AddVertex(Actor{ID: "c"}))
	assert.Equal(t, 2, net.Len())
}

func TestReadersApplyInputPolicy(t *testing.T) {
	json := `{"directed": false, "actors": [{"id": "a", "kind": "group"}], "ties": []}`
	graphml := `<graphml><graph><node id="a"/></graph></graphml>`
	csv := "source,target\na,b\n"
	read := map[string]func(io.Reader, ReadOptions) (*Network, error){
		"csv":     func(r io.Reader, o ReadOptions) (*Network, error) { return ReadCSV(r, nil, o) },
		"graphml": ReadGraphML,
		"json":    ReadJSON,
	}
	docs := map[string]string{"csv": csv, "graphml": graphml, "json": json}
	for format, doc := range docs {
		// A UTF-8 byte-order mark is accepted (the JSON reader refused it).
		net, err := read[format](strings.NewReader(input.BOM+doc), ReadOptions{File: "f"})
		require.NoError(t, err, format)
		_, ok := net.Actor("a")
		assert.True(t, ok, format)
		// UTF-16 is named.
		u16 := []byte{0xff, 0xfe}
		for _, c := range []byte(doc) {
			u16 = append(u16, c, 0)
		}
		_, err = read[format](bytes.NewReader(u16), ReadOptions{File: "f"})
		var ee *input.EncodingError
		require.ErrorAs(t, err, &ee, format)
		assert.Contains(t, err.Error(), "UTF-16", format)
		// Latin-1 is named.
		_, err = read[format](strings.NewReader(strings.Replace(doc, `"a"`, "\"\xe9\"", 1)+strings.Replace(doc, "a", "\xe9", 1)), ReadOptions{File: "f"})
		require.ErrorAs(t, err, &ee, format)
		// Endless input stops at the cap.
		_, err = read[format](io.MultiReader(strings.NewReader(doc), zeros{}), ReadOptions{File: "f", MaxBytes: 1 << 16})
		var tl *input.TooLargeError
		assert.ErrorAs(t, err, &tl, format)
	}
}

// zeros is endless input: spaces, so that every reader keeps reading.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestReadJSONUnknownField(t *testing.T) {
	doc := "{\"directed\": false,\n \"actors\": [{\"id\": \"a\"},\n  {\"id\": \"b\", \"knid\": \"group\"}],\n \"ties\": []}"
	_, err := ReadJSON(strings.NewReader(doc), ReadOptions{File: "n.json"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "actors[1].knid", pe.Field)
	assert.Equal(t, 3, pe.Line)
	assert.Equal(t, 15, pe.Column)
	_, err = ReadJSON(strings.NewReader(`{"directed": false, "weigthed": true, "actors": [], "ties": []}`), ReadOptions{File: "n.json"})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "weigthed", pe.Field)
	_, err = ReadJSON(strings.NewReader(`{"actors": [{"id": "a"}], "ties": [{"source": "a", "target": "a", "wieght": 2}]}`), ReadOptions{File: "n.json"})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "ties[0].wieght", pe.Field)
}

func TestWeightsRefused(t *testing.T) {
	for _, w := range []string{"NaN", "Inf", "-Inf", "1e400", "1e-310", "4e-320", "0", "-1", "1e301"} {
		_, err := ReadCSV(strings.NewReader("source,target,weight\na,b,"+w+"\n"), nil, ReadOptions{File: "e.csv"})
		var pe *civic.ParseError
		if assert.ErrorAs(t, err, &pe, w) {
			assert.Equal(t, "weight", pe.Field, w)
			assert.Equal(t, 2, pe.Line, w)
		}
	}
	// Duplicate ties of 1e300 merged to more than the largest weight: an
	// error, not +Inf in the GEXF (1e308 merged to +Inf before).
	_, err := ReadCSV(strings.NewReader("source,target,weight\na,b,1e300\nb,a,1e300\n"), nil, ReadOptions{File: "e.csv"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line)
	assert.ErrorIs(t, err, ErrWeight)
	net := NewNetwork(false)
	require.NoError(t, net.AddActor(Actor{ID: "a"}))
	require.NoError(t, net.AddActor(Actor{ID: "b"}))
	for _, w := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e-310, -2} {
		assert.ErrorIs(t, net.AddTie(Tie{Source: "a", Target: "b", Weight: w}), ErrWeight, "%v", w)
	}
	_, err = ReadJSON(strings.NewReader(`{"actors": [{"id": "a"}, {"id": "b"}], "ties": [{"source": "a", "target": "b", "weight": 1e-310}]}`), ReadOptions{})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "ties[0].weight", pe.Field)
}

func TestExtremeWeightsStayFinite(t *testing.T) {
	for _, w := range []float64{MinWeight, 1e-200, MaxWeight / 4, MaxWeight} {
		net := NewNetwork(true)
		net.Weighted = true
		ids := []string{"a", "b", "c", "d", "e"}
		for _, id := range ids {
			require.NoError(t, net.AddActor(Actor{ID: id, Kind: KindGroup}))
		}
		for i := range ids {
			for j := range ids {
				if i != j {
					require.NoError(t, net.AddTie(Tie{Source: ids[i], Target: ids[j], Weight: w}))
				}
			}
		}
		m := must(net.Analyze().Metrics(bg, MetricsOptions{}))
		for _, r := range m.Nodes {
			assert.InDelta(t, 0.2, r.PageRank, 1e-9, "weight %v", w)
		}
		assert.False(t, math.IsNaN(m.Modularity) || math.IsInf(m.Modularity, 0), "weight %v", w)
		_, err := json.Marshal(m)
		assert.NoError(t, err)
	}
}

func TestMetricsNeverNaNInJSON(t *testing.T) {
	m := &Metrics{Nodes: []NodeMetrics{{ID: "a", PageRank: math.Inf(1), Closeness: math.NaN()}}, Modularity: math.NaN()}
	m.finite()
	var buf bytes.Buffer
	require.NoError(t, m.WriteJSON(&buf))
	assert.Len(t, m.Warnings, 3)
}

func TestNoncharacterIDs(t *testing.T) {
	net := NewNetwork(false)
	// Both would be written as "a\uFFFD" in XML: one id in GraphML and GEXF.
	assert.Error(t, net.AddActor(Actor{ID: "a\uFFFE"}))
	assert.Error(t, net.AddActor(Actor{ID: "a\uFFFF"}))
	_, err := ReadCSV(strings.NewReader("source,target\na\uFFFE,a\uFFFF\n"), nil, ReadOptions{File: "e.csv"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Line)
	_, err = ReadJSON(strings.NewReader(`{"actors": [{"id": "a\uffff"}], "ties": []}`), ReadOptions{})
	assert.Error(t, err)
}

func TestExportIDsDistinct(t *testing.T) {
	// Ids that XML escaping could merge stay distinct through GraphML.
	net := NewNetwork(false)
	for _, id := range []string{"a\uFFFD", "a", "a&b", "a<b", `a"b`, "a'b", "a\u00a0"} {
		require.NoError(t, net.AddActor(Actor{ID: id, Kind: KindGroup}))
	}
	var buf bytes.Buffer
	require.NoError(t, net.WriteGraphML(&buf))
	back, err := ReadGraphML(&buf, ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, net.Actors(), back.Actors())
}

func TestMetricsCancel(t *testing.T) {
	a := barabasiAlbert(20_000, 10, 1).Analyze()
	for _, only := range []string{"betweenness", "closeness", "community"} {
		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		time.AfterFunc(100*time.Millisecond, cancel)
		_, err := a.Metrics(ctx, MetricsOptions{Metrics: []string{only}})
		assert.ErrorIs(t, err, context.Canceled, only)
		// 100 ms of work, then the stop; the bound leaves room for -race
		// (several times slower) on a shared machine.
		assert.Less(t, time.Since(start), 5*time.Second, only)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := a.Louvain(ctx, LouvainOptions{Seed: 77})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = a.Louvain(bg, LouvainOptions{Seed: 77, Trials: 1})
	assert.NoError(t, err, "a cancelled run is not cached")
}

func TestWardsShareOneLouvain(t *testing.T) {
	f := func(name string) io.Reader {
		b, err := sampleFile(name)
		require.NoError(t, err)
		return bytes.NewReader(b)
	}
	net, err := ReadCSV(f("edges.csv"), f("nodes.csv"), ReadOptions{})
	require.NoError(t, err)
	before := louvainRuns.Load()
	for range 3 {
		for _, w := range []string{"E05990001", "E05990002", "E05990003"} {
			_, err := net.Ward(bg, w, WardOptions{})
			require.NoError(t, err)
		}
	}
	_, err = net.Analyze().Metrics(bg, MetricsOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(1), louvainRuns.Load()-before, "nine ward views and the metrics share one Louvain run")
	// A change to the network is seen.
	require.NoError(t, net.AddActor(Actor{ID: "grp-new", Kind: KindGroup, Ward: "E05990001"}))
	w, err := net.Ward(bg, "E05990001", WardOptions{})
	require.NoError(t, err)
	assert.Contains(t, w.Groups, "grp-new")
	assert.Equal(t, int64(2), louvainRuns.Load()-before)
}

func TestMetricsSubset(t *testing.T) {
	a := barabasiAlbert(200, 2, 1).Analyze()
	full := must(a.Metrics(bg, MetricsOptions{}))
	part := must(a.Metrics(bg, MetricsOptions{Metrics: []string{"pagerank", "Degree"}}))
	assert.Equal(t, []string{"degree", "pagerank"}, part.Computed)
	for i := range full.Nodes {
		assert.Equal(t, full.Nodes[i].PageRank, part.Nodes[i].PageRank)
		assert.Equal(t, full.Nodes[i].Degree, part.Nodes[i].Degree)
		assert.Zero(t, part.Nodes[i].Betweenness)
	}
	var buf bytes.Buffer
	require.NoError(t, part.WriteJSON(&buf))
	var doc struct {
		Nodes []map[string]any `json:"nodes"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	assert.Len(t, doc.Nodes[0], 3)
	assert.NotContains(t, buf.String(), "modularity")
	buf.Reset()
	require.NoError(t, part.WriteCSV(&buf))
	assert.True(t, strings.HasPrefix(buf.String(), "id,degree,pagerank\n"))
	_, err := a.Metrics(bg, MetricsOptions{Metrics: []string{"pagerank", "katz"}})
	assert.ErrorIs(t, err, ErrUnknownMetric)
	// Only community: one Louvain, no traversal.
	before := louvainRuns.Load()
	c := must(a.Metrics(bg, MetricsOptions{Metrics: []string{"community"}, Seed: 99}))
	assert.Equal(t, int64(1), louvainRuns.Load()-before)
	assert.Greater(t, c.Modularity, 0.0)
}

// TestSchemaTags checks every jsonschema tag of the package's types: its
// parts, split at commas as invopop/jsonschema splits them, must each be
// key=value with a known key, so that no value (a description) holds a
// comma and is cut.
func TestSchemaTags(t *testing.T) {
	known := map[string]bool{"minimum": true, "maximum": true, "minLength": true, "enum": true, "title": true, "description": true}
	for _, v := range []any{Actor{}, Tie{}, NetworkFile{}, NodeMetrics{}, Metrics{}, MetricsOptions{}, ReadOptions{},
		Communities{}, LouvainOptions{}, SampledBetweenness{}, Brokerage{}, TieSummary{}, Broker{}, CouncillorView{}, WardView{}, WardOptions{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			tag, ok := typ.Field(i).Tag.Lookup("jsonschema")
			if !ok {
				continue
			}
			for _, part := range strings.Split(tag, ",") {
				k, _, ok := strings.Cut(part, "=")
				assert.True(t, ok && known[k], "%s.%s: tag part %q", typ.Name(), typ.Field(i).Name, part)
			}
		}
	}
	// Enums encode as strings.
	b, err := json.Marshal(Actor{ID: "a", Kind: KindCouncilAccount})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"a","kind":"council_account"}`, string(b))
	var a Actor
	require.NoError(t, json.Unmarshal([]byte(`{"id":"a","kind":"Council Account"}`), &a))
	assert.Equal(t, KindCouncilAccount, a.Kind)
	var tie Tie
	require.NoError(t, json.Unmarshal([]byte(`{"source":"a","target":"b","kind":"FOLLOWS"}`), &tie))
	assert.Equal(t, TieFollows, tie.Kind)
}

func TestWriteErrors(t *testing.T) {
	a := barabasiAlbert(50, 2, 1).Analyze()
	m := must(a.Metrics(bg, MetricsOptions{}))
	for name, write := range map[string]func(io.Writer) error{"csv": m.WriteCSV, "text": m.WriteText, "json": m.WriteJSON} {
		assert.Error(t, write(failWriter{}), name)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestTextOutputEscapesInput(t *testing.T) {
	nodes := "id,kind,ward,label\ncllr\u202e,councillor,W1,\x1b]0;owned\x07Cllr\ngrp,group,W1,\x1b[2JGroup\n"
	net, err := ReadCSV(strings.NewReader("source,target\ncllr\u202e,grp\n"), strings.NewReader(nodes), ReadOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, must(net.Analyze().Metrics(bg, MetricsOptions{})).WriteText(&buf))
	w, err := net.Ward(bg, "W1", WardOptions{})
	require.NoError(t, err)
	require.NoError(t, w.WriteText(&buf))
	assert.NotContains(t, buf.String(), "\x1b")
	assert.NotContains(t, buf.String(), "\u202e")
	assert.Contains(t, buf.String(), `\x1b]0;owned\aCllr`)
}
