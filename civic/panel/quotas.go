package panel

import (
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"go.yaml.in/yaml/v3"
)

// Quotas says what panel to draw: its size, how many reserves, and per
// feature value the smallest and largest number of panel members that may
// have it; a task may also require or prefer features. It is read from
// YAML or JSON by [ReadQuotas]:
//
//	size: 40
//	reserves: 6
//	features:
//	  age:
//	    16-29: {min: 7, max: 10}
//	    30-44: {min: 8, max: 11}
//	task:
//	  description: Rewriting the planning pages
//	  require:
//	    knowledge: [none, a little]
//	  prefer:
//	    - feature: engagement
//	      values: [never]
//	      weight: 2
type Quotas struct {
	// Size is the number of panel members; 0 means it must be given
	// elsewhere (the CLI's --size).
	Size int `json:"size,omitempty" jsonschema:"minimum=0"`
	// Reserves is the number of reserves to list after the panel; 0 means
	// one in ten of the panel, rounded up.
	Reserves int `json:"reserves,omitempty" jsonschema:"minimum=0"`
	// Features maps a feature (a column of the pool) to its values and
	// each value's range of panel members. Every value a volunteer has in
	// a feature named here needs a range.
	Features map[string]map[string]Range `json:"features"`
	// Task is what the panel is convened for, if it needs particular
	// insight.
	Task *Task `json:"task,omitempty"`

	file string
	pos  map[string]position // "feature\x00value" (or a key path) → where it was written
}

// Range is the smallest and largest number of panel members with a
// feature value.
type Range struct {
	Min int `json:"min" jsonschema:"minimum=0"` // at least this many
	Max int `json:"max" jsonschema:"minimum=0"` // at most this many
}

// Task narrows or tilts the selection toward the insight a task needs.
type Task struct {
	Description string `json:"description,omitempty"` // what the panel is convened for
	// Require maps a feature to the values a volunteer must have to be
	// eligible, for example knowledge: [none] for a panel that tests pages
	// on people new to local democracy. Everyone else is left out of the
	// draw.
	Require map[string][]string `json:"require,omitempty"`
	// Prefer gives extra weight to volunteers with given values: a
	// volunteer's selection probability is made proportional to the
	// product of the weights that apply to them, as far as the quotas
	// allow. Use it to favour people who have never taken part before.
	Prefer []Preference `json:"prefer,omitempty"`
}

// Preference weighs volunteers with one of Values in Feature.
type Preference struct {
	Feature string   `json:"feature"`                                            // the feature (a pool column)
	Values  []string `json:"values"`                                             // the values that earn the weight
	Weight  float64  `json:"weight" jsonschema:"exclusiveMinimum=0,maximum=100"` // how much more likely (2 = twice as likely)
}

type position struct{ line, col int }

// place returns where key was written.
func (q *Quotas) place(key string) (int, int) {
	p := q.pos[key]
	return p.line, p.col
}

// quotaKey is the position key of a feature value's range.
func quotaKey(feature, value string) string { return feature + "\x00" + value }

// QuotaOptions configures [ReadQuotas].
type QuotaOptions struct {
	File     string // the file name in errors
	MaxBytes int64  // the size cap; 0 means input.DefaultMaxBytes
}

// ReadQuotas reads quotas from YAML or JSON (JSON is YAML). Unknown keys,
// duplicate keys, negative numbers and a minimum above its maximum are
// errors; every error is a *civic.ParseError with the line and column.
func ReadQuotas(r io.Reader, opt QuotaOptions) (*Quotas, error) {
	src, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "cannot read the quotas", Err: err}
	}
	if err := input.Check(src, true); err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "cannot read the quotas", Err: err}
	}
	src, _ = input.TrimBOM(src)
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(opt.File, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &civic.ParseError{File: opt.File, Line: 1, Msg: "empty quotas: want features with their ranges"}
	}
	p := &qparser{file: opt.File}
	q := &Quotas{file: opt.File, pos: map[string]position{}}
	if err := p.quotas(doc.Content[0], q); err != nil {
		return nil, err
	}
	return q, nil
}

// yamlError turns a YAML syntax error into a ParseError, taking the line
// from "yaml: line 3: ..." when there is one.
func yamlError(file string, err error) error {
	rest := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &civic.ParseError{File: file, Msg: "syntax error: " + safe.Text(rest, 200)}
	if strings.HasPrefix(rest, "line ") {
		num, after, ok := strings.Cut(rest[5:], ":")
		if n, err := strconv.Atoi(num); ok && err == nil {
			e.Line, e.Column = n, 1
			e.Msg = "syntax error: " + safe.Text(strings.TrimSpace(after), 200)
		}
	}
	return e
}

type qparser struct {
	file  string
	nodes int
}

// maxNodes bounds the work on a hostile document (an alias bomb
// references the same mapping millions of times).
const maxNodes = 100_000

func (p *qparser) fail(n *yaml.Node, field, msg string) error {
	return &civic.ParseError{File: p.file, Line: n.Line, Column: n.Column, Field: field, Msg: msg}
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 16; i++ {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return "the value " + safe.Quote(n.Value)
	}
	return "something else"
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

// mapping calls fn for each key and value of a mapping node, refusing
// other kinds, non-scalar keys and duplicate keys.
func (p *qparser) mapping(n *yaml.Node, field string, fn func(key string, k, v *yaml.Node) error) error {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return p.fail(n, field, "want a mapping, got "+kindName(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		p.nodes++
		if p.nodes > maxNodes {
			return p.fail(n, field, "too many entries")
		}
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return p.fail(k, field, "want a plain key, got "+kindName(k))
		}
		key := k.Value
		if seen[key] {
			return p.fail(k, join(field, key), "duplicate key")
		}
		seen[key] = true
		if err := fn(key, k, v); err != nil {
			return err
		}
	}
	return nil
}

func (p *qparser) str(n *yaml.Node, field string) (string, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.fail(n, field, "want a string, got "+kindName(n))
	}
	return strings.TrimSpace(n.Value), nil
}

func (p *qparser) strs(n *yaml.Node, field string) ([]string, error) {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{strings.TrimSpace(n.Value)}, nil
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return nil, p.fail(n, field, "want a list of values, got "+kindName(n))
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		p.nodes++
		if p.nodes > maxNodes {
			return nil, p.fail(n, field, "too many entries")
		}
		s, err := p.str(c, field+"["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *qparser) number(n *yaml.Node, field string, min, max float64) (float64, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, p.fail(n, field, "want a number, got "+kindName(n))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil {
		if i, err2 := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err2 == nil {
			f, err = float64(i), nil
		}
	}
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, p.fail(n, field, "want a number, got "+safe.Quote(n.Value))
	}
	if f < min || f > max {
		return 0, p.fail(n, field, "out of range: want "+strconv.FormatFloat(min, 'g', -1, 64)+" to "+strconv.FormatFloat(max, 'g', -1, 64))
	}
	return f, nil
}

// maxCount bounds sizes and quota numbers: far above any panel.
const maxCount = 100_000

func (p *qparser) integer(n *yaml.Node, field string) (int, error) {
	f, err := p.number(n, field, 0, maxCount)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) {
		return 0, p.fail(deref(n), field, "want a whole number")
	}
	return int(f), nil
}

func (p *qparser) quotas(n *yaml.Node, q *Quotas) error {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return p.fail(n, "", "empty quotas: want features with their ranges")
	}
	err := p.mapping(n, "", func(key string, k, v *yaml.Node) error {
		var err error
		switch key {
		case "size":
			q.Size, err = p.integer(v, key)
			q.pos["size"] = position{v.Line, v.Column}
		case "reserves":
			q.Reserves, err = p.integer(v, key)
		case "features":
			err = p.features(v, q)
		case "task":
			q.Task = &Task{}
			err = p.task(v, q)
		default:
			err = p.fail(k, key, "unknown key (want size, reserves, features or task)")
		}
		return err
	})
	if err != nil {
		return err
	}
	if q.Features == nil {
		return p.fail(n, "features", "missing: want each feature's values with their min and max")
	}
	return nil
}

func (p *qparser) features(n *yaml.Node, q *Quotas) error {
	q.Features = map[string]map[string]Range{}
	return p.mapping(n, "features", func(feature string, k, v *yaml.Node) error {
		field := join("features", feature)
		name := strings.ToLower(strings.TrimSpace(feature))
		if name == "" || name == "id" || hasControl(name) {
			return p.fail(k, field, "not a feature name")
		}
		if _, dup := q.Features[name]; dup {
			return p.fail(k, field, "feature appears twice (names ignore case)")
		}
		vals := map[string]Range{}
		q.Features[name] = vals
		q.pos[name] = position{k.Line, k.Column}
		err := p.mapping(v, field, func(value string, vk, vv *yaml.Node) error {
			vfield := join(field, value)
			value = strings.TrimSpace(value)
			if hasControl(value) {
				return p.fail(vk, vfield, "control character in the value")
			}
			var r Range
			seen := map[string]bool{}
			err := p.mapping(vv, vfield, func(key string, kk, kv *yaml.Node) error {
				var err error
				switch key {
				case "min":
					r.Min, err = p.integer(kv, join(vfield, key))
				case "max":
					r.Max, err = p.integer(kv, join(vfield, key))
				default:
					return p.fail(kk, join(vfield, key), "unknown key (want min and max)")
				}
				seen[key] = true
				return err
			})
			if err != nil {
				return err
			}
			if !seen["min"] || !seen["max"] {
				return p.fail(vv, vfield, "want both min and max")
			}
			if r.Min > r.Max {
				return p.fail(vv, vfield, "min "+strconv.Itoa(r.Min)+" is more than max "+strconv.Itoa(r.Max))
			}
			vals[value] = r
			q.pos[quotaKey(name, value)] = position{vk.Line, vk.Column}
			return nil
		})
		if err != nil {
			return err
		}
		if len(vals) == 0 {
			return p.fail(v, field, "no values: want each value with its min and max")
		}
		return nil
	})
}

func (p *qparser) task(n *yaml.Node, q *Quotas) error {
	t := q.Task
	return p.mapping(n, "task", func(key string, k, v *yaml.Node) error {
		field := join("task", key)
		switch key {
		case "description":
			s, err := p.str(v, field)
			t.Description = s
			return err
		case "require":
			t.Require = map[string][]string{}
			return p.mapping(v, field, func(feature string, fk, fv *yaml.Node) error {
				vals, err := p.strs(fv, join(field, feature))
				name := strings.ToLower(strings.TrimSpace(feature))
				t.Require[name] = vals
				q.pos["require\x00"+name] = position{fk.Line, fk.Column}
				return err
			})
		case "prefer":
			v = deref(v)
			if v.Kind != yaml.SequenceNode {
				return p.fail(v, field, "want a list of preferences, got "+kindName(v))
			}
			for i, c := range v.Content {
				ifield := field + "[" + strconv.Itoa(i) + "]"
				var pr Preference
				seen := map[string]bool{}
				err := p.mapping(c, ifield, func(key string, kk, kv *yaml.Node) error {
					var err error
					seen[key] = true
					switch key {
					case "feature":
						pr.Feature, err = p.str(kv, join(ifield, key))
						pr.Feature = strings.ToLower(pr.Feature)
					case "values":
						pr.Values, err = p.strs(kv, join(ifield, key))
					case "weight":
						pr.Weight, err = p.number(kv, join(ifield, key), 0, 100)
						if err == nil && pr.Weight <= 0 {
							err = p.fail(deref(kv), join(ifield, key), "want a weight above 0")
						}
					default:
						err = p.fail(kk, join(ifield, key), "unknown key (want feature, values and weight)")
					}
					return err
				})
				if err != nil {
					return err
				}
				if !seen["feature"] || !seen["values"] || !seen["weight"] {
					return p.fail(deref(c), ifield, "want feature, values and weight")
				}
				q.pos["prefer\x00"+strconv.Itoa(i)] = position{deref(c).Line, deref(c).Column}
				t.Prefer = append(t.Prefer, pr)
			}
			return nil
		}
		return p.fail(k, field, "unknown key (want description, require or prefer)")
	})
}

// features returns the quota features, sorted.
func (q *Quotas) featureNames() []string {
	out := make([]string, 0, len(q.Features))
	for f := range q.Features {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// valueNames returns the values of feature f, sorted.
func (q *Quotas) valueNames(f string) []string {
	out := make([]string, 0, len(q.Features[f]))
	for v := range q.Features[f] {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
