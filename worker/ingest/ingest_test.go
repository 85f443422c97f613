package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/worker/metrics"
)

// rejectingSink refuses the postings whose key it lists, like
// Elasticsearch refusing a malformed document, and fails once on demand.
type rejectingSink struct {
	reject  map[string]bool
	failing bool
	stored  []string
}

func (s *rejectingSink) Index(_ context.Context, batch []*analyzer.Analysis) ([]indexer.Rejected, error) {
	if s.failing {
		s.failing = false
		return nil, errors.New("node unavailable")
	}
	var rej []indexer.Rejected
	for _, a := range batch {
		if s.reject[a.Key] {
			rej = append(rej, indexer.Rejected{Key: a.Key, Reason: "mapper_parsing_exception"})
			continue
		}
		s.stored = append(s.stored, a.Key)
	}
	return rej, nil
}

type deadLetters struct{ got []DeadLetter }

func (d *deadLetters) DeadLetter(_ context.Context, dl []DeadLetter) error {
	d.got = append(d.got, dl...)
	return nil
}

func newProcessor(t *testing.T, sink indexer.Sink, dl DeadLetterSink) (*Processor, *metrics.Metrics) {
	tax, err := taxonomy.ParseCustomYAML(strings.NewReader("skills:\n  - {id: comm, en: [communication]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := metrics.New(prometheus.NewRegistry())
	p := analyzer.New(analyzer.Stages{Extractor: extract.New(tax), Occupations: noc.NewBuiltin(), Places: geo.NewBuiltin(),
		Dedup: repost.New(repost.DefaultConfig())})
	return &Processor{Pipeline: p, Sink: sink, DeadLetter: dl, Metrics: m, Source: "file"}, m
}

func TestFileIngestOutcomes(t *testing.T) {
	sink := &rejectingSink{reject: map[string]bool{"jb:3": true}}
	dl := &deadLetters{}
	p, m := newProcessor(t, sink, dl)
	in := `{"id":"1","source":"jb","title":"Clerk","description":"Good communication.","location":"Gander, NL"}
{"id":"2","source":"jb","title":"Clerk"}
{"id":"3","source":"jb","title":"Clerk","description":"rejected by the store"}
{"id":"4","source":"indeed","title":"Clerk","description":"Good communication.","location":"Gander, NL"}
`
	st, err := File(context.Background(), p, "in.jsonl", strings.NewReader(in), 2)
	if err != nil {
		t.Fatal(err)
	}
	if st.Read != 4 || st.Indexed != 2 || st.Invalid != 2 || st.Duplicates != 1 {
		t.Errorf("stats %+v", st)
	}
	if strings.Join(sink.stored, ",") != "jb:1,indeed:4" {
		t.Errorf("stored %v", sink.stored)
	}
	if len(dl.got) != 2 || dl.got[0].Field != "description" || dl.got[0].Origin != "in.jsonl:2" ||
		dl.got[1].Class != "rejected_by_index" || dl.got[1].Origin != "in.jsonl:3" {
		t.Errorf("dead letters %+v", dl.got)
	}
	for outcome, want := range map[string]float64{"indexed": 1, "duplicate": 1, "invalid": 2, "dead_lettered": 2} {
		if got := testutil.ToFloat64(m.Processed.WithLabelValues(outcome)); got != want {
			t.Errorf("processed{%s} = %v, want %v", outcome, got, want)
		}
	}
}

func TestStoreFailureIsReturnedAndRetryable(t *testing.T) {
	sink := &rejectingSink{failing: true}
	p, _ := newProcessor(t, sink, &deadLetters{})
	rd := strings.NewReader(`{"id":"1","title":"t","description":"d"}` + "\n")
	if _, err := File(context.Background(), p, "in.jsonl", rd, 10); err == nil {
		t.Fatal("a failing store must surface its error: nothing may be treated as durable")
	}
	// Storage overlaps analysis; a failure still stops the file soon after,
	// and nothing after the failed batch is stored.
	sink = &rejectingSink{failing: true}
	p, _ = newProcessor(t, sink, &deadLetters{})
	var in strings.Builder
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&in, `{"id":"%d","title":"t","description":"d"}`+"\n", i)
	}
	st, err := File(context.Background(), p, "in.jsonl", strings.NewReader(in.String()), 10)
	if err == nil || st.Read > 40 || len(sink.stored) != 0 {
		t.Errorf("after the first batch failed: err %v, %d read, %d stored; want an error, reading stopped within a few batches, nothing stored after the failure", err, st.Read, len(sink.stored))
	}
}

// recorder is a Recaller that lists what it was asked for and hands back
// one earlier posting for partition 1, which the detector must then know.
type recorder struct{ asked []string }

func (r *recorder) Recall(_ context.Context, topic string, partition int, before int64, _ time.Time, fn func(*analyzer.Analysis)) error {
	r.asked = append(r.asked, fmt.Sprintf("%s/%d<%d", topic, partition, before))
	if partition == 1 {
		fn(&analyzer.Analysis{Key: "jb:earlier", Source: "jb", Title: "Clerk", Text: "Good communication and filing.",
			PostedAt: time.Now(), Duplicate: repost.Verdict{Group: "jb:earlier"}})
	}
	return nil
}

// TestRecallOnTakeover checks when a worker recalls a partition's earlier
// postings: the first time it consumes from the partition, and when the
// partition's offsets jump past what it consumed (another worker had it
// in between) — not for every batch, nor for file input.
func TestRecallOnTakeover(t *testing.T) {
	p, _ := newProcessor(t, &rejectingSink{}, &deadLetters{})
	rec := &recorder{}
	p.Recall = rec
	batch := func(partition int, from, to int64) []Item {
		var items []Item
		for off := from; off < to; off++ {
			raw := fmt.Sprintf(`{"id":"p%d-%d","source":"jb","title":"Clerk","description":"Posting %d of partition %d."}`, partition, off, off, partition)
			post, err := posting.Parse([]byte(raw))
			items = append(items, Item{Record: posting.Record{Raw: []byte(raw), Posting: post, Err: err},
				Topic: "postings", Partition: partition, Offset: off})
		}
		return items
	}
	steps := []struct {
		items []Item
		want  string
	}{
		{batch(0, 0, 5), "postings/0<0"},    // first meeting
		{batch(0, 5, 10), ""},               // continues where it left off
		{batch(0, 3, 8), ""},                // a replay of what it consumed
		{batch(0, 20, 25), "postings/0<20"}, // offsets 10-19 went to another worker
		{append(batch(1, 3, 5), batch(0, 25, 27)...), "postings/1<3"},
		{[]Item{{Record: batch(2, 0, 1)[0].Record, Origin: "file.jsonl:1"}}, ""}, // not from Kafka
	}
	for i, s := range steps {
		rec.asked = nil
		if _, err := p.Prepare(context.Background(), s.items); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rec.asked, ","); got != s.want {
			t.Errorf("step %d: recalled %q, want %q", i, got, s.want)
		}
	}
	// What was recalled takes part in duplicate detection.
	raw := `{"id":"later","source":"indeed","title":"Clerk","description":"Good communication and filing."}`
	post, _ := posting.Parse([]byte(raw))
	pr, err := p.Prepare(context.Background(), []Item{{Record: posting.Record{Raw: []byte(raw), Posting: post}, Topic: "postings", Partition: 1, Offset: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if a := pr.batch[0]; !a.Duplicate.Duplicate || a.Duplicate.Group != "jb:earlier" {
		t.Errorf("a repost of a recalled posting was judged %+v", a.Duplicate)
	}
}
