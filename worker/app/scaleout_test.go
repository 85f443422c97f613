package app

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// TestWorkersAgreeOnDuplicates runs two workers in one consumer group
// and checks that sharing the topic changes no verdict: Elasticsearch ends
// with exactly the distinct postings, and exactly as many marked duplicate
// as one detector finds reading the file in order. Each worker has its own
// detector, so this holds only because producers key postings by employer
// (Publish does), which brings every posting that could repeat another to
// the same group member, and because a worker that takes over partitions
// (here when the other one stops halfway) recalls what the other analyzed
// under their keys.
func TestWorkersAgreeOnDuplicates(t *testing.T) {
	brokers := testsvc.KafkaBrokers(t)
	esURL := testsvc.ElasticsearchURL(t)
	cfg, es, idx := testWorker(t, "scale", brokers, esURL, 100)
	cfg.Schedule.Rollup = "@every 2s" // and so a 2 s rollup lease

	path, keys, _ := testInput(t, 2000)
	want := cleanRun(t, path)
	ctx := context.Background()
	if err := kafkaio.EnsureTopic(ctx, brokers, cfg.Kafka.Topic, 4, 1, nil); err != nil {
		t.Fatal(err)
	}
	ctx1, stop1 := context.WithCancel(ctx)
	defer stop1()
	ctx2, stop2 := context.WithCancel(ctx)
	defer stop2()
	// Both workers join before anything is published, as a deployment's
	// replicas would be running when postings arrive.
	addr1, done1 := startWorker(t, ctx1, cfg)
	addr2, done2 := startWorker(t, ctx2, cfg)
	time.Sleep(3 * time.Second)

	all, _ := os.ReadFile(path)
	lines := bytes.SplitAfter(all, []byte("\n"))
	first, second := bytes.Join(lines[:len(lines)/2], nil), bytes.Join(lines[len(lines)/2:], nil)
	publish := func(name string, b []byte) {
		if _, err := kafkaio.Publish(ctx, brokers, cfg.Kafka.Topic, name, bytes.NewReader(b), nil); err != nil {
			t.Fatal(err)
		}
	}
	waitCount := func(n int) {
		deadline := time.Now().Add(2 * time.Minute)
		for esCount(t, es, idx) < n && time.Now().Before(deadline) {
			time.Sleep(500 * time.Millisecond)
		}
	}
	publish("first.jsonl", first)
	waitCount(distinctKeys(first))
	// One rollup for the group: exactly one of the two holds the lease.
	leaders := func(addrs ...string) (n float64) {
		for _, a := range addrs {
			n += metricValue(metricsPage(t, a), "skillpulse_rollup_leader")
		}
		return n
	}
	time.Sleep(5 * time.Second) // a few ticks of both
	for i := 0; i < 3; i++ {
		if n := leaders(addr1, addr2); n != 1 {
			t.Errorf("%v of two workers ran the last rollup; want exactly one", n)
		}
		time.Sleep(2 * time.Second)
	}
	// The second worker leaves: the first takes over its partitions and
	// must judge their reposts against what the second one analyzed.
	stop2()
	if err := <-done2; err != nil {
		t.Errorf("second worker shutdown: %v", err)
	}
	left := time.Now()
	time.Sleep(2 * time.Second) // the refresh interval, and the group's rebalance
	// The survivor takes the rollup over within a lease and a tick.
	waitFor(t, func() bool { return leaders(addr1) == 1 })
	publish("second.jsonl", second)
	waitCount(len(keys))
	recovered := time.Since(left)
	time.Sleep(time.Second) // anything still in flight would show as extra
	if got := esCount(t, es, idx); got != len(keys) {
		t.Fatalf("Elasticsearch holds %d postings, want the %d distinct ones", got, len(keys))
	}
	if want.Duplicates == 0 {
		t.Fatal("the input has no reposts: the case tests nothing")
	}
	// One detector reading the file in order is the reference.
	checkOutcome(t, "rebalance (a worker leaves)", want, storedOutcome(t, es, idx), recovered)
	stop1()
	if err := <-done1; err != nil {
		t.Errorf("first worker shutdown: %v", err)
	}
}

func distinctKeys(jsonl []byte) int {
	seen := map[string]bool{}
	for _, line := range bytes.Split(jsonl, []byte("\n")) {
		if p, err := posting.Parse(line); err == nil {
			seen[p.Key()] = true
		}
	}
	return len(seen)
}
