package shardio

import (
	"context"
	"errors"
	"io/fs"
	"time"
)

// Retry is src reading a file again when a read fails, up to tries reads
// in all, waiting wait before the second and twice as long before each
// one after. An object store fails a read now and then where the next one
// succeeds, and a corpus file never changes, so reading it again is safe
// and spares a request its 500. A file that is not there (fs.ErrNotExist)
// is not read again, and no read starts once ctx is done.
func Retry(src Source, tries int, wait time.Duration) Source {
	return retrying{src, max(tries, 1), wait}
}

type retrying struct {
	src   Source
	tries int
	wait  time.Duration
}

func (r retrying) Fetch(ctx context.Context, name string) ([]byte, error) {
	wait := r.wait
	for attempt := 1; ; attempt++ {
		data, err := r.src.Fetch(ctx, name)
		if err == nil || attempt == r.tries || errors.Is(err, fs.ErrNotExist) {
			return data, err
		}
		select {
		case <-ctx.Done():
			return nil, errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}
