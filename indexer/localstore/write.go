package localstore

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/klauspost/compress/s2"
	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

// writer is one batch's transaction: postings written as they come, cell
// changes summed and applied once at the end (a batch touches few cells,
// each many times).
type writer struct {
	tx     *bolt.Tx
	deltas map[rank.CellKey]*rank.Cell
	added  int
	last   rank.Month
	seen   bool
	// versions are those every posting written must carry; nil in an
	// empty store, which takes the first posting's (see writeVersions).
	versions *analyzer.Versions
	store    string
}

func (w *writer) put(a *analyzer.Analysis) error {
	if w.versions == nil {
		v := a.Versions
		w.versions = &v
		if err := putVersions(w.tx, v); err != nil {
			return err
		}
	}
	if a.Versions != *w.versions {
		return &analyzer.VersionMismatch{Store: w.store, Stored: w.versions, Current: a.Versions}
	}
	doc := *a
	doc.AnalyzedAt = time.Time{}
	body, err := analyzer.AppendJSON(nil, &doc)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	key := []byte(a.Key)
	rb := w.tx.Bucket(bucketRecords)
	rec := indexer.ToRecord(a)
	h := hashOf(body)
	var old *rank.Record
	if v := rb.Get(key); v != nil {
		ov, err := decodeRecordValue(v)
		if err != nil {
			return err
		}
		if ov.hash == h {
			return nil // replayed unchanged
		}
		old = &ov.rec
	} else {
		w.added++
	}
	rank.Diff(old, &rec, w.deltas)
	if err := w.reindexRecent(old, &rec); err != nil {
		return err
	}
	if err := w.regroup(old, &rec); err != nil {
		return err
	}
	if m := rank.MonthOf(rec.PostedAt); !w.seen || m > w.last {
		w.last, w.seen = m, true
	}
	val, err := encodeRecordValue(recordValue{hash: h, analyzedAt: a.AnalyzedAt, rec: rec})
	if err != nil {
		return err
	}
	if err := rb.Put(key, val); err != nil {
		return err
	}
	// Posting text compresses about fourfold: a smaller file to write,
	// sync and map.
	return w.tx.Bucket(bucketPostings).Put(key, s2.Encode(nil, body))
}

// reindexRecent moves the posting's entries in the recent index.
func (w *writer) reindexRecent(old, rec *rank.Record) error {
	b := w.tx.Bucket(bucketRecent)
	if old != nil && !old.Duplicate {
		for _, occ := range []string{old.Occupation, rank.AllOccupations} {
			if err := b.Delete(recentKey(occ, old.PostedAt, old.Key)); err != nil {
				return err
			}
		}
	}
	if !rec.Duplicate {
		for _, occ := range []string{rec.Occupation, rank.AllOccupations} {
			if err := b.Put(recentKey(occ, rec.PostedAt, rec.Key), []byte(rec.Key)); err != nil {
				return err
			}
		}
	}
	return nil
}

// regroup moves the posting's entry in the groups index.
func (w *writer) regroup(old, rec *rank.Record) error {
	b := w.tx.Bucket(bucketGroups)
	if old != nil && old.Group != "" && old.Group != rec.Group {
		if err := b.Delete(groupKey(old.Group, old.Key)); err != nil {
			return err
		}
	}
	if rec.Group == "" {
		return nil
	}
	return b.Put(groupKey(rec.Group, rec.Key), nil)
}

func groupKey(group, key string) []byte { return []byte(group + "\x00" + key) }

// flush applies the batch's cell changes, writing only cells that changed.
func (w *writer) flush() error {
	cb := w.tx.Bucket(bucketCells)
	for k, d := range w.deltas {
		ck := cellKey(k)
		c := rank.NewCell()
		if v := cb.Get(ck); v != nil {
			var err error
			if c, err = rank.DecodeCell(v); err != nil {
				return fmt.Errorf("cell %s: %w", k.ID(), err)
			}
		}
		c.Merge(d)
		if c.Empty() {
			if err := cb.Delete(ck); err != nil {
				return err
			}
			continue
		}
		if err := cb.Put(ck, rank.AppendCell(nil, c)); err != nil {
			return err
		}
	}
	mb := w.tx.Bucket(bucketMeta)
	if w.added > 0 {
		n := uint64(0)
		if v := mb.Get(metaCount); len(v) == 8 {
			n = binary.BigEndian.Uint64(v)
		}
		if err := mb.Put(metaCount, binary.BigEndian.AppendUint64(nil, n+uint64(w.added))); err != nil {
			return err
		}
	}
	if w.seen {
		if v := mb.Get(metaLastMonth); len(v) != 8 || rank.Month(binary.BigEndian.Uint64(v)) < w.last {
			return mb.Put(metaLastMonth, binary.BigEndian.AppendUint64(nil, uint64(w.last)))
		}
	}
	return nil
}

// cellKey orders cells by scope, then month, then occupation, so one
// prefix scan lists every occupation of a scope and month.
func cellKey(k rank.CellKey) []byte {
	return []byte(k.Scope + "\x00" + k.Month.String() + "\x00" + k.Occupation)
}

// recentKey orders an occupation's postings newest first, ties by key
// descending: inverted time, then the key's bytes inverted and ended with
// 0xff (so a key sorts after its own extensions, as descending order wants).
func recentKey(occ string, t time.Time, key string) []byte {
	b := append([]byte(occ), 0)
	b = binary.BigEndian.AppendUint64(b, ^(uint64(t.UnixNano()) ^ (1 << 63)))
	for i := 0; i < len(key); i++ {
		b = append(b, 255-key[i])
	}
	return append(b, 0xff)
}

func encodeRecordValue(v recordValue) ([]byte, error) {
	b := binary.BigEndian.AppendUint64(nil, v.hash)
	b = binary.BigEndian.AppendUint64(b, uint64(v.analyzedAt.UnixNano()))
	j, err := json.Marshal(v.rec)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return append(b, j...), nil
}

func decodeRecordValue(b []byte) (recordValue, error) {
	if len(b) < 16 {
		return recordValue{}, fmt.Errorf("stored record: %d bytes", len(b))
	}
	v := recordValue{hash: binary.BigEndian.Uint64(b), analyzedAt: time.Unix(0, int64(binary.BigEndian.Uint64(b[8:]))).UTC()}
	if err := json.Unmarshal(b[16:], &v.rec); err != nil {
		return v, fmt.Errorf("stored record: %w", err)
	}
	return v, nil
}

func readAnalysis(tx *bolt.Tx, key []byte) (*analyzer.Analysis, error) {
	packed := tx.Bucket(bucketPostings).Get(key)
	if packed == nil {
		return nil, ErrNotFound
	}
	body, err := s2.Decode(nil, packed)
	if err != nil {
		return nil, fmt.Errorf("posting %s: %w", key, err)
	}
	var a analyzer.Analysis
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fmt.Errorf("posting %s: %w", key, err)
	}
	if v := tx.Bucket(bucketRecords).Get(key); v != nil {
		rv, err := decodeRecordValue(v)
		if err != nil {
			return nil, fmt.Errorf("posting %s: %w", key, err)
		}
		a.AnalyzedAt = rv.analyzedAt
	}
	return &a, nil
}
