package config

import (
	"github.com/civickit/civickit/internal/safe"
	"os"
	"strconv"
	"strings"

	"github.com/civickit/civickit/standards"
	"github.com/kljensen/snowball/english"
	"go.yaml.in/yaml/v3"
)

// Error is a mistake in a config file, with its position and the dotted
// path of the field ("thresholds.reading_age").
type Error struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Field  string `json:"field,omitempty"`
	Msg    string `json:"msg,omitempty"`
	Err    error  `json:"-"`
}

// Error formats the error as file:line:col: config: field: msg.
func (e *Error) Error() string {
	s := ""
	if e.File != "" {
		s = e.File + ":"
		if e.Line > 0 {
			s += strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column) + ":"
		}
		s += " "
	}
	s += "config: "
	if e.Field != "" {
		s += safe.Text(e.Field, 80) + ": "
	}
	s += e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// MaxSize is the largest config Parse reads, in bytes.
const MaxSize = 4 << 20

// Load reads the config file at path.
func Load(path string) (*standards.Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read", Err: err}
	}
	return Parse(path, src)
}

// Parse reads a config from JSON or YAML source; name is the file name
// used in errors. An empty source is an empty config.
func Parse(name string, src []byte) (*standards.Config, error) {
	if len(src) > MaxSize {
		return nil, &Error{File: name, Msg: "file larger than " + strconv.Itoa(MaxSize>>20) + " MiB"}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, syntaxError(name, err)
	}
	cfg := &standards.Config{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return cfg, nil
	}
	p := &parser{file: name}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if err := p.config(root, cfg); err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, &Error{File: name, Msg: "invalid config", Err: err}
	}
	return cfg, nil
}

// syntaxError turns a YAML error into an Error, taking the line from the
// message ("yaml: line 3: ...") when there is one.
func syntaxError(name string, err error) error {
	msg := err.Error()
	e := &Error{File: name, Msg: "syntax error"}
	rest := strings.TrimPrefix(msg, "yaml: ")
	if strings.HasPrefix(rest, "line ") {
		num, after, ok := strings.Cut(rest[5:], ":")
		if n, err := strconv.Atoi(num); ok && err == nil {
			e.Line, e.Column = n, 1
			e.Msg = "syntax error: " + safe.Text(strings.TrimSpace(after), 200)
			return e
		}
	}
	e.Msg = "syntax error: " + safe.Text(rest, 200)
	return e
}

// parser walks the YAML tree.
type parser struct{ file string }

func (p *parser) fail(n *yaml.Node, field, msg string) error {
	return &Error{File: p.file, Line: n.Line, Column: n.Column, Field: field, Msg: msg}
}

// mapping calls fn for each key and value of a mapping node, rejecting
// other kinds and duplicate keys.
func (p *parser) mapping(n *yaml.Node, field string, fn func(key string, k, v *yaml.Node) error) error {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return p.fail(n, field, "want a mapping of keys to values, got "+kindName(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return p.fail(k, field, "want a plain key")
		}
		if seen[k.Value] {
			return p.fail(k, join(field, k.Value), "duplicate key")
		}
		seen[k.Value] = true
		if err := fn(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

// deref follows an alias to its target.
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

func (p *parser) str(n *yaml.Node, field string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.fail(n, field, "want a string, got "+kindName(n))
	}
	return n.Value, nil
}

func (p *parser) strs(n *yaml.Node, field string) ([]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.fail(n, field, "want a list of strings, got "+kindName(n))
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		s, err := p.str(deref(c), field+"["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *parser) number(n *yaml.Node, field string, min, max float64) (float64, error) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, p.fail(n, field, "want a number, got "+kindName(n))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || f != f {
		return 0, p.fail(n, field, "want a number, got "+safe.Quote(n.Value))
	}
	if f < min || f > max {
		return 0, p.fail(n, field, "out of range: want "+strconv.FormatFloat(min, 'g', -1, 64)+" to "+strconv.FormatFloat(max, 'g', -1, 64))
	}
	return f, nil
}

func (p *parser) integer(n *yaml.Node, field string, max float64) (int, error) {
	f, err := p.number(n, field, 0, max)
	if err != nil {
		return 0, err
	}
	if f != float64(int(f)) {
		return 0, p.fail(n, field, "want a whole number")
	}
	return int(f), nil
}

func (p *parser) config(n *yaml.Node, cfg *standards.Config) error {
	return p.mapping(n, "", func(key string, k, v *yaml.Node) error {
		switch key {
		case "preset":
			s, err := p.str(v, key)
			if err != nil {
				return err
			}
			if _, ok := standards.LookupPreset(s); !ok || s == "" {
				return p.fail(v, key, "unknown preset "+safe.Quote(s)+" (want "+presetNames()+")")
			}
			cfg.Preset = s
			return nil
		case "thresholds":
			return p.thresholds(v, &cfg.Thresholds)
		case "disable":
			ids, err := p.strs(v, key)
			if err != nil {
				return err
			}
			for i, id := range ids {
				if !knownRule(id) {
					return p.fail(elem(v, i), key, "unknown rule "+safe.Quote(id)+" (want "+ruleNames()+")")
				}
			}
			cfg.Disable = append(cfg.Disable, ids...)
			return nil
		case "severity":
			cfg.Severity = map[string]standards.Severity{}
			return p.mapping(v, key, func(id string, k, v *yaml.Node) error {
				f := join(key, id)
				if !knownRule(id) {
					return p.fail(k, f, "unknown rule "+safe.Quote(id)+" (want "+ruleNames()+")")
				}
				s, err := p.str(v, f)
				if err != nil {
					return err
				}
				sev, ok := standards.ParseSeverity(s)
				if !ok {
					return p.fail(v, f, "unknown severity "+safe.Quote(s)+" (want error, warning or suggestion)")
				}
				cfg.Severity[id] = sev
				return nil
			})
		case "plain_english":
			return p.wordList(v, key, &cfg.PlainEnglish)
		case "jargon":
			return p.wordList(v, key, &cfg.Jargon)
		case "acronyms":
			return p.mapping(v, key, func(sub string, k, v *yaml.Node) error {
				f := join(key, sub)
				switch sub {
				case "known":
					ws, err := p.strs(v, f)
					cfg.Acronyms.Known = append(cfg.Acronyms.Known, ws...)
					return err
				case "expand":
					subs, err := p.substitutions(v, f)
					cfg.Acronyms.Expand = append(cfg.Acronyms.Expand, subs...)
					return err
				}
				return p.fail(k, f, "unknown field (want known or expand)")
			})
		}
		return p.fail(k, key, "unknown field (want preset, thresholds, disable, severity, plain_english, jargon or acronyms)")
	})
}

// elem returns item i of a list node, or the node itself.
func elem(n *yaml.Node, i int) *yaml.Node {
	if n.Kind == yaml.SequenceNode && i < len(n.Content) {
		return n.Content[i]
	}
	return n
}

func (p *parser) thresholds(n *yaml.Node, t *standards.Thresholds) error {
	return p.mapping(n, "thresholds", func(key string, k, v *yaml.Node) error {
		f := join("thresholds", key)
		var err error
		switch key {
		case "reading_age":
			t.ReadingAge, err = p.number(v, f, 0, 30)
		case "max_sentence_words":
			t.MaxSentenceWords, err = p.integer(v, f, 1000)
		case "max_average_sentence_words":
			t.MaxAverageSentenceWords, err = p.number(v, f, 0, 1000)
		case "max_paragraph_sentences":
			t.MaxParagraphSentences, err = p.integer(v, f, 1000)
		case "max_paragraph_words":
			t.MaxParagraphWords, err = p.integer(v, f, 100000)
		case "max_passive_share":
			t.MaxPassiveShare, err = p.number(v, f, 0, 1)
		case "max_summary_words":
			t.MaxSummaryWords, err = p.integer(v, f, 100000)
		case "pass_mark":
			t.PassMark, err = p.number(v, f, 0, 100)
		default:
			return p.fail(k, f, "unknown threshold (want reading_age, max_sentence_words, max_average_sentence_words, "+
				"max_paragraph_sentences, max_paragraph_words, max_passive_share, max_summary_words or pass_mark)")
		}
		return err
	})
}

func (p *parser) wordList(n *yaml.Node, field string, wl *standards.WordList) error {
	return p.mapping(n, field, func(key string, k, v *yaml.Node) error {
		f := join(field, key)
		switch key {
		case "add":
			subs, err := p.substitutions(v, f)
			wl.Add = append(wl.Add, subs...)
			return err
		case "remove":
			ws, err := p.strs(v, f)
			wl.Remove = append(wl.Remove, ws...)
			return err
		}
		return p.fail(k, f, "unknown field (want add or remove)")
	})
}

// substitutions reads either a mapping of phrase to suggestion, or a list
// of {phrase, suggestion} mappings.
func (p *parser) substitutions(n *yaml.Node, field string) ([]standards.Substitution, error) {
	var out []standards.Substitution
	check := func(n *yaml.Node, f string, s standards.Substitution) error {
		if strings.TrimSpace(s.Phrase) == "" {
			return p.fail(n, f, "empty phrase")
		}
		if strings.TrimSpace(s.Suggestion) == "" {
			return p.fail(n, f, "empty suggestion for "+safe.Quote(s.Phrase))
		}
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		for i, c := range n.Content {
			f := field + "[" + strconv.Itoa(i) + "]"
			var s standards.Substitution
			err := p.mapping(c, f, func(key string, k, v *yaml.Node) error {
				var err error
				switch key {
				case "phrase":
					s.Phrase, err = p.str(v, join(f, key))
				case "suggestion":
					s.Suggestion, err = p.str(v, join(f, key))
				default:
					return p.fail(k, join(f, key), "unknown field (want phrase or suggestion)")
				}
				return err
			})
			if err != nil {
				return nil, err
			}
			if err := check(c, f, s); err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	err := p.mapping(n, field, func(key string, k, v *yaml.Node) error {
		f := join(field, key)
		sugg, err := p.str(v, f)
		if err != nil {
			return err
		}
		s := standards.Substitution{Phrase: key, Suggestion: sugg}
		if err := check(k, f, s); err != nil {
			return err
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

func knownRule(id string) bool {
	for _, r := range standards.RuleInfos() {
		if r.ID == id {
			return true
		}
	}
	return false
}

func ruleNames() string {
	var s []string
	for _, r := range standards.RuleInfos() {
		s = append(s, r.ID)
	}
	return strings.Join(s, ", ")
}

func presetNames() string {
	var s []string
	for _, p := range standards.Presets() {
		s = append(s, p.Name)
	}
	return strings.Join(s, ", ")
}

// Snowball is the snowball (Porter2) English stemmer, for a council's own
// words on the native path: set it as [standards.Checker.Stemmer].
type Snowball struct{}

// Stem returns the snowball English stem of a lower-case word.
func (Snowball) Stem(word string) string { return english.Stem(word, false) }
