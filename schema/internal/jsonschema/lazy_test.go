package jsonschema

import (
	"strings"
	"testing"
)

// TestDraftsLoadLazily checks civickit's change to this copy: the drafts'
// metaschemas are not compiled when the package starts, and are by the
// first Compile, which still validates a schema against its draft.
func TestDraftsLoadLazily(t *testing.T) {
	if Draft2020.sch != nil {
		t.Fatal("the draft 2020-12 metaschema was compiled before any Compile")
	}
	c := NewCompiler()
	doc, err := UnmarshalJSON(strings.NewReader(`{"type": "object", "required": ["name"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("https://example.org/a.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("https://example.org/a.json")
	if err != nil {
		t.Fatal(err)
	}
	if Draft2020.sch == nil || Draft4.sch == nil {
		t.Fatal("Compile did not compile the drafts' metaschemas")
	}
	if err := s.Validate(map[string]any{}); err == nil {
		t.Fatal("an object without name was valid")
	}
	bad, _ := UnmarshalJSON(strings.NewReader(`{"type": 5}`))
	c2 := NewCompiler()
	if err := c2.AddResource("https://example.org/b.json", bad); err != nil {
		t.Fatal(err)
	}
	if _, err := c2.Compile("https://example.org/b.json"); err == nil {
		t.Fatal("a schema whose type is 5 compiled: it was not checked against its draft")
	}
}
