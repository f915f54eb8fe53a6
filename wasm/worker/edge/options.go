package edge

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/api"
)

// Options builds api.Options from the Worker's variables (wrangler.toml
// [vars] or dashboard settings), so CORS can change without a rebuild:
//
//	ALLOWED_ORIGINS  comma- or space-separated origins; empty means any ("*")
//	MAX_BODY_BYTES   request body limit in bytes; empty means the API default
func Options(getenv func(string) string) (api.Options, error) {
	var opt api.Options
	opt.AllowedOrigins = strings.FieldsFunc(getenv("ALLOWED_ORIGINS"), func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n'
	})
	if s := strings.TrimSpace(getenv("MAX_BODY_BYTES")); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return opt, errors.New("MAX_BODY_BYTES: want a positive number of bytes, got " + strconv.Quote(s))
		}
		opt.MaxBodyBytes = n
	}
	return opt, nil
}

// DefaultRefresh is how often the Worker looks at its bucket's corpus
// manifest again (CORPUS_REFRESH_SECONDS): an update reaches every
// isolate within a minute, and an isolate fetches the manifest (a few
// hundred bytes) at most once a minute.
const DefaultRefresh = time.Minute

// Refresh reads CORPUS_REFRESH_SECONDS (see DefaultRefresh).
func Refresh(getenv func(string) string) (time.Duration, error) {
	s := strings.TrimSpace(getenv("CORPUS_REFRESH_SECONDS"))
	if s == "" {
		return DefaultRefresh, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, errors.New("CORPUS_REFRESH_SECONDS: want a number of seconds, got " + strconv.Quote(s))
	}
	return time.Duration(n) * time.Second, nil
}
