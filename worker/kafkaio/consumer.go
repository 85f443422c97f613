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
	"strconv"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/analyzer/posting"
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
}

// Consumer runs the consume → analyze → index → commit loop.
type Consumer struct {
	cfg  ConsumerConfig
	proc *ingest.Processor
	m    *metrics.Metrics
	log  *slog.Logger
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
	return &Consumer{cfg: cfg, proc: proc, m: m, log: log}
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
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: c.cfg.Brokers, Topic: c.cfg.Topic, GroupID: c.cfg.GroupID,
		MinBytes: 1, MaxBytes: 10 << 20, MaxWait: 250 * time.Millisecond,
		QueueCapacity:  min(c.cfg.BatchSize, 1000),
		CommitInterval: 0, // synchronous: CommitMessages returns once Kafka has the offsets
		StartOffset:    kafka.FirstOffset,
		ErrorLogger: kafka.LoggerFunc(func(f string, a ...any) {
			c.log.Debug("kafka reader: "+fmt.Sprintf(f, a...), "member", member)
		}),
	})
	defer r.Close()

	// Stages: the fetcher fills and analyzes the next batch while up to
	// IndexConcurrency earlier ones are indexed; offsets are committed in
	// fetch order. The member holds at most its in-flight budget: the
	// batch being filled, the queue, one waiting for an indexing slot, and
	// those being indexed or awaiting their commit. When it is full,
	// fetching waits (back-pressure).
	n := c.cfg.IndexConcurrency
	budget := max(c.cfg.InFlight/c.cfg.Members, c.cfg.BatchSize) / c.cfg.BatchSize
	batches := make(chan batch, max(budget-n-3, 0))
	done := make(chan error, 1)
	go func() {
		done <- inOrder{
			n:      n,
			store:  c.store,
			commit: func(ctx context.Context, b batch) error { return c.commit(ctx, r, b) },
			// Stops the fetcher; the batches it still sends are drained
			// by run without being committed, and replay later.
			fail:    cancelProc,
			release: func(b batch) { c.m.InFlight.Sub(float64(len(b.msgs))) },
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
		m, err := r.FetchMessage(fctx)
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
			c.log.Warn("fetch failed, retrying", "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}
}

func (c *Consumer) add(b *batch, m kafka.Message, member string) {
	lag := m.HighWaterMark - m.Offset - 1
	part := strconv.Itoa(m.Partition)
	c.m.ConsumerLag.WithLabelValues(m.Topic, part).Set(float64(max(lag, 0)))
	c.m.MemberFetched.WithLabelValues(member, part).Inc()
	p, err := posting.Parse(m.Value)
	b.msgs = append(b.msgs, m)
	b.items = append(b.items, ingest.Item{
		Record: posting.Record{Raw: m.Value, Posting: p, Err: err},
		Origin: fmt.Sprintf("%s/%d/%d", m.Topic, m.Partition, m.Offset),
		Topic:  m.Topic, Partition: m.Partition, Offset: m.Offset, Received: m.Time,
	})
	c.m.InFlight.Add(1)
}

// store makes a batch durable, retrying until it is or ctx ends.
func (c *Consumer) store(ctx context.Context, b batch) error {
	return c.untilDone(ctx, "batch not finished before shutdown (it will be replayed)", len(b.msgs), func() error {
		_, err := c.proc.Store(ctx, b.prepared)
		return err
	})
}

// commit commits a durable batch's offsets, retrying until ctx ends.
func (c *Consumer) commit(ctx context.Context, r *kafka.Reader, b batch) error {
	return c.untilDone(ctx, "commit offsets (batch will be replayed, idempotently)", len(b.msgs), func() error {
		return r.CommitMessages(ctx, b.msgs...)
	})
}

// untilDone runs f every second until it succeeds, or until ctx ends,
// when it returns f's last error wrapped in giveUp. Elasticsearch retries
// its own items with backoff; what reaches here is a whole failed step.
func (c *Consumer) untilDone(ctx context.Context, giveUp string, messages int, f func() error) error {
	for {
		err := f()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", giveUp, err)
		}
		c.log.Warn("retrying", "what", giveUp, "err", err, "messages", messages)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}
