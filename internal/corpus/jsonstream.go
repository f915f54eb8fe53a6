package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// streamedKeys hold the long lists of a document: DataFeed elements, an API
// response's claims, a graph. Their elements are decoded and read one at a
// time; everything else is small and decoded whole.
var streamedKeys = map[string]bool{"dataFeedElement": true, "claims": true, "@graph": true, "itemListElement": true}

// jsonStream walks one JSON document with a json.Decoder token walk down to
// the elements of top-level arrays and streamed keys, so a 200,000-item
// DataFeed never sits in memory whole.
type jsonStream struct {
	in    *input
	dec   *json.Decoder
	lines *counter
}

func (in *input) readJSON(r io.Reader) error {
	s := &jsonStream{in: in, lines: &counter{r: r}}
	s.dec = json.NewDecoder(s.lines)
	s.dec.UseNumber()
	if err := s.value(nil); err != nil {
		return err
	}
	if _, err := s.dec.Token(); err != io.EOF {
		if err == nil || isSyntax(err) {
			line, _ := s.line()
			return in.errorf(line, "invalid JSON: unexpected data after the top-level value")
		}
		return s.fail(err, nil)
	}
	return nil
}

// value reads the value at path at: an array or object is walked, anything
// else holds no claims.
func (s *jsonStream) value(at *step) error {
	tok, err := s.dec.Token()
	if err != nil {
		return s.fail(err, at)
	}
	switch tok {
	case json.Delim('['):
		return s.array(at)
	case json.Delim('{'):
		return s.object(at)
	}
	return nil
}

// array reads the elements after '[' one at a time. A page (WebPage,
// Article) among them is the base URL of the reviews after it.
func (s *jsonStream) array(at *step) error {
	var sc scope
	for i := 0; s.dec.More(); i++ {
		var v any
		if err := s.dec.Decode(&v); err != nil {
			return s.fail(err, at.item(i))
		}
		n := node{v: v, at: at.item(i)}
		s.in.collect(n, sc)
		if page := pageURL(n); page != "" {
			sc.page = page
		}
	}
	_, err := s.dec.Token() // ']'
	return s.fail(err, at)
}

// object reads the members after '{': streamed keys element by element, the
// rest decoded into a map that is then read as one node.
func (s *jsonStream) object(at *step) error {
	m := map[string]any{}
	for s.dec.More() {
		tok, err := s.dec.Token()
		if err != nil {
			return s.fail(err, at)
		}
		key, _ := tok.(string)
		if streamedKeys[key] {
			if err := s.value(at.child(key)); err != nil {
				return err
			}
			continue
		}
		var v any
		if err := s.dec.Decode(&v); err != nil {
			return s.fail(err, at.child(key))
		}
		m[key] = v
	}
	if _, err := s.dec.Token(); err != nil { // '}'
		return s.fail(err, at)
	}
	s.in.collect(node{v: m, at: at}, scope{})
	return nil
}

// fail locates a decoding error, nil for nil: a syntax error at the line it
// is on, a read error (gzip, size limit) as such.
func (s *jsonStream) fail(err error, at *step) error {
	if err == nil {
		return nil
	}
	if !isSyntax(err) {
		return s.in.readError(err, 0)
	}
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "unexpected end of input"
	}
	e := s.in.errorf(s.errorLine(), "invalid JSON: "+msg)
	if at != nil {
		e.Path = at.String()
	}
	return e
}

func isSyntax(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// line is the line the decoder has read up to, and what it holds beyond:
// the lines counted through it less those still in its buffer.
func (s *jsonStream) line() (int, []byte) {
	buffered, _ := io.ReadAll(s.dec.Buffered())
	return s.lines.lines - countLines(buffered) + 1, buffered
}

// errorLine finds the line of a syntax error. The decoder's own offsets
// are relative to its scan, so the value that failed, still in its buffer,
// is decoded again from its start by a fresh decoder, whose offset is exact;
// when that value is fine, the error is the token before it.
func (s *jsonStream) errorLine() int {
	line, buffered := s.line()
	start := len(buffered) - len(bytes.TrimLeft(buffered, " \t\r\n"))
	if start < len(buffered) && (buffered[start] == ',' || buffered[start] == ':') {
		start++
	}
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(buffered[start:])).Decode(&raw)
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return line + countLines(buffered[:start+int(se.Offset)])
	case err != nil: // the input ends inside the value
		return line + countLines(buffered)
	}
	return line + countLines(buffered[:start])
}
