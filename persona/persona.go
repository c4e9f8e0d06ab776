package persona

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
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
	// NullReplicates is how many surveys with each question's answers
	// shuffled independently the test for group structure compares the
	// real survey with; 0 means 19, the fewest for a test at 5%.
	NullReplicates int `json:"null_replicates,omitempty" jsonschema:"minimum=0"`
}

// Candidate is one k tried when choosing k.
type Candidate struct {
	K          int     `json:"k"`
	Silhouette float64 `json:"silhouette"` // mean silhouette coefficient on the answers (see Report.QualityOn)
	// SilhouetteClustered is the mean silhouette in the space clustered
	// (principal components when used), by which k is chosen.
	SilhouetteClustered float64 `json:"silhouette_clustered"`
	ARI                 float64 `json:"ari"`         // mean bootstrap adjusted Rand index
	MinJaccard          float64 `json:"min_jaccard"` // the least stable cluster's mean bootstrap Jaccard
	Eligible            bool    `json:"eligible"`    // every cluster at least MinSize and none dissolving
	Reason              string  `json:"reason,omitempty"`
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
	TwoWay       *float64         `json:"two_way"`        // share of members, of those who said how they use tools, holding two-way conversations on at least one; null when fewer than MinSize said
	Aims         []ShareFigure    `json:"aims"`           // chosen by at least 30%
	Barriers     []ShareFigure    `json:"barriers"`       // chosen by at least 30%
	WantsToLearn []ShareFigure    `json:"wants_to_learn"` // chosen by at least 30%
	Learning     []Recommendation `json:"learning"`       // best first
	Stability    *float64         `json:"stability"`      // mean bootstrap Jaccard of its cluster, null after merging
}

// Report is the published result of [Build]: personas and how they were
// made. It holds no individual answers.
type Report struct {
	Respondents int    `json:"respondents"`
	Method      Method `json:"method"`
	K           int    `json:"k"` // clusters before merging small ones
	Auto        bool   `json:"auto"`
	Seed        uint64 `json:"seed"`
	MinSize     int    `json:"min_size"`
	Components  int    `json:"components,omitempty"` // principal components clustered on; 0 when all features were used
	// Structure is the test for whether the survey holds distinct groups
	// at all; null when k was given as 1.
	Structure *StructureTest `json:"structure"`
	// QualityOn says in what space the silhouettes were measured: always
	// on all the answers, whatever space the clustering ran in.
	QualityOn  string      `json:"quality_on"`
	Silhouette *float64    `json:"silhouette"` // of the clustering published, on the answers; null for one persona
	Stability  *Stability  `json:"stability"`  // of the clustering before merging; null for one cluster
	Candidates []Candidate `json:"candidates,omitempty"`
	Personas   []Persona   `json:"personas"`
	Notes      []string    `json:"notes"`
	// Labels is the persona (index into Personas) of each response, in
	// survey order, or -1 when withheld (a respondent who answered
	// nothing). It is for analysis inside the council and never rendered.
	Labels []int `json:"-"`
}

// StructureTest compares the real survey with surveys that have no group
// structure: the same answers, each question's shuffled among the
// respondents on its own, which keeps every question's spread of answers
// and removes what ties them together. Each survey is clustered as the
// real one is, for every k tried, and scored by its best silhouette on the
// answers; the real survey has distinct groups when it scores above every
// shuffled one (a permutation test at level 1/(Replicates+1)).
type StructureTest struct {
	Ks         []int   `json:"ks"`         // the k tried
	Observed   float64 `json:"observed"`   // the real survey's best silhouette on the answers
	NullMean   float64 `json:"null_mean"`  // the shuffled surveys' mean best silhouette
	NullMax    float64 `json:"null_max"`   // and their highest
	Replicates int     `json:"replicates"` // shuffled surveys
	P          float64 `json:"p"`          // (1 + shuffled surveys scoring at least Observed) / (Replicates + 1)
	Distinct   bool    `json:"distinct"`   // Observed is above every shuffled survey's
}

// Build clusters the survey and turns the clusters into personas at
// stages of the progression route, each resting on at least MinSize
// respondents: clusters below that are merged into the nearest cluster,
// with the reason in Notes.
//
// Respondents who answered nothing are left out (and counted in a note).
// Before naming personas, Build tests whether the survey holds distinct
// groups at all ([StructureTest]); when it does not, or when no split is
// stable with groups of at least MinSize, one persona describes everyone.
// Silhouettes are measured on all the answers, whatever space the
// clustering ran in. The same survey and options give the same report on
// any number of cores.
//
// Build returns ctx.Err() soon after ctx is cancelled.
func Build(ctx context.Context, s *Survey, o Options) (*Report, error) {
	if o.MinSize == 0 {
		o.MinSize = DefaultMinSize
	}
	if err := CheckMinSize(o.MinSize, DefaultMinSize, o.AllowSmallGroups); err != nil {
		return nil, err
	}
	if o.K < 0 || o.MaxK < 0 || o.Replicates < 0 || o.NullReplicates < 0 || o.K > maxK || o.MaxK > maxK || o.Replicates > maxReplicates || o.NullReplicates > maxReplicates {
		return nil, fmt.Errorf("persona: options: k and max k must be from 0 to %d, replicates from 0 to %d", maxK, maxReplicates)
	}
	if o.MaxK == 0 {
		o.MaxK = 6
	}
	if o.Replicates == 0 {
		o.Replicates = 50
	}
	if o.NullReplicates == 0 {
		o.NullReplicates = 19
	}
	if o.Method == "" {
		o.Method = MethodKMeans
	}
	switch o.Method {
	case MethodKMeans, MethodKPrototypes, MethodPAM:
	default:
		return nil, fmt.Errorf("persona: unknown method %s (want kmeans, kprototypes or pam)", quoteCell(string(o.Method)))
	}
	if o.Catalogue == nil {
		o.Catalogue = DefaultCatalogue()
	}
	// Leave out respondents who answered nothing: they carry no
	// information and sit at distance zero from everyone in Gower's
	// measure.
	var kept []int
	for i, r := range s.Responses {
		if r.answeredAny() {
			kept = append(kept, i)
		}
	}
	blank := len(s.Responses) - len(kept)
	n := len(kept)
	if n < o.MinSize {
		return nil, fmt.Errorf("%w: %d respondents answered anything, fewer than the minimum of %d for one persona", ErrTooFew, n, o.MinSize)
	}
	if o.Method == MethodPAM && n > MaxPAMRows {
		return nil, fmt.Errorf("persona: pam keeps all %d×%d distances and is for up to %d respondents; use kmeans or kprototypes", n, n, MaxPAMRows)
	}
	sub := &Survey{Responses: make([]Response, n)}
	for i, r := range kept {
		sub.Responses[i] = s.Responses[r]
	}
	rep := &Report{Respondents: n, Method: o.Method, Seed: o.Seed, MinSize: o.MinSize, Notes: []string{}}
	if blank > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%s answered no question and %s left out.", people(blank, o.MinSize), map[bool]string{true: "was", false: "were"}[blank == 1]))
	}
	enc := sub.Encode()
	sp, err := newSpace(ctx, enc, o)
	if err != nil {
		return nil, err
	}
	rep.QualityOn = sp.qualityOn()
	rep.Components = sp.comps
	switch {
	case sp.comps > 0:
		what := "the first principal component"
		if sp.comps > 1 {
			what = fmt.Sprintf("the first %d principal components", sp.comps)
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("Clustered on %s of the answers (kept by the broken-stick rule), explaining %s of their variance; quality is measured on %s.", what, percent(sp.explained), rep.QualityOn))
	case o.Method != MethodPAM && o.Components == 0:
		rep.Notes = append(rep.Notes, fmt.Sprintf("No principal component of the answers stood out from noise (broken-stick rule), so the clustering used all the answers; quality is measured on %s.", rep.QualityOn))
	default:
		rep.Notes = append(rep.Notes, fmt.Sprintf("Clustered on all the answers; quality is measured on %s.", rep.QualityOn))
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	// The k to try, and the real survey's fit and silhouette for each.
	var ks []int
	if o.K == 0 {
		rep.Auto = true
		for k := 2; k <= o.MaxK && k*o.MinSize <= n; k++ {
			ks = append(ks, k)
		}
	} else if o.K > 1 {
		if o.K > n {
			return nil, fmt.Errorf("persona: %d respondents cannot form %d clusters", n, o.K)
		}
		ks = []int{o.K}
	}
	fits := map[int]*Clustering{}
	sils, silsX := map[int]float64{}, map[int]float64{}
	for _, k := range ks {
		res, err := sp.fit(ctx, k, all, o.Seed)
		if errors.Is(err, ErrTooFewDistinct) {
			break
		}
		if err != nil {
			return nil, err
		}
		fits[k] = res
		if sils[k], err = sp.quality(ctx, res.Labels); err != nil {
			return nil, err
		}
		if silsX[k], err = sp.clustered(ctx, res.Labels); err != nil {
			return nil, err
		}
	}
	tried := []int{}
	for _, k := range ks {
		if _, ok := fits[k]; ok {
			tried = append(tried, k)
		}
	}
	distinct := false
	if len(tried) > 0 {
		st, err := structureTest(ctx, enc, o, tried, sils)
		if err != nil {
			return nil, err
		}
		rep.Structure = st
		distinct = st.Distinct
		if distinct {
			rep.Notes = append(rep.Notes, fmt.Sprintf("The survey holds distinct groups: its best silhouette on the answers, %.3f, is above that of all %d surveys made by shuffling each question's answers on its own (highest %.3f; p = %.2f).", st.Observed, st.Replicates, st.NullMax, st.P))
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("No distinct groups: the survey's best silhouette on the answers, %.3f, is no better than surveys made by shuffling each question's answers on its own (mean %.3f, highest %.3f of %d; p = %.2f).", st.Observed, st.NullMean, st.NullMax, st.Replicates, st.P))
		}
	}
	evaluate := func(k int) (Candidate, Stability, error) {
		res := fits[k]
		c := Candidate{K: k, Silhouette: sils[k], SilhouetteClustered: silsX[k]}
		st, err := Bootstrap(ctx, res.Labels, k, o.Replicates, o.Seed, func(idx []int) ([]int, error) {
			r, err := sp.fit(ctx, k, idx, o.Seed)
			if err != nil {
				return nil, err
			}
			return r.Labels, nil
		})
		if err != nil {
			return c, Stability{}, err
		}
		c.ARI, c.MinJaccard = st.ARI, st.MinJaccard
		c.Eligible = true
		switch {
		case slices.Min(res.Sizes) < o.MinSize:
			c.Eligible, c.Reason = false, fmt.Sprintf("a cluster has fewer than %d respondents", o.MinSize)
		case st.Dissolves():
			c.Eligible, c.Reason = false, "a cluster dissolves under resampling (bootstrap Jaccard below 0.5)"
		}
		return c, st, nil
	}
	labels := make([]int, n)
	var stab *Stability
	switch {
	case o.K == 1:
		rep.K = 1
	case o.K > 1:
		rep.K = o.K
		res, ok := fits[o.K]
		if !ok {
			return nil, fmt.Errorf("persona: k = %d: %w", o.K, ErrTooFewDistinct)
		}
		c, st, err := evaluate(o.K)
		if err != nil {
			return nil, fmt.Errorf("persona: k = %d: %w", o.K, err)
		}
		rep.Candidates = []Candidate{c}
		copy(labels, res.Labels)
		stab = &st
		if st.Dissolves() {
			rep.Notes = append(rep.Notes, fmt.Sprintf("With k = %d at least one group dissolves under resampling (bootstrap Jaccard below 0.5); treat the personas with care.", o.K))
		}
		if !distinct {
			rep.Notes = append(rep.Notes, fmt.Sprintf("k = %d was asked for, but the test above finds no distinct groups: the personas split a continuum and should be read as such.", o.K))
		}
	case !distinct:
		rep.K = 1
		rep.Notes = append(rep.Notes, "So one persona describes everyone.")
	default:
		best := -1
		var bestStab Stability
		for _, k := range tried {
			c, st, err := evaluate(k)
			if err != nil {
				return nil, err
			}
			rep.Candidates = append(rep.Candidates, c)
			if c.Eligible && (best < 0 || c.SilhouetteClustered > rep.Candidates[best].SilhouetteClustered) {
				best, bestStab = len(rep.Candidates)-1, st
			}
		}
		if best < 0 {
			rep.K = 1
			rep.Notes = append(rep.Notes, fmt.Sprintf("No split into two or more groups was both stable under resampling and made of groups of at least %d respondents, so one persona describes everyone.", o.MinSize))
		} else {
			rep.K = rep.Candidates[best].K
			copy(labels, fits[rep.K].Labels)
			stab = &bestStab
			rep.Notes = append(rep.Notes, fmt.Sprintf("k = %d was chosen: the highest silhouette in the space clustered among the splits whose groups all have at least %d respondents and none dissolves under resampling; on all the answers its silhouette is %.3f.", rep.K, o.MinSize, sils[rep.K]))
		}
	}
	rep.Stability = stab
	k := max(rep.K, 1)
	merged := mergeSmall(sp.x, labels, k, o.MinSize, &rep.Notes)
	// Number the remaining groups by engagement, least engaged first.
	groups := map[int][]int{}
	for i, l := range labels {
		groups[l] = append(groups[l], i)
	}
	ids := make([]int, 0, len(groups))
	eng := map[int]float64{}
	for l, members := range groups {
		ids = append(ids, l)
		eng[l] = engagement(sub, members)
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
		if !merged[l] && stab != nil && l < len(stab.Jaccard) {
			v := stab.Jaccard[l]
			js = &v
		}
		rep.Personas = append(rep.Personas, describe(sub, groups[l], n, o, js))
	}
	nameUnique(rep.Personas)
	if len(rep.Personas) > 1 {
		if v, err := sp.quality(ctx, final); err == nil {
			rep.Silhouette = &v
		}
	}
	rep.Labels = make([]int, len(s.Responses))
	for i := range rep.Labels {
		rep.Labels[i] = -1
	}
	for i, r := range kept {
		rep.Labels[r] = final[i]
	}
	return rep, nil
}

// people formats a count of people that may be below the floor: exact
// from the floor up, else "fewer than floor".
func people(count, floor int) string {
	switch {
	case count >= floor:
		return fmt.Sprintf("%d respondents", count)
	}
	return fmt.Sprintf("Fewer than %d respondents", floor)
}

// answeredAny reports whether the response answers at least one question.
func (r Response) answeredAny() bool {
	for _, s := range [][]Answer{r.Confidence, r.Use, r.Mode, r.Attitude} {
		for _, a := range s {
			if a != NoAnswer {
				return true
			}
		}
	}
	return r.Learn.Answered() || r.Aims.Answered() || r.Barriers.Answered() || r.YearsServed != NoAnswer || r.Role != NoAnswer
}

// space is a survey made ready for one clustering method: the space the
// clustering runs in and the answers its quality is measured on.
type space struct {
	method    Method
	enc       Encoded
	full      Matrix     // every answer, imputed and weighted (Encoded.Imputed)
	x         Matrix     // what k-means and k-prototypes cluster: principal components of full, or full
	comps     int        // principal components in x; 0 when x is full
	explained float64    // share of variance they explain
	gamma     float64    // k-prototypes weight of a mismatch in x
	gammaFull float64    // the same for full
	gower     DistMatrix // PAM only
}

// silhouetteSampleMax is the most rows a silhouette is measured on
// exactly; above it, on a seeded sample of this many rows.
const silhouetteSampleMax = 2000

func newSpace(ctx context.Context, enc Encoded, o Options) (*space, error) {
	sp := &space{method: o.Method, enc: enc, full: enc.Imputed()}
	sp.x = sp.full
	if o.Method != MethodPAM && o.Components >= 0 {
		pcs, explained := PCA(sp.full, sp.full.Cols)
		m := o.Components
		if m == 0 {
			m = BrokenStick(explained)
		}
		m = min(m, sp.full.Cols)
		if m > 0 {
			for _, e := range explained[:m] {
				sp.explained += e
			}
			n := sp.full.Rows
			sp.x = Matrix{Rows: n, Cols: m, Data: make([]float64, 0, n*m)}
			for i := 0; i < n; i++ {
				sp.x.Data = append(sp.x.Data, pcs.Row(i)[:m]...)
			}
			sp.comps = m
		}
	}
	gammaOf := func(x Matrix) float64 {
		if g := 0.5 * math.Sqrt(meanVariance(x)); g > 0 {
			return g
		}
		return 1
	}
	sp.gamma, sp.gammaFull = gammaOf(sp.x), gammaOf(sp.full)
	if o.Method == MethodPAM {
		var err error
		if sp.gower, err = Gower(ctx, enc.Numeric, enc.Weights, enc.Categorical); err != nil {
			return nil, err
		}
	}
	return sp, nil
}

// qualityOn names the space quality is measured in.
func (sp *space) qualityOn() string {
	switch sp.method {
	case MethodKPrototypes:
		return "all the answers (k-prototypes dissimilarity: encoded answers plus mismatches of mode and role)"
	case MethodPAM:
		return "all the answers (Gower distance)"
	}
	return "all the answers (Euclidean distance between the encoded answers)"
}

// fit clusters the rows idx into k groups.
func (sp *space) fit(ctx context.Context, k int, idx []int, seed uint64) (*Clustering, error) {
	switch sp.method {
	case MethodKMeans:
		return KMeans{K: k, Seed: seed, Workers: 1}.Fit(ctx, sp.x.subset(idx))
	case MethodKPrototypes:
		cat := make([][]int, len(idx))
		for i, r := range idx {
			cat[i] = sp.enc.Categorical[r]
		}
		return KPrototypes{K: k, Seed: seed, Workers: 1, Gamma: sp.gamma}.Fit(ctx, sp.x.subset(idx), cat)
	}
	d := DistMatrix{N: len(idx), D: make([]float64, 0, len(idx)*len(idx))}
	for _, i := range idx {
		for _, j := range idx {
			d.D = append(d.D, sp.gower.At(i, j))
		}
	}
	return PAM{K: k}.Fit(ctx, d)
}

// quality is the mean silhouette of labels on all the answers (on a
// seeded sample of rows for large surveys).
func (sp *space) quality(ctx context.Context, labels []int) (float64, error) {
	return sp.silhouette(ctx, labels, true)
}

// clustered is the mean silhouette of labels in the space clustered,
// which is what k is chosen by.
func (sp *space) clustered(ctx context.Context, labels []int) (float64, error) {
	return sp.silhouette(ctx, labels, false)
}

func (sp *space) silhouette(ctx context.Context, labels []int, onAnswers bool) (float64, error) {
	x, gamma := sp.x, sp.gamma
	if onAnswers {
		x, gamma = sp.full, sp.gammaFull
	}
	n := len(labels)
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	if n > silhouetteSampleMax {
		rng := rand.New(rand.NewPCG(uint64(n), 0x5111))
		rows = rng.Perm(n)[:silhouetteSampleMax]
		slices.Sort(rows)
	}
	l := make([]int, len(rows))
	for i, r := range rows {
		l[i] = labels[r]
	}
	switch sp.method {
	case MethodKMeans:
		xs := x.subset(rows)
		return silhouette(ctx, len(rows), l, func(i, j int) float64 { return math.Sqrt(sqDist(xs.Row(i), xs.Row(j))) })
	case MethodKPrototypes:
		return silhouette(ctx, len(rows), l, func(i, j int) float64 {
			a, b := rows[i], rows[j]
			d := sqDist(x.Row(a), x.Row(b))
			for f, u := range sp.enc.Categorical[a] {
				if v := sp.enc.Categorical[b][f]; u >= 0 && v >= 0 && u != v {
					d += gamma
				}
			}
			return math.Sqrt(d)
		})
	}
	return silhouette(ctx, len(rows), l, func(i, j int) float64 { return sp.gower.At(rows[i], rows[j]) })
}

// structureTest compares the best silhouette of the real survey over ks
// (given in sils) with surveys whose questions are shuffled each on its
// own, clustered the same way.
func structureTest(ctx context.Context, enc Encoded, o Options, ks []int, sils map[int]float64) (*StructureTest, error) {
	st := &StructureTest{Ks: ks, Replicates: o.NullReplicates, Observed: math.Inf(-1), NullMax: math.Inf(-1)}
	for _, k := range ks {
		st.Observed = max(st.Observed, sils[k])
	}
	n := enc.Numeric.Rows
	at := 0
	for b := 0; b < o.NullReplicates; b++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng := rand.New(rand.NewPCG(o.Seed, uint64(b)+0x5A11))
		null := Encoded{Numeric: Matrix{Rows: n, Cols: enc.Numeric.Cols, Data: make([]float64, len(enc.Numeric.Data))},
			NumericNames: enc.NumericNames, Weights: enc.Weights, CatNames: enc.CatNames, Categorical: make([][]int, n)}
		for f := 0; f < enc.Numeric.Cols; f++ {
			for i, r := range rng.Perm(n) {
				null.Numeric.Data[i*enc.Numeric.Cols+f] = enc.Numeric.Data[r*enc.Numeric.Cols+f]
			}
		}
		for i := range null.Categorical {
			null.Categorical[i] = make([]int, len(enc.CatNames))
		}
		for f := range enc.CatNames {
			for i, r := range rng.Perm(n) {
				null.Categorical[i][f] = enc.Categorical[r][f]
			}
		}
		sp, err := newSpace(ctx, null, o)
		if err != nil {
			return nil, err
		}
		best := math.Inf(-1)
		for _, k := range ks {
			res, err := sp.fit(ctx, k, seq(n), o.Seed)
			if errors.Is(err, ErrTooFewDistinct) {
				continue
			}
			if err != nil {
				return nil, err
			}
			v, err := sp.quality(ctx, res.Labels)
			if err != nil {
				continue
			}
			best = max(best, v)
		}
		if math.IsInf(best, -1) {
			best = 0
		}
		st.NullMean += best / float64(o.NullReplicates)
		st.NullMax = max(st.NullMax, best)
		if best >= st.Observed {
			at++
		}
	}
	st.P = float64(1+at) / float64(o.NullReplicates+1)
	st.Distinct = at == 0
	return st, nil
}

// seq returns 0..n-1.
func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
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
	p := Persona{Stage: StageOf(e), Respondents: m, Share: float64(m) / float64(total), Engagement: e, Stability: stability, TypicalTools: []string{}}
	p.Name = stageText[p.Stage].name
	p.Next = stageText[p.Stage].next
	// Two-way use counts people, not answers: a member who said how they
	// use any tool, and whether they hold two-way conversations on one.
	var twoWay, modeN int
	for _, i := range members {
		said, two := false, false
		for _, a := range s.Responses[i].Mode {
			if a == NoAnswer {
				continue
			}
			said = true
			if Modes[a] == "two_way" || Modes[a] == "both" {
				two = true
			}
		}
		if said {
			modeN++
		}
		if two {
			twoWay++
		}
	}
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
		if *p.TwoWay < 0.5 {
			b.WriteString("Online, most of them broadcast rather than hold conversations. ")
		} else {
			fmt.Fprintf(&b, "Online, %s of them hold two-way conversations with residents. ", percent(*p.TwoWay))
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
