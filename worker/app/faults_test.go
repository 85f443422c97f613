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
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/config"

	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// writeBlock is how long the write-block case keeps the postings indices
// read-only: the figure the issue measured loss at.
const writeBlock = 60 * time.Second

// faultCase is one fault case's worker (own topic, group and indices on
// the shared broker and node), its input and the clean run it is held to.
// Cases run in parallel with each other.
type faultCase struct {
	cfg     config.Config
	es      *elastic.Client
	idx     elastic.Indices
	brokers []string
	path    string
	bad     int // malformed lines in the input
	want    outcome
}

func newFaultCase(t *testing.T, name string, postings int) faultCase {
	t.Helper()
	if testing.Short() {
		t.Skip("a fault on the real services")
	}
	t.Parallel()
	fc := faultCase{brokers: testsvc.KafkaBrokers(t)}
	fc.cfg, fc.es, fc.idx = testWorker(t, name, fc.brokers, testsvc.ElasticsearchURL(t), 100)
	fc.path, _, fc.bad = testInput(t, postings)
	fc.want = cleanRun(t, fc.path)
	return fc
}

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
	fc := newFaultCase(t, "block", 1200)
	cfg, es, idx, brokers, path, want := fc.cfg, fc.es, fc.idx, fc.brokers, fc.path, fc.want
	bad := fc.bad
	cfg.Kafka.StallAfter = 3 * time.Second
	cfg.Kafka.InFlight = 300 // less than the second half: the budget fills during the block
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
	// Fetching stops when the in-flight budget is spent, and says so; the
	// lag, read on a timer, keeps moving while nothing is committed.
	page := metricsPage(t, addr)
	budget := metricValue(page, "skillpulse_in_flight_budget_postings")
	waitMetric(t, addr, "skillpulse_in_flight_postings", budget, 30*time.Second)
	prom.waitAlert(t, "SkillpulseInFlightBudgetFull", 30*time.Second)
	if lag := sumSeries(metricsPage(t, addr), "skillpulse_consumer_lag_messages{"); lag <= 0 {
		t.Errorf("consumer lag %v during the write block, want the uncommitted messages", lag)
	}
	time.Sleep(time.Until(blocked.Add(writeBlock)))
	block(false)
	lifted := time.Now()
	waitStored(t, es, idx, want.Postings, 3*time.Minute)
	recovered := time.Since(lifted)
	waitLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic, time.Minute)
	waitReady(t, addr, http.StatusOK, 30*time.Second)
	prom.waitNoAlert(t, "SkillpulsePartitionStalled", 30*time.Second)
	// The lag gauge follows the commits back to zero.
	waitFor(t, func() bool { return sumSeries(fetchMetrics(addr), "skillpulse_consumer_lag_messages{") == 0 })

	page = metricsPage(t, addr)
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

// buildBinary builds cmd/skillpulse once for the cases that run the
// worker as its own process.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "skillpulse")
	root, _ := filepath.Abs("../..")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/skillpulse")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// workerProcess starts the binary as a worker of cfg's group, configured
// by environment variables as an operator would.
func workerProcess(t *testing.T, bin string, cfg config.Config) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "run")
	cmd.Env = append(os.Environ(),
		"SKILLPULSE_KAFKA_BROKERS="+strings.Join(cfg.Kafka.Brokers, ","),
		"SKILLPULSE_ES_URL="+strings.Join(cfg.Elasticsearch.URLs, ","),
		"SKILLPULSE_KAFKA_TOPIC="+cfg.Kafka.Topic, "SKILLPULSE_KAFKA_GROUP="+cfg.Kafka.GroupID,
		"SKILLPULSE_KAFKA_DLQ_TOPIC="+cfg.Kafka.DeadLetterTopic, "SKILLPULSE_ES_INDEX_PREFIX="+cfg.Elasticsearch.IndexPrefix,
		"SKILLPULSE_KAFKA_BATCH_SIZE="+strconv.Itoa(cfg.Kafka.BatchSize), "SKILLPULSE_LISTEN="+cfg.Listen,
		"SKILLPULSE_SCHEDULE_ROLLUP=@every 1h", "SKILLPULSE_DATA_DIR="+t.TempDir())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	mustf(t, cmd.Start(), "start %s", bin)
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if t.Failed() {
			t.Logf("worker process output (last 4 KiB):\n%s", tail(out.Bytes(), 4096))
		}
	})
	return cmd
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// A worker process killed with SIGKILL in the middle of ingesting (some
// batches indexed and not committed, some half-written) loses nothing and
// changes no figure: the next process replays from the committed offsets.
func TestFaultSIGKILLMidIngest(t *testing.T) {
	fc := newFaultCase(t, "sigkill", 4000)
	cfg, es, idx, brokers, path, want := fc.cfg, fc.es, fc.idx, fc.brokers, fc.path, fc.want
	bin := buildBinary(t)
	// One address for both processes, so one Prometheus target sees the
	// first go down.
	cfg.Listen = fmt.Sprintf("127.0.0.1:%d", freePortWith(t, 0))
	mustf(t, kafkaio.EnsureTopic(context.Background(), brokers, cfg.Kafka.Topic, 4, 1, nil), "topic")
	all, _ := os.ReadFile(path)
	publishBytes(t, brokers, cfg.Kafka.Topic, all)

	first := workerProcess(t, bin, cfg)
	prom := startPrometheus(t, "http://"+cfg.Listen)
	for deadline := time.Now().Add(2 * time.Minute); esCount(t, es, idx) < want.Postings/4; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the first worker stored %d postings in 2 minutes", esCount(t, es, idx))
		}
	}
	mustf(t, first.Process.Signal(syscall.SIGKILL), "SIGKILL")
	first.Wait()
	at := esCount(t, es, idx)
	if at >= want.Postings {
		t.Fatalf("the worker had stored everything (%d) before it was killed: the case tests nothing", at)
	}
	prom.waitAlert(t, "SkillpulseWorkerDown", 30*time.Second)
	restarted := time.Now()
	second := workerProcess(t, bin, cfg)
	waitStored(t, es, idx, want.Postings, 3*time.Minute)
	waitLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic, time.Minute)
	recovered := time.Since(restarted)
	prom.waitNoAlert(t, "SkillpulseWorkerDown", 30*time.Second)
	checkOutcome(t, "SIGKILL mid-ingest", want, storedOutcome(t, es, idx), recovered)
	t.Logf("killed with %d of %d postings stored", at, want.Postings)
	mustf(t, second.Process.Signal(syscall.SIGTERM), "SIGTERM")
	mustf(t, second.Wait(), "worker exit after SIGTERM")
}

// rewindGroup commits, for a group with no members, the offset half-way
// through each partition of topic: the next worker re-reads the second
// half of every partition, whose postings are already indexed — as after
// a partial write (documents indexed, offsets never committed).
func rewindGroup(t *testing.T, brokers []string, group, topic string) int64 {
	t.Helper()
	ctx := context.Background()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	meta, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	mustf(t, err, "metadata")
	var reqs []kafka.OffsetRequest
	for _, p := range meta.Topics[0].Partitions {
		reqs = append(reqs, kafka.LastOffsetOf(p.ID))
	}
	ends, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	mustf(t, err, "end offsets")
	var commits []kafka.OffsetCommit
	var replayed int64
	for _, e := range ends.Topics[topic] {
		commits = append(commits, kafka.OffsetCommit{Partition: e.Partition, Offset: e.LastOffset / 2})
		replayed += e.LastOffset - e.LastOffset/2
	}
	res, err := c.OffsetCommit(ctx, &kafka.OffsetCommitRequest{GroupID: group, GenerationID: -1, Topics: map[string][]kafka.OffsetCommit{topic: commits}})
	if err == nil {
		for _, p := range res.Topics[topic] {
			err = errors.Join(err, p.Error)
		}
	}
	mustf(t, err, "rewind %s", group)
	return replayed
}

// Replaying the second half of every partition after its postings were
// indexed (a partial write: indexed, never committed) changes no repost
// verdict and no occupation count: recall stops at the replayed offset,
// so a posting is never judged a repost of one that came after it.
func TestFaultPartialWriteReplay(t *testing.T) {
	fc := newFaultCase(t, "partial", 2000)
	cfg, es, idx, brokers, path, want := fc.cfg, fc.es, fc.idx, fc.brokers, fc.path, fc.want
	mustf(t, kafkaio.EnsureTopic(context.Background(), brokers, cfg.Kafka.Topic, 4, 1, nil), "topic")
	all, _ := os.ReadFile(path)
	publishBytes(t, brokers, cfg.Kafka.Topic, all)

	ctx, stop := context.WithCancel(context.Background())
	_, done := startWorker(t, ctx, cfg)
	waitStored(t, es, idx, want.Postings, 2*time.Minute)
	waitLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic, time.Minute)
	stop()
	mustf(t, <-done, "first worker shutdown")
	before := storedOutcome(t, es, idx)
	checkOutcome(t, "before the replay", want, before, 0)

	replayed := rewindGroup(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic)
	ctx2, stop2 := context.WithCancel(context.Background())
	defer stop2()
	start := time.Now()
	addr, done2 := startWorker(t, ctx2, cfg)
	waitMetric(t, addr, `skillpulse_postings_consumed_total{source="kafka"}`, float64(replayed), 2*time.Minute)
	waitLag(t, brokers, cfg.Kafka.GroupID, cfg.Kafka.Topic, time.Minute)
	took := time.Since(start)
	t.Logf("replayed %d messages", replayed)
	checkOutcome(t, "partial-write replay", want, storedOutcome(t, es, idx), took)
	stop2()
	mustf(t, <-done2, "second worker shutdown")
}
