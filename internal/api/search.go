package api

import (
	"encoding/base64"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/claimsearch"
)

// Page sizes of claims:search.
const (
	DefaultPageSize = 10
	MaxPageSize     = 100 // larger pageSize values are clamped to this
)

// SearchResponse is the body of GET /v1alpha1/claims:search, the shape of
// Google's Fact Check Tools API (claims.search), so its clients work
// against us unchanged. No match gives {}.
type SearchResponse struct {
	Claims        []Claim `json:"claims,omitempty"`
	NextPageToken string  `json:"nextPageToken,omitempty"`
}

// Claim is a claim with its reviews. Dates are RFC 3339 timestamps at
// midnight UTC, as Google sends them; a date that does not parse is left out.
type Claim struct {
	Text        string        `json:"text,omitempty"`
	Claimant    string        `json:"claimant,omitempty"`
	ClaimDate   string        `json:"claimDate,omitempty"`
	ClaimReview []ClaimReview `json:"claimReview"`
}

// ClaimReview is one fact-checker's review of a claim.
type ClaimReview struct {
	Publisher     Publisher `json:"publisher"`
	URL           string    `json:"url,omitempty"`
	Title         string    `json:"title,omitempty"`
	ReviewDate    string    `json:"reviewDate,omitempty"`
	TextualRating string    `json:"textualRating,omitempty"`
	LanguageCode  string    `json:"languageCode,omitempty"`
}

// Publisher is the reviewing organisation; Site is a host name.
type Publisher struct {
	Name string `json:"name,omitempty"`
	Site string `json:"site,omitempty"`
}

// search serves claims:search; its parameters are listed in the package
// documentation.
func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	f, offset, size, err := h.searchParams(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	page, total, err := h.corpus.Search(r.Context(), f, offset, size)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "corpus unavailable: "+err.Error())
		return
	}
	var resp SearchResponse
	for _, c := range page {
		resp.Claims = append(resp.Claims, claimOf(c))
	}
	if end := offset + len(page); len(page) > 0 && end < total {
		resp.NextPageToken = encodeToken(end, filterKey(f))
	}
	writeJSON(w, http.StatusOK, resp)
}

// searchParams reads and checks the claims:search parameters. Integers are
// int32 in Google's API, so larger values are refused as it refuses them.
func (h *handler) searchParams(q url.Values) (f claimsearch.Filter, offset, size int, err error) {
	f = claimsearch.Filter{
		Query:         strings.TrimSpace(q.Get("query")),
		Language:      strings.TrimSpace(q.Get("languageCode")),
		PublisherSite: strings.TrimSpace(q.Get("reviewPublisherSiteFilter")),
		Now:           h.opt.Now(),
	}
	if f.Query == "" && f.PublisherSite == "" {
		return f, 0, 0, errors.New("query is required unless reviewPublisherSiteFilter is given")
	}
	if len(f.Query) > claimsearch.MaxQueryBytes {
		return f, 0, 0, fmt.Errorf("query: longer than %d bytes", claimsearch.MaxQueryBytes)
	}
	if err := checkLanguage(f.Language); err != nil {
		return f, 0, 0, err
	}
	if f.MaxAgeDays, err = intParam(q, "maxAgeDays", 0); err != nil {
		return f, 0, 0, err
	}
	if size, err = intParam(q, "pageSize", DefaultPageSize); err != nil {
		return f, 0, 0, err
	}
	if size == 0 {
		size = DefaultPageSize
	}
	size = min(size, MaxPageSize)
	if offset, err = intParam(q, "offset", 0); err != nil {
		return f, 0, 0, err
	}
	if tok := q.Get("pageToken"); tok != "" {
		if offset, err = decodeToken(tok, filterKey(f)); err != nil {
			return f, 0, 0, err
		}
	}
	return f, offset, size, nil
}

// intParam parses a non-negative int32 parameter; absent gives def.
func intParam(q url.Values, name string, def int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s: want an integer from 0 to %d, got %q", name, math.MaxInt32, s)
	}
	return int(n), nil
}

// checkLanguage refuses a languageCode that is not a well-formed BCP 47
// tag ("english", "e", "en--"). A well-formed tag of a language the
// registry does not know ("xx") is accepted: it just matches no claim.
func checkLanguage(s string) error { return checkLanguageTag("languageCode", s) }

// checkLanguageTag is checkLanguage for a parameter or field named name.
func checkLanguageTag(name, s string) error {
	if s == "" {
		return nil
	}
	_, err := language.Parse(s)
	var unknown language.ValueError
	if err != nil && !errors.As(err, &unknown) {
		return fmt.Errorf("%s: %q is not a BCP 47 language tag such as \"en\" or \"pt-BR\"", name, s)
	}
	return nil
}

// Page tokens are opaque to clients: base64url of "offset.hash", where the
// hash binds the token to the query and filters it was issued for, so a
// token reused with another query is refused instead of paging wrongly.
func encodeToken(offset int, key uint32) string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "%d.%08x", offset, key))
}

func decodeToken(tok string, key uint32) (int, error) {
	bad := fmt.Errorf("pageToken: not a token this query returned")
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return 0, bad
	}
	off, hash, ok := strings.Cut(string(raw), ".")
	n, err := strconv.Atoi(off)
	if !ok || err != nil || n < 0 || hash != fmt.Sprintf("%08x", key) {
		return 0, bad
	}
	return n, nil
}

func filterKey(f claimsearch.Filter) uint32 {
	h := fnv.New32a()
	fmt.Fprintf(h, "%q %q %q %d", f.Query, strings.ToLower(f.Language), claimsearch.SiteHost(f.PublisherSite), f.MaxAgeDays)
	return h.Sum32()
}

func claimOf(c *claim.Claim) Claim {
	return Claim{Text: c.Text, Claimant: c.Claimant, ClaimDate: timestamp(c.ClaimDate),
		ClaimReview: []ClaimReview{{
			Publisher:     Publisher{Name: c.Publisher, Site: claimsearch.SiteHost(c.PublisherSite)},
			URL:           c.URL,
			Title:         c.Title,
			ReviewDate:    timestamp(c.ReviewDate),
			TextualRating: c.Rating,
			LanguageCode:  c.Language,
		}}}
}

// timestamp turns YYYY-MM-DD (or a longer RFC 3339 string) into RFC 3339.
func timestamp(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(time.RFC3339)
	}
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return ""
}
