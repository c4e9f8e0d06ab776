package compose

import (
	_ "embed"
	"io"
	"sort"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"go.yaml.in/yaml/v3"
)

//go:embed templates.yaml
var builtinYAML []byte

// placeholders are the names a template may use.
var placeholders = map[string]bool{
	"title": true, "now": true, "say": true, "by": true, "next": true, "when": true,
	"url": true, "contact": true, "council": true, "tags": true, "handle": true,
}

// Templates are the wordings of posts: per stage what is happening now
// and how to have a say, and per channel the shape of the post. They are
// data: [Builtin] gives civickit's, [ReadTemplates] a council's own.
type Templates struct {
	Stages   map[journey.StageID]StageText
	Channels map[Channel]*Template
	// Welsh holds the council's Welsh wordings for bilingual posts, or is
	// nil. civickit does not translate.
	Welsh *Templates
}

// StageText is what posts say at one stage.
type StageText struct {
	Now *Template // what is happening now, one or two short sentences
	Say *Template // how to have a say now, without a full stop: "by DATE." may follow
}

// Template is a text with checked {placeholders} and [optional parts].
type Template struct {
	src   string
	parts []part
}

// String returns the template's source text.
func (t *Template) String() string { return t.src }

type part struct {
	text  string // literal text, when name is "" and group is nil
	name  string // a placeholder
	group []part // an optional part
}

// ReadOptions configures [ReadTemplates].
type ReadOptions struct {
	File     string // the file name for errors
	MaxBytes int64  // the size cap; 0 means the default
}

// Builtin returns civickit's templates, which cover every journey stage
// and channel.
func Builtin() *Templates {
	t, err := parseTemplates(builtinYAML, "templates.yaml")
	if err != nil {
		panic("compose: built-in templates: " + err.Error()) // a bug in the embedded file, caught by the tests
	}
	return t
}

// ReadTemplates reads a council's templates (YAML or JSON) and lays them
// over the built-in ones: a stage or channel the file leaves out keeps
// civickit's wording. An unknown stage, channel, key or placeholder is a
// *civic.ParseError with its line and column.
func ReadTemplates(r io.Reader, opt ReadOptions) (*Templates, error) {
	b, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "read failed", Err: err}
	}
	if err := input.Check(b, true); err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "cannot read the file", Err: err}
	}
	b, _ = input.TrimBOM(b)
	own, err := parseTemplates(b, opt.File)
	if err != nil {
		return nil, err
	}
	base := Builtin()
	base.merge(own)
	return base, nil
}

func (t *Templates) merge(o *Templates) {
	for k, v := range o.Stages {
		cur := t.Stages[k]
		if v.Now != nil {
			cur.Now = v.Now
		}
		if v.Say != nil {
			cur.Say = v.Say
		}
		t.Stages[k] = cur
	}
	for k, v := range o.Channels {
		t.Channels[k] = v
	}
	if o.Welsh != nil {
		t.Welsh = o.Welsh
	}
}

func parseTemplates(b []byte, file string) (*Templates, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, &civic.ParseError{File: file, Msg: "not valid YAML or JSON", Err: err}
	}
	t := &Templates{Stages: map[journey.StageID]StageText{}, Channels: map[Channel]*Template{}}
	if len(doc.Content) == 0 {
		return t, nil
	}
	return t, t.fill(doc.Content[0], file, "", true)
}

func perr(file string, n *yaml.Node, field, msg string) error {
	return &civic.ParseError{File: file, Line: n.Line, Column: n.Column, Field: field, Msg: msg}
}

func (t *Templates) fill(root *yaml.Node, file, prefix string, top bool) error {
	if root.Kind != yaml.MappingNode {
		return perr(file, root, strings.TrimSuffix(prefix, "."), "want a mapping with stages and channels")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case k.Value == "stages":
			if v.Kind != yaml.MappingNode {
				return perr(file, v, prefix+"stages", "want a mapping of stage ids")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				sk, sv := v.Content[j], v.Content[j+1]
				id := journey.StageID(sk.Value)
				if _, ok := journey.StageFor(id); !ok {
					return perr(file, sk, prefix+"stages."+sk.Value, "unknown stage (see civickit journey stages)")
				}
				if sv.Kind != yaml.MappingNode {
					return perr(file, sv, prefix+"stages."+sk.Value, "want now: and say:")
				}
				var st StageText
				for m := 0; m+1 < len(sv.Content); m += 2 {
					fk, fv := sv.Content[m], sv.Content[m+1]
					field := prefix + "stages." + sk.Value + "." + fk.Value
					tp, err := compile(fv, file, field)
					if err != nil {
						return err
					}
					switch fk.Value {
					case "now":
						st.Now = tp
					case "say":
						st.Say = tp
					default:
						return perr(file, fk, field, "unknown key (want now or say)")
					}
				}
				t.Stages[id] = st
			}
		case k.Value == "channels":
			if v.Kind != yaml.MappingNode {
				return perr(file, v, prefix+"channels", "want a mapping of channels")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				ck, cv := v.Content[j], v.Content[j+1]
				c := Channel(ck.Value)
				if _, ok := LimitOf(c); !ok {
					names := make([]string, 0, 9)
					for _, c := range Channels() {
						names = append(names, string(c))
					}
					return perr(file, ck, prefix+"channels."+ck.Value, "unknown channel (known: "+strings.Join(names, ", ")+")")
				}
				tp, err := compile(cv, file, prefix+"channels."+ck.Value)
				if err != nil {
					return err
				}
				t.Channels[c] = tp
			}
		case k.Value == "welsh" && top:
			w := &Templates{Stages: map[journey.StageID]StageText{}, Channels: map[Channel]*Template{}}
			if err := w.fill(v, file, "welsh.", false); err != nil {
				return err
			}
			t.Welsh = w
		default:
			return perr(file, k, prefix+k.Value, "unknown key (want stages, channels or welsh)")
		}
	}
	return nil
}

// compile parses a template node: {name} placeholders, [optional parts],
// {{ and [[ for plain brackets.
func compile(n *yaml.Node, file, field string) (*Template, error) {
	if n.Kind != yaml.ScalarNode {
		return nil, perr(file, n, field, "want a text")
	}
	src := n.Value
	parts, rest, err := parseParts(src, 0, false)
	if err != nil {
		pe := err.(*tplError)
		line, col := n.Line, n.Column
		if n.Style == 0 || n.Style == yaml.DoubleQuotedStyle || n.Style == yaml.SingleQuotedStyle {
			// Single-line scalars: point into the text (after the quote).
			if !strings.Contains(src[:pe.at], "\n") {
				col += len([]rune(src[:pe.at]))
				if n.Style != 0 {
					col++
				}
			}
		}
		return nil, &civic.ParseError{File: file, Line: line, Column: col, Field: field, Msg: pe.msg}
	}
	if rest != len(src) {
		return nil, &civic.ParseError{File: file, Line: n.Line, Column: n.Column, Field: field, Msg: "] without ["}
	}
	return &Template{src: src, parts: parts}, nil
}

type tplError struct {
	at  int
	msg string
}

func (e *tplError) Error() string { return e.msg }

// parseParts parses src from i until the end, or until "]" when inGroup.
func parseParts(src string, i int, inGroup bool) ([]part, int, error) {
	var parts []part
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, part{text: lit.String()})
			lit.Reset()
		}
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '{' && strings.HasPrefix(src[i:], "{{"):
			lit.WriteByte('{')
			i += 2
		case c == '[' && strings.HasPrefix(src[i:], "[["):
			lit.WriteByte('[')
			i += 2
		case c == '}' && strings.HasPrefix(src[i:], "}}"):
			lit.WriteByte('}')
			i += 2
		case c == ']' && strings.HasPrefix(src[i:], "]]"):
			lit.WriteByte(']')
			i += 2
		case c == '{':
			end := strings.IndexByte(src[i:], '}')
			if end < 0 {
				return nil, i, &tplError{i, "{ without } (write {{ for a plain bracket)"}
			}
			name := src[i+1 : i+end]
			if !placeholders[name] {
				known := make([]string, 0, len(placeholders))
				for k := range placeholders {
					known = append(known, "{"+k+"}")
				}
				sort.Strings(known)
				return nil, i, &tplError{i, "unknown placeholder " + safe.Quote("{"+name+"}") + " (known: " + strings.Join(known, " ") + ")"}
			}
			flush()
			parts = append(parts, part{name: name})
			i += end + 1
		case c == '[':
			flush()
			g, j, err := parseParts(src, i+1, true)
			if err != nil {
				return nil, j, err
			}
			parts = append(parts, part{group: g})
			i = j
		case c == ']':
			if !inGroup {
				return nil, i, &tplError{i, "] without [ (write ]] for a plain bracket)"}
			}
			flush()
			return parts, i + 1, nil
		case c == '}':
			return nil, i, &tplError{i, "} without { (write }} for a plain bracket)"}
		default:
			lit.WriteByte(c)
			i++
		}
	}
	if inGroup {
		return nil, i, &tplError{len(src) - 1, "[ without ]"}
	}
	flush()
	return parts, i, nil
}

// groups counts the optional parts at the top level.
func (t *Template) groups() int {
	n := 0
	for _, p := range t.parts {
		if p.group != nil {
			n++
		}
	}
	return n
}

// render fills the template from vals, leaving out optional parts with an
// empty placeholder and the last drop top-level optional parts.
func (t *Template) render(vals map[string]string, drop int) string {
	keep := t.groups() - drop
	var b strings.Builder
	for _, p := range t.parts {
		if p.group != nil {
			if keep <= 0 {
				continue
			}
			keep--
		}
		renderPart(&b, p, vals)
	}
	return b.String()
}

func renderPart(b *strings.Builder, p part, vals map[string]string) {
	switch {
	case p.group != nil:
		if !filled(p.group, vals) {
			return
		}
		for _, q := range p.group {
			renderPart(b, q, vals)
		}
	case p.name != "":
		b.WriteString(vals[p.name])
	default:
		b.WriteString(p.text)
	}
}

// filled reports whether every placeholder directly in parts has a
// value; a nested optional part may be empty, as it is left out itself.
func filled(parts []part, vals map[string]string) bool {
	for _, p := range parts {
		if p.name != "" && vals[p.name] == "" {
			return false
		}
	}
	return true
}
