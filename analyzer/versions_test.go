package analyzer_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/noc"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/repost"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
)

// Each component's version follows its content: one label, one title or
// one place more gives another version, the same data the same one, and
// every analysis carries the pipeline's versions.
func TestVersionsFollowContent(t *testing.T) {
	base := analyzer.StageVersions(builtinStages(t))
	if base != analyzer.StageVersions(builtinStages(t)) {
		t.Fatalf("same stages, different versions: %v", base)
	}
	if !strings.HasPrefix(base.Analyzer, analyzer.AnalyzerVersion+" dedup(") || !strings.HasPrefix(base.Taxonomy, builtin.Name+"@"+builtin.Version+"#") ||
		base.Coder == "" || base.Gazetteer == "" {
		t.Fatalf("versions %v", base)
	}

	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	// Load shares its taxonomy: edit a copy.
	entries := slices.Clone(tax.Entries)
	entries[0].Labels = slices.Clone(entries[0].Labels)
	entries[0].Labels[0].Text += " x"
	edited, err := taxonomy.New(tax.Name, tax.Version, entries)
	if err != nil {
		t.Fatal(err)
	}
	st := builtinStages(t)
	st.Extractor = extract.New(edited)
	if got := analyzer.StageVersions(st); got.Taxonomy == base.Taxonomy || got.Coder != base.Coder {
		t.Errorf("edited label: %v, base %v", got, base)
	}

	st = builtinStages(t)
	st.Occupations = noc.NewCoder(append(noc.BuiltinTitles(), noc.Title{Code: "63200", Text: "grill master"}), noc.Options{})
	if got := analyzer.StageVersions(st); got.Coder == base.Coder || got.Taxonomy != base.Taxonomy {
		t.Errorf("one more title: %v, base %v", got, base)
	}

	st = builtinStages(t)
	if err := st.Places.Add(geo.Place{Name: "Nowhereville", Province: "NL", Region: "1010"}); err != nil {
		t.Fatal(err)
	}
	if got := analyzer.StageVersions(st); got.Gazetteer == base.Gazetteer || got.Coder != base.Coder {
		t.Errorf("one more place: %v, base %v", got, base)
	}

	st = builtinStages(t)
	dc := repost.DefaultConfig()
	dc.Threshold = 0.9
	st.Dedup = repost.New(dc)
	if got := analyzer.StageVersions(st); got.Analyzer == base.Analyzer || got.Coder != base.Coder {
		t.Errorf("another repost threshold: %v, base %v", got, base)
	}

	p, err := posting.Parse([]byte(`{"id":"1","title":"Cook","description":"Prepare meals.","location":"Halifax, NS"}`))
	if err != nil {
		t.Fatal(err)
	}
	if a := pipeline(t).Analyze(p); a.Versions != base {
		t.Errorf("analysis carries %v, pipeline %v", a.Versions, base)
	}
}

func TestCheckStore(t *testing.T) {
	cur := analyzer.Versions{Taxonomy: "builtin@1#a", Coder: "noc#1", Gazetteer: "geo#1", Analyzer: "1"}
	old := cur
	old.Coder = "noc#0"
	for _, c := range []struct {
		name     string
		stored   *analyzer.Versions
		postings int
		want     []string // in the message; none means accepted
	}{
		{"empty store", nil, 0, nil},
		{"same versions", &cur, 10, nil},
		{"other coder", &old, 10, []string{"coder \"noc#1\" here, \"noc#0\" in the store", "skillpulse reprocess", "fresh data dir"}},
		{"from before versioning", nil, 3, []string{"before analysis versions were recorded", "skillpulse reprocess"}},
	} {
		err := analyzer.CheckStore("data", c.stored, c.postings, cur)
		if c.want == nil {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		var vm *analyzer.VersionMismatch
		if !errors.As(err, &vm) {
			t.Fatalf("%s: got %v", c.name, err)
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", c.name, err, w)
			}
		}
		if strings.Contains(err.Error(), "taxonomy \"") {
			t.Errorf("%s: names a component that does not differ: %v", c.name, err)
		}
	}
}
