package dedup

import (
	"fmt"
	"testing"
)

// benchDocs are generated postings of about 2 KB, reposts included.
func benchDocs(seed uint64, bases int) []Doc {
	var out []Doc
	for _, s := range paddedCorpus(seed, bases, 2048) {
		out = append(out, s.doc)
	}
	return out
}

func BenchmarkSignature(b *testing.B) {
	det, docs := New(DefaultConfig()), benchDocs(3, 50)
	b.SetBytes(int64(len(docs[0].Text)))
	i := 0
	for b.Loop() {
		det.Signature(docs[i%len(docs)])
		i++
	}
}

// BenchmarkAdd adds 2 KB postings, new jobs and reposts mixed, to a
// detector already holding about 10,000 postings of the same market.
func BenchmarkAdd(b *testing.B) {
	det := New(DefaultConfig())
	for _, d := range benchDocs(11, 4000) {
		det.Add(d)
	}
	docs := benchDocs(12, 2000)
	b.SetBytes(int64(len(docs[0].Text)))
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		if i >= len(docs) {
			// Past the list, replay under new keys: exact copies.
			d.Key = fmt.Sprintf("%s/%d", d.Key, i)
		}
		det.Add(d)
		i++
	}
}

// BenchmarkAddCrowded adds to a store where one employer posted the same
// text for 1,000 to 2,000 places: every Add meets that many exact
// candidates whose keys must be checked, the worst case of the key checks.
func BenchmarkAddCrowded(b *testing.B) {
	base := benchDocs(5, 1)[0]
	crowd := func() *Detector {
		det := New(DefaultConfig())
		for i := range 1000 {
			d := base
			d.Key, d.Location = fmt.Sprintf("agency:%d", i), fmt.Sprintf("Town %d, ON", i)
			det.Add(d)
		}
		return det
	}
	det := crowd()
	i := 0
	for b.Loop() {
		if i%1000 == 999 {
			b.StopTimer()
			det = crowd()
			b.StartTimer()
		}
		d := base
		d.Key, d.Location = fmt.Sprintf("new:%d", i), fmt.Sprintf("Village %d, ON", i)
		det.Add(d)
		i++
	}
}
