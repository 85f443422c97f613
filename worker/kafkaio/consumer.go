// Package kafkaio is the production source: a kafka-go consumer group that
// feeds the shared ingest.Processor, a dead-letter producer and a
// publisher for backfills. Offsets are committed only after a batch is
// durably indexed or dead-lettered, so a crash, a rebalance or an outage
// replays work (idempotently: document ids are deterministic) but never
// loses it.
package kafkaio

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/semaphore"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/internal/backoff"
	"github.com/skillpulse/skillpulse/worker/ingest"
	"github.com/skillpulse/skillpulse/worker/metrics"
)

// ConsumerConfig configures the consumer group.
type ConsumerConfig struct {
	Brokers      []string
	Topic        string
	GroupID      string
	BatchSize    int
	BatchTimeout time.Duration
	// InFlight bounds messages fetched but not committed: at most this
	// many are held while a batch waits on Elasticsearch. The members
	// share it.
	InFlight int
	// Members is how many consumer-group members this process runs; the
	// group gives each a share of the partitions. Zero means 1.
	Members int
	// IndexConcurrency is how many batches a member indexes at once.
	// Zero means 2.
	IndexConcurrency int
	// DrainTimeout bounds the flush of in-flight batches after shutdown.
	DrainTimeout time.Duration
	// MaxPostingBytes: a larger message is dead-lettered (truncated)
	// without being parsed. Zero means 1 MiB.
	MaxPostingBytes int
	// StallAfter is how long a batch may keep failing to be finished
	// (its dead letters written, its offsets committed) before the
	// consumer reports itself stalled: an Error log, the
	// partition_stalled metric and /readyz. Zero means 30 s.
	StallAfter time.Duration
	// LagInterval is how often the lag of the partitions assigned to
	// this process is read from the broker. Zero means 5 s.
	LagInterval time.Duration
	// Retry is the wait between attempts of a failed step; zero means
	// backoff.Default.
	Retry backoff.Policy
}

// Consumer runs the consume → analyze → index → commit loop.
type Consumer struct {
	cfg  ConsumerConfig
	proc *ingest.Processor
	m    *metrics.Metrics
	log  *slog.Logger
	// budget holds one token per message in flight: fetching waits for a
	// token, a settled batch returns its tokens. in_flight_postings
	// reaches in_flight_budget_postings exactly when fetching is paused.
	budget *semaphore.Weighted
	health health
	// client names this process's members to the group coordinator, so
	// the lag watcher finds their assignments.
	client string
}

// NewConsumer wires a consumer to a processor.
func NewConsumer(cfg ConsumerConfig, proc *ingest.Processor, m *metrics.Metrics, log *slog.Logger) *Consumer {
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 500
	}
	if cfg.BatchTimeout <= 0 {
		cfg.BatchTimeout = time.Second
	}
	if cfg.Members <= 0 {
		cfg.Members = 1
	}
	if cfg.IndexConcurrency <= 0 {
		cfg.IndexConcurrency = 2
	}
	if cfg.InFlight < cfg.BatchSize {
		cfg.InFlight = 2 * cfg.BatchSize
	}
	if cfg.DrainTimeout <= 0 {
		cfg.DrainTimeout = 30 * time.Second
	}
	if cfg.MaxPostingBytes <= 0 {
		cfg.MaxPostingBytes = 1 << 20
	}
	if cfg.StallAfter <= 0 {
		cfg.StallAfter = 30 * time.Second
	}
	if cfg.LagInterval <= 0 {
		cfg.LagInterval = 5 * time.Second
	}
	if cfg.Retry.Min <= 0 {
		cfg.Retry = backoff.Default
	}
	host, _ := os.Hostname()
	return &Consumer{cfg: cfg, proc: proc, m: m, log: log, budget: semaphore.NewWeighted(int64(cfg.InFlight)),
		client: fmt.Sprintf("skillpulse-%s-%d-%p", host, os.Getpid(), proc)}
}

type batch struct {
	msgs     []kafka.Message
	items    []ingest.Item
	prepared *ingest.Prepared
}

// Run consumes until ctx ends, then stops fetching, finishes the batches it
// holds (indexing, dead-lettering, committing) within DrainTimeout and
// returns. Run returns an error only for failures it cannot ride out.
//
// It runs Members group members side by side: the group spreads the
// topic's partitions over them, and each runs its own fetch → analyze →
// index → commit pipeline, so partitions are analyzed and indexed in
// parallel while each partition stays in order.
func (c *Consumer) Run(ctx context.Context) error {
	c.m.InFlightBudget.Set(float64(c.cfg.InFlight))
	// Processing outlives ctx by DrainTimeout so SIGTERM flushes what was
	// fetched instead of abandoning it.
	procCtx, cancelProc := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelProc()
	stopDrain := context.AfterFunc(ctx, func() {
		time.AfterFunc(c.cfg.DrainTimeout, cancelProc)
	})
	defer stopDrain()

	errs := make([]error, c.cfg.Members)
	var wg sync.WaitGroup
	for i := range c.cfg.Members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c.runMember(ctx, procCtx, cancelProc, strconv.Itoa(i))
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// runMember is one group member's pipeline, with its share of the
// in-flight budget.
func (c *Consumer) runMember(ctx, procCtx context.Context, cancelProc context.CancelFunc, member string) error {
	clientID := c.client + "-" + member
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: c.cfg.Brokers, Topic: c.cfg.Topic, GroupID: c.cfg.GroupID,
		Dialer:   &kafka.Dialer{ClientID: clientID, Timeout: 10 * time.Second, DualStack: true},
		MinBytes: 1, MaxBytes: max(10<<20, 2*c.cfg.MaxPostingBytes), MaxWait: 250 * time.Millisecond,
		QueueCapacity:  min(c.cfg.BatchSize, 1000),
		CommitInterval: 0, // synchronous: CommitMessages returns once Kafka has the offsets
		// A member that dies without leaving (SIGKILL, a lost host) holds
		// its partitions until its session expires: kafka-go's 30 s
		// default left them unread that long; 10 s (heartbeats every 3 s)
		// still rides out a long GC pause or a slow network.
		SessionTimeout: 10 * time.Second, HeartbeatInterval: 3 * time.Second,
		StartOffset: kafka.FirstOffset,
		// Connection, rebalance and commit errors: an operator must see
		// them (kafka-go retries them itself).
		ErrorLogger: kafka.LoggerFunc(func(f string, a ...any) {
			c.log.Warn("kafka reader: "+fmt.Sprintf(f, a...), "member", member)
		}),
	})
	defer r.Close()
	lagCtx, stopLag := context.WithCancel(ctx)
	defer stopLag()
	go c.watchLag(lagCtx, clientID, member)

	// Stages: the fetcher fills and analyzes the next batch while up to
	// IndexConcurrency earlier ones are indexed; offsets are committed in
	// fetch order. The in-flight budget (tokens per message, shared by
	// the members) bounds what is held; when it is spent, fetching waits
	// (back-pressure). The queue never blocks before the budget does.
	n := c.cfg.IndexConcurrency
	batches := make(chan batch, c.cfg.InFlight/c.cfg.BatchSize+1)
	done := make(chan error, 1)
	go func() {
		done <- inOrder{
			n:      n,
			store:  c.store,
			commit: func(ctx context.Context, b batch) error { return c.commit(ctx, r, b) },
			// Stops the fetcher; the batches it still sends are drained
			// by run without being committed, and replay later.
			fail:    cancelProc,
			release: func(b batch) { c.release(len(b.msgs)) },
		}.run(procCtx, batches)
	}()
	fetchErr := c.fetchLoop(ctx, procCtx, r, batches, member)
	close(batches)
	if err := <-done; err != nil {
		return fmt.Errorf("member %s: %w", member, err)
	}
	if fetchErr != nil && !errors.Is(fetchErr, context.Canceled) {
		return fmt.Errorf("member %s: %w", member, fetchErr)
	}
	return nil
}

func (c *Consumer) fetchLoop(ctx, procCtx context.Context, r *kafka.Reader, out chan<- batch, member string) error {
	var cur batch
	deadline := time.Now().Add(c.cfg.BatchTimeout)
	send := func() bool {
		if len(cur.msgs) == 0 {
			return true
		}
		// Analysis happens here, overlapping the previous batch's indexing.
		prepared, err := c.proc.Prepare(procCtx, cur.items)
		if err != nil {
			return false // shutting down: the batch is not committed and replays
		}
		cur.prepared = prepared
		select {
		case out <- cur:
		case <-procCtx.Done():
			return false
		}
		cur = batch{}
		return true
	}
	for {
		fctx, cancel := context.WithDeadline(ctx, deadline)
		err := c.budget.Acquire(fctx, 1) // waits while the budget is spent
		var m kafka.Message
		if err == nil {
			if m, err = r.FetchMessage(fctx); err != nil {
				c.budget.Release(1)
			}
		}
		cancel()
		switch {
		case err == nil:
			c.add(&cur, m, member)
			if len(cur.msgs) >= c.cfg.BatchSize {
				if !send() {
					return procCtx.Err()
				}
				deadline = time.Now().Add(c.cfg.BatchTimeout)
			}
		case ctx.Err() != nil:
			send() // flush the partial batch on shutdown
			return ctx.Err()
		case errors.Is(err, context.DeadlineExceeded):
			if !send() {
				return procCtx.Err()
			}
			deadline = time.Now().Add(c.cfg.BatchTimeout)
		default:
			// Broker unreachable or rebalancing: kafka-go reconnects; wait a
			// little and keep what we hold.
			c.log.Warn("fetch failed, retrying", "member", member, "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}
}

// add puts a fetched message in the batch. Consumed counts here, at
// fetch: while indexing is stuck, consumed still moves and processed
// does not, which is what SkillpulseNoPostingsProcessed looks for.
func (c *Consumer) add(b *batch, m kafka.Message, member string) {
	c.m.Consumed.WithLabelValues(c.proc.Source).Inc()
	c.m.MemberFetched.WithLabelValues(member, strconv.Itoa(m.Partition)).Inc()
	var p *posting.Posting
	var err error
	if len(m.Value) > c.cfg.MaxPostingBytes {
		err = &ingest.TooLargeError{Size: len(m.Value), Limit: c.cfg.MaxPostingBytes}
		c.log.Warn("posting too large: dead-lettered without analysis", "topic", m.Topic, "partition", m.Partition,
			"offset", m.Offset, "bytes", len(m.Value), "max_posting_bytes", c.cfg.MaxPostingBytes)
	} else {
		p, err = posting.Parse(m.Value)
	}
	b.msgs = append(b.msgs, m)
	b.items = append(b.items, ingest.Item{
		Record: posting.Record{Raw: m.Value, Posting: p, Err: err},
		Origin: fmt.Sprintf("%s/%d/%d", m.Topic, m.Partition, m.Offset),
		Topic:  m.Topic, Partition: m.Partition, Offset: m.Offset, Received: m.Time,
	})
	c.m.InFlight.Add(1)
}

// release returns a settled batch's budget.
func (c *Consumer) release(n int) {
	c.m.InFlight.Sub(float64(n))
	c.budget.Release(int64(n))
}

// store makes a batch durable, retrying until it is or ctx ends. Once its
// postings are indexed, only its dead letters are retried.
func (c *Consumer) store(ctx context.Context, b batch) error {
	return c.untilDone(ctx, "store batch", b, func() error {
		_, err := c.proc.Store(ctx, b.prepared)
		return err
	})
}

// commit commits a durable batch's offsets, retrying until ctx ends.
func (c *Consumer) commit(ctx context.Context, r *kafka.Reader, b batch) error {
	return c.untilDone(ctx, "commit offsets", b, func() error {
		return r.CommitMessages(ctx, b.msgs...)
	})
}

// untilDone runs f with the retry policy until it succeeds or ctx ends,
// when it returns f's last error: the batch is not committed and replays.
// Every retry is logged at Warn with its cause. A step unfinished after
// StallAfter (Elasticsearch down, dead letters or commits failing) stalls
// the batch's partitions loudly: one Error log with the cause,
// partition_stalled set to 1 and /readyz answering 503, until it
// succeeds. Only the failing step is retried: a batch whose postings are
// indexed is not indexed again while its dead letters are retried.
func (c *Consumer) untilDone(ctx context.Context, what string, b batch, f func() error) error {
	start := time.Now()
	key := fmt.Sprintf("%s %p", what, &b.msgs[0])
	parts := partitionsOf(b.msgs)
	var mu sync.Mutex
	var last error
	stalled := false
	timer := time.AfterFunc(c.cfg.StallAfter, func() {
		mu.Lock()
		defer mu.Unlock()
		stalled = true
		cause := last
		if cause == nil {
			cause = errors.New("still in progress (Elasticsearch retrying)")
		}
		c.health.set(key, fmt.Errorf("%s for partitions %v unfinished after %v: %w", what, parts, c.cfg.StallAfter, cause))
		for _, p := range parts {
			c.m.PartitionStalled.WithLabelValues(c.cfg.Topic, p).Set(1)
		}
		c.log.Error("partitions stalled: nothing after this batch is committed until it finishes",
			"what", what, "partitions", parts, "since", start, "err", cause)
	})
	defer func() {
		timer.Stop()
		mu.Lock()
		defer mu.Unlock()
		if stalled {
			c.health.clear(key)
			for _, p := range parts {
				c.m.PartitionStalled.WithLabelValues(c.cfg.Topic, p).Set(0)
			}
			c.log.Info("stalled batch finished; partitions resume", "what", what, "partitions", parts, "stalled_for", time.Since(start).Round(time.Millisecond))
		}
	}()
	err := c.cfg.Retry.Retry(ctx, f, func(attempt int, err error, wait time.Duration) {
		mu.Lock()
		last = err
		mu.Unlock()
		c.log.Warn("retrying", "what", what, "attempt", attempt, "in", wait.Round(time.Millisecond), "err", err,
			"messages", len(b.msgs), "partitions", parts)
	})
	if err != nil {
		return fmt.Errorf("%s (batch will be replayed, idempotently): %w", what, err)
	}
	return nil
}

// partitionsOf lists the partitions of msgs, in order of first appearance.
func partitionsOf(msgs []kafka.Message) []string {
	var out []string
	for _, m := range msgs {
		if p := strconv.Itoa(m.Partition); !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// Ready is nil while the consumer makes progress, else what is stuck.
func (c *Consumer) Ready() error { return c.health.err() }
