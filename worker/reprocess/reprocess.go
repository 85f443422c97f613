// Package reprocess re-analyzes the postings a store holds with the
// current analysis versions (`skillpulse reprocess`): each stored posting,
// as it was received, goes through the pipeline again and is written
// back. Postings are visited in (posted_at, key) order and duplicates
// judged in that order by the same ingest path as any input, so verdicts
// are the same however often the run is interrupted; the store keeps a
// cursor, written with every batch, from which a later run resumes.
package reprocess

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/internal/progress"
	"github.com/skillpulse/skillpulse/worker/ingest"
	"github.com/skillpulse/skillpulse/worker/metrics"
)

// DefaultBatch is how many postings one write (one transaction, one bulk
// request) carries, and so how much an interruption can cost again.
const DefaultBatch = 2000

// Options tune a run.
type Options struct {
	Batch    int
	Log      *slog.Logger
	Progress progress.Options
	// BeforeFinish runs once every posting is re-analyzed, before the
	// store records the new versions (the embedded default saves its
	// duplicate detector's state there).
	BeforeFinish func(context.Context) error
}

// Stats say what a run did.
type Stats struct {
	UpToDate   bool // the store already held the pipeline's versions
	Postings   int  // stored postings
	Resumed    int  // re-analyzed by an earlier, interrupted run
	Reanalyzed int  // re-analyzed by this run
	Took       time.Duration
}

// Run re-analyzes every posting of store with p, whose duplicate
// detector must be fresh: it learns the postings of an earlier run's
// share, as stored, before judging the rest.
func Run(ctx context.Context, store indexer.Reprocessable, p *analyzer.Pipeline, o Options) (Stats, error) {
	start := time.Now()
	log := o.Log
	if log == nil {
		log = slog.Default()
	}
	o.Progress.Log = log
	target := p.Versions()
	after, upToDate, err := store.BeginReprocess(ctx, target)
	if err != nil || upToDate {
		return Stats{UpToDate: upToDate}, err
	}
	var st Stats
	if st.Postings, err = store.PostingCount(ctx); err != nil {
		return st, fmt.Errorf("count postings: %w", err)
	}
	log.Info("reprocess", "postings", st.Postings, "versions", target.String(), "resuming_after", after.Key)
	tr := progress.Start("reprocess", "postings", int64(st.Postings), o.Progress)
	finished := false
	defer func() {
		if finished {
			tr.Done()
		} else {
			tr.Stop() // interrupted: the cursor says where the next run resumes
		}
	}()
	proc := &ingest.Processor{Pipeline: p, Metrics: metrics.New(prometheus.NewRegistry()), Source: "reprocess"}
	batch := o.Batch
	if batch <= 0 {
		batch = DefaultBatch
	}
	err = store.ScanOrdered(ctx, batch, func(as []*analyzer.Analysis) error {
		items := make([]ingest.Item, 0, len(as))
		for _, a := range as {
			if after.Covers(a) {
				p.Remember(a) // re-analyzed before: its verdict stands
				st.Resumed++
				tr.Add(1)
				continue
			}
			it, err := itemOf(a)
			if err != nil {
				return err
			}
			items = append(items, it)
		}
		if len(items) == 0 {
			return nil
		}
		proc.Sink = sink{store, indexer.CursorOf(as[len(as)-1])}
		if _, err := proc.Process(ctx, items); err != nil {
			return err
		}
		st.Reanalyzed += len(items)
		tr.Add(len(items))
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("reprocess: %w", err)
	}
	if o.BeforeFinish != nil {
		if err := o.BeforeFinish(ctx); err != nil {
			return st, fmt.Errorf("reprocess: %w", err)
		}
	}
	if err := store.FinishReprocess(ctx, target); err != nil {
		return st, fmt.Errorf("reprocess: record versions: %w", err)
	}
	finished = true
	st.Took = time.Since(start)
	log.Info("reprocessed", "postings", st.Postings, "reanalyzed", st.Reanalyzed, "resumed", st.Resumed,
		"took", st.Took.Round(time.Millisecond))
	return st, nil
}

// itemOf is a stored posting as the ingest path takes it: the posting as
// received, dated as it was (a posting without a date keeps the date it
// was given), from the Kafka position it came from.
func itemOf(a *analyzer.Analysis) (ingest.Item, error) {
	if a.Posting == nil {
		return ingest.Item{}, fmt.Errorf("posting %s is stored without the posting as received: it cannot be re-analyzed", a.Key)
	}
	it := ingest.Item{Record: posting.Record{Posting: a.Posting}, Origin: "reprocess"}
	if a.DateGuessed {
		it.Received = a.PostedAt
	}
	if a.Kafka != nil {
		it.Topic, it.Partition, it.Offset = a.Kafka.Topic, a.Kafka.Partition, a.Kafka.Offset
	}
	return it, nil
}

// sink writes a re-analyzed batch with the cursor of its last posting.
type sink struct {
	store indexer.Reprocessable
	after indexer.Cursor
}

func (s sink) Index(ctx context.Context, batch []*analyzer.Analysis) ([]indexer.Rejected, error) {
	return nil, s.store.WriteReprocessed(ctx, batch, s.after)
}
