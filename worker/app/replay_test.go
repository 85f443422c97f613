package app

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// replayServices are the real broker and node the replay test runs
// against: skipped without SKILLPULSE_TEST_KAFKA and SKILLPULSE_TEST_ES,
// except in CI, which must run it.
func replayServices(t *testing.T) ([]string, string) {
	t.Helper()
	k, es := os.Getenv("SKILLPULSE_TEST_KAFKA"), os.Getenv("SKILLPULSE_TEST_ES")
	switch {
	case k != "" && es != "":
		return []string{k}, es
	case os.Getenv("CI") == "true":
		t.Fatal("SKILLPULSE_TEST_KAFKA and SKILLPULSE_TEST_ES must be set: CI runs the replay test against real services")
	default:
		t.Skip("replay test needs real services: set SKILLPULSE_TEST_KAFKA and SKILLPULSE_TEST_ES")
	}
	return nil, ""
}

// TestReplayedDeadLettersIndexOnce is the replay an operator runs: a
// worker with max_posting_bytes too low dead-letters the longer postings
// as too_large; with the limit raised, `replay --class too_large` sends
// them back, and the running worker indexes them: every distinct posting
// is then in Elasticsearch once. A second replay publishes nothing, and
// the malformed lines, of other classes, stay dead-lettered.
func TestReplayedDeadLettersIndexOnce(t *testing.T) {
	brokers, esURL := replayServices(t)
	cfg, es, idx := testWorker(t, "replay", brokers, esURL, 100)
	cfg.MaxPostingBytes = 1600
	path, keys, bad := testInput(t, 600)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	// Which postings the low limit keeps (a message is its line and newline).
	raw, _ := os.ReadFile(path)
	kept := map[string]bool{}
	tooLarge := 0
	for _, line := range bytes.Split(raw, []byte("\n")) {
		p, err := posting.Parse(line)
		switch {
		case err != nil:
		case len(line)+1 > cfg.MaxPostingBytes:
			tooLarge++
		default:
			kept[p.Key()] = true
		}
	}
	if tooLarge < 20 || len(kept) == len(keys) {
		t.Fatalf("%d postings over %d bytes, %d of %d distinct kept: the test needs a real share dead-lettered", tooLarge, cfg.MaxPostingBytes, len(kept), len(keys))
	}

	t.Logf("%d distinct postings, %d kept by the low limit, %d lines over it, %d malformed", len(keys), len(kept), tooLarge, bad)
	if err := kafkaio.EnsureTopic(ctx, brokers, cfg.Kafka.Topic, 4, 1, nil); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	if _, err := kafkaio.Publish(ctx, brokers, cfg.Kafka.Topic, path, f, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	wctx, stop := context.WithCancel(ctx)
	addr, done := startWorker(t, wctx, cfg)
	waitFor(t, func() bool {
		return metricValue(fetchMetrics(addr), `skillpulse_postings_processed_total{outcome="dead_lettered"}`) == float64(bad+tooLarge)
	})
	if got := esCount(t, es, idx); got != len(kept) {
		t.Fatalf("with the low limit Elasticsearch holds %d postings, want the %d kept", got, len(kept))
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("worker shutdown: %v", err)
	}

	// The fix: the limit back at its default; the worker runs again.
	cfg.MaxPostingBytes = 1 << 20
	wctx2, stop2 := context.WithCancel(ctx)
	defer stop2()
	addr2, _ := startWorker(t, wctx2, cfg)
	rc := kafkaio.ReplayConfig{Brokers: brokers, DeadLetterTopic: cfg.Kafka.DeadLetterTopic, GroupID: cfg.Kafka.GroupID + "-replay-too_large",
		Topic: cfg.Kafka.Topic, Classes: []string{"too_large"}}
	replay := func() int {
		t.Helper()
		plan, err := kafkaio.PlanReplay(ctx, rc)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := kafkaio.Replay(ctx, rc, plan)
		if err != nil {
			t.Fatal(err)
		}
		if sum.ByClass["too_large"] != sum.Replayed || sum.SkippedTruncated != 0 {
			t.Errorf("replay summary %+v: want only too_large replayed, nothing truncated", sum)
		}
		return sum.Replayed
	}
	if n := replay(); n != tooLarge {
		t.Fatalf("replayed %d dead letters, want the %d too_large", n, tooLarge)
	}
	waitFor(t, func() bool { return esCount(t, es, idx) == len(keys) })
	waitFor(t, func() bool {
		return metricValue(fetchMetrics(addr2), `skillpulse_postings_consumed_total{source="kafka"}`) == float64(tooLarge)
	})
	if n := replay(); n != 0 {
		t.Errorf("second replay published %d, want nothing", n)
	}
	time.Sleep(2 * time.Second)
	page := metricsPage(t, addr2)
	if v := metricValue(page, `skillpulse_postings_consumed_total{source="kafka"}`); v != float64(tooLarge) {
		t.Errorf("the worker consumed %v messages after the fix, want the %d replayed once", v, tooLarge)
	}
	if v := metricValue(page, `skillpulse_postings_processed_total{outcome="dead_lettered"}`); v > 0 {
		t.Errorf("%v replayed postings were dead-lettered again", v)
	}
	if got := esCount(t, es, idx); got != len(keys) {
		t.Errorf("after the replays Elasticsearch holds %d postings, want each of the %d distinct ones once", got, len(keys))
	}
}
