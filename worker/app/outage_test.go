package app

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// outageServices are this test's own Kafka and Elasticsearch: it stops
// and restarts them, which must not disturb the shared ones other
// packages test against in parallel. Ports are free ones picked at run
// time and the pid files live in the test's temporary directory.
type outageServices struct {
	kafkaPort, esPort int
	dir               string
}

func newOutageServices(t *testing.T) *outageServices {
	t.Helper()
	// Kafka needs its port and the next (controller); Elasticsearch its
	// HTTP port and that + 100 (transport).
	return &outageServices{kafkaPort: freePortWith(t, 1), esPort: freePortWith(t, 100), dir: t.TempDir()}
}

// freePortWith finds a free port p such that p+offset is free too.
func freePortWith(t *testing.T, offset int) int {
	t.Helper()
	for range 50 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		if p+offset > 65535 {
			continue
		}
		if other, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p+offset)); err == nil {
			other.Close()
			return p
		}
	}
	t.Fatal("no free port pair found")
	return 0
}

func (s *outageServices) run(t *testing.T, args ...string) {
	t.Helper()
	root, _ := filepath.Abs("../..")
	cmd := exec.Command(filepath.Join(root, "scripts", "services.sh"), args...)
	cmd.Env = append(os.Environ(), fmt.Sprintf("SKILLPULSE_KAFKA_PORT=%d", s.kafkaPort),
		fmt.Sprintf("SKILLPULSE_ES_PORT=%d", s.esPort), "SKILLPULSE_SERVICES_DIR="+s.dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("services.sh %v: %v\n%s", args, err, out)
	}
}

// stopAll stops both services, checks nothing is left listening and
// removes the node's data (as root services.sh keeps it where its system
// user can write, /var/tmp/skillpulse-es-run-PORT, not in s.dir).
func (s *outageServices) stopAll(t *testing.T) {
	s.run(t, "stop", "all")
	os.RemoveAll(fmt.Sprintf("/var/tmp/skillpulse-es-run-%d", s.esPort))
	for _, p := range []int{s.kafkaPort, s.esPort} {
		if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", p), time.Second); err == nil {
			c.Close()
			t.Errorf("port %d still answers after the outage test stopped its services", p)
		}
	}
}

// TestOutagesLoseNothing runs the worker while first Elasticsearch, then
// Kafka, go down and come back: every posting published around the
// outages ends up indexed exactly once, and nothing is dead-lettered.
func TestOutagesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts real services")
	}
	svc := newOutageServices(t)
	svc.run(t, "start", "all")
	t.Cleanup(func() { svc.stopAll(t) })
	brokers := []string{fmt.Sprintf("127.0.0.1:%d", svc.kafkaPort)}
	cfg, es, idx := testWorker(t, "outage", brokers, fmt.Sprintf("http://127.0.0.1:%d", svc.esPort), 200)
	cfg.Kafka.StallAfter = 3 * time.Second
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
	all := filepath.Join(t.TempDir(), "waves.jsonl")
	mustf(t, os.WriteFile(all, bytes.Join([][]byte{waves[0].Bytes(), waves[1].Bytes(), waves[2].Bytes()}, nil), 0o644), "write waves")
	want := cleanRun(t, all)
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

	waitReady(t, addr, http.StatusOK, 30*time.Second)
	prom := startPrometheus(t, addr)
	svc.run(t, "stop", "es")
	publish(1)
	// The worker fetches and retries against a dead node, and says so.
	waitReady(t, addr, http.StatusServiceUnavailable, 30*time.Second)
	prom.waitAlert(t, "SkillpulsePartitionStalled", 30*time.Second)
	svc.run(t, "start", "es")
	esBack := time.Now()
	waitCount(1200, 3*time.Minute)
	esRecovered := time.Since(esBack)
	waitReady(t, addr, http.StatusOK, 30*time.Second)

	svc.run(t, "stop", "kafka")
	time.Sleep(3 * time.Second)
	svc.run(t, "start", "kafka")
	kafkaBack := time.Now()
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
	kafkaRecovered := time.Since(kafkaBack)
	waitReady(t, addr, http.StatusOK, 30*time.Second)
	got := storedOutcome(t, es, idx)
	checkOutcome(t, "Elasticsearch stopped, then back", want, got, esRecovered)
	checkOutcome(t, "broker restart", want, got, kafkaRecovered)

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
