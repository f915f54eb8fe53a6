package corpus

import (
	"encoding/json"
	"strconv"
	"strings"
)

// node is a decoded JSON value with where it was, so every warning can say
// where. The path is a chain built as the reader descends and spelled out
// only when a warning needs it.
type node struct {
	v  any
	at *step
}

// step is one step of a JSON path: a key, or an index when key is "". A
// nil step is the document root, "$"; a step with a root name is the root
// of values that are not JSON (microdata items).
type step struct {
	up    *step
	key   string
	index int
	root  string
}

func (s *step) String() string {
	if s == nil {
		return "$"
	}
	if s.root != "" {
		return s.root
	}
	if s.key == "" {
		return s.up.String() + "[" + strconv.Itoa(s.index) + "]"
	}
	return s.up.String() + "." + s.key
}

func (s *step) child(key string) *step { return &step{up: s, key: key} }
func (s *step) item(i int) *step       { return &step{up: s, index: i} }

func (n node) obj() (map[string]any, bool) {
	m, ok := n.v.(map[string]any)
	return m, ok
}

func (n node) key(k string) node {
	m, _ := n.obj()
	return node{v: m[k], at: n.at.child(k)}
}

func (n node) has(k string) bool {
	m, _ := n.obj()
	_, ok := m[k]
	return ok
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
			out[i] = node{v: a[i], at: n.at.item(i)}
		}
		return out
	default:
		return []node{n}
	}
}

// first returns the first element of an array, or the value itself.
func (n node) first() node {
	if l := n.list(); len(l) > 0 {
		return l[0]
	}
	return n
}

// str returns the value as text: strings and numbers as they are; for an
// object its "name" (JSON-LD Person/Organization), else "@value", else
// "url", else "@id"; for an array its first element that has text.
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

// isType reports whether the JSON-LD @type (a string or an array) names t,
// in any case and with or without a schema.org prefix: publishers write
// "ClaimReview", ["Review", "ClaimReview"], "schema:ClaimReview",
// "http://schema.org/ClaimReview" and "claimreview".
func (n node) isType(t string) bool {
	for _, x := range n.key("@type").list() {
		s := x.str()
		for _, p := range []string{"schema:", "http://schema.org/", "https://schema.org/", "http://www.schema.org/", "https://www.schema.org/"} {
			if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
				s = s[len(p):]
				break
			}
		}
		if strings.EqualFold(s, t) {
			return true
		}
	}
	return false
}

// typeSuffix reports whether a @type ends with one of suffixes (any case):
// "NewsArticle" is an Article, "NewsMediaOrganization" an Organization.
func (n node) typeSuffix(suffixes ...string) bool {
	for _, x := range n.key("@type").list() {
		s := strings.ToLower(x.str())
		for _, suf := range suffixes {
			if strings.HasSuffix(s, strings.ToLower(suf)) {
				return true
			}
		}
	}
	return false
}

// typeName is the first @type, for messages.
func (n node) typeName() string { return n.key("@type").str() }
