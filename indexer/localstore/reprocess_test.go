package localstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	bolt "go.etcd.io/bbolt"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/internal/progress"
	"github.com/skillpulse/skillpulse/worker/ingest"
	"github.com/skillpulse/skillpulse/worker/metrics"
	"github.com/skillpulse/skillpulse/worker/reprocess"
)

// pipelineWith is the default pipeline over tax, with a fresh detector.
func pipelineWith(t testing.TB, tax *taxonomy.Taxonomy) *analyzer.Pipeline {
	t.Helper()
	return analyzer.New(analyzer.Stages{Extractor: extract.New(tax), Occupations: noc.NewBuiltin(), Places: geo.NewBuiltin(),
		Dedup: repost.New(repost.DefaultConfig())})
}

// oldAndNew are an "old" taxonomy (half the built-in skills) and the
// built-in one.
func oldAndNew(t testing.TB) (*taxonomy.Taxonomy, *taxonomy.Taxonomy) {
	t.Helper()
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	half, err := taxonomy.New(tax.Name, tax.Version, slices.Clone(tax.Entries[:tax.Len()/2]))
	if err != nil {
		t.Fatal(err)
	}
	return half, tax
}

func generated(t testing.TB, n int) []*posting.Posting {
	t.Helper()
	cfg := sample.DefaultConfig()
	cfg.Count = n
	var out []*posting.Posting
	if err := sample.Generate(cfg, func(p *posting.Posting) error { out = append(out, p); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// ingestInto runs postings through the ingest path into a store in
// batches, as the embedded default does.
func ingestInto(t testing.TB, dir string, p *analyzer.Pipeline, posts []*posting.Posting) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	proc := &ingest.Processor{Pipeline: p, Sink: s, Metrics: metrics.New(prometheus.NewRegistry()), Source: "file"}
	for i := 0; i < len(posts); i += 250 {
		var items []ingest.Item
		for _, post := range posts[i:min(i+250, len(posts))] {
			items = append(items, ingest.Item{Record: posting.Record{Posting: post}})
		}
		if _, err := proc.Process(context.Background(), items); err != nil {
			t.Fatal(err)
		}
	}
}

// dump is everything the store holds but analysis times and saved state.
func dump(t testing.TB, dir string) map[string]string {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := map[string]string{}
	err = s.db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketPostings, bucketRecords, bucketCells, bucketRecent, bucketGroups, bucketMeta} {
			err := tx.Bucket(b).ForEach(func(k, v []byte) error {
				if bytes.Equal(b, bucketRecords) {
					v = append(slices.Clone(v[:8]), v[16:]...) // without analyzed_at
				}
				out[string(b)+"/"+string(k)] = string(v)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameDump(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	var diff []string
	for k, v := range want {
		if got[k] != v {
			diff = append(diff, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diff = append(diff, k+" (extra)")
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Fatalf("%s: %d of %d entries differ, e.g. %q", what, len(diff), len(want), diff[:min(5, len(diff))])
	}
}

// cancelAfter cancels the run once n batches are durable.
type cancelAfter struct {
	*Store
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) WriteReprocessed(ctx context.Context, batch []*analyzer.Analysis, after indexer.Cursor) error {
	err := c.Store.WriteReprocessed(ctx, batch, after)
	if c.n--; c.n == 0 {
		c.cancel()
	}
	return err
}

func runReprocess(t testing.TB, ctx context.Context, dir string, p *analyzer.Pipeline, wrap func(*Store) indexer.Reprocessable) (reprocess.Stats, error) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var store indexer.Reprocessable = s
	if wrap != nil {
		store = wrap(s)
	}
	f := false
	return reprocess.Run(ctx, store, p, reprocess.Options{Batch: 300, Progress: progress.Options{Terminal: &f, Writer: io.Discard}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// A store analyzed with an old taxonomy, in file order, then reprocessed
// with the current one, holds exactly what a fresh run over the same
// postings in (posted_at, key) order writes: every posting re-stamped, the
// same cells, recent and group indices; and a run cancelled after one
// batch and started again ends the same as one uninterrupted run.
func TestReprocess(t *testing.T) {
	oldTax, newTax := oldAndNew(t)
	posts := generated(t, 1200)
	sorted := slices.Clone(posts)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].PostedAt.Equal(sorted[j].PostedAt) {
			return sorted[i].PostedAt.Before(sorted[j].PostedAt)
		}
		return sorted[i].Key() < sorted[j].Key()
	})
	fresh := t.TempDir()
	ingestInto(t, fresh, pipelineWith(t, newTax), sorted)
	want := dump(t, fresh)
	current := pipelineWith(t, newTax).Versions()
	if current == pipelineWith(t, oldTax).Versions() {
		t.Fatal("old and new taxonomies have the same versions")
	}

	whole, cut := t.TempDir(), t.TempDir()
	for _, dir := range []string{whole, cut} {
		ingestInto(t, dir, pipelineWith(t, oldTax), posts)
	}
	sameDumpDiffers(t, dump(t, whole), want)

	st, err := runReprocess(t, context.Background(), whole, pipelineWith(t, newTax), nil)
	if err != nil || st.Reanalyzed != len(posts) || st.Resumed != 0 {
		t.Fatalf("reprocess: %+v %v", st, err)
	}
	got := dump(t, whole)
	sameDump(t, "reprocessed vs fresh run", got, want)
	s, err := Open(whole)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := s.Each(func(a *analyzer.Analysis) error {
		if a.Versions != current {
			return fmt.Errorf("posting %s has versions %v", a.Key, a.Versions)
		}
		n++
		return nil
	}); err != nil || n != len(posts) {
		t.Fatalf("%d postings: %v", n, err)
	}
	if err := s.Check(current); err != nil {
		t.Fatalf("reprocessed store refused: %v", err)
	}
	s.Close()
	if st, err := runReprocess(t, context.Background(), whole, pipelineWith(t, newTax), nil); err != nil || !st.UpToDate {
		t.Fatalf("second reprocess: %+v %v", st, err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err = runReprocess(t, ctx, cut, pipelineWith(t, newTax), func(s *Store) indexer.Reprocessable {
		return &cancelAfter{Store: s, n: 1, cancel: cancel}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled reprocess: %v", err)
	}
	c, err := Open(cut)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Check(current); err == nil {
		t.Fatal("a half-reprocessed store passes the start-up check")
	}
	c.Close()
	st, err = runReprocess(t, context.Background(), cut, pipelineWith(t, newTax), nil)
	if err != nil || st.Resumed != 300 || st.Reanalyzed != len(posts)-300 {
		t.Fatalf("resumed reprocess: %+v %v", st, err)
	}
	sameDump(t, "interrupted and resumed vs uninterrupted", dump(t, cut), got)
}

// sameDumpDiffers fails if the old store already equals the fresh one:
// then the test would prove nothing.
func sameDumpDiffers(t *testing.T, old, fresh map[string]string) {
	t.Helper()
	for k, v := range fresh {
		if old[k] != v {
			return
		}
	}
	t.Fatal("the store analyzed with the old taxonomy equals the fresh run")
}

// BenchmarkReprocess re-analyzes a store of 5,000 postings analyzed with
// another taxonomy: reading, analysis, duplicate judging and writing back
// with cell corrections, per posting.
func BenchmarkReprocess(b *testing.B) {
	oldTax, newTax := oldAndNew(b)
	posts := generated(b, 5000)
	src := b.TempDir()
	ingestInto(b, src, pipelineWith(b, oldTax), posts)
	db, err := os.ReadFile(filepath.Join(src, "skillpulse.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "skillpulse.db"), db, 0o644); err != nil {
			b.Fatal(err)
		}
		p := pipelineWith(b, newTax)
		b.StartTimer()
		if st, err := runReprocess(b, context.Background(), dir, p, nil); err != nil || st.Reanalyzed != len(posts) {
			b.Fatalf("%+v %v", st, err)
		}
	}
	b.ReportMetric(float64(b.N*len(posts))/b.Elapsed().Seconds(), "postings/s")
}
