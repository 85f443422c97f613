package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// Stats summarizes one file ingest.
type Stats struct {
	Read, Indexed, Duplicates, Invalid int
	// DateAssumed counts the postings that had no posted_at and were
	// dated at ingest, on the days from AssumedFrom to AssumedTo.
	DateAssumed            int
	AssumedFrom, AssumedTo time.Time
}

// Progress, when set, is called after each batch File stores, with the
// totals so far of what is stored (Indexed, Duplicates, Invalid,
// DateAssumed; Read is left zero: the reader is ahead).
type Progress func(Stats)

// File reads postings (JSON lines or CSV by name) and processes them in
// batches. A bad record never stops the file. Analysis and storage
// overlap: while one batch is written, the next is read and analyzed
// (batches still reach the store in file order).
func File(ctx context.Context, p *Processor, name string, r io.Reader, batchSize int) (Stats, error) {
	return FileProgress(ctx, p, name, r, batchSize, nil)
}

// FileProgress is File reporting each stored batch to progress.
func FileProgress(ctx context.Context, p *Processor, name string, r io.Reader, batchSize int, progress Progress) (Stats, error) {
	var st Stats
	rd := posting.Open(name, r)
	prepared := make(chan *Prepared, 1)
	stored := make(chan error, 1)
	var failed atomic.Bool
	go func() {
		var err error
		for pr := range prepared {
			if err != nil {
				continue // drain: the reader stops at the next batch
			}
			var out []*analyzer.Analysis
			if out, err = p.Store(ctx, pr); err != nil {
				failed.Store(true)
				continue
			}
			st.Invalid += len(pr.items) - len(out)
			for _, a := range out {
				st.Indexed++
				if a.Duplicate.Duplicate {
					st.Duplicates++
				}
				if a.DateGuessed {
					st.assumed(a.PostedAt)
				}
			}
			if progress != nil {
				// Not st itself: the reader goroutine writes st.Read.
				progress(Stats{Indexed: st.Indexed, Duplicates: st.Duplicates, Invalid: st.Invalid,
					DateAssumed: st.DateAssumed, AssumedFrom: st.AssumedFrom, AssumedTo: st.AssumedTo})
			}
		}
		stored <- err
	}()
	finish := func(err error) (Stats, error) {
		close(prepared)
		if serr := <-stored; err == nil {
			err = serr
		}
		return st, err
	}
	items := make([]Item, 0, batchSize)
	flush := func() error {
		if len(items) == 0 || failed.Load() {
			return nil // finish returns the store's error
		}
		pr, err := p.Prepare(ctx, items)
		if err != nil {
			return err
		}
		select {
		case prepared <- pr:
		case <-ctx.Done():
			return ctx.Err()
		}
		items = make([]Item, 0, batchSize)
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return finish(err)
		}
		if failed.Load() {
			return finish(nil)
		}
		rec, ok, err := rd.Next()
		if err != nil {
			return finish(fmt.Errorf("read %s: %w", name, err))
		}
		if !ok {
			break
		}
		st.Read++
		p.Metrics.Consumed.WithLabelValues(p.Source).Inc()
		if p.MaxBytes > 0 && len(rec.Raw) > p.MaxBytes {
			rec.Posting, rec.Err = nil, &TooLargeError{Size: len(rec.Raw), Limit: p.MaxBytes}
		}
		items = append(items, Item{Record: rec, Origin: fmt.Sprintf("%s:%d", name, rec.Line)})
		if len(items) == batchSize {
			if err := flush(); err != nil {
				return finish(err)
			}
		}
	}
	return finish(flush())
}

func (st *Stats) assumed(day time.Time) {
	st.DateAssumed++
	if st.AssumedFrom.IsZero() || day.Before(st.AssumedFrom) {
		st.AssumedFrom = day
	}
	if day.After(st.AssumedTo) {
		st.AssumedTo = day
	}
}

// Warn logs what a reader of the figures must know about an ingest: how
// many postings were dated at ingest because they had none, and how many
// went to the dead-letter file, and where it is.
func (st Stats) Warn(log *slog.Logger, name, deadLetters string) {
	if st.DateAssumed > 0 {
		used := st.AssumedFrom.Format(time.DateOnly)
		if !st.AssumedTo.Equal(st.AssumedFrom) {
			used += " to " + st.AssumedTo.Format(time.DateOnly)
		}
		log.Warn("postings without posted_at were dated at ingest (posted_at_estimated=true in the store)",
			"input", name, "count", st.DateAssumed, "of", st.Indexed, "date_used", used)
	}
	if st.Invalid > 0 {
		log.Warn("invalid postings were dead-lettered", "input", name, "count", st.Invalid, "of", st.Read, "dead_letter_file", deadLetters)
	}
}

// FileDeadLetters appends dead letters as JSON lines to a file: the
// embedded default's counterpart of the dead-letter topic.
type FileDeadLetters struct {
	Path string
	// Log, when set, is told the file's path when the first record goes
	// there, so that someone watching the log knows where to look.
	Log *slog.Logger

	mu      sync.Mutex
	written int
}

// Count is how many records this value has written.
func (f *FileDeadLetters) Count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.written
}

// FileEntry is one line of a dead-letter file.
type FileEntry struct {
	Origin string `json:"origin"`
	Class  string `json:"class"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
	Size   int    `json:"size"`
	// Truncated: Raw is only the start of the record; replay skips it.
	Truncated bool   `json:"truncated,omitempty"`
	Raw       string `json:"raw"`
}

// DeadLetter appends and fsyncs.
func (f *FileDeadLetters) DeadLetter(_ context.Context, dls []DeadLetter) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(dls) > 0 && f.written == 0 && f.Log != nil {
		d := dls[0]
		f.Log.Warn("invalid posting dead-lettered; the others go to the same file", "dead_letter_file", f.Path,
			"origin", d.Origin, "class", d.Class, "reason", d.Reason)
	}
	fh, err := os.OpenFile(f.Path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("open dead-letter file: %w", err)
	}
	enc := json.NewEncoder(fh)
	for _, d := range dls {
		e := FileEntry{Origin: d.Origin, Class: d.Class, Field: d.Field, Reason: d.Reason, Size: max(d.Size, len(d.Raw)),
			Truncated: d.Truncated, Raw: string(d.Raw)}
		if err := enc.Encode(e); err != nil {
			fh.Close()
			return fmt.Errorf("write dead letter: %w", err)
		}
	}
	if err := fh.Sync(); err != nil {
		fh.Close()
		return fmt.Errorf("sync dead-letter file: %w", err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("close dead-letter file: %w", err)
	}
	f.written += len(dls)
	return nil
}
