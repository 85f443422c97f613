package app

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// Dedicated ports: this test stops and restarts its services, which must
// not disturb the shared ones other packages test against in parallel.
const outageKafkaPort, outageESPort = "29092", "29200"

func services(t *testing.T, args ...string) {
	t.Helper()
	root, _ := filepath.Abs("../..")
	cmd := exec.Command(filepath.Join(root, "scripts", "services.sh"), args...)
	cmd.Env = append(os.Environ(), "SKILLPULSE_KAFKA_PORT="+outageKafkaPort, "SKILLPULSE_ES_PORT="+outageESPort)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("services.sh %v: %v\n%s", args, err, out)
	}
}

// TestOutagesLoseNothing runs the worker while first Elasticsearch, then
// Kafka, go down and come back: every posting published around the
// outages ends up indexed exactly once, and nothing is dead-lettered.
func TestOutagesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts real services")
	}
	services(t, "start", "all")
	t.Cleanup(func() { services(t, "stop", "all") })
	brokers := []string{"127.0.0.1:" + outageKafkaPort}
	cfg, es, idx := testWorker(t, "outage", brokers, "http://127.0.0.1:"+outageESPort, 200)
	run := cfg.Kafka.Topic

	// Three waves of distinct postings: before, during the ES outage, and
	// around the Kafka outage.
	var waves [3]bytes.Buffer
	keys := map[string]bool{}
	for i := range waves {
		sc := sample.DefaultConfig()
		sc.Count, sc.Seed, sc.RepostRate = 600, int64(100+i), 0
		sample.Generate(sc, func(p *posting.Posting) error {
			p.ID = fmt.Sprintf("w%d-%s", i, p.ID) // distinct across waves
			keys[p.Key()] = true
			b, _ := p.MarshalJSON()
			waves[i].Write(append(b, '\n'))
			return nil
		})
	}
	ctx := context.Background()
	publish := func(i int) {
		t.Helper()
		if _, err := kafkaio.Publish(ctx, brokers, run, "wave.jsonl", bytes.NewReader(waves[i].Bytes()), nil); err != nil {
			t.Fatalf("publish wave %d: %v", i, err)
		}
	}
	if err := kafkaio.EnsureTopic(ctx, brokers, run, 4, 1, nil); err != nil {
		t.Fatal(err)
	}
	publish(0)
	wctx, stop := context.WithCancel(ctx)
	addr, done := startWorker(t, wctx, cfg)
	waitCount := func(want int, within time.Duration) {
		t.Helper()
		deadline := time.Now().Add(within)
		for esCount(t, es, idx) < want && time.Now().Before(deadline) {
			time.Sleep(500 * time.Millisecond)
		}
		if got := esCount(t, es, idx); got != want {
			t.Fatalf("Elasticsearch holds %d postings, want %d", got, want)
		}
	}
	waitCount(600, 2*time.Minute)

	services(t, "stop", "es")
	publish(1)
	time.Sleep(5 * time.Second) // the worker fetches and retries against a dead node
	services(t, "start", "es")
	waitCount(1200, 3*time.Minute)

	services(t, "stop", "kafka")
	time.Sleep(3 * time.Second)
	services(t, "start", "kafka")
	// The broker answers before its partitions have leaders again; a
	// producer retries (documents are keyed, so a message sent twice is
	// still one posting).
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(time.Second) {
		_, err := kafkaio.Publish(ctx, brokers, run, "wave.jsonl", bytes.NewReader(waves[2].Bytes()), nil)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("publish wave 2 after the broker restart: %v", err)
		}
	}
	waitCount(len(keys), 3*time.Minute)

	page := metricsPage(t, addr)
	if v := metricValue(page, `skillpulse_postings_processed_total{outcome="dead_lettered"}`); v != 0 {
		t.Errorf("%v postings dead-lettered during outages; want 0", v)
	}
	// Bulk requests or, for partition keys new to the worker, the recall
	// query before them: either way the outage must show as retries.
	retries := 0.0
	for _, reason := range []string{"request", "recall"} {
		retries += max(metricValue(page, `skillpulse_elasticsearch_retries_total{reason="`+reason+`"}`), 0)
	}
	if retries <= 0 {
		t.Errorf("no Elasticsearch retries counted across an outage")
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("worker shutdown: %v", err)
	}
}
