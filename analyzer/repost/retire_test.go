package repost

import (
	"fmt"
	"testing"
	"time"
)

// The detector forgets the signatures of postings far behind the stream
// and keeps their verdicts: memory follows the window, replays still get
// their first verdict, and reposts within the window are still found.
func TestRetiresPostingsBehindTheWindow(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Window = 24 * time.Hour
	d := New(cfg)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	const n, perDay = 15000, 100
	doc := func(i int) Doc {
		return Doc{Key: fmt.Sprintf("jb:%d", i), Source: "jb", Employer: fmt.Sprintf("Employer %d", i%37),
			Title: "Clerk", Location: "1010", Province: "NL", PostedAt: start.Add(time.Duration(i) * 24 * time.Hour / perDay),
			Text: fmt.Sprintf("posting number %d asks for filing records keeping and answering calls in office %d with care", i, i*7919)}
	}
	first := d.Add(doc(0))
	for i := 1; i < n; i++ {
		d.Add(doc(i))
	}
	if d.Len() != n {
		t.Fatalf("Len %d, want every key kept (%d)", d.Len(), n)
	}
	// Two windows of slack plus at most one sweep's worth of insertions.
	if live := d.Live(); live > 2*perDay+retireEvery+perDay || live < 2*perDay {
		t.Errorf("%d postings still compared with; want about two windows (%d) plus one sweep (%d)", live, 2*perDay, retireEvery)
	}
	if v := d.Add(doc(0)); v != first {
		t.Errorf("replaying a retired posting gave %+v, first verdict %+v", v, first)
	}
	// A repost of a recent posting, from another board, is still a duplicate.
	re := doc(n - 3)
	re.Key, re.Source = "indeed:x", "indeed"
	re.PostedAt = re.PostedAt.Add(time.Hour)
	if v := d.Add(re); !v.Duplicate || v.Group != doc(n-3).Key {
		t.Errorf("repost within the window: %+v", v)
	}
	// A snapshot keeps retired keys (without signatures) and restores them.
	b, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	r := New(cfg)
	if err := r.Restore(b); err != nil {
		t.Fatal(err)
	}
	if r.Len() != d.Len() || r.Live() != d.Live() {
		t.Errorf("restored %d keys / %d live, saved %d / %d", r.Len(), r.Live(), d.Len(), d.Live())
	}
	if v := r.Add(doc(1)); v != (Verdict{Group: doc(1).Key}) {
		t.Errorf("restored verdict of a retired posting: %+v", v)
	}
}
