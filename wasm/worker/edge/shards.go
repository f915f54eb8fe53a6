package edge

import (
	"context"
	"errors"
	"io/fs"
	"log"
	"net/http"
	"sync"
	"time"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// Sharded serves the API from a sharded corpus in a bucket (the Worker's
// R2 binding) when the bucket holds one, else from Fallback (the corpus
// embedded in the Worker). It looks at the bucket's manifest again every
// Every, so a corpus update is an upload: new parts, then the manifest;
// requests switch to the new build once its manifest is seen, and the old
// build's parts may be deleted after Every has passed.
type Sharded struct {
	Fallback http.Handler
	Src      shardio.Source
	Options  api.Options
	Every    time.Duration

	mu       sync.Mutex
	checked  time.Time
	manifest string // the manifest in use
	h        http.Handler
}

func (s *Sharded) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := s.current(r.Context())
	if h == nil {
		h = s.Fallback
	}
	h.ServeHTTP(w, r)
}

// current returns the handler of the bucket's corpus, nil when it has
// none, looking at the manifest when Every has passed.
func (s *Sharded) current(ctx context.Context) http.Handler {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.checked.IsZero() && time.Since(s.checked) < s.Every {
		return s.h
	}
	s.checked = time.Now()
	data, err := shardio.FetchManifest(ctx, s.Src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		s.h, s.manifest = nil, ""
		return nil
	case err != nil:
		log.Printf("worker: corpus manifest: %v (keeping the corpus in use)", err)
		return s.h
	}
	if string(data) != s.manifest {
		r, err := shardio.NewReader(s.Src, data)
		if err != nil {
			log.Printf("worker: corpus manifest: %v (keeping the corpus in use)", err)
			return s.h
		}
		s.h, s.manifest = api.NewCorpus(r, s.Options), string(data)
	}
	return s.h
}
