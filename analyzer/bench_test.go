package analyzer_test

import (
	"testing"

	"github.com/segmentio/encoding/json"
	"time"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/salary"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// BenchmarkStages times each stage of Describe on generated postings, so
// a change to one stage is measured beside the others in one run.
func BenchmarkStages(b *testing.B) {
	st := builtinStages(b)
	cfg := sample.DefaultConfig()
	cfg.Count = 500
	var posts []*posting.Posting
	if err := sample.Generate(cfg, func(p *posting.Posting) error { posts = append(posts, p); return nil }); err != nil {
		b.Fatal(err)
	}
	texts := make([]string, len(posts))
	for i, p := range posts {
		texts[i] = textnorm.Clean(p.Description)
	}
	p := analyzer.New(st)
	each := func(name string, fn func(i int)) {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				fn(i % len(posts))
			}
		})
	}
	each("Describe", func(i int) { p.Describe(posts[i], time.Time{}) })
	each("Clean", func(i int) { textnorm.Clean(posts[i].Description) })
	each("Extract", func(i int) { st.Extractor.Extract(texts[i]) })
	each("Occupation", func(i int) { st.Occupations.Code(posts[i].Title, texts[i], posts[i].Occupation) })
	each("Place", func(i int) { st.Places.Resolve(posts[i].Location) })
	each("Wage", func(i int) {
		if s := posts[i].Salary; s != nil && s.Raw != "" {
			salary.Parse(s.Raw)
		}
	})
	each("Sign", func(i int) {
		st.Dedup.Sign(repost.Doc{Key: posts[i].Key(), Employer: posts[i].Employer, Title: posts[i].Title, Text: texts[i], PostedAt: posts[i].PostedAt})
	})
}

// BenchmarkEncode times encoding an analysis as the sinks write it.
func BenchmarkEncode(b *testing.B) {
	p := analyzer.New(builtinStages(b))
	cfg := sample.DefaultConfig()
	cfg.Count = 200
	var as []*analyzer.Analysis
	if err := sample.Generate(cfg, func(post *posting.Posting) error { as = append(as, p.Analyze(post)); return nil }); err != nil {
		b.Fatal(err)
	}
	b.Run("Marshal", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			json.Marshal(as[i%len(as)])
		}
	})
	b.Run("AppendJSON", func(b *testing.B) {
		var buf []byte
		for i := 0; i < b.N; i++ {
			buf, _ = analyzer.AppendJSON(buf[:0], as[i%len(as)])
		}
	})
}

// builtinStages are the default analysis stages.
func builtinStages(tb testing.TB) analyzer.Stages {
	tax, err := builtin.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return analyzer.Stages{Extractor: extract.New(tax), Occupations: noc.NewBuiltin(), Places: geo.NewBuiltin(),
		Dedup: repost.New(repost.DefaultConfig())}
}

func pipeline(tb testing.TB) *analyzer.Pipeline { return analyzer.New(builtinStages(tb)) }
