package skilllink

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/semantic"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

func TestSemanticPhrases(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"strong teamwork", []string{"strong", "strong teamwork", "teamwork"}},
		// Phrases start and end on content words and skip nothing.
		{"work in teams", []string{"work", "work in teams", "teams"}},
		// Punctuation ends a phrase; hyphens and slashes do not.
		{"SQL, Java/Kotlin", []string{"SQL", "Java", "Java/Kotlin", "Kotlin"}},
		{"self-motivated", []string{"self", "self-motivated", "motivated"}},
		{"the and of", nil},
		{"", nil},
	} {
		var got []string
		for _, p := range SemanticPhrases(tc.text, 0, len(tc.text)) {
			got = append(got, tc.text[p[0]:p[1]])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: phrases %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestSemanticPhrasesLength(t *testing.T) {
	text := "alpha beta gamma delta epsilon"
	for _, p := range SemanticPhrases(text, 0, len(text)) {
		if n := len(ContentWords(text[p[0]:p[1]])); n > maxSemWords {
			t.Errorf("%q: %d words, at most %d", text[p[0]:p[1]], n, maxSemWords)
		}
	}
}

func TestParseModelSemanticWidth(t *testing.T) {
	ex := []Example{{X: make([]float64, NumFeatures+len(SemanticFeatureNames)), Y: true}, {X: make([]float64, NumFeatures+len(SemanticFeatureNames))}}
	for i := range ex {
		ex[i].X[0] = 1
	}
	md := Train(ex, 1)
	if !md.Semantic() || len(md.Weights) != NumFeatures+len(SemanticFeatureNames) {
		t.Fatalf("model on semantic-wide examples: semantic %v, %d weights", md.Semantic(), len(md.Weights))
	}
	for _, m := range []*Model{md, Train([]Example{{X: ex[0].X[:NumFeatures]}}, 1)} {
		b := mustJSON(t, m)
		back, err := ParseModel(b)
		if err != nil {
			t.Fatal(err)
		}
		if back.Semantic() != m.Semantic() {
			t.Errorf("round trip changed the semantic flag")
		}
	}
	// The shipped models stay without semantic features.
	for _, mode := range []Mode{Filter, Propose} {
		md, err := DefaultModel(mode)
		if err != nil {
			t.Fatal(err)
		}
		if md.Semantic() {
			t.Errorf("shipped %s model carries semantic features", mode)
		}
		// Beside it, the semantic stage's own weights.
		sm, err := DefaultModel(mode + "+semantic")
		if err != nil {
			t.Fatal(err)
		}
		if !sm.Semantic() {
			t.Errorf("shipped %s+semantic model lacks the semantic features", mode)
		}
	}
}

var (
	semOnce sync.Once
	semTest *Semantic
	semErr  error
)

// testSemantic is the encoder over the test taxonomy (nine concepts: a
// second of encoding, kept in memory).
func testSemantic(t *testing.T) *Semantic {
	t.Helper()
	dir := semantic.Require(t)
	tax, _ := testMeta(t)
	semOnce.Do(func() {
		enc, err := semantic.Load(dir)
		if err != nil {
			semErr = err
			return
		}
		semTest, semErr = NewSemantic(enc, tax, "")
	})
	if semErr != nil {
		t.Fatal(semErr)
	}
	return semTest
}

func TestSemanticFeatures(t *testing.T) {
	s := testSemantic(t)
	tax := s.tax
	java := tax.Entries[slices.IndexFunc(tax.Entries, func(e taxonomy.Entry) bool { return e.Label == "Java (computer programming)" })]
	text := "You will write backend services in Java and Kotlin."
	at := len("You will write backend services in ")
	cands := []Cand{{Match: extract.Match{ID: java.ID, Label: java.Label, Text: "Java", Start: at, End: at + 4}, Dict: true}}
	xs := [][]float64{make([]float64, NumFeatures)}
	s.Extend(xs, text, cands)
	if len(xs[0]) != NumFeatures+len(SemanticFeatureNames) {
		t.Fatalf("%d features, want %d", len(xs[0]), NumFeatures+len(SemanticFeatureNames))
	}
	sem := xs[0][NumFeatures:]
	if sem[0] <= 0.2 {
		t.Errorf("sem_ctx of Java in a programming sentence = %.3f, want clearly positive", sem[0])
	}
	if sem[2] > 0 {
		t.Errorf("sem_ctx_gap = %.3f: a gap to the nearest concept is never positive", sem[2])
	}
	if sem[4] != 0 {
		t.Errorf("a dictionary match is marked semantic-proposed")
	}
}

func TestSemanticPropose(t *testing.T) {
	s := *testSemantic(t)
	s.ProposeMin = 0.5
	text := "You should enjoy coding and fixing problems."
	got := s.Propose(text, nil)
	ids := map[string]string{}
	for _, c := range got {
		ids[c.Match.Label] = c.Match.Text
		if c.semCos < s.ProposeMin || c.Dict {
			t.Errorf("%s from %q: cosine %.3f, dict %v", c.Match.Label, c.Match.Text, c.semCos, c.Dict)
		}
	}
	if _, ok := ids["computer programming"]; !ok {
		t.Errorf("no computer programming among %v", ids)
	}
	s.ProposeMin = 0
	if n := len(s.Propose(text, nil)); n != 0 {
		t.Errorf("ProposeMin 0 proposed %d", n)
	}
}

func mustJSON(t *testing.T, md *Model) []byte {
	t.Helper()
	b, err := json.Marshal(md)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// semOnlyModel keeps the semantic proposals and nothing else: the
// scorer's wiring, not a fitted model.
func semOnlyModel() *Model {
	names := featureNames(true)
	w := make([]float64, len(names))
	w[0] = -5
	w[slices.Index(names, "sem_proposed")] = 10
	return &Model{Features: names, Weights: w, Threshold: 0.5, SemanticMin: 0.5, SemanticK: 3}
}

func TestSemanticScorer(t *testing.T) {
	sem := testSemantic(t)
	tax, m := testMeta(t)
	if _, err := NewSemanticScorer(m, prefOnly(), true, sem); err == nil {
		t.Error("a model without semantic features was accepted")
	}
	text := textnorm.Clean("You should enjoy coding and fixing problems. We plan work for the team.")
	x := extract.New(tax)
	for _, tc := range []struct {
		propose bool
		min     float32
		want    []string
	}{
		// "fixing problems": no label's words; "coding" is computer
		// programming's label, so the dictionary has it, not the proposer.
		{true, 0.5, []string{"solve problems"}},
		// The filter takes semantic proposals when its model was fitted
		// with them...
		{false, 0.5, []string{"solve problems"}},
		// ... and none otherwise.
		{false, 0, nil},
	} {
		md := semOnlyModel()
		md.SemanticMin = tc.min
		sc, err := NewSemanticScorer(m, md, tc.propose, sem)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(sc.Version(), "+semantic") {
			t.Errorf("version %q does not say semantic", sc.Version())
		}
		x.SetRescorer(sc)
		var got []string
		for _, s := range x.Extract(text).Skills {
			got = append(got, s.Label)
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("propose %v: %q not among %q", tc.propose, w, got)
			}
		}
		if slices.Contains(got, "computer programming") {
			t.Errorf("propose %v: kept the dictionary's computer programming, the model keeps semantic proposals only", tc.propose)
		}
		if tc.want == nil && len(got) != 0 {
			t.Errorf("propose %v: kept %q, the model keeps semantic proposals only", tc.propose, got)
		}
	}
	if sem.ProposeMin != 0 {
		t.Error("NewSemanticScorer changed the shared Semantic")
	}
}

func TestDescribedLabel(t *testing.T) {
	for _, tc := range []struct{ label, desc, want string }{
		{"plan work", "Arrange tasks and shifts of a team over the week. Also more.", "plan work. Arrange tasks and shifts of a team over the week."},
		{"Java", "  One sentence only.  ", "Java. One sentence only."},
		{"SQL", "", "SQL"},
	} {
		if got := DescribedLabel(tc.label, tc.desc); got != tc.want {
			t.Errorf("DescribedLabel(%q, %q) = %q, want %q", tc.label, tc.desc, got, tc.want)
		}
	}
}

func TestMetaDescriptions(t *testing.T) {
	_, m := testMeta(t)
	d := m.Descriptions()
	if len(d) == 0 {
		t.Fatal("no descriptions kept")
	}
	for id, s := range d {
		if id == "" || s == "" {
			t.Errorf("empty id or description: %q → %q", id, s)
		}
	}
}
