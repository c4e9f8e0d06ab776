package schema

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestCompatible holds the v1 promise: against every schema published as
// v1 (testdata/published/v1, a copy taken at publication), the current
// schema may only widen. A removed document or field, a narrowed type or
// enum, a new required field, a newly closed object or a new constraint
// fails the test.
func TestCompatible(t *testing.T) {
	dir := filepath.Join("testdata", "published", "v1")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || name == "index" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			old, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			cur, err := JSON(name)
			if err != nil {
				t.Fatalf("published schema %s is gone: %v", name, err)
			}
			for _, p := range breaking(t, old, cur) {
				t.Error(p)
			}
		})
	}
}

// TestBreakingDetects proves the checker fails on each kind of break.
func TestBreakingDetects(t *testing.T) {
	base := `{"type":"object","properties":{"a":{"type":["string","null"]},"b":{"type":"string","enum":["x","y"]},"c":{"$ref":"#/$defs/C"}},"required":["a"],"$defs":{"C":{"type":"object","properties":{"d":{"type":"integer"}}}}}`
	tests := []struct{ name, cur, want string }{
		{"same", base, ""},
		{"new optional field", strings.Replace(base, `"a":`, `"z":{"type":"string"},"a":`, 1), ""},
		{"removed field", strings.Replace(base, `"a":{"type":["string","null"]},`, ``, 1), "/properties/a: removed"},
		{"narrowed type", strings.Replace(base, `["string","null"]`, `"string"`, 1), "/properties/a: type narrowed"},
		{"narrowed enum", strings.Replace(base, `["x","y"]`, `["x"]`, 1), "/properties/b: enum lost y"},
		{"new required", strings.Replace(base, `"required":["a"]`, `"required":["a","b"]`, 1), "newly required: b"},
		{"closed object", strings.Replace(base, `"type":"object","properties"`, `"type":"object","additionalProperties":false,"properties"`, 1), "now refuses unknown properties"},
		{"nested via ref", strings.Replace(base, `"d":{"type":"integer"}`, `"d":{"type":"integer","minimum":0}`, 1), "/properties/c/properties/d: new or changed minimum"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(breaking(t, []byte(base), []byte(tc.cur)), "\n")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// breaking lists the ways cur breaks documents valid under old.
func breaking(t *testing.T, oldB, curB []byte) []string {
	var old, cur map[string]any
	if err := json.Unmarshal(oldB, &old); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(curB, &cur); err != nil {
		t.Fatal(err)
	}
	var out []string
	compare(old, cur, old, cur, "", &out, map[string]bool{})
	return out
}

func resolve(s, root map[string]any) map[string]any {
	for i := 0; i < 16; i++ {
		ref, ok := s["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/$defs/") {
			return s
		}
		defs, _ := root["$defs"].(map[string]any)
		next, _ := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if next == nil {
			return s
		}
		s = next
	}
	return s
}

func types(s map[string]any) []string {
	switch v := s["type"].(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return nil
}

func set(v any) map[string]bool {
	out := map[string]bool{}
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out[fmt.Sprint(x)] = true
		}
	}
	return out
}

func compare(old, cur, oldRoot, curRoot map[string]any, path string, out *[]string, seen map[string]bool) {
	if seen[path] || len(path) > 2000 {
		return
	}
	seen[path] = true
	old, cur = resolve(old, oldRoot), resolve(cur, curRoot)
	if ot := types(old); ot != nil {
		ct := set(toAny(types(cur)))
		if types(cur) != nil {
			for _, x := range ot {
				if !ct[x] && !(x == "integer" && ct["number"]) {
					*out = append(*out, path+": type narrowed (lost "+x+")")
				}
			}
		}
	}
	if oe, ok := old["enum"]; ok {
		if ce, ok := cur["enum"]; ok {
			cs := set(ce)
			var lost []string
			for k := range set(oe) {
				if !cs[k] {
					lost = append(lost, k)
				}
			}
			sort.Strings(lost)
			if len(lost) > 0 {
				*out = append(*out, path+": enum lost "+strings.Join(lost, ", "))
			}
		}
	} else if _, ok := cur["enum"]; ok {
		*out = append(*out, path+": new enum")
	}
	for _, k := range []string{"pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "const"} {
		if cv, ok := cur[k]; ok && !reflect.DeepEqual(cv, old[k]) {
			*out = append(*out, path+": new or changed "+k)
		}
	}
	oreq, creq := set(old["required"]), set(cur["required"])
	var newReq []string
	for k := range creq {
		if !oreq[k] {
			newReq = append(newReq, k)
		}
	}
	sort.Strings(newReq)
	if len(newReq) > 0 {
		*out = append(*out, path+": newly required: "+strings.Join(newReq, ", "))
	}
	if old["additionalProperties"] != false && cur["additionalProperties"] == false {
		*out = append(*out, path+": now refuses unknown properties")
	}
	op, _ := old["properties"].(map[string]any)
	cp, _ := cur["properties"].(map[string]any)
	keys := make([]string, 0, len(op))
	for k := range op {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c, ok := cp[k].(map[string]any)
		if !ok {
			if cur["additionalProperties"] == false || cp != nil {
				*out = append(*out, path+"/properties/"+k+": removed")
			}
			continue
		}
		o, _ := op[k].(map[string]any)
		compare(o, c, oldRoot, curRoot, path+"/properties/"+k, out, seen)
	}
	if oi, ok := old["items"].(map[string]any); ok {
		if ci, ok := cur["items"].(map[string]any); ok {
			compare(oi, ci, oldRoot, curRoot, path+"/items", out, seen)
		}
	}
	if oa, ok := old["additionalProperties"].(map[string]any); ok {
		if ca, ok := cur["additionalProperties"].(map[string]any); ok {
			compare(oa, ca, oldRoot, curRoot, path+"/additionalProperties", out, seen)
		}
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
