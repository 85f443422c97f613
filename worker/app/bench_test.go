package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"syscall"
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

const benchPostings = 20000

// BenchmarkEndToEndVsRawBulk measures, in one run on the same node,
// postings/s from the Kafka topic to searchable in Elasticsearch through
// the worker, beside the raw _bulk rate of the very same documents. Each
// iteration is a sandwich, raw → end to end → raw, each phase on fresh
// indices that are deleted before the next phase starts: the node's JIT
// warm-up and its background merges of one phase's segments would
// otherwise count against whichever phase comes next. The raw figure is
// the mean of the two raw phases.
func BenchmarkEndToEndVsRawBulk(b *testing.B) {
	brokers := testsvc.KafkaBrokers(b)
	esURL := testsvc.ElasticsearchURL(b)
	var buf bytes.Buffer
	cfgS := sample.DefaultConfig()
	cfgS.Count, cfgS.RepostRate = benchPostings, 0
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
	var e2eCPU, rawCPU cpuUse
	// An untimed raw phase first: the node's JIT warm-up would otherwise
	// make the first iteration's raw rate low and its ratio flattering.
	rawBulk(b, es, log, buf.Bytes(), fmt.Sprintf("warmup%d", time.Now().UnixNano()%1e9))
	for i := 0; i < b.N; i++ {
		run := fmt.Sprintf("bench%d", time.Now().UnixNano()%1e9)
		raw1, cpu1 := rawBulk(b, es, log, buf.Bytes(), run+"raw1")
		var err error
		e2e, startup, e2eCPU, err = endToEnd(ctx, es, log, brokers, esURL, buf.Bytes(), run)
		if err != nil {
			b.Fatal(err)
		}
		raw2, cpu2 := rawBulk(b, es, log, buf.Bytes(), run+"raw2")
		raw, rawCPU = (raw1+raw2)/2, cpuUse{es: (cpu1.es + cpu2.es) / 2}
	}
	b.ReportMetric(e2e, "e2e_postings/s")
	b.ReportMetric(raw, "raw_bulk_postings/s")
	b.ReportMetric(e2e/raw, "e2e/raw")
	b.ReportMetric(startup, "startup_s")
	// Where the CPU goes, per posting: on 2 cores the worker's share comes
	// out of Elasticsearch's.
	b.ReportMetric(e2eCPU.worker, "worker_cpu_µs/posting")
	b.ReportMetric(e2eCPU.es, "e2e_es_cpu_µs/posting")
	b.ReportMetric(rawCPU.es, "raw_es_cpu_µs/posting")
}

// rawBulk analyzes the postings as the worker would (untimed), then times
// writing those documents with as many concurrent _bulk streams as the
// worker has batches in flight (members × index concurrency), in its
// batch size, plus one refresh: the same requests, minus the pipeline.
func rawBulk(b *testing.B, es *elastic.Client, log *slog.Logger, input []byte, prefix string) (float64, cpuUse) {
	ctx := context.Background()
	st, err := Stages(config.Default(), log)
	if err != nil {
		b.Fatal(err)
	}
	p := analyzer.New(st)
	idx := elastic.Indices{Prefix: prefix}
	if err := es.EnsureTemplates(ctx, idx); err != nil {
		b.Fatal(err)
	}
	defer es.Raw().Indices.Delete([]string{prefix + "-*"})
	var docs []elastic.Doc
	rd := posting.NewJSONLReader(bytes.NewReader(input))
	for {
		rec, ok, _ := rd.Next()
		if !ok {
			break
		}
		a := p.Analyze(rec.Posting)
		// The worker's documents say where they were consumed from; the
		// same documents carry the same fields.
		a.Kafka = &analyzer.KafkaOrigin{Topic: prefix, Partition: len(docs) % 4, Offset: int64(len(docs) / 4)}
		body, _ := analyzer.AppendJSON(nil, a)
		docs = append(docs, elastic.Doc{Index: idx.Postings(a.PostedAt), ID: a.Key, Body: body})
	}
	cfg := config.Default()
	streams, size := cfg.Kafka.Members*cfg.Kafka.IndexConcurrency, cfg.Kafka.BatchSize
	esStart := esCPU(es)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range streams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w * size; j < len(docs); j += streams * size {
				if _, err := es.Write(ctx, docs[j:min(j+size, len(docs))]); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	es.Refresh(ctx, idx.PostingsPattern())
	rate := float64(len(docs)) / time.Since(start).Seconds()
	use := cpuUse{es: (esCPU(es) - esStart).Seconds() * 1e6 / float64(len(docs))}
	if c := countDocs(es, idx); c != len(docs) {
		b.Fatalf("raw: %d documents searchable, want %d", c, len(docs))
	}
	return rate, use
}

// endToEnd publishes the postings to a fresh topic, runs the worker with
// the default configuration and returns postings/s from the first durably
// indexed batch to all searchable, and the start-up latency before it.
// Progress is read off the worker's own metrics: forcing refreshes to poll
// Elasticsearch would slow the very node being measured. The end is the
// same as the raw phase's: everything written, then one refresh.
func endToEnd(ctx context.Context, es *elastic.Client, log *slog.Logger, brokers []string, esURL string, input []byte, run string) (rate, startup float64, use cpuUse, err error) {
	cfg := config.Default()
	cfg.Kafka.Brokers, cfg.Elasticsearch.URLs = brokers, []string{esURL}
	cfg.Kafka.Topic, cfg.Kafka.DeadLetterTopic, cfg.Kafka.GroupID = run, run+"-dlq", run
	cfg.Elasticsearch.IndexPrefix, cfg.Listen = run, "127.0.0.1:0"
	idx := elastic.Indices{Prefix: run}
	defer es.Raw().Indices.Delete([]string{run + "-*"})
	if err := kafkaio.EnsureTopic(ctx, brokers, run, 4, 1, nil); err != nil {
		return 0, 0, use, err
	}
	if _, err := kafkaio.Publish(ctx, brokers, run, "bench.jsonl", bytes.NewReader(input), nil); err != nil {
		return 0, 0, use, err
	}
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- RunProduction(wctx, cfg, log, ready) }()
	addr := <-ready
	start := time.Now()
	esStart, selfStart := esCPU(es), processCPU()
	var first time.Time
	firstCount := 0.0
	for {
		page := fetchMetrics(addr)
		// Every posting is indexed; those judged reposts count apart.
		c := metricValue(page, `skillpulse_postings_processed_total{outcome="indexed"}`) +
			metricValue(page, `skillpulse_postings_processed_total{outcome="duplicate"}`)
		if c > 0 && first.IsZero() {
			first, firstCount = time.Now(), c
		}
		if c >= benchPostings {
			break
		}
		if time.Since(start) > 5*time.Minute {
			var outcomes []string
			for _, l := range strings.Split(fetchMetrics(addr), "\n") {
				if strings.HasPrefix(l, "skillpulse_postings_") || strings.HasPrefix(l, "skillpulse_in_flight") {
					outcomes = append(outcomes, l)
				}
			}
			return 0, 0, use, fmt.Errorf("end-to-end run did not finish in 5 minutes (%v processed):\n%s", c, strings.Join(outcomes, "\n"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	// A batch replayed after a rebalance counts twice in the metric, so
	// the count in Elasticsearch has the last word; poll it gently, a
	// refresh loop would slow the node still indexing the rest.
	for c := 0; c != benchPostings; time.Sleep(100 * time.Millisecond) {
		es.Refresh(ctx, idx.PostingsPattern())
		if c = countDocs(es, idx); c > benchPostings || time.Since(start) > 5*time.Minute {
			return 0, 0, use, fmt.Errorf("%d postings searchable after the run, want %d", c, benchPostings)
		}
	}
	rate = (benchPostings - firstCount) / time.Since(first).Seconds()
	// From start-up to the end, over every posting: this process is the
	// worker (and this benchmark's light polling).
	use = cpuUse{worker: (processCPU() - selfStart).Seconds() * 1e6 / benchPostings,
		es: (esCPU(es) - esStart).Seconds() * 1e6 / benchPostings}
	stop()
	if err := <-done; err != nil {
		return 0, 0, use, fmt.Errorf("worker: %w", err)
	}
	return rate, first.Sub(start).Seconds(), use, nil
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

// cpuUse is CPU time per posting, in microseconds.
type cpuUse struct{ worker, es float64 }

// processCPU is this process's user and system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// esCPU is the Elasticsearch node's process CPU time so far.
func esCPU(es *elastic.Client) time.Duration {
	res, err := es.Raw().Nodes.Stats(es.Raw().Nodes.Stats.WithMetric("process"))
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	var v struct {
		Nodes map[string]struct {
			Process struct {
				CPU struct {
					TotalInMillis int64 `json:"total_in_millis"`
				} `json:"cpu"`
			} `json:"process"`
		} `json:"nodes"`
	}
	if json.NewDecoder(res.Body).Decode(&v) != nil {
		return 0
	}
	for _, n := range v.Nodes {
		return time.Duration(n.Process.CPU.TotalInMillis) * time.Millisecond
	}
	return 0
}
