package edge

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/shard"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// bucket is an in-memory R2 bucket.
type bucket struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (b *bucket) Fetch(_ context.Context, name string) ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if d, ok := b.files[name]; ok {
		return d, nil
	}
	return nil, fs.ErrNotExist
}

// upload puts the default corpus, named name, into the bucket: parts, then
// the manifest.
func (b *bucket) upload(t *testing.T, name string) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	x.Meta["name"] = name
	defer func() { x.Meta["name"] = "default" }()
	var mu sync.Mutex
	parts := map[string][]byte{}
	m, err := shard.Cut(x, shard.DefaultOptions(), func(p shard.Part) error {
		gz, err := shardio.Compress(p.Content)
		mu.Lock()
		parts[p.Name] = gz
		mu.Unlock()
		return err
	})
	require.NoError(t, err)
	b.mu.Lock()
	defer b.mu.Unlock()
	for n, d := range parts {
		b.files[m.Build+"/"+n] = d
	}
	b.files[shard.ManifestName], err = shardio.Compress(m.Encode())
	require.NoError(t, err)
}

func health(t *testing.T, h http.Handler) string {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	return rec.Body.String()
}

// The Worker serves its embedded corpus until a manifest is in the bucket,
// then the bucket's corpus, and the next one uploaded, without a restart.
func TestShardedFollowsTheBucket(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	b := &bucket{files: map[string][]byte{}}
	h := &Sharded{Fallback: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"embedded":true}`))
	}), Src: b, Options: api.Options{}}
	assert.Contains(t, health(t, h), "embedded")

	b.upload(t, "first")
	assert.Contains(t, health(t, h), `"name":"first"`)
	b.upload(t, "second")
	assert.Contains(t, health(t, h), `"name":"second"`)

	// A damaged manifest keeps the corpus in use.
	b.files[shard.ManifestName] = []byte("FCSM damaged")
	assert.Contains(t, health(t, h), `"name":"second"`)

	// A part that went missing is a 500 naming it, not an answer.
	for k := range b.files {
		if strings.Contains(k, "/c") {
			delete(b.files, k)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/check", strings.NewReader(`{"text": "About 28,500 American troops are based in South Korea."}`)))
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	assert.Regexp(t, `part [0-9a-f]{16}/c[0-9]+: file does not exist`, rec.Body.String(), "the missing record part is named")
	_ = x
}
