package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// BenchmarkEndToEndVsRawBulk measures, in one run on the same node,
// postings/s from the Kafka topic to searchable in Elasticsearch through
// the worker, beside the raw _bulk rate of the very same documents. Each
// iteration uses fresh topics and indices.
func BenchmarkEndToEndVsRawBulk(b *testing.B) {
	brokers := testsvc.KafkaBrokers(b)
	esURL := testsvc.ElasticsearchURL(b)
	const n = 20000
	var buf bytes.Buffer
	cfgS := sample.DefaultConfig()
	cfgS.Count, cfgS.RepostRate = n, 0
	if err := sample.WriteJSONL(&buf, cfgS); err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	es, err := elastic.New(elastic.Config{URLs: []string{esURL}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var e2e, raw, startup float64
	for i := 0; i < b.N; i++ {
		run := fmt.Sprintf("bench%d", time.Now().UnixNano()%1e9)
		// Raw: the documents the worker would write, bulk-indexed directly.
		st, err := Stages(config.Default(), log)
		if err != nil {
			b.Fatal(err)
		}
		p := analyzer.New(st)
		idx := elastic.Indices{Prefix: run + "raw"}
		es.EnsureTemplates(ctx, idx)
		var docs []elastic.Doc
		rd := posting.NewJSONLReader(bytes.NewReader(buf.Bytes()))
		for {
			rec, ok, _ := rd.Next()
			if !ok {
				break
			}
			a := p.Analyze(rec.Posting)
			body, _ := json.Marshal(a)
			docs = append(docs, elastic.Doc{Index: idx.Postings(a.PostedAt), ID: a.Key, Body: body})
		}
		// As many concurrent _bulk streams as the worker has group
		// members, with its batch size: the same requests, minus the
		// pipeline.
		cfg := config.Default()
		start := time.Now()
		var wg sync.WaitGroup
		for w := range cfg.Kafka.Members {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := w * cfg.Kafka.BatchSize; j < len(docs); j += cfg.Kafka.Members * cfg.Kafka.BatchSize {
					if _, err := es.Write(ctx, docs[j:min(j+cfg.Kafka.BatchSize, len(docs))]); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		es.Refresh(ctx, idx.PostingsPattern())
		raw = float64(n) / time.Since(start).Seconds()

		// End to end: topic → worker → searchable.
		cfg.Kafka.Brokers, cfg.Elasticsearch.URLs = brokers, []string{esURL}
		cfg.Kafka.Topic, cfg.Kafka.DeadLetterTopic, cfg.Kafka.GroupID = run, run+"-dlq", run
		cfg.Elasticsearch.IndexPrefix, cfg.Listen = run, "127.0.0.1:0"
		if err := kafkaio.EnsureTopic(ctx, brokers, run, 4); err != nil {
			b.Fatal(err)
		}
		if _, err := kafkaio.Publish(ctx, brokers, run, "bench.jsonl", bytes.NewReader(buf.Bytes()), nil); err != nil {
			b.Fatal(err)
		}
		wctx, stop := context.WithCancel(ctx)
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() { done <- RunProduction(wctx, cfg, log, ready) }()
		addr := <-ready
		start = time.Now()
		// Throughput is measured from the first durably indexed batch on, so
		// the consumer group's join (seconds, once per worker start) is
		// reported apart as start-up latency rather than diluting the rate.
		// Progress is read off the worker's own metrics: forcing refreshes
		// to poll Elasticsearch would slow the very node being measured.
		// The end is the same as the raw run's: everything written, then
		// one refresh makes it searchable.
		var first time.Time
		firstCount := 0.0
		for {
			page := metricsPage(b, addr)
			c := metricValue(page, `skillpulse_postings_processed_total{outcome="indexed"}`)
			if c > 0 && first.IsZero() {
				first, firstCount = time.Now(), c
			}
			if c >= n {
				break
			}
			if time.Since(start) > 5*time.Minute {
				b.Fatal("end-to-end run did not finish in 5 minutes")
			}
			time.Sleep(100 * time.Millisecond)
		}
		es.Refresh(ctx, elastic.Indices{Prefix: run}.PostingsPattern())
		if c := countDocs(es, elastic.Indices{Prefix: run}); c != n {
			b.Fatalf("%d postings searchable after the run, want %d", c, n)
		}
		e2e = (n - firstCount) / time.Since(first).Seconds()
		startup = first.Sub(start).Seconds()
		stop()
		<-done
		es.Raw().Indices.Delete([]string{run + "*"})
	}
	b.ReportMetric(e2e, "e2e_postings/s")
	b.ReportMetric(raw, "raw_bulk_postings/s")
	b.ReportMetric(e2e/raw, "e2e/raw")
	b.ReportMetric(startup, "startup_s")
}

func countDocs(es *elastic.Client, idx elastic.Indices) int {
	res, err := es.Raw().Count(es.Raw().Count.WithIndex(idx.PostingsPattern()))
	if err != nil {
		return -1
	}
	defer res.Body.Close()
	var v struct{ Count int }
	json.NewDecoder(res.Body).Decode(&v)
	return v.Count
}
