// Package localstore is the embedded default's store: one bbolt file under
// the data directory. Writes are fsynced transactions, so an indexed batch
// survives a crash; keys are posting keys, so a replay overwrites.
package localstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
)

var (
	bucketPostings = []byte("postings")
	bucketRecords  = []byte("records")
	bucketState    = []byte("state")
)

// Store is a local, durable posting store with an in-memory copy of the
// ranking records (small: a few hundred bytes per posting).
type Store struct {
	db      *bolt.DB
	mu      sync.RWMutex
	records map[string]rank.Record
}

// Open opens or creates the store in dir.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	db, err := bolt.Open(filepath.Join(dir, "skillpulse.db"), 0o644, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("open local store in %s (is another skillpulse running?): %w", dir, err)
	}
	s := &Store{db: db, records: map[string]rank.Record{}}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketPostings, bucketRecords, bucketState} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketRecords).ForEach(func(k, v []byte) error {
			var r rank.Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("record %s: %w", k, err)
			}
			s.records[string(k)] = r
			return nil
		})
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("load local store: %w", err)
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Index writes a batch in one fsynced transaction. It rejects nothing.
func (s *Store) Index(ctx context.Context, batch []*analyzer.Analysis) ([]indexer.Rejected, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	recs := make([]rank.Record, len(batch))
	err := s.db.Update(func(tx *bolt.Tx) error {
		pb, rb := tx.Bucket(bucketPostings), tx.Bucket(bucketRecords)
		for i, a := range batch {
			doc, err := analyzer.AppendJSON(nil, a)
			if err != nil {
				return fmt.Errorf("encode %s: %w", a.Key, err)
			}
			recs[i] = indexer.ToRecord(a)
			rec, err := json.Marshal(recs[i])
			if err != nil {
				return fmt.Errorf("encode record %s: %w", a.Key, err)
			}
			if err := pb.Put([]byte(a.Key), doc); err != nil {
				return err
			}
			if err := rb.Put([]byte(a.Key), rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("index batch: %w", err)
	}
	s.mu.Lock()
	for _, r := range recs {
		s.records[r.Key] = r
	}
	s.mu.Unlock()
	return nil, nil
}

// Records returns every stored posting's ranking record, ordered by key.
func (s *Store) Records(context.Context) ([]rank.Record, error) {
	s.mu.RLock()
	out := make([]rank.Record, 0, len(s.records))
	for _, r := range s.records {
		out = append(out, r)
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// Count is the number of stored postings, duplicates included.
func (s *Store) Count() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.records)
}

// ErrNotFound is returned by Get for an unknown key.
var ErrNotFound = errors.New("posting not found")

// Get returns one stored analysis.
func (s *Store) Get(key string) (*analyzer.Analysis, error) {
	var a analyzer.Analysis
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketPostings).Get([]byte(key))
		if v == nil {
			return ErrNotFound
		}
		return json.Unmarshal(v, &a)
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// Each calls fn with every stored analysis, in key order.
func (s *Store) Each(fn func(*analyzer.Analysis) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPostings).ForEach(func(k, v []byte) error {
			var a analyzer.Analysis
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("posting %s: %w", k, err)
			}
			return fn(&a)
		})
	})
}

// SaveState stores an opaque blob, such as the duplicate detector's state.
func (s *Store) SaveState(name string, b []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketState).Put([]byte(name), b) })
}

// LoadState returns a blob saved by SaveState, or nil.
func (s *Store) LoadState(name string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketState).Get([]byte(name)); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	return out, err
}
