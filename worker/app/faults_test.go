package app

// The fault suite: each case runs the worker against the real broker and
// node, injects one fault, and holds the result to a clean run of the
// same input (every unique posting stored, the same repost verdicts and
// occupation counts), checks the group never wedges (everything ends up
// committed) and that the alert an operator relies on goes pending in a
// real Prometheus. Cases run in parallel with each other (own topics,
// groups and indices) so the suite costs about its longest case.

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// writeBlock is how long the write-block case keeps the postings indices
// read-only: the figure the issue measured loss at.
const writeBlock = 60 * time.Second

// halves splits a JSON-lines file into its first and second half.
func halves(t *testing.T, path string) (first, second []byte) {
	t.Helper()
	all, err := os.ReadFile(path)
	mustf(t, err, "read %s", path)
	lines := bytes.SplitAfter(all, []byte("\n"))
	return bytes.Join(lines[:len(lines)/2], nil), bytes.Join(lines[len(lines)/2:], nil)
}

func publishBytes(t *testing.T, brokers []string, topic string, b []byte) {
	t.Helper()
	_, err := kafkaio.Publish(context.Background(), brokers, topic, "input.jsonl", bytes.NewReader(b), nil)
	mustf(t, err, "publish to %s", topic)
}

// waitStored waits until Elasticsearch holds n postings.
func waitStored(t *testing.T, es *elastic.Client, idx elastic.Indices, n int, within time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		if esCount(t, es, idx) >= n {
			return
		}
	}
	if got := esCount(t, es, idx); got != n {
		t.Fatalf("Elasticsearch holds %d postings after %v, want %d", got, within, n)
	}
}

// A 60 s write block on the postings indices (403
// cluster_block_exception on every item) is waited out: nothing is
// dead-lettered for it, /readyz answers 503 while it lasts, the
// partition-stalled alert goes pending, and afterwards the figures equal
// a clean run's.
func TestFaultWriteBlock(t *testing.T) {
	if testing.Short() {
		t.Skip("a 60 s fault on the real services")
	}
	t.Parallel()
	brokers, esURL := testsvc.KafkaBrokers(t), testsvc.ElasticsearchURL(t)
	cfg, es, idx := testWorker(t, "block", brokers, esURL, 100)
	cfg.Kafka.StallAfter = 3 * time.Second
	path, _, bad := testInput(t, 1200)
	want := cleanRun(t, path)
	first, second := halves(t, path)
	mustf(t, kafkaio.EnsureTopic(context.Background(), brokers, cfg.Kafka.Topic, 4, 1, nil), "topic")
	publishBytes(t, brokers, cfg.Kafka.Topic, first)

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	addr, done := startWorker(t, ctx, cfg)
	// The first half creates the monthly indices the second half goes to.
	waitStored(t, es, idx, distinctKeys(first), 2*time.Minute)
	prom := startPrometheus(t, addr)

	block := func(on bool) {
		t.Helper()
		_, err := es.Raw().Indices.PutSettings(bytes.NewReader([]byte(`{"index.blocks.write":`+map[bool]string{true: "true", false: "false"}[on]+`}`)),
			es.Raw().Indices.PutSettings.WithIndex(idx.PostingsPattern()))
		mustf(t, err, "write block %v", on)
	}
	block(true)
	blocked := time.Now()
	defer block(false)
	publishBytes(t, brokers, cfg.Kafka.Topic, second)
	waitReady(t, addr, http.StatusServiceUnavailable, 30*time.Second)
	prom.waitAlert(t, "SkillpulsePartitionStalled", 40*time.Second)
	time.Sleep(time.Until(blocked.Add(writeBlock)))
	block(false)
	lifted := time.Now()
	waitStored(t, es, idx, want.Postings, 3*time.Minute)
	recovered := time.Since(lifted)
	waitLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic, time.Minute)
	waitReady(t, addr, http.StatusOK, 30*time.Second)
	prom.waitNoAlert(t, "SkillpulsePartitionStalled", 30*time.Second)

	page := metricsPage(t, addr)
	if v := metricValue(page, `skillpulse_postings_processed_total{outcome="dead_lettered"}`); v != float64(bad) {
		t.Errorf("%v postings dead-lettered, want only the %d malformed lines (a write block is not the posting's fault)", v, bad)
	}
	if v := metricValue(page, `skillpulse_elasticsearch_retries_total{reason="request"}`) + metricValue(page, `skillpulse_elasticsearch_retries_total{reason="item"}`); v <= 0 {
		t.Errorf("no Elasticsearch retries counted during a %v write block", writeBlock)
	}
	checkOutcome(t, "write block 60 s", want, storedOutcome(t, es, idx), recovered)
	stop()
	mustf(t, <-done, "worker shutdown")
}
