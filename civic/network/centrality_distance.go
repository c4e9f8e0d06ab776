package network

import (
	"context"
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
var bottomUpRatio int64 = 16 // a variable so tests can force either direction

// msbfs is one worker's state for [Analysis.distances]. Its one array
// indexed at random is un, one cache line per vertex; everything else is
// read and written in order.
type msbfs struct {
	o *ordered
	// un[v] has a bit set for every source of the batch that has not yet
	// reached v (the complement of what has), so both directions of a
	// level are runs of ANDs.
	un []bitset
	// front lists the vertices reached at the last level and fbits what
	// reached each of them, in step; nfront and nbits are the next ones.
	front, nfront []int32
	fbits, nbits  []bitset
	// touched lists the vertices a push reached and old their un before.
	touched []int32
	old     []bitset
	mark    []bool
	// fmap has bit v set when v is in the frontier.
	fmap []uint64
	// active is a superset of the unfinished vertices while pulling.
	active     []int32
	pulling    bool
	tgt        []bitset // tgt[c-c0]: the batch's sources in component c
	c0         int32
	reach, tot []int64   // by new index, over all this worker's batches
	harm       []float64 // this batch's reciprocal sums, by new index
	// remaining is the in-ties of unfinished vertices, an over-estimate
	// until the first pull; frontArcs the out-ties of the frontier.
	remaining, frontArcs int64
}

var allOnes = bitset{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

func newMSBFS(o *ordered) *msbfs {
	s := &msbfs{o: o, un: make([]bitset, o.n), mark: make([]bool, o.n), fmap: make([]uint64, o.n/64+1),
		reach: make([]int64, o.n), tot: make([]int64, o.n)}
	for i := range s.un {
		s.un[i] = allOnes
	}
	return s
}

// target returns the sources of the batch that lie in v's component: the
// most that can ever reach v.
func (s *msbfs) target(v int32) *bitset { return &s.tgt[s.o.comp[v]-s.c0] }

// reached records nb, the sources first reaching v at distance d (inv is
// 1/d), and appends v to the next frontier. The caller updates un[v].
func (s *msbfs) reached(v int32, nb *bitset, d int64, inv float64) {
	c := int64(nb.count())
	s.reach[v] += c
	s.tot[v] += c * d
	s.harm[v] += float64(c) * inv
	s.frontArcs += int64(s.o.fwd.off[v+1] - s.o.fwd.off[v])
	s.nfront = append(s.nfront, v)
	s.nbits = append(s.nbits, *nb)
}

// batch runs the BFS from sources [lo, hi) at once, bit i of every bitset
// standing for source lo+i (M. Then et al., "The More the Merrier:
// Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014), and returns
// the range of vertices it touched.
func (s *msbfs) batch(ctx context.Context, lo, hi int32) (vlo, vhi int32) {
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
	s.pulling = false
	s.front, s.fbits = s.front[:0], s.fbits[:0]
	for v := lo; v < hi; v++ {
		var b bitset
		b[(v-lo)>>6] = 1 << ((v - lo) & 63)
		s.un[v][(v-lo)>>6] &^= b[(v-lo)>>6]
		s.front = append(s.front, v)
		s.fbits = append(s.fbits, b)
		s.frontArcs += int64(o.fwd.off[v+1] - o.fwd.off[v])
	}
	for _, v := range s.front {
		s.fmap[v>>6] |= 1 << (v & 63)
	}
	for d := int64(1); len(s.front) > 0 && s.remaining > 0; d++ {
		if ctx.Err() != nil {
			break // the caller reports it; the state is reset below
		}
		s.nfront, s.nbits = s.nfront[:0], s.nbits[:0]
		if s.frontArcs*bottomUpRatio > s.remaining {
			s.pull(vlo, vhi, d)
		} else {
			s.push(d)
		}
		for _, v := range s.front {
			s.fmap[v>>6] = 0
		}
		for _, v := range s.nfront {
			s.fmap[v>>6] |= 1 << (v & 63)
		}
		s.front, s.nfront = s.nfront, s.front
		s.fbits, s.nbits = s.nbits, s.fbits
	}
	for _, v := range s.front {
		s.fmap[v>>6] = 0
	}
	for v := vlo; v < vhi; v++ {
		s.un[v] = allOnes
	}
	return vlo, vhi
}

// push runs one level top-down: every frontier vertex clears what reached
// it from what its out-neighbours miss. The first time a level touches a
// vertex it notes what the vertex missed before, to tell what is new.
func (s *msbfs) push(d int64) {
	fwd := &s.o.fwd
	touched, old := s.touched[:0], s.old[:0]
	s.pulling = false
	for j, v := range s.front {
		fb := &s.fbits[j]
		x0, x1, x2, x3, x4, x5, x6, x7 := ^fb[0], ^fb[1], ^fb[2], ^fb[3], ^fb[4], ^fb[5], ^fb[6], ^fb[7]
		for _, w := range fwd.adj[fwd.off[v]:fwd.off[v+1]] {
			uw := &s.un[w]
			if !s.mark[w] {
				s.mark[w] = true
				touched = append(touched, w)
				old = append(old, *uw)
			}
			uw[0] &= x0
			uw[1] &= x1
			uw[2] &= x2
			uw[3] &= x3
			uw[4] &= x4
			uw[5] &= x5
			uw[6] &= x6
			uw[7] &= x7
		}
	}
	s.frontArcs = 0
	inv := 1 / float64(d)
	for j, w := range touched {
		s.mark[w] = false
		uw, ow := &s.un[w], &old[j]
		nb := bitset{ow[0] &^ uw[0], ow[1] &^ uw[1], ow[2] &^ uw[2], ow[3] &^ uw[3], ow[4] &^ uw[4], ow[5] &^ uw[5], ow[6] &^ uw[6], ow[7] &^ uw[7]}
		if nb != (bitset{}) {
			s.reached(w, &nb, d, inv)
		}
	}
	s.touched, s.old = touched, old
}

// pull runs one level bottom-up: every unfinished vertex ANDs what its
// in-neighbours missed at the last level into what it misses, stopping as
// soon as it misses nothing. Only neighbours in the frontier are read, and
// neighbour lists start near the component's hub, so that often happens at
// the first neighbour read.
func (s *msbfs) pull(vlo, vhi int32, d int64) {
	bwd := &s.o.bwd
	un := s.un
	if !s.pulling {
		s.active = s.active[:0]
		for v := vlo; v < vhi; v++ {
			t, uv := s.target(v), &un[v]
			if t[0]&uv[0]|t[1]&uv[1]|t[2]&uv[2]|t[3]&uv[3]|t[4]&uv[4]|t[5]&uv[5]|t[6]&uv[6]|t[7]&uv[7] != 0 {
				s.active = append(s.active, v)
			}
		}
		s.pulling = true
	}
	fmap := s.fmap
	newb := s.fbits[:0] // the frontier's bits are not needed when pulling
	k := 0
	remaining := int64(0)
	for _, v := range s.active {
		t, uv := s.target(v), &un[v]
		// m is what v still misses of its target.
		m0, m1, m2, m3 := t[0]&uv[0], t[1]&uv[1], t[2]&uv[2], t[3]&uv[3]
		m4, m5, m6, m7 := t[4]&uv[4], t[5]&uv[5], t[6]&uv[6], t[7]&uv[7]
		nbrs := bwd.adj[bwd.off[v]:bwd.off[v+1]]
		for _, u := range nbrs {
			// Only what reached u at the last level can be new to v.
			if fmap[u>>6]&(1<<(u&63)) == 0 {
				continue
			}
			uu := &un[u]
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
		if m0|m1|m2|m3|m4|m5|m6|m7 != 0 {
			remaining += int64(len(nbrs))
		}
	}
	s.remaining = remaining
	s.frontArcs = 0
	inv := 1 / float64(d)
	j := 0
	for i, v := range s.active[:k] {
		nb := &newb[i]
		if *nb == (bitset{}) {
			s.active[j] = v
			j++
			continue
		}
		uv := &un[v]
		for w := range uv {
			uv[w] &^= nb[w]
		}
		s.reached(v, nb, d, inv)
		if t := s.target(v); t[0]&uv[0]|t[1]&uv[1]|t[2]&uv[2]|t[3]&uv[3]|t[4]&uv[4]|t[5]&uv[5]|t[6]&uv[6]|t[7]&uv[7] != 0 {
			s.active[j] = v
			j++
		}
	}
	s.active = s.active[:j]
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
func (a *Analysis) distances(ctx context.Context) (reach, tot []int64, harm []float64, err error) {
	n := a.g.n
	reach, tot, harm = make([]int64, n), make([]int64, n), make([]float64, n)
	if n == 0 {
		return reach, tot, harm, ctx.Err()
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
				if ctx.Err() != nil {
					// Fold an empty batch so the batches after it fold.
					fold(b, foldItem{h: s.harm})
					continue
				}
				lo := int32(b * msbfsSources)
				vlo, vhi := s.batch(ctx, lo, min(int32(n), lo+msbfsSources))
				fold(b, foldItem{h: s.harm, lo: vlo, hi: vhi})
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	for v, x := range o.old {
		for _, s := range states {
			reach[x] += s.reach[v]
			tot[x] += s.tot[v]
		}
		harm[x] = total[v]
	}
	return reach, tot, harm, nil
}

// foldItem is one finished batch's reciprocal sums, nonzero in [lo, hi).
type foldItem struct {
	h      []float64
	lo, hi int32
}
