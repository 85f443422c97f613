// Package localstore is the embedded default's store: one bbolt file under
// the data directory. Every batch is one fsynced transaction that writes
// the postings and, in the same transaction, corrects the aggregate cells
// they count in, so the figures never disagree with the postings, a crash
// loses neither, and nothing is held in memory: a restart serves at once.
package localstore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

var (
	// postings: key -> the analysis as s2-compressed JSON, analyzed_at
	// left out (it is in records), so an unchanged re-run writes nothing.
	bucketPostings = []byte("postings")
	// records: key -> recordValue: what the cells counted of the posting.
	bucketRecords = []byte("records")
	// cells: cellKey -> rank.AppendCell.
	bucketCells = []byte("cells")
	// recent: occupation | newest-first time | key -> key, for recent:N.
	bucketRecent = []byte("recent")
	// groups: repost group | 0 | key -> nothing, for a posting's sources.
	bucketGroups = []byte("groups")
	bucketState  = []byte("state")
	bucketMeta   = []byte("meta")
)

var (
	metaCount     = []byte("postings")
	metaLastMonth = []byte("last_month")
	// metaVersions: the analyzer.Versions of every stored posting and
	// so of every cell (JSON); absent in a store from before versioning.
	metaVersions = []byte("versions")
)

// Store is a local, durable store of postings and their aggregates.
type Store struct {
	db  *bolt.DB
	dir string
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
	err = db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketRecords) != nil && tx.Bucket(bucketCells) == nil {
			return errors.New("this store was written by an older skillpulse without aggregates: move the data directory away and re-run the input")
		}
		for _, b := range [][]byte{bucketPostings, bucketRecords, bucketCells, bucketRecent, bucketGroups, bucketState, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open local store: %w", err)
	}
	return &Store{db: db, dir: dir}, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Ping reports whether the store is open (readiness).
func (s *Store) Ping() error {
	return s.db.View(func(*bolt.Tx) error { return nil })
}

// Index writes a batch in one fsynced transaction. A posting stored before
// with the same analysis is skipped (a re-run changes nothing on disk);
// one that changed, a repost found later say, has its old counts taken out
// of the cells and its new ones put in. It rejects nothing.
func (s *Store) Index(ctx context.Context, batch []*analyzer.Analysis) ([]indexer.Rejected, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return nil, s.write(batch, nil)
}

// write stores a batch in one transaction; then (when not nil) runs in
// the same transaction, so what it records commits with the batch.
func (s *Store) write(batch []*analyzer.Analysis, then func(*bolt.Tx) error) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		w := writer{tx: tx, deltas: map[rank.CellKey]*rank.Cell{}, store: s.dir}
		var err error
		if w.versions, err = s.writeVersions(tx); err != nil {
			return err
		}
		for _, a := range batch {
			if err := w.put(a); err != nil {
				return fmt.Errorf("posting %s: %w", a.Key, err)
			}
		}
		if err := w.flush(); err != nil {
			return err
		}
		if then != nil {
			return then(tx)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	return nil
}

// Count is the number of stored postings, duplicates included.
func (s *Store) Count() int {
	n := 0
	s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaCount); len(v) == 8 {
			n = int(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return n
}

// ErrNotFound is returned by Get for an unknown key.
var ErrNotFound = errors.New("posting not found")

// Get returns one stored analysis.
func (s *Store) Get(key string) (*analyzer.Analysis, error) {
	var a *analyzer.Analysis
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		a, err = readAnalysis(tx, []byte(key))
		return err
	})
	return a, err
}

// Each calls fn with every stored analysis, in key order.
func (s *Store) Each(fn func(*analyzer.Analysis) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPostings).ForEach(func(k, _ []byte) error {
			a, err := readAnalysis(tx, k)
			if err != nil {
				return err
			}
			return fn(a)
		})
	})
}

// SaveState stores an opaque blob, such as the duplicate detector's state.
// Saving what is already there writes nothing.
func (s *Store) SaveState(name string, b []byte) error {
	if old, err := s.LoadState(name); err == nil && old != nil && string(old) == string(b) {
		return nil
	}
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

// recordValue is a records entry: a hash of the stored analysis, its
// analyzed_at, and the ranking record the cells counted.
type recordValue struct {
	hash       uint64
	analyzedAt time.Time
	rec        rank.Record
}

func hashOf(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}
