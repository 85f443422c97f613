package localstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// The read side: Store implements rank.Store, each call a read-only
// transaction over the cells (or, for recent:N, the recent index), so its
// cost follows the question, not the history.

// Reader answers the API from this store.
func (s *Store) Reader() rank.Reader { return rank.Reader{Store: s} }

// Cells implements rank.Store.
func (s *Store) Cells(ctx context.Context, keys []rank.CellKey) (map[rank.CellKey]*rank.Cell, error) {
	out := make(map[rank.CellKey]*rank.Cell, len(keys))
	err := s.db.View(func(tx *bolt.Tx) error {
		cb := tx.Bucket(bucketCells)
		for _, k := range keys {
			v := cb.Get(cellKey(k))
			if v == nil {
				continue
			}
			c, err := rank.DecodeCell(v)
			if err != nil {
				return fmt.Errorf("cell %s: %w", k.ID(), err)
			}
			out[k] = c
		}
		return ctx.Err()
	})
	return out, err
}

// OccupationCounts implements rank.Store: a prefix scan per month (or one
// over the whole scope), reading only each cell's posting count.
func (s *Store) OccupationCounts(ctx context.Context, scope string, months []rank.Month) (map[string]int, error) {
	prefixes := [][]byte{[]byte(scope + "\x00")}
	if months != nil {
		prefixes = prefixes[:0]
		for _, m := range months {
			prefixes = append(prefixes, []byte(scope+"\x00"+m.String()+"\x00"))
		}
	}
	out := map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketCells).Cursor()
		for _, p := range prefixes {
			for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
				occ := string(k[bytes.LastIndexByte(k, 0)+1:])
				if occ == rank.AllOccupations {
					continue
				}
				n, err := rank.CellPostings(v)
				if err != nil {
					return fmt.Errorf("cell %q: %w", k, err)
				}
				out[occ] += n
			}
		}
		return ctx.Err()
	})
	return out, err
}

// Recent implements rank.Store: the occupation's postings newest first,
// those outside scope passed over.
func (s *Store) Recent(ctx context.Context, occupation string, scope rank.Scope, n int) ([]rank.Record, error) {
	var out []rank.Record
	prefix := append([]byte(occupation), 0)
	err := s.db.View(func(tx *bolt.Tx) error {
		rb := tx.Bucket(bucketRecords)
		c := tx.Bucket(bucketRecent).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(out) < n; k, v = c.Next() {
			rv := rb.Get(v)
			if rv == nil {
				return fmt.Errorf("recent index names %q, which is not stored", v)
			}
			r, err := decodeRecordValue(rv)
			if err != nil {
				return err
			}
			if scope.Contains(r.rec) {
				out = append(out, r.rec)
			}
		}
		return ctx.Err()
	})
	return out, err
}

// LastMonth implements rank.Store.
func (s *Store) LastMonth(context.Context) (rank.Month, bool, error) {
	var m rank.Month
	ok := false
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaLastMonth); len(v) == 8 {
			m, ok = rank.Month(binary.BigEndian.Uint64(v)), true
		}
		return nil
	})
	return m, ok, err
}
