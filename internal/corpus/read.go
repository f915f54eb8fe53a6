// Package corpus reads fact-check corpora into claims: schema.org
// ClaimReview as publishers and aggregators ship it (JSON-LD objects,
// arrays, @graph, DataFeeds such as Data Commons', HTML pages with JSON-LD
// or microdata), Google Fact Check Tools API results (a response, a bare
// array of claims, one claim) and CheckThat! verified-claim JSONL.
//
// Readers are lenient where it is safe (relative and scheme-less review
// URLs, @type arrays and lower-case types, missing ratings, odd scales) and
// strict where it matters: an item that still cannot be used (no claim
// text, a javascript: URL) is skipped with a Warning that says where and
// why, and the rest is kept. Only an input that cannot be read at all is an
// *Error. JSON documents are streamed a DataFeed element at a time, so a
// large feed costs memory for its claims, not for its text.
package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
)

// Format is a corpus file format.
type Format int

const (
	FormatUnknown   Format = iota
	FormatJSON             // ClaimReview JSON-LD or Fact Check Tools JSON, told apart per object
	FormatCheckThat        // CheckThat! verified-claim JSONL
	FormatHTML             // an HTML page with ClaimReview JSON-LD or microdata
)

func (f Format) String() string {
	return [...]string{"unknown", "json", "checkthat", "html"}[f]
}

// MaxFileBytes bounds one corpus input (after decompression) so a hostile or
// mistaken input cannot run for ever or, for HTML which is read whole,
// exhaust memory. 512 MiB holds about 400,000 pretty-printed DataFeed items.
const MaxFileBytes = 512 << 20

// sniffBytes is how much of an input DetectFormat sees: enough for the
// first line of a CheckThat! file.
const sniffBytes = 64 << 10

// DetectFormat sniffs the first bytes of an input.
func DetectFormat(head []byte) Format {
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	trimmed = bytes.TrimPrefix(trimmed, []byte("\xef\xbb\xbf"))
	trimmed = bytes.TrimLeft(trimmed, " \t\r\n")
	if len(trimmed) == 0 {
		return FormatUnknown
	}
	switch trimmed[0] {
	case '<':
		return FormatHTML
	case '[':
		return FormatJSON
	case '{':
	default:
		return FormatUnknown
	}
	// One JSON object per line with CheckThat! keys is JSONL.
	firstLine := trimmed
	if i := bytes.IndexByte(trimmed, '\n'); i >= 0 {
		firstLine = trimmed[:i]
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(firstLine, &probe) == nil {
		if _, ok := probe["vclaim"]; ok {
			return FormatCheckThat
		}
		if _, ok := probe["vclaim_id"]; ok {
			return FormatCheckThat
		}
	}
	return FormatJSON
}

// ReadFrom reads one input from r, named name in messages; size (0 when
// unknown) is for progress reports. See ReadFile.
func (c *Collection) ReadFrom(name string, r io.Reader, size int64) error {
	m := c.mark()
	in := &input{c: c, name: name, size: size}
	err := in.read(r)
	if err == nil && in.items == 0 && in.ignored == 0 {
		err = &Error{Location: Location{File: name}, Msg: "no claims found"}
	}
	if err != nil {
		c.rollback(m)
		return err
	}
	in.progress(true)
	return nil
}

// input is the state of reading one input.
type input struct {
	c       *Collection
	name    string
	size    int64
	raw     *counter // bytes of the input as stored (compressed or not)
	items   int      // items (kept or skipped) read from this input
	ignored int      // reviews of other things (MediaReview)

	// For an HTML page: its canonical URL and language, and the line of the
	// JSON-LD block being read.
	page, lang string
	line       int
}

func (in *input) read(r io.Reader) error {
	in.raw = &counter{r: r}
	src := bufio.NewReaderSize(in.raw, sniffBytes)
	var body io.Reader = src
	if head, _ := src.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(src)
		if err != nil {
			return in.errorf(0, "bad gzip data: "+err.Error())
		}
		body = gzipReader{zr}
	}
	text := bufio.NewReaderSize(&limited{r: body, n: MaxFileBytes}, sniffBytes)
	head, err := text.Peek(sniffBytes)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return in.readError(err, 0)
	}
	switch DetectFormat(head) {
	case FormatJSON:
		return in.readJSON(text)
	case FormatCheckThat:
		return in.readCheckThat(text)
	case FormatHTML:
		data, err := io.ReadAll(text)
		if err != nil {
			return in.readError(err, 0)
		}
		return in.readHTML(data)
	}
	return in.errorf(1, "not a recognised corpus: expected ClaimReview JSON-LD or HTML, Fact Check Tools JSON, CheckThat! JSONL or a compiled index")
}

// ignore counts a review of something other than a claim.
func (in *input) ignore(typ string) {
	in.ignored++
	in.c.ignore(typ)
}

// got counts one item read (kept or skipped) and reports progress.
func (in *input) got() {
	in.items++
	if in.items%progressEvery == 0 {
		in.progress(false)
	}
}

func (in *input) progress(done bool) {
	if in.c.Progress != nil {
		in.c.Progress(Progress{File: in.name, Items: in.items, Read: in.raw.n, Size: in.size, Done: done})
	}
}

func (in *input) errorf(line int, msg string) *Error {
	return &Error{Location: Location{File: in.name, Line: line}, Msg: msg}
}

// readError explains an error from reading the input itself.
func (in *input) readError(err error, line int) *Error {
	var gz gzipError
	switch {
	case errors.As(err, &gz):
		return in.errorf(0, "bad gzip data: "+gz.err.Error())
	case errors.Is(err, errTooLarge):
		return in.errorf(0, "file is larger than the 512 MiB corpus limit")
	}
	return in.errorf(line, err.Error())
}

// counter counts the bytes and lines read through it.
type counter struct {
	r     io.Reader
	n     int64
	lines int
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.lines += countLines(p[:n])
	return n, err
}

var errTooLarge = errors.New("input larger than MaxFileBytes")

// limited fails with errTooLarge past n bytes, where io.LimitReader would
// stop silently.
type limited struct {
	r io.Reader
	n int64
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, errTooLarge
	}
	return n, err
}

// gzipReader marks errors of the decompressor, to tell them from JSON's.
type gzipReader struct{ r io.Reader }

type gzipError struct{ err error }

func (e gzipError) Error() string { return "gzip: " + e.err.Error() }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError{err}
	}
	return n, err
}
