package localstore

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/indexer"
)

// MaxScan bounds how many entries of the recent index one page of
// postings examines: a filter that matches rarely (a rare skill in a big
// occupation) ends the page early with a cursor to go on from, so no
// request reads the whole history.
const MaxScan = 50_000

// Postings implements indexer.PostingReader over the recent index (the
// occupation's, or every unique posting's), newest first, seeking to the
// cursor or the end of the period.
func (s *Store) Postings(ctx context.Context, q indexer.PostingQuery) (indexer.PostingPage, error) {
	page := indexer.PostingPage{Postings: []indexer.PostingView{}}
	occ := q.Occupation
	if occ == "" {
		occ = rank.AllOccupations
	}
	prefix := append([]byte(occ), 0)
	start := prefix
	var after []byte
	if q.Cursor != "" {
		c, err := base64.RawURLEncoding.DecodeString(q.Cursor)
		if err != nil || !bytes.HasPrefix(c, prefix) {
			return page, indexer.ErrBadCursor
		}
		start, after = c, c
	} else if !q.To.IsZero() {
		start = recentKey(occ, q.To, "")[:len(prefix)+8]
	}
	limit := min(max(q.Limit, 1), indexer.MaxPage)
	// A record that does not even contain the skill's id, as JSON writes
	// it, cannot ask for it: skip decoding it.
	var needle []byte
	if q.Skill != "" {
		id, _ := json.Marshal(q.Skill)
		needle = append([]byte(`"id":`), id...)
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		rb := tx.Bucket(bucketRecords)
		c := tx.Bucket(bucketRecent).Cursor()
		var picked [][]byte
		scanned := 0
		var last []byte
		for k, v := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if after != nil && bytes.Equal(k, after) {
				continue
			}
			if scanned == MaxScan {
				page.NextCursor = base64.RawURLEncoding.EncodeToString(last)
				break
			}
			scanned++
			last = append(last[:0], k...)
			rv := rb.Get(v)
			if rv == nil {
				return fmt.Errorf("recent index names %q, which is not stored", v)
			}
			if needle != nil && !bytes.Contains(rv[16:], needle) {
				if !q.From.IsZero() && recentTime(k, len(prefix)).Before(q.From) {
					break
				}
				continue
			}
			r, err := decodeRecordValue(rv)
			if err != nil {
				return err
			}
			if !q.From.IsZero() && r.rec.PostedAt.Before(q.From) {
				break // newest first: nothing older can match
			}
			if !q.Matches(r.rec) || q.Reposted != nil && (groupSize(tx, r.rec.Group) > 1) != *q.Reposted {
				continue
			}
			picked = append(picked, append([]byte(nil), v...))
			if len(picked) == limit {
				page.NextCursor = base64.RawURLEncoding.EncodeToString(k)
				break
			}
		}
		for _, key := range picked {
			a, err := readAnalysis(tx, key)
			if err != nil {
				return err
			}
			group, err := groupOf(tx, a)
			if err != nil {
				return err
			}
			page.Postings = append(page.Postings, indexer.View(a, group, q.Skill))
		}
		return ctx.Err()
	})
	return page, err
}

// groupSize counts a repost group's members (at most 2: that is all the
// filter needs).
func groupSize(tx *bolt.Tx, group string) int {
	if group == "" {
		return 1
	}
	p := []byte(group + "\x00")
	n := 0
	c := tx.Bucket(bucketGroups).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && n < 2; k, _ = c.Next() {
		n++
	}
	return n
}

// maxGroup bounds the members shown of one repost group.
const maxGroup = 500

// groupOf reads every member of a's repost group, oldest first.
func groupOf(tx *bolt.Tx, a *analyzer.Analysis) ([]*analyzer.Analysis, error) {
	if a.Duplicate.Group == "" {
		return []*analyzer.Analysis{a}, nil
	}
	p := []byte(a.Duplicate.Group + "\x00")
	var out []*analyzer.Analysis
	c := tx.Bucket(bucketGroups).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && len(out) < maxGroup; k, _ = c.Next() {
		key := k[len(p):]
		if string(key) == a.Key {
			out = append(out, a)
			continue
		}
		m, err := readAnalysis(tx, key)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].PostedAt.Equal(out[j].PostedAt) {
			return out[i].PostedAt.Before(out[j].PostedAt)
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

// Posting implements indexer.PostingReader.
func (s *Store) Posting(ctx context.Context, key string) (*analyzer.Analysis, []*analyzer.Analysis, error) {
	var a *analyzer.Analysis
	var group []*analyzer.Analysis
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if a, err = readAnalysis(tx, []byte(key)); err != nil {
			return err
		}
		group, err = groupOf(tx, a)
		return err
	})
	if err == ErrNotFound {
		return nil, nil, indexer.ErrNoPosting
	}
	return a, group, err
}

// recentTime reads the posting time a recent-index key starts with (after
// its occupation prefix of n bytes).
func recentTime(k []byte, n int) time.Time {
	if len(k) < n+8 {
		return time.Time{}
	}
	return time.Unix(0, int64(^binary.BigEndian.Uint64(k[n:n+8])^(1<<63))).UTC()
}
