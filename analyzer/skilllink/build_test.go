package skilllink

import (
	"slices"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
)

func TestSortKeysMatchesSort(t *testing.T) {
	for _, n := range []int{0, 1, 2, 1000, 70000} {
		keys := make([]uint64, n)
		x := uint64(88172645463325252)
		for i := range keys {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			keys[i] = x
			if i%7 == 0 && i > 0 {
				keys[i] = keys[i-1] // duplicates, as phrase keys have
			}
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		sortKeys(keys)
		if !slices.Equal(keys, want) {
			t.Fatalf("n=%d: radix order differs from slices.Sort", n)
		}
	}
}

// NewExtractor, which builds the index and the scorer side by side,
// extracts what the step-by-step build does, with and without loose
// matches, and builds no scorer for a taxonomy that is not ESCO.
func TestNewExtractorMatchesStepByStep(t *testing.T) {
	tax, _ := testMeta(t)
	text := "Experience with code reviews, Java and SQL. Plan work schedules."
	for _, loose := range []bool{true, false} {
		got, sc, err := NewExtractor("esco:testdata/skills_en.csv", tax, Filter, loose)
		if err != nil || sc == nil {
			t.Fatalf("loose=%v: %v %v", loose, sc, err)
		}
		want := extract.New(tax)
		step, err := ForSpec("esco:testdata/skills_en.csv", tax, Filter)
		if err != nil {
			t.Fatal(err)
		}
		step.SetLoose(loose)
		want.SetRescorer(step)
		g, w := got.Extract(text), want.Extract(text)
		if len(g.Skills) != len(w.Skills) {
			t.Fatalf("loose=%v: %+v, step by step %+v", loose, g.Skills, w.Skills)
		}
		for i := range w.Skills {
			if g.Skills[i] != w.Skills[i] {
				t.Errorf("loose=%v: %+v, step by step %+v", loose, g.Skills[i], w.Skills[i])
			}
		}
		if sc.JudgesLoose() != loose {
			t.Errorf("loose=%v: scorer judges loose %v", loose, sc.JudgesLoose())
		}
	}
	if _, sc, err := NewExtractor("builtin", tax, Filter, true); sc != nil || err != nil {
		t.Errorf("builtin: scorer %v, %v", sc, err)
	}
	if _, _, err := NewExtractor("esco:testdata/skills_en.csv", tax, "fast", true); err == nil {
		t.Error("unknown mode accepted")
	}
}
