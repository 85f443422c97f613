package localstore

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/rank"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/indexer"
)

// analyses runs the real pipeline over n generated postings.
func analyses(t *testing.T, n int) []*analyzer.Analysis {
	t.Helper()
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	p := analyzer.New(analyzer.Stages{Extractor: extract.New(tax), Occupations: noc.NewBuiltin(), Places: geo.NewBuiltin(),
		Dedup: repost.New(repost.DefaultConfig())})
	cfg := sample.DefaultConfig()
	cfg.Count = n
	var out []*analyzer.Analysis
	if err := sample.Generate(cfg, func(post *posting.Posting) error {
		out = append(out, p.Analyze(post))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func records(as []*analyzer.Analysis) []rank.Record {
	out := make([]rank.Record, len(as))
	for i, a := range as {
		out[i] = indexer.ToRecord(a)
	}
	return out
}

func index(t *testing.T, s *Store, as []*analyzer.Analysis) {
	t.Helper()
	for i := 0; i < len(as); i += 100 {
		if _, err := s.Index(context.Background(), as[i:min(i+100, len(as))]); err != nil {
			t.Fatal(err)
		}
	}
}

// sameAnswers requires the store's answers to be those computed from the
// records in memory, for a spread of questions.
func sameAnswers(t *testing.T, s *Store, recs []rank.Record) {
	t.Helper()
	ctx := context.Background()
	mem := rank.Reader{Store: rank.NewMemory(recs)}
	occs, err := mem.Occupations(ctx, rank.Query{Scope: rank.Scope{Kind: rank.Country, Code: "CA"}, Period: mustPeriod(t, "2025")})
	if err != nil || len(occs) < 3 {
		t.Fatalf("too few occupations to compare: %v %v", occs, err)
	}
	for _, o := range occs[:3] {
		for _, sc := range []string{"CA", "NL", "ON", "1010", "QC-unspecified"} {
			scope, _ := rank.ParseScope(sc)
			for _, per := range []string{"2025", "2024-Q3", "2023-05", "recent:20"} {
				q := rank.Query{Occupation: o.Code, Scope: scope, Period: mustPeriod(t, per), MinCount: 2}
				want, _ := mem.Profile(ctx, q)
				got, err := s.Reader().Profile(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					g, _ := json.Marshal(got)
					w, _ := json.Marshal(want)
					t.Fatalf("%s %s %s:\n store  %s\n memory %s", o.Code, sc, per, g, w)
				}
			}
			q := rank.Query{Scope: scope, Period: mustPeriod(t, "2024")}
			got, err := s.Reader().Occupations(ctx, q)
			want, _ := mem.Occupations(ctx, q)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("occupations %s: store %v (%v), memory %v", sc, got, err, want)
			}
		}
	}
}

func mustPeriod(t *testing.T, s string) rank.Period {
	p, err := rank.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStoreAnswersFromCells(t *testing.T) {
	dir := t.TempDir()
	as := analyses(t, 1500)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	index(t, s, as)
	recs := records(as)
	sameAnswers(t, s, recs)
	if s.Count() != len(as) {
		t.Errorf("count %d, want %d", s.Count(), len(as))
	}

	// Replaying the same postings (analyzed again, so analyzed_at moves)
	// changes nothing, not even the file.
	s.Close()
	db := filepath.Join(dir, "skillpulse.db")
	before, _ := os.ReadFile(db)
	s, _ = Open(dir)
	again := analyses(t, 1500)
	index(t, s, again)
	s.Close()
	after, _ := os.ReadFile(db)
	// bbolt writes a meta page and its freelist per transaction; nothing else may change.
	if len(before) != len(after) {
		t.Errorf("re-indexing unchanged postings grew the store from %d to %d bytes", len(before), len(after))
	}
	pages := 0
	for off := 0; off < min(len(before), len(after)); off += 4096 {
		if string(before[off:min(off+4096, len(before))]) != string(after[off:min(off+4096, len(after))]) {
			pages++
		}
	}
	if pages > 8 {
		t.Errorf("re-indexing unchanged postings rewrote %d pages of the store; only meta and freelist pages may change", pages)
	}

	// Reposts found late: the cells they were counted in are corrected.
	s, _ = Open(dir)
	defer s.Close()
	var changed []*analyzer.Analysis
	for i, a := range again {
		if i%7 == 0 && !a.Duplicate.Duplicate {
			a.Duplicate.Duplicate = true
			changed = append(changed, a)
		}
		if i%11 == 0 { // and some moved to another occupation
			a.Occupation.Code = "12111"
			changed = append(changed, a)
		}
	}
	index(t, s, changed)
	sameAnswers(t, s, records(again))
	if s.Count() != len(as) {
		t.Errorf("count after corrections %d, want %d", s.Count(), len(as))
	}
	got, err := s.Get(as[5].Key)
	if err != nil || got.Key != as[5].Key || got.AnalyzedAt.IsZero() {
		t.Errorf("Get: %+v, %v", got, err)
	}
}

// The groups index follows a posting whose repost group changes, and a
// postings page lists what the records say.
func TestPostingsAndGroups(t *testing.T) {
	as := analyses(t, 800)
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	index(t, s, as)
	var dup *analyzer.Analysis
	for _, a := range as {
		if a.Duplicate.Duplicate {
			dup = a
			break
		}
	}
	if dup == nil {
		t.Fatal("no repost in the sample")
	}
	members := func(key string) []string {
		_, group, err := s.Posting(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range group {
			out = append(out, m.Key)
		}
		return out
	}
	first := dup.Duplicate.Group
	before := members(first)
	if len(before) < 2 || !slices.Contains(before, dup.Key) {
		t.Fatalf("group %s: %v, want %s in it", first, before, dup.Key)
	}
	// Re-analyzed as a posting of its own: it leaves the group.
	moved := *dup
	moved.Duplicate.Duplicate, moved.Duplicate.Group = false, dup.Key
	index(t, s, []*analyzer.Analysis{&moved})
	if after := members(first); slices.Contains(after, dup.Key) || len(after) != len(before)-1 {
		t.Errorf("group %s after the move: %v (before %v)", first, after, before)
	}
	if own := members(dup.Key); len(own) != 1 || own[0] != dup.Key {
		t.Errorf("its own group: %v", own)
	}
	if _, _, err := s.Posting(context.Background(), "no:such"); err != indexer.ErrNoPosting {
		t.Errorf("unknown posting: %v", err)
	}
	// Every unique posting of 2025, page by page, newest first.
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	q := indexer.PostingQuery{From: from, To: from.AddDate(1, 0, 0), Limit: 13}
	var got []string
	for i := 0; i < 1000; i++ {
		page, err := s.Postings(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range page.Postings {
			got = append(got, p.ID)
		}
		if page.NextCursor == "" {
			break
		}
		q.Cursor = page.NextCursor
	}
	var want []rank.Record
	for _, a := range as {
		r := indexer.ToRecord(a)
		if a.Key == dup.Key {
			r = indexer.ToRecord(&moved)
		}
		if !r.Duplicate && r.PostedAt.Year() == 2025 {
			want = append(want, r)
		}
	}
	rank.SortNewestFirst(want)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d postings paged, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i].Key {
			t.Fatalf("posting %d: %s, want %s", i, got[i], want[i].Key)
		}
	}
	if _, err := s.Postings(context.Background(), indexer.PostingQuery{Cursor: "%%%"}); err != indexer.ErrBadCursor {
		t.Errorf("bad cursor: %v", err)
	}
}

func TestRecentTimeReadsTheKey(t *testing.T) {
	for _, at := range []time.Time{time.Date(2025, 3, 4, 5, 6, 7, 8, time.UTC), time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if got := recentTime(recentKey("12111", at, "k:1"), len("12111")+1); !got.Equal(at) {
			t.Errorf("%v read back as %v", at, got)
		}
	}
}
