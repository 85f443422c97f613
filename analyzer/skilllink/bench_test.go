package skilllink_test

import (
	"path/filepath"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/extract/skilleval"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// BenchmarkExtractESCOScorer is BenchmarkExtractESCO (analyzer/extract)
// with the learned scorer off, filtering and proposing, in one binary so
// the three figures are ratios of one run.
func BenchmarkExtractESCOScorer(b *testing.B) {
	path := shareddata.Require(b, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	tax, err := load.ESCO(path, "")
	if err != nil {
		b.Fatal(err)
	}
	docs, err := skilleval.LoadSkillSpanPostings(filepath.Dir(shareddata.Require(b, "skill_extraction", "skillspan", "train.json")))
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for i := range docs {
		docs[i] = textnorm.Clean(docs[i])
		size += int64(len(docs[i]))
	}
	for _, mode := range []skilllink.Mode{skilllink.Off, skilllink.Filter, skilllink.Propose} {
		b.Run(string(mode), func(b *testing.B) {
			x := extract.New(tax)
			sc, err := skilllink.ForSpec("esco:"+path, tax, mode)
			if err != nil {
				b.Fatal(err)
			}
			if sc != nil {
				x.SetRescorer(sc)
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
		})
	}
}

// BenchmarkStartESCO is the start-up of `skillpulse extract --taxonomy
// esco:…` before the first posting: load the taxonomy, build the
// dictionary index, the loose table and the scorer's ESCO features. Run it
// with -cpu 1,2: on two cores NewExtractor builds the index and the
// features side by side.
func BenchmarkStartESCO(b *testing.B) {
	path := shareddata.Require(b, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	for i := 0; i < b.N; i++ {
		tax, err := load.ESCO(path, "")
		if err != nil {
			b.Fatal(err)
		}
		x, sc, err := skilllink.NewExtractor("esco:"+path, tax, skilllink.Filter, true)
		if err != nil || sc == nil {
			b.Fatalf("scorer: %v", err)
		}
		if len(x.Extract("Experience with code reviews and SQL.").Skills) == 0 {
			b.Fatal("no skill found")
		}
	}
}
