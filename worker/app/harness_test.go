package app

// The harness the real-service tests share: generated input, a worker
// configured against the test broker and node, and reading its metrics.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
)

// testInput writes generated postings plus malformed lines and returns the
// file, the distinct keys of the valid postings and the number of bad lines.
func testInput(t *testing.T, n int) (string, map[string]bool, int) {
	t.Helper()
	var buf bytes.Buffer
	cfg := sample.DefaultConfig()
	cfg.Count, cfg.Seed = n, 7
	if err := sample.WriteJSONL(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	bad := []string{`{"id":"bad-1","title":"no description"}`, `not json at all`, `{"id":"bad-3","title":"x","description":"y","posted_at":"yesterday"}`}
	for _, b := range bad {
		buf.WriteString(b + "\n")
	}
	keys := map[string]bool{}
	for _, line := range bytes.Split(buf.Bytes(), []byte("\n")) {
		if p, err := posting.Parse(line); err == nil {
			keys[p.Key()] = true
		}
	}
	path := t.TempDir() + "/postings.jsonl"
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, keys, len(bad)
}

// testWorker is a worker configuration on names of its own (topic, group,
// indices) for one test, the client to check its results, and its
// indices, deleted when the test ends. Rollups run only on demand.
func testWorker(t *testing.T, name string, brokers []string, esURL string, batch int) (config.Config, *elastic.Client, elastic.Indices) {
	t.Helper()
	run := fmt.Sprintf("%s%d", name, time.Now().UnixNano()%1e9)
	cfg := config.Default()
	cfg.Kafka.Brokers, cfg.Elasticsearch.URLs = brokers, []string{esURL}
	cfg.Kafka.Topic, cfg.Kafka.DeadLetterTopic, cfg.Kafka.GroupID = run, run+"-dlq", run
	cfg.Kafka.BatchSize, cfg.Kafka.BatchTimeout = batch, 200*time.Millisecond
	cfg.Elasticsearch.IndexPrefix, cfg.Listen = run, "127.0.0.1:0"
	cfg.Schedule.Rollup = "@every 1h"
	es, err := elastic.New(elastic.Config{URLs: cfg.Elasticsearch.URLs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { es.Raw().Indices.Delete([]string{run + "-*"}) })
	return cfg, es, elastic.Indices{Prefix: run}
}

func esCount(t *testing.T, es *elastic.Client, idx elastic.Indices) int {
	t.Helper()
	es.Refresh(context.Background(), idx.PostingsPattern())
	return countDocs(es, idx)
}

func startWorker(t *testing.T, ctx context.Context, cfg config.Config) (addr string, done <-chan error) {
	t.Helper()
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	go func() { errc <- RunProduction(ctx, cfg, log, ready) }()
	select {
	case addr = <-ready:
	case err := <-errc:
		t.Fatalf("worker exited before serving: %v", err)
	case <-time.After(90 * time.Second):
		t.Fatal("worker did not start")
	}
	return addr, errc
}

func metricsPage(t *testing.T, addr string) string {
	t.Helper()
	page := fetchMetrics(addr)
	if page == "" {
		t.Fatalf("no metrics from %s", addr)
	}
	return page
}

// fetchMetrics is the worker's /metrics page, or "" when it cannot be read.
func fetchMetrics(addr string) string {
	res, err := http.Get(addr + "/metrics")
	if err != nil {
		return ""
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

func metricValue(page, series string) float64 {
	for _, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(line, series+" ") {
			var v float64
			fmt.Sscan(strings.TrimPrefix(line, series+" "), &v)
			return v
		}
	}
	return -1
}

func esDuplicates(t *testing.T, es *elastic.Client, idx elastic.Indices) int {
	t.Helper()
	es.Refresh(context.Background(), idx.PostingsPattern())
	res, err := es.Raw().Count(es.Raw().Count.WithIndex(idx.PostingsPattern()), es.Raw().Count.WithQuery("duplicate.duplicate:true"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v struct{ Count int }
	json.NewDecoder(res.Body).Decode(&v)
	return v.Count
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition not met within 30s")
}

func checkPromtool(t *testing.T, page string) {
	t.Helper()
	p, err := exec.LookPath("promtool")
	if err != nil {
		t.Fatal("promtool not found: scripts/install-deps.sh installs it")
	}
	cmd := exec.Command(p, "check", "metrics")
	cmd.Stdin = strings.NewReader(page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}
}

// settledMetric waits until a series of the worker's /metrics has not
// changed for quiet (at most limit) and returns its value.
func settledMetric(t *testing.T, addr, series string, quiet, limit time.Duration) float64 {
	t.Helper()
	v := metricValue(metricsPage(t, addr), series)
	since, deadline := time.Now(), time.Now().Add(limit)
	for time.Since(since) < quiet {
		if time.Now().After(deadline) {
			t.Fatalf("%s still changing after %s (now %v)", series, limit, v)
		}
		time.Sleep(250 * time.Millisecond)
		if now := metricValue(metricsPage(t, addr), series); now != v {
			v, since = now, time.Now()
		}
	}
	return v
}
