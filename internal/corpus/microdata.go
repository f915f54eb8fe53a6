package corpus

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// microdata returns the top-level schema.org microdata items of a page
// (itemscope elements that are not a property of another item) as the
// JSON-LD objects they stand for: itemtype becomes @type, each itemprop a
// key, nested items objects, repeated properties arrays. Values follow the
// HTML microdata rules: meta content, link/a href, img src, time datetime,
// data value, otherwise the element's text.
func microdata(data []byte) []map[string]any {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	var items []map[string]any
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && hasAttr(n, "itemscope") && !hasAttr(n, "itemprop") {
			items = append(items, microdataItem(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return items
}

func microdataItem(n *html.Node) map[string]any {
	item := map[string]any{}
	if t := strings.Fields(getAttr(n, "itemtype")); len(t) > 0 {
		item["@type"] = t[0]
	}
	if id := getAttr(n, "itemid"); id != "" {
		item["@id"] = id
	}
	var props func(n *html.Node)
	props = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			names := strings.Fields(getAttr(c, "itemprop"))
			if len(names) > 0 {
				v := microdataValue(c)
				for _, name := range names {
					addProp(item, name, v)
				}
			}
			if !hasAttr(c, "itemscope") { // a nested item's properties are its own
				props(c)
			}
		}
	}
	props(n)
	return item
}

func addProp(item map[string]any, name string, v any) {
	switch prev := item[name].(type) {
	case nil:
		item[name] = v
	case []any:
		item[name] = append(prev, v)
	default:
		item[name] = []any{prev, v}
	}
}

func microdataValue(n *html.Node) any {
	if hasAttr(n, "itemscope") {
		return microdataItem(n)
	}
	switch n.DataAtom {
	case atom.Meta:
		return getAttr(n, "content")
	case atom.A, atom.Area, atom.Link:
		return getAttr(n, "href")
	case atom.Img, atom.Audio, atom.Embed, atom.Iframe, atom.Source, atom.Track, atom.Video:
		return getAttr(n, "src")
	case atom.Object:
		return getAttr(n, "data")
	case atom.Data, atom.Meter:
		return getAttr(n, "value")
	case atom.Time:
		if hasAttr(n, "datetime") {
			return getAttr(n, "datetime")
		}
	}
	var b strings.Builder
	var text func(n *html.Node)
	text = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
	}
	text(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attrOf(n.Attr, key)
	return ok
}

func getAttr(n *html.Node, key string) string {
	v, _ := attrOf(n.Attr, key)
	return v
}
