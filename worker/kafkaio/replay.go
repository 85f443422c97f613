package kafkaio

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/internal/backoff"
	"github.com/skillpulse/skillpulse/worker/ingest"
)

// HeaderReplayOf marks a replayed posting with the dead letter it came
// from ("topic/partition/offset"), so a posting failing again can be
// traced back.
const HeaderReplayOf = "skillpulse.replay.of"

// ReplayConfig configures one replay of the dead-letter topic.
type ReplayConfig struct {
	Brokers         []string
	DeadLetterTopic string
	// GroupID is the replay's own consumer group: its committed offsets
	// are how far earlier replays got.
	GroupID string
	// Topic receives entries whose dead letter names no original topic.
	Topic string
	// Classes, when set, limits the replay to these error classes
	// ("rejected_by_index", ...); the others are skipped and committed.
	Classes []string
	// DryRun reads and reports what would be replayed; it publishes and
	// commits nothing.
	DryRun    bool
	BatchSize int // entries published, then committed, at once; zero means 500
	// IdleTimeout bounds the wait for the next entry before the end is
	// reached (another member of the group may hold the partitions);
	// zero means 30 s.
	IdleTimeout time.Duration
	Log         *slog.Logger
	// Each, when set, is called with every entry once it is settled
	// (published and committed; in a dry run, read).
	Each func(ingest.ReplayEntry)
	// Progress, when set, is called with the number of entries settled.
	Progress func(n int)
}

// ReplayPlan is what a replay has in front of it: the entries between the
// group's committed offsets and the topic's end when the replay starts.
type ReplayPlan struct {
	Pending int
	// end is, per partition with entries pending, the offset after the
	// last one to replay.
	end map[int]int64
}

// PlanReplay reads how many dead letters the group has not replayed yet.
// Entries written after this are left to the next replay.
func PlanReplay(ctx context.Context, cfg ReplayConfig) (ReplayPlan, error) {
	client := &kafka.Client{Addr: kafka.TCP(cfg.Brokers...), Timeout: 30 * time.Second}
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{cfg.DeadLetterTopic}})
	if err == nil && len(meta.Topics) != 1 {
		err = fmt.Errorf("metadata names %d topics", len(meta.Topics))
	}
	if err == nil {
		err = meta.Topics[0].Error
	}
	if errors.Is(err, kafka.UnknownTopicOrPartition) {
		return ReplayPlan{}, fmt.Errorf("dead-letter topic %s does not exist: nothing was dead-lettered there (is kafka.dead_letter_topic right?)", cfg.DeadLetterTopic)
	}
	if err != nil {
		return ReplayPlan{}, fmt.Errorf("read dead-letter topic %s: %w", cfg.DeadLetterTopic, err)
	}
	var parts []int
	for _, p := range meta.Topics[0].Partitions {
		parts = append(parts, p.ID)
	}
	slices.Sort(parts)
	first, err := listOffsets(ctx, client, cfg.DeadLetterTopic, parts, kafka.FirstOffsetOf)
	if err != nil {
		return ReplayPlan{}, err
	}
	last, err := listOffsets(ctx, client, cfg.DeadLetterTopic, parts, kafka.LastOffsetOf)
	if err != nil {
		return ReplayPlan{}, err
	}
	committed, err := committedOffsets(ctx, client, cfg.GroupID, cfg.DeadLetterTopic, parts, cfg.Log)
	if err != nil {
		return ReplayPlan{}, err
	}
	plan := ReplayPlan{end: map[int]int64{}}
	for _, p := range parts {
		// Below the log start (retention deleted it) the group resumes at
		// the first offset, as the reader's StartOffset says.
		from := first[p]
		if c, ok := committed[p]; ok && c > from {
			from = c
		}
		if last[p] > from {
			plan.end[p] = last[p]
			plan.Pending += int(last[p] - from)
		}
	}
	return plan, nil
}

// committedOffsets reads group's next offset per partition; a partition
// the group never committed is absent. A group's coordinator can be
// briefly unknown or loading (a new group, a broker just started): that
// is retried a few times.
func committedOffsets(ctx context.Context, client *kafka.Client, group, topic string, parts []int, log *slog.Logger) (map[int]int64, error) {
	var res *kafka.OffsetFetchResponse
	// About a minute of the policy's waits (eight attempts).
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	err := backoff.Default.Retry(ctx, func() error {
		var err error
		res, err = client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: parts}})
		if err == nil {
			err = res.Error
		}
		if err != nil && !errors.Is(err, kafka.NotCoordinatorForGroup) && !errors.Is(err, kafka.GroupCoordinatorNotAvailable) &&
			!errors.Is(err, kafka.GroupLoadInProgress) {
			return backoff.Permanent(err)
		}
		return err
	}, func(attempt int, err error, wait time.Duration) {
		if log != nil {
			log.Warn("retrying", "what", "fetch committed offsets", "group", group, "attempt", attempt, "in", wait.Round(time.Millisecond), "err", err)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("fetch committed offsets of group %s: %w", group, err)
	}
	out := map[int]int64{}
	for _, p := range res.Topics[topic] {
		if p.Error == nil && p.CommittedOffset >= 0 {
			out[p.Partition] = p.CommittedOffset
		}
	}
	return out, nil
}

func listOffsets(ctx context.Context, client *kafka.Client, topic string, parts []int, of func(int) kafka.OffsetRequest) (map[int]int64, error) {
	reqs := make([]kafka.OffsetRequest, len(parts))
	for i, p := range parts {
		reqs[i] = of(p)
	}
	res, err := client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	if err != nil {
		return nil, fmt.Errorf("list offsets of %s: %w", topic, err)
	}
	out := map[int]int64{}
	for _, po := range res.Topics[topic] {
		if po.Error != nil {
			return nil, fmt.Errorf("list offsets of %s/%d: %w", topic, po.Partition, po.Error)
		}
		out[po.Partition] = max(po.FirstOffset, po.LastOffset) // the one asked for; the other is -1
	}
	return out, nil
}

// Replay re-publishes the dead letters of cfg.DeadLetterTopic to the
// topics they came from, keyed as Publish keys postings, and stops at the
// topic's end as of the start (plan, from PlanReplay). Each batch's
// dead-letter offsets are committed only once its postings are
// acknowledged by all in-sync replicas, so a replay that fails midway
// resumes where it stopped and a finished one leaves nothing to publish:
// running it again publishes nothing. A crash between the two replays
// that batch again, which is harmless: document ids are the postings'
// own, so a posting indexed twice is one document.
//
// Entries whose value was truncated (an oversized posting) cannot be
// replayed: they are skipped, committed and named in the summary, as are
// entries of classes not asked for. A replay limited to some classes
// should therefore run as a group of its own (the CLI names one per class
// set), or it would commit past the entries a later replay wants.
func Replay(ctx context.Context, cfg ReplayConfig, plan ReplayPlan) (ingest.ReplaySummary, error) {
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 500
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 30 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	sum := ingest.ReplaySummary{ByClass: map[string]int{}, DryRun: cfg.DryRun}
	if cfg.Topic == "" {
		return sum, errors.New("replay: no topic for dead letters that name none")
	}
	if plan.Pending == 0 {
		return sum, nil
	}
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: cfg.Brokers, Topic: cfg.DeadLetterTopic, GroupID: cfg.GroupID,
		MinBytes: 1, MaxBytes: 10 << 20, MaxWait: 250 * time.Millisecond,
		CommitInterval: 0, // synchronous: CommitMessages returns once Kafka has the offsets
		StartOffset:    kafka.FirstOffset,
		ErrorLogger: kafka.LoggerFunc(func(f string, a ...any) {
			cfg.Log.Warn("kafka reader: " + fmt.Sprintf(f, a...))
		}),
	})
	defer r.Close()
	var w *kafka.Writer
	if !cfg.DryRun {
		// Hash, as Publish: a replayed posting lands on the partition
		// that holds its employer's other postings. A topic that no
		// longer exists is an error, not a new one-partition topic.
		w = &kafka.Writer{Addr: kafka.TCP(cfg.Brokers...), RequiredAcks: kafka.RequireAll, Balancer: &kafka.Hash{},
			BatchSize: cfg.BatchSize, BatchBytes: deadLetterBatchBytes, BatchTimeout: 10 * time.Millisecond}
		defer w.Close()
	}
	rp := replayer{cfg: cfg, r: r, w: w, sum: &sum, left: map[int]int64{}}
	for p, end := range plan.end {
		rp.left[p] = end
	}
	return sum, rp.run(ctx)
}

type replayer struct {
	cfg ReplayConfig
	r   *kafka.Reader
	w   *kafka.Writer
	sum *ingest.ReplaySummary
	// left holds the end offset of each partition not replayed to its end.
	left  map[int]int64
	batch []kafka.Message
}

func (rp *replayer) run(ctx context.Context) error {
	for len(rp.left) > 0 {
		// With a batch held, a short wait: what has arrived is settled
		// rather than held while a partition is quiet.
		wait := rp.cfg.IdleTimeout
		if len(rp.batch) > 0 {
			wait = 500 * time.Millisecond
		}
		fctx, cancel := context.WithTimeout(ctx, wait)
		m, err := rp.r.FetchMessage(fctx)
		cancel()
		switch {
		case err == nil:
			end, pending := rp.left[m.Partition]
			if !pending || m.Offset >= end {
				continue // written after the replay started: the next replay's
			}
			rp.batch = append(rp.batch, m)
			if m.Offset == end-1 {
				delete(rp.left, m.Partition)
			}
			if len(rp.batch) >= rp.cfg.BatchSize {
				if err := rp.flush(ctx); err != nil {
					return err
				}
			}
		case ctx.Err() != nil:
			return fmt.Errorf("replay stopped (%d entries replayed, the rest left for the next replay): %w", rp.sum.Replayed, ctx.Err())
		case errors.Is(err, context.DeadlineExceeded) && len(rp.batch) > 0:
			if err := rp.flush(ctx); err != nil {
				return err
			}
		case errors.Is(err, context.DeadlineExceeded):
			return fmt.Errorf("no dead letter for %v from partitions %v of %s before their end: another member of group %s may hold them",
				rp.cfg.IdleTimeout, slices.Sorted(maps.Keys(rp.left)), rp.cfg.DeadLetterTopic, rp.cfg.GroupID)
		default:
			return fmt.Errorf("read dead letters: %w", err)
		}
	}
	return rp.flush(ctx)
}

// flush publishes the batch's replayable entries, then commits the whole
// batch: skipped entries are settled too, never to be read again by this
// group.
func (rp *replayer) flush(ctx context.Context) error {
	if len(rp.batch) == 0 {
		return nil
	}
	entries := make([]ingest.ReplayEntry, len(rp.batch))
	var out []kafka.Message
	for i, m := range rp.batch {
		e, msg := rp.decide(m)
		entries[i] = e
		if msg != nil {
			out = append(out, *msg)
		}
	}
	if !rp.cfg.DryRun {
		if len(out) > 0 {
			if err := rp.w.WriteMessages(ctx, out...); err != nil {
				return fmt.Errorf("republish %d dead letters (not committed: the next replay retries them): %w", len(out), err)
			}
		}
		if err := rp.r.CommitMessages(ctx, rp.batch...); err != nil {
			return fmt.Errorf("commit %d replayed dead letters (published; the next replay publishes them again, idempotently): %w", len(rp.batch), err)
		}
	}
	for _, e := range entries {
		rp.sum.Count(e)
		if e.Action == ingest.ReplaySkippedTruncated {
			rp.cfg.Log.Warn("dead letter truncated: cannot be replayed", "dead_letter", e.From, "origin", e.Origin,
				"class", e.Class, "size", e.Size)
		}
		if rp.cfg.Each != nil {
			rp.cfg.Each(e)
		}
	}
	if rp.cfg.Progress != nil {
		rp.cfg.Progress(len(rp.batch))
	}
	rp.batch = rp.batch[:0]
	return nil
}

// decide says what becomes of one dead letter, and the message to
// publish when it is replayed.
func (rp *replayer) decide(m kafka.Message) (ingest.ReplayEntry, *kafka.Message) {
	from := fmt.Sprintf("%s/%d/%d", m.Topic, m.Partition, m.Offset)
	target := header(m, HeaderTopic)
	if target == "" {
		target = rp.cfg.Topic
	}
	size, err := strconv.Atoi(header(m, HeaderSize))
	if err != nil {
		size = len(m.Value)
	}
	// The dead letter's key is the origin the worker named it by.
	e := ingest.ReplayEntry{From: from, Origin: string(m.Key), Class: header(m, HeaderClass), Size: size, Target: target}
	if e.Origin == "" {
		e.Origin = fmt.Sprintf("%s/%s/%s", header(m, HeaderTopic), header(m, HeaderPartition), header(m, HeaderOffset))
	}
	switch {
	case header(m, HeaderTruncated) == "true" || size > len(m.Value):
		e.Action = ingest.ReplaySkippedTruncated
		return e, nil
	case !ingest.ClassWanted(rp.cfg.Classes, e.Class):
		e.Action = ingest.ReplaySkippedClass
		return e, nil
	}
	key := m.Key
	if p, err := posting.Parse(m.Value); err == nil {
		key = []byte(repost.PartitionKey(p.Employer, p.Title))
	}
	e.Key = string(key)
	e.Action = ingest.ReplayReplayed
	if rp.cfg.DryRun {
		e.Action = ingest.ReplayWouldReplay
	}
	return e, &kafka.Message{Topic: target, Key: key, Value: m.Value,
		Headers: []kafka.Header{{Key: HeaderReplayOf, Value: []byte(from)}}}
}

// header is the value of m's header key, or "".
func header(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
