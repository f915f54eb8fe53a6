package corpus

import (
	"encoding/json"
	"strconv"
	"strings"
)

// node is a decoded JSON value with its path, so every error can say where.
type node struct {
	v    any
	path string
}

func (n node) obj() (map[string]any, bool) {
	m, ok := n.v.(map[string]any)
	return m, ok
}

func (n node) key(k string) node {
	m, _ := n.obj()
	return node{v: m[k], path: n.path + "." + k}
}

func (n node) index(i int) node {
	a, _ := n.v.([]any)
	var v any
	if i < len(a) {
		v = a[i]
	}
	return node{v: v, path: n.path + "[" + strconv.Itoa(i) + "]"}
}

// list returns the elements of an array, or the value itself as a
// one-element list: JSON-LD allows either for most properties.
func (n node) list() []node {
	switch a := n.v.(type) {
	case nil:
		return nil
	case []any:
		out := make([]node, len(a))
		for i := range a {
			out[i] = n.index(i)
		}
		return out
	default:
		return []node{n}
	}
}

// str returns the value as text: strings and numbers as they are; for an
// object its "name" (JSON-LD Person/Organization), else "@value", else
// "url"; for an array its first element that has text.
func (n node) str() string {
	switch v := n.v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case map[string]any:
		for _, k := range []string{"name", "@value", "url", "@id"} {
			if s := n.key(k).str(); s != "" {
				return s
			}
		}
	case []any:
		for _, e := range n.list() {
			if s := e.str(); s != "" {
				return s
			}
		}
	}
	return ""
}

// num returns the value as a number, accepting numeric strings ("4").
func (n node) num() (float64, bool) {
	switch v := n.v.(type) {
	case json.Number:
		f, err := v.Float64()
		return f, err == nil
	case float64:
		return v, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil
	}
	return 0, false
}

// types returns the JSON-LD @type values, without a "schema:" prefix.
func (n node) types() []string {
	var out []string
	for _, t := range n.key("@type").list() {
		s := t.str()
		s = strings.TrimPrefix(s, "schema:")
		s = strings.TrimPrefix(s, "http://schema.org/")
		s = strings.TrimPrefix(s, "https://schema.org/")
		out = append(out, s)
	}
	return out
}

func (n node) isType(t string) bool {
	for _, x := range n.types() {
		if x == t {
			return true
		}
	}
	return false
}
