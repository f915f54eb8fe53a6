// Package corpus reads fact-check corpora into claims: schema.org
// ClaimReview JSON-LD (object, array, @graph, DataFeed, or embedded in HTML),
// Google Fact Check Tools API responses, and CheckThat! verified-claim JSONL.
// A reader either returns every claim of its input or an error naming the
// file, line or JSON path and the field; it never returns a partial corpus.
package corpus

import (
	"github.com/factcheckwidget/factcheck/internal/claim"

	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
)

// Format is a corpus file format.
type Format int

const (
	FormatUnknown      Format = iota
	FormatClaimReview         // schema.org ClaimReview JSON-LD
	FormatFactCheckAPI        // Google Fact Check Tools API claims:search response
	FormatCheckThat           // CheckThat! verified-claim JSONL
	FormatHTML                // an HTML page with ClaimReview JSON-LD script blocks
)

func (f Format) String() string {
	return [...]string{"unknown", "claimreview", "factchecktools", "checkthat", "html"}[f]
}

// MaxFileBytes bounds one corpus input (after decompression) so a hostile or
// mistaken input cannot exhaust memory. 512 MiB holds millions of reviews.
const MaxFileBytes = 512 << 20

// ReadFile reads a corpus file of any supported format; ".gz" files are
// decompressed first.
func ReadFile(path string) ([]claim.Claim, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// decompress gunzips data that starts with the gzip magic bytes and
// enforces MaxFileBytes on the result.
func decompress(name string, data []byte) ([]byte, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, &Error{File: name, Msg: "bad gzip data: " + err.Error()}
		}
		data, err = io.ReadAll(io.LimitReader(zr, MaxFileBytes+1))
		if err != nil {
			return nil, &Error{File: name, Msg: "bad gzip data: " + err.Error()}
		}
	}
	if len(data) > MaxFileBytes {
		return nil, &Error{File: name, Msg: "file is larger than the 512 MiB corpus limit"}
	}
	return data, nil
}

// Read parses data, named name in errors, detecting its format.
//
// Gzip data is decompressed first.
func Read(name string, data []byte) ([]claim.Claim, error) {
	data, err := decompress(name, data)
	if err != nil {
		return nil, err
	}
	var claims []claim.Claim
	switch DetectFormat(data) {
	case FormatCheckThat:
		claims, err = readCheckThat(name, data)
	case FormatFactCheckAPI:
		claims, err = readFactCheckAPI(name, data)
	case FormatClaimReview:
		claims, err = readClaimReviewJSON(name, data)
	case FormatHTML:
		claims, err = readClaimReviewHTML(name, data)
	default:
		return nil, &Error{File: name, Line: 1, Msg: "not a recognised corpus: expected ClaimReview JSON-LD, a Fact Check Tools API response, CheckThat! JSONL or a compiled index"}
	}
	if err != nil {
		return nil, err
	}
	if len(claims) == 0 {
		return nil, &Error{File: name, Msg: "no claims found"}
	}
	return claims, nil
}

// DetectFormat sniffs the first bytes and, for JSON, the top-level keys.
func DetectFormat(data []byte) Format {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	trimmed = bytes.TrimPrefix(trimmed, []byte("\xef\xbb\xbf"))
	if len(trimmed) == 0 {
		return FormatUnknown
	}
	switch trimmed[0] {
	case '<':
		return FormatHTML
	case '[':
		return FormatClaimReview
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
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return FormatClaimReview // let the parser report the syntax error
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			break
		}
		if key == "claims" {
			return FormatFactCheckAPI
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return FormatClaimReview
}

// syntaxError turns a JSON decoding error into an Error with a line number.
func syntaxError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &Error{File: name, Line: lineAt(data, se.Offset), Msg: "invalid JSON: " + se.Error()}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &Error{File: name, Line: lineAt(data, te.Offset), Msg: "invalid JSON: " + te.Error()}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &Error{File: name, Line: lineAt(data, int64(len(data))), Msg: "invalid JSON: unexpected end of input"}
	}
	return &Error{File: name, Msg: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

// decodeJSON decodes one JSON document, rejecting trailing garbage.
func decodeJSON(name string, data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, syntaxError(name, data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &Error{File: name, Line: lineAt(data, dec.InputOffset()), Msg: "invalid JSON: unexpected data after the top-level value"}
	}
	return v, nil
}
