package sample

import (
	"io"
	"runtime"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// BenchmarkGenerate measures building postings (no encoding).
func BenchmarkGenerate(b *testing.B) {
	cfg := DefaultConfig()
	cfg.Count = b.N
	b.ReportAllocs()
	b.ResetTimer()
	if err := Generate(cfg, func(*posting.Posting) error { return nil }); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "postings/s")
}

// BenchmarkWriteJSONL measures the full path a load test uses: generate
// and encode as JSON lines.
func BenchmarkWriteJSONL(b *testing.B) {
	cfg := DefaultConfig()
	cfg.Count = b.N
	cw := &countingWriter{}
	b.ReportAllocs()
	b.ResetTimer()
	if err := WriteJSONL(cw, cfg); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "postings/s")
	b.ReportMetric(float64(cw.n)/float64(b.N), "bytes/posting")
}

type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

// TestMemoryStaysConstant generates a long stream and checks the live heap
// does not grow with the number of postings: a load test of millions must
// not need gigabytes.
func TestMemoryStaysConstant(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 60,000 postings")
	}
	cfg := DefaultConfig()
	cfg.Count = 60_000
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var at10k, at60k uint64
	n := 0
	err := Generate(cfg, func(*posting.Posting) error {
		n++
		switch n {
		case 10_000:
			at10k = heap()
		case 60_000:
			at60k = heap()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if at60k > at10k+1<<20 {
		t.Errorf("live heap grew from %d to %d bytes between posting 10,000 and 60,000", at10k, at60k)
	}
}
