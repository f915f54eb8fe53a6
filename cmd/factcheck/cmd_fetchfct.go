package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

func init() {
	register(command{"fetch-fct", "--key KEY --query Q [--language L] [--site SITE] [--max-pages 10] -o FILE",
		"save Google Fact Check Tools API search results (all pages) to a file `factcheck index` reads", runFetchFCT})
}

// factCheckToolsAPI is Google's Fact Check Tools API; --api points the
// command elsewhere (a `factcheck serve`, a test server).
const factCheckToolsAPI = "https://factchecktools.googleapis.com"

// fctClient is the HTTP client of fetch-fct: one slow page must not hang a
// script for ever.
var fctClient = &http.Client{Timeout: time.Minute}

func runFetchFCT(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("fetch-fct", stderr)
	key := fs.String("key", "", "API key (default: $FACTCHECK_API_KEY, which keeps it out of the process list)")
	query := fs.String("query", "", "search text")
	language := fs.String("language", "", "BCP 47 language code of the reviews (languageCode)")
	site := fs.String("site", "", "only reviews by this publisher site (reviewPublisherSiteFilter)")
	maxAge := fs.Int("max-age-days", 0, "only reviews of the last N days (0: any age)")
	maxPages := fs.Int("max-pages", 10, "stop after this many pages")
	pageSize := fs.Int("page-size", 100, "claims per page (pageSize)")
	api := fs.String("api", factCheckToolsAPI, "API base URL")
	out := fs.String("o", "", "output file (written atomically)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *key == "" {
		*key = os.Getenv("FACTCHECK_API_KEY")
	}
	switch {
	case fs.NArg() > 0:
		return usagef("fetch-fct: unexpected argument %q", fs.Arg(0))
	case *out == "":
		return usageError{"fetch-fct: -o FILE is required"}
	case *query == "" && *site == "":
		return usageError{"fetch-fct: --query or --site is required"}
	case *key == "" && *api == factCheckToolsAPI:
		return usageError{"fetch-fct: --key (or $FACTCHECK_API_KEY) is required for Google's API"}
	case *maxPages < 1 || *pageSize < 1 || *maxAge < 0:
		return usageError{"fetch-fct: --max-pages and --page-size must be at least 1, --max-age-days at least 0"}
	}
	params := url.Values{}
	for name, v := range map[string]string{"query": *query, "languageCode": *language, "reviewPublisherSiteFilter": *site} {
		if v != "" {
			params.Set(name, v)
		}
	}
	if *maxAge > 0 {
		params.Set("maxAgeDays", strconv.Itoa(*maxAge))
	}
	params.Set("pageSize", strconv.Itoa(*pageSize))
	endpoint := strings.TrimRight(*api, "/") + "/v1alpha1/claims:search"

	saved := searchPage{Claims: []json.RawMessage{}}
	pages := 0
	for pages < *maxPages {
		page, err := fetchPage(context.Background(), endpoint, params, *key)
		if err != nil {
			return fmt.Errorf("fetch-fct: page %d: %w", pages+1, err)
		}
		pages++
		saved.Claims = append(saved.Claims, page.Claims...)
		saved.NextPageToken = page.NextPageToken
		if page.NextPageToken == "" {
			break
		}
		params.Set("pageToken", page.NextPageToken)
	}
	data, err := json.MarshalIndent(saved, "", " ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, append(data, '\n')); err != nil {
		return err
	}
	more := ""
	if saved.NextPageToken != "" {
		more = fmt.Sprintf("; more remain (raise --max-pages past %d)", *maxPages)
	}
	fmt.Fprintf(stderr, "fetch-fct: saved %d claims from %d pages to %s%s\n", len(saved.Claims), pages, *out, more)
	return nil
}

// searchPage is a claims:search response as saved: the claims are kept as
// the API sent them, every field included, for `factcheck index`.
type searchPage struct {
	Claims        []json.RawMessage `json:"claims"`
	NextPageToken string            `json:"nextPageToken,omitempty"`
}

// fetchPage gets one page. The key goes in the X-Goog-Api-Key header, not
// the URL, so no error message or proxy log shows it.
func fetchPage(ctx context.Context, endpoint string, params url.Values, key string) (searchPage, error) {
	var page searchPage
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"?"+params.Encode(), nil)
	if err != nil {
		return page, err
	}
	if key != "" {
		req.Header.Set("X-Goog-Api-Key", key)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := fctClient.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is in the message already
		}
		return page, fmt.Errorf("%s: %w", endpoint, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return page, err
	}
	if resp.StatusCode != http.StatusOK {
		return page, apiError(resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return page, fmt.Errorf("not a claims:search response: %v", err)
	}
	return page, nil
}

// apiError explains a failed request with Google's error JSON when there is
// one: "HTTP 400 INVALID_ARGUMENT: Request contains an invalid argument."
func apiError(code int, body []byte) error {
	var e struct {
		Error struct {
			Message string `json:"message"`
			Status  string `json:"status"`
		} `json:"error"`
	}
	msg := "HTTP " + strconv.Itoa(code)
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		if e.Error.Status != "" {
			msg += " " + e.Error.Status
		}
		return errors.New(msg + ": " + e.Error.Message)
	}
	if text := strings.TrimSpace(string(bytes.ToValidUTF8(body, nil))); text != "" {
		msg += ": " + oneLineText(text, 200)
	}
	return errors.New(msg)
}

func oneLineText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "…"
	}
	return s
}
