package corpus

import (
	"bytes"
	"strconv"
	"strings"
)

// Location says where in an input something is: the file, the line (JSONL,
// HTML and JSON syntax errors) and the JSON path (structured documents, such
// as $.dataFeedElement[2].item[0]) with the offending field.
type Location struct {
	File  string
	Line  int    // 1-based; 0 when unknown
	Path  string // JSON path; "" when unknown
	Field string // the offending field; "" when the whole record is at fault
}

// String is "file:line:$.path.field", leaving out what is unknown; a field
// without a path reads `file:line: field "name"`.
func (l Location) String() string {
	s := l.File
	if s == "" {
		s = "<input>"
	}
	if l.Line > 0 {
		s += ":" + strconv.Itoa(l.Line)
	}
	switch {
	case l.Path != "" && l.Field != "":
		s += ":" + l.Path + "." + l.Field
	case l.Path != "":
		s += ":" + l.Path
	case l.Field != "":
		s += ": field " + strconv.Quote(l.Field)
	}
	return s
}

// Error is a problem that stops an input from being read at all: it is not
// a recognised corpus, not valid JSON, too large, or holds no claims.
type Error struct {
	Location
	Msg string
}

func (e *Error) Error() string { return e.Location.String() + ": " + e.Msg }

// Warning is an item that was not indexed, and why: it has no claim text,
// a review URL that is not http(s) or cannot be resolved, a duplicate id.
type Warning struct {
	Location
	Msg string
}

func (w Warning) String() string { return w.Location.String() + ": " + w.Msg }

// oneLine keeps a value quoted in a message short and on one line.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xc0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	off = max(0, min(off, int64(len(data))))
	return countLines(data[:off]) + 1
}

func countLines(b []byte) int { return bytes.Count(b, newline) }

var newline = []byte{'\n'}
