package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"
	"golang.org/x/sync/errgroup"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/internal/backoff"
	"github.com/skillpulse/skillpulse/worker/httpapi"
	"github.com/skillpulse/skillpulse/worker/ingest"
	"github.com/skillpulse/skillpulse/worker/jobs"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
	"github.com/skillpulse/skillpulse/worker/rollup"
)

// RunProduction consumes postings from Kafka into Elasticsearch, runs the
// rollup and retention jobs, and serves the API and /metrics, until ctx
// ends; then it drains, commits and returns. The API port is bound first;
// Elasticsearch and Kafka get startup_timeout to answer. Past start-up the
// components run in one errgroup: the first to fail stops the others and
// its error, naming what failed, is returned (the process exits non-zero).
func RunProduction(ctx context.Context, cfg config.Config, log *slog.Logger, ready chan<- string) error {
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
	reg, m := newMetrics()
	es, err := elastic.New(elastic.Config{URLs: cfg.Elasticsearch.URLs, Username: cfg.Elasticsearch.Username, Password: cfg.Elasticsearch.Password})
	if err != nil {
		return err
	}
	es.OnRetry = func(reason string, n int, cause error) {
		m.ESRetries.WithLabelValues(reason).Add(float64(n))
		log.Warn("elasticsearch write retried", "reason", reason, "documents", n, "err", cause)
	}
	idx := elastic.Indices{Prefix: cfg.Elasticsearch.IndexPrefix, RefreshInterval: cfg.Elasticsearch.RefreshInterval,
		Shards: cfg.Elasticsearch.Shards, Replicas: cfg.Elasticsearch.Replicas}
	if err := startup(ctx, cfg, log, fmt.Sprintf("install index templates on Elasticsearch %v", cfg.Elasticsearch.URLs),
		func(ctx context.Context) error { return es.EnsureTemplates(ctx, idx) }); err != nil {
		return err
	}
	if idx.Versions, err = checkVersions(ctx, cfg, log, es, idx, st); err != nil {
		return err
	}
	for _, t := range []string{cfg.Kafka.Topic, cfg.Kafka.DeadLetterTopic} {
		if err := startup(ctx, cfg, log, fmt.Sprintf("ensure topic %s on Kafka %v", t, cfg.Kafka.Brokers), func(ctx context.Context) error {
			return kafkaio.EnsureTopic(ctx, cfg.Kafka.Brokers, t, cfg.Kafka.Partitions, cfg.Kafka.ReplicationFactor, log)
		}); err != nil {
			return err
		}
	}
	records := &elastic.Records{Client: es, Indices: idx}
	dlq := kafkaio.NewDeadLetters(cfg.Kafka.Brokers, cfg.Kafka.DeadLetterTopic)
	defer dlq.Close()
	proc := &ingest.Processor{Pipeline: analyzer.New(st), Sink: &elastic.PostingSink{Client: es, Indices: idx},
		DeadLetter: dlq, Metrics: m, Source: "kafka",
		// Duplicate groups live in the detector's memory. Recalling each
		// partition key's recent postings (with the verdicts given then) on
		// first meeting it makes restarts, replays and partitions taken
		// over from another worker judge reposts as before.
		Recall: records}
	g, gctx := errgroup.WithContext(ctx)
	sched := jobs.New(gctx, m, log)
	every, err := interval(cfg.Schedule.Rollup)
	if err != nil {
		return fmt.Errorf("schedule.rollup: %w", err)
	}
	roll := &rollup.Job{Client: es, Indices: idx, Labels: skillLabels(st), Metrics: m, Log: log,
		// Postings taken just before a tick become searchable within a
		// refresh interval; a bulk request in flight takes a few seconds.
		Margin: 2*idx.RefreshIntervalOrDefault() + 30*time.Second,
		// The holder renews at every tick; half an interval of grace keeps
		// a tick that starts a little late from handing the lease over.
		Lease: &elastic.Lease{Client: es, Indices: idx, Name: "rollup", Owner: workerID(), TTL: every + every/2}}
	if err := sched.Add(jobs.Job{Name: "rollup", Spec: cfg.Schedule.Rollup, Run: roll.Run}); err != nil {
		return err
	}
	if err := sched.Add(jobs.Job{Name: "rebuild", Spec: cfg.Schedule.Rebuild, Run: roll.RunRebuild}); err != nil {
		return err
	}
	if err := sched.Add(jobs.Job{Name: "retention", Spec: cfg.Schedule.Retention, Run: func(ctx context.Context) error {
		dropped, err := es.DropOldPostings(ctx, idx, cfg.Elasticsearch.RetentionMonths, time.Now())
		if len(dropped) > 0 {
			log.Info("retention dropped indices", "indices", dropped)
		}
		return err
	}}); err != nil {
		return err
	}
	sched.Start()
	defer sched.Stop(context.WithoutCancel(ctx))
	// Cells for what arrived while no worker ran: a lease held elsewhere
	// makes this a no-op.
	go func() {
		if err := sched.RunNow(gctx, "rollup"); err != nil && gctx.Err() == nil {
			log.Warn("rollup at start-up failed; the schedule retries", "err", err)
		}
	}()

	consumer := kafkaio.NewConsumer(kafkaio.ConsumerConfig{Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topic,
		GroupID: cfg.Kafka.GroupID, BatchSize: cfg.Kafka.BatchSize, BatchTimeout: cfg.Kafka.BatchTimeout,
		InFlight: cfg.Kafka.InFlight, Members: cfg.Kafka.Members, IndexConcurrency: cfg.Kafka.IndexConcurrency,
		MaxPostingBytes: cfg.MaxPostingBytes, StallAfter: cfg.Kafka.StallAfter}, proc, m, log)
	cells := &elastic.CellStore{Client: es, Indices: idx}
	checks := []httpapi.Check{
		{Name: "elasticsearch", Run: func(ctx context.Context) error {
			if err := es.Ping(ctx); err != nil {
				return fmt.Errorf("%v: %w", cfg.Elasticsearch.URLs, err)
			}
			return nil
		}},
		// The consumer's own view: the lag watcher reaching the broker,
		// and no batch stuck past stall_after.
		{Name: "consumer", Run: func(context.Context) error { return consumer.Ready() }},
	}
	g.Go(func() error { return serve(gctx, cfg, st, cells.Reader(), cells, reg, log, ln, ready, checks...) })
	g.Go(func() error {
		if err := consumer.Run(gctx); err != nil {
			return fmt.Errorf("consume %s from Kafka %v: %w", cfg.Kafka.Topic, cfg.Kafka.Brokers, err)
		}
		return nil
	})
	return g.Wait()
}

// startup runs f until it succeeds, ctx ends or cfg.StartupTimeout passes:
// at start-up Kafka or Elasticsearch may still be coming up, but one that
// never answers must stop the process, naming what it tried.
func startup(ctx context.Context, cfg config.Config, log *slog.Logger, what string, f func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, cfg.StartupTimeout)
	defer cancel()
	err := backoff.Default.Retry(ctx, func() error { return f(ctx) }, func(attempt int, err error, wait time.Duration) {
		log.Warn(what+" failed, retrying", "attempt", attempt, "in", wait.Round(time.Millisecond), "err", err)
	})
	if err != nil {
		return fmt.Errorf("%s: gave up after %v: %w", what, cfg.StartupTimeout, err)
	}
	return nil
}

// workerGCPercent is the default GOGC of both modes. They allocate fast
// (every posting is parsed, analyzed and encoded) over a small live heap,
// so at Go's default of 100 the collector takes a tenth of the CPU, which
// on a shared host comes out of Elasticsearch's. 400 cut the worker's CPU
// per posting by about a tenth in the end-to-end benchmark, and embedded
// ingest of 200,000 postings took 27 s instead of 35 s.
const workerGCPercent = 400

// softMemoryLimit keeps that headroom from growing with the live heap: at
// 200,000 embedded postings GOGC=400 alone peaked at 1.7 GB of heap.
// Near the limit the collector runs more often instead.
const softMemoryLimit = 1 << 30

// tuneGC applies workerGCPercent and softMemoryLimit unless GOGC or
// GOMEMLIMIT are set.
func tuneGC(log *slog.Logger) {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(workerGCPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	log.Debug("garbage collector tuned", "gogc", workerGCPercent, "memory_limit", softMemoryLimit)
}

// interval is the time between two runs of a cron spec: the rollup lease
// lasts one and a half, so a worker that dies is replaced by the first tick
// of another after that.
func interval(spec string) (time.Duration, error) {
	sch, err := cron.ParseStandard(spec)
	if err != nil {
		return 0, err
	}
	t := sch.Next(time.Now())
	return sch.Next(t).Sub(t), nil
}

// workers numbers the workers this process runs (tests run several).
var workers atomic.Int64

// workerID names one worker for the lease: host, pid and the worker's
// number in the process, so two workers of one process never share it.
func workerID() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d/%d", host, os.Getpid(), workers.Add(1))
}

// skillLabels names skill ids from the taxonomy the worker extracts with.
func skillLabels(st analyzer.Stages) elastic.Labels {
	tax := st.Extractor.Taxonomy()
	return func(id string) (string, string) {
		if e, ok := tax.Lookup(id); ok {
			return e.Label, string(e.Type)
		}
		return "", ""
	}
}

// checkVersions refuses indices holding postings of other analysis
// versions than the stages' (retrying only while Elasticsearch does not
// answer), and returns the stages' versions.
func checkVersions(ctx context.Context, cfg config.Config, log *slog.Logger, es *elastic.Client, idx elastic.Indices, st analyzer.Stages) (analyzer.Versions, error) {
	v := analyzer.StageVersions(st)
	var refused error
	err := startup(ctx, cfg, log, fmt.Sprintf("check analysis versions on Elasticsearch %v", cfg.Elasticsearch.URLs), func(ctx context.Context) error {
		err := es.CheckVersions(ctx, idx, v)
		if vm := (*analyzer.VersionMismatch)(nil); errors.As(err, &vm) {
			refused = err
			return nil
		}
		return err
	})
	if refused != nil {
		return v, refused
	}
	return v, err
}
