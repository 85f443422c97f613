package skilleval

import (
	"math"
	"slices"
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/skilllink"
)

func TestBestThresholdMinPrecision(t *testing.T) {
	// One sentence, 4 gold labels; candidates by falling probability:
	// right, wrong, right, right, wrong.
	sents := []Sentence{{Gold: map[string]bool{"a": true, "b": true, "c": true, "d": true}}}
	ys := []bool{true, false, true, true, false}
	probs := []float64{0.9, 0.8, 0.7, 0.6, 0.5}
	var cands []Candidate
	for _, y := range ys {
		cands = append(cands, Candidate{Y: y})
	}
	all := func(int) bool { return true }
	// F1 alone: keep the first four (P 3/4, R 3/4, F1 0.75; all five
	// give 0.67), so the cut is between 0.6 and 0.5.
	if th := BestThreshold(sents, cands, probs, all, 0); math.Abs(th-0.55) > 1e-9 {
		t.Errorf("F1 threshold %v, want 0.55", th)
	}
	// Precision 0.8 first: only the first candidate reaches it.
	if th := BestThreshold(sents, cands, probs, all, 0.8); math.Abs(th-0.85) > 1e-9 {
		t.Errorf("min-precision threshold %v, want 0.85", th)
	}
	// Unreachable precision: the F1 threshold.
	cands[0].Y = false
	if th := BestThreshold(sents, cands, probs, all, 0.99); math.Abs(th-0.55) > 1e-9 {
		t.Errorf("fallback threshold %v, want 0.55", th)
	}
}

func TestPriorLeavesOwnSentenceOut(t *testing.T) {
	x := make([]float64, skilllink.NumFeatures)
	mk := func(sent int, y bool) Candidate {
		return Candidate{Sent: sent, Match: extract.Match{ID: "c"}, X: x, Y: y}
	}
	cands := []Candidate{mk(0, true), mk(1, true), mk(2, false), mk(3, true)}
	in := func(s int) bool { return s != 3 } // sentence 3 held out
	ex, score, counts := examples(cands, in, Fit{PriorStrength: 1})
	if counts["c"] != [2]int{2, 1} {
		t.Fatalf("counts %v, want 2 right 1 wrong (held-out sentence not counted)", counts["c"])
	}
	pi := slices.Index(skilllink.FeatureNames, "concept_prior")
	prior := func(x []float64) float64 { return x[pi] }
	// Training example of sentence 0 (right) sees 1 right, 1 wrong.
	if got := prior(ex[0].X); math.Abs(got-0) > 1e-9 {
		t.Errorf("own label leaked: prior %v, want 0", got)
	}
	// The wrong one of sentence 2 sees 2 right.
	if got := prior(ex[2].X); math.Abs(got-2.0/3) > 1e-9 {
		t.Errorf("prior %v, want 2/3", got)
	}
	// The held-out candidate is scored with every training count.
	if got := prior(score[3]); math.Abs(got-1.0/4) > 1e-9 {
		t.Errorf("held-out prior %v, want (2−1)/(3+1)", got)
	}
	if len(ex) != 3 {
		t.Errorf("%d training examples, want 3", len(ex))
	}
}
