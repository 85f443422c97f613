package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/extract/skilleval"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// samplePostings is n generated postings as JSON lines, the input
// `skillpulse extract` reads.
func samplePostings(t testing.TB, n int) []byte {
	cfg := sample.DefaultConfig()
	cfg.Count = n
	var buf bytes.Buffer
	if err := sample.WriteJSONL(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// skillspanPostings is the SkillSpan postings of BenchmarkExtractESCO as
// JSON lines, so the two benchmarks compare on the same text.
func skillspanPostings(t testing.TB) ([]byte, int) {
	dir := filepath.Dir(shareddata.Require(t, "skill_extraction", "skillspan", "train.json"))
	docs, err := skilleval.LoadSkillSpanPostings(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, d := range docs {
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("skillspan-%d", i), "title": "Posting", "description": d}); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes(), len(docs)
}

// BenchmarkExtractCLI is `skillpulse extract --taxonomy esco:…` on one
// core without the taxonomy load: JSON lines in, normalize, extract, JSON
// lines out. Bytes are input bytes. "skillspan" is the text of
// BenchmarkExtractESCO; "sample" the generated HTML postings.
func BenchmarkExtractCLI(b *testing.B) {
	tax, err := load.ESCO(shareddata.Require(b, "taxonomy", "esco_v1.1.1", "skills_en.csv"), "")
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(tax)
	ss, ssN := skillspanPostings(b)
	for _, in := range []struct {
		name string
		data []byte
		n    int
	}{{"skillspan", ss, ssN}, {"sample", samplePostings(b, 2000), 2000}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				n, bad, err := runExtract(x, posting.Open("in.jsonl", bytes.NewReader(in.data)), io.Discard, false, nil)
				if err != nil || bad != 0 || n != in.n {
					b.Fatalf("%d postings, %d bad, %v", n, bad, err)
				}
			}
		})
	}
}
