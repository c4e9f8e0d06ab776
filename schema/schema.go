package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/schema/internal/jsonschema"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Version is the compatibility line of the embedded schemas.
const Version = "v1"

// BaseID is the prefix of every schema's $id.
const BaseID = "https://civickit.github.io/schema/" + Version + "/"

//go:embed v1/*.json
var files embed.FS

// Info describes one document type.
type Info struct {
	Name   string `json:"name"`             // the schema's name, such as "decision"
	Title  string `json:"title"`            // one line on what the document is
	ID     string `json:"$id"`              // the schema's stable URL
	Input  bool   `json:"input,omitempty"`  // civickit reads documents of this type
	Output bool   `json:"output,omitempty"` // civickit writes documents of this type
}

var (
	loadOnce sync.Once
	index    []Info
	compiled map[string]*jsonschema.Schema
	loadErr  error
)

func load() {
	b, err := files.ReadFile("v1/index.json")
	if err != nil {
		loadErr = err
		return
	}
	if err := json.Unmarshal(b, &index); err != nil {
		loadErr = fmt.Errorf("schema: index: %w", err)
		return
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for _, d := range index {
		raw, err := files.ReadFile("v1/" + d.Name + ".json")
		if err != nil {
			loadErr = err
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			loadErr = fmt.Errorf("schema: %s: %w", d.Name, err)
			return
		}
		if err := c.AddResource(d.ID, doc); err != nil {
			loadErr = fmt.Errorf("schema: %s: %w", d.Name, err)
			return
		}
	}
	compiled = make(map[string]*jsonschema.Schema, len(index))
	for _, d := range index {
		s, err := c.Compile(d.ID)
		if err != nil {
			loadErr = fmt.Errorf("schema: %s: %w", d.Name, err)
			return
		}
		compiled[d.Name] = s
	}
}

// List returns the document types, sorted by name.
func List() []Info {
	loadOnce.Do(load)
	out := append([]Info(nil), index...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// UnknownError reports a schema name that does not exist.
type UnknownError struct {
	Name string
}

// Error lists the names that do exist.
func (e *UnknownError) Error() string {
	names := make([]string, 0, len(index))
	for _, d := range List() {
		names = append(names, d.Name)
	}
	return "schema: no schema named " + safe.Quote(e.Name) + " (known: " + strings.Join(names, ", ") + ")"
}

// JSON returns the schema document named name.
func JSON(name string) ([]byte, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	if _, ok := compiled[name]; !ok {
		return nil, &UnknownError{Name: name}
	}
	return files.ReadFile("v1/" + name + ".json")
}

// Problem is one way a document breaks its schema.
type Problem struct {
	// Pointer is the JSON pointer (RFC 6901) of the value at fault; ""
	// is the whole document.
	Pointer string `json:"pointer"`
	// Line and Column give the value's place in the file, 1-based.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Reason says what is wrong in plain English.
	Reason string `json:"reason"`
}

// Error reports a document that does not conform to its schema.
type Error struct {
	File     string    `json:"file,omitempty"`
	Schema   string    `json:"schema"`
	Problems []Problem `json:"problems"`
}

// Error lists each problem as file:line:col: pointer: reason, one per line.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if e.File != "" {
			b.WriteString(e.File)
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d:%d: ", p.Line, p.Column)
		if p.Pointer != "" {
			b.WriteString(safe.Text(p.Pointer, 80))
			b.WriteString(": ")
		}
		b.WriteString(p.Reason)
		b.WriteString(" (schema " + e.Schema + ")")
	}
	return b.String()
}

// printer renders the validator's messages in English.
var printer = message.NewPrinter(language.English)

// Validate checks data, the bytes of a JSON document named file, against
// the schema named name. It returns nil, a *civic.ParseError when data is
// not JSON, an *Error listing every problem with its place, or an
// *UnknownError.
func Validate(name string, data []byte, file string) error {
	loadOnce.Do(load)
	if loadErr != nil {
		return loadErr
	}
	s, ok := compiled[name]
	if !ok {
		return &UnknownError{Name: name}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return syntaxError(data, file, err)
	}
	err = s.Validate(inst)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &Error{File: file, Schema: name}
	var leaves func(e *jsonschema.ValidationError)
	leaves = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			ptr := pointer(e.InstanceLocation)
			line, col := locate(data, e.InstanceLocation)
			out.Problems = append(out.Problems, Problem{Pointer: ptr, Line: line, Column: col, Reason: e.ErrorKind.LocalizedString(printer)})
			return
		}
		for _, c := range e.Causes {
			leaves(c)
		}
	}
	leaves(ve)
	sort.SliceStable(out.Problems, func(i, j int) bool {
		a, b := out.Problems[i], out.Problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return out
}

// pointer formats a JSON pointer from its tokens.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	return b.String()
}

// syntaxError turns a JSON syntax error into a *civic.ParseError with the
// line and column of the fault.
func syntaxError(data []byte, file string, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, se.Offset)
		return &civic.ParseError{File: file, Line: line, Column: col, Offset: se.Offset, Msg: "not valid JSON", Err: err}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		line, col := lineCol(data, int64(len(data)))
		return &civic.ParseError{File: file, Line: line, Column: col, Offset: int64(len(data)), Msg: "JSON ends too early"}
	}
	return &civic.ParseError{File: file, Msg: "not valid JSON", Err: err}
}

// lineCol returns the 1-based line and column (in runes) of byte offset
// off in data.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	head := data[:off]
	line = bytes.Count(head, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(head, '\n') + 1
	col = len([]rune(string(head[start:]))) + 1
	return line, col
}

// locate finds the line and column where the value at the JSON pointer
// tokens starts in data (the document start when it cannot).
func locate(data []byte, tokens []string) (line, col int) {
	off, ok := valueOffset(data, tokens)
	if !ok {
		off = 0
	}
	return lineCol(data, off)
}

// valueOffset walks data's tokens to the value at path and returns the
// byte offset of its first character.
func valueOffset(data []byte, path []string) (int64, bool) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	// skipTo returns the offset of the next value start after the
	// decoder's position: past white space, commas and colons.
	skipTo := func() int64 {
		off := d.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		return off
	}
	for depth := 0; ; depth++ {
		start := skipTo()
		if depth == len(path) {
			return start, true
		}
		tok, err := d.Token()
		if err != nil {
			return 0, false
		}
		want := path[depth]
		switch tok {
		case json.Delim('{'):
			found := false
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return 0, false
				}
				if k == want {
					found = true
					break
				}
				if err := skipValue(d); err != nil {
					return 0, false
				}
			}
			if !found {
				return 0, false
			}
		case json.Delim('['):
			n, err := strconv.Atoi(want)
			if err != nil || n < 0 {
				return 0, false
			}
			for i := 0; i < n; i++ {
				if !d.More() {
					return 0, false
				}
				if err := skipValue(d); err != nil {
					return 0, false
				}
			}
			if !d.More() {
				return 0, false
			}
		default:
			return 0, false
		}
	}
}

// skipValue reads one whole value from d.
func skipValue(d *json.Decoder) error {
	var raw json.RawMessage
	return d.Decode(&raw)
}

// Check validates data like [Validate] and returns the result as the
// error every civickit reader returns: a *civic.ParseError at the first
// problem, naming the JSON pointer as the field, whose Err is the whole
// *Error when there are more. Readers call it after their own parse, so
// a document they accept also meets its published schema.
func Check(name string, data []byte, file string) error {
	err := Validate(name, data, file)
	var ve *Error
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		return err
	}
	p := ve.Problems[0]
	pe := &civic.ParseError{File: file, Line: p.Line, Column: p.Column, Field: strings.TrimPrefix(p.Pointer, "/"), Msg: p.Reason + " (schema " + name + ")"}
	if n := len(ve.Problems) - 1; n > 0 {
		pe.Msg += "; " + strconv.Itoa(n) + " more"
		pe.Err = ve
	}
	return pe
}
