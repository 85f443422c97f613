package kafkaio

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

func numbered(n int) []batch {
	out := make([]batch, n)
	for i := range out {
		out[i] = batch{msgs: []kafka.Message{{Offset: int64(i)}}}
	}
	return out
}

func feed(bs []batch) <-chan batch {
	ch := make(chan batch)
	go func() {
		defer close(ch)
		for _, b := range bs {
			ch <- b
		}
	}()
	return ch
}

// recorder is an inOrder whose store sleeps longer for earlier batches,
// so later batches finish first, and which records what happens.
type recorder struct {
	mu                sync.Mutex
	committed         []int64
	released          int
	fails             int
	running, maxCount atomic.Int32
	storeErr          map[int64]error
	commitErr         map[int64]error
}

func (r *recorder) pipeline(n, total int) inOrder {
	return inOrder{
		n: n,
		store: func(ctx context.Context, b batch) error {
			cur := r.running.Add(1)
			defer r.running.Add(-1)
			for {
				m := r.maxCount.Load()
				if cur <= m || r.maxCount.CompareAndSwap(m, cur) {
					break
				}
			}
			off := b.msgs[0].Offset
			time.Sleep(time.Duration(total-int(off)) * 2 * time.Millisecond)
			return r.storeErr[off]
		},
		commit: func(ctx context.Context, b batch) error {
			off := b.msgs[0].Offset
			if err := r.commitErr[off]; err != nil {
				return err
			}
			r.mu.Lock()
			r.committed = append(r.committed, off)
			r.mu.Unlock()
			return nil
		},
		fail:    func() { r.mu.Lock(); r.fails++; r.mu.Unlock() },
		release: func(batch) { r.mu.Lock(); r.released++; r.mu.Unlock() },
	}
}

func TestInOrderCommitsInFetchOrderWithConcurrentStores(t *testing.T) {
	const total, n = 12, 3
	r := &recorder{}
	if err := r.pipeline(n, total).run(context.Background(), feed(numbered(total))); err != nil {
		t.Fatal(err)
	}
	want := make([]int64, total)
	for i := range want {
		want[i] = int64(i)
	}
	if !slices.Equal(r.committed, want) {
		t.Errorf("committed %v, want %v", r.committed, want)
	}
	if got := r.maxCount.Load(); got != n {
		t.Errorf("at most %d batches were stored at once, want %d", got, n)
	}
	if r.released != total || r.fails != 0 {
		t.Errorf("released %d of %d, failed %d times", r.released, total, r.fails)
	}
}

func TestInOrderStopsCommittingAtTheFirstFailure(t *testing.T) {
	boom := errors.New("boom")
	for name, r := range map[string]*recorder{
		"store":  {storeErr: map[int64]error{4: boom}},
		"commit": {commitErr: map[int64]error{4: boom}},
	} {
		t.Run(name, func(t *testing.T) {
			const total = 10
			err := r.pipeline(2, total).run(context.Background(), feed(numbered(total)))
			if !errors.Is(err, boom) {
				t.Fatalf("run: %v, want boom", err)
			}
			if !slices.Equal(r.committed, []int64{0, 1, 2, 3}) {
				t.Errorf("committed %v, want only the batches before the failed one", r.committed)
			}
			if r.fails != 1 || r.released != total {
				t.Errorf("fail called %d times (want 1), released %d of %d", r.fails, r.released, total)
			}
		})
	}
}
