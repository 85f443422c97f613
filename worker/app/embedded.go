package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/localstore"
	"github.com/skillpulse/skillpulse/internal/progress"
	"github.com/skillpulse/skillpulse/worker/httpapi"
	"github.com/skillpulse/skillpulse/worker/ingest"
	"github.com/skillpulse/skillpulse/worker/metrics"
)

const dedupState = "dedup"

// embeddedBatch is how many postings go into one store transaction: each
// commit is an fsync and rewrites the cells the batch touched, so larger
// batches are cheaper per posting, while a crash loses at most one batch
// that a re-run then stores again.
const embeddedBatch = 2000

// RunEmbedded is the default with no servers: it reads postings from a
// file (the bundled sample when none is given), analyzes them into the
// local store under the data directory, then serves the API, dashboard
// and metrics until ctx ends. Re-running with the same file adds nothing:
// keys are deterministic and the duplicate detector's state is kept.
func RunEmbedded(ctx context.Context, cfg config.Config, log *slog.Logger, ready chan<- string) error {
	tuneGC(log)
	ln, err := listen(cfg.Listen)
	if err != nil {
		return err
	}
	defer ln.Close()
	st, err := Stages(cfg, log)
	if err != nil {
		return err
	}
	store, err := localstore.Open(cfg.DataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	// One store holds analyses of one set of versions: refuse to add to
	// postings analyzed otherwise before anything is read.
	if err := store.Check(analyzer.StageVersions(st)); err != nil {
		return err
	}
	if b, err := store.LoadState(dedupState); err != nil {
		return fmt.Errorf("load duplicate state: %w", err)
	} else if b != nil {
		if err := st.Dedup.Restore(b); errors.Is(err, repost.ErrIncompatibleSnapshot) {
			// Saved by a version that signed texts another way: the
			// stored postings carry their texts and verdicts.
			log.Warn("duplicate state from another version; rebuilding it from the stored postings", "reason", err)
			if err := rememberStored(store, analyzer.New(st)); err != nil {
				return fmt.Errorf("rebuild duplicate state: %w", err)
			}
		} else if err != nil {
			return fmt.Errorf("restore duplicate state: %w", err)
		}
	}
	reg, m := newMetrics()
	proc := &ingest.Processor{Pipeline: analyzer.New(st), Sink: store, Metrics: m, Source: "file", MaxBytes: cfg.MaxPostingBytes,
		DeadLetter: &ingest.FileDeadLetters{Path: filepath.Join(cfg.DataDir, "dead-letter.jsonl"), Log: log}}
	// The API serves from the store's cells while the input is ingested:
	// figures grow as batches commit. Serving and ingesting share an
	// errgroup: either failing stops the other.
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return serve(gctx, cfg, st, store.Reader(), store, reg, log, ln, nil,
			httpapi.Check{Name: "store", Run: func(context.Context) error { return store.Ping() }})
	})
	g.Go(func() error {
		if err := ingestInput(gctx, cfg, log, st, store, proc, m); err != nil {
			return err
		}
		if ready != nil {
			ready <- "http://" + ln.Addr().String()
		}
		return nil
	})
	return g.Wait()
}

// ingestInput reads the configured input (the bundled sample when none)
// into the store and saves the duplicate detector's state.
func ingestInput(ctx context.Context, cfg config.Config, log *slog.Logger, st analyzer.Stages, store *localstore.Store, proc *ingest.Processor, m *metrics.Metrics) error {
	name, r, err := openInput(cfg.Input)
	if err != nil {
		return err
	}
	start := time.Now()
	var total int64 // unknown for a file
	if cfg.Input == "" {
		total = int64(sample.DefaultConfig().Count)
	}
	// The API already serves; this says how far the figures have got.
	tr := progress.Start("ingest", "postings", total, progress.Options{Log: log})
	done := 0
	stats, err := ingest.FileProgress(ctx, proc, name, r, embeddedBatch, func(s ingest.Stats) {
		tr.Add(s.Indexed + s.Invalid - done)
		done = s.Indexed + s.Invalid
	})
	tr.Done()
	r.Close()
	if err != nil {
		return fmt.Errorf("ingest %s: %w", name, err)
	}
	b, err := st.Dedup.Snapshot()
	if err != nil {
		return fmt.Errorf("snapshot duplicate state: %w", err)
	}
	if err := store.SaveState(dedupState, b); err != nil {
		return fmt.Errorf("save duplicate state: %w", err)
	}
	m.StoredPostings.Set(float64(store.Count()))
	log.Info("ingested", "input", name, "read", stats.Read, "indexed", stats.Indexed, "duplicates", stats.Duplicates,
		"invalid", stats.Invalid, "stored", store.Count(), "took", time.Since(start).Round(time.Millisecond))
	stats.Warn(log, name, proc.DeadLetter.(*ingest.FileDeadLetters).Path)
	return nil
}

// openInput opens the configured file, or streams the bundled sample.
func openInput(path string) (string, io.ReadCloser, error) {
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return "", nil, fmt.Errorf("open input: %w", err)
		}
		return path, f, nil
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(sample.WriteJSONL(pw, sample.DefaultConfig())) }()
	return "bundled-sample.jsonl", pr, nil
}

// rememberStored makes the duplicate detector know every stored posting
// with the verdict it was given, oldest first.
func rememberStored(store *localstore.Store, p *analyzer.Pipeline) error {
	var all []*analyzer.Analysis
	if err := store.Each(func(a *analyzer.Analysis) error { all = append(all, a); return nil }); err != nil {
		return err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].PostedAt.Before(all[j].PostedAt) })
	for _, a := range all {
		p.Remember(a)
	}
	return nil
}
