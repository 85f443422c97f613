// Package ingest turns batches of input records into durably indexed
// analyses. The file reader of the embedded default and the Kafka worker
// both go through Processor, so outcomes and metrics mean the same thing
// on either path.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/worker/metrics"
)

// DeadLetter records input that cannot be processed, with the reason.
type DeadLetter struct {
	Raw    []byte
	Class  string // error class: "invalid_json", "validation", "too_large", "rejected_by_index"
	Field  string // offending field, when known
	Reason string
	// Size is the original record's length in bytes: a sink may store
	// Raw truncated (an oversized posting does not fit a dead-letter
	// message), and Size says how much there was.
	Size int
	// Truncated: Raw is only the start of the record (the reader cut a
	// line too long to buffer), so it can never be replayed.
	Truncated bool
	Origin    string // where it came from: "file.jsonl:12" or "topic/partition/offset"
	// Kafka coordinates of the original message (zero for files).
	Topic     string
	Partition int
	Offset    int64
}

// ErrDeadLetter marks a batch whose dead letters could not be written:
// its postings are indexed, and only the dead-letter write is retried.
var ErrDeadLetter = errors.New("dead-letter write failed")

// TooLargeError is the error of a record larger than the configured
// max_posting_bytes: it is dead-lettered without being parsed.
type TooLargeError struct{ Size, Limit int }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("posting of %d bytes exceeds max_posting_bytes (%d)", e.Size, e.Limit)
}

// DeadLetterSink durably stores dead letters.
type DeadLetterSink interface {
	DeadLetter(ctx context.Context, dl []DeadLetter) error
}

// Recaller finds the postings indexed from a Kafka partition (by any
// worker) at offsets below before, analyzed since a time. The bound keeps
// a replay from meeting its own later postings: after a partial write, the
// later reposts already indexed must not become the originals.
type Recaller interface {
	Recall(ctx context.Context, topic string, partition int, before int64, since time.Time, fn func(*analyzer.Analysis)) error
}

// Processor analyzes and indexes batches.
type Processor struct {
	Pipeline   *analyzer.Pipeline
	Sink       indexer.Sink
	DeadLetter DeadLetterSink
	Metrics    *metrics.Metrics
	Source     string // metric label: "file" or "kafka"
	// Recall, when set, is asked for the recent postings of each Kafka
	// partition the first time this process consumes from it, before
	// duplicates in it are judged. Producers key postings so that those
	// that could repeat one another share a partition
	// (repost.PartitionKey); a worker that takes a partition over, at
	// start-up or after a rebalance, must know what was analyzed from it
	// to judge reposts as its previous owner would have.
	Recall Recaller
	// MaxBytes, when positive, bounds one file record: a longer one is
	// dead-lettered as too_large without being analyzed (the Kafka
	// consumer applies the same bound to messages).
	MaxBytes int

	mu   sync.Mutex
	next map[partition]int64 // per Kafka partition: the offset after the last one consumed here
}

// Item is one input record and where it came from.
type Item struct {
	Record    posting.Record
	Origin    string
	Topic     string // Kafka coordinates, when from Kafka
	Partition int
	Offset    int64
	// Received dates postings that carry no date of their own (Kafka
	// message time); zero means now.
	Received time.Time
}

// Prepared is an analyzed batch waiting to be stored.
type Prepared struct {
	items []Item
	batch []*analyzer.Analysis
	dead  []DeadLetter
	// indexed is set once the batch's postings are durable: a Store
	// called again (its dead letters failed) does not index them again.
	indexed bool
}

// Len is the number of input items in the batch.
func (pr *Prepared) Len() int { return len(pr.items) }

// Process analyzes and stores a batch: Prepare then Store.
func (p *Processor) Process(ctx context.Context, items []Item) ([]*analyzer.Analysis, error) {
	pr, err := p.Prepare(ctx, items)
	if err != nil {
		return nil, err
	}
	return p.Store(ctx, pr)
}

// Prepare analyzes the valid items and classifies the invalid ones. It is
// CPU work (and a recall query for partition keys met for the first time),
// so a consumer can prepare the next batch while the previous one is being
// indexed. It fails only when ctx ends while a recall keeps failing.
func (p *Processor) Prepare(ctx context.Context, items []Item) (*Prepared, error) {
	pr := &Prepared{items: items, batch: make([]*analyzer.Analysis, 0, len(items))}
	described := make([]*analyzer.Analysis, len(items))
	// Describe in parallel (stateless), then deduplicate in arrival order
	// so the first posting of a group is the same on every run.
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				start := time.Now()
				described[i] = p.Pipeline.Describe(items[i].Record.Posting, items[i].Received)
				p.Metrics.ProcessSeconds.Observe(time.Since(start).Seconds())
			}
		}()
	}
	for i, it := range items {
		if it.Record.Err == nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	if err := p.recall(ctx, items); err != nil {
		return nil, err
	}
	for i, it := range items {
		if it.Record.Err != nil {
			dl := Classify(it.Record.Raw, it.Record.Err, it.Origin)
			dl.Topic, dl.Partition, dl.Offset = it.Topic, it.Partition, it.Offset
			dl.Truncated = it.Record.Truncated
			pr.dead = append(pr.dead, dl)
			continue
		}
		a := described[i]
		if it.Topic != "" {
			a.Kafka = &analyzer.KafkaOrigin{Topic: it.Topic, Partition: it.Partition, Offset: it.Offset}
		}
		p.Pipeline.Deduplicate(a)
		p.Metrics.ObserveAnalysis(len(a.Skills), a.Occupation.Code == "unclassified", a.Region.Unspecified)
		pr.batch = append(pr.batch, a)
	}
	return pr, nil
}

type partition struct {
	topic     string
	partition int
}

// recall makes the detector know the recent postings of the batch's
// partitions that other workers may have analyzed: partitions this process
// has not consumed from, and those whose offsets jump past what it last
// consumed (another worker had the partition in between). It retries while
// the store is unreachable: judging without them would miscount reposts.
func (p *Processor) recall(ctx context.Context, items []Item) error {
	if p.Recall == nil {
		return nil
	}
	var fresh []partition
	first := map[partition]int64{} // the batch's lowest offset per partition
	p.mu.Lock()
	if p.next == nil {
		p.next = map[partition]int64{}
	}
	for _, it := range items {
		if it.Topic == "" {
			continue
		}
		pt := partition{it.Topic, it.Partition}
		if f, ok := first[pt]; !ok || it.Offset < f {
			first[pt] = it.Offset
		}
		if next, ok := p.next[pt]; (!ok || it.Offset > next) && !slices.Contains(fresh, pt) {
			fresh = append(fresh, pt)
		}
		p.next[pt] = max(p.next[pt], it.Offset+1)
	}
	p.mu.Unlock()
	since := time.Now().Add(-p.Pipeline.Window())
	for _, pt := range fresh {
		for wait := 500 * time.Millisecond; ; wait = min(2*wait, 15*time.Second) {
			err := p.Recall.Recall(ctx, pt.topic, pt.partition, first[pt], since, p.Pipeline.Remember)
			if err == nil {
				break
			}
			p.Metrics.ESRetries.WithLabelValues("recall").Inc()
			select {
			case <-ctx.Done():
				// Not recalled: the batch is not committed, and the next
				// owner of the partition recalls it.
				return fmt.Errorf("recall postings of %s/%d: %w", pt.topic, pt.partition, err)
			case <-time.After(wait):
			}
		}
	}
	return nil
}

// Store indexes a prepared batch and dead-letters its invalid items. It
// returns only when everything is durable (nil) or when ctx ends or a sink
// fails; the caller may call Store again with the same batch. Once the
// postings are indexed a second call only retries the dead letters (an
// error wrapping ErrDeadLetter): a dead-letter sink that keeps failing
// must not rewrite the batch's documents in a loop.
func (p *Processor) Store(ctx context.Context, pr *Prepared) ([]*analyzer.Analysis, error) {
	if !pr.indexed && len(pr.batch) > 0 {
		start := time.Now()
		rejected, err := p.Sink.Index(ctx, pr.batch)
		if err != nil {
			return nil, fmt.Errorf("index batch of %d: %w", len(pr.batch), err)
		}
		p.Metrics.BulkSeconds.Observe(time.Since(start).Seconds())
		if len(rejected) > 0 {
			pr.batch, pr.dead = dropRejected(pr.batch, rejected, pr.items, append([]DeadLetter(nil), pr.dead...))
		}
	}
	pr.indexed = true
	batch, dead := pr.batch, pr.dead
	if len(dead) > 0 {
		if p.DeadLetter == nil {
			return nil, errors.New("invalid input and no dead-letter sink")
		}
		if err := p.DeadLetter.DeadLetter(ctx, dead); err != nil {
			return nil, fmt.Errorf("%w: %d records: %w", ErrDeadLetter, len(dead), err)
		}
		p.Metrics.Processed.WithLabelValues(metrics.OutcomeInvalid).Add(float64(len(dead)))
		p.Metrics.Processed.WithLabelValues(metrics.OutcomeDeadLettered).Add(float64(len(dead)))
	}
	for _, a := range batch {
		if a.Duplicate.Duplicate {
			p.Metrics.Processed.WithLabelValues(metrics.OutcomeDuplicate).Inc()
		} else {
			p.Metrics.Processed.WithLabelValues(metrics.OutcomeIndexed).Inc()
		}
	}
	return batch, nil
}

// dropRejected moves postings the store refused from batch to dead.
func dropRejected(batch []*analyzer.Analysis, rejected []indexer.Rejected, items []Item, dead []DeadLetter) ([]*analyzer.Analysis, []DeadLetter) {
	why := make(map[string]string, len(rejected))
	for _, r := range rejected {
		why[r.Key] = r.Reason
	}
	origin := map[string]Item{}
	for _, it := range items {
		if it.Record.Posting != nil {
			origin[it.Record.Posting.Key()] = it
		}
	}
	kept := batch[:0]
	for _, a := range batch {
		reason, bad := why[a.Key]
		if !bad {
			kept = append(kept, a)
			continue
		}
		it := origin[a.Key]
		dead = append(dead, DeadLetter{Raw: it.Record.Raw, Class: "rejected_by_index", Reason: reason, Origin: it.Origin,
			Topic: it.Topic, Partition: it.Partition, Offset: it.Offset, Size: len(it.Record.Raw)})
	}
	return kept, dead
}

// Classify turns a parse error into a dead letter with a class and reason.
func Classify(raw []byte, err error, origin string) DeadLetter {
	dl := DeadLetter{Raw: raw, Class: "validation", Reason: err.Error(), Origin: origin, Size: len(raw)}
	var fe *posting.FieldError
	var tl *TooLargeError
	if errors.As(err, &tl) {
		dl.Class, dl.Size = "too_large", tl.Size
	} else if errors.As(err, &fe) {
		dl.Field = fe.Field
		if fe.Field == "posting" {
			dl.Class = "invalid_json"
		}
	}
	return dl
}
