package claimsearch

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

func TestSiteHost(t *testing.T) {
	for in, want := range map[string]string{
		"example.org":                       "example.org",
		"https://www.Example.org/path?q=1":  "example.org",
		"http://user@news.example.org:8080": "news.example.org",
		"  WWW.example.org  ":               "example.org",
		"":                                  "",
	} {
		assert.Equal(t, want, SiteHost(in), in)
	}
}

func TestLanguageMatches(t *testing.T) {
	assert.True(t, languageMatches("en", "en-GB"))
	assert.True(t, languageMatches("en-gb", "en"))
	assert.True(t, languageMatches("en", ""))
	assert.False(t, languageMatches("en-gb", "en-us"))
	assert.False(t, languageMatches("e", "en"))
	assert.False(t, languageMatches("fr", "en"))
}

func TestReviewDayAndMaxAge(t *testing.T) {
	assert.Equal(t, "2025-11-01", ReviewDay(&claim.Claim{ReviewDate: "2025-11-01T10:00:00Z"}))
	assert.Equal(t, "2025-10-01", ReviewDay(&claim.Claim{ReviewDate: "Nov 2025", ClaimDate: "2025-10-01"}))
	assert.Equal(t, "", ReviewDay(&claim.Claim{}))
	keep := Filter{MaxAgeDays: 7, Now: time.Date(2025, 11, 8, 23, 0, 0, 0, time.UTC)}.predicate()
	assert.True(t, keep(&claim.Claim{ReviewDate: "2025-11-01"}), "7 days back is inside")
	assert.False(t, keep(&claim.Claim{ReviewDate: "2025-10-31"}))
	assert.False(t, keep(&claim.Claim{}), "undated")
}
