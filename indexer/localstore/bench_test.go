package localstore

import (
	"context"
	"testing"
)

// BenchmarkIndex is the store's share of the embedded default's ingest:
// batches of 500 analyzed postings written with their cells, per posting.
func BenchmarkIndex(b *testing.B) {
	t := &testing.T{}
	as := analyses(t, 5000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for j := 0; j < len(as); j += 500 {
			if _, err := s.Index(context.Background(), as[j:min(j+500, len(as))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*len(as))/b.Elapsed().Seconds(), "postings/s")
}
