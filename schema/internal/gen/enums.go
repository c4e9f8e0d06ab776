package main

import (
	"encoding"
	"fmt"
	"go/constant"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/packages"
)

// enumValues returns, for every named string or integer type reachable
// from the documents that has declared constants, the JSON values of those
// constants: the string itself, or MarshalText's text for an integer type
// that encodes as text. So an enum's schema follows its Go constants and
// cannot fall out of date.
func enumValues(dir string) (map[reflect.Type][]any, error) {
	reach := map[string]reflect.Type{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		if t.Name() != "" && strings.HasPrefix(t.PkgPath(), "github.com/civickit/civickit") {
			reach[t.PkgPath()+"."+t.Name()] = t
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				if t.Field(i).IsExported() {
					walk(t.Field(i).Type)
				}
			}
		}
	}
	for _, d := range documents {
		walk(reflect.TypeOf(d.Value))
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir}
	pkgs, err := packages.Load(cfg, "./civic/...", "./standards/...", "./persona/...", "./audit/...")
	if err != nil {
		return nil, err
	}
	out := map[reflect.Type][]any{}
	textMarshaler := reflect.TypeFor[encoding.TextMarshaler]()
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("%s: %v", p.PkgPath, p.Errors[0])
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() { // sorted, so enum order is stable
			c, ok := scope.Lookup(name).(*types.Const)
			if !ok || !c.Exported() {
				continue
			}
			named, ok := c.Type().(*types.Named)
			if !ok {
				continue
			}
			t, ok := reach[named.Obj().Pkg().Path()+"."+named.Obj().Name()]
			if !ok {
				continue
			}
			switch {
			case t.Kind() == reflect.String && c.Val().Kind() == constant.String:
				out[t] = appendUnique(out[t], constant.StringVal(c.Val()))
			case t.Implements(textMarshaler) && c.Val().Kind() == constant.Int:
				v := reflect.New(t).Elem()
				n, _ := constant.Int64Val(c.Val())
				switch t.Kind() {
				case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
					v.SetInt(n)
				case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
					v.SetUint(uint64(n))
				default:
					continue
				}
				b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
				if err == nil && len(b) > 0 {
					out[t] = appendUnique(out[t], string(b))
				}
			}
		}
	}
	return out, nil
}

func appendUnique(vals []any, s string) []any {
	for _, v := range vals {
		if v == s {
			return vals
		}
	}
	return append(vals, s)
}
