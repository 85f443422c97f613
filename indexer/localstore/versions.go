package localstore

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
)

// The store holds postings of one set of analyzer.Versions, recorded in
// the meta bucket with the cells they sum to. A write of other versions
// is refused, except those a reprocess in progress is moving the store to
// (state key reprocessKey), which then holds a mix until it finishes.

const reprocessKey = "reprocess"

// reprocessState is an unfinished reprocess: its target versions and the
// last posting (in posted_at, key order) re-analyzed.
type reprocessState struct {
	Target analyzer.Versions `json:"target"`
	After  indexer.Cursor    `json:"after"`
}

// Versions returns the versions the store holds, nil when none are
// recorded (an empty store, or one from before versioning).
func (s *Store) Versions() (*analyzer.Versions, error) {
	var v *analyzer.Versions
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = storedVersions(tx)
		return err
	})
	return v, err
}

// Check is the start-up check: it refuses a store holding postings of
// other versions than current (or of unknown ones, or a reprocess left
// unfinished), naming both sets and the fix, and records current in an
// empty store.
func (s *Store) Check(current analyzer.Versions) error {
	record := false
	err := s.db.View(func(tx *bolt.Tx) error {
		if st, err := loadReprocess(tx); err != nil {
			return err
		} else if st != nil {
			return &analyzer.VersionMismatch{Store: s.dir, Current: current, Pending: true}
		}
		stored, err := storedVersions(tx)
		if err != nil {
			return err
		}
		record = stored == nil
		return analyzer.CheckStore(s.dir, stored, count(tx), current)
	})
	if err != nil || !record {
		return err // a store in use is only read: a re-run writes nothing
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		if count(tx) > 0 {
			return &analyzer.VersionMismatch{Store: s.dir, Current: current}
		}
		return putVersions(tx, current)
	})
}

// writeVersions are the versions a write may carry: a reprocess's target
// while one runs, else the recorded ones; nil in an empty store without
// any (the first posting's are recorded). A store with postings but no
// versions takes no more.
func (s *Store) writeVersions(tx *bolt.Tx) (*analyzer.Versions, error) {
	if st, err := loadReprocess(tx); err != nil || st != nil {
		if st != nil {
			return &st.Target, nil
		}
		return nil, err
	}
	v, err := storedVersions(tx)
	if err != nil || v != nil {
		return v, err
	}
	if count(tx) > 0 {
		return nil, &analyzer.VersionMismatch{Store: s.dir}
	}
	return nil, nil
}

func storedVersions(tx *bolt.Tx) (*analyzer.Versions, error) {
	b := tx.Bucket(bucketMeta).Get(metaVersions)
	if b == nil {
		return nil, nil
	}
	var v analyzer.Versions
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("stored versions: %w", err)
	}
	return &v, nil
}

func putVersions(tx *bolt.Tx, v analyzer.Versions) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(metaVersions, b)
}

func loadReprocess(tx *bolt.Tx) (*reprocessState, error) {
	b := tx.Bucket(bucketState).Get([]byte(reprocessKey))
	if b == nil {
		return nil, nil
	}
	var st reprocessState
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("reprocess state: %w", err)
	}
	return &st, nil
}

func saveReprocess(tx *bolt.Tx, st reprocessState) error {
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketState).Put([]byte(reprocessKey), b)
}

func count(tx *bolt.Tx) int {
	if v := tx.Bucket(bucketMeta).Get(metaCount); len(v) == 8 {
		return int(binary.BigEndian.Uint64(v))
	}
	return 0
}
