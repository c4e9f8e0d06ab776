package network

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civickit/civickit/internal/safe"
	"github.com/dominikbraun/graph"
)

// Network is a ward network: actors joined by ties. Its public form is a
// [github.com/dominikbraun/graph] graph, returned by [Network.Graph]; the
// graph keeps its vertices and edges in a compact store that remembers
// insertion order, so analysis copies it into arrays in one pass and the
// results follow the order actors were added.
//
// Edge cases, as the readers and [Network.AddTie] define them:
//   - a self-loop is kept as a tie but ignored by every metric;
//   - a duplicate tie (the same pair again, either way round when
//     undirected) is merged: weights add up, first and last seen widen, the
//     first kind is kept;
//   - a tie naming an unknown actor is an error (the readers add actors
//     from the edge list only when no node list is given);
//   - an empty network has no metrics, modularity 0 and 0 components.
type Network struct {
	// Weighted reports whether the ties' weights were given. When false,
	// every metric counts ties; when true, PageRank, Louvain and
	// modularity use the weights, as NetworkX's defaults do with a
	// "weight" attribute, and every other metric still counts ties.
	Weighted bool `json:"weighted,omitempty"`

	g     graph.Graph[string, Actor]
	store *actorStore
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
	s := &actorStore{idx: map[string]int32{}, eidx: map[uint64]int32{}}
	opts := []func(*graph.Traits){graph.Weighted()}
	if directed {
		opts = append(opts, graph.Directed())
	}
	return &Network{g: graph.NewWithStore(actorHash, graph.Store[string, Actor](s), opts...), store: s}
}

func actorHash(a Actor) string { return a.ID }

// Graph returns a read-only view of the network as a dominikbraun graph.
// Edges carry the [Tie] in their Data and the weight rounded to an int.
// Every method that would change the graph returns [ErrReadOnly]: a tie
// added behind the network's back would skip its checks and its merging of
// duplicates; use [Network.AddActor] and [Network.AddTie], which the view
// then shows. Clone returns an independent graph that may be changed.
func (n *Network) Graph() graph.Graph[string, Actor] { return readOnlyGraph{n.g} }

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
func (n *Network) Directed() bool { return n.g.Traits().IsDirected }

// Len returns the number of actors.
func (n *Network) Len() int { return len(n.store.ids) }

// Actors returns the actors in the order they were added.
func (n *Network) Actors() []Actor { return append([]Actor(nil), n.store.vals...) }

// Actor returns the actor with the given id.
func (n *Network) Actor(id string) (Actor, bool) {
	i, ok := n.store.idx[id]
	if !ok {
		return Actor{}, false
	}
	return n.store.vals[i], true
}

// Ties returns the ties in the order they were added, each once.
func (n *Network) Ties() []Tie {
	out := make([]Tie, 0, len(n.store.edges))
	for i := range n.store.edges {
		if !n.store.mirror[i] {
			out = append(out, n.tieAt(i))
		}
	}
	return out
}

func (n *Network) tieAt(i int) Tie {
	e := n.store.edges[i]
	if t, ok := e.Properties.Data.(*Tie); ok {
		return *t
	}
	return Tie{Source: e.Source, Target: e.Target, Weight: float64(e.Properties.Weight)}
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
	if i, ok := n.store.idx[a.ID]; ok {
		old := &n.store.vals[i]
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
	return n.g.AddVertex(a)
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
	for _, id := range [2]string{t.Source, t.Target} {
		if _, ok := n.store.idx[id]; !ok {
			return fmt.Errorf("%w %s", ErrUnknownActor, safe.Quote(id))
		}
	}
	n.version++
	if i, ok := n.store.find(t.Source, t.Target, !n.Directed()); ok {
		old := n.store.edges[i].Properties.Data.(*Tie)
		if err := checkWeight(old.Weight + t.Weight); err != nil {
			return fmt.Errorf("civic: tie %s-%s given again: merged weight: %w", safe.Quote(t.Source), safe.Quote(t.Target), err)
		}
		old.Weight += t.Weight
		if !t.FirstSeen.IsZero() && (old.FirstSeen.IsZero() || t.FirstSeen.Before(old.FirstSeen)) {
			old.FirstSeen = t.FirstSeen
		}
		if t.LastSeen.After(old.LastSeen) {
			old.LastSeen = t.LastSeen
		}
		w := intWeight(old.Weight)
		n.store.setWeight(t.Source, t.Target, w)
		return nil
	}
	tie := t
	opts := []func(*graph.EdgeProperties){graph.EdgeWeight(intWeight(t.Weight)), graph.EdgeData(&tie)}
	if t.Kind != "" {
		opts = append(opts, graph.EdgeAttribute("kind", string(t.Kind)))
	}
	if t.Source == t.Target && !n.Directed() {
		// dominikbraun/graph stores an undirected self-loop twice under one
		// key; add it once through the store.
		return n.store.AddEdge(t.Source, t.Target, graph.Edge[string]{Source: t.Source, Target: t.Target,
			Properties: graph.EdgeProperties{Attributes: map[string]string{"kind": string(t.Kind)}, Weight: intWeight(t.Weight), Data: &tie}})
	}
	return n.g.AddEdge(t.Source, t.Target, opts...)
}

// actorStore is a compact [graph.Store]: vertices and edges in slices in
// insertion order, with maps from id and from vertex pair to position.
type actorStore struct {
	ids    []string
	vals   []Actor
	props  []graph.VertexProperties
	idx    map[string]int32
	edges  []graph.Edge[string]
	src    []int32
	dst    []int32
	mirror []bool // the second copy of an undirected edge
	eidx   map[uint64]int32
}

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func (s *actorStore) find(a, b string, either bool) (int, bool) {
	ia, ok1 := s.idx[a]
	ib, ok2 := s.idx[b]
	if !ok1 || !ok2 {
		return 0, false
	}
	if i, ok := s.eidx[pairKey(ia, ib)]; ok {
		return int(i), true
	}
	if either {
		if i, ok := s.eidx[pairKey(ib, ia)]; ok {
			return int(i), true
		}
	}
	return 0, false
}

func (s *actorStore) setWeight(a, b string, w int) {
	for _, p := range [2][2]string{{a, b}, {b, a}} {
		if i, ok := s.find(p[0], p[1], false); ok {
			s.edges[i].Properties.Weight = w
		}
	}
}

// AddVertex implements [graph.Store].
func (s *actorStore) AddVertex(k string, t Actor, p graph.VertexProperties) error {
	if _, ok := s.idx[k]; ok {
		return graph.ErrVertexAlreadyExists
	}
	s.idx[k] = int32(len(s.ids))
	s.ids = append(s.ids, k)
	s.vals = append(s.vals, t)
	s.props = append(s.props, p)
	return nil
}

// Vertex implements [graph.Store].
func (s *actorStore) Vertex(k string) (Actor, graph.VertexProperties, error) {
	i, ok := s.idx[k]
	if !ok {
		return Actor{}, graph.VertexProperties{}, graph.ErrVertexNotFound
	}
	return s.vals[i], s.props[i], nil
}

// RemoveVertex implements [graph.Store]; the vertex must have no edges.
func (s *actorStore) RemoveVertex(k string) error {
	i, ok := s.idx[k]
	if !ok {
		return graph.ErrVertexNotFound
	}
	for j := range s.edges {
		if s.src[j] == i || s.dst[j] == i {
			return graph.ErrVertexHasEdges
		}
	}
	s.ids = append(s.ids[:i], s.ids[i+1:]...)
	s.vals = append(s.vals[:i], s.vals[i+1:]...)
	s.props = append(s.props[:i], s.props[i+1:]...)
	delete(s.idx, k)
	for j := int(i); j < len(s.ids); j++ {
		s.idx[s.ids[j]] = int32(j)
	}
	s.reindexEdges()
	return nil
}

func (s *actorStore) reindexEdges() {
	clear(s.eidx)
	for j, e := range s.edges {
		s.src[j], s.dst[j] = s.idx[e.Source], s.idx[e.Target]
		s.eidx[pairKey(s.src[j], s.dst[j])] = int32(j)
	}
}

// ListVertices implements [graph.Store].
func (s *actorStore) ListVertices() ([]string, error) { return append([]string(nil), s.ids...), nil }

// VertexCount implements [graph.Store].
func (s *actorStore) VertexCount() (int, error) { return len(s.ids), nil }

// AddEdge implements [graph.Store].
func (s *actorStore) AddEdge(a, b string, e graph.Edge[string]) error {
	ia, ok1 := s.idx[a]
	ib, ok2 := s.idx[b]
	if !ok1 || !ok2 {
		return graph.ErrVertexNotFound
	}
	if j, ok := s.eidx[pairKey(ia, ib)]; ok {
		s.edges[j] = e
		return nil
	}
	_, rev := s.eidx[pairKey(ib, ia)]
	// The store does not know whether the graph is directed; an edge whose
	// reverse shares its Data pointer is the undirected mirror.
	mirror := false
	if rev {
		r := s.edges[s.eidx[pairKey(ib, ia)]]
		mirror = r.Properties.Data != nil && r.Properties.Data == e.Properties.Data
	}
	s.eidx[pairKey(ia, ib)] = int32(len(s.edges))
	s.edges = append(s.edges, e)
	s.src = append(s.src, ia)
	s.dst = append(s.dst, ib)
	s.mirror = append(s.mirror, mirror)
	return nil
}

// UpdateEdge implements [graph.Store].
func (s *actorStore) UpdateEdge(a, b string, e graph.Edge[string]) error {
	i, ok := s.find(a, b, false)
	if !ok {
		return graph.ErrEdgeNotFound
	}
	s.edges[i] = e
	return nil
}

// RemoveEdge implements [graph.Store].
func (s *actorStore) RemoveEdge(a, b string) error {
	i, ok := s.find(a, b, false)
	if !ok {
		return graph.ErrEdgeNotFound
	}
	s.edges = append(s.edges[:i], s.edges[i+1:]...)
	s.src = append(s.src[:i], s.src[i+1:]...)
	s.dst = append(s.dst[:i], s.dst[i+1:]...)
	s.mirror = append(s.mirror[:i], s.mirror[i+1:]...)
	s.reindexEdges()
	return nil
}

// Edge implements [graph.Store].
func (s *actorStore) Edge(a, b string) (graph.Edge[string], error) {
	i, ok := s.find(a, b, false)
	if !ok {
		return graph.Edge[string]{}, graph.ErrEdgeNotFound
	}
	return s.edges[i], nil
}

// ListEdges implements [graph.Store].
func (s *actorStore) ListEdges() ([]graph.Edge[string], error) {
	return append([]graph.Edge[string](nil), s.edges...), nil
}

// intWeight is w rounded to the int the graph view shows, capped at the
// largest int.
func intWeight(w float64) int {
	if w >= math.MaxInt64 {
		return math.MaxInt
	}
	return int(math.Round(w))
}
