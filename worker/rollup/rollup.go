// Package rollup is the scheduled job that keeps the aggregate cells in
// Elasticsearch up to date. Each tick, the one worker of the consumer group
// holding the rollup lease finds the (occupation, month) pairs with
// postings indexed since its watermark and recomputes just their cells from
// the postings, so a tick costs what arrived since the last one, not the
// history. Recomputing rather than adding makes ticks idempotent: replays,
// reposts found late and a tick cut short all end in the right counts.
package rollup

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/worker/metrics"
)

// Job recomputes changed cells.
type Job struct {
	Client  *elastic.Client
	Indices elastic.Indices
	Lease   *elastic.Lease
	Labels  elastic.Labels
	// Margin is how far before the watermark a tick looks again: postings
	// Elasticsearch took just before the last tick but had not yet made
	// searchable (the refresh interval) are found by the next.
	Margin  time.Duration
	Batch   int // pairs per multi-search; default 25
	Metrics *metrics.Metrics
	Log     *slog.Logger
	Now     func() time.Time

	// running keeps a tick and a rebuild of this process apart (the lease
	// keeps other processes out): a rebuild's sweep must not meet a tick's
	// writes.
	running sync.Mutex
}

// Tick is what one run did.
type Tick struct {
	Leader bool
	Pairs  int // (occupation, month) pairs recomputed, AllOccupations included
	Cells  int
}

// Run is one tick (the scheduler's job function).
func (j *Job) Run(ctx context.Context) error {
	_, err := j.Tick(ctx)
	return err
}

// RunRebuild is one rebuild (the scheduler's job function).
func (j *Job) RunRebuild(ctx context.Context) error {
	_, err := j.Rebuild(ctx)
	return err
}

// Tick recomputes the cells of what changed since the last tick.
func (j *Job) Tick(ctx context.Context) (Tick, error) { return j.run(ctx, false) }

// Rebuild recomputes every cell with postings and empties every other one
// (cells whose postings all moved away), then moves the watermark.
func (j *Job) Rebuild(ctx context.Context) (Tick, error) { return j.run(ctx, true) }

func (j *Job) run(ctx context.Context, full bool) (Tick, error) {
	j.running.Lock()
	defer j.running.Unlock()
	now := time.Now
	if j.Now != nil {
		now = j.Now
	}
	h, err := j.Lease.Acquire(ctx)
	if errors.Is(err, elastic.ErrLeaseLost) {
		j.leader(false)
		return Tick{}, nil
	}
	if err != nil {
		return Tick{}, fmt.Errorf("rollup: %w", err)
	}
	j.leader(true)
	start := now().UTC()
	var since time.Time
	if !h.Watermark.IsZero() && !full {
		since = h.Watermark.Add(-j.Margin)
	}
	pairs, err := j.Client.Changed(ctx, j.Indices, since)
	if err != nil {
		return Tick{Leader: true}, fmt.Errorf("rollup: %w", err)
	}
	pairs = withAllOccupations(pairs)
	t := Tick{Leader: true, Pairs: len(pairs)}
	batch := j.Batch
	if batch <= 0 {
		batch = 25
	}
	for i := 0; i < len(pairs); i += batch {
		n, err := j.Client.RecomputeCells(ctx, j.Indices, pairs[i:min(i+batch, len(pairs))], j.Labels, start)
		if err != nil {
			return t, fmt.Errorf("rollup: %w", err)
		}
		t.Cells += n
		if j.Metrics != nil {
			j.Metrics.RollupCells.Add(float64(n))
		}
		// A long first tick keeps the lease; losing it means another
		// worker took over, and its tick redoes this one's work.
		if h, err = j.Lease.Renew(ctx, h, time.Time{}); err != nil {
			j.leader(!errors.Is(err, elastic.ErrLeaseLost))
			return t, ignoreLost(err)
		}
	}
	if full {
		n, err := j.Client.EmptyCellsBefore(ctx, j.Indices, start)
		if err != nil {
			return t, fmt.Errorf("rollup: rebuild: %w", err)
		}
		t.Cells += n
	}
	if _, err := j.Lease.Renew(ctx, h, start); err != nil {
		return t, ignoreLost(err)
	}
	if j.Log != nil && t.Pairs > 0 {
		j.Log.Info("rollup", "pairs", t.Pairs, "cells", t.Cells, "since", since, "took", time.Since(start).Round(time.Millisecond))
	}
	return t, nil
}

func ignoreLost(err error) error {
	if errors.Is(err, elastic.ErrLeaseLost) {
		return nil
	}
	return fmt.Errorf("rollup: %w", err)
}

func (j *Job) leader(b bool) {
	if j.Metrics == nil {
		return
	}
	v := 0.0
	if b {
		v = 1
	}
	j.Metrics.RollupLeader.Set(v)
}

// withAllOccupations adds, for every month that changed, the pair of all
// occupations together (distinctiveness's baseline), in a stable order.
func withAllOccupations(pairs []elastic.Dirty) []elastic.Dirty {
	months := map[rank.Month]bool{}
	out := make([]elastic.Dirty, 0, len(pairs)+8)
	for _, p := range pairs {
		if p.Occupation == rank.AllOccupations {
			continue
		}
		out = append(out, p)
		months[p.Month] = true
	}
	for m := range months {
		out = append(out, elastic.Dirty{Occupation: rank.AllOccupations, Month: m})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Month != out[b].Month {
			return out[a].Month < out[b].Month
		}
		return out[a].Occupation < out[b].Occupation
	})
	return out
}
