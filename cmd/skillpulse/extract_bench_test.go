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
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
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
// BenchmarkExtractESCO; "sample" the generated HTML postings; "/filter"
// runs with the learned filter the command uses by default for ESCO
// (loose matches as skilllink.DefaultLoose), "/filter+loose" with
// --loose, the others with --scorer off.
func BenchmarkExtractCLI(b *testing.B) {
	path := shareddata.Require(b, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	tax, err := load.ESCO(path, "")
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(tax)
	filtered, sc, err := skilllink.NewExtractor("esco:"+path, tax, skilllink.Filter, skilllink.DefaultLoose)
	if err != nil || sc == nil {
		b.Fatalf("scorer: %v", err)
	}
	loose, sc, err := skilllink.NewExtractor("esco:"+path, tax, skilllink.Filter, true)
	if err != nil || sc == nil {
		b.Fatalf("scorer: %v", err)
	}
	ss, ssN := skillspanPostings(b)
	sample := samplePostings(b, 2000)
	for _, in := range []struct {
		name string
		x    *extract.Extractor
		data []byte
		n    int
	}{{"skillspan", x, ss, ssN}, {"sample", x, sample, 2000}, {"skillspan/filter", filtered, ss, ssN}, {"sample/filter", filtered, sample, 2000}, {"skillspan/filter+loose", loose, ss, ssN}} {
		x := in.x
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
