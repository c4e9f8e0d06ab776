package persona

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Stage is a step on the progression route from encouraging initial
// interest to becoming a digital champion.
type Stage string

// The stages, in order.
const (
	Reluctant  Stage = "reluctant"
	Curious    Stage = "curious"
	Practising Stage = "practising"
	Champion   Stage = "champion"
)

// Stages lists the stages in order of progression.
var Stages = []Stage{Reluctant, Curious, Practising, Champion}

// MarshalText encodes the stage as its name.
func (s Stage) MarshalText() ([]byte, error) {
	if !slices.Contains(Stages, s) {
		return nil, fmt.Errorf("persona: unknown stage %s", quoteCell(string(s)))
	}
	return []byte(s), nil
}

// UnmarshalText reads a stage's name (in any case).
func (s *Stage) UnmarshalText(b []byte) error {
	v := Stage(strings.ToLower(string(b)))
	if !slices.Contains(Stages, v) {
		return fmt.Errorf("%s is not one of reluctant, curious, practising, champion", quoteCell(string(b)))
	}
	*s = v
	return nil
}

// StageOf places an engagement score (0–1: the mean over tools of scaled
// confidence and scaled use) on the route: below 0.25 reluctant, below 0.5
// curious, below 0.75 practising, else champion.
func StageOf(engagement float64) Stage {
	switch {
	case engagement < 0.25:
		return Reluctant
	case engagement < 0.5:
		return Curious
	case engagement < 0.75:
		return Practising
	}
	return Champion
}

// Method names a clustering method for [Build].
type Method string

// MarshalText encodes the method as its name.
func (m Method) MarshalText() ([]byte, error) {
	switch m {
	case MethodKMeans, MethodKPrototypes, MethodPAM, "":
		return []byte(m), nil
	}
	return nil, fmt.Errorf("persona: unknown method %s", quoteCell(string(m)))
}

// UnmarshalText reads a method's name.
func (m *Method) UnmarshalText(b []byte) error {
	switch v := Method(b); v {
	case MethodKMeans, MethodKPrototypes, MethodPAM:
		*m = v
		return nil
	}
	return fmt.Errorf("%s is not one of kmeans, kprototypes, pam", quoteCell(string(b)))
}

// The clustering methods.
const (
	MethodKMeans      Method = "kmeans"      // k-means++ on the weighted, imputed numeric features
	MethodKPrototypes Method = "kprototypes" // numeric features plus modes of use and role as categories
	MethodPAM         Method = "pam"         // Gower distances over all features, partitioned around medoids
)

// MaxPAMRows is the largest survey [Build] clusters with PAM, which holds
// every pairwise distance in memory and swaps in time quadratic in the
// rows.
const MaxPAMRows = 5000

// DefaultMinSize is the default floor of [Options.MinSize]: no persona or
// figure rests on fewer respondents, after the ONS small-numbers practice.
const DefaultMinSize = 10

// SafeMinSize is the lowest floor accepted even with AllowSmallGroups:
// below it a figure describes one or two people.
const SafeMinSize = 3

// CheckMinSize reports whether floor may be used where def is the
// default: a floor below def needs allowSmall, and none below
// [SafeMinSize] is accepted.
func CheckMinSize(floor, def int, allowSmall bool) error {
	switch {
	case floor < SafeMinSize:
		return fmt.Errorf("persona: a minimum group size of %d would publish figures about one or two people; the lowest accepted is %d", floor, SafeMinSize)
	case floor < def && !allowSmall:
		return fmt.Errorf("persona: a minimum group size of %d is below the default of %d; allow small groups explicitly to use it", floor, def)
	}
	return nil
}

// Bounds on the options of [Build], so a mistyped flag cannot exhaust
// memory.
const (
	maxK          = 100
	maxReplicates = 10000
)

// ErrTooFew reports fewer respondents than the minimum a persona may rest on.
var ErrTooFew = errors.New("persona: too few respondents to publish any persona")

// LearningOption is an entry in the catalogue of learning options.
type LearningOption struct {
	ID          string   `json:"id" jsonschema:"minLength=1"` // stable identifier, such as "cafe_surgery"
	Title       string   `json:"title"`                       // name shown to councillors
	Description string   `json:"description"`                 // one or two plain-English sentences
	Stages      []Stage  `json:"stages"`                      // stages it helps progress from
	Topics      []string `json:"topics"`                      // LearnTopics it serves
	Barriers    []string `json:"barriers"`                    // Barriers it addresses
}

//go:embed catalogue.json
var catalogueJSON []byte

// DefaultCatalogue returns the built-in catalogue of learning options.
func DefaultCatalogue() []LearningOption {
	c, err := ReadCatalogue(strings.NewReader(string(catalogueJSON)), ReadOptions{File: "catalogue.json"})
	if err != nil {
		panic(err) // the embedded catalogue is tested
	}
	return c
}

// ReadCatalogue reads a catalogue of learning options as a JSON array,
// as in the built-in catalogue.json, so a council can use its own.
// Unknown keys are an error naming their path (such as "[2].titel").
func ReadCatalogue(r io.Reader, opt ReadOptions) ([]LearningOption, error) {
	d, err := readJSONDoc(r, opt.File, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	var c []LearningOption
	if err := d.decodeStrict(&c, map[string][]string{"[]": {"id", "title", "description", "stages", "topics", "barriers"}}); err != nil {
		return nil, err
	}
	at := func(i int, field, msg string) error {
		off := int64(0)
		if d.root.kind == '[' && i < len(d.root.elems) {
			off = d.root.elems[i].off
		}
		return d.errAt(off, "["+strconv.Itoa(i)+"]"+field, msg)
	}
	for i, o := range c {
		if o.ID == "" || o.Title == "" {
			return nil, at(i, "", "an entry needs an id and a title")
		}
		for _, s := range o.Stages {
			if !slices.Contains(Stages, s) {
				return nil, at(i, ".stages", quoteCell(string(s))+" is not one of reluctant, curious, practising, champion")
			}
		}
	}
	return c, nil
}

// Options configures [Build]. The zero value chooses k automatically with
// k-means, seed 0 and a minimum of 10 respondents per persona.
type Options struct {
	K       int    `json:"k,omitempty" jsonschema:"minimum=0"`        // clusters; 0 chooses by silhouette and stability
	MaxK    int    `json:"max_k,omitempty" jsonschema:"minimum=0"`    // largest k tried when choosing; 0 means 6
	Seed    uint64 `json:"seed"`                                      // random seed
	MinSize int    `json:"min_size,omitempty" jsonschema:"minimum=0"` // smallest group a persona or figure may rest on; 0 means DefaultMinSize
	// AllowSmallGroups permits a MinSize below DefaultMinSize (never
	// below SafeMinSize).
	AllowSmallGroups bool             `json:"allow_small_groups,omitempty"`
	Method           Method           `json:"method,omitempty"`                            // clustering method; "" means kmeans
	Replicates       int              `json:"replicates,omitempty" jsonschema:"minimum=0"` // bootstrap resamples for stability; 0 means 50
	Catalogue        []LearningOption `json:"catalogue,omitempty"`                         // learning options; nil means DefaultCatalogue
	// Components is how many principal components of the numeric
	// features k-means and k-prototypes cluster on: 0 chooses by the
	// broken-stick rule, which keeps the components that stand out from
	// noise (survey answers share a strong engagement factor); -1 uses
	// every feature. PAM always uses Gower distances over all answers.
	Components int `json:"components,omitempty" jsonschema:"minimum=-1"`
}

// Candidate is one k tried when choosing k.
type Candidate struct {
	K          int     `json:"k"`
	Silhouette float64 `json:"silhouette"`  // mean silhouette coefficient
	ARI        float64 `json:"ari"`         // mean bootstrap adjusted Rand index
	MinJaccard float64 `json:"min_jaccard"` // the least stable cluster's mean bootstrap Jaccard
	Eligible   bool    `json:"eligible"`    // every cluster at least MinSize and none dissolving
	Reason     string  `json:"reason,omitempty"`
}

// ToolFigure is a persona's confidence with and use of one tool.
type ToolFigure struct {
	Tool       string   `json:"tool"`
	Confidence *float64 `json:"confidence"` // mean 1–5 of those who answered; null when fewer than MinSize answered
	Use        string   `json:"use"`        // median of Frequencies; "" when fewer than MinSize answered
}

// ShareFigure is the share of a persona who chose an option.
type ShareFigure struct {
	Item  string  `json:"item"`
	Share float64 `json:"share" jsonschema:"minimum=0,maximum=1"`
}

// Recommendation is a learning option recommended to a persona.
type Recommendation struct {
	Option LearningOption `json:"option"`
	Why    string         `json:"why"`
}

// Persona is an anonymised description of a group of at least MinSize
// respondents.
type Persona struct {
	Name         string           `json:"name"`
	Stage        Stage            `json:"stage"`
	Respondents  int              `json:"respondents"`
	Share        float64          `json:"share"`      // of all respondents
	Engagement   float64          `json:"engagement"` // 0–1, see StageOf
	Profile      string           `json:"profile"`    // plain-English description
	Next         string           `json:"next"`       // the step that helps it progress
	Tools        []ToolFigure     `json:"tools"`
	TypicalTools []string         `json:"typical_tools"`  // used weekly or daily by the median member
	TwoWay       *float64         `json:"two_way"`        // share of tool use that is two-way; null when too few answered
	Aims         []ShareFigure    `json:"aims"`           // chosen by at least 30%
	Barriers     []ShareFigure    `json:"barriers"`       // chosen by at least 30%
	WantsToLearn []ShareFigure    `json:"wants_to_learn"` // chosen by at least 30%
	Learning     []Recommendation `json:"learning"`       // best first
	Stability    *float64         `json:"stability"`      // mean bootstrap Jaccard of its cluster, null after merging
}

// Report is the published result of [Build]: personas and how they were
// made. It holds no individual answers.
type Report struct {
	Respondents int         `json:"respondents"`
	Method      Method      `json:"method"`
	K           int         `json:"k"` // clusters before merging small ones
	Auto        bool        `json:"auto"`
	Seed        uint64      `json:"seed"`
	MinSize     int         `json:"min_size"`
	Components  int         `json:"components,omitempty"` // principal components clustered on; 0 when all features were used
	Silhouette  *float64    `json:"silhouette"`           // of the clustering published; null for one persona
	Stability   *Stability  `json:"stability"`            // of the clustering before merging; null for one cluster
	Candidates  []Candidate `json:"candidates,omitempty"`
	Personas    []Persona   `json:"personas"`
	Notes       []string    `json:"notes"`
	// Labels is the persona (index into Personas) of each response, in
	// survey order, or -1 when withheld. It is for analysis inside the
	// council and never rendered.
	Labels []int `json:"-"`
}

// Build clusters the survey and turns the clusters into personas at
// stages of the progression route, each resting on at least MinSize
// respondents: clusters below that are merged into the nearest cluster,
// with the reason in Notes. The same survey and options give the same
// report on any number of cores.
//
// Build returns ctx.Err() soon after ctx is cancelled.
func Build(ctx context.Context, s *Survey, o Options) (*Report, error) {
	if o.MinSize == 0 {
		o.MinSize = DefaultMinSize
	}
	if err := CheckMinSize(o.MinSize, DefaultMinSize, o.AllowSmallGroups); err != nil {
		return nil, err
	}
	if o.K < 0 || o.MaxK < 0 || o.Replicates < 0 || o.K > maxK || o.MaxK > maxK || o.Replicates > maxReplicates {
		return nil, fmt.Errorf("persona: options: k and max k must be from 0 to %d, replicates from 0 to %d", maxK, maxReplicates)
	}
	if o.MaxK == 0 {
		o.MaxK = 6
	}
	if o.Replicates == 0 {
		o.Replicates = 50
	}
	if o.Method == "" {
		o.Method = MethodKMeans
	}
	if o.Catalogue == nil {
		o.Catalogue = DefaultCatalogue()
	}
	n := len(s.Responses)
	if n < o.MinSize {
		return nil, fmt.Errorf("%w: %d respondents, fewer than the minimum of %d for one persona", ErrTooFew, n, o.MinSize)
	}
	enc := s.Encode()
	x := enc.Imputed()
	rep := &Report{Respondents: n, Method: o.Method, Seed: o.Seed, MinSize: o.MinSize, Notes: []string{}}
	if o.Method != MethodPAM && o.Components >= 0 {
		pcs, explained := PCA(x, x.Cols)
		m := o.Components
		if m == 0 {
			m = BrokenStick(explained)
		}
		m = min(m, x.Cols)
		var share float64
		for _, e := range explained[:m] {
			share += e
		}
		x = Matrix{Rows: n, Cols: m}
		for i := 0; i < n; i++ {
			x.Data = append(x.Data, pcs.Row(i)[:m]...)
		}
		rep.Components = m
		what := "the first principal component"
		if m > 1 {
			what = fmt.Sprintf("the first %d principal components", m)
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("Clustered on %s of the answers (kept by the broken-stick rule), explaining %s of their variance.", what, percent(share)))
	}
	var gower DistMatrix
	if o.Method == MethodPAM && n > MaxPAMRows {
		return nil, fmt.Errorf("persona: pam keeps all %d×%d distances and is for up to %d respondents; use kmeans or kprototypes", n, n, MaxPAMRows)
	}
	if o.Method == MethodPAM {
		var err error
		if gower, err = Gower(ctx, enc.Numeric, enc.Weights, enc.Categorical); err != nil {
			return nil, err
		}
	}
	gamma := 0.5 * math.Sqrt(meanVariance(x))
	if gamma == 0 {
		gamma = 1
	}
	fit := func(k int, idx []int, seed uint64) (*Clustering, error) {
		switch o.Method {
		case MethodKMeans:
			return KMeans{K: k, Seed: seed, Workers: 1}.Fit(ctx, x.subset(idx))
		case MethodKPrototypes:
			cat := make([][]int, len(idx))
			for i, r := range idx {
				cat[i] = enc.Categorical[r]
			}
			return KPrototypes{K: k, Seed: seed, Workers: 1, Gamma: gamma}.Fit(ctx, x.subset(idx), cat)
		case MethodPAM:
			d := DistMatrix{N: len(idx), D: make([]float64, 0, len(idx)*len(idx))}
			for _, i := range idx {
				for _, j := range idx {
					d.D = append(d.D, gower.At(i, j))
				}
			}
			return PAM{K: k}.Fit(ctx, d)
		}
		return nil, fmt.Errorf("persona: unknown method %q (want kmeans, kprototypes or pam)", o.Method)
	}
	sil := func(labels []int) (float64, error) {
		switch o.Method {
		case MethodKMeans:
			return Silhouette(x, labels)
		case MethodKPrototypes:
			// The k-prototypes dissimilarity, square-rooted as Euclidean.
			return silhouette(n, labels, func(i, j int) float64 {
				d := sqDist(x.Row(i), x.Row(j))
				for f, a := range enc.Categorical[i] {
					if b := enc.Categorical[j][f]; a >= 0 && b >= 0 && a != b {
						d += gamma
					}
				}
				return math.Sqrt(d)
			})
		}
		return SilhouetteDist(gower, labels)
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	evaluate := func(k int) (*Clustering, Candidate, Stability, error) {
		c := Candidate{K: k}
		res, err := fit(k, all, o.Seed)
		if err != nil {
			return nil, c, Stability{}, err
		}
		c.Silhouette, _ = sil(res.Labels)
		st, err := Bootstrap(ctx, res.Labels, k, o.Replicates, o.Seed, func(idx []int) ([]int, error) {
			r, err := fit(k, idx, o.Seed)
			if err != nil {
				return nil, err
			}
			return r.Labels, nil
		})
		if err != nil {
			return nil, c, Stability{}, err
		}
		c.ARI, c.MinJaccard = st.ARI, st.MinJaccard
		c.Eligible = true
		switch {
		case slices.Min(res.Sizes) < o.MinSize:
			c.Eligible, c.Reason = false, fmt.Sprintf("a cluster has fewer than %d respondents", o.MinSize)
		case st.Dissolves():
			c.Eligible, c.Reason = false, "a cluster dissolves under resampling (bootstrap Jaccard below 0.5)"
		}
		return res, c, st, nil
	}
	var labels []int
	var chosen *Clustering
	var stab Stability
	if o.K == 0 {
		rep.Auto = true
		best := -1
		var bestRes *Clustering
		var bestStab Stability
		for k := 2; k <= o.MaxK && k*o.MinSize <= n; k++ {
			res, c, st, err := evaluate(k)
			if errors.Is(err, ErrTooFewDistinct) {
				break
			}
			if err != nil {
				return nil, err
			}
			rep.Candidates = append(rep.Candidates, c)
			if c.Eligible && (best < 0 || c.Silhouette > rep.Candidates[best].Silhouette) {
				best, bestRes, bestStab = len(rep.Candidates)-1, res, st
			}
		}
		if best < 0 {
			rep.K = 1
			labels = make([]int, n)
			rep.Notes = append(rep.Notes, fmt.Sprintf("No split into two or more groups was both stable under resampling and made of groups of at least %d respondents, so one persona describes everyone.", o.MinSize))
		} else {
			chosen, stab = bestRes, bestStab
			rep.K = rep.Candidates[best].K
			labels = slices.Clone(chosen.Labels)
			rep.Notes = append(rep.Notes, fmt.Sprintf("k = %d was chosen: the highest silhouette among the splits whose groups all have at least %d respondents and none dissolves under resampling.", rep.K, o.MinSize))
		}
	} else {
		if o.K > n {
			return nil, fmt.Errorf("persona: %d respondents cannot form %d clusters", n, o.K)
		}
		rep.K = o.K
		if o.K == 1 {
			labels = make([]int, n)
		} else {
			res, c, st, err := evaluate(o.K)
			if err != nil {
				return nil, fmt.Errorf("persona: k = %d: %w", o.K, err)
			}
			chosen, stab = res, st
			labels = slices.Clone(res.Labels)
			rep.Candidates = []Candidate{c}
			if st.Dissolves() {
				rep.Notes = append(rep.Notes, fmt.Sprintf("With k = %d at least one group dissolves under resampling (bootstrap Jaccard below 0.5); treat the personas with care.", o.K))
			}
		}
	}
	if chosen != nil {
		rep.Stability = &stab
	}
	k := max(rep.K, 1)
	merged := mergeSmall(x, labels, k, o.MinSize, &rep.Notes)
	// Number the remaining groups by engagement, least engaged first.
	groups := map[int][]int{}
	for i, l := range labels {
		groups[l] = append(groups[l], i)
	}
	ids := make([]int, 0, len(groups))
	eng := map[int]float64{}
	for l, members := range groups {
		ids = append(ids, l)
		eng[l] = engagement(s, members)
	}
	sort.Slice(ids, func(a, b int) bool {
		if eng[ids[a]] != eng[ids[b]] {
			return eng[ids[a]] < eng[ids[b]]
		}
		return ids[a] < ids[b]
	})
	final := make([]int, n)
	for p, l := range ids {
		for _, i := range groups[l] {
			final[i] = p
		}
		var js *float64
		if !merged[l] && rep.Stability != nil && l < len(rep.Stability.Jaccard) {
			v := rep.Stability.Jaccard[l]
			js = &v
		}
		rep.Personas = append(rep.Personas, describe(s, groups[l], n, o, js))
	}
	nameUnique(rep.Personas)
	rep.Labels = final
	if len(rep.Personas) > 1 {
		if v, err := sil(final); err == nil {
			rep.Silhouette = &v
		}
	}
	return rep, nil
}

// mergeSmall merges clusters smaller than minSize into the cluster with
// the nearest centroid, smallest first, and reports which labels absorbed
// others.
func mergeSmall(x Matrix, labels []int, k, minSize int, notes *[]string) map[int]bool {
	merged := map[int]bool{}
	for {
		sizes := map[int]int{}
		for _, l := range labels {
			sizes[l]++
		}
		if len(sizes) <= 1 {
			return merged
		}
		small, ss := -1, 0
		for l := 0; l < k; l++ {
			if sz, ok := sizes[l]; ok && sz < minSize && (small < 0 || sz < ss) {
				small, ss = l, sz
			}
		}
		if small < 0 {
			return merged
		}
		cent := func(l int) []float64 {
			c := make([]float64, x.Cols)
			for i, li := range labels {
				if li == l {
					for f, v := range x.Row(i) {
						c[f] += v
					}
				}
			}
			for f := range c {
				c[f] /= float64(sizes[l])
			}
			return c
		}
		cs := cent(small)
		into, id := -1, math.Inf(1)
		for l := 0; l < k; l++ {
			if _, ok := sizes[l]; !ok || l == small {
				continue
			}
			if d := sqDist(cs, cent(l)); d < id {
				into, id = l, d
			}
		}
		for i := range labels {
			if labels[i] == small {
				labels[i] = into
			}
		}
		merged[into] = true
		*notes = append(*notes, fmt.Sprintf("A group of fewer than %d respondents was merged into the nearest group, because no persona may rest on fewer than %d people.", minSize, minSize))
	}
}

// engagement is the mean over tools and members of scaled confidence and
// scaled use, over the answers given.
func engagement(s *Survey, members []int) float64 {
	var sum float64
	var cnt int
	for _, i := range members {
		r := s.Responses[i]
		for t := range Tools {
			if a := r.Confidence[t]; a != NoAnswer {
				sum += float64(a-1) / 4
				cnt++
			}
			if a := r.Use[t]; a != NoAnswer {
				sum += float64(a) / 4
				cnt++
			}
		}
	}
	if cnt == 0 {
		return 0
	}
	return sum / float64(cnt)
}

var stageText = map[Stage]struct{ name, next string }{
	Reluctant:  {"The Reluctant Starter", "Build first confidence: try one tool for one ward task, with someone alongside."},
	Curious:    {"The Curious Explorer", "Move from trying tools to using them every week, with content that residents answer."},
	Practising: {"The Practising Communicator", "Move from broadcasting to two-way conversations, and start helping colleagues."},
	Champion:   {"The Digital Champion", "Share the skills as a peer supporter and lead new ways of engaging the ward."},
}

// describe summarises the members of one group as a persona.
func describe(s *Survey, members []int, total int, o Options, stability *float64) Persona {
	m := len(members)
	e := engagement(s, members)
	p := Persona{Stage: StageOf(e), Respondents: m, Share: float64(m) / float64(total), Engagement: e, Stability: stability}
	p.Name = stageText[p.Stage].name
	p.Next = stageText[p.Stage].next
	var twoWay, modeN int
	for t, tool := range Tools {
		var sum float64
		var cn int
		var uses []int
		for _, i := range members {
			r := s.Responses[i]
			if a := r.Confidence[t]; a != NoAnswer {
				sum += float64(a)
				cn++
			}
			if a := r.Use[t]; a != NoAnswer {
				uses = append(uses, int(a))
			}
			if a := r.Mode[t]; a != NoAnswer && a != 0 {
				modeN++
				if Modes[a] == "two_way" || Modes[a] == "both" {
					twoWay++
				}
			}
		}
		f := ToolFigure{Tool: tool}
		if cn >= o.MinSize {
			v := sum / float64(cn)
			f.Confidence = &v
		}
		if len(uses) >= o.MinSize {
			slices.Sort(uses)
			med := uses[(len(uses)-1)/2]
			f.Use = Frequencies[med]
			if med >= 3 {
				p.TypicalTools = append(p.TypicalTools, tool)
			}
		}
		p.Tools = append(p.Tools, f)
	}
	if modeN >= o.MinSize {
		v := float64(twoWay) / float64(modeN)
		p.TwoWay = &v
	}
	shares := func(get func(Response) Choices, names []string) []ShareFigure {
		counts := make([]int, len(names))
		answered := 0
		for _, i := range members {
			c := get(s.Responses[i])
			if !c.Answered() {
				continue
			}
			answered++
			for _, it := range c {
				counts[slices.Index(names, it)]++
			}
		}
		out := []ShareFigure{}
		if answered < o.MinSize {
			return out
		}
		for j, c := range counts {
			if sh := float64(c) / float64(answered); sh >= 0.3 {
				out = append(out, ShareFigure{Item: names[j], Share: sh})
			}
		}
		sort.SliceStable(out, func(a, b int) bool { return out[a].Share > out[b].Share })
		return out
	}
	p.Aims = shares(func(r Response) Choices { return r.Aims }, Aims)
	p.Barriers = shares(func(r Response) Choices { return r.Barriers }, Barriers)
	p.WantsToLearn = shares(func(r Response) Choices { return r.Learn }, LearnTopics)
	p.Learning = recommend(p, o.Catalogue)
	p.Profile = profile(p)
	return p
}

// recommend ranks the catalogue options that suit the persona's stage by
// how many of the persona want their topics and face their barriers.
func recommend(p Persona, cat []LearningOption) []Recommendation {
	type scored struct {
		r     Recommendation
		score float64
		order int
	}
	share := func(fs []ShareFigure, item string) float64 {
		for _, f := range fs {
			if f.Item == item {
				return f.Share
			}
		}
		return 0
	}
	var list []scored
	for i, opt := range cat {
		if !slices.Contains(opt.Stages, p.Stage) {
			continue
		}
		why := []string{"suits " + string(p.Stage) + " councillors"}
		score := 1.0
		bestT, bestTS := "", 0.0
		for _, t := range opt.Topics {
			if v := share(p.WantsToLearn, t); v > bestTS {
				bestT, bestTS = t, v
			}
		}
		if bestT != "" {
			score += bestTS
			why = append(why, fmt.Sprintf("%s want to learn %s", percent(bestTS), human(bestT)))
		}
		bestB, bestBS := "", 0.0
		for _, b := range opt.Barriers {
			if v := share(p.Barriers, b); v > bestBS {
				bestB, bestBS = b, v
			}
		}
		if bestB != "" {
			score += bestBS
			why = append(why, fmt.Sprintf("it addresses %s, named by %s", human(bestB), percent(bestBS)))
		}
		list = append(list, scored{Recommendation{Option: opt, Why: strings.Join(why, "; ")}, score, i})
	}
	sort.SliceStable(list, func(a, b int) bool {
		if list[a].score != list[b].score {
			return list[a].score > list[b].score
		}
		return list[a].order < list[b].order
	})
	out := []Recommendation{}
	for i, s := range list {
		if i == 4 {
			break
		}
		out = append(out, s.r)
	}
	return out
}

// percent formats a share as a whole percentage.
func percent(v float64) string { return fmt.Sprintf("%.0f%%", math.Round(v*100)) }

// human turns an identifier such as "online_abuse" into words.
func human(id string) string {
	switch id {
	case "x":
		return "X"
	case "whatsapp":
		return "WhatsApp"
	case "facebook":
		return "Facebook"
	case "instagram":
		return "Instagram"
	case "nextdoor":
		return "Nextdoor"
	case "website_blog":
		return "a website or blog"
	case "privacy_security":
		return "privacy and security"
	case "hear_views":
		return "hear residents' views"
	case "casework":
		return "handle casework"
	case "support_groups":
		return "support community groups"
	case "build_networks":
		return "build local networks"
	case "not_useful":
		return "doubt that it is useful"
	}
	return strings.ReplaceAll(id, "_", " ")
}

// list joins words as "a, b and c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// profile writes the plain-English description of a persona.
func profile(p Persona) string {
	var b strings.Builder
	fmt.Fprintf(&b, "About %s of councillors who answered. ", percent(p.Share))
	hi, lo := "", ""
	var hv, lv float64
	for _, f := range p.Tools {
		if f.Confidence == nil {
			continue
		}
		if hi == "" || *f.Confidence > hv {
			hi, hv = f.Tool, *f.Confidence
		}
		if lo == "" || *f.Confidence < lv {
			lo, lv = f.Tool, *f.Confidence
		}
	}
	if hi != "" {
		fmt.Fprintf(&b, "They are most confident with %s (%.1f out of 5) and least with %s (%.1f). ", human(hi), hv, human(lo), lv)
	}
	if len(p.TypicalTools) > 0 {
		var names []string
		for _, t := range p.TypicalTools {
			names = append(names, human(t))
		}
		fmt.Fprintf(&b, "Most use %s at least weekly. ", list(names))
	} else {
		b.WriteString("No tool is used weekly by most of them. ")
	}
	if p.TwoWay != nil {
		if *p.TwoWay < 0.35 {
			b.WriteString("Online, they mostly broadcast rather than hold conversations. ")
		} else {
			b.WriteString("Online, they often hold two-way conversations with residents. ")
		}
	}
	items := func(fs []ShareFigure, n int) []string {
		var out []string
		for i, f := range fs {
			if i == n {
				break
			}
			out = append(out, human(f.Item))
		}
		return out
	}
	if a := items(p.Aims, 3); len(a) > 0 {
		fmt.Fprintf(&b, "In the ward they aim to %s. ", list(a))
	}
	if a := items(p.Barriers, 3); len(a) > 0 {
		fmt.Fprintf(&b, "What holds them back: %s. ", list(a))
	}
	if a := items(p.WantsToLearn, 3); len(a) > 0 {
		fmt.Fprintf(&b, "They would like to learn about %s.", list(a))
	}
	return strings.TrimSpace(b.String())
}

// nameUnique tells apart personas that share a stage by their most
// typical tool or, failing that, a letter.
func nameUnique(ps []Persona) {
	count := map[Stage]int{}
	for _, p := range ps {
		count[p.Stage]++
	}
	seen := map[Stage]int{}
	for i := range ps {
		if count[ps[i].Stage] < 2 {
			continue
		}
		seen[ps[i].Stage]++
		ps[i].Name = fmt.Sprintf("%s %c", ps[i].Name, 'A'+seen[ps[i].Stage]-1)
	}
}
