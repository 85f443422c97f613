package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/localstore"
)

// A data directory whose duplicate state was saved by a version that
// signed texts another way must not forget its postings: the detector is
// rebuilt from the stored ones, so reposts of them are still found.
func TestEmbeddedRebuildsIncompatibleDuplicateState(t *testing.T) {
	cfgS := sample.DefaultConfig()
	cfgS.Count = 600
	var all []*posting.Posting
	if err := sample.Generate(cfgS, func(p *posting.Posting) error { all = append(all, p); return nil }); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	half := len(all) / 2
	first, second := writeJSONL(t, dir, "first.jsonl", all[:half]), writeJSONL(t, dir, "second.jsonl", all[half:])

	// What one detector reading everything in order decides, and what a
	// detector that forgot the first half would decide of the second.
	st, err := Stages(config.Default(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	want := duplicates(analyzer.New(st), all)
	fresh, _ := Stages(config.Default(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	forgetful := duplicates(analyzer.New(fresh), all[half:])

	data := filepath.Join(dir, "data")
	runEmbeddedOn(t, data, first)
	// Make the saved state look like an older version's.
	s, err := localstore.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	state, err := s.LoadState(dedupState)
	if err != nil || state == nil {
		t.Fatalf("no duplicate state saved: %v", err)
	}
	old := regexp.MustCompile(`"signature":"[^"]*"`).ReplaceAll(state, []byte(`"signature":"minhash-k"`))
	if bytes.Equal(old, state) {
		t.Fatal("saved state names no signature scheme")
	}
	if err := s.SaveState(dedupState, old); err != nil {
		t.Fatal(err)
	}
	s.Close()
	runEmbeddedOn(t, data, second)

	got := 0
	s, err = localstore.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Each(func(a *analyzer.Analysis) error {
		if a.Duplicate.Duplicate {
			got++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%d duplicates stored after the rebuild, want %d (a detector that forgot the first half finds %d)", got, want, forgetful)
	}
	if forgetful >= want {
		t.Fatalf("test input has no reposts across the halves (%d vs %d): it cannot tell a rebuild from none", forgetful, want)
	}
}

func duplicates(p *analyzer.Pipeline, posts []*posting.Posting) int {
	n := 0
	for _, post := range posts {
		if p.Analyze(post).Duplicate.Duplicate {
			n++
		}
	}
	return n
}

func writeJSONL(t *testing.T, dir, name string, posts []*posting.Posting) string {
	t.Helper()
	var buf bytes.Buffer
	for _, p := range posts {
		b, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(append(b, '\n'))
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runEmbeddedOn ingests input into the data directory and stops.
func runEmbeddedOn(t *testing.T, dataDir, input string) {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir, cfg.Listen, cfg.Input = dataDir, "127.0.0.1:0", input
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- RunEmbedded(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), ready) }()
	select {
	case <-ready:
		cancel()
		if err := <-errc; err != nil {
			t.Fatalf("embedded run on %s: %v", input, err)
		}
	case err := <-errc:
		t.Fatalf("embedded run on %s: %v", input, err)
	case <-time.After(2 * time.Minute):
		t.Fatal("embedded default did not start")
	}
}
