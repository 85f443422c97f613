package app

// Fault cases on the dead-letter path: a dead-letter topic that refuses
// writes, and a posting larger than the worker takes.

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/analyzer/posting"

	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// createTopic makes a 4-partition topic with the given topic configs.
func createTopic(t *testing.T, brokers []string, topic string, configs map[string]string) {
	t.Helper()
	var entries []kafka.ConfigEntry
	for k, v := range configs {
		entries = append(entries, kafka.ConfigEntry{ConfigName: k, ConfigValue: v})
	}
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 30 * time.Second}
	res, err := c.CreateTopics(context.Background(), &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{
		{Topic: topic, NumPartitions: 4, ReplicationFactor: 1, ConfigEntries: entries}}})
	if err == nil {
		err = res.Errors[topic]
	}
	mustf(t, err, "create topic %s", topic)
}

// setTopicConfig changes one config of a topic.
func setTopicConfig(t *testing.T, brokers []string, topic, name, value string) {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 30 * time.Second}
	res, err := c.AlterConfigs(context.Background(), &kafka.AlterConfigsRequest{Resources: []kafka.AlterConfigRequestResource{{
		ResourceType: kafka.ResourceTypeTopic, ResourceName: topic,
		Configs: []kafka.AlterConfigRequestConfig{{Name: name, Value: value}}}}})
	if err == nil {
		for _, e := range res.Errors {
			err = errors.Join(err, e)
		}
	}
	mustf(t, err, "set %s=%s on %s", name, value, topic)
}

// A dead-letter topic that refuses every write (its max.message.bytes
// far below any dead letter) stops the batch's partition loudly: the
// postings are indexed once and not rewritten while the dead letters are
// retried, /readyz answers 503, the partition-stalled alert goes pending.
// Once the topic accepts writes again, everything is committed and the
// figures equal a clean run's.
func TestFaultDeadLetterWriteFails(t *testing.T) {
	fc := newFaultCase(t, "dlqfail", 600)
	cfg, es, idx, brokers, path, want := fc.cfg, fc.es, fc.idx, fc.brokers, fc.path, fc.want
	bad := fc.bad
	cfg.Kafka.StallAfter = 3 * time.Second
	mustf(t, kafkaio.EnsureTopic(context.Background(), brokers, cfg.Kafka.Topic, 4, 1, nil), "topic")
	createTopic(t, brokers, cfg.Kafka.DeadLetterTopic, map[string]string{"max.message.bytes": "100"})
	all, _ := os.ReadFile(path)
	publishBytes(t, brokers, cfg.Kafka.Topic, all)

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	addr, done := startWorker(t, ctx, cfg)
	prom := startPrometheus(t, addr)
	// The batch holding the malformed lines stalls; the batches after it
	// wait behind it (the in-flight budget), so not everything is stored
	// yet.
	waitReady(t, addr, http.StatusServiceUnavailable, time.Minute)
	prom.waitAlert(t, "SkillpulsePartitionStalled", 40*time.Second)
	// While the dead letters keep failing, the indexed batches are not
	// written again. Batches of the other partitions may still be on
	// their way in on a loaded machine: wait until the bulk requests
	// settle, then none may follow.
	bulks := settledMetric(t, addr, "skillpulse_index_batch_seconds_count", 3*time.Second, 30*time.Second)
	time.Sleep(5 * time.Second)
	if again := metricValue(metricsPage(t, addr), "skillpulse_index_batch_seconds_count"); again != bulks {
		t.Errorf("bulk requests went from %v to %v while only dead letters were failing: the batch is re-indexed in a loop", bulks, again)
	}
	if lag := groupLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic); lag == 0 {
		t.Error("every offset committed although the dead letters were never written")
	}

	setTopicConfig(t, brokers, cfg.Kafka.DeadLetterTopic, "max.message.bytes", "1048588")
	fixed := time.Now()
	waitMetric(t, addr, `skillpulse_postings_processed_total{outcome="dead_lettered"}`, float64(bad), time.Minute)
	waitLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic, time.Minute)
	waitStored(t, es, idx, want.Postings, time.Minute)
	recovered := time.Since(fixed)
	waitReady(t, addr, http.StatusOK, 30*time.Second)
	prom.waitNoAlert(t, "SkillpulsePartitionStalled", 30*time.Second)
	checkDeadLetters(t, brokers, cfg.Kafka.DeadLetterTopic, bad)
	checkOutcome(t, "dead-letter topic refusing writes", want, storedOutcome(t, es, idx), recovered)
	stop()
	mustf(t, <-done, "worker shutdown")
}

// A 5 MB posting on a topic that accepts it (max.message.bytes 10 MB) is
// dead-lettered truncated, with its size and origin, to a dead-letter
// topic left at the broker's 1 MB default; the group moves on without a
// stall and nothing is indexed twice.
func TestFaultOversizedPosting(t *testing.T) {
	fc := newFaultCase(t, "oversize", 600)
	cfg, es, idx, brokers, path, want := fc.cfg, fc.es, fc.idx, fc.brokers, fc.path, fc.want
	bad := fc.bad
	createTopic(t, brokers, cfg.Kafka.Topic, map[string]string{"max.message.bytes": "10485760"})
	first, second := halves(t, path)
	publishBytes(t, brokers, cfg.Kafka.Topic, first)
	big := bigPosting(t, 5<<20)
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: cfg.Kafka.Topic, BatchBytes: 16 << 20, RequiredAcks: kafka.RequireAll}
	mustf(t, w.WriteMessages(context.Background(), kafka.Message{Key: []byte("big"), Value: big}), "publish a %d-byte posting", len(big))
	w.Close()
	publishBytes(t, brokers, cfg.Kafka.Topic, second)

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	start := time.Now()
	addr, done := startWorker(t, ctx, cfg)
	waitStored(t, es, idx, want.Postings, 2*time.Minute)
	waitMetric(t, addr, `skillpulse_postings_processed_total{outcome="dead_lettered"}`, float64(bad+1), time.Minute)
	waitLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic, time.Minute)
	took := time.Since(start)
	page := metricsPage(t, addr)
	if v := metricValue(page, `skillpulse_postings_processed_total{outcome="indexed"}`) + metricValue(page, `skillpulse_postings_processed_total{outcome="duplicate"}`); v != float64(want.Postings+countSameKey(t, path)) {
		t.Errorf("%v postings processed into the index, want each of the %d published once", v, want.Postings+countSameKey(t, path))
	}
	if v := metricValue(page, `skillpulse_partition_stalled{partition="0",topic="`+cfg.Kafka.Topic+`"}`); v > 0 {
		t.Errorf("partition stalled over an oversized posting")
	}
	checkOversizedDeadLetter(t, brokers, cfg.Kafka.DeadLetterTopic, len(big), bad+1)
	checkOutcome(t, "5 MB posting", want, storedOutcome(t, es, idx), took)
	stop()
	mustf(t, <-done, "worker shutdown")
}

// bigPosting is a valid posting of about n bytes.
func bigPosting(t *testing.T, n int) []byte {
	t.Helper()
	p := posting.Posting{ID: "big-1", Source: "test", Title: "Data analyst", Employer: "Big Texts Inc.",
		Location: &posting.Location{City: "Halifax", Province: "NS"}, PostedAt: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Description: strings.Repeat("Analyze data with SQL and Excel. ", n/33)}
	b, err := p.MarshalJSON()
	mustf(t, err, "marshal")
	return b
}

// checkOversizedDeadLetter finds the oversized posting among n dead
// letters: truncated to DeadLetterValueBytes, with its size and origin.
func checkOversizedDeadLetter(t *testing.T, brokers []string, topic string, size, n int) {
	t.Helper()
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, GroupID: topic + "-check", StartOffset: kafka.FirstOffset, MaxBytes: 4 << 20})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	found := 0
	for i := 0; i < n; i++ {
		m, err := r.ReadMessage(ctx)
		mustf(t, err, "dead letter %d of %d", i+1, n)
		h := map[string]string{}
		for _, x := range m.Headers {
			h[x.Key] = string(x.Value)
		}
		if h[kafkaio.HeaderClass] != "too_large" {
			continue
		}
		found++
		if h[kafkaio.HeaderTruncated] != "true" || len(m.Value) != kafkaio.DeadLetterValueBytes || h[kafkaio.HeaderSize] != strconv.Itoa(size) {
			t.Errorf("oversized dead letter: %d bytes kept, headers %v; want %d bytes kept, truncated, size %d", len(m.Value), h, kafkaio.DeadLetterValueBytes, size)
		}
		if h[kafkaio.HeaderTopic] == "" || h[kafkaio.HeaderPartition] == "" || h[kafkaio.HeaderOffset] == "" || h[kafkaio.HeaderReason] == "" {
			t.Errorf("oversized dead letter without its origin or reason: %v", h)
		}
	}
	if found != 1 {
		t.Errorf("%d dead letters of class too_large, want 1", found)
	}
}
