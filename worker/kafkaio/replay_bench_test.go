package kafkaio

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/worker/ingest"
)

// BenchmarkReplay replays 20,000 dead letters (generated postings, about
// 1.4 KB each) from a 4-partition dead-letter topic to a 4-partition
// postings topic on the real broker; each iteration is a fresh group, so
// it reads and republishes them all. Reported: dead letters per second.
func BenchmarkReplay(b *testing.B) {
	brokers := replayBrokers(b)
	const n = 20_000
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	run := fmt.Sprintf("replay-bench-%d", time.Now().UnixNano())
	topic, dlq := run, run+"-dlq"
	for _, tp := range []string{topic, dlq} {
		if err := EnsureTopic(ctx, brokers, tp, 4, 1, nil); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	cfg := sample.DefaultConfig()
	cfg.Count, cfg.Seed = n, 11
	if err := sample.WriteJSONL(&buf, cfg); err != nil {
		b.Fatal(err)
	}
	w := NewDeadLetters(brokers, dlq)
	var dls []ingest.DeadLetter
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for i := 0; sc.Scan(); i++ {
		raw := append([]byte(nil), sc.Bytes()...)
		dls = append(dls, ingest.DeadLetter{Raw: raw, Class: "rejected_by_index", Reason: "bench", Size: len(raw),
			Origin: fmt.Sprintf("%s/%d/%d", topic, i%4, i), Topic: topic, Partition: i % 4, Offset: int64(i)})
		if len(dls) == 500 {
			if err := w.DeadLetter(ctx, dls); err != nil {
				b.Fatal(err)
			}
			dls = dls[:0]
		}
	}
	if err := w.DeadLetter(ctx, dls); err != nil {
		b.Fatal(err)
	}
	w.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rc := ReplayConfig{Brokers: brokers, DeadLetterTopic: dlq, GroupID: fmt.Sprintf("%s-g%d", run, i), Topic: topic}
		plan, err := PlanReplay(ctx, rc)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := Replay(ctx, rc, plan)
		if err != nil || sum.Replayed != n {
			b.Fatalf("replayed %d of %d: %v", sum.Replayed, n, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "deadletters/s")
}
