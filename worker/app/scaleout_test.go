package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// TestWorkersAgreeOnDuplicates runs two worker processes' worth of
// RunProduction in one consumer group and checks that sharing the topic
// changes no verdict: Elasticsearch ends with exactly the distinct
// postings, and exactly as many marked duplicate as one detector finds
// reading the file in order. Each worker has its own detector, so this
// holds only because producers key postings by employer (Publish does)
// and every posting that could repeat another reaches the same member.
func TestWorkersAgreeOnDuplicates(t *testing.T) {
	brokers := testsvc.KafkaBrokers(t)
	esURL := testsvc.ElasticsearchURL(t)
	run := fmt.Sprintf("scale%d", time.Now().UnixNano()%1e9)
	cfg := config.Default()
	cfg.Kafka.Brokers, cfg.Elasticsearch.URLs = brokers, []string{esURL}
	cfg.Kafka.Topic, cfg.Kafka.DeadLetterTopic, cfg.Kafka.GroupID = run, run+"-dlq", run
	cfg.Kafka.BatchSize, cfg.Kafka.BatchTimeout = 100, 200*time.Millisecond
	cfg.Elasticsearch.IndexPrefix, cfg.Listen = run, "127.0.0.1:0"
	cfg.Schedule.Rollup = "@every 1h"
	es, err := elastic.New(elastic.Config{URLs: cfg.Elasticsearch.URLs})
	if err != nil {
		t.Fatal(err)
	}
	idx := elastic.Indices{Prefix: run}
	t.Cleanup(func() { es.Raw().Indices.Delete([]string{run + "-*"}) })

	path, keys, _ := testInput(t, 2000)
	want := sequentialDuplicates(t, path)
	ctx := context.Background()
	if err := kafkaio.EnsureTopic(ctx, brokers, cfg.Kafka.Topic, 4); err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	// Both workers join before anything is published, as a deployment's
	// replicas would be running when postings arrive.
	_, done1 := startWorker(t, wctx, cfg)
	_, done2 := startWorker(t, wctx, cfg)
	time.Sleep(3 * time.Second)
	f, _ := os.Open(path)
	_, err = kafkaio.Publish(ctx, brokers, cfg.Kafka.Topic, path, f, nil)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for esCount(t, es, idx) < len(keys) && time.Now().Before(deadline) {
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(time.Second) // anything still in flight would show as extra
	if got := esCount(t, es, idx); got != len(keys) {
		t.Fatalf("Elasticsearch holds %d postings, want the %d distinct ones", got, len(keys))
	}
	if got := esDuplicates(t, es, idx); got != want || want == 0 {
		t.Errorf("two workers marked %d postings duplicate; one detector reading the file in order marks %d", got, want)
	}
	stop()
	for _, d := range []<-chan error{done1, done2} {
		if err := <-d; err != nil {
			t.Errorf("worker shutdown: %v", err)
		}
	}
}

// sequentialDuplicates is how many valid postings of the file one
// pipeline, reading it in order, marks as duplicates.
func sequentialDuplicates(t *testing.T, path string) int {
	t.Helper()
	st, err := Stages(config.Default(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	p := analyzer.New(st)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := posting.Open(path, f)
	seen, n := map[string]bool{}, 0
	for {
		rec, ok, err := rd.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if rec.Posting == nil || seen[rec.Posting.Key()] {
			continue
		}
		seen[rec.Posting.Key()] = true
		if p.Analyze(rec.Posting).Duplicate.Duplicate {
			n++
		}
	}
	return n
}
