package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/indexer/localstore"
	"github.com/skillpulse/skillpulse/worker/reprocess"
	"github.com/skillpulse/skillpulse/worker/rollup"
)

// Reprocess re-analyzes the stored postings with the versions the
// configuration gives (`skillpulse reprocess`): the Elasticsearch indices
// under the index prefix when Elasticsearch is configured, else the local
// store in the data directory. An interrupted run resumes where it
// stopped; a store already at the current versions is left alone.
func Reprocess(ctx context.Context, cfg config.Config, log *slog.Logger, o reprocess.Options) (reprocess.Stats, error) {
	st, err := Stages(cfg, log)
	if err != nil {
		return reprocess.Stats{}, err
	}
	o.Log = log
	if len(cfg.Elasticsearch.URLs) > 0 {
		return reprocessElastic(ctx, cfg, log, st, o)
	}
	store, err := localstore.Open(cfg.DataDir)
	if err != nil {
		return reprocess.Stats{}, err
	}
	defer store.Close()
	// The detector starts empty (st is fresh): verdicts are judged anew
	// in posting order, and its state is saved for later runs.
	o.BeforeFinish = func(context.Context) error {
		b, err := st.Dedup.Snapshot()
		if err != nil {
			return fmt.Errorf("snapshot duplicate state: %w", err)
		}
		return store.SaveState(dedupState, b)
	}
	stats, err := reprocess.Run(ctx, store, analyzer.New(st), o)
	if err == nil && stats.UpToDate {
		log.Info("store already holds the current versions; nothing to reprocess", "data_dir", cfg.DataDir)
	}
	return stats, err
}

// maxLeaseWait is how long a reprocess waits for a stopped worker's
// rollup lease to lapse before the rebuild.
const maxLeaseWait = 10 * time.Minute

func reprocessElastic(ctx context.Context, cfg config.Config, log *slog.Logger, st analyzer.Stages, o reprocess.Options) (reprocess.Stats, error) {
	es, err := elastic.New(elastic.Config{URLs: cfg.Elasticsearch.URLs, Username: cfg.Elasticsearch.Username, Password: cfg.Elasticsearch.Password})
	if err != nil {
		return reprocess.Stats{}, err
	}
	p := analyzer.New(st)
	idx := elastic.Indices{Prefix: cfg.Elasticsearch.IndexPrefix, RefreshInterval: cfg.Elasticsearch.RefreshInterval,
		Shards: cfg.Elasticsearch.Shards, Replicas: cfg.Elasticsearch.Replicas, Versions: p.Versions()}
	// Indices made before versioning get the versions fields.
	if err := es.EnsureTemplates(ctx, idx); err != nil {
		return reprocess.Stats{}, err
	}
	// Re-analyzed postings may have moved to other occupations, which
	// only a rebuild sees; it runs before the versions are recorded, so a
	// rebuild that could not run is retried by the next reprocess.
	o.BeforeFinish = func(ctx context.Context) error {
		lease := &elastic.Lease{Client: es, Indices: idx, Name: "rollup", Owner: "reprocess/" + workerID(), TTL: 2 * time.Minute}
		roll := &rollup.Job{Client: es, Indices: idx, Labels: skillLabels(st), Log: log, Lease: lease}
		for attempt := 0; ; attempt++ {
			t, err := roll.Rebuild(ctx)
			if err != nil {
				return fmt.Errorf("rebuild cells: %w", err)
			}
			if t.Leader {
				return nil
			}
			// A stopped worker's lease lapses on its own: wait for it
			// once; a worker still renewing it must be stopped.
			held, err := lease.State(ctx)
			if err != nil {
				return fmt.Errorf("rebuild cells: %w", err)
			}
			wait := time.Until(held.ExpiresAt) + time.Second
			if attempt > 0 || wait > maxLeaseWait {
				return fmt.Errorf("rebuild cells: the rollup lease is held by %s until %s; stop the workers and run reprocess again (it resumes at the rebuild)",
					held.Owner, held.ExpiresAt.Format(time.RFC3339))
			}
			log.Info("waiting for the rollup lease to lapse", "holder", held.Owner, "until", held.ExpiresAt)
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(max(wait, 0)):
			}
		}
	}
	stats, err := reprocess.Run(ctx, &elastic.Reprocessor{Client: es, Indices: idx}, p, o)
	if err == nil && stats.UpToDate {
		log.Info("indices already hold the current versions; nothing to reprocess", "index_prefix", idx.Prefix)
	}
	return stats, err
}
