package skilllink

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/load"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

func testMeta(t *testing.T) (*taxonomy.Taxonomy, *Meta) {
	t.Helper()
	b, err := os.ReadFile("testdata/skills_en.csv")
	if err != nil {
		t.Fatal(err)
	}
	tax, err := load.ParseESCO(strings.NewReader(string(b)), "en")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMeta(strings.NewReader(string(b)), tax)
	if err != nil {
		t.Fatal(err)
	}
	return tax, m
}

func feature(x []float64, name string) float64 {
	for i, n := range FeatureNames {
		if n == name {
			return x[i]
		}
	}
	panic("no feature " + name)
}

func TestContentWordsStemAndStop(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"planning", "plan", true},
		{"plans", "plan", true},
		{"planned", "plan", true},
		{"problems", "problem", true},
		{"solving", "solve", true},
		{"managed", "manage", true},
		{"the planning of this", "plan", true},
		{"Java", "javascript", false},
	} {
		a, b := ContentWords(tc.a), ContentWords(tc.b)
		same := len(a) == len(b)
		for h := range a {
			same = same && b[h]
		}
		if same != tc.same {
			t.Errorf("ContentWords(%q) vs (%q): same=%v, want %v", tc.a, tc.b, same, tc.same)
		}
	}
	if n := len(ContentWords("this is the and of")); n != 0 {
		t.Errorf("stop words kept: %d", n)
	}
}

func TestFeatures(t *testing.T) {
	tax, m := testMeta(t)
	x := extract.New(tax)
	text := textnorm.Clean("Strong security of computer networks and data. Planning of shifts.")
	res := x.Extract(text)
	cands := m.Candidates(text, res, false)
	byText := map[string][]float64{}
	for _, c := range cands {
		byText[c.Match.ID] = m.Vector(text, c, cands, true)
	}
	plan, ok := byText["u:plan"]
	if !ok {
		t.Fatalf("no plan candidate in %+v", res.Skills)
	}
	if feature(plan, "kind_alt") != 1 || feature(plan, "reuse_cross") != 1 || feature(plan, "one_token") != 1 {
		t.Errorf("planning → plan work: kind_alt %v reuse_cross %v one_token %v", feature(plan, "kind_alt"), feature(plan, "reuse_cross"), feature(plan, "one_token"))
	}
	// "security" is a label of two concepts.
	for id, x := range byText {
		if id == "u:sec" || id == "u:itsec" {
			if got := feature(x, "log_ambiguity"); math.Abs(got-math.Log(2)) > 1e-9 {
				t.Errorf("%s ambiguity %v, want log 2", id, got)
			}
			if feature(x, "type_knowledge") != 1 {
				t.Errorf("%s not knowledge", id)
			}
		}
	}
	// The sentence speaks of computer networks: the ICT sense's
	// description overlaps it, the financial one's does not.
	it := m.Vector(text, Cand{Match: extract.Match{ID: "u:itsec", Text: "security", Start: 7, End: 15}, Dict: true, Cov: 1, IdfCov: 1, Contig: 1}, nil, true)
	fin := m.Vector(text, Cand{Match: extract.Match{ID: "u:sec", Text: "security", Start: 7, End: 15}, Dict: true, Cov: 1, IdfCov: 1, Contig: 1}, nil, true)
	if !(feature(it, "ctx_idf_overlap") > 0.3 && feature(fin, "ctx_idf_overlap") == 0) {
		t.Errorf("description overlap: ICT %v, financial %v", feature(it, "ctx_idf_overlap"), feature(fin, "ctx_idf_overlap"))
	}
	if feature(it, "ctx_any_overlap") != 1 || feature(fin, "ctx_any_overlap") != 0 {
		t.Error("ctx_any_overlap wrong")
	}
}

func TestRelationsPrior(t *testing.T) {
	_, m := testMeta(t)
	csv := "occupationUri,relationType,skillType,skillUri\no1,essential,skill,u:plan\no2,essential,skill,u:plan\no3,optional,skill,u:plan\no1,essential,skill,u:unknown\n"
	if err := m.parseRelations(strings.NewReader(csv)); err != nil {
		t.Fatal(err)
	}
	c := m.concepts["u:plan"]
	if c.essential != 2 || c.optional != 1 {
		t.Errorf("plan: essential %d optional %d", c.essential, c.optional)
	}
	x := m.Vector("plan work", Cand{Match: extract.Match{ID: "u:plan", Text: "plan work", End: 9}, Dict: true}, nil, false)
	if got := feature(x, "occupations_essential"); math.Abs(got-math.Log1p(2)/8) > 1e-9 {
		t.Errorf("occupations_essential %v", got)
	}
	if err := m.parseRelations(strings.NewReader("a,b\n1,2\n")); err == nil {
		t.Error("file without relationType accepted")
	}
}

func TestTrainSeparates(t *testing.T) {
	// y depends on feature 1 (kind_alt) only; the model must find it.
	var ex []Example
	for i := 0; i < 200; i++ {
		x := make([]float64, NumFeatures)
		x[0] = 1
		x[1] = float64(i % 2)
		x[4] = float64(i % 3 % 2) // noise
		ex = append(ex, Example{X: x, Y: i%2 == 0 || i%10 == 1})
	}
	md := Train(ex, 1)
	pos := make([]float64, NumFeatures)
	pos[0] = 1
	neg := append([]float64(nil), pos...)
	neg[1] = 1
	if p, n := md.Prob(pos), md.Prob(neg); !(p > 0.9 && n < 0.35) {
		t.Errorf("P(y|alt=0)=%.3f want >0.9, P(y|alt=1)=%.3f want ~0.2", p, n)
	}
	if math.Abs(md.Weights[4]) > 0.5 {
		t.Errorf("noise feature weight %.3f", md.Weights[4])
	}
}

func TestShippedWeights(t *testing.T) {
	for _, mode := range []Mode{Filter, Propose} {
		md, err := DefaultModel(mode)
		if err != nil {
			t.Fatal(err)
		}
		if md.Threshold <= 0 || md.Threshold >= 1 || md.Trained == "" {
			t.Errorf("%s: threshold %v trained %q", mode, md.Threshold, md.Trained)
		}
	}
	if _, err := ParseModel([]byte(`{"features":["bias"],"weights":[1]}`)); err == nil {
		t.Error("weights for other features accepted")
	}
}

// A hand-set model: trust preferred labels, reject alternative ones.
func prefOnly() *Model {
	w := make([]float64, NumFeatures)
	w[0] = 2
	w[1] = -4
	return &Model{Features: FeatureNames, Weights: w, Threshold: 0.5}
}

func TestScorerFilterAndPropose(t *testing.T) {
	tax, m := testMeta(t)
	text := textnorm.Clean("We plan work for the team. Planning is key. Problems here are yours to solve.")
	x := extract.New(tax)
	plain := x.Extract(text)
	x.SetRescorer(NewScorer(m, prefOnly(), false))
	got := x.Extract(text)
	if len(got.Skills) != 1 || got.Skills[0].ID != "u:plan" || got.Skills[0].Text != "plan work" || text[got.Skills[0].Start:got.Skills[0].End] != "plan work" {
		t.Errorf("filter kept %+v (plain %+v)", got.Skills, plain.Skills)
	}
	// Twice: the second call scores from the cache and must agree.
	if again := x.Extract(text); len(again.Skills) != len(got.Skills) {
		t.Errorf("cached scoring differs: %+v", again.Skills)
	}
	x.SetRescorer(NewScorer(m, prefOnly(), true))
	got = x.Extract(text)
	var solve *extract.Match
	for i := range got.Skills {
		if got.Skills[i].ID == "u:solve" {
			solve = &got.Skills[i]
		}
	}
	if solve == nil {
		t.Fatalf("paraphrase not proposed: %+v", got.Skills)
	}
	if solve.Text != "Problems here are yours to solve" || text[solve.Start:solve.End] != solve.Text {
		t.Errorf("proposal evidence %q at %d:%d", solve.Text, solve.Start, solve.End)
	}
}

func TestNearby(t *testing.T) {
	mk := func(id string, start int) Cand {
		return Cand{Match: extract.Match{ID: id, Start: start, End: start + 5}, Dict: true}
	}
	cands := []Cand{mk("a", 0), mk("b", 10), mk("c", 300), mk("a", 320)}
	got := Nearby(cands)
	want := []int{1, 1, 1, 1} // a–b close; c–a(320) close; same id never counts
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Nearby = %v, want %v", got, want)
		}
	}
}

func TestForSpec(t *testing.T) {
	tax, _ := testMeta(t)
	if sc, err := ForSpec("builtin", tax, Filter); sc != nil || err != nil {
		t.Errorf("builtin: %v %v", sc, err)
	}
	if sc, err := ForSpec("esco:testdata/skills_en.csv", tax, Off); sc != nil || err != nil {
		t.Errorf("off: %v %v", sc, err)
	}
	if _, err := ForSpec("esco:testdata/skills_en.csv", tax, "fast"); err == nil {
		t.Error("unknown mode accepted")
	}
	sc, err := ForSpec("esco:testdata", tax, Filter)
	if err != nil || sc == nil {
		t.Fatalf("esco dir: %v %v", sc, err)
	}
}

func TestLexicalFeatures(t *testing.T) {
	_, m := testMeta(t)
	vec := func(id, text string) []float64 {
		return m.Vector(text, Cand{Match: extract.Match{ID: id, Text: text, End: len(text)}, Dict: true, Cov: 1, IdfCov: 1, Contig: 1}, nil, false)
	}
	for _, tc := range []struct {
		id, text                  string
		pref, extra, idf, conj, q float64
	}{
		// An instance named by an alternative label: no word of the preferred one.
		{"u:prog", "PowerShell", 0, 0, 0, 0, 0},
		// An inflected alternative label: its word is the preferred label's.
		{"u:plan", "planning", 1, 0, 0, 0, 0},
		// A skipped word no label has, found in no description: rarest.
		{"u:solve", "solving business problems", 2.0 / 3, math.Log1p(1), 1, 0, 0},
		// "schedule" is a word of another of its labels: not extra.
		{"u:plan", "plan and schedule work", 2.0 / 3, 0, 0, 1, 0},
		// The qualifier-free name of the concept.
		{"u:java", "Java", 1, 0, 0, 0, 1},
	} {
		x := vec(tc.id, tc.text)
		got := []float64{feature(x, "pref_overlap"), feature(x, "log_extra_words"), feature(x, "extra_idf_max"), feature(x, "text_has_conj"), feature(x, "qualifier_name")}
		want := []float64{tc.pref, tc.extra, tc.idf, tc.conj, tc.q}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-9 {
				t.Errorf("%s %q: pref_overlap, log_extra_words, extra_idf_max, text_has_conj, qualifier_name = %v, want %v", tc.id, tc.text, got, want)
				break
			}
		}
	}
	// Broad concepts carry many labels.
	if a, b := feature(vec("u:prog", "coding"), "log_concept_labels"), feature(vec("u:java", "Java"), "log_concept_labels"); !(a > b) {
		t.Errorf("log_concept_labels: computer programming %v, Java %v", a, b)
	}
}

func TestConceptPriors(t *testing.T) {
	tax, m := testMeta(t)
	md := prefOnly()
	md.Weights[fConceptPrior] = 12
	md.SetPriors(map[string][2]int{"u:plan": {0, 5}, escoSkillPrefix + "abc": {3, 1}}, 1)
	b, err := json.Marshal(md)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseModel(b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Priors["abc"] != "3/1" || back.Priors["u:plan"] != "0/5" {
		t.Errorf("priors as written: %v", back.Priors)
	}
	x := make([]float64, NumFeatures)
	back.SetPrior(x, escoSkillPrefix+"abc")
	if math.Abs(x[fConceptPrior]-2.0/5) > 1e-9 || x[fConceptSeen] != 1 {
		t.Errorf("prior of abc: %v seen %v, want (3−1)/(4+1) and 1", x[fConceptPrior], x[fConceptSeen])
	}
	back.SetPrior(x, "u:never")
	if x[fConceptPrior] != 0 || x[fConceptSeen] != 0 {
		t.Errorf("unseen concept: prior %v seen %v", x[fConceptPrior], x[fConceptSeen])
	}
	// A concept nearly always linked wrongly is dropped by the filter.
	text := textnorm.Clean("We plan work for the team.")
	xt := extract.New(tax)
	xt.SetRescorer(NewScorer(m, prefOnly(), false))
	if got := xt.Extract(text).Skills; len(got) != 1 {
		t.Fatalf("without priors: %+v", got)
	}
	xt.SetRescorer(NewScorer(m, back, false))
	if got := xt.Extract(text).Skills; len(got) != 0 {
		t.Errorf("prior 0/5 kept %+v", got)
	}
	if _, err := ParseModel([]byte(strings.Replace(string(b), `"3/1"`, `"three"`, 1))); err == nil {
		t.Error("malformed prior accepted")
	}
}

func TestFrenchMatchesScoredLikeEnglish(t *testing.T) {
	fr := filepath.Join(t.TempDir(), "skills_fr.csv")
	if err := os.WriteFile(fr, []byte("conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\nKnowledgeSkillCompetence,u:plan,skill/competence,cross-sector,planifier le travail,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tax, err := load.ESCO("testdata/skills_en.csv", fr)
	if err != nil {
		t.Fatal(err)
	}
	m, err := LoadMeta("testdata/skills_en.csv", tax)
	if err != nil {
		t.Fatal(err)
	}
	vec := func(text string) []float64 {
		return m.Vector(text, Cand{Match: extract.Match{ID: "u:plan", Text: text, End: len(text)}, Dict: true, Cov: 1, IdfCov: 1, Contig: 1}, nil, false)
	}
	en, frv := vec("plan work"), vec("planifier le travail")
	for _, name := range []string{"pref_overlap", "three_plus_tokens", "log_extra_words"} {
		if feature(en, name) != feature(frv, name) {
			t.Errorf("%s: English %v, French %v", name, feature(en, name), feature(frv, name))
		}
	}
}

func TestLooseFeatures(t *testing.T) {
	_, m := testMeta(t)
	text := "plan the work of the team"
	c := Cand{Match: extract.Match{ID: "u:plan", Text: "plan the work", End: 13, Loose: true}, Dict: true, Cov: 1, IdfCov: 1, Contig: 1}
	rival := Cand{Match: extract.Match{ID: "u:solve", Text: "the work", Start: 5, End: 13, Loose: true}, Dict: true}
	exact := c
	exact.Match.Loose = false
	x := m.Vector(text, c, []Cand{c, rival}, false)
	if feature(x, "loose_match") != 1 || feature(x, "loose_pref_overlap") != feature(x, "pref_overlap") || feature(x, "pref_overlap") == 0 {
		t.Errorf("loose match: loose_match %v loose_pref_overlap %v pref_overlap %v", feature(x, "loose_match"), feature(x, "loose_pref_overlap"), feature(x, "pref_overlap"))
	}
	if got := feature(x, "log_loose_rivals"); math.Abs(got-math.Log1p(1)) > 1e-9 {
		t.Errorf("log_loose_rivals %v, want log 2 (one other concept on the same words)", got)
	}
	y := m.Vector(text, exact, []Cand{exact, rival}, false)
	for _, f := range []string{"loose_match", "loose_pref_overlap", "log_loose_rivals"} {
		if feature(y, f) != 0 {
			t.Errorf("dictionary match: %s = %v, want 0", f, feature(y, f))
		}
	}
}

// TestFilterJudgesLoose: a model that distrusts loose matches drops them
// and keeps the dictionary's; rivals count per text, past the cache.
func TestFilterJudgesLoose(t *testing.T) {
	_, m := testMeta(t)
	w := make([]float64, NumFeatures)
	w[0] = 2
	w[fLoose] = -1
	w[fLooseRivals] = -4
	md := &Model{Features: FeatureNames, Weights: w, Threshold: 0.5}
	s := NewScorer(m, md, false)
	if !s.JudgesLoose() {
		t.Fatal("the scorer must ask for loose matches")
	}
	s.SetLoose(false)
	if s.JudgesLoose() {
		t.Fatal("SetLoose(false): the scorer still asks for loose matches")
	}
	s.SetLoose(true)
	plan := extract.Match{ID: "u:plan", Text: "plan work", End: 9, Loose: true}
	solve := extract.Match{ID: "u:solve", Text: "work", Start: 5, End: 9, Loose: true}
	alone := s.Rescore("plan work", extract.Result{Skills: []extract.Match{plan}})
	if len(alone.Skills) != 1 {
		t.Fatalf("a loose match without rivals (logit 1): kept %+v, want it", alone.Skills)
	}
	rivalled := s.Rescore("plan work", extract.Result{Skills: []extract.Match{plan, solve}})
	if len(rivalled.Skills) != 0 {
		t.Errorf("loose matches with a rival each (logit 1-4 log 2): kept %+v, want none", rivalled.Skills)
	}
	exact := plan
	exact.Loose = false
	if got := s.Rescore("plan work", extract.Result{Skills: []extract.Match{exact, solve}}); len(got.Skills) != 1 || got.Skills[0].Loose {
		t.Errorf("dictionary match beside a loose one: kept %+v, want the dictionary's alone", got.Skills)
	}
}

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
