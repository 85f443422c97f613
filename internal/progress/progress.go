// Package progress reports how far a long command has got: a progress
// bar (schollz/progressbar) when stderr is a terminal, and otherwise a
// structured log line every few seconds (done, total, rate, eta), which
// is what a CI log or a service manager's journal can keep. Every command
// that works through many postings uses it, so they all report alike.
package progress

import (
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// DefaultInterval is how often a log line is written when not on a
// terminal.
const DefaultInterval = 5 * time.Second

// Options say where progress goes. The zero value writes to stderr and
// the default logger, and draws a bar when stderr is a terminal.
type Options struct {
	Writer   io.Writer    // where the bar is drawn (default os.Stderr)
	Log      *slog.Logger // where log lines go (default slog.Default())
	Interval time.Duration
	// Terminal forces the bar (true) or log lines (false); nil decides
	// by whether Writer is a terminal.
	Terminal *bool
}

// Tracker counts work done. It is safe for concurrent use; a nil
// *Tracker does nothing, so callers that may run without one need no
// checks.
type Tracker struct {
	what  string // "ingest", "extract": the log lines' msg and the bar's label
	unit  string // "postings"
	total int64  // 0 when unknown
	bar   *progressbar.ProgressBar
	log   *slog.Logger
	start time.Time
	now   func() time.Time

	mu       sync.Mutex
	done     int64
	stop     chan struct{}
	finished bool
	wg       sync.WaitGroup
}

// Start begins tracking what (a short label) in unit, of total items
// (zero or less when unknown).
func Start(what, unit string, total int64, o Options) *Tracker {
	if o.Writer == nil {
		o.Writer = os.Stderr
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.Interval <= 0 {
		o.Interval = DefaultInterval
	}
	if total < 0 {
		total = 0
	}
	t := &Tracker{what: what, unit: unit, total: total, log: o.Log, start: time.Now(), now: time.Now, stop: make(chan struct{})}
	onTerminal := IsTerminal(o.Writer)
	if o.Terminal != nil {
		onTerminal = *o.Terminal
	}
	if onTerminal {
		max := total
		if max == 0 {
			max = -1 // a spinner with a count
		}
		t.bar = progressbar.NewOptions64(max, progressbar.OptionSetWriter(o.Writer),
			progressbar.OptionSetDescription(what), progressbar.OptionShowCount(), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString(unit), progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true), progressbar.OptionSetWidth(30),
			progressbar.OptionOnCompletion(func() { io.WriteString(o.Writer, "\n") }))
		return t
	}
	t.wg.Add(1)
	go t.tick(o.Interval)
	return t
}

// IsTerminal says whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}

// Add counts n more items done.
func (t *Tracker) Add(n int) {
	if t == nil || n == 0 {
		return
	}
	t.mu.Lock()
	t.done += int64(n)
	t.mu.Unlock()
	if t.bar != nil {
		t.bar.Add(n)
	}
}

// SetTotal changes the expected total, once it is known.
func (t *Tracker) SetTotal(total int64) {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.total = total
	t.mu.Unlock()
	if t.bar != nil {
		t.bar.ChangeMax64(total)
	}
}

// Done stops the tracker and writes a last line with the totals.
func (t *Tracker) Done() { t.end("finished") }

// Stop ends the tracker of work that did not complete (an error, a
// cancelled context): the last line says it stopped, with how far it got.
func (t *Tracker) Stop() { t.end("stopped") }

func (t *Tracker) end(how string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	if t.finished {
		t.mu.Unlock()
		return
	}
	t.finished = true
	t.mu.Unlock()
	if t.bar != nil {
		t.bar.Finish()
		return
	}
	close(t.stop)
	t.wg.Wait()
	t.logLine(how)
}

func (t *Tracker) tick(every time.Duration) {
	defer t.wg.Done()
	tk := time.NewTicker(every)
	defer tk.Stop()
	for {
		select {
		case <-t.stop:
			return
		case <-tk.C:
			t.logLine("")
		}
	}
}

// Snapshot is the state a log line reports.
type Snapshot struct {
	Done, Total int64
	Elapsed     time.Duration
	Rate        float64       // items per second since the start
	ETA         time.Duration // zero when the total is unknown or reached; at least 100ms otherwise
}

// Snapshot returns the current counts.
func (t *Tracker) Snapshot() Snapshot {
	t.mu.Lock()
	s := Snapshot{Done: t.done, Total: t.total, Elapsed: t.now().Sub(t.start)}
	t.mu.Unlock()
	if secs := s.Elapsed.Seconds(); secs > 0 {
		s.Rate = float64(s.Done) / secs
	}
	if s.Total > s.Done && s.Rate > 0 {
		s.ETA = time.Duration(float64(s.Total-s.Done) / s.Rate * float64(time.Second))
		if s.ETA >= 10*time.Second {
			s.ETA = s.ETA.Round(time.Second)
		} else {
			s.ETA = max(s.ETA.Round(100*time.Millisecond), 100*time.Millisecond)
		}
	}
	return s
}

// logLine writes a progress line, or the last line when how is set.
func (t *Tracker) logLine(how string) {
	s := t.Snapshot()
	attrs := []any{"done", s.Done}
	if s.Total > 0 {
		attrs = append(attrs, "total", s.Total, "percent", float64(int(1000*float64(s.Done)/float64(s.Total)))/10)
	}
	attrs = append(attrs, "unit", t.unit, "rate_per_s", float64(int(s.Rate*10))/10, "elapsed", s.Elapsed.Round(time.Second))
	msg := t.what + " progress"
	if how != "" {
		msg = t.what + " " + how
	} else if s.ETA > 0 {
		attrs = append(attrs, "eta", s.ETA)
	}
	t.log.Info(msg, attrs...)
}

// Writer counts the lines written through it: progress for commands that
// write one JSON line per item.
type Writer struct {
	W io.Writer
	T *Tracker
}

func (w Writer) Write(p []byte) (int, error) {
	n, err := w.W.Write(p)
	lines := 0
	for _, b := range p[:n] {
		if b == '\n' {
			lines++
		}
	}
	w.T.Add(lines)
	return n, err
}
