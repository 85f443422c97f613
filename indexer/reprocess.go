package indexer

import (
	"context"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
)

// Reprocessable is a store whose postings can be re-analyzed in place
// with other versions (worker/reprocess drives it). Postings are visited
// in (posted_at, key) order, the order duplicates are judged in, and the
// store keeps a cursor so an interrupted run resumes where it stopped.
type Reprocessable interface {
	// BeginReprocess starts moving the store to target, or resumes an
	// unfinished move to the same target. It returns the last posting
	// already re-analyzed (zero for none), and upToDate when the store
	// already holds target with nothing pending.
	BeginReprocess(ctx context.Context, target analyzer.Versions) (after Cursor, upToDate bool, err error)
	// PostingCount is the number of stored postings.
	PostingCount(ctx context.Context) (int, error)
	// ScanOrdered calls fn with batches of stored analyses in (posted_at,
	// key) order.
	ScanOrdered(ctx context.Context, batch int, fn func([]*analyzer.Analysis) error) error
	// WriteReprocessed stores a re-analyzed batch and moves the cursor to
	// after, durably, before it returns.
	WriteReprocessed(ctx context.Context, batch []*analyzer.Analysis, after Cursor) error
	// FinishReprocess records target as the versions the store holds.
	FinishReprocess(ctx context.Context, target analyzer.Versions) error
}

// Cursor is a position in (posted_at, key) order.
type Cursor struct {
	PostedAt time.Time `json:"posted_at"`
	Key      string    `json:"key"`
}

// CursorOf is the position of a.
func CursorOf(a *analyzer.Analysis) Cursor { return Cursor{PostedAt: a.PostedAt, Key: a.Key} }

// IsZero reports whether the cursor is before every posting.
func (c Cursor) IsZero() bool { return c.Key == "" && c.PostedAt.IsZero() }

// Covers reports whether a is at or before the cursor.
func (c Cursor) Covers(a *analyzer.Analysis) bool {
	if c.IsZero() {
		return false
	}
	if !a.PostedAt.Equal(c.PostedAt) {
		return a.PostedAt.Before(c.PostedAt)
	}
	return a.Key <= c.Key
}
