package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
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
}
