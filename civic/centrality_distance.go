package civic

import (
	"math/bits"
	"sync"
	"sync/atomic"
)

// msbfsWords is the number of 64-bit words per vertex in the multi-source
// BFS: each batch runs msbfsSources sources at once.
const (
	msbfsWords   = 8
	msbfsSources = 64 * msbfsWords
)

// bitset holds one bit per source of a batch.
type bitset [msbfsWords]uint64

func (b *bitset) count() int {
	return bits.OnesCount64(b[0]) + bits.OnesCount64(b[1]) + bits.OnesCount64(b[2]) + bits.OnesCount64(b[3]) +
		bits.OnesCount64(b[4]) + bits.OnesCount64(b[5]) + bits.OnesCount64(b[6]) + bits.OnesCount64(b[7])
}

// bottomUpRatio picks the direction of each level (S. Beamer, K. Asanović
// and D. Patterson, "Direction-optimizing breadth-first search", SC 2012):
// a level pulls into the unfinished vertices when the frontier's out-ties
// exceed 1/bottomUpRatio of the unfinished vertices' in-ties.
var bottomUpRatio int64 = 4

// msbfs is one worker's state for [Analysis.distances]. The only array it
// reads at random while pulling is un, so that is kept to one cache line
// per vertex.
type msbfs struct {
	o *ordered
	// un[v] has a bit set for every source of the batch that has not yet
	// reached v (the complement of what has), so pulling is a run of ANDs.
	un []bitset
	// nxt[v] collects what a pushing level sends to v; zero between levels.
	nxt  []bitset
	mark []bool
	// front lists the vertices reached at the last level and fbits what
	// reached each of them, in step; nfront and nbits are the next ones.
	front, nfront []int32
	fbits, nbits  []bitset
	// active is a superset of the unfinished vertices, once pulling.
	active     []int32
	listed     bool
	tgt        []bitset // tgt[c-c0]: the batch's sources in component c
	c0         int32
	reach, tot []int64   // by new index, over all this worker's batches
	harm       []float64 // this batch's reciprocal sums, by new index
	remaining  int64     // in-ties of unfinished vertices
	frontArcs  int64     // out-ties of the frontier
	nReads     int64
	nPush      int64
}

func newMSBFS(o *ordered) *msbfs {
	s := &msbfs{o: o, un: make([]bitset, o.n), nxt: make([]bitset, o.n), mark: make([]bool, o.n),
		reach: make([]int64, o.n), tot: make([]int64, o.n)}
	for i := range s.un {
		s.un[i] = bitset{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	}
	return s
}

// target returns the sources of the batch that lie in v's component: the
// most that can ever reach v.
func (s *msbfs) target(v int32) *bitset { return &s.tgt[s.o.comp[v]-s.c0] }

// finished reports whether every source that can reach v has.
func (s *msbfs) finished(v int32) bool {
	t, u := s.target(v), &s.un[v]
	return t[0]&u[0]|t[1]&u[1]|t[2]&u[2]|t[3]&u[3]|t[4]&u[4]|t[5]&u[5]|t[6]&u[6]|t[7]&u[7] == 0
}

// reached records nb, the sources first reaching v at distance d, and
// appends v to the next frontier.
func (s *msbfs) reached(v int32, nb *bitset, d int64) {
	u := &s.un[v]
	for i := range u {
		u[i] &^= nb[i]
	}
	c := int64(nb.count())
	s.reach[v] += c
	s.tot[v] += c * d
	s.harm[v] += float64(c) / float64(d)
	s.frontArcs += int64(s.o.fwd.off[v+1] - s.o.fwd.off[v])
	if s.finished(v) {
		s.remaining -= int64(s.o.bwd.off[v+1] - s.o.bwd.off[v])
	}
	s.nfront = append(s.nfront, v)
	s.nbits = append(s.nbits, *nb)
}

// batch runs the BFS from sources [lo, hi) at once, bit i of every bitset
// standing for source lo+i (M. Then et al., "The More the Merrier:
// Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014), and returns
// the range of vertices it touched.
func (s *msbfs) batch(lo, hi int32) (vlo, vhi int32) {
	o := s.o
	s.c0 = o.comp[lo]
	c1 := o.comp[hi-1]
	vlo, vhi = o.cstart[s.c0], o.cstart[c1+1]
	s.tgt = s.tgt[:0]
	for c := s.c0; c <= c1; c++ {
		var t bitset
		for v := max(lo, o.cstart[c]); v < min(hi, o.cstart[c+1]); v++ {
			t[(v-lo)>>6] |= 1 << ((v - lo) & 63)
		}
		s.tgt = append(s.tgt, t)
	}
	s.remaining = int64(o.bwd.off[vhi] - o.bwd.off[vlo])
	s.frontArcs = 0
	s.listed = false
	s.front, s.fbits = s.front[:0], s.fbits[:0]
	for v := lo; v < hi; v++ {
		var b bitset
		b[(v-lo)>>6] = 1 << ((v - lo) & 63)
		s.un[v][(v-lo)>>6] &^= b[(v-lo)>>6]
		s.front = append(s.front, v)
		s.fbits = append(s.fbits, b)
		s.frontArcs += int64(o.fwd.off[v+1] - o.fwd.off[v])
		if s.finished(v) {
			s.remaining -= int64(o.bwd.off[v+1] - o.bwd.off[v])
		}
	}
	for d := int64(1); len(s.front) > 0; d++ {
		s.nfront, s.nbits = s.nfront[:0], s.nbits[:0]
		if s.frontArcs*bottomUpRatio > s.remaining {
			s.pull(vlo, vhi, d)
		} else {
			s.push(d)
		}
		s.front, s.nfront = s.nfront, s.front
		s.fbits, s.nbits = s.nbits, s.fbits
	}
	all := bitset{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	for v := vlo; v < vhi; v++ {
		s.un[v] = all
	}
	return vlo, vhi
}

// push runs one level top-down: every frontier vertex ORs what reached it
// into its out-neighbours.
func (s *msbfs) push(d int64) {
	fwd := &s.o.fwd
	touched := s.active[:0] // active is rebuilt before any pull
	s.listed = false
	for j, v := range s.front {
		fb := &s.fbits[j]
		x0, x1, x2, x3, x4, x5, x6, x7 := fb[0], fb[1], fb[2], fb[3], fb[4], fb[5], fb[6], fb[7]
		for _, w := range fwd.adj[fwd.off[v]:fwd.off[v+1]] {
			nx := &s.nxt[w]
			s.nPush++
			nx[0] |= x0
			nx[1] |= x1
			nx[2] |= x2
			nx[3] |= x3
			nx[4] |= x4
			nx[5] |= x5
			nx[6] |= x6
			nx[7] |= x7
			if !s.mark[w] {
				s.mark[w] = true
				touched = append(touched, w)
			}
		}
	}
	s.frontArcs = 0
	for _, w := range touched {
		s.mark[w] = false
		nx, u := &s.nxt[w], &s.un[w]
		nb := bitset{nx[0] & u[0], nx[1] & u[1], nx[2] & u[2], nx[3] & u[3], nx[4] & u[4], nx[5] & u[5], nx[6] & u[6], nx[7] & u[7]}
		*nx = bitset{}
		if nb != (bitset{}) {
			s.reached(w, &nb, d)
		}
	}
	s.active = touched[:0]
}

// pull runs one level bottom-up: every unfinished vertex ANDs what its
// in-neighbours had not been reached by at the last level into what it
// misses, stopping as soon as it misses nothing. Neighbour lists start
// with the hubs, so that often happens at the first neighbour.
func (s *msbfs) pull(vlo, vhi int32, d int64) {
	bwd := &s.o.bwd
	if !s.listed {
		s.active = s.active[:0]
		for v := vlo; v < vhi; v++ {
			if !s.finished(v) {
				s.active = append(s.active, v)
			}
		}
		s.listed = true
	}
	un := s.un
	newb := s.fbits[:0] // the frontier's bits are not needed when pulling
	k := 0
	for _, v := range s.active {
		t, uv := s.target(v), &un[v]
		// m is what v still misses of its target.
		m0, m1, m2, m3 := t[0]&uv[0], t[1]&uv[1], t[2]&uv[2], t[3]&uv[3]
		m4, m5, m6, m7 := t[4]&uv[4], t[5]&uv[5], t[6]&uv[6], t[7]&uv[7]
		if m0|m1|m2|m3|m4|m5|m6|m7 == 0 {
			continue
		}
		for _, u := range bwd.adj[bwd.off[v]:bwd.off[v+1]] {
			uu := &un[u]
			s.nReads++
			m0 &= uu[0]
			m1 &= uu[1]
			m2 &= uu[2]
			m3 &= uu[3]
			m4 &= uu[4]
			m5 &= uu[5]
			m6 &= uu[6]
			m7 &= uu[7]
			if m0 == 0 && m0|m1|m2|m3|m4|m5|m6|m7 == 0 {
				break
			}
		}
		newb = append(newb, bitset{t[0] & uv[0] &^ m0, t[1] & uv[1] &^ m1, t[2] & uv[2] &^ m2, t[3] & uv[3] &^ m3,
			t[4] & uv[4] &^ m4, t[5] & uv[5] &^ m5, t[6] & uv[6] &^ m6, t[7] & uv[7] &^ m7})
		s.active[k] = v
		k++
	}
	s.active = s.active[:k]
	s.frontArcs = 0
	for i, v := range s.active {
		if newb[i] != (bitset{}) {
			s.reached(v, &newb[i], d)
		}
	}
	s.fbits = newb[:0]
}

// distances runs a BFS from every vertex along out-ties, msbfsSources
// sources at a time, and for each vertex w accumulates what closeness and
// harmonic centrality need of the distances d(s, w) from all sources s:
// their number, their sum and the sum of their reciprocals, all indexed by
// original vertex. Accumulating at the target gives NetworkX's definitions,
// which use distances into a vertex for directed graphs.
//
// Counts and sums of distances are integers and exact. Each batch's
// reciprocal sums are added to the total in batch order, whichever worker
// ran the batch, so the result is bit-identical for any number of workers.
func (a *Analysis) distances() (reach, tot []int64, harm []float64) {
	n := a.g.n
	reach, tot, harm = make([]int64, n), make([]int64, n), make([]float64, n)
	if n == 0 {
		return
	}
	o := a.g.order()
	nb := (n + msbfsSources - 1) / msbfsSources
	workers := min(a.workers(), nb)
	var (
		mu      sync.Mutex
		cond    = sync.NewCond(&mu)
		free    [][]float64
		bufs    int
		pending = map[int]foldItem{}
		folded  int
		total   = make([]float64, n) // by new index
		nextB   atomic.Int64
	)
	getBuf := func() []float64 {
		mu.Lock()
		defer mu.Unlock()
		for len(free) == 0 && bufs >= 2*workers+1 {
			cond.Wait()
		}
		if len(free) > 0 {
			b := free[len(free)-1]
			free = free[:len(free)-1]
			return b
		}
		bufs++
		return make([]float64, n)
	}
	fold := func(b int, it foldItem) {
		mu.Lock()
		defer mu.Unlock()
		pending[b] = it
		for {
			it, ok := pending[folded]
			if !ok {
				break
			}
			delete(pending, folded)
			for v := it.lo; v < it.hi; v++ {
				total[v] += it.h[v]
			}
			clear(it.h[it.lo:it.hi])
			free = append(free, it.h)
			folded++
		}
		cond.Broadcast()
	}
	states := make([]*msbfs, workers)
	var wg sync.WaitGroup
	for w := range states {
		s := newMSBFS(o)
		states[w] = s
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				s.harm = getBuf()
				b := int(nextB.Add(1) - 1)
				if b >= nb {
					mu.Lock()
					free = append(free, s.harm)
					cond.Broadcast()
					mu.Unlock()
					return
				}
				lo := int32(b * msbfsSources)
				vlo, vhi := s.batch(lo, min(int32(n), lo+msbfsSources))
				fold(b, foldItem{h: s.harm, lo: vlo, hi: vhi})
			}
		}()
	}
	wg.Wait()
	for v, x := range o.old {
		for _, s := range states {
			reach[x] += s.reach[v]
			tot[x] += s.tot[v]
		}
		harm[x] = total[v]
	}
	return reach, tot, harm
}

// foldItem is one finished batch's reciprocal sums, nonzero in [lo, hi).
type foldItem struct {
	h      []float64
	lo, hi int32
}
