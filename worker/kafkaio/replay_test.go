package kafkaio

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/internal/backoff"
	"github.com/skillpulse/skillpulse/worker/ingest"
)

// replayBrokers is the real broker the replay tests run against. They
// need SKILLPULSE_TEST_KAFKA; without it they are skipped, except in CI,
// which must run them.
func replayBrokers(t testing.TB) []string {
	t.Helper()
	v := os.Getenv("SKILLPULSE_TEST_KAFKA")
	switch {
	case v != "":
		return strings.Split(v, ",")
	case os.Getenv("CI") == "true":
		t.Fatal("SKILLPULSE_TEST_KAFKA is not set: CI must run the replay tests against a real broker")
	default:
		t.Skip("replay tests need a real broker: set SKILLPULSE_TEST_KAFKA (e.g. 127.0.0.1:19092)")
	}
	return nil
}

// replayFixture is a dead-letter topic written by the real DeadLetters
// producer, with the two topics its entries came from, all of the test's
// own.
type replayFixture struct {
	brokers              []string
	topic, other, dlq    string
	group                string
	dls                  []ingest.DeadLetter
	replayable           []ingest.DeadLetter // in the order written
	truncated            []string            // origins
	rejected, nonRejects int                 // replayable entries of class rejected_by_index, and of others
}

func newReplayFixture(t *testing.T, ctx context.Context, name string) *replayFixture {
	t.Helper()
	brokers := replayBrokers(t)
	run := fmt.Sprintf("replay-%s-%d", name, time.Now().UnixNano())
	f := &replayFixture{brokers: brokers, topic: run, other: run + "-other", dlq: run + "-dlq", group: run + "-replay"}
	for topic, parts := range map[string]int{f.topic: 3, f.other: 2, f.dlq: 2} {
		if err := EnsureTopic(ctx, brokers, topic, parts, 1, nil); err != nil {
			t.Fatal(err)
		}
	}
	cook := func(id, employer string) []byte {
		return []byte(fmt.Sprintf(`{"id":"%s","source":"jb","title":"Cook","employer":"%s","description":"Prepare meals."}`+"\n", id, employer))
	}
	big := []byte(`{"id":"big","source":"jb","title":"Cook","description":"` + strings.Repeat("x", DeadLetterValueBytes+100_000) + `"}`)
	oversize := []byte(`{"id":"o","source":"jb","title":"Writer","employer":"Words Inc","description":"` + strings.Repeat("words ", 1000) + `"}`)
	// dl is a dead letter of a message read from topic/p/o ("" for a file).
	dl := func(class string, raw []byte, topic string, p int, o int64) ingest.DeadLetter {
		origin := fmt.Sprintf("%s/%d/%d", topic, p, o)
		if topic == "" {
			origin = fmt.Sprintf("postings.jsonl:%d", o)
		}
		return ingest.DeadLetter{Raw: raw, Class: class, Reason: class + " in test", Size: len(raw), Origin: origin, Topic: topic, Partition: p, Offset: o}
	}
	cut := dl("invalid_json", []byte(`{"id":"4","title":"Cook","desc`), f.topic, 2, 12)
	cut.Truncated = true // a line the reader cut
	f.dls = []ingest.DeadLetter{
		dl("rejected_by_index", cook("1", "Café Nord"), f.topic, 1, 10),
		dl("rejected_by_index", cook("2", "Bistro Sud"), f.other, 0, 4),
		dl("validation", []byte(`{"id":"3","source":"jb","description":"no title"}`), f.topic, 2, 7),
		dl("invalid_json", []byte("not json at all"), f.topic, 0, 8),
		dl("too_large", big, f.topic, 0, 9),       // cut to DeadLetterValueBytes
		dl("too_large", oversize, f.topic, 1, 11), // fits: replayable once the limit is raised
		cut,
		// No original topic: replayed to the configured one.
		dl("rejected_by_index", cook("5", "Café Nord"), "", 0, 5),
	}
	for _, d := range f.dls {
		switch {
		case len(d.Raw) > DeadLetterValueBytes || d.Truncated:
			f.truncated = append(f.truncated, d.Origin)
		case d.Class == "rejected_by_index":
			f.replayable = append(f.replayable, d)
			f.rejected++
		default:
			f.replayable = append(f.replayable, d)
			f.nonRejects++
		}
	}
	f.write(t, ctx, f.dls)
	return f
}

// write dead-letters dls with the real producer, one at a time so that
// their order in the topic is known.
func (f *replayFixture) write(t *testing.T, ctx context.Context, dls []ingest.DeadLetter) {
	t.Helper()
	w := NewDeadLetters(f.brokers, f.dlq)
	defer w.Close()
	for _, d := range dls {
		// The producer tries once (the consumer retries with backoff); a
		// topic just created may not have its leader yet.
		err := backoff.Policy{Min: 100 * time.Millisecond, Max: time.Second}.Retry(ctx, func() error {
			return w.DeadLetter(ctx, []ingest.DeadLetter{d})
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
	}
}

func (f *replayFixture) config() ReplayConfig {
	return ReplayConfig{Brokers: f.brokers, DeadLetterTopic: f.dlq, GroupID: f.group, Topic: f.topic, IdleTimeout: 20 * time.Second}
}

func (f *replayFixture) replay(t *testing.T, ctx context.Context, cfg ReplayConfig) (ingest.ReplaySummary, []ingest.ReplayEntry) {
	t.Helper()
	plan, err := PlanReplay(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var seen []ingest.ReplayEntry
	cfg.Each = func(e ingest.ReplayEntry) { seen = append(seen, e) }
	start := time.Now()
	sum, err := Replay(ctx, cfg, plan)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("replay of %d pending took %v", plan.Pending, time.Since(start).Round(time.Millisecond))
	return sum, seen
}

// pending is how many dead letters the group has yet to replay.
func (f *replayFixture) pending(t *testing.T, ctx context.Context) int {
	t.Helper()
	plan, err := PlanReplay(ctx, f.config())
	if err != nil {
		t.Fatal(err)
	}
	return plan.Pending
}

// published reads every message of the fixture's two original topics.
func (f *replayFixture) published(t *testing.T, ctx context.Context) []kafka.Message {
	t.Helper()
	var out []kafka.Message
	for _, topic := range []string{f.topic, f.other} {
		out = append(out, readTopic(t, ctx, f.brokers, topic)...)
	}
	return out
}

func readTopic(t *testing.T, ctx context.Context, brokers []string, topic string) []kafka.Message {
	t.Helper()
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	parts := partitionIDs(t, ctx, brokers, topic)
	first, err := listOffsets(ctx, client, topic, parts, kafka.FirstOffsetOf)
	if err != nil {
		t.Fatal(err)
	}
	last, err := listOffsets(ctx, client, topic, parts, kafka.LastOffsetOf)
	if err != nil {
		t.Fatal(err)
	}
	var out []kafka.Message
	for _, p := range parts {
		if last[p] <= first[p] {
			continue
		}
		out = append(out, readPartition(t, ctx, brokers[0], topic, p, first[p], last[p])...)
	}
	return out
}

// readPartition reads the messages of topic/p at offsets [from, to) from
// its leader (a partition Reader takes seconds to close).
func readPartition(t *testing.T, ctx context.Context, broker, topic string, p int, from, to int64) []kafka.Message {
	t.Helper()
	conn, err := kafka.DialLeader(ctx, "tcp", broker, topic, p)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var out []kafka.Message
	for next := from; next < to; {
		if _, err := conn.Seek(next, kafka.SeekAbsolute); err != nil {
			t.Fatal(err)
		}
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		b := conn.ReadBatch(1, 10<<20)
		for {
			m, err := b.ReadMessage()
			if err != nil {
				break
			}
			out = append(out, m)
			next = m.Offset + 1
		}
		if err := b.Close(); err != nil {
			t.Fatalf("read %s/%d at %d: %v", topic, p, next, err)
		}
	}
	return out
}

func partitionIDs(t *testing.T, ctx context.Context, brokers []string, topic string) []int {
	t.Helper()
	conn, err := kafka.DialContext(ctx, "tcp", brokers[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ps, err := conn.ReadPartitions(topic)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	return ids
}

// wantKey is the key Publish gives a posting: its partition key when it
// parses, else (a replay keeps it) the dead letter's own key, its origin.
func wantKey(d ingest.DeadLetter) string {
	if p, err := posting.Parse(d.Raw); err == nil {
		return repost.PartitionKey(p.Employer, p.Title)
	}
	return d.Origin
}

// checkPublished asserts that exactly the postings of want arrived, each
// once, on its original topic (the configured one when it has none), with
// its value unchanged and keyed, and so partitioned, as Publish would.
func (f *replayFixture) checkPublished(t *testing.T, ctx context.Context, want []ingest.DeadLetter) {
	t.Helper()
	got := f.published(t, ctx)
	if len(got) != len(want) {
		t.Fatalf("%d messages on the original topics, want %d", len(got), len(want))
	}
	parts := map[string]int{f.topic: 3, f.other: 2}
	for _, d := range want {
		topic := d.Topic
		if topic == "" {
			topic = f.topic
		}
		i := slices.IndexFunc(got, func(m kafka.Message) bool { return string(m.Value) == string(d.Raw) })
		if i < 0 {
			t.Errorf("dead letter from %s (%s) not replayed", d.Origin, d.Class)
			continue
		}
		m := got[i]
		got = slices.Delete(got, i, i+1)
		wantPart := (&kafka.Hash{}).Balance(kafka.Message{Key: []byte(wantKey(d))}, seq(parts[topic])...)
		if m.Topic != topic || string(m.Key) != wantKey(d) || m.Partition != wantPart {
			t.Errorf("dead letter from %s replayed to %s/%d key %q, want %s/%d key %q", d.Origin, m.Topic, m.Partition, m.Key, topic, wantPart, wantKey(d))
		}
		if !strings.HasPrefix(header(m, HeaderReplayOf), f.dlq+"/") {
			t.Errorf("replayed message of %s has %s=%q, want the dead letter's position", d.Origin, HeaderReplayOf, header(m, HeaderReplayOf))
		}
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func ofClass(dls []ingest.DeadLetter, class string) []ingest.DeadLetter {
	var out []ingest.DeadLetter
	for _, d := range dls {
		if d.Class == class {
			out = append(out, d)
		}
	}
	return out
}

// TestReplayRepublishesOnce: every whole dead letter goes back to where it
// came from, once; truncated ones are named and skipped; a second replay
// publishes nothing, and a later one only what was dead-lettered since.
func TestReplayRepublishesOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	f := newReplayFixture(t, ctx, "once")

	sum, seen := f.replay(t, ctx, f.config())
	if sum.Replayed != len(f.replayable) || sum.SkippedTruncated != 2 || sum.SkippedClass != 0 || len(seen) != len(f.dls) {
		t.Errorf("summary %+v (%d entries seen), want %d replayed, 2 truncated, all %d seen", sum, len(seen), len(f.replayable), len(f.dls))
	}
	want := map[string]int{"rejected_by_index": 3, "validation": 1, "invalid_json": 1, "too_large": 1}
	if fmt.Sprint(sum.ByClass) != fmt.Sprint(want) {
		t.Errorf("by class %v, want %v", sum.ByClass, want)
	}
	var names []string
	for _, e := range sum.Truncated {
		names = append(names, e.Origin)
		if !strings.HasPrefix(e.From, f.dlq+"/") {
			t.Errorf("truncated entry %+v does not name its dead-letter position", e)
		}
	}
	if slices.Sort(names); !slices.Equal(names, slices.Sorted(slices.Values(f.truncated))) {
		t.Errorf("truncated entries %v, want %v", names, f.truncated)
	}
	f.checkPublished(t, ctx, f.replayable)
	if n := f.pending(t, ctx); n != 0 {
		t.Errorf("%d dead letters still pending after a replay", n)
	}

	sum, _ = f.replay(t, ctx, f.config())
	if sum.Replayed != 0 || sum.SkippedTruncated != 0 {
		t.Errorf("second replay: %+v, want nothing", sum)
	}
	f.checkPublished(t, ctx, f.replayable)

	late := ingest.DeadLetter{Raw: []byte(`{"id":"9","source":"jb","title":"Baker","description":"Bread."}`), Class: "rejected_by_index",
		Origin: f.topic + "/2/30", Topic: f.topic, Partition: 2, Offset: 30}
	f.write(t, ctx, []ingest.DeadLetter{late})
	sum, _ = f.replay(t, ctx, f.config())
	if sum.Replayed != 1 {
		t.Errorf("replay after one more dead letter: %+v, want it alone replayed", sum)
	}
	f.checkPublished(t, ctx, append(slices.Clone(f.replayable), late))
}

// TestReplayClassFilter: only the classes asked for are published; the
// others are counted as skipped, and a second run publishes nothing.
func TestReplayClassFilter(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	f := newReplayFixture(t, ctx, "class")
	cfg := f.config()
	cfg.Classes = []string{"rejected_by_index"}
	sum, _ := f.replay(t, ctx, cfg)
	if sum.Replayed != f.rejected || sum.SkippedClass != f.nonRejects || sum.SkippedTruncated != 2 || sum.ByClass["rejected_by_index"] != f.rejected || len(sum.ByClass) != 1 {
		t.Errorf("summary %+v, want %d replayed (all rejected_by_index), %d of other classes, 2 truncated", sum, f.rejected, f.nonRejects)
	}
	f.checkPublished(t, ctx, ofClass(f.replayable, "rejected_by_index"))
	sum, _ = f.replay(t, ctx, cfg)
	if sum.Replayed != 0 || sum.SkippedClass != 0 {
		t.Errorf("second replay: %+v, want nothing", sum)
	}
	f.checkPublished(t, ctx, ofClass(f.replayable, "rejected_by_index"))
}

// TestReplayDryRun lists what would be replayed, keyed and routed as a
// replay would, and publishes and commits nothing: a replay afterwards
// still replays everything.
func TestReplayDryRun(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	f := newReplayFixture(t, ctx, "dry")
	cfg := f.config()
	cfg.DryRun = true
	sum, seen := f.replay(t, ctx, cfg)
	if !sum.DryRun || sum.Replayed != len(f.replayable) || sum.SkippedTruncated != 2 {
		t.Errorf("dry run summary %+v, want %d would-replay and 2 truncated", sum, len(f.replayable))
	}
	var would []ingest.ReplayEntry
	for _, e := range seen {
		if e.Action == ingest.ReplayWouldReplay {
			would = append(would, e)
		}
	}
	if len(would) != len(f.replayable) {
		t.Fatalf("dry run listed %d entries to replay, want %d: %+v", len(would), len(f.replayable), seen)
	}
	for i, d := range f.replayable { // one dead-letter partition per key: order may mix across partitions
		j := slices.IndexFunc(would, func(e ingest.ReplayEntry) bool { return e.Key == wantKey(d) && e.Class == d.Class })
		if j < 0 {
			t.Errorf("replayable entry %d (%s, key %q) not listed: %+v", i, d.Origin, wantKey(d), would)
		}
	}
	if got := f.published(t, ctx); len(got) != 0 {
		t.Errorf("dry run published %d messages", len(got))
	}
	if n := f.pending(t, ctx); n != len(f.dls) {
		t.Errorf("after a dry run %d dead letters pending, want all %d (nothing committed)", n, len(f.dls))
	}
	f.replay(t, ctx, f.config())
	f.checkPublished(t, ctx, f.replayable)
}
