package panel

import (
	"sort"
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/safe"
)

// category is one feature value with its quota.
type category struct {
	feature, value string
	min, max       int
	pool           int // eligible volunteers with the value
	line, col      int // where the quota was written
}

// ptype is a group of eligible volunteers who are interchangeable for the
// selection: the same quota categories, the same weight, and no other
// volunteer of their household in the pool (a volunteer who shares a
// household is a type alone). LEXIMIN gives interchangeable volunteers the
// same probability, so its programmes count panels by type rather than
// list people, which keeps them a few hundred variables wide for pools of
// thousands.
type ptype struct {
	members []int   // pool indices
	cats    []int32 // one category per quota feature
	w       float64 // the task weight of each member
	house   int32   // the household group of a lone member, or -1
}

// problem is a pool bound to its quotas.
type problem struct {
	k        int
	features []string   // quota features, sorted
	cats     []category // sorted by feature, then value
	types    []ptype
	houses   [][]int32 // household groups of two or more: their types
	eligible []int     // pool indices of eligible volunteers
	weight   []float64 // per pool index; 0 for the ineligible
	typeOf   []int32   // per pool index; -1 for the ineligible
	weighted bool
	// the types in flat arrays for the local search's inner loop:
	// capOf[t] is pr.cap(t), houseOf[t] the household group or -1
	capOf, houseOf []int32
	// catMask[t*words:(t+1)*words] is the set of type t's categories,
	// a bit per category
	catMask []uint64
	words   int
}

// bind checks the pool against the quotas and builds the problem. Errors
// point at the pool line or the quota that is wrong.
func bind(p *Pool, q *Quotas, size int) (*problem, error) {
	pr := &problem{k: size, features: q.featureNames()}
	if size <= 0 {
		return nil, &civic.ParseError{File: q.file, Field: "size", Msg: "no panel size: give size in the quotas or --size"}
	}
	catIndex := map[string]int32{}
	fcol := make([]int, len(pr.features))
	for i, f := range pr.features {
		fcol[i] = p.Feature(f)
		if fcol[i] < 0 {
			line, col := q.place(f)
			return nil, &civic.ParseError{File: q.file, Line: line, Column: col, Field: "features." + f,
				Msg: "the pool has no such column (it has " + safe.Text(strings.Join(p.Features, ", "), 120) + ")"}
		}
		for _, v := range q.valueNames(f) {
			r := q.Features[f][v]
			line, col := q.place(quotaKey(f, v))
			catIndex[quotaKey(f, v)] = int32(len(pr.cats))
			pr.cats = append(pr.cats, category{feature: f, value: v, min: r.Min, max: r.Max, line: line, col: col})
		}
	}
	// the task's requirements and preferences
	type req struct {
		col  int
		vals map[string]bool
	}
	var reqs []req
	if q.Task != nil {
		names := make([]string, 0, len(q.Task.Require))
		for f := range q.Task.Require {
			names = append(names, f)
		}
		sort.Strings(names)
		for _, f := range names {
			c := p.Feature(f)
			if c < 0 {
				line, col := q.place("require\x00" + f)
				return nil, &civic.ParseError{File: q.file, Line: line, Column: col, Field: "task.require." + f, Msg: "the pool has no such column"}
			}
			r := req{col: c, vals: map[string]bool{}}
			for _, v := range q.Task.Require[f] {
				r.vals[v] = true
			}
			reqs = append(reqs, r)
		}
		for i, pf := range q.Task.Prefer {
			if p.Feature(pf.Feature) < 0 {
				line, col := q.place("prefer\x00" + strconv.Itoa(i))
				return nil, &civic.ParseError{File: q.file, Line: line, Column: col, Field: "task.prefer[" + strconv.Itoa(i) + "].feature",
					Msg: "the pool has no column " + safe.Quote(pf.Feature)}
			}
			if pf.Weight != 1 {
				pr.weighted = true
			}
		}
	}
	n := len(p.Volunteers)
	pr.weight = make([]float64, n)
	pr.typeOf = make([]int32, n)
	houseCount := map[string]int{}
	for i, v := range p.Volunteers {
		pr.typeOf[i] = -1
		ok := true
		for _, r := range reqs {
			if !r.vals[v.Values[r.col]] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		pr.eligible = append(pr.eligible, i)
		if v.Household != "" {
			houseCount[v.Household]++
		}
	}
	houseID := map[string]int32{}
	typeKey := map[string]int32{}
	var key []byte
	for _, i := range pr.eligible {
		v := p.Volunteers[i]
		cats := make([]int32, len(pr.features))
		key = key[:0]
		for j, f := range pr.features {
			val := v.Values[fcol[j]]
			c, ok := catIndex[quotaKey(f, val)]
			if !ok {
				return nil, &civic.ParseError{File: p.File, Line: v.Line, Field: f,
					Msg: "value " + safe.Quote(val) + " has no quota (the quotas give " + safe.Text(strings.Join(q.valueNames(f), ", "), 120) + ")"}
			}
			cats[j] = c
			pr.cats[c].pool++
			key = strconv.AppendInt(key, int64(c), 10)
			key = append(key, ',')
		}
		w := 1.0
		if q.Task != nil {
			for _, pf := range q.Task.Prefer {
				val := v.Values[p.Feature(pf.Feature)]
				for _, x := range pf.Values {
					if x == val {
						w *= pf.Weight
						break
					}
				}
			}
		}
		pr.weight[i] = w
		key = strconv.AppendFloat(key, w, 'g', -1, 64)
		house := int32(-1)
		if v.Household != "" && houseCount[v.Household] > 1 {
			h, ok := houseID[v.Household]
			if !ok {
				h = int32(len(pr.houses))
				houseID[v.Household] = h
				pr.houses = append(pr.houses, nil)
			}
			house = h
		}
		t, ok := typeKey[string(key)]
		if house >= 0 || !ok {
			t = int32(len(pr.types))
			pr.types = append(pr.types, ptype{cats: cats, w: w, house: house})
			if house < 0 {
				typeKey[string(key)] = t
			} else {
				pr.houses[house] = append(pr.houses[house], t)
			}
		}
		pr.types[t].members = append(pr.types[t].members, i)
		pr.typeOf[i] = t
	}
	pr.capOf = make([]int32, len(pr.types))
	pr.houseOf = make([]int32, len(pr.types))
	for t, ty := range pr.types {
		pr.capOf[t] = int32(pr.cap(t))
		pr.houseOf[t] = ty.house
	}
	pr.words = (len(pr.cats) + 63) / 64
	pr.catMask = make([]uint64, len(pr.types)*pr.words)
	for t, ty := range pr.types {
		for _, k := range ty.cats {
			pr.catMask[t*pr.words+int(k)/64] |= 1 << (k % 64)
		}
	}
	return pr, nil
}

// cap returns the most members of type t one panel can hold.
func (pr *problem) cap(t int) int {
	if pr.types[t].house >= 0 {
		return 1
	}
	return len(pr.types[t].members)
}

// households counts the eligible volunteers as households: at most this
// many can be chosen together.
func (pr *problem) households() int {
	n := 0
	for _, t := range pr.types {
		if t.house < 0 {
			n += len(t.members)
		}
	}
	return n + len(pr.houses)
}
