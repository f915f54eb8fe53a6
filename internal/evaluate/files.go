package evaluate

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
)

// Query is one input claim of a queries file, with the text that precedes
// it in its document (its context; empty when the file has no third column).
type Query struct{ ID, Text, Context string }

// ReadQueries reads "id<TAB>text[<TAB>context]" lines; blank lines are
// skipped. The optional third column is the text that precedes the query in
// its document (the previous sentences). A line without a tab, or a
// repeated id, is an error naming the line.
func ReadQueries(path string) ([]Query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseQueries(path, f)
}

// ParseQueries reads queries from r, naming errors after name.
func ParseQueries(name string, r io.Reader) ([]Query, error) {
	var out []Query
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 8<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		id, text, ok := strings.Cut(s, "\t")
		id = strings.TrimSpace(id)
		if !ok || id == "" {
			return nil, lineError(name, line, "expected id<TAB>text")
		}
		if prev, dup := seen[id]; dup {
			return nil, lineError(name, line, "duplicate query id "+strconv.Quote(id)+" (first on line "+strconv.Itoa(prev)+")")
		}
		seen[id] = line
		text, context, _ := strings.Cut(text, "\t")
		out = append(out, Query{ID: id, Text: text, Context: context})
	}
	if err := sc.Err(); err != nil {
		return nil, errors.New(name + ":" + strconv.Itoa(line+1) + ": " + err.Error())
	}
	return out, nil
}

// ReadQrels reads TREC qrels "qid 0 docid relevance" (tabs or spaces);
// lines with relevance 0 are not relevant; duplicate lines count once.
func ReadQrels(path string) (Qrels, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	q := Qrels{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 4 {
			return nil, lineError(path, line, "expected 4 columns: query_id 0 claim_id relevance")
		}
		rel, err := strconv.Atoi(fields[3])
		if err != nil {
			return nil, lineError(path, line, "relevance must be an integer")
		}
		if q[fields[0]] == nil {
			q[fields[0]] = map[string]bool{}
		}
		if rel > 0 {
			q[fields[0]][fields[2]] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, lineError(path, line+1, err.Error())
	}
	return q, nil
}

func lineError(name string, line int, msg string) error {
	return errors.New(name + ":" + strconv.Itoa(line) + ": " + msg)
}
