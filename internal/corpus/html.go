package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads the ClaimReview of a fact-check article: its JSON-LD script
// blocks (type=application/ld+json, quoted or not) or, when it has none
// with a review, its schema.org microdata. Relative review URLs resolve
// against the page's canonical URL (link rel=canonical, else og:url, else
// base href), and reviews that do not give their language take the page's
// (html lang). A block that is not valid JSON is skipped with its line.
func (in *input) readHTML(data []byte) error {
	page := scanPage(data)
	in.page, in.lang = page.canonical, languageTag(page.lang)
	before := in.items
	for _, b := range page.scripts {
		in.line = b.line
		v, err := decodeBlock(b.text)
		if err != nil {
			var se *json.SyntaxError
			line := b.line
			if errors.As(err, &se) {
				line += countLines(b.text[:min(int(se.Offset), len(b.text))])
			}
			in.got()
			in.c.skip(Location{File: in.name, Line: line}, "", "invalid JSON in a JSON-LD block: "+err.Error())
			continue
		}
		in.collect(node{v: v}, scope{})
	}
	in.line = 0
	if in.items == before && bytes.Contains(data, []byte("itemscope")) {
		root := &step{root: "microdata"}
		for i, item := range microdata(data) {
			in.collect(node{v: item, at: root.item(i)}, scope{})
		}
	}
	return nil
}

type page struct {
	canonical, lang string
	scripts         []script
}

type script struct {
	text []byte
	line int // of the first byte of text
}

// scanPage tokenizes the page once for its JSON-LD blocks (with the line
// each starts on), its canonical URL and its language.
func scanPage(data []byte) page {
	var p page
	var ogURL, baseHref string
	z := html.NewTokenizer(bytes.NewReader(data))
	line, inLD := 1, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.TextToken:
			if inLD {
				p.scripts = append(p.scripts, script{text: append([]byte(nil), raw...), line: line})
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Script:
				mime, _, _ := strings.Cut(attr(tok, "type"), ";")
				inLD = strings.EqualFold(strings.TrimSpace(mime), "application/ld+json") && tt == html.StartTagToken
			case atom.Link:
				if hasWord(attr(tok, "rel"), "canonical") && p.canonical == "" {
					p.canonical = attr(tok, "href")
				}
			case atom.Meta:
				if attr(tok, "property") == "og:url" && ogURL == "" {
					ogURL = attr(tok, "content")
				}
			case atom.Base:
				baseHref = attr(tok, "href")
			case atom.Html:
				p.lang = attr(tok, "lang")
			}
		case html.EndTagToken:
			inLD = false
		}
		line += countLines(raw)
	}
	for _, u := range []string{ogURL, baseHref} {
		if p.canonical == "" {
			p.canonical = u
		}
	}
	return p
}

func attr(t html.Token, name string) string {
	v, _ := attrOf(t.Attr, name)
	return v
}

// attrOf returns the trimmed value of attribute key and whether it is there.
func attrOf(attrs []html.Attribute, key string) (string, bool) {
	for _, a := range attrs {
		if a.Key == key {
			return strings.TrimSpace(a.Val), true
		}
	}
	return "", false
}

func hasWord(list, w string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}

// decodeBlock decodes a JSON-LD script block, forgiving what pages commonly
// wrap around or put inside it: an HTML comment or CDATA section around the
// JSON, a trailing semicolon, raw line breaks and tabs inside strings
// (invalid JSON that search engines accept). Wrappers are blanked, not cut,
// so a syntax error's offset is still one into the block.
func decodeBlock(b []byte) (any, error) {
	b = controlsInStringsToSpaces(b)
	body := bytes.TrimSpace(b)
	for _, w := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}} {
		if bytes.HasPrefix(body, []byte(w[0])) && bytes.HasSuffix(body, []byte(w[1])) {
			blank(body[:len(w[0])])
			blank(body[len(body)-len(w[1]):])
			break
		}
	}
	if t := bytes.TrimRight(body, " \t\r\n"); bytes.HasSuffix(t, []byte(";")) {
		blank(t[len(t)-1:])
	}
	return decodeOne(b)
}

func blank(b []byte) {
	for i := range b {
		b[i] = ' '
	}
}

// controlsInStringsToSpaces replaces control characters inside JSON strings
// with spaces, in place.
func controlsInStringsToSpaces(b []byte) []byte {
	inString, escaped := false, false
	for i, c := range b {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString && c < 0x20:
			b[i] = ' '
		}
	}
	return b
}
