package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/report"
)

// CheckRequest is the body of POST /v1/check. Unknown fields are refused
// (400) so a misspelt field does not pass silently.
type CheckRequest struct {
	// Text is a sentence or a whole article (plain text); required.
	// Articles longer than engine.MaxArticleBytes are cut there.
	Text string `json:"text"`
	// Date is the article's date, YYYY-MM-DD, that relative dates in the
	// text resolve against; optional.
	Date string `json:"date,omitempty"`
	// MaxMatches per sentence, 0..10; 0 means engine.DefaultMaxMatches.
	MaxMatches int `json:"maxMatches,omitempty"`
	// Lang is the text's language, a BCP 47 tag ("pt-BR"); optional. The
	// text is read in it and compared with the claims in it unless the
	// text is plainly in another language (engine.Options.Lang).
	Lang string `json:"lang,omitempty"`
}

// MaxMatchesLimit bounds CheckRequest.MaxMatches.
const MaxMatchesLimit = 10

// check serves POST /v1/check. Any Content-Type is accepted as long as the
// body is JSON, so pages may send text/plain and skip the CORS preflight.
// The response is report.Article: every sentence with character offsets,
// and for each match its tier, score, flags, summary and explanation.
func (h *handler) check(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > h.opt.MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is larger than %d bytes", h.opt.MaxBodyBytes))
		return
	}
	req, err := decodeCheck(http.MaxBytesReader(w, r.Body, h.opt.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is larger than %d bytes", h.opt.MaxBodyBytes))
			return
		}
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	opt := engine.Options{Date: req.Date, MaxMatches: req.MaxMatches, Lang: req.Lang}
	sents, err := h.corpus.CheckArticle(r.Context(), req.Text, opt)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "corpus unavailable: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, report.ArticleOf(req.Text, req.Date, sents))
}

func decodeCheck(body io.Reader) (*CheckRequest, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var req CheckRequest
	if err := dec.Decode(&req); err != nil {
		if err == io.EOF {
			return nil, errors.New(`empty body: want {"text": "...", "date": "YYYY-MM-DD"}`)
		}
		return nil, fmt.Errorf("invalid JSON body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("invalid JSON body: more than one JSON value")
	}
	if strings.TrimSpace(req.Text) == "" {
		return nil, errors.New("text: required and not blank")
	}
	if req.Date != "" {
		if _, err := time.Parse(time.DateOnly, req.Date); err != nil {
			return nil, fmt.Errorf("date: want YYYY-MM-DD, got %q", req.Date)
		}
	}
	if err := checkLanguageTag("lang", req.Lang); err != nil {
		return nil, err
	}
	if req.MaxMatches < 0 || req.MaxMatches > MaxMatchesLimit {
		return nil, fmt.Errorf("maxMatches: want 0..%d, got %d", MaxMatchesLimit, req.MaxMatches)
	}
	return &req, nil
}
