package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// Stats summarizes one file ingest.
type Stats struct {
	Read, Indexed, Duplicates, Invalid int
}

// File reads postings (JSON lines or CSV by name) and processes them in
// batches. A bad record never stops the file.
func File(ctx context.Context, p *Processor, name string, r io.Reader, batchSize int) (Stats, error) {
	var st Stats
	rd := posting.Open(name, r)
	items := make([]Item, 0, batchSize)
	flush := func() error {
		if len(items) == 0 {
			return nil
		}
		out, err := p.Process(ctx, items)
		if err != nil {
			return err
		}
		st.Invalid += len(items) - len(out)
		for _, a := range out {
			st.Indexed++
			if a.Duplicate.Duplicate {
				st.Duplicates++
			}
		}
		items = items[:0]
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		rec, ok, err := rd.Next()
		if err != nil {
			return st, fmt.Errorf("read %s: %w", name, err)
		}
		if !ok {
			break
		}
		st.Read++
		items = append(items, Item{Record: rec, Origin: fmt.Sprintf("%s:%d", name, rec.Line)})
		if len(items) == batchSize {
			if err := flush(); err != nil {
				return st, err
			}
		}
	}
	return st, flush()
}

// FileDeadLetters appends dead letters as JSON lines to a file: the
// embedded default's counterpart of the dead-letter topic.
type FileDeadLetters struct {
	Path string
	mu   sync.Mutex
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
		raw := string(d.Raw)
		if err := enc.Encode(map[string]string{"origin": d.Origin, "class": d.Class, "field": d.Field, "reason": d.Reason, "raw": raw}); err != nil {
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
