package jobs

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/skillpulse/skillpulse/worker/metrics"
)

func newTest(t *testing.T) (*Scheduler, *metrics.Metrics) {
	m := metrics.New(prometheus.NewRegistry())
	s := New(context.Background(), m, slog.New(slog.NewTextHandler(io.Discard, nil)))
	t.Cleanup(func() { s.Stop(context.Background()) })
	return s, m
}

func TestPanicIsRecoveredAndJobRunsAgain(t *testing.T) {
	s, m := newTest(t)
	var calls atomic.Int32
	s.Add(Job{Name: "rollup", Spec: "@every 1h", Run: func(context.Context) error {
		if calls.Add(1) == 1 {
			panic("boom")
		}
		return nil
	}})
	if err := s.RunNow(context.Background(), "rollup"); err == nil {
		t.Fatal("a panicking run must report an error")
	}
	if err := s.RunNow(context.Background(), "rollup"); err != nil {
		t.Fatalf("second run after a panic: %v", err)
	}
	if got := testutil.ToFloat64(m.JobRuns.WithLabelValues("rollup")); got != 2 {
		t.Errorf("runs = %v, want 2", got)
	}
	if got := testutil.ToFloat64(m.JobFailures.WithLabelValues("rollup")); got != 1 {
		t.Errorf("failures = %v, want 1", got)
	}
	if got := testutil.ToFloat64(m.JobLastSuccess.WithLabelValues("rollup")); got < float64(time.Now().Add(-time.Minute).Unix()) {
		t.Errorf("last success not set: %v", got)
	}
}

func TestNoOverlap(t *testing.T) {
	s, m := newTest(t)
	release := make(chan struct{})
	started := make(chan struct{})
	s.Add(Job{Name: "slow", Spec: "@every 1h", Run: func(context.Context) error {
		close(started)
		<-release
		return nil
	}})
	errc := make(chan error)
	go func() { errc <- s.RunNow(context.Background(), "slow") }()
	<-started
	if err := s.RunNow(context.Background(), "slow"); !errors.Is(err, ErrRunning) {
		t.Errorf("overlapping run: err %v, want ErrRunning", err)
	}
	close(release)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if got := testutil.ToFloat64(m.JobRuns.WithLabelValues("slow")); got != 1 {
		t.Errorf("runs = %v, want 1 (the overlapping one is skipped)", got)
	}
}

func TestScheduledRunsAndErrors(t *testing.T) {
	s, m := newTest(t)
	var calls atomic.Int32
	if err := s.Add(Job{Name: "tick", Spec: "@every 1s", Run: func(context.Context) error {
		calls.Add(1)
		return errors.New("store down")
	}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(Job{Name: "bad", Spec: "not a spec", Run: func(context.Context) error { return nil }}); err == nil {
		t.Error("invalid spec must be rejected")
	}
	s.Start()
	deadline := time.Now().Add(5 * time.Second)
	for calls.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if calls.Load() == 0 {
		t.Fatal("scheduled job never ran")
	}
	if got := testutil.ToFloat64(m.JobFailures.WithLabelValues("tick")); got < 1 {
		t.Errorf("failures = %v, want ≥ 1", got)
	}
}
