package skilllink_test

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/extract/skilleval"
	"github.com/skillpulse/skillpulse/analyzer/semantic"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
	"github.com/skillpulse/skillpulse/internal/shareddata"
)

// BenchmarkSemanticSentence is the per-sentence cost of the semantic
// stage on the validation sentences with all of ESCO: every sentence
// and span encoded afresh (a text store of one vector), the
// concepts' embeddings from the cache (built on first use).
// Proposals as eval's default: cosine 0.6, 3 neighbours per phrase. The weights
// are a stand-in: the cost is the features' and proposals', whatever
// the model then decides.
func BenchmarkSemanticSentence(b *testing.B) {
	dir := semantic.Require(b)
	path := shareddata.Require(b, "taxonomy", "esco_v1.1.1", "skills_en.csv")
	tax, err := load.ESCO(path, "")
	if err != nil {
		b.Fatal(err)
	}
	meta, err := skilllink.LoadMeta(path, tax)
	if err != nil {
		b.Fatal(err)
	}
	sents, err := skilleval.Load(shareddata.Require(b, "skill_extraction", "decorte_esco_benchmark"))
	if err != nil {
		b.Fatal(err)
	}
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = textnorm.Clean(s.Text)
	}
	enc, err := semantic.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		propose bool
		all     bool
	}{{"filter", false, false}, {"propose", true, false}, {"propose-all-labels", true, true}} {
		b.Run(tc.name, func(b *testing.B) {
			sem, err := skilllink.NewSemanticWith(enc, tax, semantic.CacheRoot(), skilllink.SemanticOptions{AllLabels: tc.all, TextsInMemory: true, MaxTexts: 1})
			if err != nil {
				b.Fatal(err)
			}
			names := append(append([]string{}, skilllink.FeatureNames...), skilllink.SemanticFeatureNames...)
			md := &skilllink.Model{Features: names, Weights: make([]float64, len(names)), Threshold: 0.5}
			if tc.propose {
				md.SemanticMin, md.SemanticK = 0.6, 3
			}
			sc, err := skilllink.NewSemanticScorer(meta, md, tc.propose, sem)
			if err != nil {
				b.Fatal(err)
			}
			x := extract.New(tax)
			x.SetLoose(true)
			x.SetRescorer(sc)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				x.Extract(texts[i%len(texts)])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
