package edge

import (
	"errors"
	"strconv"
	"strings"

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
