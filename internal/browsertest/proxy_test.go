package browsertest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProxyForwardsLoopbackOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello "+r.URL.RequestURI())
	}))
	defer srv.Close()
	p := NewProxy(t)
	pu, err := url.Parse(p.URL)
	require.NoError(t, err)
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu)}}

	resp, err := client.Get(srv.URL + "/a?b=1")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, "hello /a?b=1", string(body))

	resp, err = client.Get("http://example.invalid/leak")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)

	resp, err = client.Get("http://update.googleapis.com/x")
	require.NoError(t, err)
	resp.Body.Close()

	assert.Equal(t, []string{srv.URL + "/a?b=1", "http://example.invalid/leak"}, p.URLs())
	assert.Equal(t, []string{"http://example.invalid/leak"}, p.Foreign(srv.URL))
	assert.Equal(t, []string{"http://update.googleapis.com/x"}, p.Browser.URLs())
}
