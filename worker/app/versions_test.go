package app

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/indexer/localstore"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
	"github.com/skillpulse/skillpulse/worker/reprocess"
)

// runUntilReady runs the embedded default until it has ingested, then
// stops it; it returns the error of a run that stopped before.
func runUntilReady(t *testing.T, cfg config.Config) error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- RunEmbedded(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), ready) }()
	select {
	case <-ready:
		cancel()
		return <-errc
	case err := <-errc:
		return err
	case <-time.After(2 * time.Minute):
		t.Fatal("embedded default did not start")
	}
	return nil
}

// The embedded default refuses a data directory analyzed with another
// gazetteer, naming it and the fix; `reprocess` moves the store to the
// new versions, after which it starts.
func TestEmbeddedRefusesOtherVersions(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "postings.jsonl")
	f, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	sc := sample.DefaultConfig()
	sc.Count = 300
	if err := sample.WriteJSONL(f, sc); err != nil {
		t.Fatal(err)
	}
	f.Close()
	places := filepath.Join(dir, "places.txt")
	if err := os.WriteFile(places, []byte("NL 1010 120 Testville\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.DataDir, cfg.Listen, cfg.Input = filepath.Join(dir, "data"), "127.0.0.1:0", input
	if err := runUntilReady(t, cfg); err != nil {
		t.Fatal(err)
	}

	more := cfg
	more.Places = []string{places}
	err = runUntilReady(t, more)
	var vm *analyzer.VersionMismatch
	if !errors.As(err, &vm) || !strings.Contains(err.Error(), "gazetteer") || strings.Contains(err.Error(), "coder \"") ||
		!strings.Contains(err.Error(), "skillpulse reprocess") {
		t.Fatalf("other gazetteer: %v", err)
	}

	st, err := Reprocess(context.Background(), more, slog.New(slog.NewTextHandler(io.Discard, nil)), reprocess.Options{})
	if err != nil || st.Reanalyzed != st.Postings || st.Postings < 300 {
		t.Fatalf("reprocess: %+v %v", st, err)
	}
	if err := runUntilReady(t, more); err != nil {
		t.Fatalf("after reprocess: %v", err)
	}
	s, err := localstore.Open(more.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Versions(); v == nil || v.Gazetteer == vm.Stored.Gazetteer || v.Gazetteer != vm.Current.Gazetteer {
		t.Fatalf("store versions %v after reprocess, refused with %v", v, vm)
	}
}

// On the real services: a worker refuses indices analyzed with another
// gazetteer, naming it; `reprocess` re-stamps every posting document and
// rebuilds the cells with the new versions; then the worker starts.
func TestWorkerRefusesOtherVersions(t *testing.T) {
	brokers := testsvc.KafkaBrokers(t)
	cfg, es, idx := testWorker(t, "spwver", brokers, testsvc.ElasticsearchURL(t), 100)
	path, keys, _ := testInput(t, 300)
	ctx := context.Background()
	if err := kafkaio.EnsureTopic(ctx, brokers, cfg.Kafka.Topic, 4, 1, nil); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	if _, err := kafkaio.Publish(ctx, brokers, cfg.Kafka.Topic, path, f, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	places := filepath.Join(t.TempDir(), "places.txt")
	if err := os.WriteFile(places, []byte("NL 1010 120 Testville\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := cfg
	old.Places = []string{places}
	old.Schedule.Rollup = "@every 2s" // its lease lapses 3 s after it stops
	wctx, stop := context.WithCancel(ctx)
	_, done := startWorker(t, wctx, old)
	waitFor(t, func() bool { return esCount(t, es, idx) == len(keys) })
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	rctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	err := RunProduction(rctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	var vm *analyzer.VersionMismatch
	if !errors.As(err, &vm) || !strings.Contains(err.Error(), "gazetteer") || !strings.Contains(err.Error(), "index prefix "+idx.Prefix) ||
		strings.Contains(err.Error(), "coder \"") {
		t.Fatalf("worker with another gazetteer: %v", err)
	}

	st, err := Reprocess(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), reprocess.Options{})
	if err != nil || st.Reanalyzed != len(keys) {
		t.Fatalf("reprocess: %+v %v (want %d postings)", st, err, len(keys))
	}
	newG := vm.Current.Gazetteer
	if n := countQuery(t, es, idx.PostingsPattern(), "versions.gazetteer:"+quote(newG)); n != len(keys) {
		t.Errorf("%d of %d posting documents carry the new gazetteer", n, len(keys))
	}
	cells := countQuery(t, es, idx.Aggregates(), "postings:>0")
	if n := countQuery(t, es, idx.Aggregates(), "postings:>0 AND versions.gazetteer:"+quote(newG)); cells == 0 || n != cells {
		t.Errorf("%d of %d non-empty cells carry the new gazetteer", n, cells)
	}
	wctx, stop = context.WithCancel(ctx)
	defer stop()
	startWorker(t, wctx, cfg)
}

func quote(s string) string { return `"` + s + `"` }

func countQuery(t *testing.T, es *elastic.Client, index, q string) int {
	t.Helper()
	es.Refresh(context.Background(), index)
	res, err := es.Raw().Count(es.Raw().Count.WithIndex(index), es.Raw().Count.WithQuery(q))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v struct{ Count int }
	json.NewDecoder(res.Body).Decode(&v)
	return v.Count
}
