package kafkaio

import "context"

// inOrder indexes batches with up to n in flight at once and commits each
// only after it and every batch fetched before it are durable: a batch
// that finishes early waits for its elders, so a committed offset never
// skips an unfinished message (Jaeger's ingester keeps the same rule
// with its offset manager). Concurrency keeps Elasticsearch busy while
// one batch is between requests, whatever the spread of work over
// partitions.
//
// store makes a batch durable (retrying as it sees fit) and commit
// commits its offsets. After the first error nothing more is committed:
// fail is called once, the remaining batches are drained (they replay
// later), and the error is returned. release is called for every batch
// once it is committed or given up.
type inOrder struct {
	n       int
	store   func(context.Context, batch) error
	commit  func(context.Context, batch) error
	fail    func()
	release func(batch)
}

type inFlightBatch struct {
	b    batch
	done chan error
}

// run consumes in until it is closed and every batch is settled.
func (o inOrder) run(ctx context.Context, in <-chan batch) error {
	pending := make(chan inFlightBatch, o.n)
	slots := make(chan struct{}, o.n)
	go func() {
		defer close(pending)
		for b := range in {
			slots <- struct{}{}
			f := inFlightBatch{b: b, done: make(chan error, 1)}
			go func() {
				defer func() { <-slots }()
				f.done <- o.store(ctx, f.b)
			}()
			pending <- f
		}
	}()
	var first error
	for f := range pending {
		err := <-f.done
		if first == nil && err == nil {
			err = o.commit(ctx, f.b)
		}
		if first == nil && err != nil {
			first = err
			o.fail()
		}
		o.release(f.b)
	}
	return first
}
