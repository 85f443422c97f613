package elastic

import (
	"context"
	"fmt"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
)

// Reprocessor implements indexer.Reprocessable over the postings indices.
// A batch's documents and then the cursor are written; a crash between
// the two re-analyzes that batch again on resume, to the same result.
// The cells are not touched: rebuild them afterwards (worker/rollup).
type Reprocessor struct {
	Client  *Client
	Indices Indices
}

var _ indexer.Reprocessable = (*Reprocessor)(nil)

// BeginReprocess implements indexer.Reprocessable.
func (r *Reprocessor) BeginReprocess(ctx context.Context, target analyzer.Versions) (indexer.Cursor, bool, error) {
	m, err := r.Client.LoadMeta(ctx, r.Indices)
	if err != nil {
		return indexer.Cursor{}, false, err
	}
	if m.Reprocess != nil && m.Reprocess.Target == target {
		return m.Reprocess.After, false, nil
	}
	if m.Reprocess == nil && m.Versions != nil && *m.Versions == target {
		return indexer.Cursor{}, true, nil
	}
	m.Reprocess = &ReprocessState{Target: target}
	return indexer.Cursor{}, false, r.Client.SaveMeta(ctx, r.Indices, m)
}

// PostingCount implements indexer.Reprocessable.
func (r *Reprocessor) PostingCount(ctx context.Context) (int, error) {
	return r.Client.PostingCount(ctx, r.Indices)
}

// ScanOrdered implements indexer.Reprocessable: searches sorted by
// (posted_at, key), paged with search_after. Rewriting a posting keeps its
// place in that order, so writes between pages move nothing.
func (r *Reprocessor) ScanOrdered(ctx context.Context, batch int, fn func([]*analyzer.Analysis) error) error {
	if err := r.Client.Refresh(ctx, r.Indices.PostingsPattern()); err != nil {
		return err
	}
	var after []any
	for {
		hits, err := r.Client.postingsPage(ctx, r.Indices, map[string]any{"size": max(batch, 1), "track_total_hits": false,
			"sort": []any{map[string]any{"posted_at": "asc"}, map[string]any{"key": "asc"}}}, after)
		if err != nil {
			return fmt.Errorf("scan postings: %w", err)
		}
		if len(hits) == 0 {
			return nil
		}
		as := make([]*analyzer.Analysis, len(hits))
		for i := range hits {
			as[i] = &hits[i].Source
		}
		if err := fn(as); err != nil {
			return err
		}
		after = hits[len(hits)-1].Sort
	}
}

// WriteReprocessed implements indexer.Reprocessable.
func (r *Reprocessor) WriteReprocessed(ctx context.Context, batch []*analyzer.Analysis, after indexer.Cursor) error {
	sink := PostingSink{Client: r.Client, Indices: r.Indices}
	rejected, err := sink.Index(ctx, batch)
	if err != nil {
		return err
	}
	if len(rejected) > 0 {
		return fmt.Errorf("reprocess: %d postings rejected, first %s: %s", len(rejected), rejected[0].Key, rejected[0].Reason)
	}
	m, err := r.Client.LoadMeta(ctx, r.Indices)
	if err != nil {
		return err
	}
	if m.Reprocess == nil {
		return fmt.Errorf("reprocess: no reprocess in progress under %s", r.Indices.Prefix)
	}
	m.Reprocess.After = after
	return r.Client.SaveMeta(ctx, r.Indices, m)
}

// FinishReprocess implements indexer.Reprocessable.
func (r *Reprocessor) FinishReprocess(ctx context.Context, target analyzer.Versions) error {
	if err := r.Client.Refresh(ctx, r.Indices.PostingsPattern()); err != nil {
		return err
	}
	return r.Client.SaveMeta(ctx, r.Indices, StoreMeta{Versions: &target, UpdatedAt: time.Now().UTC()})
}
