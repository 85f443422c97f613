package localstore

import (
	"context"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
)

// Store implements indexer.Reprocessable: the cursor is written in the
// transaction of the batch it follows, so a crash never separates them.
var _ indexer.Reprocessable = (*Store)(nil)

// BeginReprocess implements indexer.Reprocessable.
func (s *Store) BeginReprocess(ctx context.Context, target analyzer.Versions) (indexer.Cursor, bool, error) {
	var after indexer.Cursor
	upToDate := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		st, err := loadReprocess(tx)
		if err != nil {
			return err
		}
		if st != nil && st.Target == target {
			after = st.After
			return nil
		}
		stored, err := storedVersions(tx)
		if err != nil {
			return err
		}
		if st == nil && (stored != nil && *stored == target || stored == nil && count(tx) == 0) {
			upToDate = true
			return nil
		}
		// A new target (or one changed since an unfinished run): every
		// posting again, from the first.
		return saveReprocess(tx, reprocessState{Target: target})
	})
	if err != nil {
		return after, false, fmt.Errorf("begin reprocess: %w", err)
	}
	return after, upToDate, nil
}

// PostingCount implements indexer.Reprocessable.
func (s *Store) PostingCount(context.Context) (int, error) { return s.Count(), nil }

type orderKey struct {
	postedAt time.Time
	key      string
}

// ScanOrdered implements indexer.Reprocessable. It sorts the keys once
// (the records hold each posting's date), then reads each batch in a
// transaction of its own, so fn may write between batches.
func (s *Store) ScanOrdered(ctx context.Context, batch int, fn func([]*analyzer.Analysis) error) error {
	var order []orderKey
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRecords).ForEach(func(k, v []byte) error {
			rv, err := decodeRecordValue(v)
			if err != nil {
				return fmt.Errorf("posting %s: %w", k, err)
			}
			order = append(order, orderKey{rv.rec.PostedAt, string(k)})
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("scan postings: %w", err)
	}
	sort.Slice(order, func(i, j int) bool {
		if !order[i].postedAt.Equal(order[j].postedAt) {
			return order[i].postedAt.Before(order[j].postedAt)
		}
		return order[i].key < order[j].key
	})
	batch = max(batch, 1)
	for i := 0; i < len(order); i += batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		as := make([]*analyzer.Analysis, 0, batch)
		err := s.db.View(func(tx *bolt.Tx) error {
			for _, o := range order[i:min(i+batch, len(order))] {
				a, err := readAnalysis(tx, []byte(o.key))
				if err != nil {
					return err
				}
				as = append(as, a)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("scan postings: %w", err)
		}
		if err := fn(as); err != nil {
			return err
		}
	}
	return nil
}

// WriteReprocessed implements indexer.Reprocessable: Index's cell
// correction takes each posting's old counts out and puts the new in.
func (s *Store) WriteReprocessed(ctx context.Context, batch []*analyzer.Analysis, after indexer.Cursor) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.write(batch, func(tx *bolt.Tx) error {
		st, err := loadReprocess(tx)
		if err != nil {
			return err
		}
		if st == nil {
			return fmt.Errorf("no reprocess in progress")
		}
		st.After = after
		return saveReprocess(tx, *st)
	})
}

// FinishReprocess implements indexer.Reprocessable.
func (s *Store) FinishReprocess(_ context.Context, target analyzer.Versions) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		if err := putVersions(tx, target); err != nil {
			return err
		}
		return tx.Bucket(bucketState).Delete([]byte(reprocessKey))
	})
}
