package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// Task is one task that ran on a renderer's main thread, in milliseconds.
// CPU is the thread time it took: unlike Wall, it does not grow when other
// processes load the machine, so responsiveness assertions stay stable.
type Task struct {
	Start, Wall, CPU float64 // Start is on the trace clock
}

// TraceMainThread records the main-thread tasks of the renderers of ctx's
// browser while fn runs, using a Chrome trace ("toplevel" category).
func TraceMainThread(ctx context.Context, fn func()) ([]Task, error) {
	var (
		mu   sync.Mutex
		raw  [][]byte
		done = make(chan struct{})
		once sync.Once
	)
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				raw = append(raw, append([]byte(nil), v...))
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			once.Do(func() { close(done) })
		}
	})
	if err != nil {
		return nil, err
	}
	call := func(f func(ctx context.Context, t *chromedp.Target) error) error {
		return chromedp.Do(ctx, chromedp.Func(f))
	}
	err = call(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, tracing.Start, tracing.StartParams{
			TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"toplevel", "__metadata"}},
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	fn()
	err = call(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, tracing.End, cdp.Empty{})
		return err
	})
	if err != nil {
		return nil, err
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		return nil, errors.New("browsertest: trace did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	return mainThreadTasks(raw), nil
}

type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
	Ts   float64 `json:"ts"`
	Dur  float64 `json:"dur"`
	TDur float64 `json:"tdur"`
	Args struct {
		Name string `json:"name"`
	} `json:"args"`
}

// mainThreadTasks picks the top-level tasks of CrRendererMain threads.
func mainThreadTasks(raw [][]byte) []Task {
	evs := make([]traceEvent, 0, len(raw))
	main := map[[2]int]bool{}
	for _, r := range raw {
		var e traceEvent
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int{e.Pid, e.Tid}] = true
		}
		evs = append(evs, e)
	}
	var out []Task
	for _, e := range evs {
		if e.Ph == "X" && (e.Name == "RunTask" || e.Name == "ThreadControllerImpl::RunTask") && main[[2]int{e.Pid, e.Tid}] {
			out = append(out, Task{Start: e.Ts / 1000, Wall: e.Dur / 1000, CPU: e.TDur / 1000})
		}
	}
	return out
}
