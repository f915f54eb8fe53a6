package corpus

import (
	"bytes"
	"strconv"
)

// Error locates a problem in a corpus file: the file, the line (JSONL and
// syntax errors) or JSON path (structured documents), and the field.
type Error struct {
	File  string
	Line  int    // 1-based; 0 when unknown
	Path  string // JSON path such as $.dataFeedElement[2].item[0]; "" when unknown
	Field string // the offending field, "" when the whole record is at fault
	Msg   string
}

func (e *Error) Error() string {
	s := e.File
	if s == "" {
		s = "<input>"
	}
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	if e.Path != "" {
		s += ": " + e.Path
	}
	if e.Field != "" {
		if e.Path != "" {
			s += "." + e.Field
		} else {
			s += ": field " + strconv.Quote(e.Field)
		}
	}
	return s + ": " + e.Msg
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}
