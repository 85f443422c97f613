package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// Stats summarizes one file ingest.
type Stats struct {
	Read, Indexed, Duplicates, Invalid int
}

// File reads postings (JSON lines or CSV by name) and processes them in
// batches. A bad record never stops the file. Analysis and storage
// overlap: while one batch is written, the next is read and analyzed
// (batches still reach the store in file order).
func File(ctx context.Context, p *Processor, name string, r io.Reader, batchSize int) (Stats, error) {
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

// FileDeadLetters appends dead letters as JSON lines to a file: the
// embedded default's counterpart of the dead-letter topic.
type FileDeadLetters struct {
	Path string
	mu   sync.Mutex
}

// FileEntry is one line of a dead-letter file.
type FileEntry struct {
	Origin string `json:"origin"`
	Class  string `json:"class"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
	Size   int    `json:"size"`
	Raw    string `json:"raw"`
}

// DeadLetter appends and fsyncs.
func (f *FileDeadLetters) DeadLetter(_ context.Context, dls []DeadLetter) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	fh, err := os.OpenFile(f.Path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("open dead-letter file: %w", err)
	}
	enc := json.NewEncoder(fh)
	for _, d := range dls {
		e := FileEntry{Origin: d.Origin, Class: d.Class, Field: d.Field, Reason: d.Reason, Size: max(d.Size, len(d.Raw)), Raw: string(d.Raw)}
		if err := enc.Encode(e); err != nil {
			fh.Close()
			return fmt.Errorf("write dead letter: %w", err)
		}
	}
	if err := fh.Sync(); err != nil {
		fh.Close()
		return fmt.Errorf("sync dead-letter file: %w", err)
	}
	return fh.Close()
}
