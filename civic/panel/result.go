package panel

// Result is a drawn panel and how it was drawn: what a council publishes
// so that anyone can check the draw and re-run it.
type Result struct {
	Method   Method `json:"method"`         // how the panel was drawn: leximin or greedy
	Seed     uint64 `json:"seed"`           // the seed of the draw
	Size     int    `json:"size"`           // the panel size
	Task     string `json:"task,omitempty"` // what the panel is convened for
	Weighted bool   `json:"weighted"`       // the task weighs some volunteers more (probabilities then follow the weights)
	// Solver names the solver of LEXIMIN's programmes and its version;
	// "" when LEXIMIN was not computed.
	Solver string      `json:"solver,omitempty"`
	Pool   PoolSummary `json:"pool"` // the pool in numbers
	// Panel is the chosen volunteers' pseudonymous ids, in pool order.
	Panel []string `json:"panel"`
	// Reserves are volunteers to ask, in order, when a panel member drops
	// out, each with the members they can replace within the quotas.
	Reserves []Reserve `json:"reserves"`
	// Minimum is the smallest selection probability under each method and
	// LEXIMIN's gain over the greedy method.
	Minimum Minimum `json:"minimum"`
	// Quotas says, for each quota, how the panel and each method meet it.
	Quotas []QuotaResult `json:"quotas"`
	// Volunteers is every volunteer's probability of selection under each
	// method, in pool order.
	Volunteers []VolunteerResult `json:"volunteers"`
	// Greedy says how the greedy method's probabilities were estimated.
	Greedy GreedyStats `json:"greedy"`
	// Leximin says how much work LEXIMIN took; null when not computed.
	Leximin *Stats `json:"leximin,omitempty"`
	// Features names the quota features, in the order of each group's
	// values.
	Features []string `json:"features,omitempty"`
	// Groups are the volunteers who are interchangeable for the quotas:
	// the same quota values and weight, no one else of their household in
	// the pool. The distribution counts panels by group.
	Groups []Group `json:"groups,omitempty"`
	// Distribution is the LEXIMIN distribution over panels. A draw picks
	// a panel by its probability (a uniform number from the seeded
	// generator, panels in this order), then in each of its groups, in
	// order, that many members by a seeded partial shuffle.
	Distribution []PanelShare `json:"distribution,omitempty"`
}

// PoolSummary is the pool in numbers.
type PoolSummary struct {
	Volunteers int `json:"volunteers"` // volunteers in the pool
	Eligible   int `json:"eligible"`   // volunteers the task's requirements leave in the draw
	Households int `json:"households"` // eligible households (a volunteer alone counts as one)
	// Uncoverable counts eligible volunteers who are on no panel that
	// meets the quotas, so have probability 0 under any method.
	Uncoverable int `json:"uncoverable"`
}

// Reserve is a volunteer to ask when a panel member drops out.
type Reserve struct {
	ID       string   `json:"id"`       // the volunteer's pseudonymous id
	Replaces []string `json:"replaces"` // the panel members they can replace within the quotas
}

// Minimum compares the methods' smallest selection probabilities among
// eligible volunteers. Fields are null when a method was not computed.
type Minimum struct {
	Leximin *float64 `json:"leximin"` // LEXIMIN's smallest probability
	Greedy  *float64 `json:"greedy"`  // the greedy method's smallest probability (from simulation)
	Gain    *float64 `json:"gain"`    // LEXIMIN's minus the greedy method's
	// LeximinPerWeight is LEXIMIN's smallest probability divided by the
	// volunteer's task weight, the quantity it maximises when the task
	// weighs volunteers; omitted without weights.
	LeximinPerWeight *float64 `json:"leximin_per_weight,omitempty"`
	// GreedyPerWeight is the same for the greedy method.
	GreedyPerWeight *float64 `json:"greedy_per_weight,omitempty"`
}

// QuotaResult is one quota and how far it binds.
type QuotaResult struct {
	Feature string `json:"feature"` // the feature
	Value   string `json:"value"`   // the value
	Min     int    `json:"min"`     // the quota's minimum
	Max     int    `json:"max"`     // the quota's maximum
	Pool    int    `json:"pool"`    // eligible volunteers with the value
	Panel   int    `json:"panel"`   // chosen volunteers with the value
	// Slack is how far the panel is from the nearer bound: 0 means the
	// panel sits on the minimum or the maximum.
	Slack int `json:"slack"`
	// Expected is the expected number of members with the value under
	// LEXIMIN; null when not computed.
	Expected *float64 `json:"expected"`
	// ExpectedGreedy is the same under the greedy method.
	ExpectedGreedy float64 `json:"expected_greedy"`
	// AtMin is the probability under LEXIMIN that the panel sits on the
	// minimum; null when not computed.
	AtMin *float64 `json:"at_min"`
	// AtMax is the probability under LEXIMIN that the panel sits on the
	// maximum; null when not computed.
	AtMax *float64 `json:"at_max"`
}

// VolunteerResult is one volunteer's chances.
type VolunteerResult struct {
	ID       string  `json:"id"`       // the pseudonymous id
	Eligible bool    `json:"eligible"` // the task's requirements leave them in the draw
	Chosen   bool    `json:"chosen"`   // on the panel drawn
	Weight   float64 `json:"weight"`   // the task weight (1 without preferences; 0 when not eligible)
	// Leximin is the probability of selection under LEXIMIN; null when not
	// eligible or not computed.
	Leximin *float64 `json:"leximin"`
	// Greedy is the probability of selection under the greedy method,
	// estimated from the simulated draws; null when not eligible.
	Greedy *float64 `json:"greedy"`
}

// GreedyStats says how the greedy method's probabilities were estimated.
type GreedyStats struct {
	Runs int `json:"runs"` // seeded draws simulated
	// DeadEnds is the share of draws that ran into a dead end and were
	// drawn again.
	DeadEnds float64 `json:"dead_ends"`
}

// Group is volunteers who are interchangeable for the quotas.
type Group struct {
	Values  []string `json:"values"`  // the group's value of each quota feature
	Members []string `json:"members"` // the members' pseudonymous ids
}

// PanelShare is one panel of the distribution, counted by group.
type PanelShare struct {
	Probability float64 `json:"probability"` // the probability of drawing it
	Groups      []int   `json:"groups"`      // indices into Groups
	Counts      []int   `json:"counts"`      // members from each of those groups
}
