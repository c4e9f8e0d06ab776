package panel

import (
	"context"
	"math"
	"slices"
	"strconv"
)

// counts is a panel counted by type: n[t] members of type t. Panels of
// the same counts are one column of the master programme.
type counts []int32

func (c counts) key() string {
	b := make([]byte, 0, 4*len(c))
	for t, n := range c {
		if n > 0 {
			b = strconv.AppendInt(b, int64(t), 36)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(n), 36)
			b = append(b, ',')
		}
	}
	return string(b)
}

func (c counts) value(w []float64) float64 {
	s := 0.0
	for t, n := range c {
		if n > 0 {
			s += float64(n) * w[t]
		}
	}
	return s
}

// types returns the types c has members of.
func (c counts) types() []int32 {
	var nz []int32
	for t, n := range c {
		if n > 0 {
			nz = append(nz, int32(t))
		}
	}
	return nz
}

// valueOf is c.value(w) for c with members of the types nz only
// (c.types()): the same sum, in the same order, without the zeros.
func (c counts) valueOf(nz []int32, w []float64) float64 {
	s := 0.0
	for _, t := range nz {
		s += float64(c[t]) * w[t]
	}
	return s
}

// relax names quota bounds left out of a model, for finding which quotas
// conflict: relax[2*cat] drops the minimum, relax[2*cat+1] the maximum.
type relax []bool

// ilp builds the integer programme over panels counted by type: the
// panel size, every quota and one person per household, maximising
// Σ obj[t]·n[t]. With cover set, it adds a 0/1 variable per type in cover
// (at most that type's count) and maximises their sum instead: the number
// of those types a panel can include.
func (pr *problem) ilp(obj []float64, cover []bool, rx relax) *lpModel {
	T := len(pr.types)
	m := &lpModel{maximize: true, integer: true}
	for t := 0; t < T; t++ {
		c := 0.0
		if obj != nil && cover == nil {
			c = obj[t]
		}
		m.addVar(c, 0, float64(pr.cap(t)))
	}
	all := make([]int32, T)
	ones := make([]float64, T)
	for t := range all {
		all[t], ones[t] = int32(t), 1
	}
	m.addRow(all, ones, '=', float64(pr.k))
	members := make([][]int32, len(pr.cats))
	for t, ty := range pr.types {
		for _, c := range ty.cats {
			members[c] = append(members[c], int32(t))
		}
	}
	for c, cat := range pr.cats {
		idx := members[c]
		coef := ones[:len(idx)]
		if cat.min > 0 && (rx == nil || !rx[2*c]) {
			m.addRow(idx, coef, '>', float64(cat.min))
		}
		if cat.max < cat.pool && (rx == nil || !rx[2*c+1]) {
			m.addRow(idx, coef, '<', float64(cat.max))
		}
	}
	for _, h := range pr.houses {
		m.addRow(h, ones[:len(h)], '<', 1)
	}
	for t := 0; cover != nil && t < T; t++ {
		if !cover[t] {
			continue
		}
		u := m.addVar(1, 0, 1)
		m.addRow([]int32{int32(u), int32(t)}, []float64{1, -1}, '<', 0)
	}
	return m
}

// round reads the first T variables of a solution as counts.
func round(x []float64, T int) counts {
	c := make(counts, T)
	for t := 0; t < T; t++ {
		c[t] = int32(math.Round(x[t]))
	}
	return c
}

// feasible reports whether c meets the size, the quotas and households.
func (pr *problem) feasible(c counts) bool {
	total := 0
	cat := make([]int, len(pr.cats))
	house := make([]int, len(pr.houses))
	for t, n := range c {
		if n < 0 || int(n) > pr.cap(t) {
			return false
		}
		if n == 0 {
			continue
		}
		total += int(n)
		for _, k := range pr.types[t].cats {
			cat[k] += int(n)
		}
		if h := pr.types[t].house; h >= 0 {
			house[h] += int(n)
			if house[h] > 1 {
				return false
			}
		}
	}
	if total != pr.k {
		return false
	}
	for k, n := range cat {
		if n < pr.cats[k].min || n > pr.cats[k].max {
			return false
		}
	}
	return true
}

// improve is the quick half of pricing: a local search from a feasible
// panel that moves one member at a time from one type to another while
// the quotas stay met and Σ w[t]·n[t] grows, taking the best move each
// time. It returns a feasible panel at least as good as start. The exact
// half is the integer programme, solved when this finds nothing.
func (pr *problem) improve(ctx context.Context, start counts, w []float64) counts {
	return pr.improveBy(ctx, start, w, byWeight(w))
}

// byWeight returns the types in order of decreasing weight w.
func byWeight(w []float64) []int32 {
	order := make([]int32, len(w))
	for t := range order {
		order[t] = int32(t)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		switch {
		case w[a] > w[b]:
			return -1
		case w[a] < w[b]:
			return 1
		}
		return 0
	})
	return order
}

// improveBy is improve with the types in order of decreasing weight
// (byWeight(w)): for each member's type it tries the types to move to
// from the heaviest down, and stops at the first that keeps the quotas
// met, or as soon as no lighter type can beat the best move found. The
// quota test is on sets of categories, a bit each: a move from type a to
// type b keeps the quotas met when every category a has and b lacks can
// lose a member and every category b has and a lacks can gain one.
func (pr *problem) improveBy(ctx context.Context, start counts, w []float64, order []int32) counts {
	c := slices.Clone(start)
	W := pr.words
	cat := make([]int, len(pr.cats))
	house := make([]int, len(pr.houses))
	for t, n := range c {
		for _, k := range pr.types[t].cats {
			cat[k] += int(n)
		}
		if h := pr.types[t].house; h >= 0 {
			house[h] += int(n)
		}
	}
	// the types in order of weight, with their weights and categories
	// side by side for the scan
	ws := make([]float64, len(order))
	ms := make([]uint64, len(order)*W)
	for i, b := range order {
		ws[i] = w[b]
		copy(ms[i*W:(i+1)*W], pr.catMask[int(b)*W:(int(b)+1)*W])
	}
	open := make([]bool, len(order)) // room for one more of the type
	var in []int
	leave := make([]uint64, W) // the categories above their minimum
	join := make([]uint64, W)  // the categories below their maximum
	for step := 0; step < 10*pr.k+100; step++ {
		if step%16 == 0 && ctx.Err() != nil {
			return c
		}
		in = in[:0]
		for t, n := range c {
			if n > 0 {
				in = append(in, t)
			}
		}
		// the lightest members first: their moves gain most, so the best
		// gain found early cuts short the scans of the heavier ones
		slices.SortStableFunc(in, func(a, b int) int {
			switch {
			case w[a] < w[b]:
				return -1
			case w[a] > w[b]:
				return 1
			}
			return 0
		})
		bestGain, bestA, bestB := 1e-12*(1+math.Abs(c.value(w))), -1, -1
		clear(leave)
		clear(join)
		for k := range cat {
			if cat[k] > pr.cats[k].min {
				leave[k/64] |= 1 << (k % 64)
			}
			if cat[k] < pr.cats[k].max {
				join[k/64] |= 1 << (k % 64)
			}
		}
		for i, b := range order {
			hb := pr.houseOf[b]
			open[i] = c[b] < pr.capOf[b] && (hb < 0 || house[hb] == 0)
		}
		if W == 1 {
			// the usual case, up to 64 categories: one word a type
			bestA, bestB = pr.bestMove1(in, order, ws, ms, open, c, house, w, leave[0], join[0], bestGain)
			if bestA < 0 {
				break
			}
			pr.move(c, cat, house, bestA, bestB)
			continue
		}
		for _, a := range in {
			ma := pr.catMask[a*W : a*W+W]
			ha := pr.houseOf[a]
			wa := w[a]
			for i, b32 := range order {
				gain := ws[i] - wa
				if gain <= bestGain {
					break // every later type is lighter
				}
				b := int(b32)
				if !open[i] {
					// a member of a's own household may take a's place
					if hb := pr.houseOf[b]; hb < 0 || hb != ha || c[b] >= pr.capOf[b] {
						continue
					}
				}
				if b == a {
					continue
				}
				ok := true
				for j, mb := range ms[i*W : i*W+W] {
					if (ma[j]&^mb)&^leave[j] != 0 || (mb&^ma[j])&^join[j] != 0 {
						ok = false
						break
					}
				}
				if ok {
					bestGain, bestA, bestB = gain, a, b
					break // the best move from a
				}
			}
		}
		if bestA < 0 {
			break
		}
		pr.move(c, cat, house, bestA, bestB)
	}
	return c
}

// move moves one member of panel c from type a to type b, keeping the
// counts by category and household.
func (pr *problem) move(c counts, cat, house []int, a, b int) {
	c[a]--
	c[b]++
	for f, kb := range pr.types[b].cats {
		cat[pr.types[a].cats[f]]--
		cat[kb]++
	}
	if h := pr.types[a].house; h >= 0 {
		house[h]--
	}
	if h := pr.types[b].house; h >= 0 {
		house[h]++
	}
}

// bestMove1 is improveBy's scan for the best move when every type's
// categories fit in one word: the members in, lightest first, the types
// in order of weight (ws, their category sets ms, open when there is
// room for one more), and the sets of categories that can lose a member
// (leave) and gain one (join). It returns the move (a to b) with the
// largest gain above bestGain, or -1, -1.
func (pr *problem) bestMove1(in []int, order []int32, ws []float64, ms []uint64, open []bool, c counts, house []int, w []float64, leave, join uint64, bestGain float64) (int, int) {
	bestA, bestB := -1, -1
	for _, a := range in {
		ma := pr.catMask[a]
		stuck := ma &^ leave // a's categories that cannot lose a member
		ha := pr.houseOf[a]
		wa := w[a]
		for i, b32 := range order {
			gain := ws[i] - wa
			if gain <= bestGain {
				break // every later type is lighter
			}
			mb := ms[i]
			if stuck&^mb != 0 || (mb&^ma)&^join != 0 {
				continue
			}
			b := int(b32)
			if !open[i] {
				// a member of a's own household may take a's place
				if hb := pr.houseOf[b]; hb < 0 || hb != ha || c[b] >= pr.capOf[b] {
					continue
				}
			}
			if b == a {
				continue
			}
			bestGain, bestA, bestB = gain, a, b
			break // the best move from a
		}
	}
	return bestA, bestB
}
