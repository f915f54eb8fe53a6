package edge

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestOptions(t *testing.T) {
	opt, err := Options(env(nil))
	require.NoError(t, err)
	assert.Empty(t, opt.AllowedOrigins, "empty lets the API default to any origin")
	assert.Zero(t, opt.MaxBodyBytes)

	opt, err = Options(env(map[string]string{
		"ALLOWED_ORIGINS": " https://news.example, https://b.example\thttps://c.example,,",
		"MAX_BODY_BYTES":  " 65536 ",
	}))
	require.NoError(t, err)
	assert.Equal(t, []string{"https://news.example", "https://b.example", "https://c.example"}, opt.AllowedOrigins)
	assert.EqualValues(t, 65536, opt.MaxBodyBytes)

	for _, bad := range []string{"abc", "0", "-5", "1e6"} {
		_, err = Options(env(map[string]string{"MAX_BODY_BYTES": bad}))
		assert.ErrorContains(t, err, "MAX_BODY_BYTES", bad)
	}
}
