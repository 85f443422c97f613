package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/indexer"
)

// keepingSink keeps every analysis it is given.
type keepingSink struct{ got []*analyzer.Analysis }

func (s *keepingSink) Index(_ context.Context, batch []*analyzer.Analysis) ([]indexer.Rejected, error) {
	s.got = append(s.got, batch...)
	return nil, nil
}

func TestFileIngestsTheJobBankFeed(t *testing.T) {
	sink := &keepingSink{}
	dl := &deadLetters{}
	p, _ := newProcessor(t, sink, dl)
	f, err := os.Open(filepath.Join("..", "..", "analyzer", "posting", "testdata", "jobbank.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := File(context.Background(), p, "jobbank.xml", f, 2)
	if err != nil {
		t.Fatal(err)
	}
	if st.Read != 6 || st.Indexed != 4 || st.Invalid != 2 || st.DateAssumed != 1 {
		t.Errorf("stats %+v, want 6 read, 4 indexed, 2 invalid, 1 dated at ingest", st)
	}
	byID := map[string]*analyzer.Analysis{}
	for _, a := range sink.got {
		byID[a.ID] = a
	}
	cook := byID["41230001"]
	if cook == nil || cook.Occupation.Code != "63200" || cook.Occupation.Method != "source" || cook.Region.Province != "NL" || cook.Wage == nil {
		t.Fatalf("cook %+v", cook)
	}
	// The Tasks list is the text skill extraction reads.
	if !strings.Contains(cook.Text, "Prepare and cook complete meals") {
		t.Errorf("text %q", cook.Text)
	}
	if fr := byID["41230002"]; fr == nil || fr.Language != "fr" || fr.Region.Province != "QC" || fr.DateGuessed {
		t.Errorf("French posting %+v", fr)
	}
	nurse := byID["41230003"]
	if nurse == nil || !nurse.DateGuessed || !nurse.PostedAt.Equal(st.AssumedFrom) || !st.AssumedFrom.Equal(st.AssumedTo) {
		t.Errorf("undated posting: %+v, stats %+v", nurse, st)
	}
	if len(dl.got) != 2 || dl.got[0].Origin != "jobbank.xml:89" || dl.got[0].Class != "invalid_json" || dl.got[1].Field != "title" {
		t.Errorf("dead letters %+v", dl.got)
	}
}

func TestFileProgressCountsStoredBatches(t *testing.T) {
	p, _ := newProcessor(t, &keepingSink{}, &deadLetters{})
	var in strings.Builder
	for i := 0; i < 25; i++ {
		if i == 7 {
			in.WriteString("not json\n")
			continue
		}
		fmt.Fprintf(&in, `{"id":"%d","title":"t","description":"d"}`+"\n", i)
	}
	var seen []int
	st, err := FileProgress(context.Background(), p, "in.jsonl", strings.NewReader(in.String()), 10, func(s Stats) {
		seen = append(seen, s.Indexed+s.Invalid)
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[10 20 25]" || st.Indexed != 24 || st.Invalid != 1 {
		t.Errorf("progress %v, stats %+v; want a call per stored batch with running totals", seen, st)
	}
}

func TestStatsWarn(t *testing.T) {
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		st   Stats
		want []string // messages, in order
		has  []string // substrings of the output
	}{
		{"clean", Stats{Read: 3, Indexed: 3}, nil, nil},
		{"one day assumed", Stats{Read: 5, Indexed: 5, DateAssumed: 2, AssumedFrom: day, AssumedTo: day},
			[]string{"postings without posted_at were dated at ingest (posted_at_estimated=true in the store)"},
			[]string{`"count":2`, `"date_used":"2026-12-02"`}},
		{"across midnight", Stats{Read: 5, Indexed: 5, DateAssumed: 3, AssumedFrom: day, AssumedTo: day.AddDate(0, 0, 1)},
			[]string{"postings without posted_at were dated at ingest (posted_at_estimated=true in the store)"},
			[]string{`"date_used":"2026-12-02 to 2026-12-03"`}},
		{"dead letters", Stats{Read: 5, Indexed: 4, Invalid: 1},
			[]string{"invalid postings were dead-lettered"},
			[]string{`"dead_letter_file":"data/dead-letter.jsonl"`, `"count":1`, `"of":5`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			c.st.Warn(slog.New(slog.NewJSONHandler(&buf, nil)), "in.jsonl", "data/dead-letter.jsonl")
			out := buf.String()
			var msgs []string
			sc := bufio.NewScanner(&buf)
			for sc.Scan() {
				var m struct{ Level, Msg string }
				if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
					t.Fatal(err)
				}
				if m.Level != "WARN" {
					t.Errorf("level %s", m.Level)
				}
				msgs = append(msgs, m.Msg)
			}
			if fmt.Sprint(msgs) != fmt.Sprint(c.want) {
				t.Errorf("messages %q, want %q", msgs, c.want)
			}
			for _, h := range c.has {
				if !strings.Contains(out, h) {
					t.Errorf("log %s lacks %s", out, h)
				}
			}
		})
	}
}

func TestFileDeadLettersNamesItsPathOnce(t *testing.T) {
	var buf bytes.Buffer
	path := filepath.Join(t.TempDir(), "dead-letter.jsonl")
	f := &FileDeadLetters{Path: path, Log: slog.New(slog.NewJSONHandler(&buf, nil))}
	for i := 0; i < 2; i++ {
		if err := f.DeadLetter(context.Background(), []DeadLetter{
			{Raw: []byte("x"), Class: "invalid_json", Reason: "not JSON", Origin: fmt.Sprintf("in.jsonl:%d", 2*i+1)},
			{Raw: []byte("y"), Class: "validation", Field: "title", Reason: "title: is required", Origin: fmt.Sprintf("in.jsonl:%d", 2*i+2)},
		}); err != nil {
			t.Fatal(err)
		}
	}
	if f.Count() != 4 {
		t.Errorf("count %d", f.Count())
	}
	if n := strings.Count(buf.String(), "\n"); n != 1 || !strings.Contains(buf.String(), path) || !strings.Contains(buf.String(), `"origin":"in.jsonl:1"`) {
		t.Errorf("want one warning naming %s and the first record, got %s", path, buf.String())
	}
	b, err := os.ReadFile(path)
	if err != nil || bytes.Count(b, []byte("\n")) != 4 {
		t.Errorf("file: %v %q", err, b)
	}
}
