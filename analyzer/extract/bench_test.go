package extract_test

import (
	"path/filepath"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/extract/skilleval"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

func escoPath(b testing.TB) string {
	return shareddata.Require(b, "taxonomy", "esco_v1.1.1", "skills_en.csv")
}

func skillspanCorpus(b testing.TB) []string {
	dir := filepath.Dir(shareddata.Require(b, "skill_extraction", "skillspan", "train.json"))
	docs, err := skilleval.LoadSkillSpanPostings(dir)
	if err != nil {
		b.Fatal(err)
	}
	for i := range docs {
		docs[i] = textnorm.Clean(docs[i])
	}
	return docs
}

// BenchmarkExtractESCO is the headline figure: throughput of extraction
// over the full ESCO taxonomy on real posting text, on one core.
func BenchmarkExtractESCO(b *testing.B) { benchExtractESCO(b, false) }

// BenchmarkExtractESCOLoose is BenchmarkExtractESCO with the loose pass
// on, as under the learned scorer: the ratio of the two is its cost.
func BenchmarkExtractESCOLoose(b *testing.B) { benchExtractESCO(b, true) }

func benchExtractESCO(b *testing.B, loose bool) {
	tax, err := load.ESCO(escoPath(b), "")
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(tax)
	x.SetLoose(loose)
	docs := skillspanCorpus(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	found := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			found += len(x.Extract(d).Skills)
		}
	}
	if found == 0 {
		b.Fatal("no skills found: the benchmark would measure nothing")
	}
}

// BenchmarkBuildESCO measures loading skills_en.csv and compiling it.
func BenchmarkBuildESCO(b *testing.B) {
	path := escoPath(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tax, err := load.ESCO(path, "")
		if err != nil {
			b.Fatal(err)
		}
		extract.New(tax)
	}
}
