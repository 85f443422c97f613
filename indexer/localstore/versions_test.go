package localstore

import (
	"context"
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
)

// A store records the versions of what it holds, takes no analysis of
// other versions, and refuses at start-up a store of other versions, of
// none recorded, or with a reprocess unfinished, naming what differs.
func TestStoreVersions(t *testing.T) {
	ctx := context.Background()
	as := analyses(t, 50)
	cur := as[0].Versions
	if cur.IsZero() {
		t.Fatal("analyses carry no versions")
	}
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Versions(); err != nil || v != nil {
		t.Fatalf("empty store has versions %v %v", v, err)
	}
	index(t, s, as)
	if v, err := s.Versions(); err != nil || v == nil || *v != cur {
		t.Fatalf("store records %v %v, want %v", v, err, cur)
	}
	if err := s.Check(cur); err != nil {
		t.Fatalf("same versions refused: %v", err)
	}

	other := cur
	other.Coder = "noc#000000000000"
	err = s.Check(other)
	var vm *analyzer.VersionMismatch
	if !errors.As(err, &vm) || !strings.Contains(err.Error(), `coder "noc#000000000000" here, "`+cur.Coder+`" in the store`) ||
		strings.Contains(err.Error(), "taxonomy \"") || !strings.Contains(err.Error(), "skillpulse reprocess") {
		t.Fatalf("other coder: %v", err)
	}
	mixed := *as[0]
	mixed.Key, mixed.ID, mixed.Versions = "x:1", "1", other
	if _, err := s.Index(ctx, []*analyzer.Analysis{&mixed}); !errors.As(err, &vm) {
		t.Fatalf("indexing other versions: %v", err)
	}
	if s.Count() != len(as) {
		t.Fatalf("refused batch wrote: %d postings, want %d", s.Count(), len(as))
	}

	// A store written before versioning: postings, no versions.
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(metaVersions) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(cur); err == nil || !strings.Contains(err.Error(), "from before analysis versions were recorded") {
		t.Fatalf("unversioned store: %v", err)
	}
	if _, err := s.Index(ctx, as[:1]); !errors.As(err, &vm) {
		t.Fatalf("indexing into an unversioned store: %v", err)
	}

	// A reprocess begun and not finished.
	if _, _, err := s.BeginReprocess(ctx, cur); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(cur); err == nil || !strings.Contains(err.Error(), "a reprocess has not finished") {
		t.Fatalf("unfinished reprocess: %v", err)
	}

	// An empty store records the versions it is checked with.
	e, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if err := e.Check(other); err != nil {
		t.Fatal(err)
	}
	if v, _ := e.Versions(); v == nil || *v != other {
		t.Fatalf("empty store recorded %v, want %v", v, other)
	}
}
