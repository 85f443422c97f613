package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/config"
	"github.com/skillpulse/skillpulse/indexer/elastic"
)

// outcome is what a run concludes from a file: its unique postings, how
// many of them are reposts, and the postings that are not reposts per
// occupation code — the figures every profile is made of. A fault case
// passes when its outcome equals a clean run's.
type outcome struct {
	Postings, Duplicates int
	Occupations          map[string]int
}

// cleanRun is the outcome of one pipeline reading the file in order, with
// no fault: the reference the fault cases are held to.
func cleanRun(t *testing.T, path string) outcome {
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
	out := outcome{Occupations: map[string]int{}}
	seen := map[string]bool{}
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
		a := p.Analyze(rec.Posting)
		out.Postings++
		if a.Duplicate.Duplicate {
			out.Duplicates++
			continue
		}
		out.Occupations[occupationKey(a.Occupation.Code)]++
	}
	return out
}

func occupationKey(code string) string {
	if code == "" {
		return "(none)"
	}
	return code
}

// storedOutcome is the outcome as Elasticsearch holds it.
func storedOutcome(t *testing.T, es *elastic.Client, idx elastic.Indices) outcome {
	t.Helper()
	out := outcome{Postings: esCount(t, es, idx), Duplicates: esDuplicates(t, es, idx), Occupations: map[string]int{}}
	body := `{"size":0,"query":{"bool":{"must_not":{"term":{"duplicate.duplicate":true}}}},
		"aggs":{"occ":{"terms":{"field":"occupation.code","size":2000,"missing":"(none)"}}}}`
	res, err := es.Raw().Search(es.Raw().Search.WithIndex(idx.PostingsPattern()), es.Raw().Search.WithBody(strings.NewReader(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v struct {
		Aggregations struct {
			Occ struct {
				Buckets []struct {
					Key   string `json:"key"`
					Count int    `json:"doc_count"`
				} `json:"buckets"`
			} `json:"occ"`
		} `json:"aggregations"`
	}
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
	for _, b := range v.Aggregations.Occ.Buckets {
		out.Occupations[b.Key] = b.Count
	}
	return out
}

// checkOutcome compares a fault case's outcome with the clean run's and
// logs the case's line of the README's reliability table.
func checkOutcome(t *testing.T, fault string, want, got outcome, recovered time.Duration) {
	t.Helper()
	lost := max(want.Postings-got.Postings, 0)
	verdicts := got.Duplicates - want.Duplicates
	if got.Postings != want.Postings {
		t.Errorf("%s: %d unique postings stored, a clean run has %d", fault, got.Postings, want.Postings)
	}
	if verdicts != 0 {
		t.Errorf("%s: %d postings judged reposts, a clean run judges %d", fault, got.Duplicates, want.Duplicates)
	}
	moved := 0
	for code, n := range want.Occupations {
		if d := got.Occupations[code] - n; d != 0 {
			moved += max(d, -d)
			t.Errorf("%s: occupation %s counts %d postings, a clean run %d", fault, code, got.Occupations[code], n)
		}
	}
	for code, n := range got.Occupations {
		if _, ok := want.Occupations[code]; !ok {
			moved += n
			t.Errorf("%s: occupation %s counts %d postings, a clean run none", fault, code, n)
		}
	}
	t.Logf("reliability | %s | postings %d | lost %d | repost verdicts changed %d | occupation counts off %d | recovered in %v",
		fault, want.Postings, lost, max(verdicts, -verdicts), moved, recovered.Round(100*time.Millisecond))
}

// readyStatus is the worker's /readyz status code (0 when unreachable).
func readyStatus(addr string) int {
	res, err := http.Get(addr + "/readyz")
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// waitReady waits until /readyz answers want.
func waitReady(t *testing.T, addr string, want int, within time.Duration) {
	t.Helper()
	got := 0
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if got = readyStatus(addr); got == want {
			return
		}
	}
	t.Errorf("/readyz answered %d for %v, want %d", got, within, want)
}

// groupLag is how many messages of topic the group has not committed.
func groupLag(t *testing.T, brokers []string, group, topic string) int64 {
	t.Helper()
	ctx := context.Background()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	meta, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil || len(meta.Topics) != 1 {
		t.Fatalf("metadata of %s: %v", topic, err)
	}
	var parts []int
	var reqs []kafka.OffsetRequest
	for _, p := range meta.Topics[0].Partitions {
		parts = append(parts, p.ID)
		reqs = append(reqs, kafka.LastOffsetOf(p.ID))
	}
	ends, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	if err != nil {
		t.Fatalf("end offsets of %s: %v", topic, err)
	}
	committed, err := c.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: parts}})
	if err != nil {
		t.Fatalf("committed offsets of %s: %v", group, err)
	}
	at := map[int]int64{}
	for _, p := range committed.Topics[topic] {
		at[p.Partition] = max(p.CommittedOffset, 0)
	}
	var lag int64
	for _, e := range ends.Topics[topic] {
		lag += e.LastOffset - at[e.Partition]
	}
	return lag
}

// waitLag waits until the group has committed everything on topic.
func waitLag(t *testing.T, brokers []string, group, topic string, within time.Duration) {
	t.Helper()
	var lag int64
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		if lag = groupLag(t, brokers, group, topic); lag == 0 {
			return
		}
	}
	t.Errorf("group %s still has %d messages of %s uncommitted after %v: wedged", group, lag, topic, within)
}

// waitMetric waits until series reaches at least want on the worker.
func waitMetric(t *testing.T, addr, series string, want float64, within time.Duration) {
	t.Helper()
	v := -1.0
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if v = metricValue(fetchMetrics(addr), series); v >= want {
			return
		}
	}
	t.Errorf("%s = %v after %v, want %v", series, v, within, want)
}

func mustf(t *testing.T, err error, f string, a ...any) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", fmt.Sprintf(f, a...), err)
	}
}

// sumSeries adds the values of every series of the page starting with
// prefix (a metric name and "{": all its label sets); -1 when none.
func sumSeries(page, prefix string) float64 {
	sum, found := 0.0, false
	for _, line := range strings.Split(page, "\n") {
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			var v float64
			fmt.Sscan(line[i+1:], &v)
			sum, found = sum+v, true
		}
	}
	if !found {
		return -1
	}
	return sum
}
