package network

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/civickit/civickit/internal/safe"
	"github.com/dominikbraun/graph"
)

// Network is a ward network: actors joined by ties. It keeps them in
// compact arrays in the order they were added, so analysis copies them
// into its own form in one pass and results follow that order; its public
// graph form is a read-only [github.com/dominikbraun/graph] view, returned
// by [Network.Graph].
//
// Edge cases, as the readers and [Network.AddTie] define them:
//   - a self-loop is kept as a tie but ignored by every metric;
//   - a duplicate tie (the same pair again, either way round when
//     undirected) is merged: weights add up, first and last seen widen, the
//     first kind is kept;
//   - a tie naming an unknown actor is an error (the readers add actors
//     from the edge list only when no node list is given);
//   - an empty network has no metrics, modularity 0 and 0 components.
//
// A Network is not safe for concurrent use while it changes; an
// [Analysis] of it is safe for concurrent use.
type Network struct {
	// Weighted reports whether the ties' weights were given. When false,
	// every metric counts ties; when true, PageRank, Louvain and
	// modularity use the weights, as NetworkX's defaults do with a
	// "weight" attribute, and every other metric still counts ties.
	Weighted bool `json:"weighted,omitempty"`

	directed bool
	// Actors: ids, values and the index of each id.
	ids  []string
	vals []Actor
	idx  map[string]int32
	// Ties, each once, in the order added: ends, weight, kind, and the
	// dates of the few that have them.
	src, dst []int32
	w        []float64
	kind     []TieKind
	seen     map[int32][2]time.Time
	// eidx finds a tie by its pair of ends (in either order when
	// undirected: see pairKey).
	eidx map[uint64]int32

	// version counts changes, so that the cached analysis (with its
	// Louvain communities) is rebuilt only after the network changed.
	version  uint64
	analysis *Analysis
	cachedAt uint64
}

// ErrUnknownActor reports a tie that names an actor not in the network.
var ErrUnknownActor = errors.New("civic: unknown actor")

// NewNetwork returns an empty network, directed or not.
func NewNetwork(directed bool) *Network {
	return &Network{directed: directed, idx: map[string]int32{}, eidx: map[uint64]int32{}}
}

func actorHash(a Actor) string { return a.ID }

// Graph returns a read-only view of the network as a dominikbraun graph,
// weighted, and directed when the network is. Edges carry a copy of the
// [Tie] in their Data, its kind as the attribute "kind" and the weight
// rounded to an int. Every method that would change the graph returns
// [ErrReadOnly]: a tie added behind the network's back would skip its
// checks and its merging of duplicates; use [Network.AddActor] and
// [Network.AddTie], which the view then shows. Clone returns an
// independent graph that may be changed.
func (n *Network) Graph() graph.Graph[string, Actor] {
	opts := []func(*graph.Traits){graph.Weighted()}
	if n.directed {
		opts = append(opts, graph.Directed())
	}
	return readOnlyGraph{graph.NewWithStore(actorHash, graph.Store[string, Actor](storeView{n}), opts...)}
}

// ErrReadOnly is returned by the changing methods of [Network.Graph].
var ErrReadOnly = errors.New("civic: the network's graph view is read-only; use Network.AddActor and Network.AddTie")

// readOnlyGraph is the view [Network.Graph] returns.
type readOnlyGraph struct{ graph.Graph[string, Actor] }

func (g readOnlyGraph) Traits() *graph.Traits {
	t := *g.Graph.Traits()
	return &t
}

func (readOnlyGraph) AddVertex(Actor, ...func(*graph.VertexProperties)) error { return ErrReadOnly }
func (readOnlyGraph) AddVerticesFrom(graph.Graph[string, Actor]) error        { return ErrReadOnly }
func (readOnlyGraph) RemoveVertex(string) error                               { return ErrReadOnly }
func (readOnlyGraph) AddEdge(string, string, ...func(*graph.EdgeProperties)) error {
	return ErrReadOnly
}
func (readOnlyGraph) AddEdgesFrom(graph.Graph[string, Actor]) error { return ErrReadOnly }
func (readOnlyGraph) UpdateEdge(string, string, ...func(*graph.EdgeProperties)) error {
	return ErrReadOnly
}
func (readOnlyGraph) RemoveEdge(string, string) error { return ErrReadOnly }

// Directed reports whether ties have a direction.
func (n *Network) Directed() bool { return n.directed }

// Len returns the number of actors.
func (n *Network) Len() int { return len(n.ids) }

// Actors returns the actors in the order they were added.
func (n *Network) Actors() []Actor { return slices.Clone(n.vals) }

// Actor returns the actor with the given id.
func (n *Network) Actor(id string) (Actor, bool) {
	i, ok := n.idx[id]
	if !ok {
		return Actor{}, false
	}
	return n.vals[i], true
}

// Ties returns the ties in the order they were added, each once.
func (n *Network) Ties() []Tie {
	out := make([]Tie, len(n.src))
	for i := range out {
		out[i] = n.tieAt(i)
	}
	return out
}

func (n *Network) tieAt(i int) Tie {
	t := Tie{Source: n.ids[n.src[i]], Target: n.ids[n.dst[i]], Kind: n.kind[i], Weight: n.w[i]}
	if s, ok := n.seen[int32(i)]; ok {
		t.FirstSeen, t.LastSeen = s[0], s[1]
	}
	return t
}

// AddActor adds an actor. Adding an id twice updates its kind, ward and
// label where the new value is not empty. An id must be valid UTF-8
// without control characters or the noncharacters U+FFFE and U+FFFF
// (which XML cannot carry, so two ids differing only there would become
// one in GraphML and GEXF), so that it reads back the same from every
// format the network is written in. A kind is kept as given; see
// [ActorKind.Public] for which kinds are pseudonymised.
func (n *Network) AddActor(a Actor) error {
	if a.ID == "" {
		return errors.New("civic: actor id is empty")
	}
	if !utf8.ValidString(a.ID) {
		return fmt.Errorf("civic: actor id %s is not valid UTF-8", safe.Quote(a.ID))
	}
	if i := strings.IndexFunc(a.ID, func(r rune) bool { return unicode.IsControl(r) || r == 0xfffe || r == 0xffff }); i >= 0 {
		return fmt.Errorf("civic: actor id %s has a control character or noncharacter at byte %d", safe.Quote(a.ID), i)
	}
	n.version++
	if i, ok := n.idx[a.ID]; ok {
		old := &n.vals[i]
		if a.Kind != "" {
			old.Kind = a.Kind
		}
		if a.Ward != "" {
			old.Ward = a.Ward
		}
		if a.Label != "" {
			old.Label = a.Label
		}
		return nil
	}
	n.idx[a.ID] = int32(len(n.ids))
	n.ids = append(n.ids, a.ID)
	n.vals = append(n.vals, a)
	return nil
}

// MinWeight and MaxWeight bound a tie's weight. Outside them, sums of
// weights (strengths, PageRank's shares, modularity's totals) would
// overflow to infinity or lose all precision: a weight of 1e308 given twice
// merges to +Inf, and weights of 1e-310 make PageRank infinite.
const (
	MinWeight = 1e-300
	MaxWeight = 1e300
)

// ErrWeight reports a weight that is not a number between [MinWeight] and
// [MaxWeight].
var ErrWeight = errors.New("civic: weight is not a number between 1e-300 and 1e300")

// checkWeight returns an error wrapping ErrWeight unless w is a weight a
// tie may have.
func checkWeight(w float64) error {
	if !(w >= MinWeight && w <= MaxWeight) { // also false for NaN
		return fmt.Errorf("%w: %v", ErrWeight, w)
	}
	return nil
}

// pairKey is the key of the tie between a and b in eidx: ordered when
// directed, the smaller index first when not.
func (n *Network) pairKey(a, b int32) uint64 {
	if !n.directed && a > b {
		a, b = b, a
	}
	return uint64(uint32(a))<<32 | uint64(uint32(b))
}

// AddTie adds a tie between two actors already in the network. A weight
// of 0 means 1; any other weight must lie between [MinWeight] and
// [MaxWeight] (NaN, infinities, negative and subnormal weights are
// errors). A duplicate tie is merged into the first (see [Network]); it is
// an error when the merged weight exceeds MaxWeight.
func (n *Network) AddTie(t Tie) error {
	if t.Weight == 0 {
		t.Weight = 1
	}
	if err := checkWeight(t.Weight); err != nil {
		return fmt.Errorf("civic: tie %s-%s: %w", safe.Quote(t.Source), safe.Quote(t.Target), err)
	}
	a, ok := n.idx[t.Source]
	if !ok {
		return fmt.Errorf("%w %s", ErrUnknownActor, safe.Quote(t.Source))
	}
	b, ok := n.idx[t.Target]
	if !ok {
		return fmt.Errorf("%w %s", ErrUnknownActor, safe.Quote(t.Target))
	}
	key := n.pairKey(a, b)
	if i, ok := n.eidx[key]; ok {
		if err := checkWeight(n.w[i] + t.Weight); err != nil {
			return fmt.Errorf("civic: tie %s-%s given again: merged weight: %w", safe.Quote(t.Source), safe.Quote(t.Target), err)
		}
		n.version++
		n.w[i] += t.Weight
		if !t.FirstSeen.IsZero() || !t.LastSeen.IsZero() {
			s := n.seen[i]
			if !t.FirstSeen.IsZero() && (s[0].IsZero() || t.FirstSeen.Before(s[0])) {
				s[0] = t.FirstSeen
			}
			if t.LastSeen.After(s[1]) {
				s[1] = t.LastSeen
			}
			n.setSeen(i, s)
		}
		return nil
	}
	n.version++
	i := int32(len(n.src))
	n.eidx[key] = i
	n.src = append(n.src, a)
	n.dst = append(n.dst, b)
	n.w = append(n.w, t.Weight)
	n.kind = append(n.kind, t.Kind)
	if !t.FirstSeen.IsZero() || !t.LastSeen.IsZero() {
		n.setSeen(i, [2]time.Time{t.FirstSeen, t.LastSeen})
	}
	return nil
}

func (n *Network) setSeen(i int32, s [2]time.Time) {
	if n.seen == nil {
		n.seen = map[int32][2]time.Time{}
	}
	n.seen[i] = s
}

// intWeight is w rounded to the int the graph view shows, capped at the
// largest int.
func intWeight(w float64) int {
	if w >= math.MaxInt64 {
		return math.MaxInt
	}
	return int(math.Round(w))
}

// storeView is the read-only [graph.Store] behind [Network.Graph]: it
// reads the network's arrays. An undirected tie is listed both ways round,
// as dominikbraun's own stores keep it.
type storeView struct{ n *Network }

func (storeView) AddVertex(string, Actor, graph.VertexProperties) error { return ErrReadOnly }
func (storeView) RemoveVertex(string) error                             { return ErrReadOnly }
func (storeView) AddEdge(string, string, graph.Edge[string]) error      { return ErrReadOnly }
func (storeView) UpdateEdge(string, string, graph.Edge[string]) error   { return ErrReadOnly }
func (storeView) RemoveEdge(string, string) error                       { return ErrReadOnly }

func (s storeView) Vertex(k string) (Actor, graph.VertexProperties, error) {
	i, ok := s.n.idx[k]
	if !ok {
		return Actor{}, graph.VertexProperties{}, graph.ErrVertexNotFound
	}
	return s.n.vals[i], graph.VertexProperties{Attributes: map[string]string{}}, nil
}

func (s storeView) ListVertices() ([]string, error) { return slices.Clone(s.n.ids), nil }

func (s storeView) VertexCount() (int, error) { return len(s.n.ids), nil }

func (s storeView) edge(i int, reversed bool) graph.Edge[string] {
	t := s.n.tieAt(i)
	e := graph.Edge[string]{Source: t.Source, Target: t.Target,
		Properties: graph.EdgeProperties{Attributes: map[string]string{}, Weight: intWeight(t.Weight), Data: &t}}
	if t.Kind != "" {
		e.Properties.Attributes["kind"] = string(t.Kind)
	}
	if reversed {
		e.Source, e.Target = e.Target, e.Source
	}
	return e
}

func (s storeView) Edge(a, b string) (graph.Edge[string], error) {
	ia, ok1 := s.n.idx[a]
	ib, ok2 := s.n.idx[b]
	if !ok1 || !ok2 {
		return graph.Edge[string]{}, graph.ErrEdgeNotFound
	}
	i, ok := s.n.eidx[s.n.pairKey(ia, ib)]
	if !ok {
		return graph.Edge[string]{}, graph.ErrEdgeNotFound
	}
	return s.edge(int(i), s.n.src[i] != ia), nil
}

func (s storeView) ListEdges() ([]graph.Edge[string], error) {
	out := make([]graph.Edge[string], 0, 2*len(s.n.src))
	for i := range s.n.src {
		out = append(out, s.edge(i, false))
		if !s.n.directed && s.n.src[i] != s.n.dst[i] {
			out = append(out, s.edge(i, true))
		}
	}
	return out, nil
}
