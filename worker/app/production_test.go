package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/internal/testsvc"
	"github.com/skillpulse/skillpulse/worker/kafkaio"
)

// TestProductionPipeline publishes a few thousand generated postings (with
// reposts and malformed lines) to the real Kafka broker, runs the worker
// into the real Elasticsearch node, and checks: exactly the distinct
// postings are searchable, bad input is on the dead-letter topic with its
// reason, the metrics count it all, the rollup's aggregates match the
// Go rankings and Elasticsearch's own aggregation, and a restart after a
// clean shutdown replays nothing.
func TestProductionPipeline(t *testing.T) {
	brokers := testsvc.KafkaBrokers(t)
	esURL := testsvc.ElasticsearchURL(t)
	cfg, es, idx := testWorker(t, "e2e", brokers, esURL, 250)

	path, keys, bad := testInput(t, 3000)
	ctx := context.Background()
	if err := kafkaio.EnsureTopic(ctx, brokers, cfg.Kafka.Topic, 4, 1, nil); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	sent, err := kafkaio.Publish(ctx, brokers, cfg.Kafka.Topic, path, f, nil)
	f.Close()
	if err != nil || sent != len(keys)+bad+countSameKey(t, path) {
		t.Fatalf("published %d (err %v)", sent, err)
	}

	wctx, stop := context.WithCancel(ctx)
	addr, done := startWorker(t, wctx, cfg)
	deadline := time.Now().Add(3 * time.Minute)
	for esCount(t, es, idx) < len(keys) && time.Now().Before(deadline) {
		time.Sleep(time.Second)
	}
	if got := esCount(t, es, idx); got != len(keys) {
		t.Fatalf("Elasticsearch holds %d postings, want exactly the %d distinct ones", got, len(keys))
	}
	// Let the last commit land, then check the metrics counted everything.
	waitFor(t, func() bool {
		page := metricsPage(t, addr)
		return metricValue(page, `skillpulse_postings_processed_total{outcome="dead_lettered"}`) == float64(bad)
	})
	page := metricsPage(t, addr)
	indexed := metricValue(page, `skillpulse_postings_processed_total{outcome="indexed"}`)
	dups := metricValue(page, `skillpulse_postings_processed_total{outcome="duplicate"}`)
	if int(indexed+dups) != sent-bad {
		t.Errorf("metrics: indexed %v + duplicate %v, want %d processed", indexed, dups, sent-bad)
	}
	if dups == 0 {
		t.Error("the sample has reposts, but no duplicates were counted")
	}
	checkMembers(t, page, cfg.Kafka.Members, 4)
	checkPromtool(t, page)
	checkDeadLetters(t, brokers, cfg.Kafka.DeadLetterTopic, bad)
	checkSample(t, es, idx, path)
	roll, cases := checkReadSide(t, es, idx, addr)

	stop() // SIGTERM: drain, commit, exit
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("worker shutdown: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("worker did not stop")
	}

	dupsBefore := esDuplicates(t, es, idx)

	// A restart resumes from the committed offsets: nothing is replayed.
	wctx2, stop2 := context.WithCancel(ctx)
	defer stop2()
	addr2, _ := startWorker(t, wctx2, cfg)
	time.Sleep(5 * time.Second)
	page2 := metricsPage(t, addr2)
	if v := metricValue(page2, `skillpulse_postings_consumed_total{source="kafka"}`); v > 0 {
		t.Errorf("restart consumed %v messages again; offsets were not committed", v)
	}
	// A producer replaying the second half of the file after the restart
	// changes nothing: same documents, same duplicate verdicts — also for
	// reposts whose originals are in the half not replayed.
	all, _ := os.ReadFile(path)
	lines := bytes.SplitAfter(all, []byte("\n"))
	half := bytes.Join(lines[len(lines)/2:], nil)
	replayed, err := kafkaio.Publish(ctx, brokers, cfg.Kafka.Topic, "replay.jsonl", bytes.NewReader(half), nil)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		return metricValue(metricsPage(t, addr2), `skillpulse_postings_consumed_total{source="kafka"}`) >= float64(replayed)
	})
	time.Sleep(2 * time.Second)
	if got := esCount(t, es, idx); got != len(keys) {
		t.Errorf("after restart and replay Elasticsearch holds %d postings, want %d", got, len(keys))
	}
	if got := esDuplicates(t, es, idx); got != dupsBefore || got == 0 {
		t.Errorf("after restart and replay %d postings are marked duplicate, before %d", got, dupsBefore)
	}
	// The replayed half counts once: its cells are recomputed to the same
	// figures (the late repost above was left in, so compare with the
	// postings as they are now).
	// The restarted worker is another worker: it holds the lease now.
	roll = testRollup(t, es, idx, leaseOwner(t, es, idx))
	if tk := tick(t, roll, es, idx); !tk.Leader || tk.Pairs == 0 {
		t.Errorf("tick after the replay: %+v, want the replayed postings' pairs recomputed", tk)
	}
	apiAgrees(t, es, idx, addr2, cases)
}

// countSameKey counts valid lines whose key repeats an earlier line's.
func countSameKey(t *testing.T, path string) int {
	b, _ := os.ReadFile(path)
	seen, n := map[string]bool{}, 0
	for _, line := range bytes.Split(b, []byte("\n")) {
		if p, err := posting.Parse(line); err == nil {
			if seen[p.Key()] {
				n++
			}
			seen[p.Key()] = true
		}
	}
	return n
}

// checkMembers checks that the worker's group members shared the topic's
// partitions: each fetched messages, and between them all partitions.
func checkMembers(t *testing.T, page string, members, partitions int) {
	t.Helper()
	byMember, parts := map[string]float64{}, map[string]bool{}
	for _, line := range strings.Split(page, "\n") {
		var member, part string
		var n float64
		rest, ok := strings.CutPrefix(line, `skillpulse_consumer_fetched_messages_total{member="`)
		if !ok {
			continue
		}
		member, rest, _ = strings.Cut(rest, `",partition="`)
		part, rest, _ = strings.Cut(rest, `"} `)
		fmt.Sscan(rest, &n)
		byMember[member] += n
		parts[part] = true
	}
	if len(byMember) != members || len(parts) != partitions {
		t.Errorf("fetched by member %v from partitions %v: want %d members sharing %d partitions", byMember, parts, members, partitions)
	}
	for m, n := range byMember {
		if n == 0 {
			t.Errorf("member %s fetched nothing", m)
		}
	}
}

func checkDeadLetters(t *testing.T, brokers []string, topic string, want int) {
	t.Helper()
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, GroupID: topic + "-check", StartOffset: kafka.FirstOffset})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for i := 0; i < want; i++ {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			t.Fatalf("dead letter %d of %d: %v", i+1, want, err)
		}
		h := map[string]string{}
		for _, x := range m.Headers {
			h[x.Key] = string(x.Value)
		}
		if h[kafkaio.HeaderReason] == "" || h[kafkaio.HeaderClass] == "" || h[kafkaio.HeaderTopic] == "" || h[kafkaio.HeaderOffset] == "" {
			t.Errorf("dead letter without origin/reason headers: %v", h)
		}
	}
}

// checkSample compares a few indexed documents with their input.
func checkSample(t *testing.T, es *elastic.Client, idx elastic.Indices, path string) {
	t.Helper()
	b, _ := os.ReadFile(path)
	lines := bytes.Split(b, []byte("\n"))
	for _, i := range []int{0, 17, 500, 2999} {
		p, err := posting.Parse(lines[i])
		if err != nil {
			continue
		}
		res, err := es.Raw().Search(es.Raw().Search.WithIndex(idx.PostingsPattern()),
			es.Raw().Search.WithQuery(fmt.Sprintf(`key:%q`, p.Key())))
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Hits struct {
				Hits []struct {
					Source struct {
						Title      string                `json:"title"`
						Source     string                `json:"source"`
						Occupation struct{ Code string } `json:"occupation"`
						Region     struct{ Key string }  `json:"region"`
						Skills     []struct{ ID string } `json:"skills"`
						Taxonomy   string                `json:"taxonomy_version"`
					} `json:"_source"`
				} `json:"hits"`
			} `json:"hits"`
		}
		json.NewDecoder(res.Body).Decode(&body)
		res.Body.Close()
		if len(body.Hits.Hits) != 1 {
			t.Errorf("posting %s: %d documents, want 1", p.Key(), len(body.Hits.Hits))
			continue
		}
		d := body.Hits.Hits[0].Source
		if d.Source != p.Source || d.Occupation.Code == "" || d.Region.Key == "" || d.Taxonomy == "" {
			t.Errorf("posting %s indexed without its analysis: %+v", p.Key(), d)
		}
	}
}
