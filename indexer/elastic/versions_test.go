package elastic

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/indexer"
	"github.com/skillpulse/skillpulse/internal/progress"
	"github.com/skillpulse/skillpulse/worker/ingest"
	"github.com/skillpulse/skillpulse/worker/metrics"
	"github.com/skillpulse/skillpulse/worker/reprocess"
)

func pipelineOver(tax *taxonomy.Taxonomy) *analyzer.Pipeline {
	return analyzer.New(analyzer.Stages{Extractor: extract.New(tax), Occupations: noc.NewBuiltin(), Places: geo.NewBuiltin(),
		Dedup: repost.New(repost.DefaultConfig())})
}

// stopAfter cancels a reprocess once n batches are written.
type stopAfter struct {
	*Reprocessor
	n      int
	cancel context.CancelFunc
}

func (s *stopAfter) WriteReprocessed(ctx context.Context, batch []*analyzer.Analysis, after indexer.Cursor) error {
	err := s.Reprocessor.WriteReprocessed(ctx, batch, after)
	if s.n--; s.n == 0 {
		s.cancel()
	}
	return err
}

// On the real node: posting documents carry their versions (mapped as
// keywords), the indices record them, a check with other versions is
// refused naming the component, and a reprocess cancelled after one batch
// and resumed re-stamps every document with the verdicts, skills and
// occupations of a fresh run in (posted_at, key) order.
func TestVersionsAndReprocessOnElasticsearch(t *testing.T) {
	ctx := context.Background()
	c, n := realIndices(t, "spver")
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	half, err := taxonomy.New(tax.Name, tax.Version, slices.Clone(tax.Entries[:tax.Len()/2]))
	if err != nil {
		t.Fatal(err)
	}
	oldP, newP := pipelineOver(half), pipelineOver(tax)
	oldV, newV := oldP.Versions(), newP.Versions()
	if err := c.CheckVersions(ctx, n, oldV); err != nil {
		t.Fatalf("empty indices: %v", err)
	}
	cfg := sample.DefaultConfig()
	cfg.Count = 500
	var posts []*posting.Posting
	if err := sample.Generate(cfg, func(p *posting.Posting) error { posts = append(posts, p); return nil }); err != nil {
		t.Fatal(err)
	}
	proc := &ingest.Processor{Pipeline: oldP, Sink: &PostingSink{Client: c, Indices: n}, Metrics: metrics.New(prometheus.NewRegistry())}
	var items []ingest.Item
	for _, p := range posts {
		items = append(items, ingest.Item{Record: posting.Record{Posting: p}})
	}
	if _, err := proc.Process(ctx, items); err != nil {
		t.Fatal(err)
	}
	if got := versionCount(t, c, n, oldV); got != len(posts) {
		t.Fatalf("%d of %d documents carry the old versions", got, len(posts))
	}
	var mapping map[string]map[string]map[string]any
	if _, err := c.call(ctx, http.MethodGet, "/"+n.PostingsPattern()+"/_mapping/field/versions.taxonomy", nil, &mapping); err != nil {
		t.Fatal(err)
	}
	for idx, m := range mapping {
		if !strings.Contains(strings.ReplaceAll(toJSON(m), " ", ""), `"type":"keyword"`) {
			t.Errorf("%s maps versions.taxonomy as %v", idx, m)
		}
	}
	err = c.CheckVersions(ctx, n, newV)
	var vm *analyzer.VersionMismatch
	if !errors.As(err, &vm) || !strings.Contains(err.Error(), "taxonomy") || strings.Contains(err.Error(), "coder \"") ||
		!strings.Contains(err.Error(), "index prefix "+n.Prefix) {
		t.Fatalf("other taxonomy: %v", err)
	}

	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	off := false
	opts := reprocess.Options{Batch: 150, Progress: progress.Options{Terminal: &off, Writer: io.Discard}}
	n.Versions = newV
	if _, err := reprocess.Run(rctx, &stopAfter{Reprocessor: &Reprocessor{Client: c, Indices: n}, n: 1, cancel: cancel}, newP, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled reprocess: %v", err)
	}
	if err := c.CheckVersions(ctx, n, newV); err == nil || !strings.Contains(err.Error(), "has not finished") {
		t.Fatalf("half-reprocessed indices: %v", err)
	}
	st, err := reprocess.Run(ctx, &Reprocessor{Client: c, Indices: n}, pipelineOver(tax), opts)
	if err != nil || st.Resumed != 150 || st.Reanalyzed != len(posts)-150 {
		t.Fatalf("resumed reprocess: %+v %v", st, err)
	}
	if got := versionCount(t, c, n, newV); got != len(posts) {
		t.Fatalf("%d of %d documents carry the new versions", got, len(posts))
	}
	if err := c.CheckVersions(ctx, n, newV); err != nil {
		t.Fatalf("reprocessed indices refused: %v", err)
	}

	sorted := slices.Clone(posts)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].PostedAt.Equal(sorted[j].PostedAt) {
			return sorted[i].PostedAt.Before(sorted[j].PostedAt)
		}
		return sorted[i].Key() < sorted[j].Key()
	})
	want := map[string]string{}
	fresh := pipelineOver(tax)
	for _, p := range sorted {
		a := fresh.Analyze(p)
		want[a.Key] = digest(a)
	}
	got := map[string]string{}
	if err := (&Reprocessor{Client: c, Indices: n}).ScanOrdered(ctx, 200, func(as []*analyzer.Analysis) error {
		for _, a := range as {
			got[a.Key] = digest(a)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for k, w := range want {
		if got[k] != w {
			if bad++; bad <= 3 {
				t.Errorf("%s: stored %s, fresh run %s", k, got[k], w)
			}
		}
	}
	if bad > 0 || len(got) != len(want) {
		t.Fatalf("%d of %d postings differ from a fresh run (%d stored)", bad, len(want), len(got))
	}
}

// digest is what a reprocess must reproduce of an analysis.
func digest(a *analyzer.Analysis) string {
	var skills []string
	for _, s := range a.Skills {
		skills = append(skills, s.ID+"/"+string(s.Requirement))
	}
	return toJSON(map[string]any{"occ": a.Occupation.Code, "region": a.Region.Key, "dup": a.Duplicate, "skills": skills,
		"versions": a.Versions, "posted_at": a.PostedAt})
}

func versionCount(t *testing.T, c *Client, n Indices, v analyzer.Versions) int {
	t.Helper()
	if err := c.Refresh(context.Background(), n.PostingsPattern()); err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"query": map[string]any{"bool": map[string]any{"filter": []any{
		term("versions.taxonomy", v.Taxonomy), term("versions.coder", v.Coder),
		term("versions.gazetteer", v.Gazetteer), term("versions.analyzer", v.Analyzer)}}}}
	var res struct {
		Count int `json:"count"`
	}
	if _, err := c.call(context.Background(), http.MethodPost, "/"+n.PostingsPattern()+"/_count", body, &res); err != nil {
		t.Fatal(err)
	}
	return res.Count
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
